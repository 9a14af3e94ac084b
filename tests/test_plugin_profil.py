"""BAB I (plugin profil): its checks fire on the seed's mistakes and stay quiet on sound data,
its sections land at orders 0..9, and it keeps working whatever other plugin is switched off."""

from __future__ import annotations

import copy
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import lakip_profil
from lakip_profil.chapter import CHAPTER
from lakip_profil.validasi import KODE_TEMUAN
from lakip_profil.tahun import tahun_lain
from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.context import Konteks
from lakip_tui.plugins import Registry, load_registry
from lakip_tui.report import Heading, ListBlock, Paragraph, Signature, TableBlock

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
OTHER_BUILT_INS = ("pmks", "perjanjian_kinerja", "akuntabilitas", "anggaran")

# Sentences of the seed's kata pengantar: two stale "Tahun 2023", and every year that is right.
PENGANTAR = (
    "Puji syukur ... menyusun Laporan Kinerja Instansi Pemerintah (LAKIP) Dinas Sosial Kota "
    "Binjai Tahun 2023. Laporan ini ... berdasarkan tujuan dan sasaran strategis Tahun 2021-2026."
    "\n\nMengacu pada Instruksi Presiden Nomor: 7 Tahun 1999 tentang AKIP, Peraturan Menteri "
    "PAN dan RB Nomor 29 Tahun 2010 tentang Pedoman ..., Nomor 25 Tahun 2012 tentang Petunjuk ..."
    "\n\nCakupan Laporan ... terdiri atas Pendahuluan, Perencanaan dan Perjanjian Kinerja Tahun "
    "2023, akuntabilitas Kinerja dan Penutup. Laporan Kinerja ... Tahun 2024 dapat menjadi masukan."
)

FIXTURE = {
    "format": 1,
    "meta": {
        "pemda": "Pemerintah Kota Binjai",
        "instansi": "Dinas Sosial Kota Binjai",
        "tahun": 2024,
        "tempat_tanggal": "Binjai, Maret 2025",
        "kepala": {"jabatan": "KEPALA DINAS SOSIAL KOTA BINJAI",
                   "nama": "TRIONO JULIMAWARDI, S.SOS, M.A.P", "pangkat": "PEMBINA TK.I",
                   "nip": "19751220 199801 1 001"},
    },
    "profil": {
        "kata_pengantar": "Puji syukur ... Laporan Kinerja Dinas Sosial Kota Binjai Tahun 2024.",
        "latar_belakang": "Dinas Sosial ... tertuang dalam Renja Dinas Sosial Kota Binjai Tahun 2024.",
        "dasar_hukum": ["Undang undang no17 tahun 2003 tentang Keuangan Daerah",
                        "Undang undang no.11 Tahun 2009 Tentang Kesejahteraan Sosial"],
        "profil": "Dinas Sosial Kota Binjai bermula dengan nama Kantor Dinas Sosial.",
        "sarana_pengantar": "Adapun fasilitas ... meliputi:",
        "sarana": [
            {"jenis": "Panti Asuhan", "jumlah": 3, "satuan": "Unit",
             "kelompok": "Panti Sosial Asuhan Anak",
             "lembaga": ["Panti Asuhan Gnade", "Panti Asuhan An-Nursalih", "Panti Asuhan Dar Fathimah"]},
            {"jenis": "Taman Makam Pahlawan (TMP) Syuhada", "jumlah": 1, "satuan": "Unit"},
            {"jenis": "Yayasan Sosial", "jumlah": 1, "satuan": "Unit", "kelompok": "Yayasan",
             "lembaga": ["Yayasan Sinar Sejati"]},
        ],
        "maksud": "Penyusunan LAKIP dimaksudkan ...",
        "tujuan": "Tujuan penyusunan ...",
        "manfaat": ["Mendorong ...", "Menjadikan ..."],
        "susunan_organisasi": "Dinas Sosial Kota Binjai merupakan perangkat daerah ...",
        "fungsi_dinas": ["Perumusan kebijakan teknis;", "Penyelenggaraan urusan pemerintah."],
        "susunan_penutup": "Dinas Sosial Kota Binjai dipimpin oleh Kepala Dinas ...",
        "tupoksi_pengantar": "Berikut ini adalah Tugas Pokok dan Fungsi:",
        "unit": [
            {"nama": "Kepala Dinas",
             "tugas": ["Dinas Sosial merupakan unsur pelaksana ...", "Kepala Dinas mempunyai tugas ..."],
             "fungsi_pengantar": "Dalam menyelenggarakan tugas ..., Kepala Dinas menyelenggarakan fungsi:",
             "fungsi": ["Perumusukan Kebijakan di Bidang Sosial", "Pelaksanaan Kebijakan"]},
        ],
        "pegawai": {
            "tanggal": "31 Desember 2024", "jumlah_tertulis": 56, "pns": 25, "non_pns": 31,
            "golongan": [{"nama": "Golongan IV", "jumlah": 5}, {"nama": "Golongan III", "jumlah": 18},
                         {"nama": "Golongan II", "jumlah": 2}, {"nama": "Golongan I", "jumlah": 0},
                         {"nama": "Non Golongan", "jumlah": 31}],
            "pendidikan": [{"nama": "S2", "jumlah": 2}, {"nama": "S1", "jumlah": 17},
                           {"nama": "D3", "jumlah": 1}, {"nama": "SMA/SLTA", "jumlah": 5}],
            "eselon": [{"nama": "Eselon IIIa", "jumlah": 4}, {"nama": "Eselon IVa", "jumlah": 10}],
        },
        "aspek_strategis": "Dalam menjalankan Tugas Pokok ...",
        "permasalahan_utama": "... Rencana Kerja Pemerintah Daerah (RKPD Tahun 2025).",
        "sistematika_pengantar": "Sistematika penyajian ... adalah sebagai berikut :",
        "sistematika": [{"bab": "BAB I", "judul": "Pendahuluan", "uraian": "Dalam Bab ini ..."},
                        {"bab": "BAB IV", "judul": "Penutup", "uraian": ""}],
    },
}


