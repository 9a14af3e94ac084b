"""PMKS, PSKS and lembaga sosial (plugin pmks): the seed's wrong totals are caught, the report
prints computed totals (120.498, 187) in Tabel 2.3 and 2.4, and every table lands in its host
chapter, or in pmks's own chapter when the host is switched off."""

from __future__ import annotations

import copy
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import lakip_pmks
from lakip_pmks.chapter import CHAPTER
from lakip_pmks.hitung import total_jumlah
from lakip_pmks.validasi import KODE_TEMUAN
from lakip_tui.chapter import Chapter
from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.context import Konteks
from lakip_tui.plugins import Registry, load_registry
from lakip_tui.report import Heading, TableBlock

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
HOSTS = ("profil", "perjanjian_kinerja", "akuntabilitas")

# Tabel 2.3 of the seed: (jenis, jumlah, L, P); None where the cell is blank.
SEED_PMKS = [
    ("Anak Balita Terlantar", 0, None, None), ("Anak Terlantar", 1, 1, None),
    ("Anak Yang Berhadapan Dengan Hukum (ABH)", 11, None, 11), ("Anak Jalanan", 0, None, None),
    ("Anak dengan Kedisabilitasan (ADK)", 0, None, None), ("Anak Korban Tindak Kekerasan", 0, None, None),
    ("Anak yang memerlukan Perlindungan Khusus", 0, None, None), ("Lanjut Usia Terlantar", 6, 3, 3),
    ("Penyandang Disabilitas", 16, 3, 13), ("Tuna Susila", 0, None, None), ("Gelandangan", 19, 12, 7),
    ("Pengemis", 0, None, None), ("Pemulung", 0, None, None), ("Kelompok Minoritas", 0, None, None),
    ("Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)", 0, None, None),
    ("Orang dengan HIV/AIDS (ODHA)", 32, 26, 6), ("Korban Penyalahgunaan NAPZA", 3, 3, None),
    ("Korban Trafficking", 0, None, None), ("Korban Tindak Kekerasan", 0, None, None),
    ("Pekerja Migran Bermasalah Sosial", 0, None, None), ("Korban Bencana Alam", 2303, 23, 3),
    ("Korban Bencana Sosial", 0, None, None), ("Perempuan Rawan Sosial Ekonomi", 0, None, None),
    ("Fakir Miskin", 118107, 118, 107), ("Keluarga Bermasalah Sosial Psikologis", 0, None, None),
    ("ODGJ", 0, None, None),
]
# Tabel 2.4 of the seed: (no, jenis, jumlah, P, L); "-" cells left out.
SEED_PSKS = [
    ("1", "Pekerja Sosial Profesional", 4, 3, 1), ("2", "Pekerja Sosial Masyarakat (PSM)", 82, 31, 51),
    ("3", "Taruna Siaga Bencana (TAGANA)", 31, 5, 26), ("4", "Lembaga Kesejahteraan Sosial (LKS)", 16, None, None),
    ("5", "Karang Taruna", 43, None, None), ("6", "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)", 1, None, None),
    ("7", "Keluarga Pioner", None, 1, None), ("8", "WKSBM", 5, None, None),
    ("9", "Wanita Pemimpin Kesejahteraan Sosial", None, 1, None), ("10", "Penyuluh Sosial", None, None, None),
    ("10a", "Penyuluh Sosial Fungsional", None, 1, None), ("10b", "Penyuluh Sosial Masyarakat", None, 1, None),
    ("11", "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", 5, 1, 4), ("12", "Dunia Usaha", None, None, None),
]


def _row(**fields) -> dict:
    return {k: v for k, v in fields.items() if v is not None}


