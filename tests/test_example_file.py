"""The bundled example, projects/dinsos-binjai-2024.toml, is the seed report transcribed whole.

These tests read the file with tomllib only (no plugin code), so they are about the file: every
table row and narrative of the seed is there, with the values exactly as printed, mistakes
included. Expected values below were read off the seed (LAKIP Dinas Sosial Kota Binjai 2024).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import tomlkit

EXAMPLE = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"
TEXT = EXAMPLE.read_text(encoding="utf-8")
DATA = tomllib.loads(TEXT)


def _subs(program: dict) -> list[dict]:
    return [sub for kegiatan in program["kegiatan"] for sub in kegiatan["sub"]]


def _all_subs() -> list[dict]:
    return [sub for program in DATA["anggaran"]["program"] for sub in _subs(program)]


def _program(kode: str) -> dict:
    (found,) = [p for p in DATA["anggaran"]["program"] if p["kode"] == kode]
    return found


# --- the file itself -------------------------------------------------------------------------


def test_parses_and_round_trips_through_tomlkit_unchanged():
    assert tomlkit.dumps(tomlkit.parse(TEXT)) == TEXT


def test_is_format_1_for_fiscal_year_2024():
    assert DATA["format"] == 1
    assert DATA["meta"]["tahun"] == 2024
    assert DATA["meta"]["instansi"] == "Dinas Sosial Kota Binjai"


def test_rupiah_are_whole_integers_everywhere():
    for sub in _all_subs():
        for key in ("pagu", "realisasi"):
            if key in sub:
                assert type(sub[key]) is int, (sub["kode"], key)


# --- meta ------------------------------------------------------------------------------------


def test_signature_as_printed_including_the_wrong_year():
    meta = DATA["meta"]
    assert meta["tempat_tanggal"] == "Binjai, Maret 2024"  # the seed's slip, kept
    assert meta["kepala"] == {
        "jabatan": "KEPALA DINAS SOSIAL KOTA BINJAI",
        "nama": "TRIONO JULIMAWARDI, S.SOS, M.A.P",
        "pangkat": "PEMBINA TK.I",
        "nip": "19751220 199801 1 001",
    }


# --- anggaran: Tabel 3.7 ---------------------------------------------------------------------

# Every sub-kegiatan of Tabel 3.7 in printed order: (kode, pagu, realisasi); None = blank cell.
SUB_KEGIATAN = [
    ("1.06.01.2.02.0001", 3190068739, 3039121635),
    ("1.06.01.2.02.0002", 200040000, 172047088),
    ("", None, 0),  # Koordinasi dan Pelaksanaan Akuntansi SKPD, printed without a code
    ("1.06.01.2.05.0009", 62292000, 54986848),
    ("1.06.01.2.06.0001", 7637030, 3430000),
    ("1.06.01.2.06.0003", None, 0),
    ("1.06.01.2.06.0004", 66291290, 53772020),
    ("1.06.01.2.06.0005", 47690419, 24064700),
    ("1.06.01.2.06.0006", 11520000, 5760000),
    ("1.06.01.2.06.0009", 249318000, 159585220),
    ("1.06.01.2.07.0006", 69997292, 55200000),
    ("1.06.01.2.08.0001", 3000000, 3000000),
    ("1.06.01.2.08.0002", 182352500, 111912552),
    ("1.06.01.2.08.0004", 56925530, 54768000),
    ("1.06.01.2.09.0001", 79640000, 75289886),
    ("1.06.01.2.09.0006", 16650000, 16650000),
    ("1.06.01.2.09.0009", 34200000, 17420000),
    ("1.06.02.2.03.0001", None, 0),
    ("1.06.02.2.03.0003", None, 0),
    ("1.06.02.2.03.0004", 178789817, 66813800),
    ("1.06.03.2.01.0001", None, 0),
    ("1.06.04.2.01.0003", 69558067, 0),
    ("1.06.04.2.01.0005", 194299860, 172800000),
    ("1.06.04.2.01.0011", 63963866, 48594515),
    ("1.06.04.2.02.0003", None, 0),
    ("1.06.04.2.02.0014", 46599000, 45110000),
    ("1.06.05.2.02.0002", 152976570, 121203260),
    ("1.06.05.2.02.0004", 119484310, 0),
    ("1.06.05.2.02.0003", 66369200, 57756080),  # printed after 0004
    ("1.06.06.2.01.0001", 484613267, 368078940),
    ("1.06.06.2.02.0002", None, 0),
    ("1.06.06.2.01.0002", 78696220, 55117000),  # Taman Makam Pahlawan, program code 06 as printed
]


def test_every_sub_kegiatan_of_tabel_3_7_with_code_pagu_and_realisasi():
    found = [(s["kode"], s.get("pagu"), s.get("realisasi")) for s in _all_subs()]
    assert found == SUB_KEGIATAN


@pytest.mark.parametrize(
    ("kode", "nama", "indikator", "persen"),
    [
        ("1.06.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN",
         "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "95,27%"),
        ("1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat",
         "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "100,00 %"),
        ("1.06.01.2.09.0009", "Pemeliharaan Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilita si", "50,94%"),
        ("1.06.03.2.01.0001",
         "Fasilitasi Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari titik debarkasi"
         " di daerah Kab/Kota untuk dipulangkan ke Desa/kelurahan Asal",
         "Jumlah Warga Negara Migran Korban Tindak Kekerasan yang dipulangkan dari Titik"
         " Debarkasi di Daerah Provinsi untuk dipulangkan ke Desa/Kelurahan Asal Kewenangan"
         " Kabupaten/Kota", "#DIV/0!"),
        ("1.06.04.2.01.0003", "Penyediaan Alat Bantu",
         "Jumlah Orang yang Mendapatkan Alat Bantu dan Alat Bantu Peraga Sesuai kebutuhan"
         " Kewenangan Kabupaten/Kota", "0,00%"),
        ("1.06.06.2.02.0002", "Koordinasi, Sosialisasi dan Pelaksanaan Taruna Siaga Bencana",
         "Jumlah orang yang melaksanakan koordinasi, sosialisasi, dan pelaksanaan Taruna Siaga"
         " Bencana Keenanagan Kab/Kota", None),
    ],
)
def test_sub_kegiatan_text_and_printed_percent(kode, nama, indikator, persen):
    (sub,) = [s for s in _all_subs() if s["kode"] == kode]
    assert sub["nama"] == nama
    assert sub["indikator"] == indikator
    assert sub.get("persen_tertulis") == persen


def test_sub_kegiatan_printed_without_code_keeps_an_empty_code_and_no_pagu():
    (sub,) = [s for s in _all_subs() if s["nama"] == "Koordinasi dan Pelaksanaan Akuntansi SKPD"]
    assert sub["kode"] == ""
    assert "pagu" not in sub and "target" not in sub and "persen_tertulis" not in sub
    assert sub["realisasi"] == 0  # printed "-"


def test_sums_of_sub_kegiatan_are_the_seeds_totals():
    subs = _all_subs()
    assert sum(s.get("pagu", 0) for s in subs) == 5732972977
    assert sum(s.get("realisasi", 0) for s in subs) == 4782481544
    penunjang = _subs(_program("1.06.01"))
    assert sum(s.get("pagu", 0) for s in penunjang) == 4277622800
    assert sum(s.get("realisasi", 0) for s in penunjang) == 3847007949


def test_urusan_row_stated_as_printed():
    anggaran = DATA["anggaran"]
    assert anggaran["urusan"] == {"kode": "1.06", "nama": "Urusan Pemerintah Bidang Sosial"}
    assert anggaran["pagu_tertulis"] == 5732972977
    assert anggaran["realisasi_tertulis"] == 4782481544
    assert anggaran["persen_tertulis"] == "83,42%"
    assert anggaran["unit"] == "DINAS SOSIAL"
    assert anggaran["sumber"] == "Laporan Monitoring Evaluasi Renja Tahun 2024"


def test_programs_in_printed_order_with_their_stated_figures():
    programs = [
        (p["kode"], p.get("pagu_tertulis"), p.get("realisasi_tertulis"), p.get("persen_tertulis"))
        for p in DATA["anggaran"]["program"]
    ]
    assert programs == [
        ("1.06.01", 4277622800, 3847007949, "89,93%"),
        ("1.06.02", None, 0, None),
        ("1.06.03", None, 0, None),
        ("1.06.04", 374420793, 266504515, "71,18%"),
        ("1.06.05", None, 0, None),
        ("1.06.06", None, 0, None),
        ("1.06.07", None, 0, None),
    ]


def test_kegiatan_codes_as_printed_including_the_malformed_and_duplicate_ones():
    kegiatan = [k["kode"] for p in DATA["anggaran"]["program"] for k in p["kegiatan"]]
    assert kegiatan == [
        "1.06.01.2.02", "1.06.01.02.05", "1.06.01.02.06", "1.06.01.02.07", "1.06.01.02.08",
        "1.06.01.2.09", "1.06.02.2.03", "1.06.03.2.01", "1.06.04.2.01", "1.06.04.2.02",
        "1.06.05.2.02", "1.06.06.2.01", "1.06.06.2.02",
        "1.06.06.2.01",  # Taman Makam Pahlawan under program 1.06.07, printed with 06
    ]
    assert _program("1.06.07")["kegiatan"][0]["nama"] == (
        "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota")


def test_kegiatan_stated_figures_as_printed():
    by_code = {}
    for program in DATA["anggaran"]["program"]:
        for kegiatan in program["kegiatan"]:
            by_code.setdefault(kegiatan["kode"], kegiatan)
    assert by_code["1.06.01.2.02"]["persen_tertulis"] == "94,7%"
    assert by_code["1.06.01.02.08"]["pagu_tertulis"] == 242278030
    assert by_code["1.06.03.2.01"]["persen_tertulis"] == "#DIV/0!"
    assert "pagu_tertulis" not in by_code["1.06.03.2.01"]  # blank
    assert by_code["1.06.06.2.02"]["pagu_tertulis"] == 0  # printed "-"
    assert by_code["1.06.05.2.02"]["realisasi_tertulis"] == 178959340


# --- anggaran: Tabel 3.6 ---------------------------------------------------------------------


def test_tabel_3_6_rows_exactly_as_printed():
    rows = [
        (r.get("no"), r["nama"], r["pagu"], r["realisasi"], r["persen"])
        for r in DATA["anggaran"]["ringkasan_tertulis"]
    ]
    assert rows == [
        ("1", "Urusan Pemerintah Bidang Sosial", 4277622800, 4782481544, "83,42%"),
        ("2", "Program Pemberdayaan Sosial", 178789817, 66813800, "37,37%"),
        ("3", "Program Rehabilitasi Sosial", 374420793, 266504515, "71,18%"),
        ("4", "Program Perlindungan dan Jaminan Sosial", 338830080, 178959340, "52,82%"),
        ("5", "Program Penanganan Bencana", 484613267, 368078940, "75,95%"),
        ("h", "Program Taman Makam Pahlawan", 78696220, 55117000, "70,04%"),
        (None, "TOTAL", 5732972977, 4782481544, "83,42%"),
    ]


# --- oddities are marked for the reader ------------------------------------------------------


@pytest.mark.parametrize(
    "marked",
    [
        '"02 .0 5"',            # malformed kegiatan code
        "kode program 06",      # Taman Makam Pahlawan kegiatan under program 07
        "tanpa kode",           # Koordinasi dan Pelaksanaan Akuntansi SKPD
        'tercetak "h"',         # Tabel 3.6 row h
        "#DIV/0!",
        "Maret 2024",
        '"Tahun 2023"',         # kata pengantar
        "L 23",                 # Korban Bencana Alam
        "L 118",                # Fakir Miskin
        "120.498",              # neither stated PMKS total
        "PSkS",
        '"tinggi"',             # rating word vs Tabel 3.1
        "bercelah",             # gapped rating scale
        "empat eselon, tiga angka",
        "tanpa judul",          # units of F printed without a heading
        'tercetak "1." di tempat "l."',
        '"0.16"',
    ],
)
def test_seed_oddities_carry_an_asli_comment(marked):
    lines = TEXT.splitlines()
    # a remark may wrap onto the following comment lines
    remarks = [" ".join(lines[i:i + 4]) for i, line in enumerate(lines) if "# [asli]" in line]
    assert any(marked in remark for remark in remarks), marked


# --- pmks: BAB I C.b = Tabel 2.3 -------------------------------------------------------------

# (no, jenis, jumlah, L, P) as printed; None = blank cell. Both prints have these same rows.
PMKS = [
    (1, "Anak Balita Terlantar", 0, None, None),
    (2, "Anak Terlantar", 1, 1, None),
    (3, "Anak Yang Berhadapan Dengan Hukum (ABH)", 11, None, 11),
    (4, "Anak Jalanan", 0, None, None),
    (5, "Anak dengan Kedisabilitasan (ADK)", 0, None, None),
    (6, "Anak Korban Tindak Kekerasan", 0, None, None),
    (7, "Anak yang memerlukan Perlindungan Khusus", 0, None, None),
    (8, "Lanjut Usia Terlantar", 6, 3, 3),
    (9, "Penyandang Disabilitas", 16, 3, 13),
    (10, "Tuna Susila", 0, None, None),
    (11, "Gelandangan", 19, 12, 7),
    (12, "Pengemis", 0, None, None),
    (13, "Pemulung", 0, None, None),
    (14, "Kelompok Minoritas", 0, None, None),
    (15, "Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)", 0, None, None),
    (16, "Orang dengan HIV/AIDS (ODHA)", 32, 26, 6),
    (17, "Korban Penyalahgunaan NAPZA", 3, 3, None),
    (18, "Korban Trafficking", 0, None, None),
    (19, "Korban Tindak Kekerasan", 0, None, None),
    (20, "Pekerja Migran Bermasalah Sosial", 0, None, None),
    (21, "Korban Bencana Alam", 2303, 23, 3),  # printed 2.303 | 23 | 03
    (22, "Korban Bencana Sosial", 0, None, None),
    (23, "Perempuan Rawan Sosial Ekonomi", 0, None, None),
    (24, "Fakir Miskin", 118107, 118, 107),  # printed 118.107 | 118 | 107
    (25, "Keluarga Bermasalah Sosial Psikologis", 0, None, None),
    (26, "ODGJ", 0, None, None),
]


def test_pmks_26_rows_with_the_printed_numbers():
    rows = [(r["no"], r["jenis"], r["jumlah"], r.get("l"), r.get("p")) for r in DATA["pmks"]["pmks"]]
    assert rows == PMKS


def test_pmks_both_stated_totals_kept_as_printed_strings():
    assert DATA["pmks"]["pmks_jumlah_tertulis"] == [
        {"tempat": "BAB I C.b", "nilai": "120.460"},
        {"tempat": "Tabel 2.3", "nilai": "120.40"},
    ]
    assert sum(r["jumlah"] for r in DATA["pmks"]["pmks"]) == 120498  # neither stated total


def test_pmks_and_psks_definitions_complete():
    pmks = DATA["pmks"]
    assert len(pmks["pmks_definisi"]) == 26
    assert pmks["pmks_definisi"][0].startswith("Anak Balita Terlantar adalah seorang anak berusia 5")
    assert pmks["pmks_definisi"][25].startswith("Komunitas Adat Terpencil adalah")  # not ODGJ
    assert "adalah adalah" in pmks["pmks_definisi"][2]
    assert len(pmks["psks_kegiatan"]) == 6
    assert len(pmks["psks_definisi"]) == 12
    assert pmks["psks_definisi"][11].startswith("Dunia Usaha adalah organisasi")
    assert pmks["pmks_tabel_judul"] == (
        "Data Penyandang Masalah Penyandang Kesejahteraan Sosial Kota Binjai")


# --- pmks: Tabel 2.4 -------------------------------------------------------------------------


def test_psks_rows_as_printed_with_dash_as_missing():
    rows = [(r["no"], r["jenis"], r.get("jumlah"), r.get("p"), r.get("l"))
            for r in DATA["pmks"]["psks"]]
    assert rows == [
        ("1", "Pekerja Sosial Profesional", 4, 3, 1),
        ("2", "Pekerja Sosial Masyarakat (PSM)", 82, 31, 51),
        ("3", "Taruna Siaga Bencana (TAGANA)", 31, 5, 26),
        ("4", "Lembaga Kesejahteraan Sosial (LKS)", 16, None, None),
        ("5", "Karang Taruna", 43, None, None),
        ("6", "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)", 1, None, None),
        ("7", "Keluarga Pioner", None, 1, None),
        ("8", "WKSBM", 5, None, None),
        ("9", "Wanita Pemimpin Kesejahteraan Sosial", None, 1, None),
        ("10", "Penyuluh Sosial", None, None, None),
        ("10a", "Penyuluh Sosial Fungsional", None, 1, None),
        ("10b", "Penyuluh Sosial Masyarakat", None, 1, None),
        ("11", "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", 5, 1, 4),
        ("12", "Dunia Usaha", None, None, None),
    ]


def test_psks_jumlah_sums_to_the_stated_187():
    assert sum(r.get("jumlah", 0) for r in DATA["pmks"]["psks"]) == 187
    assert DATA["pmks"]["psks_jumlah_tertulis"] == 187


# --- pmks: Tabel 3.3 -------------------------------------------------------------------------


def test_tabel_3_3_has_7_panti_asuhan_and_3_panti_rehabilitasi():
    lembaga = DATA["pmks"]["lembaga"]
    asuhan = [x["nama"] for x in lembaga if x["kelompok"] == "PANTI ASUHAN"]
    rehab = [x["nama"] for x in lembaga if x["kelompok"] == "PANTI REHABILITASI"]
    assert len(lembaga) == 10
    assert asuhan == [
        "Panti Asuhan Al-Jam'iyatun Washliyah Putra",
        "Panti Asuhan Al-Jam'iyatun Washliyah Putri",
        "Panti Asuhan An-Nursali",
        "Panti Asuhan Gnade",
        "Panti Asuhan Darul Furqon",
        "Panti Asuhan Nahdhatul Islam",
        "Panti Asuhan Dar Fathimah",
    ]
    assert rehab == [
        "Panti Rehabilitasi After Care",
        "Panti rehabilitasi Mutiara Abadi",
        "Panti Rehabilitasi Pelita Harapan Kasih",
    ]
    assert lembaga[4]["alamat"] == "Jl. Padang Lj. VII Kel,. Rambung Dalam, Kec. Binjai Selatan"
    assert all(x["alamat"] for x in lembaga)


# --- perjanjian_kinerja ----------------------------------------------------------------------


def test_two_sasaran_each_with_one_indicator_and_its_target():
    sasaran = DATA["perjanjian_kinerja"]["sasaran"]
    assert [s["kode"] for s in sasaran] == ["SS1", "SS2"]
    assert sasaran[0]["uraian"] == (
        "Terwujudnya kebutuhan dasar perlindungan dan jaminan sosial serta perubahan perilaku bagi"
        " Penyandang Masalah Kesejahteraan Sosial (PMKS)")
    assert sasaran[1]["uraian"] == (
        "Terwujudnya peningkatan kemampuan, partisipasi dan peran Potensi Sumber Kesejahteraan"
        " Sosial (PSKS)")
    indikator = [i for s in sasaran for i in s["indikator"]]
    assert [(i["kode"], i["uraian"], i["target"]) for i in indikator] == [
        ("IKU1", "Persentase PMKS yang tertangani", 85),
        ("IKU2", "Persentase Peningkatan Peranan PSKS", 100),
    ]
    for i in indikator:
        assert (i["satuan"], i["polaritas"], i["jenis"]) == ("%", "positif", "kuantitatif")


def test_renstra_targets_per_year_from_tabel_3_4():
    sasaran = DATA["perjanjian_kinerja"]["sasaran"]
    assert sasaran[0]["indikator"][0]["renstra"] == {
        "2022": 70, "2023": 80, "2024": 85, "2025": 90, "2026": 100}
    assert sasaran[1]["indikator"][0]["renstra"] == {str(y): 100 for y in range(2022, 2027)}
    assert DATA["perjanjian_kinerja"]["renstra"] == {"awal": 2021, "akhir": 2026}


def test_tujuan_visi_misi_as_printed():
    pk = DATA["perjanjian_kinerja"]
    assert pk["visi"] == "MEWUJUDKAN BINJAI YANG LEBIH MAJU BERBUDAYA DAN RELIGIUS"
    assert [m["kata"] for m in pk["visi_makna"]] == ["MAJU", "BERBUDAYA", "RELIGIUS"]
    assert pk["misi"] == ["Mewujudkan Sumber Daya Manusia dan Masyarakat Kota Binjai yang Berkualitas"]
    assert len(pk["program_prioritas"]) == 6
    assert len(pk["tujuan_uraian"]) == 4
    assert pk["tujuan"] == [{
        "uraian": "Mewujudkan peningkatan pelayanan sosial guna meningkatkan fungsi sosial, kualitas"
                  " standar hidup yang layak, masyarakat yang Sejahtera berkeadilan",
        "sasaran": ["SS1", "SS2"],
    }]
    assert pk["sasaran_pengantar"].startswith("Agar Penambahan vitur (Virtual Aplikasi Cek Bansos)")


# --- akuntabilitas ---------------------------------------------------------------------------


def test_realisasi_84_and_100_with_the_printed_capaian():
    rows = [(r["indikator"], r["nilai"], r["capaian_tertulis"])
            for r in DATA["akuntabilitas"]["realisasi"]]
    assert rows == [("IKU1", 84, "98,82%"), ("IKU2", 100, "100%")]


def test_rating_scale_rows_as_printed_gaps_included():
    rows = [(r["nama"], r.get("min"), r.get("max"), r["interval_tertulis"])
            for r in DATA["akuntabilitas"]["skala"]]
    assert rows == [
        ("Sangat Tinggi", 91, 100, "91% ≤ 100%"),
        ("Tinggi", 76, 90, "76% ≤ 90%"),
        ("Sedang", 66, 75, "66% ≤ 75%"),
        ("Rendah", 51, 65, "51% ≤ 65%"),
        ("Sangat Rendah", None, 50, "≤ 50%"),
    ]


def test_analysis_keeps_the_printed_rating_words():
    analisis = DATA["akuntabilitas"]["analisis"]
    assert [a["sasaran"] for a in analisis] == ["SS1", "SS2"]
    assert "adalah tinggi yaitu mencapai 98,82%." in analisis[0]["teks"]
    assert "adalah tinggi yaitu mencapai 100%." in analisis[1]["teks"]
    assert analisis[0]["iku_judul"] == "IKU I: Persentase PMKS yang tertangani"
    assert analisis[1]["iku_judul"] == "IKU 2: Persentase Peningkatan Peranan PSKS"
    assert analisis[0]["iku"].endswith("sehingga capaiannya 98,82% .")


def test_bab_iii_texts_and_stated_efisiensi():
    akun = DATA["akuntabilitas"]
    assert len(akun["kendala"]) == 4 and len(akun["solusi"]) == 4
    assert akun["efisiensi_tertulis"] == "0.16"
    assert "99,41%" in akun["efisiensi_teks"] and "(tabel 3.8)" in akun["efisiensi_teks"]
    assert len(akun["program_pendukung"].split("\n\n")) == 7
    assert "pe6ncapaian" in akun["skala_penutup"]
    assert [r["polaritas"] for r in akun["rumus_capaian"]] == ["positif", "negatif"]
    assert "rumus" not in akun["rumus_capaian"][0]  # formula 1 is not printed in the seed
    assert "6 (enam) Program" in akun["realisasi_anggaran_pengantar"]


def test_penutup_text_and_two_steps():
    penutup = DATA["penutup"]
    assert len(penutup["teks"].split("\n\n")) == 2
    assert len(penutup["langkah"]) == 2
    assert penutup["langkah"][1].endswith("serta berhasil guna.")


# --- profil (BAB I) --------------------------------------------------------------------------


def test_kata_pengantar_complete_with_its_tahun_2023_slips():
    kp = DATA["profil"]["kata_pengantar"]
    paragraphs = kp.split("\n\n")
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Puji syukur kita ucapkan kehadirat Tuhan Yang Maha Esa")
    assert "Dinas Sosial Kota Binjai Tahun 2023." in paragraphs[0]
    assert "Perencanaan dan Perjanjian Kinerja Tahun 2023" in paragraphs[2]
    assert paragraphs[5].startswith("Akhir kata, harapan kami")
    assert "bagi seluruh eleman masyarakat" in paragraphs[5]


def test_latar_belakang_with_the_page_break_paragraph_joined():
    paragraphs = DATA["profil"]["latar_belakang"].split("\n\n")
    assert len(paragraphs) == 5
    assert ("Laporan akuntabilitas kinerja instansi pemerintah ini disusun untuk memberikan"
            " gambaran yang objektif") in paragraphs[4]


def test_seven_dasar_hukum_as_printed():
    assert DATA["profil"]["dasar_hukum"] == [
        "Undang undang no17 tahun 2003 tentang Keuangan Daerah",
        "Undang undang no.11 Tahun 2009 Tentang Kesejahteraan Sosial",
        "Undang Undang no.13 Tahun 2011 tentang Fakir Miskin",
        "Undang Undang no.23 Tentang 2014 Pemerintahan di Daerah",
        "Permensos no.10 Tahun 2016 Tentang Mekanisme penggunaan data Terpadu program penanganan"
        " Fakir miskin.",
        "Peraturan Daerah Kota Binjai no.4 tahun 2016 tentang Pembentukan Perangkat Daerah",
        "Peraturan Walikota Binjai.No. 25 Tahun 2017 tentang Tupoksi Dinas Sosial Kota Binjai",
    ]


def test_sarana_table_and_its_named_institutions():
    sarana = DATA["profil"]["sarana"]
    assert [(s["jenis"], s["jumlah"], s["satuan"]) for s in sarana] == [
        ("Panti Asuhan", 9, "Unit"),
        ("Panti Rehabilitasi", 3, "Unit"),
        ("Taman Makam Pahlawan (TMP) Syuhada", 1, "Unit"),
        ("Yayasan Sosial", 4, "Unit"),
        ("Rumah Singgah Dinas Sosial", 1, "Unit"),
    ]
    assert [len(s.get("lembaga", [])) for s in sarana] == [9, 3, 0, 4, 0]
    assert sarana[0]["lembaga"][0] == "Panti Asuhan Al-Jam'iyatul Washliyah Putra"
    assert sarana[3]["lembaga"][2] == "Yayasan Vihara GO YA KONG"
    assert DATA["profil"]["sarana_judul"] == "Sasaran Sosial"


def test_maksud_tujuan_and_susunan_organisasi():
    profil = DATA["profil"]
    assert profil["maksud"].startswith("Penyusunan Laporan Kinerja Instansi Pemerintah (LAKIP)")
    assert len(profil["manfaat"]) == 4
    assert profil["manfaat"][0].startswith("Mendorong Dinas Soial Kota Binjai")
    assert len(profil["fungsi_dinas"]) == 4
    assert profil["susunan_organisasi"].endswith("Dinas Sosial kota Binjai mempuyai fungsi :")
    assert "1 (satu) Sekretaris, dan 4 (empat) Bidang" in profil["susunan_penutup"]
    assert "Jalan Gatot Subroto No. 83 Binjai 20717" in profil["tupoksi_pengantar"]


# Units of F in printed order: (nama, number of tugas ayat, number of fungsi items).
UNITS = [
    ("Kepala Dinas", 2, 5),
    ("Bidang Sekretariat", 2, 15),
    ("Subbagian Umum dan Kepegawaian", 2, 12),
    ("Subbagian Analisa Dan Keuangan", 2, 14),
    ("Subbagian Perencana Muda", 2, 15),
    ("Bidang Rehabilitasi Sosial", 2, 11),
    ("Pejabat Fungsional Pekerja Sosial Muda", 2, 8),
    ("", 2, 7),  # Penyuluh Sosial Muda, Penyalahgunaan NAPZA dan Tuna Sosial
    ("Bidang Pemberdayaan Sosial", 2, 11),
    ("Pejabat Fungsional Pekerja Muda", 2, 9),
    ("Pejabat Fungsioan Penggerak Swadaya Masyarakat Muda", 2, 12),
    ("Pejabat Fungsional Pekerja Sosial Muda", 2, 11),
    ("Bidang Penanganan Fakir Miskin", 2, 12),
    ("", 2, 11),  # Penyuluh Sosial Muda, peningkatan penghasilan keluarga fakir miskin
    ("Pejabat Fungsioanal Penyuluh Muda", 2, 11),
    ("", 2, 8),  # aksesibilitas pelayanan pendidikan dan kesehatan
    ("", 2, 12),  # Bidang Perlindungan dan Jaminan Sosial
    ("", 2, 13),  # perlindungan sosial korban bencana alam
    ("", 2, 8),  # perlindungan sosial korban bencana sosial
    ("", 2, 10),  # jaminan sosial keluarga
    ("Unit Pelaksana Teknis", 1, 0),
    ("Kelompok Jabatan Fungsional", 7, 0),
]


def test_every_unit_of_f_in_order_with_all_its_tugas_and_fungsi():
    units = DATA["profil"]["unit"]
    assert [(u["nama"], len(u["tugas"]), len(u.get("fungsi", []))) for u in units] == UNITS
    for unit in units:
        assert ("fungsi_pengantar" in unit) == ("fungsi" in unit), unit["nama"]


def test_unit_texts_as_printed():
    units = DATA["profil"]["unit"]
    assert units[0]["fungsi"][0] == "Perumusukan Kebijakan di Bidang Sosial"
    assert units[0]["fungsi_pengantar"] == (
        "Dalam menyelenggarakan tugas sebagaimana dimaksud pada ayat (2), Kepala Dinas Sosial"
        " menyelenggarakan fungsi:")
    assert units[1]["fungsi"][11] == (  # printed "1." where "l." belongs
        "Melaksanakan dan mengawasi kegiatan pengelolaan urusan umum, kepegawaian, perencanaan dan"
        " keuangan")
    assert units[10]["fungsi"][10] == "Melaksanakan kerjasama dan koordinasi di bidang Pemberdayaan"
    assert units[13]["tugas"][0].startswith("Pejabat Fungsional Pe nyuluh Sosial Muda")
    assert "serta iocialise, evaluasi" in units[18]["fungsi"][5]
    assert units[20]["tugas"] == [
        "Pembentukan Unit PelaksanaTeknis ditetapkan dengan Peraturan Walikota setelah"
        " dikonsultasikan secara tertulis kepada Gubernur sebagai wakil Pemerintah Pusat."]
    assert units[21]["tugas"][6] == (
        "Kelompok Jabatan Fungsional, mempunyai tugas sesuai dengan peraturan perundangundangan.")


def test_keadaan_pegawai_with_the_eselon_list_missing_a_number():
    pegawai = DATA["profil"]["pegawai"]
    assert (pegawai["jumlah_tertulis"], pegawai["pns"], pegawai["non_pns"]) == (56, 25, 31)
    assert pegawai["tanggal"] == "31 Desember 2024"
    assert [(r["nama"], r.get("jumlah")) for r in pegawai["golongan"]] == [
        ("Golongan IV", 5), ("Golongan III", 18), ("Golongan II", 2), ("Golongan I", None),
        ("Non Golongan", 31)]
    assert [(r["nama"], r.get("jumlah")) for r in pegawai["pendidikan"]] == [
        ("S2", 2), ("S1", 17), ("D3", 1), ("SMA/SLTA", 5), ("SLTP", None)]
    assert [(r["nama"], r.get("jumlah")) for r in pegawai["eselon"]] == [
        ("Eselon IIb", None), ("Eselon IIIa", 4), ("Eselon IIIb", 8), ("Eselon IVa", 10)]
    assert pegawai["pengantar"].startswith("Jumlah Pegawai Dinas Sosial Kota Binjai per 31 Desember")


def test_aspek_strategis_permasalahan_and_sistematika():
    profil = DATA["profil"]
    assert len(profil["aspek_strategis"].split("\n\n")) == 2
    assert "pemberdayaan masyarakat miskin di lingkungan" in profil["permasalahan_utama"]
    assert len(profil["sistematika_pengantar"].split("\n\n")) == 2
    assert [(s["bab"], s["judul"], "uraian" in s) for s in profil["sistematika"]] == [
        ("BAB I", "Pendahuluan", True),
        ("BAB II", "Perencanaan Kinerja", True),
        ("BAB III", "Akuntabilitas Kinerja", True),
        ("BAB IV", "Penutup", False),
    ]


def test_penutup_closing_paragraph():
    assert DATA["penutup"]["teks_akhir"].startswith("Demikian beberapa hal yang perlu disarankan")
    assert DATA["penutup"]["teks_akhir"].endswith("menuju Binjai yang lebih maju.")


# --- transcription conventions ---------------------------------------------------------------

_PRINTED_MARKER = re.compile(r"^(?:\(\d+\)|\d+[.)]|[a-z][.)])\s")


def _strings(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, (*path, i))
    elif isinstance(node, str):
        yield path, node


def test_list_items_carry_no_printed_markers_and_no_conversion_markup():
    for path, text in _strings(DATA):
        if isinstance(path[-1], int):
            assert not _PRINTED_MARKER.match(text), (path, text[:40])
        assert "**" not in text and "<u>" not in text and "\t" not in text, path
        assert not text.startswith((" ", "\n")) and not text.endswith((" ", "\n")), path