def data_with(**changes) -> dict:
    """A deep copy of FIXTURE with dotted-path changes; None removes the key."""
    data = copy.deepcopy(FIXTURE)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return data


def findings(data: dict) -> list:
    found = lakip_profil.lakip_validate(data=data, konteks=Konteks.dari_data(data, {}))
    for f in found:  # every finding is a documented code with its documented severity
        assert f.chapter == "profil" and f.severity in KODE_TEMUAN[f.code], f
    return found


def codes(data: dict) -> list[tuple[str, tuple]]:
    return sorted((f.code, f.path) for f in findings(data))


def render(data: dict) -> list:
    return lakip_profil.lakip_render(chapter=CHAPTER, data=data, konteks=Konteks(2024))


# --- registration ----------------------------------------------------------------------------


def test_registers_bab_i_at_order_10_with_a_form_for_the_cover_and_signature():
    registry = Registry()
    registry.load_object(lakip_profil, "profil")
    chapter = registry.chapters["profil"]
    assert (chapter.title, chapter.order) == ("BAB I Pendahuluan", 10)
    sampul = next(b for b in chapter.bagian if b.key == "sampul").isi[0]
    assert sampul.path == ("meta",)
    assert [k.key for k in sampul.kolom] == [
        "pemda", "instansi", "tahun", "logo", "tempat_tanggal",
        "kepala.jabatan", "kepala.nama", "kepala.pangkat", "kepala.nip",
        "kepala_daerah.jabatan", "kepala_daerah.nama"]


def test_computed_columns_show_counts_and_the_pegawai_total():
    pegawai = next(b for b in CHAPTER.bagian if b.key == "keadaan-pegawai").isi[0]
    total = next(k for k in pegawai.kolom if k.key == "jumlah")
    assert total.computed and total.hitung({"pns": 25, "non_pns": 31}, None) == "56"
    assert total.hitung({"pns": 25}, None) == "-"
    sarana = next(b for b in CHAPTER.bagian if b.key == "profil").isi[2]
    lembaga = next(k for k in sarana.kolom if k.key == "lembaga_n")
    assert lembaga.hitung({"lembaga": ["A", "B", ""]}, None) == "2"


# --- checks: a clean file ---------------------------------------------------------------------


def test_sound_fixture_has_no_findings():
    assert codes(FIXTURE) == []


# --- checks: counts ---------------------------------------------------------------------------


def test_sarana_count_differing_from_its_named_lembaga_fires():
    data = data_with(profil__sarana__0__jumlah=9)
    (finding,) = findings(data)
    assert (finding.code, finding.severity) == ("profil.sarana-jumlah", "warning")
    assert finding.path == ("profil", "sarana", 0, "jumlah")
    assert '"Panti Asuhan"' in finding.message and "9 Unit" in finding.message
    assert "3" in finding.message


