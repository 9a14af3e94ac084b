"""BAB III and BAB IV (lakip_akuntabilitas): capaian, ratings and efisiensi computed from the
data; every check made to fire and kept quiet; the narrative scanners' precision; the report
sections and their placement; independence from the other built-in chapters. The seed's
figures come from projects/dinsos-binjai-2024.toml."""

from __future__ import annotations

import copy
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lakip_akuntabilitas as plugin
from lakip_akuntabilitas import narasi
from lakip_akuntabilitas.bawaan import BAGIAN_AKUNTABILITAS, BAGIAN_PENUTUP
from lakip_akuntabilitas.chapter import chapters
from lakip_akuntabilitas.hitung import evaluasi
from lakip_akuntabilitas.validasi import KODE_TEMUAN
from lakip_tui.angka import format_desimal, format_persen
from lakip_tui.chapter import Chapter
from lakip_tui.checks import run_checks
from lakip_tui.context import Konteks
from lakip_tui.export import assemble
from lakip_tui.kinerja import SKALA_BAKU, TakTerhitung
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.report import Heading, ListBlock, Paragraph, TableBlock

ROOT = Path(__file__).parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"
AK, PT, PK = "akuntabilitas", "penutup", "perjanjian_kinerja"
BAWAAN_LAIN = ("profil", "pmks", "perjanjian_kinerja", "anggaran")
SKALA = [{"nama": "Sangat Tinggi", "min": 91}, {"nama": "Tinggi", "min": 76},
         {"nama": "Sedang", "min": 66}, {"nama": "Rendah", "min": 51}, {"nama": "Sangat Rendah"}]
SKALA_SEED = [{"nama": "Sangat Tinggi", "min": 91, "max": 100},
              {"nama": "Tinggi", "min": 76, "max": 90}, {"nama": "Sedang", "min": 66, "max": 75},
              {"nama": "Rendah", "min": 51, "max": 65}, {"nama": "Sangat Rendah", "max": 50}]


def indikator(kode, target, **isi):
    return {"kode": kode, "uraian": f"Persentase {kode}", "satuan": "%", "polaritas": "positif",
            "jenis": "kuantitatif", "target": target, **isi}


def proyek():
    """The seed's numbers in a small sound project: capaian 98,82% and 100%, anggaran 83,42%."""
    return {
        "format": 1,
        "meta": {"pemda": "Pemerintah Kota Contoh", "instansi": "Dinas Sosial Kota Contoh",
                 "tahun": 2024},
        PK: {
            "renstra": {"awal": 2021, "akhir": 2026},
            "sasaran": [
                {"kode": "SS1", "uraian": "Terpenuhinya kebutuhan dasar PMKS", "indikator": [
                    indikator("IKU1", 85, renstra={"2022": 70, "2023": 80, "2024": 85,
                                                   "2025": 90, "2026": 100})]},
                {"kode": "SS2", "uraian": "Meningkatnya peran PSKS", "indikator": [
                    indikator("IKU2", 100, renstra={"2024": 100, "2026": 100})]},
            ],
        },
        AK: {
            "skala": copy.deepcopy(SKALA),
            "realisasi": [{"indikator": "IKU1", "nilai": 84, "tahun_lalu": {"2023": 80}},
                          {"indikator": "IKU2", "nilai": 100}],
            "analisis": [
                {"sasaran": "SS1",
                 "teks": "Capaian sasaran ini adalah sangat tinggi yaitu mencapai 98,82%.",
                 "iku": "Pada Tahun 2024 realisasi sebanyak 84% dari target yang ditetapkan "
                        "yaitu 85% sehingga capaiannya 98,82%."},
                {"sasaran": "SS2", "teks": "Capaian sasaran ini adalah Sangat Tinggi yaitu "
                                          "mencapai 100%."},
            ],
            "kendala": ["Terbatasnya sumber daya manusia."],
            "solusi": ["Meningkatkan kapasitas aparatur."],
            "efisiensi_teks": "Dengan realisasi anggaran 83,42% dan capaian 99,41% maka:",
            "efisiensi_tertulis": "0,16",
            "program_pendukung": "Capaian Tahun 2024 didukung Program Pemberdayaan Sosial.",
        },
        "anggaran": {"program": [{"kode": "1.06.01", "nama": "Program", "kegiatan": [
            {"kode": "1.06.01.2.02", "nama": "Kegiatan", "sub": [
                {"kode": "1.06.01.2.02.0001", "nama": "Sub", "pagu": 10000,
                 "realisasi": 8342}]}]}]},
        PT: {"teks": "Pada Tahun 2024 Dinas Sosial telah melaksanakan programnya.",
             "langkah": ["Meningkatkan pemahaman SAKIP."]},
    }


def temuan(data, kode=None, tahun=2024):
    hasil = plugin.lakip_validate(data, Konteks(tahun))
    return [f for f in hasil if kode is None or f.code == kode]


def bab(key):
    return next(c for c in chapters() if c.key == key)


def render(data, key=AK, tahun=2024):
    return plugin.lakip_render(bab(key), data, Konteks(tahun))


def tabel(sections, nomor):
    return next(b for s in sections for b in s.blocks
                if isinstance(b, TableBlock) and b.nomor == nomor)


def paragraf(sections):
    return [b.text for s in sections for b in s.blocks if isinstance(b, Paragraph)]


def analisis(data, i=0):
    return data[AK]["analisis"][i]


@pytest.fixture(scope="module")
def contoh():
    return Project.load(CONTOH).data


# --- computed numbers -----------------------------------------------------------------------