SEED = {
    "format": 1,
    "meta": {"pemda": "Pemerintah Kota Binjai", "instansi": "Dinas Sosial Kota Binjai", "tahun": 2024},
    "pmks": {
        "pmks_sumber": "Data PMKS Kota Binjai",
        "pmks_jumlah_tertulis": [{"tempat": "BAB I C.b", "nilai": "120.460"},
                                 {"tempat": "Tabel 2.3", "nilai": "120.40"}],
        "pmks_pengantar": "Penyandang Masalah Kesejahteraan Sosial yang selanjutnya disebut PMKS ...",
        "pmks_definisi": [f"Definisi {n}" for n in range(1, 27)],
        "pmks_tabel_pengantar": "Pada Tahun 2024 Data Penyandang Masalah Kesejahteraan Sosial ...",
        "psks_pengantar": "Peningkatan kemampuan ... seperti:",
        "psks_kegiatan": ["Menjaga, menciptakan, ...", "Berpartisipasi ..."],
        "psks_definisi_pengantar": "PSKS adalah ... 12 jenis PSKS yaitu:",
        "psks_definisi": [f"Definisi PSKS {n}" for n in range(1, 13)],
        "psks_tabel_pengantar": "Pada Tahun 2024 Data Potensi dan Sumber Kesejahteraan Sosial ...",
        "psks_sumber": "Data PSKS Kota Binjai Tahun 2024",
        "psks_jumlah_tertulis": 187,
        "lembaga_sumber": "Bidang Pemberdayaan Sosial Dinas Sosial Kota Binjai",
        "pmks": [_row(no=n, jenis=j, jumlah=t, l=l, p=p) for n, (j, t, l, p) in enumerate(SEED_PMKS, 1)],
        "psks": [_row(no=n, jenis=j, jumlah=t, p=p, l=l) for n, j, t, p, l in SEED_PSKS],
        "lembaga": [
            {"kelompok": "PANTI ASUHAN", "nama": "Panti Asuhan Al-Jam'iyatun Washliyah Putra",
             "alamat": "Jl. Bukit Tinggi No. 35 Kel. Rambung Timur Kec. Binjai Selatan"},
            {"kelompok": "PANTI ASUHAN", "nama": "Panti Asuhan Gnade",
             "alamat": "Jl. Let, Umar Baki Lk V Limau mungkur Kec. Binjai Barat"},
            {"kelompok": "PANTI REHABILITASI", "nama": "Panti Rehabilitasi After Care",
             "alamat": "Jl. Dahliah No.33 Kel. Pahlawan Kec. Binjai Utara"},
        ],
    },
}


def clean() -> dict:
    """The seed with its mistakes put right: the baseline every check must be quiet on."""
    data = copy.deepcopy(SEED)
    pmks = data["pmks"]
    pmks["pmks_jumlah_tertulis"] = [{"tempat": "Tabel 2.3", "nilai": "120.498"}]
    pmks["pmks"][20].update(l=2300, p=3)
    pmks["pmks"][23].update(l=118000, p=107)
    for row in pmks["psks"]:
        if row["no"] in ("7", "9", "10a", "10b"):
            row["jumlah"] = 1
    pmks["psks_jumlah_tertulis"] = 191
    return data


def findings(data: dict) -> list:
    found = lakip_pmks.lakip_validate(data=data, konteks=Konteks.dari_data(data, {}))
    for f in found:  # every finding is a documented code with its documented severity
        assert f.chapter == "pmks" and f.severity in KODE_TEMUAN[f.code], f
    return found


def codes(data: dict) -> list[tuple[str, str, tuple]]:
    return sorted((f.severity, f.code, f.path) for f in findings(data))


def chapter(key: str) -> Chapter:
    return CHAPTER if key == "pmks" else Chapter(key, key, 20)


def konteks(*present: str) -> Konteks:
    return Konteks(2024, {key: chapter(key) for key in present})


def render(key: str, data: dict = SEED, *present: str) -> list:
    present = present or (*HOSTS, "pmks")
    return lakip_pmks.lakip_render(chapter=chapter(key), data=data, konteks=konteks(*present)) or []


def table(sections: list, nomor: str) -> TableBlock:
    return next(b for s in sections for b in s.blocks if isinstance(b, TableBlock) and b.nomor == nomor)


# --- the seed's mistakes ----------------------------------------------------------------------