def test_sarana_count_without_a_named_list_is_not_compared():
    assert codes(data_with(profil__sarana__1__jumlah=7)) == []


def test_stated_pegawai_total_differing_from_pns_plus_non_pns_fires():
    (finding,) = findings(data_with(profil__pegawai__jumlah_tertulis=57))
    assert (finding.code, finding.severity) == ("profil.pegawai-jumlah", "error")
    assert finding.path == ("profil", "pegawai", "jumlah_tertulis")
    assert "57" in finding.message and "25 + 31 = 56" in finding.message


def test_pns_differing_from_golongan_rows_fires_and_non_golongan_is_left_out():
    data = data_with(profil__pegawai__golongan__1__jumlah=17)
    (finding,) = findings(data)
    assert (finding.code, finding.path) == ("profil.pegawai-golongan", ("profil", "pegawai", "golongan"))
    assert "PNS tertulis 25" in finding.message and "= 24" in finding.message


def test_non_golongan_row_differing_from_non_pns_fires():
    (finding,) = findings(data_with(profil__pegawai__golongan__4__jumlah=30))
    assert finding.code == "profil.pegawai-golongan"
    assert finding.path == ("profil", "pegawai", "golongan", 4, "jumlah")
    assert '"Non Golongan" 30' in finding.message and "31" in finding.message


def test_pendidikan_sum_differing_from_pns_fires():
    (finding,) = findings(data_with(profil__pegawai__pendidikan__1__jumlah=18))
    assert (finding.code, finding.severity) == ("profil.pegawai-pendidikan", "error")
    assert finding.path == ("profil", "pegawai", "pendidikan")
    assert "= 26" in finding.message


def test_pendidikan_covering_every_pegawai_is_accepted():
    pendidikan = [{"nama": "S1", "jumlah": 40}, {"nama": "SMA/SLTA", "jumlah": 16}]
    assert codes(data_with(profil__pegawai__pendidikan=pendidikan)) == []


def test_golongan_or_eselon_row_without_a_number_is_info():
    data = data_with(profil__pegawai__golongan__3__jumlah=None)
    data["profil"]["pegawai"]["eselon"].insert(0, {"nama": "Eselon IIb"})
    found = findings(data)
    assert [(f.severity, f.code, f.path) for f in found] == [
        ("info", "profil.pegawai-tanpa-angka", ("profil", "pegawai", "golongan", 3, "jumlah")),
        ("info", "profil.pegawai-tanpa-angka", ("profil", "pegawai", "eselon", 0, "jumlah")),
    ]
    assert '"Golongan I"' in found[0].message and '"Eselon IIb"' in found[1].message


def test_count_that_is_not_a_whole_number_is_an_error():
    (finding,) = findings(data_with(profil__pegawai__non_pns="31"))
    assert (finding.code, finding.path) == ("profil.bukan-bilangan", ("profil", "pegawai", "non_pns"))


# --- checks: years ----------------------------------------------------------------------------


def test_stale_year_in_the_kata_pengantar_fires_once_per_mention():
    found = findings(data_with(profil__kata_pengantar=PENGANTAR))
    assert [(f.code, f.severity, f.path) for f in found] == [
        ("profil.tahun-lain", "warning", ("profil", "kata_pengantar"))] * 2
    assert '"Dinas Sosial Kota Binjai Tahun 2023"' in found[0].message
    assert '"Perencanaan dan Perjanjian Kinerja Tahun 2023"' in found[1].message
    assert "2024" in found[0].message


def test_stale_year_in_the_latar_belakang_fires():
    data = data_with(profil__latar_belakang="... tertuang dalam Renja Dinas Sosial Tahun 2023.")
    assert codes(data) == [("profil.tahun-lain", ("profil", "latar_belakang"))]


@pytest.mark.parametrize("teks", [
    "sasaran strategis Tahun 2021-2026",
    "Renstra Tahun 2021 s.d. 2026",
    "periode Tahun 2021 sampai dengan 2026",
    "Instruksi Presiden Nomor: 7 Tahun 1999 tentang AKIP",
    "Peraturan Menteri Nomor 29 Tahun 2010 tentang Pedoman",
    "Undang undang no.11 Tahun 2009 Tentang Kesejahteraan Sosial",
    "Peraturan Presiden 29 Tahun 2014 tentang SAKIP",
    "tidak dapat merangkum semua Rencana Kerja Pemerintah Daerah (RKPD Tahun 2025)",
    "sesuai RPJMD Kota Binjai Tahun 2021",
    "disusun bersama APBD Tahun 2025",
    "berubah nama sejak Tahun 2017",
    "Perbandingan Realisasi Capaian Kinerja Tahun 2024 Dengan Tahun 2022",
    "capaian meningkat dibandingkan Tahun 2023",
    "pada tahun-tahun berikutnya",
    "Laporan Kinerja Tahun Anggaran 2024",
])
def test_years_meant_on_purpose_are_not_reported(teks):
    assert tahun_lain(teks, 2024) == []