def test_small_project_computes_the_seed_numbers():
    hasil = evaluasi(proyek())
    assert [format_persen(h.capaian) for s in hasil.sasaran for h in s.indikator] == [
        "98,82%", "100%"]
    assert [s.peringkat for s in hasil.sasaran] == ["Sangat Tinggi", "Sangat Tinggi"]
    assert format_persen(hasil.capaian) == "99,41%"
    assert format_persen(hasil.persen_anggaran) == "83,42%"
    assert format_desimal(hasil.efisiensi) == "0,16"


def test_example_gives_98_82_and_100_mean_99_41_and_efisiensi_0_16(contoh):
    hasil = evaluasi(contoh)
    assert [format_persen(s.capaian) for s in hasil.sasaran] == ["98,82%", "100%"]
    assert format_persen(hasil.capaian) == "99,41%"
    assert format_persen(hasil.persen_anggaran) == "83,42%"
    assert format_desimal(hasil.efisiensi) == "0,16"
    assert hasil.skala_berkas  # rated with the file's own Tabel 3.1


def test_mean_is_over_all_indicators_not_over_sasaran_means():
    data = proyek()
    data[PK]["sasaran"][1]["indikator"].append(indikator("IKU3", 100))
    data[AK]["realisasi"].append({"indikator": "IKU3", "nilai": 50})
    hasil = evaluasi(data)
    assert [format_persen(s.capaian) for s in hasil.sasaran] == ["98,82%", "75%"]
    assert format_persen(hasil.capaian) == format_persen((84 / 85 * 100 + 100 + 50) / 3)


def test_jenis_and_polaritas_choose_the_formula():
    data = proyek()
    data[PK]["sasaran"][0]["indikator"] = [
        indikator("N", 10, polaritas="negatif"),
        indikator("K", "B", jenis="kualitatif", urutan=["C", "B", "A"], satuan="predikat"),
        indikator("S", "WTP", jenis="sesuai_target", satuan=""),
    ]
    data[AK]["realisasi"] = [{"indikator": "N", "nilai": 12}, {"indikator": "K", "nilai": "A"},
                             {"indikator": "S", "nilai": "WDP"}, {"indikator": "IKU2",
                                                                  "nilai": 100}]
    capaian = {h.indikator.kode: h.capaian for h in evaluasi(data).per_kode().values()}
    assert capaian["N"] == pytest.approx(80)
    assert capaian["K"] == pytest.approx(150)
    assert capaian["S"] == 0


def test_file_scale_rates_with_its_own_names_and_a_missing_scale_falls_back():
    data = proyek()
    data[AK]["skala"] = [{"nama": "Baik", "min": 90}, {"nama": "Kurang"}]
    assert [s.peringkat for s in evaluasi(data).sasaran] == ["Baik", "Baik"]
    del data[AK]["skala"]
    hasil = evaluasi(data)
    assert hasil.skala == SKALA_BAKU and not hasil.skala_berkas
    data[AK]["skala"] = [{"nama": "Rusak", "min": "sembilan puluh"}]
    assert evaluasi(data).skala == SKALA_BAKU


def test_without_anggaran_efisiensi_cannot_be_computed():
    data = proyek()
    del data["anggaran"]
    hasil = evaluasi(data)
    assert isinstance(hasil.efisiensi, TakTerhitung)
    assert "anggaran" in hasil.efisiensi.alasan
    data["anggaran"] = {"program": [{"kegiatan": [{"sub": [{"pagu": 1.5, "realisasi": 1}]}]}]}
    assert isinstance(evaluasi(data).efisiensi, TakTerhitung)


# --- checks: realisasi and capaian ----------------------------------------------------------


def test_sound_project_has_no_findings():
    assert temuan(proyek()) == []


def test_every_code_raised_is_listed():
    data = proyek()
    data[AK]["realisasi"] += [{"indikator": "IKU9", "nilai": 1}, {"indikator": "IKU1"},
                              {"nilai": 3}]
    data[AK]["skala"] = SKALA_SEED
    analisis(data)["teks"] = "Tahun 2023 capaiannya adalah rendah yaitu capaian 50%."
    data[AK]["analisis"].append({"sasaran": "SS7"})
    data[AK]["efisiensi_tertulis"] = "0,5"
    data[PT]["teks"] = ""
    assert {f.code for f in temuan(data)} <= set(KODE_TEMUAN)


def test_indicator_without_realisasi_is_a_warning_naming_it():
    data = proyek()
    data[AK]["realisasi"].pop()
    (f,) = temuan(data, f"{AK}.realisasi-kosong")
    assert f.severity == "warning" and f.path == (AK, "realisasi")
    assert "IKU2" in f.message and "SS2" in f.message


def test_realisasi_row_without_nilai_points_at_its_nilai():
    data = proyek()
    del data[AK]["realisasi"][0]["nilai"]
    (f,) = temuan(data, f"{AK}.realisasi-kosong")
    assert f.path == (AK, "realisasi", 0, "nilai") and "IKU1" in f.message


def test_realisasi_for_an_unknown_indicator_is_an_error():
    data = proyek()
    data[AK]["realisasi"].append({"indikator": "IKU7", "nilai": 3})
    (f,) = temuan(data, f"{AK}.indikator-tidak-dikenal")
    assert f.severity == "error" and f.path == (AK, "realisasi", 2, "indikator")
    assert "IKU7" in f.message