def test_seed_fires_exactly_its_known_mistakes():
    assert codes(SEED) == [
        ("error", "pmks.jumlah-lp", ("pmks", "pmks", 20, "jumlah")),
        ("error", "pmks.jumlah-lp", ("pmks", "pmks", 23, "jumlah")),
        ("error", "pmks.total-tertulis", ("pmks", "pmks_jumlah_tertulis", 0, "nilai")),
        ("error", "pmks.total-tidak-valid", ("pmks", "pmks_jumlah_tertulis", 1, "nilai")),
        ("warning", "pmks.lp-tanpa-jumlah", ("pmks", "psks", 6, "jumlah")),
        ("warning", "pmks.lp-tanpa-jumlah", ("pmks", "psks", 8, "jumlah")),
        ("warning", "pmks.lp-tanpa-jumlah", ("pmks", "psks", 10, "jumlah")),
        ("warning", "pmks.lp-tanpa-jumlah", ("pmks", "psks", 11, "jumlah")),
    ]


def message(data: dict, path: tuple) -> str:
    return next(f.message for f in findings(data) if f.path == path)


def test_seed_messages_name_the_row_and_the_numbers():
    assert message(SEED, ("pmks", "pmks", 20, "jumlah")) == (
        'PMKS no. 21 "Korban Bencana Alam": jumlah 2.303, tetapi L + P = 23 + 3 = 26.')
    assert "118 + 107 = 225" in message(SEED, ("pmks", "pmks", 23, "jumlah"))
    stated = message(SEED, ("pmks", "pmks_jumlah_tertulis", 0, "nilai"))
    assert "BAB I C.b 120.460" in stated and "120.498" in stated and "selisih 38" in stated
    malformed = message(SEED, ("pmks", "pmks_jumlah_tertulis", 1, "nilai"))
    assert "Tabel 2.3" in malformed and '"120.40"' in malformed and "120.498" in malformed
    assert message(SEED, ("pmks", "psks", 10, "jumlah")).startswith(
        'PSKS no. 10a "Penyuluh Sosial Fungsional": P = 1, tetapi jumlah kosong')


def test_the_seed_with_its_mistakes_put_right_is_quiet():
    assert codes(clean()) == []


def test_no_pmks_table_means_nothing_to_check_or_render():
    data = {"meta": SEED["meta"]}
    assert findings(data) == []
    assert all(render(key, data) == [] for key in (*HOSTS, "pmks"))


# --- jumlah against L + P ---------------------------------------------------------------------


def with_row(table_key: str, index: int, **fields) -> dict:
    """clean() with one row changed, and without stated totals (a changed row changes them)."""
    data = clean()
    del data["pmks"]["pmks_jumlah_tertulis"], data["pmks"]["psks_jumlah_tertulis"]
    row = data["pmks"][table_key][index]
    for key, value in fields.items():
        if value is None:
            row.pop(key, None)
        else:
            row[key] = value
    return data


def test_jumlah_equal_to_l_plus_p_is_quiet_and_different_is_an_error():
    assert codes(with_row("pmks", 7, jumlah=6, l=3, p=3)) == []
    assert codes(with_row("pmks", 7, jumlah=7, l=3, p=3)) == [
        ("error", "pmks.jumlah-lp", ("pmks", "pmks", 7, "jumlah"))]


def test_only_one_of_l_and_p_given():
    assert codes(with_row("pmks", 1, jumlah=1, l=1)) == []
    assert codes(with_row("pmks", 1, jumlah=4, l=1)) == [
        ("warning", "pmks.jumlah-lp", ("pmks", "pmks", 1, "jumlah"))]
    assert "P seharusnya 3" in message(with_row("pmks", 1, jumlah=4, l=1), ("pmks", "pmks", 1, "jumlah"))
    assert codes(with_row("pmks", 2, jumlah=11, p=12)) == [
        ("error", "pmks.jumlah-lp", ("pmks", "pmks", 2, "jumlah"))]


def test_l_or_p_without_jumlah_fires_and_an_empty_row_does_not():
    assert codes(with_row("psks", 3, jumlah=None, p=2)) == [
        ("warning", "pmks.lp-tanpa-jumlah", ("pmks", "psks", 3, "jumlah"))]
    assert codes(with_row("psks", 11, jumlah=None, l=None, p=None)) == []  # Dunia Usaha "-"


# --- stated totals ----------------------------------------------------------------------------


@pytest.mark.parametrize("nilai", [120498, "120.498", "120498"])
def test_stated_pmks_total_equal_to_the_rows_is_quiet(nilai):
    data = clean()
    data["pmks"]["pmks_jumlah_tertulis"] = [{"tempat": "Tabel 2.3", "nilai": nilai}]
    assert codes(data) == []


