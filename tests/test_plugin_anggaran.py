"""The anggaran chapter: its checks (each made to fire and kept quiet), Tabel 3.6 / 3.7 as
rendered, their placement, and the seed's figures reproduced from projects/dinsos-binjai-2024.toml."""

from __future__ import annotations

import copy
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import lakip_anggaran
from lakip_anggaran import chapter as bab, hitung, laporan, validasi
from lakip_anggaran.bawaan import BAGIAN_BAWAAN
from lakip_tui import kinerja
from lakip_tui.angka import format_persen
from lakip_tui.chapter import Chapter
from lakip_tui.checks import run_checks
from lakip_tui.context import Konteks
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import Registry, load_registry
from lakip_tui.report import Paragraph, TableBlock

ROOT = Path(__file__).parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"
BAWAAN_LAIN = ("profil", "pmks", "perjanjian_kinerja", "akuntabilitas")


# --- building small projects ---------------------------------------------------------------


def sub(kode="1.06.01.2.02.0001", nama="Penyediaan Gaji dan Tunjangan ASN", **isi):
    return {"kode": kode, "nama": nama, **isi}


def kegiatan(kode="1.06.01.2.02", nama="Administrasi Keuangan Perangkat Daerah", subs=None, **isi):
    return {"kode": kode, "nama": nama,
            "sub": [sub(pagu=1000, realisasi=900)] if subs is None else subs, **isi}


def program(kode="1.06.01", nama="Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            keg=None, **isi):
    return {"kode": kode, "nama": nama, "kegiatan": [kegiatan()] if keg is None else keg, **isi}


def proyek(programs=None, **anggaran):
    isi = {"urusan": {"kode": "1.06", "nama": "Urusan Pemerintah Bidang Sosial"}, **anggaran}
    if programs is not None:
        isi["program"] = programs
    return {"format": 1, "meta": {"pemda": "P", "instansi": "I", "tahun": 2024}, "anggaran": isi}


def temuan(data, kode=None):
    hasil = validasi.periksa(data)
    return [f for f in hasil if kode is None or f.code == kode]


def jalur(findings):
    return [f.path for f in findings]


PATH_SUB = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0)
PATH_KEG = ("anggaran", "program", 0, "kegiatan", 0)
PATH_PRO = ("anggaran", "program", 0)


def test_small_valid_project_has_no_findings():
    assert temuan(proyek([program()])) == []


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [proyek(), proyek([]), {"meta": {"tahun": 2024}}])
def test_empty_section_is_a_warning(data):
    (f,) = temuan(data)
    assert (f.code, f.severity, f.path) == ("anggaran.kosong", "warning", ("anggaran", "program"))


def test_a_section_with_a_program_is_not_empty():
    assert temuan(proyek([program()]), "anggaran.kosong") == []


@pytest.mark.parametrize("data, path", [
    ({"anggaran": "x"}, ("anggaran",)),
    (proyek({"kode": "1.06.01"}), ("anggaran", "program")),
    (proyek(["bukan tabel"]), PATH_PRO),
    (proyek([program(keg="x")]), (*PATH_PRO, "kegiatan")),
    (proyek([program(keg=[kegiatan(subs=[1])])]), (*PATH_KEG, "sub", 0)),
])
def test_malformed_structure_is_an_error_and_nothing_raises(data, path):
    findings = temuan(data, "anggaran.struktur")
    assert jalur(findings) == [path]
    assert findings[0].severity == "error"


# --- codes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("data, path, bad", [
    (proyek([program(kode="1.06.1")]), PATH_PRO, "1.06.1"),
    (proyek([program(kode="1.06.01.2")]), PATH_PRO, "1.06.01.2"),
    (proyek([program(keg=[kegiatan(kode="1.06.01.02.05")])]), PATH_KEG, "1.06.01.02.05"),
    (proyek([program(keg=[kegiatan(kode="1.06.01.2.2")])]), PATH_KEG, "1.06.01.2.2"),
    (proyek([program(keg=[kegiatan(subs=[sub(kode="1.06.01.2.02.01")])])]), PATH_SUB,
     "1.06.01.2.02.01"),
    (proyek([program(keg=[kegiatan(subs=[sub(kode=1060120201)])])]), PATH_SUB, "1060120201"),
    (proyek([program(keg=[kegiatan(subs=[sub(kode=" ")])])]), PATH_SUB, None),
    (proyek([program(keg=[kegiatan(subs=[sub(kode="")])])]), PATH_SUB, None),
    (proyek([program(keg=[kegiatan(subs=[{"nama": "Tanpa kode"}])])]), PATH_SUB, None),
])
def test_malformed_or_empty_code_fires_at_the_code_field(data, path, bad):
    (f,) = temuan(data, "anggaran.kode-tidak-valid")
    assert f.path == (*path, "kode") and f.severity == "error"
    if bad is None:
        assert "tanpa kode" in f.message and "belum diberi kode" in f.message
    else:
        assert bad in f.message and "Kepmendagri 050-5889/2021" in f.message


def test_message_names_the_row_by_code_and_name():
    data = proyek([program(keg=[kegiatan(kode="1.06.01.02.05",
                                         nama="Administrasi Kepegawaian Perangkat Daerah")])])
    (f,) = temuan(data, "anggaran.kode-tidak-valid")
    assert f.message.startswith('Kegiatan 1.06.01.02.05 "Administrasi Kepegawaian Perangkat Daerah"')
    assert "contoh: 1.06.01.2.02" in f.message


