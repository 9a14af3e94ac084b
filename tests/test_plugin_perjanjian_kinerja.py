"""BAB II (lakip_perjanjian_kinerja): every check made to fire and kept quiet, the report
sections and their placement, the lampiran, the default section, and independence from the
other built-in chapters. The seed's figures come from projects/dinsos-binjai-2024.toml."""

from __future__ import annotations

import copy
import string
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import lakip_perjanjian_kinerja as plugin
from lakip_perjanjian_kinerja.chapter import chapter as bab_ii
from lakip_perjanjian_kinerja.bawaan import BAGIAN_BAWAAN
from lakip_perjanjian_kinerja.validasi import KODE_TEMUAN
from lakip_tui.chapter import Chapter
from lakip_tui.checks import run_checks
from lakip_tui.context import Konteks
from lakip_tui.export import assemble
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.report import Heading, Paragraph, Signature, SignaturePair, TableBlock

ROOT = Path(__file__).parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"
PK = "perjanjian_kinerja"
BAWAAN_LAIN = ("profil", "pmks", "akuntabilitas", "anggaran")


def indikator(kode="IKU1", **isi):
    return {"kode": kode, "uraian": f"Persentase {kode}", "satuan": "%", "polaritas": "positif",
            "jenis": "kuantitatif", "target": 85, **isi}


def proyek(**pk):
    """A sound BAB II: two sasaran, one indicator each, Renstra 2021-2026, FY 2024."""
    isi = {
        "renstra": {"awal": 2021, "akhir": 2026},
        "visi": "MEWUJUDKAN KOTA YANG MAJU",
        "misi": ["Mewujudkan SDM yang berkualitas"],
        "tujuan": [{"uraian": "Meningkatkan pelayanan sosial", "sasaran": ["SS1", "SS2"]}],
        "sasaran": [
            {"kode": "SS1", "uraian": "Terpenuhinya kebutuhan dasar PMKS",
             "indikator": [indikator("IKU1", renstra={"2023": 80, "2024": 85, "2025": 90})]},
            {"kode": "SS2", "uraian": "Meningkatnya peran PSKS",
             "indikator": [indikator("IKU2", target=100)]},
        ],
    }
    isi.update(pk)
    return {"format": 1,
            "meta": {"pemda": "Pemerintah Kota Contoh", "instansi": "Dinas Sosial Kota Contoh",
                     "tahun": 2024},
            PK: isi}


def temuan(data, kode=None, tahun=2024):
    hasil = plugin.lakip_validate(data, Konteks(tahun))
    return [f for f in hasil if kode is None or f.code == kode]


def render(data, tahun=2024, chapters=None):
    konteks = Konteks(tahun, chapters or {})
    return plugin.lakip_render(bab_ii(), data, konteks)


def ind0(data, sasaran=0, nomor=0):
    return data[PK]["sasaran"][sasaran]["indikator"][nomor]


@pytest.fixture(scope="module")
def contoh():
    return Project.load(CONTOH).data


# --- checks ---------------------------------------------------------------------------------


def test_sound_project_has_no_findings():
    assert temuan(proyek()) == []


def test_every_code_raised_is_listed():
    assert all(code.startswith(f"{PK}.") for code in KODE_TEMUAN)
    data = proyek(visi="", misi=[], renstra={"awal": 2025, "akhir": 2022}, tujuan=[
        {"uraian": "x", "sasaran": ["SS9"]}])
    data[PK]["sasaran"].append({"kode": "SS1", "uraian": ""})
    ind0(data).update(polaritas="naik", jenis="skor", target=None, kode="")
    assert {f.code for f in temuan(data)} <= set(KODE_TEMUAN)


def test_sasaran_without_indicator_fires_at_its_indicator_list():
    data = proyek()
    data[PK]["sasaran"][1]["indikator"] = []
    (f,) = temuan(data, f"{PK}.sasaran-tanpa-indikator")
    assert f.severity == "error"
    assert f.path == (PK, "sasaran", 1, "indikator")
    assert "SS2" in f.message


def test_sasaran_with_no_indicator_key_at_all_fires_too():
    data = proyek()
    del data[PK]["sasaran"][0]["indikator"]
    assert [f.path for f in temuan(data, f"{PK}.sasaran-tanpa-indikator")] == [
        (PK, "sasaran", 0, "indikator")]