@pytest.mark.parametrize("teks, tahun", [
    ("Laporan Kinerja (LAKIP) Dinas Sosial Kota Binjai Tahun 2023.", 2023),
    ("Perencanaan dan Perjanjian Kinerja Tahun 2023, akuntabilitas", 2023),
    ("Laporan Kinerja Tahun Anggaran 2025 ini", 2025),
    ("sesuai RKPD, laporan tahun 2022 disusun", 2022),  # the RKPD is in another clause
])
def test_years_that_should_be_the_fiscal_year_are_reported(teks, tahun):
    (sebutan,) = tahun_lain(teks, 2024)
    assert sebutan.tahun == tahun


def test_without_a_valid_fiscal_year_no_year_check_runs():
    data = data_with(profil__kata_pengantar=PENGANTAR, meta__tahun="2024")
    assert [f for f in findings(data) if f.code in ("profil.tahun-lain", "profil.tanggal-ttd")] == []


def test_signing_date_in_the_fiscal_year_fires():
    (finding,) = findings(data_with(meta__tempat_tanggal="Binjai, Maret 2024"))
    assert (finding.code, finding.severity) == ("profil.tanggal-ttd", "warning")
    assert finding.path == ("meta", "tempat_tanggal")
    assert '"Binjai, Maret 2024"' in finding.message and "2025" in finding.message


@pytest.mark.parametrize("tempat_tanggal", ["Binjai, Maret 2025", "Binjai, 2 Januari 2026", "Binjai", ""])
def test_signing_date_after_the_fiscal_year_or_without_a_year_is_quiet(tempat_tanggal):
    assert codes(data_with(meta__tempat_tanggal=tempat_tanggal)) == []


# --- checks: required text and the signature ---------------------------------------------------


@pytest.mark.parametrize("key", ["kata_pengantar", "latar_belakang"])
@pytest.mark.parametrize("value", [None, "", "   \n  "])
def test_empty_required_narrative_fires(key, value):
    found = [f for f in findings(data_with(**{f"profil__{key}": value}))
             if f.code == "profil.wajib-kosong"]
    assert [(f.severity, f.path) for f in found] == [("warning", ("profil", key))]


def test_missing_profil_table_reports_the_required_narratives_and_dasar_hukum():
    data = data_with(profil=None)
    assert codes(data) == [("profil.wajib-kosong", ("profil", "dasar_hukum")),
                           ("profil.wajib-kosong", ("profil", "kata_pengantar")),
                           ("profil.wajib-kosong", ("profil", "latar_belakang"))]
    pesan = {f.path[-1]: f.message for f in findings(data)}
    assert "isi di BAB I > Kata Pengantar" in pesan["kata_pengantar"]
    assert "isi di BAB I > B. Dasar Hukum" in pesan["dasar_hukum"]


def test_missing_staff_counts_are_warnings_naming_where_to_fill_them():
    data = data_with(profil__pegawai__pns=None)
    (finding,) = findings(data)
    assert (finding.severity, finding.code, finding.path) == \
        ("warning", "profil.pegawai-belum-diisi", ("profil", "pegawai", "pns"))
    assert "G. Keadaan Pegawai" in finding.message


@pytest.mark.parametrize("nip", ["19751220 199801 1 00", "197512201998011001X", "1975122O 199801 1 001",
                                 19751220199801100])
def test_nip_that_is_not_18_digits_fires(nip):
    (finding,) = findings(data_with(meta__kepala__nip=nip))
    assert (finding.code, finding.path) == ("profil.nip", ("meta", "kepala", "nip"))


@pytest.mark.parametrize("nip", ["19751220 199801 1 001", "197512201998011001"])
def test_nip_of_18_digits_with_spaces_or_not_is_quiet(nip):
    assert codes(data_with(meta__kepala__nip=nip)) == []


