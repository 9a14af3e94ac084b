"""Pure domain math of a LAKIP: capaian, rating scale, means, budget roll-ups, efisiensi.

Everything here works on plain data (numbers, strings, the dicts of the project file) and
never touches the UI. A value that cannot be computed is a `TakTerhitung` carrying the reason,
never 0, NaN, inf or an exception, so no `#DIV/0!` can reach a printed report.
`TakTerhitung` and `Hasil` live in `tak_terhitung` (angka needs them without the math) and are
re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Real
from typing import Any

from lakip_tui.errors import AngkaError
from lakip_tui.tak_terhitung import Hasil, TakTerhitung


def _angka(nilai: Any) -> bool:
    """A usable real number; bool is excluded because True would silently count as 1."""
    return isinstance(nilai, Real) and not isinstance(nilai, bool) and math.isfinite(nilai)


def _teks_angka(nilai: float) -> str:
    """Short Indonesian rendering for messages (90 -> "90", 90.5 -> "90,5")."""
    return f"{nilai:g}".replace(".", ",")


def _hasil(nilai: float) -> Hasil:
    """Guard every division result: an overflow becomes a reason, not inf."""
    if not math.isfinite(nilai):
        return TakTerhitung("hasil perhitungan tidak terhingga")
    return float(nilai)


# --- capaian indikator ---------------------------------------------------------------------


def capaian(
    target: Any,
    realisasi: Any,
    polaritas: str = "positif",
    *,
    batas_atas: float | None = None,
) -> Hasil:
    """Capaian in percent.

    positif: realisasi / target; negatif: (target - (realisasi - target)) / target.

    `batas_atas` caps the result (some agencies cap at 100 or 120); off by default so the
    report shows the raw value.
    """
    arah = polaritas.strip().lower() if isinstance(polaritas, str) else polaritas
    if arah not in ("positif", "negatif"):
        return TakTerhitung(f"polaritas tidak dikenal: {polaritas!r}")
    if target is None:
        return TakTerhitung("target belum diisi")
    if realisasi is None:
        return TakTerhitung("realisasi belum diisi")
    if not _angka(target):
        return TakTerhitung(f"target bukan angka: {target!r}")
    if not _angka(realisasi):
        return TakTerhitung(f"realisasi bukan angka: {realisasi!r}")
    if target == 0:
        return TakTerhitung("target 0")
    if target < 0:
        # Both formulas assume a positive target; with a negative one a better result
        # would show a lower capaian, so refuse rather than print a misleading number.
        return TakTerhitung("target negatif, rumus capaian tidak berlaku")
    pembilang = realisasi if arah == "positif" else target - (realisasi - target)
    # Multiply before dividing: 84*100/85 and 12*100/10 stay exact where a/b*100 picks up noise.
    hasil = _hasil(pembilang * 100 / target)
    if batas_atas is not None and not isinstance(hasil, TakTerhitung):
        hasil = min(hasil, float(batas_atas))
    return hasil


@dataclass(frozen=True, slots=True)
class KebijakanCapaian:
    """How an agency bounds capaian before averaging and rating it (written in its file).

    `batas_atas`: a capaian above it counts as `batas_atas` (many pemda cap at 100, the
    Kemenkeu performance index at 120); None: no cap. `negatif_nol`: a capaian below 0 (possible
    with negative polarity) counts as 0. The default bounds nothing, as the seed's report.
    """

    batas_atas: float | None = None
    negatif_nol: bool = False

    @property
    def aktif(self) -> bool:
        return self.batas_atas is not None or self.negatif_nol

    def terapkan(self, nilai: Hasil) -> Hasil:
        if isinstance(nilai, TakTerhitung) or not _angka(nilai):
            return nilai
        if self.batas_atas is not None and nilai > self.batas_atas:
            nilai = float(self.batas_atas)
        if self.negatif_nol and nilai < 0:
            nilai = 0.0
        return nilai

    def uraian(self) -> str:
        """One Indonesian sentence for the report, e.g. under Tabel 3.1."""
        bagian = []
        if self.batas_atas is not None:
            batas = _teks_angka(self.batas_atas)
            bagian.append(f"capaian di atas {batas}% dihitung {batas}%")
        if self.negatif_nol:
            bagian.append("capaian di bawah 0% dihitung 0%")
        if not bagian:
            return "Capaian tidak dibatasi: nilai di atas 100% dihitung apa adanya."
        teks = "; ".join(bagian)
        return (f"Capaian dibatasi sebelum dirata-rata dan diberi peringkat: {teks}.")


KEBIJAKAN_BAKU = KebijakanCapaian()


def kebijakan_dari_data(batas_atas: Any, negatif_nol: Any) -> tuple[KebijakanCapaian, list[str]]:
    """The policy from two values of a project file, with what is wrong in them (a wrong value
    is left out, never guessed)."""
    masalah: list[str] = []
    batas: float | None = None
    if batas_atas is not None:
        if not _angka(batas_atas) or batas_atas <= 0:
            masalah.append(f"batas atas capaian harus angka persen di atas 0 (mis. 100 atau 120), "
                           f"bukan {batas_atas!r}; capaian tidak dibatasi")
        else:
            batas = float(batas_atas)
    nol = False
    if negatif_nol is not None:
        if isinstance(negatif_nol, bool):
            nol = negatif_nol
        else:
            masalah.append(f"capaian negatif jadi nol harus true atau false, bukan {negatif_nol!r}")
    return KebijakanCapaian(batas, nol), masalah


def _normal(teks: Any) -> str:
    """Case- and whitespace-insensitive form of a qualitative value."""
    return " ".join(str(teks).split()).casefold()


def _kosong(nilai: Any) -> bool:
    return nilai is None or (isinstance(nilai, str) and not nilai.strip())


def capaian_kualitatif(target: Any, realisasi: Any, urutan: Sequence[str]) -> Hasil:
    """Capaian of an ordinal indicator: rank(realisasi) / rank(target) * 100, ranks 1-based.

    `urutan` lists the grades lowest first, e.g. ["D", "C", "CC", "B", "BB", "A", "AA"].
    """
    if _kosong(target):
        return TakTerhitung("target belum diisi")
    if _kosong(realisasi):
        return TakTerhitung("realisasi belum diisi")
    peringkat_ke: dict[str, int] = {}
    for posisi, nilai in enumerate(urutan, start=1):
        kunci = _normal(nilai)
        if kunci in peringkat_ke:
            return TakTerhitung(f"nilai {nilai!r} muncul dua kali dalam skala")
        peringkat_ke[kunci] = posisi
    posisi_target = peringkat_ke.get(_normal(target))
    if posisi_target is None:
        return TakTerhitung(f"target {target!r} tidak ada dalam skala")
    posisi_realisasi = peringkat_ke.get(_normal(realisasi))
    if posisi_realisasi is None:
        return TakTerhitung(f"realisasi {realisasi!r} tidak ada dalam skala")
    return posisi_realisasi * 100 / posisi_target


def capaian_sesuai_target(target: Any, realisasi: Any) -> Hasil:
    """100 when realisasi matches target (e.g. "Ada", "WTP"), otherwise 0."""
    if _kosong(target):
        return TakTerhitung("target belum diisi")
    if _kosong(realisasi):
        return TakTerhitung("realisasi belum diisi")
    return 100.0 if _normal(target) == _normal(realisasi) else 0.0


def rata_rata(values: Iterable[Hasil]) -> Hasil:
    """Mean capaian of a sasaran; refused when any part is missing: a partial mean misleads."""
    semua = list(values)
    if not semua:
        return TakTerhitung("tidak ada capaian indikator")
    hilang = [v for v in semua if isinstance(v, TakTerhitung)]
    if hilang:
        return TakTerhitung(
            f"{len(hilang)} dari {len(semua)} capaian tidak dapat dihitung ({hilang[0].alasan})"
        )
    bukan_angka = [v for v in semua if not _angka(v)]
    if bukan_angka:
        return TakTerhitung(f"capaian bukan angka: {bukan_angka[0]!r}")
    return _hasil(math.fsum(semua) / len(semua))


# --- skala peringkat -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Peringkat:
    """One tier of a rating scale; `min` is inclusive, None means no lower bound."""

    nama: str
    min: float | None


# Tabel 3.1 of the seed with its gaps closed: each tier runs up to the next tier's min,
# the top tier has no ceiling (capaian above 100% exists) and the bottom no floor.
SKALA_BAKU: tuple[Peringkat, ...] = (
    Peringkat("Sangat Tinggi", 91),
    Peringkat("Tinggi", 76),
    Peringkat("Sedang", 66),
    Peringkat("Rendah", 51),
    Peringkat("Sangat Rendah", None),
)


def peringkat(nilai: Hasil, skala: Sequence[Peringkat] = SKALA_BAKU) -> str | TakTerhitung:
    """Name of the tier with the largest min <= nilai; only mins matter, so there are no gaps."""
    if isinstance(nilai, TakTerhitung):
        return nilai
    if not isinstance(nilai, Real) or isinstance(nilai, bool) or math.isnan(nilai):
        return TakTerhitung(f"nilai bukan angka: {nilai!r}")
    if not skala:
        return TakTerhitung("skala peringkat kosong")
    terpilih: Peringkat | None = None
    for tingkat in skala:
        if _batas_bawah(tingkat) <= nilai and (
            terpilih is None or _batas_bawah(tingkat) > _batas_bawah(terpilih)
        ):
            terpilih = tingkat
    if terpilih is None:
        return TakTerhitung(f"nilai {_teks_angka(nilai)} di bawah peringkat terendah")
    return terpilih.nama


def _batas_bawah(tingkat: Peringkat | _Baris) -> float:
    return -math.inf if tingkat.min is None else tingkat.min


def _batas_dari_baris(baris: Mapping[str, Any], kunci: str, nomor: int) -> float | None:
    nilai = baris.get(kunci)
    if nilai is None:
        return None
    if not _angka(nilai):
        raise AngkaError(
            f"batas {kunci} peringkat harus angka, bukan {nilai!r}",
            where=f"skala peringkat baris {nomor}",
        )
    return nilai


def skala_dari_data(rows: Sequence[Mapping[str, Any]]) -> tuple[Peringkat, ...]:
    """Scale from the project file's rows `{nama, min?, max?}`, highest tier first.

    `max` is not needed to rate a value (a tier ends where the next begins); `periksa_skala`
    uses it to tell the user about gaps and overlaps in what they wrote.
    """
    tingkat = [
        Peringkat(str(baris.get("nama", "")).strip(), _batas_dari_baris(baris, "min", nomor))
        for nomor, baris in enumerate(rows, start=1)
    ]
    return tuple(sorted(tingkat, key=_batas_bawah, reverse=True))


def skala_ke_data(skala: Sequence[Peringkat]) -> list[dict[str, Any]]:
    """Rows for the project file (default content of a new file); no min is written as absent."""
    return [
        {"nama": t.nama} if t.min is None else {"nama": t.nama, "min": t.min} for t in skala
    ]


@dataclass(frozen=True, slots=True)
class _Baris:
    nama: str
    min: float | None
    max: float | None

    def rentang(self) -> str:
        bawah = "..." if self.min is None else _teks_angka(self.min)
        atas = "..." if self.max is None else _teks_angka(self.max)
        return f"{bawah}-{atas}"


def periksa_skala(rows: Sequence[Any]) -> list[str]:
    """Problems in a scale written by a person: gaps, overlaps, uncovered ends, duplicates."""
    masalah: list[str] = []
    if not rows:
        return ["Skala peringkat kosong: tidak ada nilai yang mendapat peringkat."]
    baris_sah: list[_Baris] = []
    nama_terlihat: set[str] = set()
    for nomor, baris in enumerate(rows, start=1):
        if not isinstance(baris, Mapping):
            masalah.append(f"Baris {nomor} skala peringkat bukan tabel {{nama, min, max}}.")
            continue
        nama = str(baris.get("nama", "")).strip()
        if not nama:
            masalah.append(f"Baris {nomor} skala peringkat tidak punya nama.")
        elif nama.casefold() in nama_terlihat:
            masalah.append(f"Nama peringkat '{nama}' dipakai lebih dari sekali.")
        nama_terlihat.add(nama.casefold())
        batas = {k: baris.get(k) for k in ("min", "max")}
        salah = [k for k, v in batas.items() if v is not None and not _angka(v)]
        if salah:
            masalah.extend(
                f"Peringkat '{nama}': batas {k} harus angka, bukan {batas[k]!r}." for k in salah
            )
            continue
        tingkat = _Baris(nama, batas["min"], batas["max"])
        if tingkat.min is not None and tingkat.max is not None and tingkat.min > tingkat.max:
            masalah.append(
                f"Peringkat '{nama}': batas bawah {_teks_angka(tingkat.min)} lebih besar "
                f"dari batas atas {_teks_angka(tingkat.max)}."
            )
            continue
        baris_sah.append(tingkat)
    if baris_sah:
        masalah.extend(_periksa_urutan(sorted(baris_sah, key=_batas_bawah)))
    return masalah


def _periksa_urutan(urut: list[_Baris]) -> list[str]:
    """Coverage of tiers sorted by min, lowest first; a missing max means 'up to the next min'."""
    masalah: list[str] = []
    terbawah, teratas = urut[0], urut[-1]
    if terbawah.min is not None:
        masalah.append(
            f"Nilai di bawah {_teks_angka(terbawah.min)} tidak masuk peringkat mana pun "
            f"(peringkat terendah '{terbawah.nama}' punya batas bawah)."
        )
    for bawah, atas in zip(urut, urut[1:]):
        if atas.min is None or bawah.min == atas.min:
            masalah.append(
                f"Peringkat '{bawah.nama}' dan '{atas.nama}' punya batas bawah yang sama "
                "sehingga tumpang tindih."
            )
        elif bawah.max is None:
            continue  # open-ended tier: it runs up to the next tier's min
        elif atas.min > bawah.max:
            masalah.append(
                f"Nilai antara {_teks_angka(bawah.max)} dan {_teks_angka(atas.min)} tidak masuk "
                f"peringkat mana pun (celah antara '{bawah.nama}' dan '{atas.nama}')."
            )
        elif atas.min < bawah.max:
            masalah.append(
                f"Peringkat '{bawah.nama}' ({bawah.rentang()}) dan '{atas.nama}' "
                f"({atas.rentang()}) tumpang tindih: nilai antara {_teks_angka(atas.min)} "
                f"dan {_teks_angka(bawah.max)} masuk keduanya."
            )
    if teratas.max is not None:
        masalah.append(
            f"Nilai di atas {_teks_angka(teratas.max)} (misalnya capaian di atas "
            f"{_teks_angka(teratas.max)}%) tidak masuk peringkat mana pun; hapus batas atas "
            f"peringkat '{teratas.nama}'."
        )
    return masalah


# --- anggaran ------------------------------------------------------------------------------


def persen_anggaran(pagu: int | None, realisasi: int | None) -> Hasil:
    """Realisasi anggaran in percent of pagu."""
    if type(pagu) is int and type(realisasi) is int:  # whole Rupiah (not bool): every row of
        return persen_tepat(realisasi, pagu) if pagu else TakTerhitung("pagu 0")  # Tabel 3.7
    if pagu is None:
        return TakTerhitung("pagu belum diisi")
    if realisasi is None:
        return TakTerhitung("realisasi belum diisi")
    if not _angka(pagu):
        return TakTerhitung(f"pagu bukan angka: {pagu!r}")
    if not _angka(realisasi):
        return TakTerhitung(f"realisasi bukan angka: {realisasi!r}")
    if pagu == 0:
        return TakTerhitung("pagu 0")
    if isinstance(pagu, int) and isinstance(realisasi, int):
        return persen_tepat(realisasi, pagu)
    return _hasil(realisasi * 100 / pagu)


class PersenTepat(float):
    """A percentage of two whole Rupiah amounts: a float for the arithmetic and comparisons
    everyone does, carrying the exact quotient that `angka` rounds when it prints. A float alone
    is off by one in the last printed digit for amounts above ~10^15 (97.928.061.416.042
    against its realisasi).

    Within TOML's integer range the quotient is kept as the two whole numbers (`pecahan`:
    pembilang x 100 and penyebut), which `angka` rounds with integer arithmetic; `tepat`, the
    same quotient as a Decimal of 60 digits, is made only when someone asks for it. Beyond that
    range only `tepat` is kept (60 digits keep the rounding exact up to TOML's integer limit: a
    quotient of two 19-digit integers cannot lie within 10^-40 of a rounding boundary without
    being on it)."""

    __slots__ = ("_tepat", "pecahan")

    def __new__(cls, tepat: Any, pecahan: tuple[int, int] | None = None) -> "PersenTepat":
        # int / int is correctly rounded, as float() of the 60-digit Decimal is in this range.
        nilai = float(tepat) if pecahan is None else pecahan[0] / pecahan[1]
        obj = super().__new__(cls, nilai)
        obj._tepat = tepat
        obj.pecahan = pecahan
        return obj

    @property
    def tepat(self) -> Any:
        """The exact quotient as a Decimal of 60 digits."""
        if self._tepat is None:
            self._tepat = _bagi_desimal(*self.pecahan)
        return self._tepat

    def __reduce__(self) -> Any:  # pickled by the check's worker processes
        return (PersenTepat, (self._tepat, self.pecahan))


# The range of a TOML integer: within it the quotient stays as two whole numbers.
_BATAS_BULAT = 2**63 - 1


def _bagi_desimal(pembilang: int, penyebut: int) -> Any:
    """pembilang / penyebut as a Decimal of 60 digits."""
    from decimal import Decimal, localcontext

    with localcontext() as konteks:
        konteks.prec = 60
        return Decimal(pembilang) / Decimal(penyebut)


def persen_tepat(pembilang: int, penyebut: int) -> Hasil:
    """`pembilang * 100 / penyebut` computed exactly (both whole numbers, penyebut not 0)."""
    if abs(pembilang) <= _BATAS_BULAT and abs(penyebut) <= _BATAS_BULAT:
        return PersenTepat(None, (pembilang * 100, penyebut))
    from decimal import Decimal

    tepat = _bagi_desimal(pembilang * 100, penyebut)
    hasil = _hasil(float(tepat)) if abs(tepat) > Decimal("1e300") else PersenTepat(tepat)
    return hasil


@dataclass(frozen=True, slots=True)
class Rekap:
    """Pagu and realisasi of one node of the budget tree, whole Rupiah."""

    pagu: int
    realisasi: int

    @property
    def persen(self) -> Hasil:
        return persen_anggaran(self.pagu, self.realisasi)


def _rupiah(data: Mapping[str, Any], kunci: str) -> int:
    """An amount from the file; missing counts as 0, anything but whole Rupiah is an error."""
    nilai = data.get(kunci)
    if type(nilai) is int:  # the usual case first (bool is not int by type)
        return nilai
    if nilai is None:
        return 0
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        return nilai
    if isinstance(nilai, float) and nilai.is_integer():
        return int(nilai)
    raise AngkaError(
        f"{kunci} harus bilangan bulat Rupiah, bukan {nilai!r}",
        where=f"sub-kegiatan {data.get('kode', '?')}",
    )


def _jumlah(bagian: Iterable[Rekap]) -> Rekap:
    pagu = realisasi = 0
    for rekap in bagian:
        pagu += rekap.pagu
        realisasi += rekap.realisasi
    return Rekap(pagu, realisasi)


def rekap_sub(sub: Mapping[str, Any]) -> Rekap:
    return Rekap(_rupiah(sub, "pagu"), _rupiah(sub, "realisasi"))


def rekap_kegiatan(kegiatan: Mapping[str, Any]) -> Rekap:
    return _jumlah(rekap_sub(s) for s in kegiatan.get("sub", ()))


def rekap_program(program: Mapping[str, Any]) -> Rekap:
    return _jumlah(rekap_kegiatan(k) for k in program.get("kegiatan", ()))


def rekap_total(programs: Iterable[Mapping[str, Any]]) -> Rekap:
    return _jumlah(rekap_program(p) for p in programs)


# The tree keeps each node's source dict (not compared, not printed) so a renderer can reach
# fields such as `indikator` and the TUI can map a row back to what the user edits.


@dataclass(frozen=True, slots=True)
class RekapSub:
    kode: str
    nama: str
    rekap: Rekap
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RekapKegiatan:
    kode: str
    nama: str
    rekap: Rekap
    sub: tuple[RekapSub, ...]
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RekapProgram:
    kode: str
    nama: str
    rekap: Rekap
    kegiatan: tuple[RekapKegiatan, ...]
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class RekapPohon:
    """The whole Tabel 3.7 roll-up: the grand total and every program below it."""

    rekap: Rekap
    program: tuple[RekapProgram, ...]


def _pohon_kegiatan(kegiatan: Mapping[str, Any]) -> RekapKegiatan:
    subs = tuple(
        RekapSub(str(s.get("kode", "")), str(s.get("nama", "")), rekap_sub(s), s)
        for s in kegiatan.get("sub", ())
    )
    return RekapKegiatan(
        str(kegiatan.get("kode", "")),
        str(kegiatan.get("nama", "")),
        _jumlah(s.rekap for s in subs),
        subs,
        kegiatan,
    )


def _pohon_program(program: Mapping[str, Any]) -> RekapProgram:
    kegiatan = tuple(_pohon_kegiatan(k) for k in program.get("kegiatan", ()))
    return RekapProgram(
        str(program.get("kode", "")),
        str(program.get("nama", "")),
        _jumlah(k.rekap for k in kegiatan),
        kegiatan,
        program,
    )


def rekap_pohon(programs: Iterable[Mapping[str, Any]]) -> RekapPohon:
    """Every level's totals in one linear pass, each node summed from its children once."""
    program = tuple(_pohon_program(p) for p in programs)
    return RekapPohon(_jumlah(p.rekap for p in program), program)


# --- efisiensi -----------------------------------------------------------------------------


def efisiensi(persen_realisasi_anggaran: Hasil, persen_capaian: Hasil) -> Hasil:
    """1 - (% realisasi anggaran / % capaian kinerja), as in section 3.2.4 of the seed (0,16)."""
    anggaran, kinerja = persen_realisasi_anggaran, persen_capaian
    if isinstance(anggaran, TakTerhitung):
        return TakTerhitung(f"persen realisasi anggaran tidak dapat dihitung ({anggaran.alasan})")
    if isinstance(kinerja, TakTerhitung):
        return TakTerhitung(f"persen capaian kinerja tidak dapat dihitung ({kinerja.alasan})")
    if anggaran is None:
        return TakTerhitung("persen realisasi anggaran belum ada")
    if kinerja is None:
        return TakTerhitung("persen capaian kinerja belum ada")
    if not _angka(anggaran) or not _angka(kinerja):
        return TakTerhitung("persen realisasi anggaran dan capaian kinerja harus angka")
    if kinerja == 0:
        return TakTerhitung("capaian kinerja 0%")
    return _hasil(1 - anggaran / kinerja)