def test_well_formed_codes_are_quiet():
    data = proyek([program(keg=[kegiatan(subs=[sub(pagu=1, realisasi=1),
                                               sub("1.06.01.2.02.0002", pagu=1, realisasi=1)])])])
    assert temuan(data, "anggaran.kode-tidak-valid") == []


def test_malformed_urusan_code_fires_and_empty_urusan_code_is_allowed():
    data = proyek([program()], urusan={"kode": "106", "nama": "Sosial"})
    assert jalur(temuan(data, "anggaran.kode-tidak-valid")) == [("anggaran", "urusan", "kode")]
    assert temuan(proyek([program()], urusan={"kode": "", "nama": ""})) == []


def test_child_code_outside_its_parent_fires():
    data = proyek([program(kode="1.06.07", keg=[kegiatan(
        kode="1.06.06.2.01", subs=[sub("1.06.06.2.01.0002", pagu=1, realisasi=1)])])])
    (f,) = temuan(data, "anggaran.kode-induk-tidak-cocok")
    assert f.path == (*PATH_KEG, "kode")
    assert "1.06.07" in f.message and "1.06.06.2.01" in f.message


def test_child_code_under_its_parent_is_quiet():
    assert temuan(proyek([program()]), "anggaran.kode-induk-tidak-cocok") == []


def test_program_outside_the_urusan_fires():
    data = proyek([program(kode="1.07.01", keg=[kegiatan("1.07.01.2.02",
                                                          subs=[sub("1.07.01.2.02.0001")])])])
    assert jalur(temuan(data, "anggaran.kode-induk-tidak-cocok")) == [(*PATH_PRO, "kode")]


def test_children_of_a_malformed_parent_are_not_blamed_for_its_code():
    data = proyek([program(keg=[kegiatan(kode="1.06.01.02.05",
                                         subs=[sub("1.06.01.2.05.0009", pagu=1, realisasi=1)])])])
    assert temuan(data, "anggaran.kode-induk-tidak-cocok") == []
    assert jalur(temuan(data, "anggaran.kode-tidak-valid")) == [(*PATH_KEG, "kode")]


def test_duplicate_code_anywhere_in_the_tree_fires_on_the_later_row():
    bencana = program("1.06.06", "Program Penanganan Bencana",
                      [kegiatan("1.06.06.2.01", "Perlindungan Sosial Korban Bencana",
                                [sub("1.06.06.2.01.0001", pagu=5, realisasi=5)])])
    tmp = program("1.06.07", "Program Pengelolaan Taman Makam Pahlawan",
                  [kegiatan("1.06.06.2.01", "Pemeliharaan Taman Makam Pahlawan",
                            [sub("1.06.06.2.01.0002", pagu=5, realisasi=5)])])
    (f,) = temuan(proyek([bencana, tmp]), "anggaran.kode-ganda")
    assert f.path == ("anggaran", "program", 1, "kegiatan", 0, "kode")
    assert "Pemeliharaan Taman Makam Pahlawan" in f.message
    assert "Perlindungan Sosial Korban Bencana" in f.message
    assert "anggaran.program[0].kegiatan[0]" in f.message


def test_duplicate_sub_code_within_one_kegiatan_fires():
    data = proyek([program(keg=[kegiatan(subs=[sub(pagu=1, realisasi=1),
                                               sub(nama="Lain", pagu=1, realisasi=1)])])])
    assert jalur(temuan(data, "anggaran.kode-ganda")) == [
        ("anggaran", "program", 0, "kegiatan", 0, "sub", 1, "kode")]


def test_unique_codes_and_repeated_empty_codes_are_not_duplicates():
    data = proyek([program(keg=[kegiatan(subs=[sub(kode="", realisasi=0),
                                               sub(kode="", nama="Lain", realisasi=0),
                                               sub("1.06.01.2.02.0002", pagu=1, realisasi=1)])])])
    assert temuan(data, "anggaran.kode-ganda") == []


# --- Rupiah -----------------------------------------------------------------------------------


def satu_sub(**isi):
    return proyek([program(keg=[kegiatan(subs=[sub(**isi)])])])


def test_realisasi_above_pagu_is_an_error():
    (f,) = temuan(satu_sub(pagu=1000, realisasi=1001), "anggaran.realisasi-melebihi-pagu")
    assert (f.severity, f.path) == ("error", (*PATH_SUB, "realisasi"))
    assert "Rp 1.001" in f.message and "Rp 1.000" in f.message
    assert "1.06.01.2.02.0001" in f.message and "Penyediaan Gaji" in f.message


def test_realisasi_equal_to_pagu_is_quiet():
    assert temuan(satu_sub(pagu=1000, realisasi=1000)) == []


@pytest.mark.parametrize("isi", [{"pagu": 0, "realisasi": 5}, {"realisasi": 5}])
def test_realisasi_without_pagu_is_an_error(isi):
    (f,) = temuan(satu_sub(**isi), "anggaran.realisasi-tanpa-pagu")
    assert (f.severity, f.path) == ("error", (*PATH_SUB, "pagu"))
    assert temuan(satu_sub(**isi), "anggaran.realisasi-melebihi-pagu") == []


@pytest.mark.parametrize("isi", [{"realisasi": 0}, {"pagu": 0, "realisasi": 0}, {}])
def test_no_realisasi_without_pagu_is_quiet(isi):
    assert temuan(satu_sub(**isi)) == []


@pytest.mark.parametrize("kunci", ["pagu", "realisasi"])
def test_negative_amount_is_an_error(kunci):
    isi = {"pagu": 100, "realisasi": 50, kunci: -5}
    findings = temuan(satu_sub(**isi))
    assert [(f.code, f.path) for f in findings] == [("anggaran.rupiah-negatif", (*PATH_SUB, kunci))]