@pytest.mark.parametrize("nilai, code", [
    (120460, "pmks.total-tertulis"), ("120.460", "pmks.total-tertulis"),
    ("120.40", "pmks.total-tidak-valid"), ("120,498", "pmks.total-tidak-valid"),
    ("seratus", "pmks.total-tidak-valid"), (120498.0, "pmks.total-tidak-valid"),
])
def test_stated_pmks_total_that_differs_or_is_no_number_is_an_error(nilai, code):
    data = clean()
    data["pmks"]["pmks_jumlah_tertulis"] = [{"tempat": "Tabel 2.3", "nilai": nilai}]
    assert codes(data) == [("error", code, ("pmks", "pmks_jumlah_tertulis", 0, "nilai"))]


def test_stated_total_may_be_a_single_value():
    data = clean()
    data["pmks"]["pmks_jumlah_tertulis"] = "120.460"
    assert codes(data) == [("error", "pmks.total-tertulis", ("pmks", "pmks_jumlah_tertulis"))]


def test_stated_psks_total_is_compared_with_the_rows():
    data = copy.deepcopy(SEED)
    assert ("pmks", "psks_jumlah_tertulis") not in [p for _, _, p in codes(data)]  # 187 = 187
    data["pmks"]["psks_jumlah_tertulis"] = 190
    assert ("error", "pmks.total-tertulis", ("pmks", "psks_jumlah_tertulis")) in codes(data)


def test_group_row_with_its_own_jumlah_is_not_counted_twice():
    rows = [{"no": "10", "jumlah": 2}, {"no": "10a", "jumlah": 1}, {"no": "10b", "jumlah": 1},
            {"no": "11", "jumlah": 5}]
    assert total_jumlah(rows) == 7
    assert total_jumlah(rows[1:]) == 7  # without the group's figure, its sub-rows count


# --- row count, numbers, negatives ------------------------------------------------------------


def test_fewer_rows_than_declared_jenis_is_info():
    data = clean()
    del data["pmks"]["pmks"][25]
    (finding,) = findings(data)
    assert (finding.severity, finding.code, finding.path) == ("info", "pmks.banyak-jenis", ("pmks", "pmks"))
    assert "25 jenis" in finding.message and "26" in finding.message


def test_declared_jenis_follow_the_definitions_when_given_else_permensos():
    data = clean()
    data["pmks"]["pmks_definisi"] = data["pmks"]["pmks_definisi"][:25]
    assert [c for _, c, _ in codes(data)] == ["pmks.banyak-jenis"]
    data["pmks"]["pmks_definisi"] = []
    assert codes(data) == []  # 26 rows, as Permensos 08/2012 lists


def test_psks_sub_rows_are_not_counted_as_jenis():
    data = clean()
    assert codes(data) == []  # 14 rows, 12 jenis
    data["pmks"]["psks"].pop(9)  # the "10. Penyuluh Sosial" group row
    assert [c for _, c, _ in codes(data)] == ["pmks.banyak-jenis"]


def test_negative_count_is_an_error():
    assert codes(with_row("pmks", 10, jumlah=-19, l=None, p=None)) == [
        ("error", "pmks.negatif", ("pmks", "pmks", 10, "jumlah"))]


def test_count_written_as_text_is_an_error_not_a_guess():
    assert codes(with_row("pmks", 20, jumlah="2.303")) == [
        ("error", "pmks.bukan-bilangan", ("pmks", "pmks", 20, "jumlah"))]


@pytest.mark.parametrize("table_key, index, no", [("pmks", 5, 5), ("psks", 11, "10a"), ("psks", 3, "3.")])
def test_duplicate_row_number_is_an_error(table_key, index, no):
    (finding,) = findings(with_row(table_key, index, no=no))
    assert (finding.code, finding.path) == ("pmks.nomor-ganda", ("pmks", table_key, index, "no"))


def test_distinct_sub_row_numbers_are_not_duplicates():
    assert codes(with_row("psks", 11, no="10B")) == []


def test_row_without_jenis_is_a_warning():
    assert codes(with_row("psks", 4, jenis=" ")) == [
        ("warning", "pmks.jenis-kosong", ("pmks", "psks", 4, "jenis"))]


