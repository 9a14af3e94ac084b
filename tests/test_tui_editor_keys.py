"""Issue 14, part A, on the real chapters (the example project, every built-in chapter), at 80x24:
each crash and each wrong write the issue lists, and the spreadsheet keys.

Each test here failed on the code before its fix; the comment on top of each says what it saw.
"""

from __future__ import annotations

import tomllib

from textual.widgets import TextArea

from lakip_tui.tui.editors.form import FormGrid
from lakip_tui.tui.editors.table import TableEditor, TableGrid
from tui_fixture import pilot_test
from tui_nyata import CONTOH, buka, galat_tampilan, make_app_nyata, tunggu_dokumen

PK = ("perjanjian_kinerja", "sasaran")


def _editor(app) -> TableEditor:
    focused = app.layar_utama.focused
    assert isinstance(focused, TableGrid), focused
    return focused.editor


def _disimpan(app) -> dict:
    return tomllib.loads(app.project.path.read_text(encoding="utf-8"))


async def _simpan(pilot) -> None:
    await pilot.press("ctrl+s")
    for _ in range(50):
        await pilot.pause(0.02)
        if not pilot.app.project.dirty:
            return
    raise AssertionError("ctrl+s tidak menyimpan")


# -- 1. deleting a row just added ---------------------------------------------------------------


@pilot_test
async def test_deleting_a_row_just_added_in_bab_ii_does_not_crash(tmp_path):
    # was: IndexError (list assignment index out of range), BAB II switched off
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "perjanjian_kinerja", "pk")
        await pilot.press("tab")  # from the introduction to Tabel 2.2
        await pilot.press("end", "insert")
        await tunggu_dokumen(pilot)  # the document parsed in the background is taken meanwhile
        await pilot.press("end", "delete")
        await pilot.pause()
        assert galat_tampilan(app) == []
        sasaran = app.project.get(PK)
        assert [len(s["indikator"]) for s in sasaran] == [
            len(s["indikator"]) for s in tomllib.loads(CONTOH.read_text())["perjanjian_kinerja"]["sasaran"]]
        await _simpan(pilot)
        assert _disimpan(app)["perjanjian_kinerja"]["sasaran"] == sasaran


# -- 2. adding a row after a jump ---------------------------------------------------------------


@pilot_test
async def test_adding_a_row_after_a_jump_saves(tmp_path):
    # was: IndexError on Enter, BAB III switched off, every later save refused
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "akuntabilitas", "capaian")
        assert await app.layar_utama.lompat_ke(("akuntabilitas", "skala", 4, "nama"))
        await pilot.pause()
        await pilot.press("insert")
        await tunggu_dokumen(pilot)
        await pilot.press("enter", *"Istimewa", "enter")
        await pilot.pause()
        assert galat_tampilan(app) == []
        skala = app.project.get(("akuntabilitas", "skala"))
        assert skala[5] == {"nama": "Istimewa"}
        await _simpan(pilot)
        assert _disimpan(app)["akuntabilitas"]["skala"] == skala


# -- 3. the first row of a table the file does not have -------------------------------------------


def _tanpa_anggaran() -> str:
    text = CONTOH.read_text(encoding="utf-8")
    start = text.index("\n[anggaran]\n")
    end = text.index("\n[", text.index("\n[[anggaran.", start))
    while text[end + 1:].startswith("[anggaran") or text[end + 1:].startswith("[[anggaran"):
        end = text.index("\n[", end + 1)
    rest = text[:start] + text[end:]
    assert "anggaran" not in tomllib.loads(rest)
    return rest


@pilot_test
async def test_first_row_of_a_table_the_file_does_not_have(tmp_path):
    # was: TypeError ('NoneType' object does not support item assignment)
    app = make_app_nyata(tmp_path, text=_tanpa_anggaran())
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "anggaran", "rincian")
        await pilot.press("insert")
        await pilot.pause()
        assert galat_tampilan(app) == []
        program = app.project.get(("anggaran", "program"))
        assert isinstance(program, list) and len(program) == 1
        await pilot.press("enter", *"1.06.01", "enter")
        await pilot.pause()
        assert app.project.get(("anggaran", "program", 0, "kode")) == "1.06.01"
        await _simpan(pilot)
        assert _disimpan(app)["anggaran"]["program"][0]["kode"] == "1.06.01"


# -- the same two faults in the project alone ------------------------------------------------------


def test_edits_made_before_the_background_document_was_taken_are_replayed_on_it():
    from lakip_tui.project import Project

    project = Project.load(CONTOH)
    rows = ("akuntabilitas", "skala")
    project.insert(rows, 5, {"nama": ""})
    project.adopt_document(*project.parse_document_text())
    project.set((*rows, 5, "nama"), "Istimewa")
    project.delete(rows, 5)
    project.insert(rows, 5, {"nama": "Lagi"})
    assert [r["nama"] for r in project.document()["akuntabilitas"]["skala"]][-1] == "Lagi"
    assert tomllib.loads(project.render_text())["akuntabilitas"] == project.data["akuntabilitas"]


def test_inserting_into_a_table_the_file_does_not_have_makes_its_parents():
    from lakip_tui.project import Project

    project = Project.from_bytes(b'format = 1\n[meta]\ntahun = 2024\n', None)
    project.insert(("anggaran", "program"), 0, {"kode": "1"})
    assert project.data["anggaran"] == {"program": [{"kode": "1"}]}
    assert tomllib.loads(project.render_text())["anggaran"] == {"program": [{"kode": "1"}]}