def test_second_realisasi_of_one_indicator_is_an_error():
    data = proyek()
    data[AK]["realisasi"].append({"indikator": "IKU1", "nilai": 1})
    (f,) = temuan(data, f"{AK}.realisasi-ganda")
    assert f.path == (AK, "realisasi", 2, "indikator")
    assert format_persen(evaluasi(data).sasaran[0].capaian) == "98,82%"  # the first one counts


def test_target_0_makes_capaian_uncomputable_and_is_a_finding_at_the_target():
    data = proyek()
    data[PK]["sasaran"][0]["indikator"][0]["target"] = 0
    (f,) = temuan(data, f"{AK}.capaian-tak-terhitung")
    assert f.severity == "error"
    assert f.path == (PK, "sasaran", 0, "indikator", 0, "target")
    assert "IKU1" in f.message and "target 0" in f.message
    t = tabel(render(data), "3.2")
    assert t.rows[0].cells[5] == "tidak dapat dihitung"
    assert t.footer[0].cells[5] == "tidak dapat dihitung"


def test_realisasi_that_is_not_a_number_points_at_the_realisasi():
    data = proyek()
    data[AK]["realisasi"][1]["nilai"] = "seratus"
    (f,) = temuan(data, f"{AK}.capaian-tak-terhitung")
    assert f.path == (AK, "realisasi", 1, "nilai")


def test_stated_capaian_differing_from_the_computed_one_fires():
    data = proyek()
    data[AK]["realisasi"][0]["capaian_tertulis"] = "98,00%"
    (f,) = temuan(data, f"{AK}.capaian-tertulis")
    assert f.path == (AK, "realisasi", 0, "capaian_tertulis")
    assert "98,82%" in f.message and "IKU1" in f.message


@pytest.mark.parametrize("tertulis", ["98,82%", "98,8%", 98.82, "98,82"])
def test_stated_capaian_equal_at_its_precision_is_quiet(tertulis):
    data = proyek()
    data[AK]["realisasi"][0]["capaian_tertulis"] = tertulis
    assert temuan(data) == []


def test_without_perjanjian_kinerja_data_there_is_one_info_and_no_crash():
    data = proyek()
    del data[PK]
    assert [(f.code, f.severity) for f in temuan(data)] == [(f"{AK}.pk-tidak-ada", "info"),
                                                            (f"{AK}.efisiensi-tak-terhitung",
                                                             "warning")]
    sections = render(data)
    assert tabel(sections, "3.2").rows == ()


def test_no_akuntabilitas_table_is_one_error():
    data = proyek()
    del data[AK]
    assert [f.code for f in temuan(data)] == [f"{AK}.bagian-kosong"]


# --- checks: Tabel 3.1 ----------------------------------------------------------------------


def test_seed_scale_reports_each_gap_and_the_ceiling_at_the_row_to_fix():
    data = proyek()
    data[AK]["skala"] = copy.deepcopy(SKALA_SEED)
    found = temuan(data, f"{AK}.skala")
    assert sorted(f.path for f in found) == [(AK, "skala", i, "max") for i in range(5)]
    pesan = " ".join(f.message for f in found)
    for celah in ("90 dan 91", "75 dan 76", "65 dan 66", "50 dan 51", "di atas 100"):
        assert celah in pesan


def test_overlapping_scale_rows_fire():
    data = proyek()
    data[AK]["skala"] = [{"nama": "Baik", "min": 80, "max": 100},
                         {"nama": "Cukup", "min": 60, "max": 85}, {"nama": "Kurang", "max": 59}]
    found = temuan(data, f"{AK}.skala")
    (tumpang,) = [f for f in found if "tumpang tindih" in f.message]
    assert tumpang.path == (AK, "skala", 1, "max")


def test_scale_row_with_a_bad_bound_points_at_that_row():
    data = proyek()
    data[AK]["skala"][1]["min"] = "tujuh puluh enam"
    assert any(f.path[:3] == (AK, "skala", 1) for f in temuan(data, f"{AK}.skala"))


def test_missing_scale_is_info_and_the_standard_one_is_printed():
    data = proyek()
    del data[AK]["skala"]
    assert [f.code for f in temuan(data)] == [f"{AK}.skala-bawaan"]
    t = tabel(render(data), "3.1")
    assert [r.cells[1:] for r in t.rows] == [
        (">= 91%", "Sangat Tinggi"), (">= 76% dan < 91%", "Tinggi"),
        (">= 66% dan < 76%", "Sedang"), (">= 51% dan < 66%", "Rendah"),
        ("< 51%", "Sangat Rendah")]


# --- checks: narratives ---------------------------------------------------------------------


def test_rating_word_differing_from_the_computed_rating_fires():
    data = proyek()
    analisis(data)["teks"] = "Capaian sasaran ini adalah tinggi yaitu mencapai 98,82%."
    (f,) = temuan(data, f"{AK}.peringkat-narasi")
    assert f.path == (AK, "analisis", 0, "teks")
    assert '"tinggi"' in f.message and "Sangat Tinggi" in f.message and "SS1" in f.message


@pytest.mark.parametrize("teks", [
    "Capaiannya adalah Sangat Tinggi yaitu mencapai 98,82%.",
    "Semakin tinggi realisasi menunjukkan semakin tinggi kinerja.",
    "Capaian ini lebih tinggi dari tahun lalu.",
    "Capaian tahun ini adalah tinggi dibandingkan Tahun 2023.",
    "Program ini adalah sedang berjalan.",
    "Capaian termasuk kategori sangat tinggi.",
])
def test_rating_words_that_are_no_verdict_or_agree_are_quiet(teks):
    data = proyek()
    analisis(data)["teks"] = teks
    assert temuan(data, f"{AK}.peringkat-narasi") == []