@pytest.mark.parametrize("kosong", [None, "", "  "])
def test_indicator_without_target_fires_naming_it(kosong):
    data = proyek()
    if kosong is None:
        del ind0(data, 1)["target"]
    else:
        ind0(data, 1)["target"] = kosong
    (f,) = temuan(data, f"{PK}.target-kosong")
    assert f.path == (PK, "sasaran", 1, "indikator", 0, "target")
    assert "IKU2" in f.message


def test_duplicate_indicator_kode_fires_at_the_second_one():
    data = proyek()
    ind0(data, 1)["kode"] = "IKU1"
    (f,) = temuan(data, f"{PK}.kode-ganda")
    assert f.path == (PK, "sasaran", 1, "indikator", 0, "kode")
    assert "IKU1" in f.message and "SS1" in f.message


def test_duplicate_sasaran_kode_fires_at_the_second_one():
    data = proyek()
    data[PK]["sasaran"][1]["kode"] = "SS1"
    (f,) = temuan(data, f"{PK}.kode-ganda")
    assert f.path == (PK, "sasaran", 1, "kode")
    assert "SS1" in f.message


def test_empty_kode_fires_for_sasaran_and_indicator():
    data = proyek()
    data[PK]["sasaran"][0]["kode"] = " "
    ind0(data, 1)["kode"] = ""
    assert sorted(f.path for f in temuan(data, f"{PK}.kode-kosong")) == [
        (PK, "sasaran", 0, "kode"), (PK, "sasaran", 1, "indikator", 0, "kode")]


def test_sasaran_and_indicator_may_share_nothing_but_distinct_kode_is_quiet():
    data = proyek()
    ind0(data, 1)["kode"] = "SS1"  # a different namespace from the sasaran kode
    assert temuan(data, f"{PK}.kode-ganda") == []


def test_unknown_polaritas_and_jenis_fire():
    data = proyek()
    ind0(data).update(polaritas="naik", jenis="skor")
    (pol,) = temuan(data, f"{PK}.polaritas-tidak-dikenal")
    (jen,) = temuan(data, f"{PK}.jenis-tidak-dikenal")
    assert pol.path == (PK, "sasaran", 0, "indikator", 0, "polaritas")
    assert jen.path == (PK, "sasaran", 0, "indikator", 0, "jenis")
    assert "IKU1" in pol.message and "'naik'" in pol.message
    assert "IKU1" in jen.message and "'skor'" in jen.message


def test_polaritas_and_jenis_may_be_left_out_or_differ_in_case():
    data = proyek()
    del ind0(data)["polaritas"]
    del ind0(data)["jenis"]
    ind0(data, 1).update(polaritas="Negatif", jenis="Kuantitatif")
    assert temuan(data) == []


def test_qualitative_indicator_without_urutan_fires():
    data = proyek()
    ind0(data).update(jenis="kualitatif", target="B", satuan="predikat")
    (f,) = temuan(data, f"{PK}.urutan-kosong")
    assert f.path == (PK, "sasaran", 0, "indikator", 0, "urutan")
    assert "IKU1" in f.message


def test_qualitative_indicator_with_urutan_is_quiet_and_its_target_must_be_in_it():
    data = proyek()
    ind0(data).update(jenis="kualitatif", target="B", urutan=["C", "B", "A"],
                      renstra={"2024": "b"})
    assert temuan(data) == []
    ind0(data)["target"] = "AA"
    (f,) = temuan(data, f"{PK}.target-di-luar-urutan")
    assert f.path == (PK, "sasaran", 0, "indikator", 0, "target")


def test_quantitative_target_that_is_not_a_number_fires():
    data = proyek()
    ind0(data)["target"] = "85%"
    (f,) = temuan(data, f"{PK}.target-bukan-angka")
    assert f.path == (PK, "sasaran", 0, "indikator", 0, "target")
    ind0(data).update(jenis="sesuai_target", target="WTP")
    assert temuan(data, f"{PK}.target-bukan-angka") == []


def test_renstra_target_of_the_fiscal_year_differing_from_the_pk_target_fires():
    data = proyek()
    ind0(data)["renstra"]["2024"] = 80
    (f,) = temuan(data, f"{PK}.renstra-target-beda")
    assert f.severity == "warning"
    assert f.path == (PK, "sasaran", 0, "indikator", 0, "renstra", "2024")
    assert "IKU1" in f.message and "2024" in f.message


def test_renstra_targets_of_other_years_or_an_equal_float_are_quiet():
    data = proyek()
    ind0(data)["renstra"] = {"2023": 10, "2024": 85.0, "2026": 999}
    assert temuan(data) == []
    assert temuan(proyek(), f"{PK}.renstra-target-beda", tahun=2025) != []  # 90 vs 85