def test_lembaga_without_a_name_is_a_warning():
    data = clean()
    data["pmks"]["lembaga"][1]["nama"] = " "
    assert codes(data) == [("warning", "pmks.lembaga-tanpa-nama", ("pmks", "lembaga", 1, "nama"))]


# --- report: placement inside the host chapters -----------------------------------------------


def test_pmks_total_printed_is_computed_120_498():
    for sections, nomor in ((render("profil"), ""), (render("perjanjian_kinerja"), "2.3")):
        tabel = table(sections, nomor)
        assert tabel.footer[0].cells == ("", "JUMLAH", "120.498", "", "")


def test_psks_total_printed_in_tabel_2_4_is_187():
    tabel = table(render("perjanjian_kinerja"), "2.4")
    assert tabel.footer[0].cells == ("", "JUMLAH", "187", "", "")


def test_b_data_continues_c_profil_at_3_5():
    (section,) = render("profil")
    assert (section.title, section.order, section.key) == ("", 3.5, "pmks-data-bab1")
    heading, tabel = section.blocks
    assert heading == Heading("b. Data", level=4)
    assert tabel.caption == "Data Penyandang Masalah Kesejahteraan Sosial Kota Binjai"
    assert tabel.sumber == "Data PMKS Kota Binjai"
    assert tabel.rows[23].cells == ("24", "Fakir Miskin", "118.107", "118", "107")
    assert tabel.rows[0].cells == ("1", "Anak Balita Terlantar", "0", "-", "-")


def test_pmks_and_psks_text_with_tabel_2_3_and_2_4_at_3_1_and_3_3():
    pmks_part, psks_part = render("perjanjian_kinerja")
    assert [(s.title, s.order) for s in (pmks_part, psks_part)] == [("", 3.1), ("", 3.3)]
    assert pmks_part.blocks[0].text.startswith("Penyandang Masalah Kesejahteraan Sosial")
    assert len(pmks_part.blocks[1].items) == 26
    tabel_23 = pmks_part.blocks[-1]
    assert tabel_23.caption == "Tabel 2.3 Data Penyandang Masalah Kesejahteraan Sosial Kota Binjai"
    assert tabel_23.sumber == "Data PMKS Kota Binjai"
    assert psks_part.blocks[1].marker == "a."
    tabel_24 = psks_part.blocks[-1]
    assert tabel_24.caption == "Tabel 2.4 Data Potensi dan Sumber Kesejahteraan Sosial di Kota Binjai Tahun 2024"
    assert tabel_24.sumber == "Data PSKS Kota Binjai Tahun 2024"
    assert [c.header for c in tabel_24.columns] == ["No.", "PSKS", "Jumlah", "P", "L"]


def test_tabel_2_3_may_have_its_own_sumber():
    data = copy.deepcopy(SEED)
    data["pmks"]["pmks_tabel_sumber"] = "Data Penyandang Masalah Kesejahteraan Sosial Kota Binjai Tahun 2024"
    assert table(render("perjanjian_kinerja", data), "2.3").sumber.endswith("Tahun 2024")
    assert table(render("profil", data), "").sumber == "Data PMKS Kota Binjai"


def test_psks_group_and_sub_rows_as_printed():
    rows = [r.cells for r in table(render("perjanjian_kinerja"), "2.4").rows]
    assert rows[6] == ("7.", "Keluarga Pioner", "-", "1", "-")
    assert rows[9] == ("10.", "Penyuluh Sosial", "", "", "")
    assert rows[10] == ("", "a. Penyuluh Sosial Fungsional", "-", "1", "-")
    assert rows[1] == ("2.", "Pekerja Sosial Masyarakat (PSM)", "82", "31", "51")


def test_tabel_3_3_groups_lembaga_at_1_5_of_bab_iii():
    (section,) = render("akuntabilitas")
    assert (section.title, section.order) == ("", 1.5)
    (tabel,) = section.blocks
    assert tabel.caption == "Tabel 3.3 Lembaga Sosial yang Diberdayakan"
    assert tabel.sumber == "Bidang Pemberdayaan Sosial Dinas Sosial Kota Binjai"
    assert [r.cells[:2] for r in tabel.rows] == [
        ("", "PANTI ASUHAN"), ("1.", "Panti Asuhan Al-Jam'iyatun Washliyah Putra"),
        ("2.", "Panti Asuhan Gnade"), ("", "PANTI REHABILITASI"), ("1.", "Panti Rehabilitasi After Care")]
    assert tabel.rows[0].style == "bold"


