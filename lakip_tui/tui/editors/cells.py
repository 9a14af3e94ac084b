"""What a cell shows and what typed text becomes, per Kolom.jenis.

Pure functions over plain data (no Textual), shared by the table and the form editor. Parsing
and formatting of numbers is lakip_tui.angka's job; this module only picks the right function,
applies the column's rules (wajib, negatif, pilihan) and names the column in the message.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lakip_tui import angka
from lakip_tui.clean import clean_text
from lakip_tui.chapter import Kolom
from lakip_tui.errors import AngkaError, LakipError
from lakip_tui.paths import Path, get_in

# A list held in one cell (e.g. the codes of a tujuan's sasaran) is shown on one line; a semicolon
# separates items because Indonesian names and sentences often contain commas.
PEMISAH_DAFTAR = "; "
_KOSONG = ""
_ANGKA = ("rupiah", "bilangan", "desimal", "persen", "angka")


class ValueRefused(LakipError):
    """Typed text that this column does not accept; the message names the column."""

    def __init__(self, message: str) -> None:
        super().__init__(message, title="Nilai ditolak")


def kunci_path(key: str) -> Path:
    """A dotted Kolom.key ("kepala.nama") as path parts below the row or form."""
    return tuple(key.split("."))


def path_nilai(row_path: Path, kolom: Kolom) -> Path:
    return (*row_path, *kunci_path(kolom.key))


def nilai_di(row: Any, kolom: Kolom) -> Any:
    return get_in(row, kunci_path(kolom.key))


def pesan_tak_tersunting(kolom: Kolom, value: Any) -> str | None:
    """Why a stored value cannot be edited as one line of text (None when it can)."""
    if isinstance(value, dict) and kolom.jenis == "peta_tahun" and all(
            isinstance(item, (str, int, float)) for item in value.values()):
        return None
    if isinstance(value, dict):
        return (f"{kolom.label} berisi tabel bertingkat; sunting bagian-bagiannya di kolom "
                "sendiri atau langsung di berkas TOML.")
    if isinstance(value, list) and (kolom.jenis not in ("teks", "pilihan")
                                    or any(isinstance(item, (dict, list)) for item in value)):
        return f"{kolom.label} berisi daftar yang tidak dapat disunting di sini; sunting di berkas TOML."
    return None


def _angka_murni(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def teks_tampil(kolom: Kolom, value: Any) -> str:
    """The text a cell shows. Never raises: a value of an unexpected type is shown as it is.
    Control characters of the file's text are left out (clean_text): they would reach the
    terminal."""
    return clean_text(_teks_tampil(kolom, value))


def _teks_tampil(kolom: Kolom, value: Any) -> str:
    if value is None:
        return _KOSONG
    if isinstance(value, list):
        return PEMISAH_DAFTAR.join(_teks_tampil(kolom, item) for item in value)
    if isinstance(value, dict):
        if kolom.jenis == "peta_tahun":
            return PEMISAH_DAFTAR.join(f"{k}: {_teks_nilai_tahun(v)}" for k, v in value.items())
        return PEMISAH_DAFTAR.join(f"{k}: {_teks_tampil(kolom, v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if kolom.jenis == "tahun" and isinstance(value, int):
        return str(value)
    if kolom.jenis in _ANGKA and _angka_murni(value):
        try:
            return _format_angka(kolom.jenis, value, digits=None)
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def teks_hitung(value: Any) -> str:
    """The text of a computed cell (Kolom.hitung): it often quotes the file's text (a rating, a
    choice), so its control characters are left out too."""
    return clean_text(str(value))


def _teks_nilai_tahun(value: Any) -> str:
    """One value of a year -> value table, exact (82,5 stays 82,5; 1250 is 1.250)."""
    if _angka_murni(value):
        digits = _digit_penuh(value) if isinstance(value, float) else None
        try:
            return _format_angka("angka", value, digits=digits)
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def teks_sunting(kolom: Kolom, value: Any) -> str:
    """The text an editor starts from: like teks_tampil, but never rounded, so that confirming
    it unchanged gives back exactly the stored value."""
    if kolom.jenis in _ANGKA and _angka_murni(value) and isinstance(value, float):
        try:
            return _format_angka(kolom.jenis, value, digits=_digit_penuh(value))
        except (TypeError, ValueError):
            return str(value)
    return teks_tampil(kolom, value)


def _digit_penuh(value: float) -> int:
    exponent = Decimal(repr(value)).as_tuple().exponent
    return min(max(-exponent, 0), 12) if isinstance(exponent, int) else 2


def _format_angka(jenis: str, value: int | float, *, digits: int | None) -> str:
    whole = isinstance(value, int)
    if jenis == "rupiah":
        return angka.format_rupiah(value) if whole else angka.format_desimal(value, digits or 2)
    if jenis == "persen":
        return angka.format_persen(value) if digits is None else angka.format_persen(value, digits)
    if jenis == "desimal":
        if whole:
            return angka.format_bilangan(value)
        return angka.format_desimal(value) if digits is None else angka.format_desimal(value, digits)
    # bilangan and angka: whole numbers with dots, decimals (if any) with a comma
    if whole:
        return angka.format_bilangan(value)
    return angka.format_desimal(value, 2 if digits is None else digits)


def urai(kolom: Kolom, text: str, lama: Any = None) -> Any:
    """The value to store for `text` typed into `kolom`; None means "leave the key out".

    Raises ValueRefused with an Indonesian message naming the column. `lama` is the value now
    stored: a cell that holds a list stays a list.
    """
    try:
        value = _urai(kolom, text, lama)
    except AngkaError as exc:
        raise ValueRefused(f"{kolom.label}: {exc.message}") from None
    if value is None and kolom.wajib:
        raise ValueRefused(f"{kolom.label} wajib diisi.")
    return value


def _urai(kolom: Kolom, text: str, lama: Any) -> Any:
    jenis = kolom.jenis
    if isinstance(lama, list) and jenis in ("teks", "pilihan"):
        items = [part.strip() for part in text.split(PEMISAH_DAFTAR.strip())]
        items = [_urai_satu(kolom, item) for item in items if item]
        return items or None
    return _urai_satu(kolom, text)


def _urai_satu(kolom: Kolom, text: str) -> Any:
    jenis = kolom.jenis
    if jenis == "teks":
        value = text.strip()
        return value or None
    if jenis == "pilihan":
        return _urai_pilihan(kolom, text)
    if jenis == "rupiah":
        return angka.parse_rupiah(text, negatif=kolom.negatif)
    if jenis == "bilangan":
        return _urai_bilangan(kolom, text)
    if jenis == "desimal":
        return _tolak_negatif(kolom, text, angka.parse_desimal(text))
    if jenis == "persen":
        return _bulat_bila_utuh(_tolak_negatif(kolom, text, angka.parse_persen(text)))
    if jenis == "angka":
        return _urai_angka_atau_teks(kolom, text)
    if jenis == "tahun":
        return _urai_tahun(text)
    if jenis == "peta_tahun":
        return _urai_peta_tahun(text)
    raise ValueRefused(f"{kolom.label}: jenis kolom tidak dikenal ({jenis}).")


def _urai_pilihan(kolom: Kolom, text: str) -> str | None:
    wanted = text.strip()
    if not wanted:
        return None
    for option in kolom.pilihan:
        if option.casefold() == wanted.casefold():
            return option
    daftar = ", ".join(kolom.pilihan) or "(tidak ada pilihan)"
    raise ValueRefused(f'{kolom.label}: "{wanted}" bukan pilihan yang dikenal; pilih salah satu: '
                       f"{daftar}.")


def _urai_bilangan(kolom: Kolom, text: str) -> int | None:
    body = text.strip()
    if kolom.negatif and body[:1] in ("-", "\u2212") and body[1:].strip():
        value = angka.parse_bilangan(body[1:])
        return None if value is None else -value
    return angka.parse_bilangan(text)


# Text made only of these is meant as a number, so it is parsed strictly ("83.42" is refused,
# not kept as text); anything else in an "angka" column is a qualitative value such as "WTP".
_TEKS_ANGKA = re.compile(r"^\s*[-\u2212]?\s*[\d.,]+\s*%?\s*$")


def _urai_angka_atau_teks(kolom: Kolom, text: str) -> int | float | str | None:
    if not text.strip():
        return None
    if not _TEKS_ANGKA.match(text):
        return text.strip()
    body = text.strip().rstrip("%")
    return _bulat_bila_utuh(_tolak_negatif(kolom, text, angka.parse_desimal(body)))


def _urai_tahun(text: str) -> int | None:
    body = text.strip()
    if not body:
        return None
    if not (body.isdigit() and len(body) == 4):
        raise AngkaError(f'"{body}" bukan tahun; tulis empat angka, contoh 2024.')
    return int(body)


CONTOH_PETA_TAHUN = "2022: 70; 2023: 82,5"


def _urai_peta_tahun(text: str) -> dict[str, int | float] | None:
    """ "2022: 70; 2023: 82,5" as {"2022": 70, "2023": 82.5}: TOML keys are text, the values
    numbers written the Indonesian way; the years in the order typed."""
    hasil: dict[str, int | float] = {}
    for bagian in text.split(PEMISAH_DAFTAR.strip()):
        if not bagian.strip():
            continue
        tahun, tanda, nilai = bagian.partition(":")
        if not tanda:
            tahun, tanda, nilai = bagian.partition("=")
        tahun, nilai = tahun.strip(), nilai.strip()
        if not tanda or not (tahun.isdigit() and len(tahun) == 4):
            raise AngkaError(f'"{bagian.strip()}" tidak terbaca; tulis tahun: nilai, dipisah '
                             f'titik koma, contoh "{CONTOH_PETA_TAHUN}".')
        if tahun in hasil:
            raise AngkaError(f"tahun {tahun} tertulis dua kali.")
        if not nilai:
            raise AngkaError(f"nilai tahun {tahun} kosong; tulis angkanya, atau hapus tahun itu.")
        if not _TEKS_ANGKA.match(nilai):
            raise AngkaError(f'nilai tahun {tahun} ("{nilai}") bukan angka; tulis angka saja, '
                             f'contoh "{CONTOH_PETA_TAHUN}".')
        value = angka.parse_desimal(nilai.rstrip("%").strip())
        if value is not None and value < 0:
            raise AngkaError(f'nilai tahun {tahun} ("{nilai}") tidak boleh negatif.')
        hasil[tahun] = _bulat_bila_utuh(value)
    return hasil or None


def _tolak_negatif(kolom: Kolom, text: str, value: float | None) -> float | None:
    if value is not None and value < 0 and not kolom.negatif:
        raise AngkaError(f'"{text.strip()}" tidak boleh negatif.')
    return value


def _bulat_bila_utuh(value: float | None) -> int | float | None:
    """85% is stored as 85, not 85.0, so the file reads as the planner wrote it."""
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def rata_kanan(kolom: Kolom) -> bool:
    """Numbers line up on the right, as in the printed tables."""
    return kolom.jenis in _ANGKA or kolom.jenis == "tahun"