def test_renstra_period_not_containing_the_fiscal_year_fires_at_the_bound_to_move():
    (f,) = temuan(proyek(), f"{PK}.renstra-periode", tahun=2027)
    assert f.path == (PK, "renstra", "akhir")
    assert "2021-2026" in f.message and "2027" in f.message
    (f,) = temuan(proyek(), f"{PK}.renstra-periode", tahun=2020)
    assert f.path == (PK, "renstra", "awal")


@pytest.mark.parametrize("renstra, path", [
    (None, (PK, "renstra")),
    ({"awal": 2021}, (PK, "renstra", "akhir")),
    ({"awal": "2021", "akhir": 2026}, (PK, "renstra", "awal")),
    ({"awal": 2026, "akhir": 2021}, (PK, "renstra", "awal")),
])
def test_missing_or_malformed_renstra_period_fires(renstra, path):
    data = proyek(renstra=renstra)
    if renstra is None:
        del data[PK]["renstra"]
    assert [f.path for f in temuan(data, f"{PK}.renstra-periode")] == [path]


def test_tujuan_naming_an_unknown_sasaran_fires_at_that_entry():
    data = proyek(tujuan=[{"uraian": "T", "sasaran": ["SS1", "SS9"]}])
    (f,) = temuan(data, f"{PK}.tujuan-sasaran-tidak-dikenal")
    assert f.path == (PK, "tujuan", 0, "sasaran", 1)
    assert "SS9" in f.message


def test_tujuan_sasaran_typed_as_one_comma_separated_string_is_understood():
    assert temuan(proyek(tujuan=[{"uraian": "T", "sasaran": "SS1, SS2"}])) == []
    (f,) = temuan(proyek(tujuan=[{"uraian": "T", "sasaran": "SS1, SSX"}]),
                  f"{PK}.tujuan-sasaran-tidak-dikenal")
    assert f.path == (PK, "tujuan", 0, "sasaran") and "SSX" in f.message


@pytest.mark.parametrize("kunci, kosong, kode", [
    ("visi", "  ", "visi-kosong"),
    ("misi", [], "misi-kosong"),
    ("misi", [""], "misi-kosong"),
    ("sasaran", [], "sasaran-kosong"),
])
def test_empty_required_sections_fire(kunci, kosong, kode):
    data = proyek(**{kunci: kosong})
    (f,) = temuan(data, f"{PK}.{kode}")
    assert f.path == (PK, kunci) and f.severity == "error"


def test_no_perjanjian_kinerja_table_is_one_error():
    data = proyek()
    del data[PK]
    assert [(f.code, f.path) for f in temuan(data)] == [(f"{PK}.bagian-kosong", (PK,))]


def test_empty_uraian_fires_for_sasaran_and_indicator():
    data = proyek()
    data[PK]["sasaran"][0]["uraian"] = ""
    ind0(data, 1)["uraian"] = ""
    assert sorted(f.path for f in temuan(data, f"{PK}.uraian-kosong")) == [
        (PK, "sasaran", 0, "uraian"), (PK, "sasaran", 1, "indikator", 0, "uraian")]


def test_wrongly_shaped_data_gives_findings_not_exceptions():
    data = proyek(sasaran=[{"kode": "SS1", "uraian": "x", "indikator": [5, {"kode": "A",
                                                                        "renstra": [1]}]},
                           "bukan tabel"],
                  tujuan="bukan daftar", renstra=[2021, 2026], misi="Satu misi saja")
    codes = {f.code for f in temuan(data)}
    assert f"{PK}.renstra-periode" in codes and f"{PK}.target-kosong" in codes
    assert f"{PK}.misi-kosong" not in codes  # one misi as a plain string is accepted
    render(data)  # and the report is still drawn


def test_without_a_fiscal_year_the_year_checks_stay_silent():
    data = proyek()
    ind0(data)["renstra"]["2024"] = 1
    codes = {f.code for f in temuan(data, tahun=None)}
    assert codes == set()


# --- report ---------------------------------------------------------------------------------


def test_sections_at_orders_1_2_3_32_and_the_lampiran_at_99():
    sections = render(proyek())
    assert [(s.order, s.key, s.title) for s in sections] == [
        (1, "rencana-strategis", "A. Rencana Strategis"),
        (2, "tujuan-sasaran", "B. Tujuan dan Sasaran"),
        (3, "perjanjian-kinerja", "C. Perjanjian Kinerja"),
        (3.2, "penjelasan-sasaran", ""),
        (99, "lampiran-pk", "Perjanjian Kinerja Dinas Sosial Kota Contoh Tahun 2024"),
    ]