@pytest.mark.parametrize("key", ["nama", "nip"])
@pytest.mark.parametrize("value", ["", None])
def test_a_signature_without_name_or_nip_is_a_warning_naming_where_to_fill_it(key, value):
    (finding,) = findings(data_with(**{f"meta__kepala__{key}": value}))
    assert (finding.severity, finding.code, finding.path) == \
        ("warning", "profil.penandatangan-kosong", ("meta", "kepala", key))
    assert "Sampul dan penanda tangan" in finding.message


# --- report -----------------------------------------------------------------------------------


def test_kata_pengantar_comes_first_signed_from_meta():
    sections = render(FIXTURE)
    first = sections[0]
    assert (first.key, first.order, first.title) == ("kata-pengantar", 0, "KATA PENGANTAR")
    paragraph, signature = first.blocks
    assert isinstance(paragraph, Paragraph) and "Tahun 2024" in paragraph.text
    assert signature == Signature("Binjai, Maret 2025", "KEPALA DINAS SOSIAL KOTA BINJAI",
                                  "TRIONO JULIMAWARDI, S.SOS, M.A.P", "PEMBINA TK.I",
                                  "19751220 199801 1 001")


def test_sections_a_to_i_at_orders_1_to_9():
    sections = render(FIXTURE)
    assert [(s.order, s.title) for s in sections[1:]] == [
        (1, "A. Latar Belakang"), (2, "B. Dasar Hukum"), (3, "C. Profil Dinas Sosial Kota Binjai"),
        (4, "D. Maksud dan Tujuan"), (5, "E. Susunan Organisasi"), (6, "F. Tugas Pokok dan Fungsi"),
        (7, "G. Keadaan Pegawai"), (8, "H. Aspek Strategis dan Permasalahan Utama"),
        (9, "I. Sistematika")]


def section(data: dict, key: str):
    return next(s for s in render(data) if s.key == key)


def test_sarana_table_and_the_named_lembaga_lists():
    blocks = section(FIXTURE, "profil").blocks
    table = next(b for b in blocks if isinstance(b, TableBlock))
    assert [r.cells for r in table.rows] == [
        ("1.", "Panti Asuhan", "3 Unit"), ("2.", "Taman Makam Pahlawan (TMP) Syuhada", "1 Unit"),
        ("3.", "Yayasan Sosial", "1 Unit")]
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings == ["a. Sarana Sosial", "1) Panti Sosial Asuhan Anak:", "2) Yayasan:"]
    assert blocks[-1] == ListBlock(("Yayasan Sinar Sejati",), "-")


def test_pegawai_total_is_computed_never_the_stated_one():
    data = data_with(profil__pegawai__jumlah_tertulis=57, profil__pegawai__pns=1025)
    text = section(data, "keadaan-pegawai").blocks[0].text
    assert "sebanyak 1.056 Orang" in text and "1.025 Orang PNS" in text and "57" not in text


def test_pegawai_lists_print_a_dash_where_there_is_no_number():
    data = data_with(profil__pegawai__golongan__3__jumlah=None)
    golongan = section(data, "keadaan-pegawai").blocks[1]
    assert golongan.items[2:4] == ("Golongan II : 2 Orang", "Golongan I : -")


def test_tupoksi_numbers_the_ayat_and_letters_the_fungsi():
    blocks = section(FIXTURE, "tupoksi").blocks
    assert blocks[1] == Heading("Kepala Dinas", level=4)
    assert blocks[2].items[2].startswith("(3) Dalam menyelenggarakan tugas")
    assert blocks[3].marker == "a." and blocks[3].labels() == ["a.", "b."]


def test_empty_sections_are_left_out_and_no_profil_means_no_sections():
    data = data_with(profil__dasar_hukum=[], profil__aspek_strategis="", profil__permasalahan_utama=None)
    keys = [s.key for s in render(data)]
    assert "dasar-hukum" not in keys and "aspek-strategis" not in keys and "sistematika" in keys
    assert render(data_with(profil=None)) == []
    assert "kata-pengantar" not in [s.key for s in render(data_with(profil__kata_pengantar=""))]


def test_renders_through_rich_with_indonesian_text():
    from rich.console import Console

    console = Console(width=100, record=True, file=open("/dev/null", "w"))
    for part in render(FIXTURE):
        console.print(part)
    text = console.export_text()
    assert "NIP. 19751220 199801 1 001" in text and "3 Unit" in text and "I. Sistematika" in text


def test_checks_and_rendering_leave_the_data_unchanged():
    data = data_with(profil__kata_pengantar=PENGANTAR, meta__kepala__nip="123")
    before = copy.deepcopy(data)
    findings(data)
    render(data)
    assert data == before