@pytest.mark.parametrize("nilai", [1.5, 100.0, "1.000", True])
@pytest.mark.parametrize("kunci", ["pagu", "realisasi"])
def test_amount_that_is_not_whole_rupiah_is_an_error(kunci, nilai):
    isi = {"pagu": 100, "realisasi": 50, kunci: nilai}
    findings = temuan(satu_sub(**isi))
    assert [(f.code, f.path, f.severity) for f in findings] == [
        ("anggaran.rupiah-tidak-valid", (*PATH_SUB, kunci), "error")]


def test_pagu_without_realisasi_is_a_warning():
    (f,) = temuan(satu_sub(pagu=1000))
    assert (f.code, f.severity, f.path) == ("anggaran.realisasi-kosong", "warning",
                                            (*PATH_SUB, "realisasi"))


def test_pagu_with_zero_realisasi_is_quiet():
    assert temuan(satu_sub(pagu=1000, realisasi=0)) == []


def test_amounts_on_a_program_or_kegiatan_are_ignored_and_flagged():
    data = proyek([program(pagu=5, keg=[kegiatan(realisasi=3)])])
    assert jalur(temuan(data, "anggaran.rupiah-bukan-di-sub")) == [
        (*PATH_PRO, "pagu"), (*PATH_KEG, "realisasi")]
    assert temuan(proyek([program()]), "anggaran.rupiah-bukan-di-sub") == []


# --- stated figures ---------------------------------------------------------------------------


def seed_kegiatan(**tertulis):
    """Administrasi Keuangan Perangkat Daerah as in the seed: 3.390.108.739 / 3.211.168.723."""
    return proyek([program(keg=[kegiatan(subs=[
        sub(pagu=3190068739, realisasi=3039121635),
        sub("1.06.01.2.02.0002", "Penyediaan Administrasi", pagu=200040000, realisasi=172047088),
    ], **tertulis)])])


@pytest.mark.parametrize("tertulis", ["94,7%", "94,72%", "95%", 94.72, "94,7 %"])
def test_stated_percentage_matches_at_its_printed_precision(tertulis):
    assert temuan(seed_kegiatan(persen_tertulis=tertulis)) == []


@pytest.mark.parametrize("tertulis", ["94,8%", "94,73%", "94%", 94.8])
def test_stated_percentage_that_differs_fires(tertulis):
    (f,) = temuan(seed_kegiatan(persen_tertulis=tertulis))
    assert (f.code, f.path) == ("anggaran.tertulis-berbeda", (*PATH_KEG, "persen_tertulis"))
    assert "94,72%" in f.message and "1.06.01.2.02" in f.message


@pytest.mark.parametrize("kunci, nilai", [
    ("pagu_tertulis", 3390108739), ("pagu_tertulis", "3.390.108.739"),
    ("realisasi_tertulis", 3211168723), ("realisasi_tertulis", "Rp 3.211.168.723"),
])
def test_stated_amount_that_matches_is_quiet(kunci, nilai):
    assert temuan(seed_kegiatan(**{kunci: nilai})) == []


@pytest.mark.parametrize("kunci, nilai", [("pagu_tertulis", 3390108738),
                                          ("realisasi_tertulis", "3.211.168.000")])
def test_stated_amount_that_differs_fires(kunci, nilai):
    (f,) = temuan(seed_kegiatan(**{kunci: nilai}))
    assert (f.code, f.path, f.severity) == ("anggaran.tertulis-berbeda", (*PATH_KEG, kunci),
                                            "warning")


def test_stated_div0_is_its_own_finding():
    data = proyek([program(keg=[kegiatan(subs=[sub(realisasi=0, persen_tertulis="#DIV/0!")],
                                         persen_tertulis="#DIV/0!")])])
    findings = temuan(data)
    assert [(f.code, f.path) for f in findings] == [
        ("anggaran.tertulis-div0", (*PATH_KEG, "persen_tertulis")),
        ("anggaran.tertulis-div0", (*PATH_SUB, "persen_tertulis")),
    ]
    assert "tidak dapat dihitung" in findings[0].message


@pytest.mark.parametrize("tertulis", ["sembilan puluh", "94.7%", [94]])
def test_unreadable_stated_figure_is_its_own_finding(tertulis):
    (f,) = temuan(seed_kegiatan(persen_tertulis=tertulis))
    assert (f.code, f.path) == ("anggaran.tertulis-tidak-terbaca", (*PATH_KEG, "persen_tertulis"))


def test_unreadable_stated_amount_is_its_own_finding():
    (f,) = temuan(seed_kegiatan(pagu_tertulis="3,390,108,739"))
    assert f.code == "anggaran.tertulis-tidak-terbaca"


@pytest.mark.parametrize("tertulis", [{"realisasi_tertulis": 0}, {"pagu_tertulis": "-"},
                                      {"persen_tertulis": "-"}, {}])
def test_zero_or_empty_stated_on_a_row_computing_to_zero_is_quiet(tertulis):
    data = proyek([program(keg=[kegiatan(subs=[sub(realisasi=0)])], **tertulis)])
    assert temuan(data) == []


def test_stated_zero_where_something_was_spent_fires():
    data = proyek([program(realisasi_tertulis=0)])
    (f,) = temuan(data)
    assert (f.code, f.path) == ("anggaran.tertulis-berbeda", (*PATH_PRO, "realisasi_tertulis"))
    assert "Rp 900" in f.message