def test_rating_word_in_the_iku_paragraph_may_rate_one_indicator():
    data = proyek()
    data[PK]["sasaran"][0]["indikator"].append(indikator("IKU3", 100))
    data[AK]["realisasi"].append({"indikator": "IKU3", "nilai": 80})  # Tinggi; sasaran 89,41
    analisis(data)["teks"] = "Capaian sasaran ini tergolong Tinggi."
    analisis(data)["iku"] = "Capaian IKU1 termasuk kategori Sangat Tinggi."
    assert temuan(data, f"{AK}.peringkat-narasi") == []
    analisis(data)["teks"] = "Capaian sasaran ini tergolong Sangat Tinggi."
    (f,) = temuan(data, f"{AK}.peringkat-narasi")
    assert f.path == (AK, "analisis", 0, "teks")


def test_rating_words_follow_the_files_scale():
    data = proyek()
    data[AK]["skala"] = [{"nama": "Baik", "min": 90}, {"nama": "Cukup", "min": 60},
                         {"nama": "Kurang"}]
    analisis(data)["teks"] = "Capaian sasaran ini adalah cukup yaitu mencapai 98,82%."
    (f,) = temuan(data, f"{AK}.peringkat-narasi")
    assert '"Baik"' in f.message


def test_percentage_claimed_as_capaian_differing_from_the_computed_one_fires():
    data = proyek()
    analisis(data)["iku"] = "Realisasi 84% dari target 85% sehingga capaiannya 97,50%."
    (f,) = temuan(data, f"{AK}.persen-narasi")
    assert f.path == (AK, "analisis", 0, "iku")
    assert "97,50%" in f.message and "98,82%" in f.message


@pytest.mark.parametrize("teks", [
    "Realisasi sebanyak 84% dari target yang ditetapkan yaitu 85% sehingga capaiannya 98,82% .",
    "Capaian mencapai 98,8%.",
    "Rata-rata capaian seluruh sasaran 99,41%.",
    "Realisasi mencapai 84%, target Renstra 2026 sebesar 100%.",
    "Realisasi tahun lalu 80% dan capaian 99%.",
])
def test_percentages_that_are_not_a_wrong_capaian_are_quiet(teks):
    data = proyek()
    analisis(data)["iku"] = teks
    assert temuan(data, f"{AK}.persen-narasi") == []


def test_analysis_of_an_unknown_sasaran_is_an_error():
    data = proyek()
    data[AK]["analisis"].append({"sasaran": "SS5", "teks": "x"})
    (f,) = temuan(data, f"{AK}.analisis-sasaran-tidak-dikenal")
    assert f.path == (AK, "analisis", 2, "sasaran") and "SS5" in f.message


@pytest.mark.parametrize("kunci, bab_", [
    (("analisis", 0, "teks"), AK), (("analisis", 1, "iku"), AK), (("efisiensi_teks",), AK),
    (("efisiensi_pengantar",), AK), (("program_pendukung",), AK), (("teks",), PT),
    (("langkah", 0), PT), (("langkah_pengantar",), PT),
])
def test_stale_year_in_a_narrative_fires_with_its_path(kunci, bab_):
    data = proyek()
    node = data[bab_]
    for k in kunci[:-1]:
        node = node[k]
    node[kunci[-1]] = "Pada Tahun 2023 Dinas Sosial telah melaksanakan seluruh program."
    (f,) = temuan(data, f"{bab_}.tahun-narasi")
    assert f.path == (bab_, *kunci) and f.chapter == bab_
    assert '"Tahun 2023"' in f.message and "2024" in f.message


@pytest.mark.parametrize("teks", [
    "Renstra Dinas Sosial Tahun 2021-2026 memuat target ini.",
    "tujuan pembangunan tahun 2021 - 2026, antara lain",
    "Periode tahun 2021 sampai dengan tahun 2026.",
    "Program ini akan dilanjutkan dalam RKPD Tahun 2025.",
    "Sesuai Renja Dinas Sosial Kota Contoh Tahun 2025 yang disusun.",
    "Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP.",
    "(Permenpan No. 53 Tahun 2014 tentang Petunjuk Teknis)",
    "Menurut UU 23 Tahun 2014 urusan sosial wajib.",
    "Capaian meningkat dibandingkan Tahun 2023.",
    "Perbandingan Realisasi Kinerja Tahun 2024 Dengan Tahun 2022",
    "Pada tahun 2025 program ini akan diperluas.",
    "Target Renstra Tahun 2026 sebesar 100%.",
    "Pada Tahun 2024 seluruh program terlaksana.",
    "Sejak Tahun 2019 layanan ini berjalan.",
])
def test_years_named_on_purpose_are_quiet(teks):
    assert narasi.tahun_keliru(teks, 2024) == []


@pytest.mark.parametrize("teks, tahun", [
    ("Pada Tahun 2023 Jumlah PMKS yang memperoleh bantuan sebanyak 84%.", 2023),
    ("Kondisi capaian kinerja Dinas Sosial tahun 2023 belum mencapai target.", 2023),
    ("Laporan Kinerja Tahun Anggaran 2023 ini disusun oleh Dinas.", 2023),
    ("Pada Tahun 2025 Dinas Sosial telah melaksanakan program.", 2025),
    ("Renja Dinas Sosial Tahun 2023 telah dilaksanakan seluruhnya.", 2023),
])
def test_years_where_the_fiscal_year_is_meant_are_reported(teks, tahun):
    (s,) = narasi.tahun_keliru(teks, 2024)
    assert s.nilai == tahun and s.kutipan.lower().startswith("tahun")