def test_first_sasaran_heading_precedes_pmks_and_the_rest_come_at_32():
    sections = {s.key: s for s in render(proyek())}
    pk_headings = [b.text for b in sections["perjanjian-kinerja"].blocks if isinstance(b, Heading)]
    rest = [b.text for b in sections["penjelasan-sasaran"].blocks if isinstance(b, Heading)]
    assert pk_headings == ["1. Terpenuhinya kebutuhan dasar PMKS"]
    assert rest == ["2. Meningkatnya peran PSKS"]


def test_a_single_sasaran_has_no_continuation_section():
    data = proyek()
    data[PK]["sasaran"].pop()
    data[PK]["tujuan"][0]["sasaran"] = ["SS1"]
    assert [s.order for s in render(data)] == [1, 2, 3, 99]


def tabel(sections, nomor):
    return next(b for s in sections for b in s.blocks
                if isinstance(b, TableBlock) and b.nomor == nomor)


def test_tabel_2_1_letters_the_sasaran_and_prints_the_tujuan_once():
    t = tabel(render(proyek(tujuan_sumber="Renstra Dinas 2021-2026")), "2.1")
    assert t.caption == "Tabel 2.1 Tujuan dan Sasaran Dinas Sosial Kota Contoh"
    assert [r.cells for r in t.rows] == [
        ("Meningkatkan pelayanan sosial", "A. Terpenuhinya kebutuhan dasar PMKS"),
        ("", "B. Meningkatnya peran PSKS"),
    ]
    assert t.sumber == "Renstra Dinas 2021-2026"


def test_tabel_2_1_source_defaults_to_the_renstra_period():
    assert tabel(render(proyek()), "2.1").sumber == "Renstra Dinas Sosial Kota Contoh 2021-2026"


def test_tabel_2_2_lists_each_indicator_with_its_target_and_unit():
    data = proyek()
    data[PK]["sasaran"][1]["indikator"].append(
        indikator("IKU3", uraian="Jumlah PSKS dilatih", satuan="orang", target=1250))
    t = tabel(render(data), "2.2")
    assert t.caption == ("Tabel 2.2 Perjanjian Kinerja Dinas Sosial Kota Contoh "
                         "Tahun Anggaran 2024")
    assert [r.cells for r in t.rows] == [
        ("1.", "Terpenuhinya kebutuhan dasar PMKS", "Persentase IKU1", "85%"),
        ("2.", "Meningkatnya peran PSKS", "Persentase IKU2", "100%"),
        ("", "", "Jumlah PSKS dilatih", "1.250 orang"),
    ]
    assert t.sumber == "Perjanjian Kinerja Tahun 2024"


def test_printed_titles_and_sentences_from_the_file_are_used():
    data = proyek(pk_judul="PK Dinas 2024", tujuan_judul="Tujuan Dinas",
                  pk_penutup="Kegiatan-kegiatan sebagai berikut:", visi_label="Visi Walikota",
                  program_prioritas=["P1"], program_prioritas_pengantar="Program prioritas:")
    sections = render(data)
    assert tabel(sections, "2.2").caption == "Tabel 2.2 PK Dinas 2024"
    assert tabel(sections, "2.1").caption == "Tabel 2.1 Tujuan Dinas"
    teks = [b.text for s in sections for b in s.blocks if isinstance(b, Paragraph)]
    assert 'Visi Walikota "MEWUJUDKAN KOTA YANG MAJU"' in teks
    assert "Program prioritas:" in teks
    pk = next(s for s in sections if s.key == "perjanjian-kinerja").blocks
    assert [type(b).__name__ for b in pk][-3:] == ["TableBlock", "Paragraph", "Heading"]