def test_stated_percentage_where_none_can_be_computed_fires():
    data = proyek([program(keg=[kegiatan(subs=[sub(realisasi=0, persen_tertulis="0,00%")])])])
    (f,) = temuan(data)
    assert (f.code, f.path) == ("anggaran.tertulis-berbeda", (*PATH_SUB, "persen_tertulis"))
    assert "tidak dapat dihitung" in f.message


def test_sub_percentage_is_compared():
    assert temuan(satu_sub(pagu=200040000, realisasi=172047088, persen_tertulis="86,01%")) == []
    (f,) = temuan(satu_sub(pagu=200040000, realisasi=172047088, persen_tertulis="86,1%"))
    assert f.path == (*PATH_SUB, "persen_tertulis")


@pytest.mark.parametrize("tempat", ["anggaran", "urusan"])
def test_stated_totals_on_the_urusan_row(tempat):
    benar = {"pagu_tertulis": 1000, "realisasi_tertulis": 900, "persen_tertulis": "90%"}
    salah = {"pagu_tertulis": 1001, "realisasi_tertulis": 900, "persen_tertulis": "90,1%"}
    for tertulis, jumlah in ((benar, 0), (salah, 2)):
        if tempat == "anggaran":
            data = proyek([program()], **tertulis)
        else:
            data = proyek([program()], urusan={"kode": "1.06", "nama": "Sosial", **tertulis})
        findings = temuan(data, "anggaran.tertulis-berbeda")
        assert len(findings) == jumlah
        base = ("anggaran",) if tempat == "anggaran" else ("anggaran", "urusan")
        assert {f.path for f in findings} <= {(*base, "pagu_tertulis"), (*base, "persen_tertulis")}


def test_stated_checks_go_on_past_a_program_with_broken_amounts():
    rusak = program(keg=[kegiatan(subs=[sub(pagu=1.5, realisasi=1)])], pagu_tertulis=9)
    sehat = program("1.06.02", "Program Lain", [kegiatan("1.06.02.2.01", subs=[
        sub("1.06.02.2.01.0001", pagu=10, realisasi=5)])], pagu_tertulis=11)
    findings = temuan(proyek([rusak, sehat]), "anggaran.tertulis-berbeda")
    assert jalur(findings) == [("anggaran", "program", 1, "pagu_tertulis")]


# --- Tabel 3.6 as printed ---------------------------------------------------------------------


def dua_program(ringkasan):
    penunjang = program()  # pagu 1000, realisasi 900
    bencana = program("1.06.06", "PROGRAM PENANGANAN BENCANA", [kegiatan(
        "1.06.06.2.01", subs=[sub("1.06.06.2.01.0001", pagu=400, realisasi=100)])])
    return proyek([penunjang, bencana], ringkasan_tertulis=ringkasan)


RINGKASAN_BENAR = [
    {"no": "1", "nama": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
     "pagu": 1000, "realisasi": 900, "persen": "90,00%"},
    {"no": "2", "nama": "Program Penanganan Bencana", "pagu": 400, "realisasi": 100,
     "persen": "25%"},
    {"nama": "TOTAL", "pagu": 1400, "realisasi": 1000, "persen": "71,43%"},
]


def test_printed_table_that_agrees_is_quiet():
    assert temuan(dua_program(RINGKASAN_BENAR)) == []


def test_no_printed_table_is_quiet():
    assert temuan(proyek([program()])) == []


def test_printed_row_naming_no_program_fires_with_a_hint():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[0]["nama"] = "Urusan Pemerintah Bidang Sosial"
    findings = temuan(dua_program(baris))
    (f,) = [f for f in findings if f.code == "anggaran.ringkasan-tidak-dikenal"]
    assert f.path == ("anggaran", "ringkasan_tertulis", 0, "nama")
    assert "nama urusan" in f.message and "1.06.01" in f.message
    hilang = [f for f in findings if f.code == "anggaran.ringkasan-program-hilang"]
    assert len(hilang) == 1 and "1.06.01" in hilang[0].message


def test_printed_name_matches_ignoring_case_and_the_word_program():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[1]["nama"] = "penanganan  BENCANA"
    assert temuan(dua_program(baris)) == []


def test_shortened_printed_name_matches_its_program_with_a_note():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[1]["nama"] = "Program Bencana"
    findings = temuan(dua_program(baris))
    assert [(f.code, f.severity) for f in findings] == [("anggaran.ringkasan-nama-berbeda", "info")]


@pytest.mark.parametrize("kunci, nilai", [("pagu", 999), ("realisasi", 901), ("persen", "90,1%")])
def test_printed_figures_that_differ_from_the_program_fire(kunci, nilai):
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[0][kunci] = nilai
    (f,) = temuan(dua_program(baris))
    assert (f.code, f.path) == ("anggaran.ringkasan-berbeda",
                                ("anggaran", "ringkasan_tertulis", 0, kunci))
    assert "1.06.01" in f.message


def test_printed_total_is_compared_with_the_computed_total():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[2]["realisasi"] = 4782481544
    (f,) = temuan(dua_program(baris))
    assert (f.code, f.path) == ("anggaran.ringkasan-berbeda",
                                ("anggaran", "ringkasan_tertulis", 2, "realisasi"))


def test_program_missing_from_the_printed_table_fires():
    (f,) = temuan(dua_program([RINGKASAN_BENAR[0], RINGKASAN_BENAR[2]]))
    assert (f.code, f.path) == ("anggaran.ringkasan-program-hilang",
                                ("anggaran", "ringkasan_tertulis"))
    assert "1.06.06" in f.message and "PROGRAM PENANGANAN BENCANA" in f.message