def test_other_chapters_get_nothing_from_profil():
    other = CHAPTER.__class__("pmks", "Data PMKS dan PSKS", 15)
    assert lakip_profil.lakip_render(chapter=other, data=FIXTURE, konteks=Konteks(2024)) is None


# --- lakip new --------------------------------------------------------------------------------


def test_default_section_parses_and_only_asks_for_the_required_text():
    text = string.Template(CHAPTER.default_section).substitute(
        tahun="2025", instansi="Dinas X", pemda="Pemerintah Kota X")
    data = {"meta": {"tahun": 2025}, **tomllib.loads(text)}
    assert data["profil"]["pegawai"]["tanggal"] == "31 Desember 2025"
    # what a new file lacks is "not filled yet", never a wrong count: no zero staff
    assert "pns" not in data["profil"]["pegawai"]
    assert all("jumlah" not in r for r in data["profil"]["pegawai"]["golongan"])
    assert codes(data) == [("profil.pegawai-belum-diisi", ("profil", "pegawai", "non_pns")),
                           ("profil.pegawai-belum-diisi", ("profil", "pegawai", "pns")),
                           ("profil.penandatangan-kosong", ("meta", "kepala", "nama")),
                           ("profil.penandatangan-kosong", ("meta", "kepala", "nip")),
                           ("profil.wajib-kosong", ("profil", "dasar_hukum")),
                           ("profil.wajib-kosong", ("profil", "kata_pengantar")),
                           ("profil.wajib-kosong", ("profil", "latar_belakang"))]


def test_lakip_new_writes_the_profil_section(tmp_path, monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "profil")
    target = tmp_path / "baru.toml"
    assert main(["new", str(target), "--instansi", "Dinas X", "--pemda", "Kota X", "--tahun", "2025"]) == 0
    text = target.read_text(encoding="utf-8")
    assert "# A. Latar Belakang" in text
    assert tomllib.loads(text)["profil"]["sistematika"][0] == {"bab": "BAB I", "judul": "Pendahuluan",
                                                              "uraian": ""}


# --- independence -----------------------------------------------------------------------------


@pytest.mark.parametrize("other", OTHER_BUILT_INS)
def test_keeps_working_with_any_other_built_in_switched_off(other):
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": other})
    assert registry.infos["profil"].status == "aktif"
    data = data_with(meta__tempat_tanggal="Binjai, Maret 2024")
    found = run_checks(data, registry)
    assert ("profil.tanggal-ttd", ("meta", "tempat_tanggal")) in [(f.code, f.path) for f in found]
    konteks = registry.konteks(data)
    mine = dict(registry.call("lakip_render", chapter=registry.chapters["profil"], data=data,
                              konteks=konteks))["profil"]
    assert [s.order for s in mine] == list(range(10))


def test_loaded_alone_it_checks_and_renders():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "profil"})
    assert list(registry.chapters) == ["profil"]
    assert [f.code for f in run_checks(FIXTURE, registry)] == []


def test_importing_the_plugin_pulls_in_neither_textual_nor_rich():
    code = ("import sys, lakip_profil\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_every_finding_code_is_documented():
    text = (ROOT / "docs" / "chapters.md").read_text(encoding="utf-8")
    mine = text[text.index("\n## profil"):]
    mine = mine[: mine.find("\n## ", 1)] if "\n## " in mine[1:] else mine
    for code, severities in KODE_TEMUAN.items():
        row = next((line for line in mine.splitlines() if f"`{code}`" in line), "")
        assert row and all(s in row for s in severities), code


# --- the example project ----------------------------------------------------------------------


@pytest.fixture
def example() -> dict:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8")) if EXAMPLE.exists() else {}
    if "profil" not in data:
        pytest.skip("projects/dinsos-binjai-2024.toml has no [profil] yet")
    return data


def test_example_findings_are_the_seeds_mistakes(example):
    found = findings(example)
    got = sorted((f.severity, f.code, f.path) for f in found)
    assert ("warning", "profil.tanggal-ttd", ("meta", "tempat_tanggal")) in got
    stale = [f for f in found if f.code == "profil.tahun-lain"]
    assert [f.path for f in stale] == [("profil", "kata_pengantar")] * 2
    assert not [f for f in found if f.severity == "error"], got


def test_example_renders_every_section(example):
    sections = render(example)
    assert [s.order for s in sections] == list(range(10))
    assert "sebanyak 56 Orang" in section(example, "keadaan-pegawai").blocks[0].text