def test_seed_narratives_raise_no_year_findings(contoh):
    assert temuan(contoh, f"{AK}.tahun-narasi") == temuan(contoh, f"{PT}.tahun-narasi") == []


@given(st.text(max_size=300), st.integers(1990, 2100))
def test_scanners_never_raise_and_never_flag_the_fiscal_year(teks, tahun):
    assert all(s.nilai != tahun for s in narasi.tahun_keliru(teks, tahun))
    narasi.peringkat_disebut(teks, ["Sangat Tinggi", "Tinggi", "Rendah"])
    narasi.persen_capaian(teks)
    narasi.semua_persen(teks)


# --- checks: efisiensi ----------------------------------------------------------------------


@pytest.mark.parametrize("tertulis", ["0,16", "0.16", 0.16, "0,161"])
def test_stated_efisiensi_equal_at_its_precision_is_quiet(tertulis):
    data = proyek()
    data[AK]["efisiensi_tertulis"] = tertulis
    assert temuan(data) == []


@pytest.mark.parametrize("tertulis, tampil", [("0,20", "0,20"), (0.3, "0,3"), ("16%", None)])
def test_stated_efisiensi_differing_or_unreadable_fires(tertulis, tampil):
    data = proyek()
    data[AK]["efisiensi_tertulis"] = tertulis
    (f,) = temuan(data, f"{AK}.efisiensi-tertulis")
    assert f.path == (AK, "efisiensi_tertulis")
    assert "0,16" in f.message
    if tampil:
        assert tampil in f.message


def test_percentages_in_the_efisiensi_text_must_be_its_two_inputs():
    data = proyek()
    data[AK]["efisiensi_rumus_tertulis"] = "= 1 - [83,40% x (1/99,41%)] x 100%"
    (f,) = temuan(data, f"{AK}.persen-efisiensi")
    assert f.path == (AK, "efisiensi_rumus_tertulis") and "83,40%" in f.message
    data[AK]["efisiensi_rumus_tertulis"] = "= 1 - [83,42% x (1/99,41%)] x 100%"
    assert temuan(data, f"{AK}.persen-efisiensi") == []


def test_a_formula_times_100_percent_with_a_fraction_as_result_fires():
    """The seed prints "1 - [83,42% x (1/99,41%)] x 100%" and then "0.16": one of the two is
    wrong (as a percentage it is 16,09%)."""
    data = proyek()
    data[AK]["efisiensi_rumus_tertulis"] = "= 1 - [83,42% x (1/99,41%)] x 100%"
    (f,) = temuan(data, f"{AK}.efisiensi-satuan")
    assert f.path == (AK, "efisiensi_tertulis")
    assert "'0,16'" in f.message and "16,09%" in f.message and "sebagai persen" in f.message
    data[AK]["efisiensi_tertulis"] = "16,09%"  # written as the formula says: no unit finding
    assert temuan(data, f"{AK}.efisiensi-satuan") == []
    data[AK]["efisiensi_tertulis"] = "0,16"
    data[AK]["efisiensi_rumus_tertulis"] = "= 1 - [83,42% x (1/99,41%)]"  # a fraction throughout
    assert temuan(data) == []


@pytest.mark.parametrize("baris, seimbang", [
    ("1-[(%realisasi anggaran x (1/% capaian kinerja)]x100%", False),  # the seed's formula
    ("1 - [(%realisasi anggaran x (1/% capaian kinerja))]", True),
    ("= 1 - (83,42% x 1 / 99,41%))", False),
    ("= 1 - [83,42% x (1/99,41%]", False),
    ("Dengan realisasi 83,42% (Tabel 3.6) maka (lihat di atas:", True),  # prose, not a formula
])
def test_brackets_of_an_efisiensi_formula_must_close(baris, seimbang):
    data = proyek()
    data[AK]["efisiensi_teks"] = f"Efisiensi dihitung dengan rumus:\n\n{baris}\n\nSelesai."
    found = temuan(data, f"{AK}.rumus-kurung")
    assert (found == []) == seimbang
    if found:
        assert found[0].path == (AK, "efisiensi_teks") and baris.strip() in found[0].message


def test_missing_anggaran_is_info_or_a_warning_when_a_figure_was_stated():
    data = proyek()
    del data["anggaran"]
    (f,) = temuan(data, f"{AK}.efisiensi-tak-terhitung")
    assert f.severity == "warning" and f.path == (AK, "efisiensi_tertulis")
    del data[AK]["efisiensi_tertulis"]
    (f,) = temuan(data, f"{AK}.efisiensi-tak-terhitung")
    assert f.severity == "info"


# --- checks: BAB IV -------------------------------------------------------------------------


@pytest.mark.parametrize("penutup", [None, {}, {"teks": "   ", "langkah": ["x"]}])
def test_empty_penutup_is_a_warning(penutup):
    data = proyek()
    if penutup is None:
        del data[PT]
    else:
        data[PT] = penutup
    (f,) = temuan(data, f"{PT}.teks-kosong")
    assert f.severity == "warning" and f.chapter == PT and f.path == (PT, "teks")


# --- the example project --------------------------------------------------------------------