@pytest.mark.parametrize("no", ["h", "3", "", None])
def test_printed_row_numbering_out_of_order_fires(no):
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[1]["no"] = no
    (f,) = temuan(dua_program(baris))
    assert (f.code, f.path) == ("anggaran.ringkasan-nomor", ("anggaran", "ringkasan_tertulis", 1, "no"))
    assert "seharusnya 2" in f.message


def test_printed_row_for_a_program_listed_twice_fires():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris.insert(2, {**baris[1], "no": "3"})
    findings = temuan(dua_program(baris))
    assert [(f.code, f.path) for f in findings] == [
        ("anggaran.ringkasan-ganda", ("anggaran", "ringkasan_tertulis", 2, "nama"))]


def test_printed_div0_in_the_table_is_its_own_finding():
    baris = copy.deepcopy(RINGKASAN_BENAR)
    baris[0]["persen"] = "#DIV/0!"
    (f,) = temuan(dua_program(baris))
    assert f.code == "anggaran.tertulis-div0"


# --- rendering --------------------------------------------------------------------------------


def konteks(*chapters, tahun=2024):
    return Konteks(tahun, {key: Chapter(key, key, 0) for key in chapters})


def tabel_sendiri(data, tahun=2024):
    sections = laporan.sections("anggaran", data, konteks("anggaran", tahun=tahun))
    return sections[0].blocks[0], sections[1].blocks[0]


def test_small_project_renders_computed_figures_not_stated_ones():
    data = proyek([program(pagu_tertulis=1, persen_tertulis="1%")], unit="DINAS SOSIAL",
                  sumber="Renja", ringkasan_sumber="LRA")
    t36, t37 = tabel_sendiri(data)
    assert t36.caption == "Tabel 3.6 Realisasi Anggaran Per Program Tahun 2024"
    assert [c.header for c in t36.columns] == [
        "No", "Nama Program", "Pagu Anggaran", "Realisasi Anggaran", "% Realisasi Anggaran"]
    assert t36.rows[0].cells == ("1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
                                 "1.000", "900", "90%")
    assert t36.footer[0].cells[1:] == ("TOTAL", "1.000", "900", "90%")
    assert (t36.sumber, t37.sumber) == ("LRA", "Renja")
    assert t37.caption == "Tabel 3.7 Realisasi Anggaran"
    assert [c.header for c in t37.columns] == [
        "Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target K", "Pagu Rp",
        "Realisasi K (%)", "Realisasi Rp", "Unit"]
    assert [(r.cells[0], r.style, r.level) for r in t37.rows] == [
        ("1.06", "bold", 0), ("1.06.01", "bold", 1), ("1.06.01.2.02", "bold", 2),
        ("1.06.01.2.02.0001", "", 3)]
    assert t37.rows[1].cells[4:] == ("1.000", "90%", "900", "DINAS SOSIAL")


def test_title_without_a_year_and_table_without_urusan_row():
    data = proyek([program()], urusan={})
    t36, t37 = tabel_sendiri(data, tahun=None)
    assert t36.caption == "Tabel 3.6 Realisasi Anggaran Per Program"
    assert [(r.cells[0], r.level) for r in t37.rows][0] == ("1.06.01", 0)


def test_percentage_that_cannot_be_computed_is_written_out():
    data = proyek([program(keg=[kegiatan(subs=[sub(realisasi=0)])])])
    t36, t37 = tabel_sendiri(data)
    assert t36.rows[0].cells[2:] == ("-", "-", "tidak dapat dihitung")
    assert {r.cells[5] for r in t37.rows} == {"tidak dapat dihitung"}


def test_broken_amounts_render_a_note_instead_of_wrong_tables():
    data = satu_sub(pagu=1.5, realisasi=1)
    sections = laporan.sections("anggaran", data, konteks("anggaran"))
    blok = [b for s in sections for b in s.blocks]
    assert all(isinstance(b, Paragraph) for b in blok)
    assert "lakip check" in blok[0].text


def test_tables_go_into_bab_iii_when_akuntabilitas_is_present():
    data = proyek([program()])
    k = konteks("anggaran", "akuntabilitas")
    assert laporan.sections("anggaran", data, k) is None
    sections = laporan.sections("akuntabilitas", data, k)
    assert [(s.title, s.order, s.blocks[0].nomor) for s in sections
            if s.key != "ikhtisar-eksekutif"] == [
        ("", 2.5, "3.6"), ("", 4.5, "3.7")]
    assert laporan.sections("profil", data, k) is None


def test_tables_go_into_own_chapter_without_akuntabilitas():
    sections = laporan.sections("anggaran", proyek([program()]), konteks("anggaran"))
    assert [(s.title, s.blocks[0].nomor) for s in sections
            if s.key != "ikhtisar-eksekutif"] == [
        ("Realisasi Anggaran per Program", "3.6"), ("Rincian Realisasi Anggaran", "3.7")]


def test_render_hook_places_tables_through_the_registry():
    class Akuntabilitas:
        @hookimpl
        def lakip_register_chapters(self, register):
            register(Chapter("akuntabilitas", "BAB III Akuntabilitas Kinerja", 30))

    registry = Registry()
    registry.load_object(lakip_anggaran, "anggaran")
    registry.load_object(Akuntabilitas(), "akuntabilitas-palsu")
    data = proyek([program()])
    k = registry.konteks(data)
    hasil = registry.call("lakip_render", chapter=registry.chapters["akuntabilitas"], data=data,
                          konteks=k)
    assert [s.order for _, sections in hasil for s in sections
            if s.key != "ikhtisar-eksekutif"] == [2.5, 4.5]
    assert registry.call("lakip_render", chapter=registry.chapters["anggaran"], data=data,
                         konteks=k) == []