def test_lampiran_lists_kode_satuan_target_and_is_signed_by_the_kepala():
    data = proyek()
    data["meta"].update(tempat_tanggal="Contoh, Maret 2025",
                        kepala={"jabatan": "Kepala Dinas", "nama": "Budi", "nip": "1"})
    lampiran = render(data)[-1]
    t = next(b for b in lampiran.blocks if isinstance(b, TableBlock))
    assert [r.cells for r in t.rows] == [
        ("1.", "Terpenuhinya kebutuhan dasar PMKS", "IKU1", "Persentase IKU1", "%", "85%"),
        ("2.", "Meningkatnya peran PSKS", "IKU2", "Persentase IKU2", "%", "100%"),
    ]
    # signed as a Perjanjian Kinerja is: pihak kedua (the kepala daerah) left, pihak pertama
    # right, under the agreement's own date, above the table and under it
    data["perjanjian_kinerja"]["pk_tanggal"] = "Contoh, 2 Januari 2024"
    data["meta"]["pemda"] = "Pemerintah Kota Contoh"
    lampiran = render(data)[-1]
    pasangan = [b for b in lampiran.blocks if isinstance(b, SignaturePair)]
    assert len(pasangan) == 2
    ttd = pasangan[0]
    assert ttd.kanan.nama == "Budi" and ttd.kanan.lines()[:2] == ["Contoh, 2 Januari 2024",
                                                                  "PIHAK PERTAMA,"]
    assert ttd.kiri.lines()[1:3] == ["PIHAK KEDUA,", "WALI KOTA CONTOH"]
    assert ttd.kiri.nama.startswith("(....")  # no name in [meta]: a line to write it in
    teks = " ".join(b.text for b in lampiran.blocks if isinstance(b, Paragraph))
    assert "Pihak pertama" in teks and "Pihak kedua akan melakukan supervisi" in teks
    data["meta"]["kepala_daerah"] = {"nama": "Wali Contoh", "jabatan": "WALI KOTA CONTOH"}
    assert render(data)[-1].blocks[-1].kiri.nama == "Wali Contoh"


def test_lampiran_without_a_kepala_is_not_signed():
    assert not any(isinstance(b, (Signature, SignaturePair)) for b in render(proyek())[-1].blocks)


def test_other_chapters_get_nothing():
    other = Chapter("akuntabilitas", "BAB III", 30)
    assert plugin.lakip_render(other, proyek(), Konteks(2024)) is None


def test_renders_through_rich():
    from rich.console import Console

    console = Console(width=100, record=True, color_system=None)
    for section in render(proyek()):
        console.print(section)
    text = console.export_text()
    assert "Tabel 2.2 Perjanjian Kinerja" in text and "85%" in text


# --- the example project --------------------------------------------------------------------


def test_example_has_no_bab_ii_findings(contoh):
    assert temuan(contoh) == []


def test_example_tabel_2_2_shows_85_and_100_percent(contoh):
    t = tabel(render(contoh), "2.2")
    assert [r.cells[2:] for r in t.rows] == [("Persentase PMKS yang tertangani", "85%"),
                                             ("Persentase Peningkatan Peranan PSKS", "100%")]
    assert t.caption == "Tabel 2.2 Perjanjian Kinerja Dinas Sosial Kota Binjai Tahun Anggaran 2024"
    assert t.sumber == "Perjanjian Kinerja Tahun 2024"


def test_example_tabel_2_1_maps_both_sasaran_to_the_one_tujuan(contoh):
    t = tabel(render(contoh), "2.1")
    assert len(t.rows) == 2 and t.rows[1].cells[0] == ""
    assert t.rows[0].cells[1].startswith("A. Terwujudnya kebutuhan dasar")
    assert t.sumber == "Renstra Dinas Sosial 2021-2026"


def test_example_interleaves_with_pmks_in_the_exported_report(contoh):
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "perjanjian_kinerja,pmks"})
    doc = assemble(contoh, registry, registry.konteks(contoh))
    (bab_ii,) = [b for b in doc.bab if b.key == PK]
    assert [(s.order, s.plugin) for s in bab_ii.sections] == [
        (1, PK), (2, PK), (3, PK), (3.1, "pmks"), (3.2, PK), (3.3, "pmks")]
    lampiran = [s.key for b in doc.bab if b.key == "lampiran" for s in b.sections]
    assert lampiran == ["lampiran-pk"]


# --- registration, defaults, independence ---------------------------------------------------


def test_registers_bab_ii_at_order_20_with_its_editing_structure():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": PK})
    chapter = registry.chapters[PK]
    assert (chapter.title, chapter.order, chapter.plugin) == (
        "BAB II Perencanaan dan Perjanjian Kinerja", 20, PK)
    assert [b.key for b in chapter.bagian] == ["renstra", "tujuan", "pk"]
    sasaran = next(i for b in chapter.bagian for i in b.isi if i.key == "sasaran")
    assert len(sasaran.kolom) == len(sasaran.anak.kolom)  # one foldable table
    polaritas = next(k for k in sasaran.anak.kolom if k.key == "polaritas")
    assert polaritas.pilihan == ("positif", "negatif")


