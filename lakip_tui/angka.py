"""Indonesian numbers as people type and read them: `4.277.622.800`, `83,42%`, `Rp 5.000`.

Dot groups thousands, comma marks decimals. Parsing is strict on purpose: a number read the
wrong way round (83.42 as 8.342) would silently corrupt a report, so anything ambiguous is
refused with an `AngkaError` that quotes the text and shows the right way to write it.
"-" (and the dashes Word puts in tables) means "no value" and parses to None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from numbers import Real

from lakip_tui.errors import AngkaError
from lakip_tui.tak_terhitung import TakTerhitung

TAK_TERHITUNG = "tidak dapat dihitung"
_KOSONG = "-"

# Hyphen, en dash and em dash all stand for an empty cell in Indonesian tables.
_TANDA_KOSONG = frozenset({"", "-", "\u2013", "\u2014"})
# Hyphen-minus and the typographic minus sign.
_TANDA_MINUS = ("-", "\u2212")

_PREFIX_RUPIAH = re.compile(r"^rp\.?", re.IGNORECASE)
_RIBUAN_TITIK = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_RIBUAN_KOMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


@dataclass(frozen=True)
class _Urai:
    """A number split into its parts; `bulat` and `pecahan` hold digits only."""

    negatif: bool
    bulat: str
    pecahan: str


def _kosong(teks: str) -> bool:
    return teks.strip() in _TANDA_KOSONG


def _contoh_ribuan(angka: int) -> str:
    return f"{angka:,}".replace(",", ".")


def _urai(asli: str, badan: str, *, desimal: bool) -> _Urai:
    """Split `badan` (prefix already removed) into sign, integer digits and decimal digits."""
    badan = badan.strip()
    negatif = badan.startswith(_TANDA_MINUS)
    if negatif:
        badan = badan[1:].lstrip()
    if not badan:
        raise AngkaError(f'"{asli}" tidak berisi angka.')
    if not set(badan) <= set("0123456789.,"):
        raise AngkaError(f'"{asli}" bukan angka yang valid.')
    koma = badan.count(",")
    if koma > 1 or (koma == 1 and "." in badan.split(",", 1)[1]):
        if _RIBUAN_KOMA.fullmatch(badan):
            bulat, _, pecahan = badan.partition(".")
            contoh = _contoh_ribuan(int(bulat.replace(",", "")))
            contoh += f",{pecahan}" if pecahan else ""
            raise AngkaError(
                f'"{asli}": gunakan titik sebagai pemisah ribuan'
                + (" dan koma untuk desimal" if pecahan else "")
                + f", contoh {contoh}."
            )
        raise AngkaError(f'"{asli}" bukan angka yang valid.')
    bulat, _, pecahan = badan.partition(",")
    if not bulat or (koma and not pecahan):
        raise AngkaError(f'"{asli}" bukan angka yang valid.')
    if "." in bulat:
        if not _RIBUAN_TITIK.fullmatch(bulat):
            if desimal and bulat.count(".") == 1 and not koma:
                raise AngkaError(
                    f'"{asli}": gunakan koma untuk desimal, contoh {badan.replace(".", ",")}'
                    " (titik hanya untuk pemisah ribuan)."
                )
            raise AngkaError(
                f'"{asli}": pemisah ribuan tidak valid; titik memisahkan tiap tiga angka, '
                "contoh 1.234.567."
            )
        bulat = bulat.replace(".", "")
    return _Urai(negatif, bulat, pecahan)


def _bilangan_bulat(asli: str, badan: str, *, nama: str, negatif: bool) -> int:
    """Shared by Rupiah and counts: whole numbers, ",00" tolerated, minus only when allowed."""
    urai = _urai(asli, badan, desimal=False)
    if urai.pecahan:
        if len(urai.pecahan) == 3 and "." not in badan and len(urai.bulat) <= 3:
            # "1,234" in a whole-number field is English grouping, not 1.234 with decimals.
            contoh = _contoh_ribuan(int(urai.bulat + urai.pecahan))
            raise AngkaError(
                f'"{asli}": gunakan titik sebagai pemisah ribuan, contoh {contoh}.'
            )
        if urai.pecahan.strip("0"):
            raise AngkaError(f'"{asli}": {nama} harus bilangan bulat, tanpa angka desimal.')
    if urai.negatif and not negatif:
        raise AngkaError(f'"{asli}": {nama} tidak boleh negatif.')
    nilai = int(urai.bulat)
    return -nilai if urai.negatif else nilai


def parse_rupiah(text: str, *, negatif: bool = False) -> int | None:
    """Whole Rupiah from "4.277.622.800", "Rp 4.277.622.800", "Rp.4.277.622.800,00"; "-" is None."""
    if _kosong(text):
        return None
    badan = text.strip()
    minus_di_depan = badan.startswith(_TANDA_MINUS)  # "-Rp 5.000" as well as "Rp -5.000"
    if minus_di_depan:
        badan = badan[1:].lstrip()
    badan = _PREFIX_RUPIAH.sub("", badan, count=1).strip()
    if _kosong(badan) and not minus_di_depan:
        return None  # "Rp -" is how accountants write an empty amount
    if minus_di_depan:
        if badan.startswith(_TANDA_MINUS):
            raise AngkaError(f'"{text}" bukan nilai Rupiah yang valid.')
        badan = "-" + badan
    return _bilangan_bulat(text, badan, nama="Nilai Rupiah", negatif=negatif)


def parse_bilangan(text: str) -> int | None:
    """A whole count such as "118.107"; "-" is None; negatives are refused."""
    if _kosong(text):
        return None
    return _bilangan_bulat(text, text, nama="Jumlah", negatif=False)


def parse_desimal(text: str) -> float | None:
    """A decimal such as "0,16", "1.234,5" or "-2,5"; "83.42" is refused as ambiguous."""
    if _kosong(text):
        return None
    urai = _urai(text, text, desimal=True)
    nilai = float(f"{urai.bulat}.{urai.pecahan or '0'}")
    return -nilai if urai.negatif else nilai


def parse_persen(text: str) -> float | None:
    """The percent number of "83,42%", "83,42 %" or "83,42" (83.42); "-" is None."""
    if _kosong(text):
        return None
    badan = text.strip()
    if badan.endswith("%"):
        badan = badan[:-1].rstrip()
        if not badan:
            raise AngkaError(f'"{text}" tidak berisi angka.')
        if _kosong(badan):
            return None  # "-%" as some spreadsheets print an empty percentage
    urai = _urai(text, badan, desimal=True)
    nilai = float(f"{urai.bulat}.{urai.pecahan or '0'}")
    return -nilai if urai.negatif else nilai


# --- formatting ----------------------------------------------------------------------------


def _cek_bulat(value: object) -> int:
    """Formatting a float as Rupiah would hide a bug upstream (amounts are ints), so refuse it."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"harus bilangan bulat (int), bukan {type(value).__name__}: {value!r}")
    return value


