"""Comparing a stated (`*_tertulis`) figure, as it was printed, with the computed one.

A stated percentage is compared at the precision it was printed with: "94,7%" agrees with a
computed 94,72%, because the older document rounded it to one decimal. Rounding and formatting
both go through `angka.format_persen`, so the comparison and the report cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from numbers import Real

from lakip_tui.api import kinerja
from lakip_tui.api import format_persen, format_rupiah, parse_persen, parse_rupiah
from lakip_tui.api import AngkaError

# What spreadsheets print where a division by zero happened.
GALAT_EXCEL = ("#DIV/0!", "#VALUE!", "#N/A", "#REF!", "#NUM!")


@dataclass(frozen=True)
class Selisih:
    """Why a stated figure does not stand: jenis is "berbeda", "div0" or "tidak-terbaca"."""

    jenis: str
    pesan: str
    tertulis: object = None  # the figure as written in the file
    dihitung: object = None  # the computed figure (a number), None when it cannot be computed


def _angka(nilai: object) -> bool:
    return isinstance(nilai, Real) and not isinstance(nilai, bool)


def _galat_excel(nilai: object) -> bool:
    return isinstance(nilai, str) and nilai.strip().upper() in GALAT_EXCEL


def banding_rupiah(tertulis: object, dihitung: int, label: str) -> Selisih | None:
    """A stated amount (int, or text such as "4.277.622.800" or "-") against the computed one."""
    if _galat_excel(tertulis):
        return Selisih("div0", f"{label} tertulis {tertulis.strip()} (galat rumus lembar kerja); "
                               f"hasil hitung {format_rupiah(dihitung, prefix=True)}",
                       tertulis, dihitung)
    if isinstance(tertulis, int) and not isinstance(tertulis, bool):
        nilai = tertulis
    elif isinstance(tertulis, str):
        try:
            nilai = parse_rupiah(tertulis, negatif=True)
        except AngkaError as exc:
            return Selisih("tidak-terbaca", f"{label} tertulis tidak terbaca sebagai Rupiah: "
                                            f"{exc.message}", tertulis, dihitung)
        nilai = 0 if nilai is None else nilai  # "-" in a Rupiah column means nothing spent
    else:
        return Selisih("tidak-terbaca", f"{label} tertulis harus bilangan bulat Rupiah, "
                                        f"bukan {tertulis!r}", tertulis, dihitung)
    if nilai == dihitung:
        return None
    return Selisih("berbeda", f"{label} tertulis {format_rupiah(nilai, prefix=True)} berbeda "
                              f"dengan hasil hitung {format_rupiah(dihitung, prefix=True)}",
                   tertulis, dihitung)


def baca_persen(tertulis: object) -> tuple[float | None, int]:
    """The stated percentage and how many decimals it was printed with; None for "-".

    Raises AngkaError for text that is not a percentage.
    """
    if _angka(tertulis):
        teks = repr(float(tertulis))
        desimal = teks.partition(".")[2].rstrip("0")
        return float(tertulis), len(desimal)
    if not isinstance(tertulis, str):
        raise AngkaError(f"persentase harus teks seperti \"83,42%\", bukan {tertulis!r}")
    nilai = parse_persen(tertulis)
    angka_saja = tertulis.strip().rstrip("%").strip()
    return nilai, len(angka_saja.partition(",")[2])


def banding_persen(tertulis: object, dihitung: kinerja.Hasil, label: str) -> Selisih | None:
    """A stated percentage against the computed one, at the stated precision."""
    angka = None if isinstance(dihitung, kinerja.TakTerhitung) else dihitung
    if _galat_excel(tertulis):
        return Selisih("div0", f"{label} tertulis {tertulis.strip()} (galat pembagian dengan "
                               f"nol di lembar kerja); hasil hitung: {format_persen(dihitung)}"
                               + _alasan(dihitung), tertulis, angka)
    try:
        nilai, desimal = baca_persen(tertulis)
    except AngkaError as exc:
        return Selisih("tidak-terbaca", f"{label} tertulis tidak terbaca sebagai persentase: "
                                        f"{exc.message}", tertulis, angka)
    if isinstance(dihitung, kinerja.TakTerhitung):
        if nilai is None:
            return None
        return Selisih("berbeda", f"{label} tertulis {format_persen(nilai, desimal)}, padahal "
                                  f"tidak dapat dihitung{_alasan(dihitung)}", tertulis, angka)
    if nilai is None:
        return Selisih("berbeda", f"{label} tertulis kosong (-), hasil hitung "
                                  f"{format_persen(dihitung)}", tertulis, angka)
    if format_persen(nilai, desimal) == format_persen(dihitung, desimal):
        return None
    return Selisih("berbeda", f"{label} tertulis {format_persen(nilai, desimal)} berbeda dengan "
                              f"hasil hitung {format_persen(dihitung)}", tertulis, angka)


def _alasan(hasil: kinerja.Hasil) -> str:
    return f" ({hasil.alasan})" if isinstance(hasil, kinerja.TakTerhitung) else ""
