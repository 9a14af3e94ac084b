"""A plugin extends a built-in chapter declaratively (issue 12): a column in the anggaran table,
a Bagian in another chapter, a section in its report, without forking it."""

from __future__ import annotations

from lakip_tui.api import (AddBagian, AddColumn, Bagian, Kolom, Narasi, Paragraph, Section,
                           hookimpl)
from lakip_tui.checks import run_checks
from lakip_tui.export import chapter_sections
from lakip_tui.plugins import load_registry

DATA = {"format": 1, "meta": {"pemda": "P", "instansi": "D", "tahun": 2024}}


class SumberDana:
    @hookimpl
    def lakip_register_chapters(self, register):
        register(AddColumn("anggaran", "sub", Kolom("sumber_dana", "Sumber dana", lebar=12),
                           after="realisasi"))
        register(AddBagian("anggaran", Bagian("catatan-dana", "Catatan sumber dana", (
            Narasi("catatan", "Catatan", ("sumber_dana", "catatan")),)), after="rincian"))

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        if chapter.key == "anggaran":
            return [Section("Sumber Dana", (Paragraph("Seluruhnya dari APBD."),), order=99)]


def levels(tabel):
    out = [tabel]
    while out[-1].anak is not None:
        out.append(out[-1].anak)
    return out


def rincian_table(chapter):
    [bagian] = [b for b in chapter.bagian if b.key == "rincian"]
    return bagian.isi[0]


def test_a_column_goes_into_every_level_of_the_anggaran_table_editable_on_its_own():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "anggaran"})
    before = registry.chapters["anggaran"]
    registry.load_object(SumberDana(), "sumber_dana")
    after = registry.chapters["anggaran"]
    for tabel in levels(rincian_table(after)):
        keys = [k.key for k in tabel.kolom]
        assert keys[keys.index("realisasi") + 1] == "sumber_dana"
        kolom = tabel.kolom[keys.index("sumber_dana")]
        assert kolom.computed == (tabel.key != "sub")  # blank and read-only on program/kegiatan
    assert "sumber_dana" not in [k.key for k in levels(rincian_table(before))[-1].kolom]
    keys = [b.key for b in after.bagian]
    assert keys[keys.index("rincian") + 1] == "catatan-dana"
    assert after.plugin == "anggaran"  # still the anggaran plugin's chapter


def test_a_section_is_added_to_the_chapters_report():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "anggaran"})
    registry.load_object(SumberDana(), "sumber_dana")
    chapter = registry.chapters["anggaran"]
    sections = chapter_sections(chapter, DATA, registry, registry.konteks(DATA))
    assert sections[-1].title == "Sumber Dana" and sections[-1].plugin == "sumber_dana"


def test_an_extension_that_does_not_fit_is_reported_against_its_plugin():
    class Salah:
        @hookimpl
        def lakip_register_chapters(self, register):
            register(AddColumn("anggaran", "tidak_ada", Kolom("x", "X")))
            register(AddColumn("anggaran", "sub", Kolom("pagu", "Pagu lagi")))  # taken key
            register(AddColumn("bab_lain", "t", Kolom("y", "Y")))

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "anggaran"})
    before = registry.chapters["anggaran"]
    registry.load_object(Salah(), "salah")
    assert registry.chapters["anggaran"] == before  # the chapter is never harmed
    problems = [p for p in registry.problems if p.code == "plugin.perluasan-gagal"]
    assert [p.chapter for p in problems] == ["salah", "salah"]
    assert "tidak punya tabel 'tidak_ada'" in problems[0].message
    assert "sudah punya kolom 'pagu'" in problems[1].message
    codes = [f.code for f in run_checks(dict(DATA), registry)]
    assert "plugin.perluasan-tanpa-bab" in codes  # bab_lain is not loaded: said


def test_an_extension_registered_before_its_chapter_applies_once_the_chapter_comes():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(SumberDana(), "sumber_dana")
    assert "anggaran" not in registry.chapters
    import lakip_anggaran

    registry.load_object(lakip_anggaran, "anggaran")
    assert "sumber_dana" in [k.key for k in levels(rincian_table(registry.chapters["anggaran"]))[-1].kolom]