def test_example_findings_are_the_seeds_known_mistakes(contoh):
    found = sorted((f.code, f.path) for f in temuan(contoh))
    assert found == sorted([
        (f"{AK}.peringkat-narasi", (AK, "analisis", 0, "teks")),
        (f"{AK}.peringkat-narasi", (AK, "analisis", 1, "teks")),
        *[(f"{AK}.skala", (AK, "skala", i, "max")) for i in range(5)],
        # "1-[(%realisasi anggaran x (1/% capaian kinerja)]x100%", then "= 0.16"
        (f"{AK}.rumus-kurung", (AK, "efisiensi_teks")),
        (f"{AK}.efisiensi-satuan", (AK, "efisiensi_tertulis")),
    ])
    rating = [f.message for f in temuan(contoh, f"{AK}.peringkat-narasi")]
    assert all('"tinggi"' in m and '"Sangat Tinggi"' in m for m in rating)


def test_example_tabel_3_2_prints_capaian_rating_and_means(contoh):
    t = tabel(render(contoh), "3.2")
    assert t.caption == ("Tabel 3.2 Realisasi Sasaran/Indikator Kinerja Utama Dinas Sosial "
                         "Kota Binjai Tahun 2024")
    assert [c.header for c in t.columns][-4:] == ["Target", "Realisasi", "Capaian (%)",
                                                  "Peringkat"]
    assert [r.cells[3:] for r in t.rows] == [
        ("85%", "84%", "98,82%", "Sangat Tinggi"), ("", "", "98,82%", "Sangat Tinggi"),
        ("100%", "100%", "100%", "Sangat Tinggi"), ("", "", "100%", "Sangat Tinggi")]
    assert t.footer[0].cells[5:] == ("99,41%", "Sangat Tinggi")
    assert t.sumber == "Perjanjian Kinerja Dinas Sosial"


def test_example_efisiensi_prints_the_computed_result_with_the_formula(contoh):
    teks = paragraf(render(contoh))
    # the seed's formula multiplies by 100%: the result is a percentage, as the formula says
    assert "= 1 - (83,42% x 1 / 99,41%) x 100%\n= 16,09%" in teks
    assert not any("0.16" in t for t in teks)  # the stated figure is never printed


def test_example_tabel_3_1_and_3_4(contoh):
    sections = render(contoh)
    t31 = tabel(sections, "3.1")
    assert [r.cells[1:] for r in t31.rows][0] == ("91% - 100%", "Sangat Tinggi")
    assert t31.rows[-1].cells[1:] == ("<= 50%", "Sangat Rendah")
    t34 = tabel(sections, "3.4")
    assert [c.header for c in t34.columns][3:] == [
        "Realisasi 2024", "Target 2022", "Target 2023", "Target 2024", "Target 2025",
        "Target 2026", "Capaian thd Target 2026"]
    assert t34.rows[0].cells[3:] == ("84%", "70%", "80%", "85%", "90%", "100%", "84%")
    assert t34.sumber == "Renstra 2021-2026 Dinas Sosial Kota Binjai"


def test_example_places_pmks_and_anggaran_tables_between_its_sections(contoh):
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "akuntabilitas,pmks,anggaran"})
    doc = assemble(contoh, registry, registry.konteks(contoh))
    (bab_iii,) = [b for b in doc.bab if b.key == AK]
    assert [(s.order, s.plugin) for s in bab_iii.sections] == [
        (1, AK), (1.5, "pmks"), (2, AK), (2.5, "anggaran"), (3, AK), (4, AK), (4.5, "anggaran")]
    (bab_iv,) = [b for b in doc.bab if b.key == PT]
    assert bab_iv.judul == "BAB IV PENUTUP"
    assert [b.key for b in doc.bab].index(PT) == [b.key for b in doc.bab].index(AK) + 1


# --- report ---------------------------------------------------------------------------------


def test_bab_iii_sections_at_orders_1_to_4():
    assert [(s.order, s.title, s.key) for s in render(proyek())] == [
        (1, "A. Capaian Kinerja Organisasi", "capaian"), (2, "", "perbandingan"),
        (3, "", "efisiensi"), (4, "B. Realisasi Anggaran", "realisasi-anggaran"),
        (1, "IKHTISAR EKSEKUTIF", "ikhtisar-eksekutif")]  # lifted into the front matter


def test_headings_follow_the_seeds_numbering():
    headings = [b.text for s in render(proyek()) for b in s.blocks if isinstance(b, Heading)]
    for nomor in ("3.1 ", "3.2 ", "3.2.1 ", "1. Analisis", "2. Analisis", "3.2.2 ", "3.2.3 ",
                  "3.2.3.1 ", "3.2.3.2 ", "3.2.4 ", "3.2.5 "):
        assert any(h.startswith(nomor) for h in headings), nomor


def test_every_table_is_numbered_and_has_its_source():
    data = proyek()
    data[AK].update(skala_sumber="SK Kepala Dinas", capaian_sumber="PK",
                    perbandingan_sumber="Renstra")
    sections = render(data)
    assert [(t.nomor, t.sumber) for s in sections for t in s.blocks
            if isinstance(t, TableBlock) and s.key != "ikhtisar-eksekutif"] == [("3.1", "SK Kepala Dinas"), ("3.2", "PK"),
                                              ("3.4", "Renstra")]


def test_tabel_3_4_shows_earlier_years_and_capaian_against_the_end_target():
    t = tabel(render(proyek()), "3.4")
    headers = [c.header for c in t.columns]
    assert headers[3:5] == ["Realisasi 2023", "Realisasi 2024"]
    assert headers[-1] == "Capaian thd Target 2026"
    assert t.rows[0].cells[3:5] == ("80%", "84%")
    assert t.rows[0].cells[-1] == "84%"  # 84 of the 2026 target 100
    assert t.rows[1].cells[3] == "-"  # IKU2 has no earlier realisasi


