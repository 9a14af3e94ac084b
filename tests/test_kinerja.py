"""Domain math, checked against the numbers printed in the seed (LAKIP Dinsos Binjai 2024)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip_tui.angka import format_desimal, format_persen
from lakip_tui.errors import AngkaError
from lakip_tui.kinerja import (
    SKALA_BAKU,
    Peringkat,
    Rekap,
    RekapPohon,
    TakTerhitung,
    capaian,
    capaian_kualitatif,
    capaian_sesuai_target,
    efisiensi,
    peringkat,
    periksa_skala,
    persen_anggaran,
    rata_rata,
    rekap_kegiatan,
    rekap_pohon,
    rekap_program,
    rekap_sub,
    rekap_total,
    skala_dari_data,
    skala_ke_data,
)

# --- the seed's Tabel 3.7: (program, kegiatan, sub, pagu, realisasi); None = printed "-" ----

TABEL_3_7 = [
    ("1.06.01", "1.06.01.2.02", "0001", 3190068739, 3039121635),
    ("1.06.01", "1.06.01.2.02", "0002", 200040000, 172047088),
    ("1.06.01", "1.06.01.2.02", "0003", None, None),
    ("1.06.01", "1.06.01.2.05", "0009", 62292000, 54986848),
    ("1.06.01", "1.06.01.2.06", "0001", 7637030, 3430000),
    ("1.06.01", "1.06.01.2.06", "0003", None, None),
    ("1.06.01", "1.06.01.2.06", "0004", 66291290, 53772020),
    ("1.06.01", "1.06.01.2.06", "0005", 47690419, 24064700),
    ("1.06.01", "1.06.01.2.06", "0006", 11520000, 5760000),
    ("1.06.01", "1.06.01.2.06", "0009", 249318000, 159585220),
    ("1.06.01", "1.06.01.2.07", "0006", 69997292, 55200000),
    ("1.06.01", "1.06.01.2.08", "0001", 3000000, 3000000),
    ("1.06.01", "1.06.01.2.08", "0002", 182352500, 111912552),
    ("1.06.01", "1.06.01.2.08", "0004", 56925530, 54768000),
    ("1.06.01", "1.06.01.2.09", "0001", 79640000, 75289886),
    ("1.06.01", "1.06.01.2.09", "0006", 16650000, 16650000),
    ("1.06.01", "1.06.01.2.09", "0009", 34200000, 17420000),
    ("1.06.02", "1.06.02.2.03", "0001", None, None),
    ("1.06.02", "1.06.02.2.03", "0003", None, None),
    ("1.06.02", "1.06.02.2.03", "0004", 178789817, 66813800),
    ("1.06.03", "1.06.03.2.01", "0001", None, None),
    ("1.06.04", "1.06.04.2.01", "0003", 69558067, None),
    ("1.06.04", "1.06.04.2.01", "0005", 194299860, 172800000),
    ("1.06.04", "1.06.04.2.01", "0011", 63963866, 48594515),
    ("1.06.04", "1.06.04.2.02", "0003", None, None),
    ("1.06.04", "1.06.04.2.02", "0014", 46599000, 45110000),
    ("1.06.05", "1.06.05.2.02", "0002", 152976570, 121203260),
    ("1.06.05", "1.06.05.2.02", "0004", 119484310, None),
    ("1.06.05", "1.06.05.2.02", "0003", 66369200, 57756080),
    ("1.06.06", "1.06.06.2.01", "0001", 484613267, 368078940),
    ("1.06.06", "1.06.06.2.02", "0002", None, None),
    ("1.06.07", "1.06.07.2.01", "0002", 78696220, 55117000),
]


def _anggaran(baris: list[tuple[str, str, str, int | None, int | None]]) -> list[dict[str, Any]]:
    """The nested structure of the project file, values left out where the seed prints "-"."""
    programs: dict[str, dict[str, Any]] = {}
    for kode_program, kode_kegiatan, kode_sub, pagu, realisasi in baris:
        program = programs.setdefault(
            kode_program, {"kode": kode_program, "nama": f"Program {kode_program}", "kegiatan": []}
        )
        kegiatan = next((k for k in program["kegiatan"] if k["kode"] == kode_kegiatan), None)
        if kegiatan is None:
            kegiatan = {"kode": kode_kegiatan, "nama": f"Kegiatan {kode_kegiatan}", "sub": []}
            program["kegiatan"].append(kegiatan)
        sub: dict[str, Any] = {"kode": f"{kode_kegiatan}.{kode_sub}", "nama": f"Sub {kode_sub}"}
        if pagu is not None:
            sub["pagu"] = pagu
        if realisasi is not None:
            sub["realisasi"] = realisasi
        kegiatan["sub"].append(sub)
    return list(programs.values())


ANGGARAN = _anggaran(TABEL_3_7)


def _program(kode: str) -> dict[str, Any]:
    return next(p for p in ANGGARAN if p["kode"] == kode)


def _kegiatan(kode: str) -> dict[str, Any]:
    return next(k for p in ANGGARAN for k in p["kegiatan"] if k["kode"] == kode)


# --- capaian -------------------------------------------------------------------------------


def test_capaian_seed() -> None:
    assert format_persen(capaian(85, 84)) == "98,82%"
    assert capaian(100, 100) == 100.0
    assert format_persen(rata_rata([capaian(85, 84), capaian(100, 100)])) == "99,41%"


@pytest.mark.parametrize(
    "target, realisasi, polaritas, hasil",
    [
        (10, 8, "negatif", 120.0),
        (10, 10, "negatif", 100.0),
        (10, 12, "negatif", 80.0),
        (10, 25, "negatif", -50.0),
        (10, 0, "negatif", 200.0),
        (10, 8, " Negatif ", 120.0),
        (85, 84, "POSITIF", 8400 / 85),
        (50, 0, "positif", 0.0),
        (2.5, 5, "positif", 200.0),
    ],
)
def test_capaian_polaritas(target: float, realisasi: float, polaritas: str, hasil: float) -> None:
    assert capaian(target, realisasi, polaritas) == pytest.approx(hasil)


def test_capaian_batas_atas_hanya_bila_diminta() -> None:
    assert capaian(10, 15) == 150.0
    assert capaian(10, 15, batas_atas=120) == 120.0
    assert capaian(10, 9, batas_atas=120) == 90.0
    assert capaian(10, 8, "negatif", batas_atas=100) == 100.0


@pytest.mark.parametrize(
    "target, realisasi, polaritas, alasan",
    [
        (0, 5, "positif", "target 0"),
        (0.0, 0, "negatif", "target 0"),
        (None, 5, "positif", "target belum diisi"),
        (85, None, "positif", "realisasi belum diisi"),
        (None, None, "positif", "belum diisi"),
        (85, 84, "netral", "polaritas tidak dikenal"),
        (85, 84, "", "polaritas tidak dikenal"),
        (-5, 3, "positif", "target negatif"),
        ("85", 84, "positif", "target bukan angka"),
        (85, "84", "positif", "realisasi bukan angka"),
        (85, True, "positif", "realisasi bukan angka"),
        (85, math.nan, "positif", "realisasi bukan angka"),
        (math.inf, 5, "positif", "target bukan angka"),
        (1e-300, 1e300, "positif", "tidak terhingga"),
    ],
)
def test_capaian_tak_terhitung(target: Any, realisasi: Any, polaritas: str, alasan: str) -> None:
    hasil = capaian(target, realisasi, polaritas)
    assert isinstance(hasil, TakTerhitung)
    assert alasan in hasil.alasan
    assert str(hasil) == "tidak dapat dihitung"


SKALA_OPINI = ["D", "C", "CC", "B", "BB", "A", "AA"]


@pytest.mark.parametrize(
    "target, realisasi, hasil",
    [
        ("A", "A", 100.0),
        ("BB", "A", 6 / 5 * 100),
        ("A", "BB", 5 / 6 * 100),
        ("B", "D", 25.0),
        (" bb ", "Bb", 100.0),
    ],
)
def test_capaian_kualitatif(target: str, realisasi: str, hasil: float) -> None:
    assert capaian_kualitatif(target, realisasi, SKALA_OPINI) == pytest.approx(hasil)


@pytest.mark.parametrize(
    "target, realisasi, urutan, alasan",
    [
        ("A", "E", SKALA_OPINI, "realisasi 'E' tidak ada dalam skala"),
        ("Z", "A", SKALA_OPINI, "target 'Z' tidak ada dalam skala"),
        ("A", None, SKALA_OPINI, "realisasi belum diisi"),
        ("A", "  ", SKALA_OPINI, "realisasi belum diisi"),
        (None, "A", SKALA_OPINI, "target belum diisi"),
        ("A", "A", [], "tidak ada dalam skala"),
        ("A", "B", ["B", "A", "a"], "muncul dua kali"),
    ],
)
def test_capaian_kualitatif_tak_terhitung(
    target: Any, realisasi: Any, urutan: list[str], alasan: str
) -> None:
    hasil = capaian_kualitatif(target, realisasi, urutan)
    assert isinstance(hasil, TakTerhitung)
    assert alasan in hasil.alasan


@pytest.mark.parametrize(
    "target, realisasi, hasil",
    [
        ("WTP", "WTP", 100.0),
        ("Ada", "  ada ", 100.0),
        ("Dokumen  Renstra", "dokumen renstra", 100.0),
        ("WTP", "WDP", 0.0),
        ("Ada", "Tidak ada", 0.0),
    ],
)
def test_capaian_sesuai_target(target: str, realisasi: str, hasil: float) -> None:
    assert capaian_sesuai_target(target, realisasi) == hasil


@pytest.mark.parametrize(
    "target, realisasi, alasan",
    [("Ada", None, "realisasi belum diisi"), ("Ada", "", "realisasi belum diisi"),
     (None, "Ada", "target belum diisi")],
)
def test_capaian_sesuai_target_tak_terhitung(target: Any, realisasi: Any, alasan: str) -> None:
    hasil = capaian_sesuai_target(target, realisasi)
    assert isinstance(hasil, TakTerhitung) and alasan in hasil.alasan


# --- rata-rata -----------------------------------------------------------------------------


def test_rata_rata() -> None:
    assert rata_rata([80, 90, 100]) == 90.0
    assert rata_rata(iter([98.5])) == 98.5


@pytest.mark.parametrize(
    "nilai, alasan",
    [
        ([], "tidak ada capaian"),
        ([100.0, TakTerhitung("target 0")], "1 dari 2 capaian tidak dapat dihitung (target 0)"),
        ([TakTerhitung("a"), TakTerhitung("b"), 50.0], "2 dari 3"),
        ([100.0, None], "bukan angka"),
    ],
)
def test_rata_rata_tak_terhitung(nilai: list[Any], alasan: str) -> None:
    hasil = rata_rata(nilai)
    assert isinstance(hasil, TakTerhitung)
    assert alasan in hasil.alasan


# --- peringkat -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nilai, nama",
    [
        (-5, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (50, "Sangat Rendah"),
        (50.5, "Sangat Rendah"),
        (51, "Rendah"),
        (65, "Rendah"),
        (65.5, "Rendah"),
        (66, "Sedang"),
        (75, "Sedang"),
        (75.5, "Sedang"),
        (76, "Tinggi"),
        (90, "Tinggi"),
        (90.5, "Tinggi"),
        (91, "Sangat Tinggi"),
        (98.82, "Sangat Tinggi"),
        (100, "Sangat Tinggi"),
        (100.5, "Sangat Tinggi"),
        (250, "Sangat Tinggi"),
    ],
)
def test_peringkat_di_tiap_batas(nilai: float, nama: str) -> None:
    assert peringkat(nilai) == nama


def test_peringkat_tak_terhitung() -> None:
    alasan = TakTerhitung("target 0")
    assert peringkat(alasan) is alasan
    assert isinstance(peringkat(math.nan), TakTerhitung)
    assert isinstance(peringkat(50, ()), TakTerhitung)


def test_peringkat_skala_tanpa_batas_bawah_terbuka() -> None:
    skala = (Peringkat("Baik", 80), Peringkat("Cukup", 50))
    assert peringkat(80, skala) == "Baik"
    assert peringkat(79.9, skala) == "Cukup"
    hasil = peringkat(10, skala)
    assert isinstance(hasil, TakTerhitung) and "di bawah peringkat terendah" in hasil.alasan


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_peringkat_selalu_tepat_satu(nilai: float) -> None:
    nama = peringkat(nilai)
    assert isinstance(nama, str)
    # Exactly one tier's half-open interval [min, next min) holds the value.
    batas = sorted((-math.inf if t.min is None else t.min, t.nama) for t in SKALA_BAKU)
    atas = [b for b, _ in batas[1:]] + [math.inf]
    cocok = [n for (bawah, n), plafon in zip(batas, atas) if bawah <= nilai < plafon]
    assert cocok == [nama]


# --- skala dari data / periksa skala -------------------------------------------------------

SKALA_SEED = [
    {"nama": "Sangat Tinggi", "min": 91, "max": 100},
    {"nama": "Tinggi", "min": 76, "max": 90},
    {"nama": "Sedang", "min": 66, "max": 75},
    {"nama": "Rendah", "min": 51, "max": 65},
    {"nama": "Sangat Rendah", "max": 50},
]


def test_skala_baku_sebagai_data_tanpa_masalah() -> None:
    rows = skala_ke_data(SKALA_BAKU)
    assert rows[-1] == {"nama": "Sangat Rendah"}
    assert periksa_skala(rows) == []
    assert skala_dari_data(rows) == SKALA_BAKU


def test_skala_seed_menunjukkan_celah_dan_di_atas_100() -> None:
    masalah = periksa_skala(SKALA_SEED)
    assert len(masalah) == 5
    for bawah, atas in [(90, 91), (75, 76), (65, 66), (50, 51)]:
        pesan = f"nilai antara {bawah} dan {atas} tidak masuk peringkat mana pun"
        assert any(pesan in m.lower() for m in masalah), pesan
    assert any("di atas 100" in m for m in masalah)


def test_skala_dari_data_urut_menurut_min() -> None:
    acak = [SKALA_SEED[3], SKALA_SEED[4], SKALA_SEED[0], SKALA_SEED[2], SKALA_SEED[1]]
    skala = skala_dari_data(acak)
    assert [t.nama for t in skala] == [t.nama for t in SKALA_BAKU]
    assert [t.min for t in skala] == [91, 76, 66, 51, None]
    # Rated by mins only, the seed's printed scale has no gaps: 90.5 is Tinggi.
    assert peringkat(90.5, skala) == "Tinggi"


def test_skala_dari_data_menolak_batas_bukan_angka() -> None:
    with pytest.raises(AngkaError) as info:
        skala_dari_data([{"nama": "Baik", "min": "91"}])
    assert "baris 1" in info.value.where


@pytest.mark.parametrize(
    "rows, pesan",
    [
        ([], "kosong"),
        (
            [{"nama": "Baik", "min": 70}, {"nama": "Kurang", "max": 75}],
            "tumpang tindih: nilai antara 70 dan 75 masuk keduanya",
        ),
        ([{"nama": "Baik", "min": 70}, {"nama": "Kurang", "min": 10}], "di bawah 10"),
        ([{"nama": "Baik", "min": 70, "max": 100}, {"nama": "Kurang"}], "di atas 100"),
        ([{"nama": "Baik", "min": 70}, {"nama": "baik ", "max": 70}], "dipakai lebih dari sekali"),
        (
            [{"nama": "Baik", "min": 90, "max": 80}, {"nama": "Kurang"}],
            "batas bawah 90 lebih besar",
        ),
        ([{"nama": "A"}, {"nama": "B"}], "batas bawah yang sama"),
        (
            [{"nama": "A", "min": 50}, {"nama": "B", "min": 50}, {"nama": "C"}],
            "batas bawah yang sama",
        ),
        ([{"nama": "", "min": 50}, {"nama": "C"}], "tidak punya nama"),
        ([{"nama": "A", "min": "lima"}, {"nama": "C"}], "harus angka"),
        (["Baik"], "bukan tabel"),
        (
            [{"nama": "A", "min": 90.5, "max": 100}, {"nama": "B", "max": 90}],
            "nilai antara 90 dan 90,5",
        ),
    ],
)
def test_periksa_skala_menemukan_masalah(rows: list[Any], pesan: str) -> None:
    masalah = periksa_skala(rows)
    assert any(pesan.lower() in m.lower() for m in masalah), masalah


@pytest.mark.parametrize(
    "rows",
    [
        [{"nama": "Baik", "min": 70}, {"nama": "Kurang", "max": 70}],  # touching bounds
        [{"nama": "Baik", "min": 70}, {"nama": "Kurang", "min": None, "max": 70}],
        [{"nama": "Baik", "min": 70}, {"nama": "Cukup", "min": 50, "max": 70}, {"nama": "Kurang"}],
        [{"nama": "Satu-satunya"}],
    ],
)
def test_periksa_skala_tanpa_masalah(rows: list[dict[str, Any]]) -> None:
    assert periksa_skala(rows) == []


# --- anggaran ------------------------------------------------------------------------------


def test_persen_anggaran_seed_total() -> None:
    assert format_persen(persen_anggaran(5732972977, 4782481544)) == "83,42%"


@pytest.mark.parametrize(
    "pagu, realisasi, teks",
    [
        (3190068739, 3039121635, "95,27%"),
        (200040000, 172047088, "86,01%"),
        (7637030, 3430000, "44,91%"),
        (182352500, 111912552, "61,37%"),
        (11520000, 5760000, "50%"),
        (69558067, 0, "0%"),
    ],
)
def test_persen_anggaran_sub_kegiatan_tabel_3_7(pagu: int, realisasi: int, teks: str) -> None:
    assert format_persen(persen_anggaran(pagu, realisasi)) == teks


@pytest.mark.parametrize(
    "pagu, realisasi, alasan",
    [
        (0, 0, "pagu 0"),
        (0, 5000, "pagu 0"),
        (None, 5000, "pagu belum diisi"),
        (5000, None, "realisasi belum diisi"),
        ("5000", 10, "pagu bukan angka"),
    ],
)
def test_persen_anggaran_tak_terhitung(pagu: Any, realisasi: Any, alasan: str) -> None:
    hasil = persen_anggaran(pagu, realisasi)
    assert isinstance(hasil, TakTerhitung) and alasan in hasil.alasan


def test_rekap_seed_per_tingkat() -> None:
    assert rekap_sub({"pagu": 3190068739, "realisasi": 3039121635}) == Rekap(3190068739, 3039121635)
    assert rekap_sub({"kode": "x"}) == Rekap(0, 0)
    kegiatan = rekap_kegiatan(_kegiatan("1.06.01.2.02"))
    assert kegiatan == Rekap(3390108739, 3211168723)
    assert format_persen(kegiatan.persen) == "94,72%"  # printed rounded as 94,7%
    assert rekap_kegiatan(_kegiatan("1.06.01.2.06")) == Rekap(382456739, 246611940)
    program = rekap_program(_program("1.06.01"))
    assert program == Rekap(4277622800, 3847007949)
    assert format_persen(program.persen) == "89,93%"
    assert format_persen(rekap_program(_program("1.06.04")).persen) == "71,18%"
    total = rekap_total(ANGGARAN)
    assert total == Rekap(5732972977, 4782481544)
    assert format_persen(total.persen) == "83,42%"


def test_rekap_program_tanpa_pagu_tidak_pernah_div0() -> None:
    # The seed prints "#DIV/0!" for program 1.06.03, which has no pagu at all.
    program = rekap_program(_program("1.06.03"))
    assert program == Rekap(0, 0)
    assert isinstance(program.persen, TakTerhitung)
    assert format_persen(program.persen) == "tidak dapat dihitung"


def test_rekap_struktur_tidak_lengkap() -> None:
    assert rekap_program({"kode": "1"}) == Rekap(0, 0)
    assert rekap_kegiatan({"kode": "1"}) == Rekap(0, 0)
    assert rekap_total([]) == Rekap(0, 0)
    assert rekap_sub({"pagu": 5.0e9}) == Rekap(5000000000, 0)


@pytest.mark.parametrize("nilai", [1.5, "4.277.622.800", True])
def test_rekap_menolak_nilai_bukan_rupiah(nilai: Any) -> None:
    with pytest.raises(AngkaError) as info:
        rekap_sub({"kode": "1.06.01.2.02.0001", "pagu": nilai})
    assert "1.06.01.2.02.0001" in info.value.where


def test_rekap_pohon_seed() -> None:
    pohon = rekap_pohon(ANGGARAN)
    assert isinstance(pohon, RekapPohon)
    assert pohon.rekap == Rekap(5732972977, 4782481544)
    assert [p.kode for p in pohon.program] == [p["kode"] for p in ANGGARAN]
    assert [p.rekap for p in pohon.program] == [rekap_program(p) for p in ANGGARAN]
    penunjang = pohon.program[0]
    assert penunjang.rekap == Rekap(4277622800, 3847007949)
    assert penunjang.kegiatan[0].kode == "1.06.01.2.02"
    assert penunjang.kegiatan[0].rekap == Rekap(3390108739, 3211168723)
    gaji = penunjang.kegiatan[0].sub[0]
    assert (gaji.kode, gaji.rekap) == ("1.06.01.2.02.0001", Rekap(3190068739, 3039121635))
    assert gaji.data is ANGGARAN[0]["kegiatan"][0]["sub"][0]  # renderers reach the source row
    assert format_persen(gaji.rekap.persen) == "95,27%"


def _pohon_acak(jumlah_sub: int) -> list[dict[str, Any]]:
    programs = []
    for p in range(jumlah_sub // 100):
        kegiatan = [
            {
                "kode": f"{p}.{k}",
                "nama": "Kegiatan",
                "sub": [
                    {"kode": f"{p}.{k}.{s}", "nama": "Sub", "pagu": 1000 + s, "realisasi": s * 7}
                    for s in range(10)
                ],
            }
            for k in range(10)
        ]
        programs.append({"kode": str(p), "nama": "Program", "kegiatan": kegiatan})
    return programs


def test_rekap_pohon_20000_sub() -> None:
    # speed is measured in bench/, not here; this checks the big tree is rolled up whole
    programs = _pohon_acak(20_000)
    pohon = rekap_pohon(programs)
    assert sum(len(k.sub) for p in pohon.program for k in p.kegiatan) == 20_000
    assert pohon.rekap == rekap_total(programs)


rupiah = st.one_of(st.none(), st.integers(min_value=0, max_value=10**13))
sub_acak = st.fixed_dictionaries({}, optional={"pagu": rupiah, "realisasi": rupiah})
kegiatan_acak = st.fixed_dictionaries({}, optional={"sub": st.lists(sub_acak, max_size=5)})
program_acak = st.fixed_dictionaries({}, optional={"kegiatan": st.lists(kegiatan_acak, max_size=4)})


@given(st.lists(program_acak, max_size=5))
def test_rekap_total_sama_dengan_jumlah_semua_sub(programs: list[dict[str, Any]]) -> None:
    subs = [s for p in programs for k in p.get("kegiatan", []) for s in k.get("sub", [])]
    harapan = Rekap(
        sum(s.get("pagu") or 0 for s in subs), sum(s.get("realisasi") or 0 for s in subs)
    )
    assert rekap_total(programs) == harapan
    pohon = rekap_pohon(programs)
    assert pohon.rekap == harapan
    assert _jumlah_daun(pohon) == harapan


def _jumlah_daun(pohon: RekapPohon) -> Rekap:
    daun = [s.rekap for p in pohon.program for k in p.kegiatan for s in k.sub]
    return Rekap(sum(r.pagu for r in daun), sum(r.realisasi for r in daun))


# --- efisiensi -----------------------------------------------------------------------------


def test_efisiensi_seed() -> None:
    assert format_desimal(efisiensi(83.42, 99.41)) == "0,16"


def test_efisiensi_dari_angka_mentah_seed() -> None:
    anggaran = persen_anggaran(5732972977, 4782481544)
    kinerja = rata_rata([capaian(85, 84), capaian(100, 100)])
    assert format_desimal(efisiensi(anggaran, kinerja)) == "0,16"


@pytest.mark.parametrize(
    "anggaran, kinerja, alasan",
    [
        (83.42, 0, "capaian kinerja 0%"),
        (TakTerhitung("pagu 0"), 99.41, "realisasi anggaran tidak dapat dihitung (pagu 0)"),
        (83.42, TakTerhitung("target 0"), "capaian kinerja tidak dapat dihitung (target 0)"),
        (None, 99.41, "belum ada"),
        (83.42, None, "belum ada"),
        (83.42, math.nan, "harus angka"),
    ],
)
def test_efisiensi_tak_terhitung(anggaran: Any, kinerja: Any, alasan: str) -> None:
    hasil = efisiensi(anggaran, kinerja)
    assert isinstance(hasil, TakTerhitung) and alasan in hasil.alasan


def test_persen_anggaran_of_huge_amounts_rounds_as_a_person_would() -> None:
    """Exact arithmetic: a float is off by one in the last digit above ~10^15."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    from lakip_tui.angka import format_persen

    def manusia(pagu: int, realisasi: int) -> str:
        with localcontext() as c:
            c.prec = 80
            nilai = (Decimal(realisasi) * 100 / Decimal(pagu)).quantize(Decimal("0.01"),
                                                                         ROUND_HALF_UP)
        return format_persen(nilai)

    cases = [
        (97928061416042, 95893612834217),
        (97928061416042, 97928061416042 * 12345 // 100000),  # just below 12,345 -> 12,34%
        (7970778426191620467, 792192153982827892934 // 100),
        (9223372036854775807, 9223372036854775806),  # TOML's largest integer
        (531594365514854344, 5105139909503627949),
        (3, 1), (8, 1), (200, 1),
    ]
    for pagu, realisasi in cases:
        assert format_persen(persen_anggaran(pagu, realisasi)) == manusia(pagu, realisasi)
    # 1/8 = 12,5% exactly; 1/3 = 33,33%; and half up at the boundary: 12,345% -> 12,35%
    assert format_persen(persen_anggaran(100000, 12345)) == "12,35%"
    assert format_persen(persen_anggaran(10**17, 12345 * 10**12 - 1)) == "12,34%"
    # still a number for everyone else's arithmetic
    hasil = persen_anggaran(5732972977, 4782481544)
    assert isinstance(hasil, float) and abs(hasil - 83.42) < 0.01
    import pickle
    assert format_persen(pickle.loads(pickle.dumps(hasil))) == "83,42%"


# --- whole-Rupiah percentages with integer arithmetic ---------------------------------------
# Against the Decimal implementation they replace: a 60-digit quotient, printed by angka's
# Decimal rounding (ROUND_HALF_UP), and its float.

_TOML_INT = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_RUPIAH = st.one_of(
    _TOML_INT,
    st.integers(min_value=-10**6, max_value=10**6),
    st.integers(min_value=0, max_value=10**16),
    st.sampled_from([0, 1, -1, 2**63 - 1, -(2**63), 2**63 - 2, 10**15, 97_928_061_416_042]),
)


def _persen_desimal(pembilang: int, penyebut: int) -> Any:
    from decimal import Decimal, localcontext

    with localcontext() as konteks:
        konteks.prec = 60
        return Decimal(pembilang * 100) / Decimal(penyebut)


@given(_RUPIAH, _RUPIAH.filter(lambda n: n != 0), st.integers(min_value=0, max_value=6))
def test_persen_tepat_bulat_sama_dengan_desimal(
    pembilang: int, penyebut: int, digits: int
) -> None:
    from lakip_tui.kinerja import persen_tepat

    tepat = _persen_desimal(pembilang, penyebut)
    hasil = persen_tepat(pembilang, penyebut)
    assert float(hasil) == float(tepat)
    assert hasil.tepat == tepat
    assert format_persen(hasil, digits) == format_persen(tepat, digits)


@given(st.integers(min_value=-10**4, max_value=10**4),
       st.integers(min_value=-10**4, max_value=10**4).filter(lambda n: n != 0),
       st.integers(min_value=0, max_value=4))
def test_persen_tepat_bulat_dekat_batas_pembulatan(
    pembilang: int, penyebut: int, digits: int
) -> None:
    """Small amounts hit the ties (12,5% at 0 digits, 0,125 at 2) that half-up decides."""
    from lakip_tui.kinerja import persen_tepat

    hasil = persen_tepat(pembilang, penyebut)
    assert format_persen(hasil, digits) == format_persen(_persen_desimal(pembilang, penyebut),
                                                         digits)


@given(st.integers(min_value=2**63, max_value=2**80), _RUPIAH.filter(lambda n: n != 0))
def test_persen_tepat_di_luar_toml_tetap_desimal(pembilang: int, penyebut: int) -> None:
    from lakip_tui.kinerja import persen_tepat

    hasil = persen_tepat(pembilang, penyebut)
    assert hasil.pecahan is None
    assert format_persen(hasil) == format_persen(_persen_desimal(pembilang, penyebut))


def test_persen_tepat_dipickle_utuh() -> None:
    import pickle

    from lakip_tui.kinerja import persen_tepat

    for hasil in (persen_tepat(97_928_061_416_042, 97_928_061_416_043),
                  persen_tepat(2**70, 3)):
        salinan = pickle.loads(pickle.dumps(hasil))
        assert float(salinan) == float(hasil)
        assert format_persen(salinan) == format_persen(hasil)
        assert salinan.tepat == hasil.tepat