def test_computed_columns_of_the_sasaran_rows_summarise_their_indicators():
    sasaran = next(i for b in bab_ii().bagian for i in b.isi if i.key == "sasaran")
    row = proyek()[PK]["sasaran"][0]
    row["indikator"].append(indikator("IKU9", jenis="kualitatif", target="B"))
    shown = {k.key: k.hitung(row, None) for k in sasaran.kolom if k.computed}
    assert shown == {"jumlah_": "2 indikator", "polaritas_": "positif",
                     "jenis_": "kualitatif, kuantitatif", "target_": "85%; B"}


def test_default_section_parses_with_comments_and_only_asks_for_what_is_missing():
    assert "#" in BAGIAN_BAWAAN
    text = string.Template(BAGIAN_BAWAAN).substitute(
        tahun="2025", instansi="Dinas Contoh", pemda="Pemkot", tahun_depan="2026")
    data = tomllib.loads(text)
    data["meta"] = {"tahun": 2025}
    assert data[PK]["renstra"] == {"awal": 2025, "akhir": 2025}
    assert {f.code for f in temuan(data, tahun=2025)} == {
        f"{PK}.visi-kosong", f"{PK}.misi-kosong", f"{PK}.uraian-kosong", f"{PK}.target-kosong"}


@pytest.mark.parametrize("other", BAWAAN_LAIN)
def test_keeps_working_with_any_other_built_in_switched_off(other, contoh):
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": other})
    assert registry.infos[other].status == "dinonaktifkan"
    assert PK in registry.chapters
    findings = run_checks(contoh, registry)
    assert not [f for f in findings if f.code == "plugin.gagal"]
    ((_, sections),) = registry.call("lakip_render", chapter=registry.chapters[PK], data=contoh,
                                     konteks=registry.konteks(contoh), only=PK)
    assert tabel(sections, "2.2").rows


def test_data_with_only_its_own_section_checks_and_renders():
    data = {PK: proyek()[PK], "meta": {"tahun": 2024}}
    assert temuan(data) == []
    assert tabel(render(data), "2.2").caption == "Tabel 2.2 Perjanjian Kinerja Tahun Anggaran 2024"


def test_importing_the_plugin_pulls_in_neither_textual_nor_rich():
    code = ("import sys, lakip_perjanjian_kinerja as p; from lakip_tui.context import Konteks;"
            "import tomllib; d = tomllib.load(open(sys.argv[1], 'rb'));"
            "p.lakip_validate(d, Konteks(2024));"
            "p.lakip_render(p.chapter(), d, Konteks(2024));"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    out = subprocess.run([sys.executable, "-c", code, str(CONTOH)], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_plugin_never_changes_the_data(contoh):
    before = copy.deepcopy(contoh)
    temuan(contoh)
    render(contoh)
    assert contoh == before


def bagian_dokumen(judul):
    text = (ROOT / "docs" / "chapters.md").read_text(encoding="utf-8")
    isi = text[text.index(f"\n## {judul}\n"):]
    return isi[: isi.find("\n## ", 1)] if "\n## " in isi[1:] else isi


def test_every_finding_code_is_documented_in_its_chapter_section():
    rows = [line for line in bagian_dokumen(PK).splitlines() if line.startswith("| `")]
    documented = {c for c in (line.split("`")[1] for line in rows) if c.startswith(f"{PK}.")}
    assert documented == set(KODE_TEMUAN)


def test_the_pk_form_keys_are_known_to_the_check_and_printed():
    """[meta] kepala_daerah and [perjanjian_kinerja] pk_tanggal are read by the report, so the
    check does not call them unknown."""
    from lakip_tui.checks import run_checks
    from lakip_tui.plugins import load_registry

    data = proyek()
    data["meta"].update(kepala={"jabatan": "KEPALA DINAS", "nama": "Budi"},
                        kepala_daerah={"jabatan": "WALI KOTA CONTOH", "nama": "Wali"})
    data["perjanjian_kinerja"]["pk_tanggal"] = "Contoh, 2 Januari 2024"
    registry = load_registry([], data=data)
    codes = {f.code for f in run_checks(data, registry)}
    assert not any(c.endswith("kunci-tidak-dikenal") for c in codes), codes
    pasangan = render(data)[-1].blocks[-1]
    assert pasangan.kiri.nama == "Wali" and pasangan.kanan.lines()[0] == "Contoh, 2 Januari 2024"