def test_own_chapter_is_empty_when_every_host_is_present():
    assert render("pmks") == []
    assert render("anggaran") == []


# --- report: hosts switched off ---------------------------------------------------------------


def test_every_part_goes_into_the_own_chapter_when_no_host_is_present():
    sections = render("pmks", SEED, "pmks")
    assert [(s.order, s.title) for s in sections] == [
        (1.0, "Data Penyandang Masalah Kesejahteraan Sosial"),
        (2.0, "Penyandang Masalah Kesejahteraan Sosial (PMKS)"),
        (3.0, "Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
        (4.0, "Lembaga Sosial yang Diberdayakan")]
    assert table(sections, "2.4").footer[0].cells[2] == "187"


@pytest.mark.parametrize("missing", HOSTS)
def test_only_the_part_of_a_missing_host_moves(missing):
    present = [h for h in HOSTS if h != missing] + ["pmks"]
    own = render("pmks", SEED, *present)
    moved = {"profil": ["pmks-data-bab1"], "perjanjian_kinerja": ["pmks-pmks", "pmks-psks"],
             "akuntabilitas": ["pmks-lembaga"]}[missing]
    assert [s.key for s in own] == moved
    assert all(s.title for s in own)


def all_sections(registry, data) -> list:
    k = registry.konteks(data)
    return [s for c in registry.ordered_chapters()
            for _, secs in registry.call("lakip_render", chapter=c, data=data, konteks=k) for s in secs
            if s.key.startswith("pmks-")]


@pytest.mark.parametrize("other", ("profil", "perjanjian_kinerja", "akuntabilitas", "anggaran"))
def test_with_any_other_built_in_switched_off_every_table_is_printed_once(other):
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": other})
    assert registry.infos["pmks"].status == "aktif"
    keys = sorted(s.key for s in all_sections(registry, SEED))
    assert keys == ["pmks-data-bab1", "pmks-lembaga", "pmks-pmks", "pmks-psks"]
    found = [(f.code, f.path) for f in run_checks(SEED, registry)]
    assert ("pmks.total-tidak-valid", ("pmks", "pmks_jumlah_tertulis", 1, "nilai")) in found


def test_loaded_alone_it_checks_and_prints_everything_in_its_own_chapter():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "pmks"})
    assert list(registry.chapters) == ["pmks"]
    sections = all_sections(registry, SEED)
    assert len(sections) == 4 and table(sections, "2.3").footer[0].cells[2] == "120.498"


def test_tables_render_through_rich_with_sumber_lines():
    from rich.console import Console

    console = Console(width=120, record=True, file=open("/dev/null", "w"))
    for section in render("pmks", SEED, "pmks"):
        console.print(section)
    text = console.export_text()
    for expected in ("120.498", "118.107", "187", "Sumber: Data PSKS Kota Binjai Tahun 2024",
                     "Tabel 3.3 Lembaga Sosial yang Diberdayakan"):
        assert expected in text
    assert "120.460" not in text and "120.40" not in text


# --- editing structure and lakip new ----------------------------------------------------------


def test_checks_and_rendering_leave_the_data_unchanged():
    data = copy.deepcopy(SEED)
    findings(data)
    for key in (*HOSTS, "pmks"):
        render(key, data)
        render(key, data, "pmks")
    assert data == SEED


def test_registers_its_chapter_with_tables_to_edit():
    registry = Registry()
    registry.load_object(lakip_pmks, "pmks")
    chapter = registry.chapters["pmks"]
    assert (chapter.title, chapter.order) == ("Data PMKS dan PSKS", 15)
    assert [b.key for b in chapter.bagian] == ["pmks", "psks", "lembaga"]
    pmks_tabel = chapter.bagian[0].isi[3]
    assert pmks_tabel.path == ("pmks", "pmks")
    l_plus_p = next(k for k in pmks_tabel.kolom if k.key == "lp")
    assert l_plus_p.hitung({"jumlah": 2303, "l": 23, "p": 3}, None) == "26"
    assert l_plus_p.hitung({"jumlah": 0}, None) == ""