def format_bilangan(value: int | None) -> str:
    """118107 -> "118.107"; None -> "-"."""
    if type(value) is int:  # the usual case first (bool is not int by type)
        return _contoh_ribuan(value) if value >= 0 else f"-{_contoh_ribuan(-value)}"
    if isinstance(value, TakTerhitung):
        return TAK_TERHITUNG
    if value is None:
        return _KOSONG
    nilai = _cek_bulat(value)
    teks = _contoh_ribuan(abs(nilai))
    return f"-{teks}" if nilai < 0 else teks


def format_rupiah(value: int | None, *, prefix: bool = False) -> str:
    """4277622800 -> "4.277.622.800", or "Rp 4.277.622.800" with prefix; negative -> "-4.277"."""
    if isinstance(value, TakTerhitung):
        return TAK_TERHITUNG
    if value is None:
        return _KOSONG
    teks = format_bilangan(value)
    if not prefix:
        return teks
    return f"-Rp {teks[1:]}" if teks.startswith("-") else f"Rp {teks}"


def _bulatkan(value: Real | Decimal, digits: int) -> Decimal | None:
    """Round half up on the value as written (repr), so 0.125 -> 0.13 despite binary noise.

    None when the value is not finite: such a number has no place in a report.
    """
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        raise TypeError(f"harus angka, bukan {type(value).__name__}: {value!r}")
    if digits < 0:
        raise ValueError(f"jumlah digit desimal tidak boleh negatif: {digits}")
    tepat = getattr(value, "tepat", None)  # kinerja.PersenTepat: the exact quotient
    if isinstance(tepat, Decimal):
        angka = tepat
    else:
        angka = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not angka.is_finite():
        return None
    with localcontext() as konteks:
        # Enough precision for any float (up to ~1e308) plus the requested decimals.
        konteks.prec = max(28, angka.adjusted() + digits + 2)
        return angka.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def _tulis(angka: Decimal, digits: int) -> str:
    """Indonesian text of an already rounded Decimal: dots for thousands, comma for decimals."""
    teks = f"{abs(angka):.{digits}f}"
    bulat, _, pecahan = teks.partition(".")
    hasil = _contoh_ribuan(int(bulat)) + (f",{pecahan}" if pecahan else "")
    # A value that rounds to zero is printed without a sign ("-0,00" reads as an error).
    return f"-{hasil}" if angka < 0 and angka != 0 else hasil