def test_missing_analysis_prints_the_computed_verdict():
    data = proyek()
    data[AK]["analisis"] = []
    teks = paragraf(render(data))
    assert ('Capaian indikator kinerja sasaran "Meningkatnya peran PSKS" adalah sangat tinggi '
            "yaitu mencapai 100%.") in teks


def test_efisiensi_without_text_prints_the_standard_explanation_and_result():
    data = proyek()
    del data[AK]["efisiensi_teks"]
    teks = paragraf(render(data))
    assert "Efisiensi = 1 - (% realisasi anggaran x 1 / % capaian kinerja)" in teks
    assert any("83,42%" in t and "99,41%" in t and t.endswith("adalah:") for t in teks)
    assert "= 1 - (83,42% x 1 / 99,41%)\n= 0,16" in teks


def test_efisiensi_without_anggaran_says_it_cannot_be_computed():
    data = proyek()
    del data["anggaran"]
    teks = paragraf(render(data))
    assert any(t.startswith("Efisiensi penggunaan anggaran tidak dapat dihitung") for t in teks)


def test_formulas_fill_in_what_the_file_leaves_out():
    data = proyek()
    data[AK]["rumus_capaian"] = [{"polaritas": "positif", "syarat": "Jika positif:"},
                                 {"polaritas": "negatif", "syarat": "Jika negatif:",
                                  "rumus": "rumus tertulis"}]
    (rumus,) = [b for s in render(data) for b in s.blocks if isinstance(b, ListBlock)
                and b.items[0].startswith("Jika")]
    assert rumus.items == (
        "Jika positif:\n% Capaian indikator kinerja = Realisasi / Rencana x 100%",
        "Jika negatif:\nrumus tertulis")


def test_penutup_chapter_prints_text_then_numbered_steps():
    (s,) = render(proyek(), PT)
    assert (s.title, s.order, s.key) == ("A. Penutup", 1, "penutup")
    assert isinstance(s.blocks[0], Paragraph)
    assert s.blocks[-1] == ListBlock(("Meningkatkan pemahaman SAKIP.",), "1.")


def test_other_chapters_get_nothing():
    assert plugin.lakip_render(Chapter(PK, "BAB II", 20), proyek(), Konteks(2024)) is None


def test_renders_through_rich():
    from rich.console import Console

    console = Console(width=120, record=True, color_system=None)
    for section in render(proyek()) + render(proyek(), PT):
        console.print(section)
    text = console.export_text()
    assert "Tabel 3.2" in text and "99,41%" in text and "Sangat Tinggi" in text


# --- registration, defaults, independence ---------------------------------------------------


def test_registers_bab_iii_and_bab_iv_from_one_plugin():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": AK})
    assert [(c.key, c.title, c.order, c.plugin) for c in registry.ordered_chapters()] == [
        (AK, "BAB III Akuntabilitas Kinerja", 30, AK), (PT, "BAB IV Penutup", 40, AK)]


def test_realisasi_table_computes_target_capaian_and_rating_when_given_the_data(contoh):
    realisasi = next(i for b in bab(AK).bagian for i in b.isi if i.key == "realisasi")
    row = contoh[AK]["realisasi"][0]
    konteks = Konteks.dari_data(contoh, {})  # what the editor passes: it carries the data
    shown = {k.key: k.hitung(row, konteks) for k in realisasi.kolom if k.computed}
    assert shown == {"target_": "85%", "capaian_": "98,82%", "peringkat_": "Sangat Tinggi"}
    assert {k.hitung({"indikator": "X"}, konteks) for k in realisasi.kolom if k.computed} == {
        "indikator tidak dikenal"}
    assert {k.hitung(row, Konteks(2024)) for k in realisasi.kolom if k.computed} == {"-"}
    assert realisasi.kolom[0].hitung is None and realisasi.kolom[0].key == "indikator"


@pytest.mark.parametrize("teks", [BAGIAN_AKUNTABILITAS, BAGIAN_PENUTUP])
def test_default_sections_parse_with_comments(teks):
    assert "#" in teks
    tomllib.loads(string.Template(teks).substitute(
        tahun="2025", instansi="Dinas Contoh", pemda="Pemkot", tahun_depan="2026"))


def test_a_new_file_is_checked_without_crashing_and_rates_with_a_gapless_scale():
    text = string.Template(BAGIAN_AKUNTABILITAS + BAGIAN_PENUTUP).substitute(
        tahun="2025", instansi="Dinas Contoh", pemda="Pemkot", tahun_depan="2026")
    data = {"meta": {"tahun": 2025}, **tomllib.loads(text)}
    codes = {f.code for f in temuan(data, tahun=2025)}
    assert f"{AK}.skala" not in codes and f"{PT}.teks-kosong" in codes
    render(data)
    render(data, PT)


@pytest.mark.parametrize("other", BAWAAN_LAIN)
def test_keeps_working_with_any_other_built_in_switched_off(other, contoh):
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": other})
    assert registry.infos[other].status == "dinonaktifkan"
    findings = run_checks(contoh, registry)
    assert not [f for f in findings if f.code.startswith("plugin.")]
    mine = sorted(f.code for f in findings if f.chapter in (AK, PT))
    assert mine == sorted([f"{AK}.peringkat-narasi"] * 2 + [f"{AK}.skala"] * 5
                          + [f"{AK}.rumus-kurung", f"{AK}.efisiensi-satuan"])
    ((_, sections),) = registry.call("lakip_render", chapter=registry.chapters[AK], data=contoh,
                                     konteks=registry.konteks(contoh), only=AK)
    assert "= 1 - (83,42% x 1 / 99,41%) x 100%\n= 16,09%" in paragraf(sections)