def big_project(subs_per_kegiatan: int, programs: int = 4, kegiatan_per_program: int = 5):
    rows = []
    for p in range(1, programs + 1):
        keg = []
        for k in range(1, kegiatan_per_program + 1):
            kode_keg = f"1.06.{p:02d}.2.{k:02d}"
            keg.append(kegiatan(kode_keg, f"Kegiatan {k}", [
                sub(f"{kode_keg}.{s:04d}", f"Sub {s}", indikator="Jumlah", target="100%",
                    pagu=1_000_000 + s, realisasi=900_000 + s, persen_tertulis="90%")
                for s in range(1, subs_per_kegiatan + 1)
            ], pagu_tertulis=1))
        rows.append(program(f"1.06.{p:02d}", f"Program {p}", keg))
    ringkasan = [{"no": str(p), "nama": f"Program {p}"} for p in range(1, programs + 1)]
    return proyek(rows, ringkasan_tertulis=ringkasan)


def count_calls(fungsi, *args):
    """Python and C function calls made by fungsi(*args): a deterministic measure of work."""
    calls = 0

    def profil(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profil)
    try:
        fungsi(*args)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("kerja", [
    lambda data: laporan.sections("anggaran", data, konteks("anggaran")),
    validasi.periksa,
], ids=["render", "check"])
def test_work_grows_linearly_with_the_number_of_subs(kerja):
    kecil = count_calls(kerja, big_project(20))
    besar = count_calls(kerja, big_project(200))
    # Ten times the subs: ten times the work at most (a quadratic walk would be ~100 times).
    assert besar <= 10.5 * kecil


def test_twenty_thousand_subs_render_every_row_once():
    data = big_project(1000)  # 4 programs x 5 kegiatan x 1000 subs
    t36, t37 = tabel_sendiri(data)
    assert len(t37.rows) == 1 + 4 + 20 + 20_000
    assert len(t36.rows) == 4


# --- the chapter and its default section ------------------------------------------------------


def test_chapter_identity_and_default_section_parses():
    assert (bab.CHAPTER.key, bab.CHAPTER.title, bab.CHAPTER.order) == (
        "anggaran", "Realisasi Anggaran", 35)
    teks = string.Template(BAGIAN_BAWAAN).safe_substitute(
        tahun="2025", instansi="Dinas Sosial Kota Binjai")
    data = {"meta": {"tahun": 2025}, **tomllib.loads(teks)}
    assert data["anggaran"]["sumber"] == "Laporan Monitoring Evaluasi Renja Tahun 2025"
    assert [f.code for f in temuan(data)] == ["anggaran.kosong"]


def test_default_section_example_is_a_valid_program_once_uncommented():
    baris = BAGIAN_BAWAAN.splitlines()
    mulai = next(i for i, b in enumerate(baris) if b.startswith("# [[anggaran.program]]"))
    contoh = "\n".join(b.removeprefix("#").removeprefix(" ") for b in baris[mulai:])
    data = tomllib.loads(contoh)
    data["anggaran"]["urusan"] = {"kode": "1.06", "nama": "Sosial"}
    assert temuan(data) == []


def test_editing_structure_has_three_levels_with_computed_totals():
    tabel = bab.TABEL_RINCIAN
    levels = [tabel, tabel.anak, tabel.anak.anak]
    assert [t.path for t in levels] == [("anggaran", "program"), ("kegiatan",), ("sub",)]
    for t in levels:
        assert [k.key for k in t.kolom] == [
            "kode", "nama", "indikator", "target", "pagu", "realisasi", "persen"]
    computed = {t.key: [k.key for k in t.kolom if k.computed] for t in levels}
    assert computed == {"rincian": ["pagu", "realisasi", "persen"],
                        "kegiatan": ["pagu", "realisasi", "persen"], "sub": ["persen"]}
    kolom = {k.key: k for k in tabel.kolom}
    row = program()
    assert kolom["pagu"].hitung(row, None) == "1.000"
    assert kolom["persen"].hitung(row, None) == "90%"
    kolom_sub = {k.key: k for k in tabel.anak.anak.kolom}
    assert kolom_sub["persen"].hitung({"pagu": 0, "realisasi": 0}, None) == "tidak dapat dihitung"
    assert kolom["pagu"].hitung(program(keg=[kegiatan(subs=[sub(pagu=1.5)])]),
                                None) == "tidak dapat dihitung"


def test_helper_for_efisiensi_reads_the_total_percentage():
    assert format_persen(hitung.persen_realisasi(proyek([program()]))) == "90%"
    assert isinstance(hitung.persen_realisasi(satu_sub(pagu="x")), kinerja.TakTerhitung)
    assert isinstance(hitung.persen_realisasi({}), kinerja.TakTerhitung)
    assert lakip_anggaran.persen_realisasi is hitung.persen_realisasi


def test_validating_and_rendering_never_import_textual():
    kode = (
        "import sys, tomllib, lakip_anggaran\n"
        "from lakip_anggaran import validasi, laporan\n"
        "from lakip_tui.context import Konteks\n"
        f"data = tomllib.loads(open({str(CONTOH)!r}, encoding='utf-8').read())\n"
        "validasi.periksa(data)\n"
        "laporan.sections('anggaran', data, Konteks(2024, {}))\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
    )
    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True)
    assert hasil.returncode == 0, hasil.stderr