def format_desimal(value: float | None, digits: int = 2) -> str:
    """0.16085 -> "0,16"; 1234.5 -> "1.234,50"; None -> "-"."""
    if isinstance(value, TakTerhitung):
        return TAK_TERHITUNG
    if value is None:
        return _KOSONG
    angka = _bulatkan(value, digits)
    return TAK_TERHITUNG if angka is None else _tulis(angka, digits)


def format_persen(value: float | None, digits: int = 2) -> str:
    """83.4204 -> "83,42%"; 100 -> "100%"; 94.7 -> "94,70%"; None -> "-"."""
    if isinstance(value, TakTerhitung):
        return TAK_TERHITUNG
    if value is None:
        return _KOSONG
    pecahan = getattr(value, "pecahan", None)  # kinerja.PersenTepat of two whole numbers
    if pecahan is not None and digits >= 0:
        return _persen_pecahan(*pecahan, digits)
    angka = _bulatkan(value, digits)
    if angka is None:
        return TAK_TERHITUNG
    # Whole after rounding ("100%", "50%"): the decimals would only add noise.
    utuh = angka == angka.to_integral_value()
    return _tulis(angka, 0 if utuh else digits) + "%"


def bagi_setengah_naik(pembilang: int, penyebut: int) -> int:
    """pembilang / penyebut rounded to a whole number, a half away from zero (ROUND_HALF_UP)."""
    hasil, sisa = divmod(abs(pembilang), abs(penyebut))
    if 2 * sisa >= abs(penyebut):
        hasil += 1
    return -hasil if (pembilang < 0) != (penyebut < 0) else hasil


def _persen_pecahan(pembilang: int, penyebut: int, digits: int) -> str:
    """format_persen of pembilang / penyebut, rounded with integer arithmetic: the same text as
    the Decimal rounding of the exact quotient, without building a 60-digit Decimal."""
    skala = 10**digits
    dibulatkan = bagi_setengah_naik(pembilang * skala, penyebut)
    bulat, pecahan = divmod(abs(dibulatkan), skala)
    # Whole after rounding ("100%"): no decimals; zero after rounding: no sign (as _tulis).
    teks = _contoh_ribuan(bulat) + (f",{pecahan:0{digits}d}" if pecahan else "")
    return ("-" if dibulatkan < 0 else "") + teks + "%"


def format_nilai(nilai: object, satuan: str = "") -> str:
    """An indicator's target or realisasi as printed: "85%", "1.250 orang", "WTP" (as typed)."""
    if nilai is None:
        return _KOSONG
    if isinstance(nilai, str):
        return nilai.strip() or _KOSONG  # a qualitative value ("WTP", "Ada") is printed as typed
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return str(nilai)
    satuan = satuan.strip()
    if satuan == "%":
        return format_persen(nilai)
    angka = format_bilangan(int(nilai)) if float(nilai).is_integer() else format_desimal(nilai, 2)
    return f"{angka} {satuan}" if satuan else angka
