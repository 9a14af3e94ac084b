"""Indonesian number parsing and formatting: every accepted and refused form, plus round trips."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip_tui.angka import (
    format_bilangan,
    format_desimal,
    format_persen,
    format_rupiah,
    parse_bilangan,
    parse_desimal,
    parse_persen,
    parse_rupiah,
)
from lakip_tui.errors import AngkaError, LakipError
from lakip_tui.kinerja import TakTerhitung

KOSONG = ["", "   ", "-", " - ", "\u2013", "\u2014"]


# --- parse_rupiah --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("4.277.622.800", 4277622800),
        ("Rp 4.277.622.800", 4277622800),
        ("Rp. 4.277.622.800", 4277622800),
        ("Rp4.277.622.800", 4277622800),
        ("Rp.4.277.622.800", 4277622800),
        ("rp 4.277.622.800", 4277622800),
        ("4277622800", 4277622800),
        ("4.277.622.800,00", 4277622800),
        ("4.277.622.800,0", 4277622800),
        ("  4.277.622.800\t", 4277622800),
        ("\u00a0Rp\u00a04.277.622.800\u00a0", 4277622800),
        ("0", 0),
        ("999", 999),
        ("1.000", 1000),
        ("Rp 0", 0),
    ],
)
def test_parse_rupiah_diterima(teks: str, nilai: int) -> None:
    assert parse_rupiah(teks) == nilai


@pytest.mark.parametrize("teks", KOSONG + ["Rp -", "Rp. -", "Rp"])
def test_parse_rupiah_kosong(teks: str) -> None:
    assert parse_rupiah(teks) is None


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("abc", "bukan"),
        ("12a", "bukan"),
        ("#DIV/0!", "bukan"),
        ("4,5", "Rupiah harus bilangan bulat"),
        ("4.277.622.800,50", "Rupiah harus bilangan bulat"),
        ("4.27", "pemisah ribuan tidak valid"),
        ("42.77.622", "pemisah ribuan tidak valid"),
        ("4277.622", "pemisah ribuan tidak valid"),
        ("0.500", "pemisah ribuan tidak valid"),
        (".500", "pemisah ribuan tidak valid"),
        ("1,234,567", "gunakan titik sebagai pemisah ribuan, contoh 1.234.567"),
        ("1,000", "gunakan titik sebagai pemisah ribuan, contoh 1.000"),
        ("1,234.50", "gunakan titik sebagai pemisah ribuan dan koma untuk desimal"),
        ("-4.277", "Nilai Rupiah tidak boleh negatif"),
        ("Rp -4.277", "Nilai Rupiah tidak boleh negatif"),
        ("-Rp 4.277", "Nilai Rupiah tidak boleh negatif"),
        ("4 277 622", "bukan"),
        ("4,", "bukan"),
        ("--5", "bukan"),
        ("-Rp -5", "bukan"),
    ],
)
def test_parse_rupiah_ditolak(teks: str, pesan: str) -> None:
    with pytest.raises(AngkaError) as info:
        parse_rupiah(teks)
    assert pesan.lower() in info.value.message.lower()
    assert f'"{teks}"' in info.value.message  # the user sees what they typed


def test_angka_error_adalah_lakip_error_dan_value_error() -> None:
    with pytest.raises(LakipError):
        parse_rupiah("abc")
    with pytest.raises(ValueError):
        parse_rupiah("abc")


@pytest.mark.parametrize(
    "teks, nilai",
    [("-4.277", -4277), ("Rp -4.277", -4277), ("-Rp 4.277", -4277), ("\u22124.277", -4277)],
)
def test_parse_rupiah_negatif_bila_diizinkan(teks: str, nilai: int) -> None:
    assert parse_rupiah(teks, negatif=True) == nilai


# --- parse_bilangan ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks, nilai",
    [("118.107", 118107), ("0", 0), ("26", 26), ("1.000.000", 1000000), ("118.107,00", 118107)],
)
def test_parse_bilangan_diterima(teks: str, nilai: int) -> None:
    assert parse_bilangan(teks) == nilai


@pytest.mark.parametrize("teks", KOSONG)
def test_parse_bilangan_kosong(teks: str) -> None:
    assert parse_bilangan(teks) is None


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("-5", "tidak boleh negatif"),
        ("4,5", "harus bilangan bulat"),
        ("118.10", "pemisah ribuan tidak valid"),
        ("1,234,567", "gunakan titik sebagai pemisah ribuan, contoh 1.234.567"),
        ("Rp 5", "bukan"),
        ("lima", "bukan"),
    ],
)
def test_parse_bilangan_ditolak(teks: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan):
        parse_bilangan(teks)


# --- parse_desimal / parse_persen ----------------------------------------------------------


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("0,16", 0.16),
        ("1.234,5", 1234.5),
        ("85", 85.0),
        ("1.234", 1234.0),
        ("-2,5", -2.5),
        ("\u22122,5", -2.5),
        ("0", 0.0),
        ("1.234.567,891", 1234567.891),
    ],
)
def test_parse_desimal_diterima(teks: str, nilai: float) -> None:
    assert parse_desimal(teks) == nilai


@pytest.mark.parametrize("teks", KOSONG)
def test_parse_desimal_kosong(teks: str) -> None:
    assert parse_desimal(teks) is None


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("83.42", "gunakan koma untuk desimal, contoh 83,42"),
        ("0.16", "gunakan koma untuk desimal, contoh 0,16"),
        ("-83.42", "gunakan koma untuk desimal"),
        ("1.234.5", "pemisah ribuan tidak valid"),
        ("1,234,567", "gunakan titik sebagai pemisah ribuan"),
        ("1,234.5", "contoh 1.234,5"),
        ("abc", "bukan"),
        (",5", "bukan"),
        ("5,", "bukan"),
    ],
)
def test_parse_desimal_ditolak(teks: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan):
        parse_desimal(teks)


@pytest.mark.parametrize(
    "teks, nilai",
    [
        ("83,42%", 83.42),
        ("83,42 %", 83.42),
        ("83,42", 83.42),
        ("100%", 100.0),
        (" 100 % ", 100.0),
        ("0,00%", 0.0),
        ("-50%", -50.0),
        ("1.234,5%", 1234.5),
    ],
)
def test_parse_persen_diterima(teks: str, nilai: float) -> None:
    assert parse_persen(teks) == nilai


@pytest.mark.parametrize("teks", KOSONG + ["-%", "- %"])
def test_parse_persen_kosong(teks: str) -> None:
    assert parse_persen(teks) is None


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("83.42%", "gunakan koma untuk desimal, contoh 83,42"),
        ("%", "tidak berisi angka"),
        ("#DIV/0!", "bukan"),
        ("83,42%%", "bukan"),
    ],
)
def test_parse_persen_ditolak(teks: str, pesan: str) -> None:
    with pytest.raises(AngkaError, match=pesan):
        parse_persen(teks)


# --- formatting ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nilai, prefix, teks",
    [
        (4277622800, False, "4.277.622.800"),
        (4277622800, True, "Rp 4.277.622.800"),
        (0, False, "0"),
        (999, False, "999"),
        (1000, False, "1.000"),
        (-4277, False, "-4.277"),
        (-4277, True, "-Rp 4.277"),
        (None, False, "-"),
        (None, True, "-"),
    ],
)
def test_format_rupiah(nilai: int | None, prefix: bool, teks: str) -> None:
    assert format_rupiah(nilai, prefix=prefix) == teks


@pytest.mark.parametrize("nilai, teks", [(118107, "118.107"), (0, "0"), (None, "-"), (-5, "-5")])
def test_format_bilangan(nilai: int | None, teks: str) -> None:
    assert format_bilangan(nilai) == teks


@pytest.mark.parametrize("nilai", [4.5, True, "5"])
def test_format_rupiah_menolak_bukan_int(nilai: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(nilai)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "nilai, digits, teks",
    [
        (0.16085, 2, "0,16"),
        (1234.5, 2, "1.234,50"),
        (0.125, 2, "0,13"),
        (0.135, 2, "0,14"),
        (2.675, 2, "2,68"),  # binary 2.67499999... but written 2.675
        (1.005, 2, "1,01"),
        (-0.125, 2, "-0,13"),
        (-0.001, 2, "0,00"),
        (0, 2, "0,00"),
        (1234567.891, 1, "1.234.567,9"),
        (99.5, 0, "100"),
        (1e20, 2, "100.000.000.000.000.000.000,00"),
        (None, 2, "-"),
    ],
)
def test_format_desimal(nilai: float | None, digits: int, teks: str) -> None:
    assert format_desimal(nilai, digits) == teks


@pytest.mark.parametrize(
    "nilai, teks",
    [
        (83.4204, "83,42%"),
        (100, "100%"),
        (100.0, "100%"),
        (50.0, "50%"),
        (94.7, "94,70%"),
        (98.82352941176471, "98,82%"),
        (99.999, "100%"),
        (99.994, "99,99%"),
        (0, "0%"),
        (-3.5, "-3,50%"),
        (1234.5, "1.234,50%"),
        (None, "-"),
    ],
)
def test_format_persen(nilai: float | None, teks: str) -> None:
    assert format_persen(nilai) == teks


def test_format_persen_digits() -> None:
    assert format_persen(83.4204, 1) == "83,4%"
    assert format_persen(83.4204, 0) == "83%"


@pytest.mark.parametrize(
    "fungsi", [format_rupiah, format_bilangan, format_desimal, format_persen]
)
def test_tak_terhitung_ditulis(fungsi) -> None:
    assert fungsi(TakTerhitung("pagu 0")) == "tidak dapat dihitung"


@pytest.mark.parametrize("nilai", [math.nan, math.inf, -math.inf])
def test_bukan_angka_terhingga_tidak_pernah_dicetak(nilai: float) -> None:
    assert format_desimal(nilai) == "tidak dapat dihitung"
    assert format_persen(nilai) == "tidak dapat dihitung"


# --- round trips ---------------------------------------------------------------------------


def _dibulatkan(x: float, digits: int) -> float:
    """Reference rounding, computed independently with ample precision (floats reach 1e308)."""
    with localcontext() as konteks:
        konteks.prec = 400
        langkah = Decimal(1).scaleb(-digits)
        return float(Decimal(repr(x)).quantize(langkah, rounding=ROUND_HALF_UP))


@given(st.integers(), st.booleans())
def test_rupiah_bolak_balik(nilai: int, prefix: bool) -> None:
    assert parse_rupiah(format_rupiah(nilai, prefix=prefix), negatif=True) == nilai


@given(st.integers(min_value=0, max_value=10**40))
def test_rupiah_positif_bolak_balik(nilai: int) -> None:
    assert parse_rupiah(format_rupiah(nilai, prefix=True)) == nilai


@given(st.integers(min_value=0))
def test_bilangan_bolak_balik(nilai: int) -> None:
    assert parse_bilangan(format_bilangan(nilai)) == nilai


angka_wajar = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(angka_wajar)
def test_desimal_bolak_balik(nilai: float) -> None:
    kembali = parse_desimal(format_desimal(nilai))
    assert kembali == _dibulatkan(nilai, 2)
    assert abs(kembali - nilai) <= 0.005 + abs(nilai) * 1e-15


@given(angka_wajar)
def test_persen_bolak_balik(nilai: float) -> None:
    kembali = parse_persen(format_persen(nilai))
    assert kembali == _dibulatkan(nilai, 2)
    assert abs(kembali - nilai) <= 0.005 + abs(nilai) * 1e-15


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(min_value=0, max_value=6))
def test_desimal_bolak_balik_segala_besaran(nilai: float, digits: int) -> None:
    assert parse_desimal(format_desimal(nilai, digits)) == _dibulatkan(nilai, digits)


def test_jalur_cepat_tanpa_textual_dan_rich() -> None:
    # The CLI check path imports these modules; the UI libraries must stay out of it.
    import subprocess
    import sys

    kode = (
        "import sys, lakip_tui.angka, lakip_tui.kinerja; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == "[]"


def test_format_nilai_prints_an_indicator_value_as_a_planner_reads_it() -> None:
    from lakip_tui.angka import format_nilai

    assert format_nilai(85, "%") == "85%"
    assert format_nilai(98.8235, "%") == "98,82%"
    assert format_nilai(1250, "orang") == "1.250 orang"
    assert format_nilai(2.5, "") == "2,50"
    assert format_nilai(" WTP ", "") == "WTP"
    assert format_nilai(None, "%") == "-" and format_nilai("", "%") == "-"


@given(st.integers(min_value=-(2**70), max_value=2**70),
       st.integers(min_value=-(2**70), max_value=2**70).filter(lambda n: n != 0))
def test_bagi_setengah_naik_sama_dengan_decimal(pembilang: int, penyebut: int) -> None:
    from lakip_tui.angka import bagi_setengah_naik

    with localcontext() as konteks:
        konteks.prec = 100
        harapan = (Decimal(pembilang) / Decimal(penyebut)).quantize(Decimal(1),
                                                                    rounding=ROUND_HALF_UP)
    assert bagi_setengah_naik(pembilang, penyebut) == int(harapan)