def test_every_finding_code_is_documented():
    docs = ROOT / "docs"
    teks = "".join(p.read_text(encoding="utf-8") for p in docs.glob("chapters*.md"))
    for kode in validasi.KODE_TEMUAN:
        assert f"`{kode}`" in teks, f"{kode} tidak ada di docs/chapters.md"


# --- the example project: the seed reproduced -------------------------------------------------


@pytest.fixture(scope="module")
def contoh():
    if not CONTOH.exists():
        pytest.skip("projects/dinsos-binjai-2024.toml belum ada")
    return tomllib.loads(CONTOH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def tabel_contoh(contoh):
    return tabel_sendiri(contoh)


def test_example_totals(contoh, tabel_contoh):
    total = hitung.pohon(contoh).rekap
    assert (total.pagu, total.realisasi) == (5_732_972_977, 4_782_481_544)
    t36, t37 = tabel_contoh
    assert t36.footer[0].cells[1:] == ("TOTAL", "5.732.972.977", "4.782.481.544", "83,42%")
    assert t37.rows[0].cells[:2] == ("1.06", "Urusan Pemerintah Bidang Sosial")
    assert t37.rows[0].cells[3:] == ("100%", "5.732.972.977", "83,42%", "4.782.481.544",
                                     "DINAS SOSIAL")
    assert format_persen(hitung.persen_realisasi(contoh)) == "83,42%"


def test_example_tabel_3_6_per_program(tabel_contoh):
    t36, _ = tabel_contoh
    assert [r.cells for r in t36.rows] == [
        ("1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
         "4.277.622.800", "3.847.007.949", "89,93%"),
        ("2", "PROGRAM PEMBERDAYAAN SOSIAL", "178.789.817", "66.813.800", "37,37%"),
        ("3", "PROGRAM PENANGANAN WARGA NEGARA MIGRAN KORBAN TINDAK KEKERASAN", "-", "-",
         "tidak dapat dihitung"),
        ("4", "PROGRAM REHABILITASI SOSIAL", "374.420.793", "266.504.515", "71,18%"),
        ("5", "PROGRAM PERLINDUNGAN DAN JAMINAN SOSIAL", "338.830.080", "178.959.340", "52,82%"),
        ("6", "PROGRAM PENANGANAN BENCANA", "484.613.267", "368.078.940", "75,95%"),
        ("7", "PROGRAM PENGELOLAAN TAMAN MAKAM PAHLAWAN", "78.696.220", "55.117.000", "70,04%"),
    ]
    assert t36.caption == "Tabel 3.6 Realisasi Anggaran Per Program Tahun 2024"
    assert t36.sumber == "Laporan Realisasi Anggaran Dinas Sosial Kota Binjai Tahun 2024"


# Realisasi K (%) of every sub kegiatan of Tabel 3.7, as the tool writes them (the seed prints
# "50,00%", "100,00 %" and "0,00%" for the whole values, and "#DIV/0!" where pagu is empty).
PERSEN_SUB = [
    ("1.06.01.2.02.0001", "95,27%"), ("1.06.01.2.02.0002", "86,01%"),
    ("", "tidak dapat dihitung"),
    ("1.06.01.2.05.0009", "88,27%"),
    ("1.06.01.2.06.0001", "44,91%"), ("1.06.01.2.06.0003", "tidak dapat dihitung"),
    ("1.06.01.2.06.0004", "81,11%"), ("1.06.01.2.06.0005", "50,46%"),
    ("1.06.01.2.06.0006", "50%"), ("1.06.01.2.06.0009", "64,01%"),
    ("1.06.01.2.07.0006", "78,86%"),
    ("1.06.01.2.08.0001", "100%"), ("1.06.01.2.08.0002", "61,37%"),
    ("1.06.01.2.08.0004", "96,21%"),
    ("1.06.01.2.09.0001", "94,54%"), ("1.06.01.2.09.0006", "100%"),
    ("1.06.01.2.09.0009", "50,94%"),
    ("1.06.02.2.03.0001", "tidak dapat dihitung"), ("1.06.02.2.03.0003", "tidak dapat dihitung"),
    ("1.06.02.2.03.0004", "37,37%"),
    ("1.06.03.2.01.0001", "tidak dapat dihitung"),
    ("1.06.04.2.01.0003", "0%"), ("1.06.04.2.01.0005", "88,93%"),
    ("1.06.04.2.01.0011", "75,97%"),
    ("1.06.04.2.02.0003", "tidak dapat dihitung"), ("1.06.04.2.02.0014", "96,80%"),
    ("1.06.05.2.02.0002", "79,23%"), ("1.06.05.2.02.0004", "0%"),
    ("1.06.05.2.02.0003", "87,02%"),
    ("1.06.06.2.01.0001", "75,95%"),
    ("1.06.06.2.02.0002", "tidak dapat dihitung"),
    ("1.06.06.2.01.0002", "70,04%"),
]

# Kegiatan and program rows of Tabel 3.7: the seed's printed percentages, computed.
PERSEN_INDUK = [
    ("1.06.01", "89,93%"), ("1.06.01.2.02", "94,72%"), ("1.06.01.02.05", "88,27%"),
    ("1.06.01.02.06", "64,48%"), ("1.06.01.02.07", "78,86%"), ("1.06.01.02.08", "70,04%"),
    ("1.06.01.2.09", "83,81%"), ("1.06.02", "37,37%"), ("1.06.02.2.03", "37,37%"),
    ("1.06.03", "tidak dapat dihitung"), ("1.06.03.2.01", "tidak dapat dihitung"),
    ("1.06.04", "71,18%"), ("1.06.04.2.01", "67,54%"), ("1.06.04.2.02", "96,80%"),
    ("1.06.05", "52,82%"), ("1.06.05.2.02", "52,82%"),
    ("1.06.06", "75,95%"), ("1.06.06.2.01", "75,95%"), ("1.06.06.2.02", "tidak dapat dihitung"),
    ("1.06.07", "70,04%"), ("1.06.06.2.01", "70,04%"),
]


def test_example_every_sub_kegiatan_percentage(tabel_contoh):
    _, t37 = tabel_contoh
    subs = [(r.cells[0], r.cells[5]) for r in t37.rows if r.level == 3]
    assert subs == PERSEN_SUB
    assert all(r.style == "" for r in t37.rows if r.level == 3)


def test_example_program_and_kegiatan_rows_are_bold_and_computed(tabel_contoh):
    _, t37 = tabel_contoh
    induk = [(r.cells[0], r.cells[5]) for r in t37.rows if r.level in (1, 2)]
    assert induk == PERSEN_INDUK
    assert all(r.style == "bold" for r in t37.rows if r.level < 3)
    assert t37.sumber == "Laporan Monitoring Evaluasi Renja Tahun 2024"
    # program 1.06.02 prints "-" as its realisasi; the report prints the computed one
    program_02 = next(r for r in t37.rows if r.cells[0] == "1.06.02")
    assert program_02.cells[4:7] == ("178.789.817", "37,37%", "66.813.800")


def test_example_seed_mistakes_are_found(contoh):
    found = {(f.code, f.path) for f in validasi.periksa(contoh)}
    tmp = ("anggaran", "program", 6, "kegiatan", 0, "kode")
    harus = {
        ("anggaran.kode-induk-tidak-cocok", tmp),
        ("anggaran.kode-ganda", tmp),
        ("anggaran.kode-tidak-valid", ("anggaran", "program", 0, "kegiatan", 0, "sub", 2, "kode")),
        ("anggaran.kode-tidak-valid", ("anggaran", "program", 0, "kegiatan", 1, "kode")),
        ("anggaran.kode-tidak-valid", ("anggaran", "program", 0, "kegiatan", 2, "kode")),
        ("anggaran.kode-tidak-valid", ("anggaran", "program", 0, "kegiatan", 3, "kode")),
        ("anggaran.kode-tidak-valid", ("anggaran", "program", 0, "kegiatan", 4, "kode")),
        ("anggaran.tertulis-div0", ("anggaran", "program", 2, "kegiatan", 0, "persen_tertulis")),
        ("anggaran.tertulis-div0",
         ("anggaran", "program", 2, "kegiatan", 0, "sub", 0, "persen_tertulis")),
        ("anggaran.ringkasan-tidak-dikenal", ("anggaran", "ringkasan_tertulis", 0, "nama")),
        ("anggaran.ringkasan-nomor", ("anggaran", "ringkasan_tertulis", 5, "no")),
        ("anggaran.ringkasan-program-hilang", ("anggaran", "ringkasan_tertulis")),
        ("anggaran.tertulis-berbeda", ("anggaran", "program", 1, "realisasi_tertulis")),
    }
    assert harus <= found, harus - found


def test_example_correct_rows_stay_quiet(contoh):
    findings = validasi.periksa(contoh)
    paths = {f.path[:7] for f in findings}
    # Penyediaan Gaji dan Tunjangan ASN and its kegiatan: every stated figure agrees
    assert ("anggaran", "program", 0, "kegiatan", 0, "sub", 0) not in paths
    assert not any(f.path[:5] == ("anggaran", "program", 0, "kegiatan", 0) and len(f.path) == 6
                   for f in findings)
    # the urusan row / TOTAL as printed agrees with the computed total
    assert not [f for f in findings if f.path[:2] == ("anggaran", "pagu_tertulis")]
    assert not [f for f in findings if f.path == ("anggaran", "ringkasan_tertulis", 6, "pagu")]
    assert not [f for f in findings if f.code.startswith("anggaran.rupiah")
                or f.code.startswith("anggaran.realisasi")]


@pytest.mark.parametrize("lain", BAWAAN_LAIN)
def test_example_check_and_render_with_another_built_in_disabled(contoh, lain):
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": lain})
    assert registry.infos[lain].status == "dinonaktifkan"
    findings = run_checks(contoh, registry)
    codes = {f.code for f in findings if f.chapter == "anggaran"}
    assert {"anggaran.kode-ganda", "anggaran.tertulis-div0", "anggaran.ringkasan-nomor"} <= codes
    assert registry.infos["anggaran"].status == "aktif", registry.infos["anggaran"].problem
    tuan = "akuntabilitas" if registry.chapters.get("akuntabilitas") else "anggaran"
    hasil = registry.call("lakip_render", chapter=registry.chapters[tuan], data=contoh,
                          konteks=registry.konteks(contoh))
    tabel = [b for nama, sections in hasil if nama == "anggaran"
             for s in sections if s.key != "ikhtisar-eksekutif"
             for b in s.blocks if isinstance(b, TableBlock)]
    assert [t.nomor for t in tabel] == ["3.6", "3.7"]
    assert tabel[0].footer[0].cells[-1] == "83,42%"
    assert registry.infos["anggaran"].status == "aktif", registry.infos["anggaran"].problem