@pytest.mark.parametrize("lain", ["anggaran", PK, "pmks", "profil"])
def test_data_without_another_chapters_section_still_checks_and_renders(lain, contoh):
    data = {k: v for k, v in contoh.items() if k != lain}
    temuan(data)
    sections = render(data)
    assert tabel(sections, "3.2")
    render(data, PT)


def test_importing_the_plugin_pulls_in_neither_textual_nor_rich():
    code = ("import sys, lakip_akuntabilitas as p; from lakip_tui.context import Konteks;"
            "import tomllib; d = tomllib.load(open(sys.argv[1], 'rb'));"
            "p.lakip_validate(d, Konteks(2024));"
            "[p.lakip_render(c, d, Konteks(2024)) for c in p.chapters()];"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code, str(CONTOH)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plugin_never_changes_the_data(contoh):
    before = copy.deepcopy(contoh)
    temuan(contoh)
    render(contoh)
    render(contoh, PT)
    assert contoh == before


def bagian_dokumen(judul):
    text = (ROOT / "docs" / "chapters.md").read_text(encoding="utf-8")
    isi = text[text.index(f"\n## {judul}\n"):]
    return isi[: isi.find("\n## ", 1)] if "\n## " in isi[1:] else isi


@pytest.mark.parametrize("judul", [AK, PT])
def test_every_finding_code_is_documented_in_its_chapter_section(judul):
    rows = [line for line in bagian_dokumen(judul).splitlines() if line.startswith("| `")]
    documented = {c for c in (line.split("`")[1] for line in rows) if c.startswith(f"{judul}.")}
    assert documented == {k for k in KODE_TEMUAN if k.startswith(f"{judul}.")}


def test_a_missing_target_is_reported_once_when_bab_ii_checks_it_too():
    """BAB II's own check says the target is missing; BAB III's capaian would say the same at
    the same field. With both chapters present it is said once; without BAB II, BAB III says it."""
    data = proyek()
    del data[PK]["sasaran"][0]["indikator"][0]["target"]
    target = (PK, "sasaran", 0, "indikator", 0, "target")
    beside_pk = Konteks(2024, {PK: Chapter(PK, "BAB II", 20)})
    assert not [f for f in plugin.lakip_validate(data, beside_pk)
                if f.code == f"{AK}.capaian-tak-terhitung"]
    (alone,) = temuan(data, f"{AK}.capaian-tak-terhitung")  # no BAB II chapter in the konteks
    assert alone.path == target and "target belum diisi" in alone.message
    data[AK]["realisasi"][1]["nilai"] = "seratus"  # a cause in BAB III's own data: still said
    (f,) = [f for f in plugin.lakip_validate(data, beside_pk)
            if f.code == f"{AK}.capaian-tak-terhitung"]
    assert f.path == (AK, "realisasi", 1, "nilai")


def test_the_whole_check_reports_a_missing_target_once():
    data = proyek()
    del data[PK]["sasaran"][0]["indikator"][0]["target"]
    target = (PK, "sasaran", 0, "indikator", 0, "target")
    findings = [f for f in run_checks(data, load_registry(env={})) if f.path == target]
    assert [f.code for f in findings] == [f"{PK}.target-kosong"]


def test_missing_kendala_solusi_and_analysis_are_warnings_naming_where_to_fill_them():
    data = proyek()
    del data[AK]["kendala"]
    data[AK]["solusi"] = []
    data[AK]["analisis"][1]["teks"] = ""
    found = {(f.code, f.path): f for f in temuan(data)
             if f.code in (f"{AK}.wajib-kosong", f"{AK}.analisis-kosong")}
    assert set(found) == {(f"{AK}.wajib-kosong", (AK, "kendala")),
                          (f"{AK}.wajib-kosong", (AK, "solusi")),
                          (f"{AK}.analisis-kosong", (AK, "analisis", 1, "teks"))}
    assert all(f.severity == "warning" and "isi di BAB III" in f.message for f in found.values())
    del data[AK]["analisis"]
    paths = {f.path for f in temuan(data, f"{AK}.analisis-kosong")}
    assert paths == {(AK, "analisis")}


def test_efisiensi_is_printed_as_its_formula_says():
    """The seed's formula ends in "x 100%": the worked line says so and gives a percentage."""
    data = proyek()
    data[AK]["efisiensi_teks"] = "Efisiensi = 1-[(%realisasi anggaran x (1/% capaian kinerja)]x100%"
    from lakip_tui.export import assemble
    from lakip_tui.plugins import load_registry
    reg = load_registry([], data=data)
    doc = assemble(data, reg, reg.konteks(data))
    paras = [b.text for s in doc.sections() for b in s.blocks if isinstance(b, Paragraph)]
    line = next(p for p in paras if p.startswith("= 1 - ("))
    assert line.endswith("%") and "x 100%" in line, line
    data[AK]["efisiensi_teks"] = "Efisiensi = 1 - (% realisasi anggaran x 1 / % capaian kinerja)"
    doc = assemble(data, reg, reg.konteks(data))
    paras = [b.text for s in doc.sections() for b in s.blocks if isinstance(b, Paragraph)]
    line = next(p for p in paras if p.startswith("= 1 - ("))
    assert not line.endswith("%"), line