def test_default_section_lists_the_26_pmks_and_12_psks_jenis_and_is_quiet():
    text = string.Template(CHAPTER.default_section).substitute(
        tahun="2025", tahun_depan="2026", instansi="Dinas X", pemda="Pemerintah Kota X")
    data = {"meta": {"tahun": 2025}, **tomllib.loads(text)}
    assert [r["no"] for r in data["pmks"]["pmks"]] == list(range(1, 27))
    assert data["pmks"]["pmks"][25]["jenis"] == "Komunitas Adat Terpencil"
    assert len(data["pmks"]["psks"]) == 12
    assert findings(data) == []
    assert render("pmks", data, "pmks")[0].blocks[1].footer[0].cells[2] == "0"


def test_lakip_new_writes_the_pmks_section(tmp_path, monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "pmks,profil")
    target = tmp_path / "baru.toml"
    assert main(["new", str(target), "--instansi", "Dinas X", "--pemda", "Kota X", "--tahun", "2025"]) == 0
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["pmks"]["psks_sumber"] == "Data PSKS Tahun 2025"
    assert main(["check", str(target)]) == 0  # only warnings: the narratives are still empty


def test_importing_the_plugin_pulls_in_neither_textual_nor_rich():
    code = ("import sys, lakip_pmks\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_every_finding_code_is_documented():
    text = (ROOT / "docs" / "chapters.md").read_text(encoding="utf-8")
    mine = text[text.index("\n## pmks"):]
    mine = mine[: mine.find("\n## ", 1)] if "\n## " in mine[1:] else mine
    for code, severities in KODE_TEMUAN.items():
        row = next((line for line in mine.splitlines() if f"`{code}`" in line), "")
        assert row and all(s in row for s in severities), code


# --- the example project ----------------------------------------------------------------------


@pytest.fixture
def example() -> dict:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8")) if EXAMPLE.exists() else {}
    if "pmks" not in data:
        pytest.skip("projects/dinsos-binjai-2024.toml has no [pmks] yet")
    return data


def test_example_fires_the_seeds_pmks_mistakes(example):
    found = {(f.code, f.path): f for f in findings(example)}
    rows = {r.get("jenis"): i for i, r in enumerate(example["pmks"]["pmks"])}
    assert ("pmks.jumlah-lp", ("pmks", "pmks", rows["Korban Bencana Alam"], "jumlah")) in found
    assert ("pmks.jumlah-lp", ("pmks", "pmks", rows["Fakir Miskin"], "jumlah")) in found
    stated = [f for (code, _), f in found.items() if code == "pmks.total-tertulis"]
    assert any("120.460" in f.message and "120.498" in f.message for f in stated)
    assert any('"120.40"' in f.message for (code, _), f in found.items() if code == "pmks.total-tidak-valid")
    psks_no_jumlah = sorted(p[2] for code, p in found if code == "pmks.lp-tanpa-jumlah" and p[1] == "psks")
    assert [example["pmks"]["psks"][i]["no"] for i in psks_no_jumlah] == ["7", "9", "10a", "10b"]


def test_example_prints_computed_totals(example):
    assert table(render("perjanjian_kinerja", example), "2.3").footer[0].cells[2] == "120.498"
    assert table(render("perjanjian_kinerja", example), "2.4").footer[0].cells[2] == "187"


def test_printed_titles_replace_the_standard_ones_when_given():
    data = copy.deepcopy(SEED)
    data["pmks"].update(pmks_tabel_judul="Data PMKS Kota Binjai 2024", psks_tabel_judul="Data PSKS",
                        lembaga_judul="Lembaga Sosial yang diberdayakan")
    assert table(render("perjanjian_kinerja", data), "2.3").caption == "Tabel 2.3 Data PMKS Kota Binjai 2024"
    assert table(render("perjanjian_kinerja", data), "2.4").caption == "Tabel 2.4 Data PSKS"
    assert table(render("akuntabilitas", data), "3.3").caption == "Tabel 3.3 Lembaga Sosial yang diberdayakan"
    # BAB I's table has no number and keeps its own title
    assert table(render("profil", data), "").caption == "Data Penyandang Masalah Kesejahteraan Sosial Kota Binjai"
