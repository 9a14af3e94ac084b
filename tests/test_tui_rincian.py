"""Details of a table row (Tabel.rincian): lists inside a row, edited under the table.

Two worlds: the example project with the built-in chapters (the unit's fungsi, as a planner edits
them, down to the saved file), and a small chapter declared here (cursor, debounce, Renstra
targets, a table without details).
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from lakip_tui.chapter import Bagian, Chapter, Isian, Kolom, Narasi, Tabel
from lakip_tui.errors import LakipError
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import Registry, load_registry
from lakip_tui.project import Project
from lakip_tui.tui.chapter_view import ChapterView
from lakip_tui.tui.editors import cells, rincian
from lakip_tui.tui.editors.form import LEBAR_LABEL, FormEditor
from lakip_tui.tui.editors.narrative import NarrativeArea, NarrativeEditor
from lakip_tui.tui.editors.rincian import RincianPanel
from lakip_tui.tui.editors.table import TableEditor

from tui_fixture import pilot_test

CONTOH = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"


def baris_berubah(before: str, after: str) -> list[str]:
    """The lines of a unified diff that were taken out or put in."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


# -- the file keeps its layout ------------------------------------------------------------------


def test_list_and_year_table_are_changed_in_place_in_the_file(tmp_path):
    path = tmp_path / "contoh.toml"
    shutil.copy(CONTOH, path)
    before = path.read_text(encoding="utf-8")
    project = Project.load(path)
    fungsi = list(project.get(("profil", "unit", 1, "fungsi")))
    fungsi[2] = "Mengatur tugas bawahan"
    project.set(("profil", "unit", 1, "fungsi"), fungsi)
    renstra_path = ("perjanjian_kinerja", "sasaran", 0, "indikator", 0, "renstra")
    renstra = dict(project.get(renstra_path))
    renstra["2023"] = 82.5
    project.set(renstra_path, renstra)
    project.save()
    changed = baris_berubah(before, path.read_text(encoding="utf-8"))
    assert len(changed) == 4, changed  # one item line and one renstra line, out and in
    assert changed[1] == '+    "Mengatur tugas bawahan",'
    assert changed[3].startswith("+  renstra = { 2022 = 70, 2023 = 82.5, 2024 = 85")
    assert changed[3].rstrip().endswith("# Tabel 3.4")  # the comment on the line stays
    project.undo()
    project.undo()
    project.save()
    assert path.read_text(encoding="utf-8") == before


# -- year -> value tables ("peta_tahun") --------------------------------------------------------

RENSTRA = Kolom("renstra", "Target Renstra", "peta_tahun")


def test_peta_tahun_text_round_trips_and_bad_values_are_refused():
    value = {"2022": 70, "2023": 82.5, "2024": 1250}
    text = cells.teks_sunting(RENSTRA, value)
    assert text == "2022: 70; 2023: 82,5; 2024: 1.250"
    assert cells.pesan_tak_tersunting(RENSTRA, value) is None
    assert cells.urai(RENSTRA, text, value) == value
    assert cells.urai(RENSTRA, "2025 = 90 ; 2026: 100%") == {"2025": 90, "2026": 100}
    assert cells.urai(RENSTRA, "  ") is None
    for bad, reason in [("2022: tinggi", "bukan angka"), ("22: 70", "tidak terbaca"),
                        ("2022: 1; 2022: 2", "dua kali"), ("2022:", "kosong"),
                        ("2022: -5", "negatif")]:
        with pytest.raises(LakipError) as caught:
            cells.urai(RENSTRA, bad, value)
        assert reason in caught.value.message and "Target Renstra" in caught.value.message


# -- the example project, as a planner edits it --------------------------------------------------


def _app_contoh(folder: Path):
    from lakip_tui.tui.app import LakipApp

    path = folder / "contoh.toml"
    shutil.copy(CONTOH, path)
    project = Project.load(path)
    registry = load_registry(env={})
    env = {"XDG_CONFIG_HOME": str(folder / "config"), "HOME": str(folder)}
    return path, LakipApp(project, registry, env=env)


@pilot_test
async def test_edit_a_units_fungsi_in_its_details_then_save_and_undo(tmp_path):
    path, app = _app_contoh(tmp_path)
    before = path.read_text(encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # a finding about the third fungsi of the second unit
        assert await app.screen.lompat_ke(("profil", "unit", 1, "fungsi", 2))
        await pilot.pause(0.3)
        area = app.screen.focused
        assert isinstance(area, NarrativeArea)
        panel = next(a for a in area.ancestors if isinstance(a, RincianPanel))
        assert panel.row_key == (("profil", "unit", 1), 0)
        assert panel.editor.model.kursor_baris == 1
        assert area.cursor_location[0] == 2
        lama = area.document.get_line(2)
        area.move_cursor((2, len(lama)))
        for char in " (diubah)":
            await pilot.press(char)
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        assert app.project.data["profil"]["unit"][1]["fungsi"][2] == lama + " (diubah)"
        changed = baris_berubah(before, path.read_text(encoding="utf-8"))
        assert changed == [f'-    "{lama}",', f'+    "{lama} (diubah)",']
        await pilot.press("f5")  # in a text area ctrl+z is the area's own; F5 is the app's undo
        await pilot.pause(0.3)
        assert app.project.data["profil"]["unit"][1]["fungsi"][2] == lama
        fungsi = next(e for e in panel.editors if isinstance(e, NarrativeEditor)
                      and e.narasi.path[-1] == "fungsi")
        assert fungsi.area.document.get_line(2) == lama  # the details show the data again


# -- a small chapter with details ----------------------------------------------------------------

TEKS = '''\
format = 1

[uji]

# unit pertama
[[uji.unit]]
nama = "Sekretariat"
fungsi = ["Menyusun program", "Menyusun laporan"]  # komentar tetap
renstra = { 2022 = 70, 2023 = 80 }

[[uji.unit]]
nama = "Bidang Rehabilitasi"
fungsi = ["Merehabilitasi"]

[[uji.polos]]
nama = "Tanpa rincian"
'''

UNIT = Tabel("unit", "Unit", ("uji", "unit"), (Kolom("nama", "Nama", lebar=20),),
             baris_baru=lambda: {"nama": ""}, rincian=(
                 Narasi("fungsi", "Fungsi", ("fungsi",), daftar=True),
                 Isian("renstra", "Renstra", (), (RENSTRA,)),
             ))
POLOS = Tabel("polos", "Polos", ("uji", "polos"), (Kolom("nama", "Nama"),))


class PluginRincian:
    @hookimpl
    def lakip_register_chapters(self, register):
        register(Chapter("uji", "Bab Uji", 50, bagian=(
            Bagian("unit", "Unit", (UNIT,)),
            Bagian("polos", "Polos", (POLOS,)),
        )))


class AppRincian(App):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.project = project
        self.registry = Registry()
        self.registry.load_object(PluginRincian(), "uji")
        self.refused: list[ChapterView.EditRefused] = []

    def compose(self) -> ComposeResult:
        self.view = ChapterView(self.registry.chapters["uji"], self.project, self.registry,
                                lambda: self.registry.konteks(self.project.data))
        yield self.view

    def on_chapter_view_edit_refused(self, message: ChapterView.EditRefused) -> None:
        self.refused.append(message)


def _editor(app: AppRincian, tabel: Tabel) -> TableEditor:
    return next(e for e in app.view.editors() if isinstance(e, TableEditor) and e.tabel is tabel)


def _fungsi(panel: RincianPanel) -> NarrativeEditor:
    return next(e for e in panel.editors if isinstance(e, NarrativeEditor))


@pilot_test
async def test_details_follow_the_cursor_row_and_only_when_it_changes(monkeypatch):
    monkeypatch.setattr(rincian, "JEDA_RINCIAN", 0.05)
    app = AppRincian(Project(TEKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor = _editor(app, UNIT)
        panel = editor.rincian
        assert panel is not None and panel.row_key == (("uji", "unit", 0), 0)
        assert _fungsi(panel).area.text == "Menyusun program\nMenyusun laporan"
        assert panel.jumlah_bangun == 1
        editor.grid.focus()
        await pilot.press("down")
        await pilot.pause(0.3)
        assert panel.row_key == (("uji", "unit", 1), 0)
        assert panel.jumlah_bangun == 2
        assert _fungsi(panel).area.text == "Merehabilitasi"  # the details of the new row
        form = next(e for e in panel.editors if isinstance(e, FormEditor))
        assert form.grid.render_line(0).text[LEBAR_LABEL:].strip() == ""  # no renstra here
        # moving about within the same row builds nothing
        await pilot.press("right", "left", "right")
        await pilot.pause(0.3)
        assert panel.jumlah_bangun == 2
        # passing over rows faster than the pause builds only the row where the cursor rests
        editor.grid.pindah(0)
        editor.grid.pindah(1)
        editor.grid.pindah(0)
        editor.grid.pindah(1)
        await pilot.pause(0.3)
        assert panel.jumlah_bangun == 2 and panel.row_key == (("uji", "unit", 1), 0)
        editor.grid.pindah(0)
        editor.grid.pindah(1)
        editor.grid.pindah(0)
        await pilot.pause(0.3)
        assert panel.jumlah_bangun == 3 and panel.row_key == (("uji", "unit", 0), 0)
        editor.grid.pindah(1)
        await pilot.pause(0.3)
        # edit the list through the detail editor: one item per line, absolute path
        area = _fungsi(panel).area
        area.focus()
        await pilot.pause()
        area.move_cursor(area.document.end)
        await pilot.press("enter")
        for char in "Melatih":
            await pilot.press(char)
        editor.grid.focus()  # leaving the detail writes it
        await pilot.pause(0.3)
        assert app.project.data["uji"]["unit"][1]["fungsi"] == ["Merehabilitasi", "Melatih"]
        assert app.project.data["uji"]["unit"][0]["fungsi"] == ["Menyusun program",
                                                                 "Menyusun laporan"]
        await pilot.press("up")
        await pilot.pause(0.3)
        assert _fungsi(panel).area.text == "Menyusun program\nMenyusun laporan"
        app.project.undo()
        await pilot.pause(0.3)
        assert app.project.data["uji"]["unit"][1]["fungsi"] == ["Merehabilitasi"]
        # a row inserted above moves the cursor row's path: its details follow it
        await pilot.press("insert")
        await pilot.pause(0.3)
        assert panel.row_key == (("uji", "unit", 1), 0)
        assert _fungsi(panel).area.text == ""
        app.project.undo()
        await pilot.pause(0.3)
        assert panel.row_key[0] in (("uji", "unit", 0), ("uji", "unit", 1))
        row = app.project.get(panel.row_key[0])
        assert _fungsi(panel).area.text == "\n".join(row.get("fungsi", []))


@pilot_test
async def test_renstra_is_edited_as_years_and_a_bad_value_is_refused(monkeypatch):
    monkeypatch.setattr(rincian, "JEDA_RINCIAN", 0.05)
    app = AppRincian(Project(TEKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        panel = _editor(app, UNIT).rincian
        form = next(e for e in panel.editors if isinstance(e, FormEditor))
        assert form.grid.render_line(0).text[LEBAR_LABEL:].strip() == "2022: 70; 2023: 80"
        form.grid.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert form.cell_input.display and form.cell_input.value == "2022: 70; 2023: 80"
        for char in "2022: 70; 2023: 82,5; 2024: 90":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert app.project.data["uji"]["unit"][0]["renstra"] == {"2022": 70, "2023": 82.5,
                                                                 "2024": 90}
        assert form.grid.render_line(0).text[LEBAR_LABEL:].strip() == (
            "2022: 70; 2023: 82,5; 2024: 90")
        await pilot.press("enter")
        for char in "2022: 70; 2023: tinggi":
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause()
        assert app.project.data["uji"]["unit"][0]["renstra"]["2023"] == 82.5
        assert form.cell_input.display and form.cell_input.value == "2022: 70; 2023: tinggi"
        assert app.refused and "bukan angka" in app.refused[-1].message
        assert app.refused[-1].path == ("uji", "unit", 0, "renstra")
        text = app.project.render_text()
        assert "renstra = { 2022 = 70, 2023 = 82.5, 2024 = 90 }" in text  # the file's own spacing kept
        assert 'fungsi = ["Menyusun program", "Menyusun laporan"]  # komentar tetap' in text
        assert "# unit pertama" in text


@pilot_test
async def test_jump_to_a_detail_focuses_it_on_the_right_row():
    app = AppRincian(Project(TEKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.view.jump_to(("uji", "unit", 1, "fungsi", 0))
        await pilot.pause(0.2)
        editor = _editor(app, UNIT)
        assert editor.model.kursor_baris == 1
        assert editor.rincian.row_key == (("uji", "unit", 1), 0)
        assert isinstance(app.screen.focused, NarrativeArea)
        assert app.screen.focused.text == "Merehabilitasi"
        assert app.view.jump_to(("uji", "unit", 0, "renstra", "2023"))
        await pilot.pause(0.2)
        form = next(e for e in editor.rincian.editors if isinstance(e, FormEditor))
        assert app.screen.focused is form.grid and form.grid.kursor == 0
        assert editor.model.kursor_baris == 0
        assert app.view.current_cell_text() == "2022: 70; 2023: 80"
        assert app.view.jump_to(("uji", "unit", 1, "nama"))  # a cell: the grid, as before
        await pilot.pause(0.2)
        assert app.screen.focused is editor.grid


@pilot_test
async def test_table_without_details_builds_no_detail_widgets():
    app = AppRincian(Project(TEKS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.view.show_bagian("polos")
        await pilot.pause()
        editor = _editor(app, POLOS)
        assert editor.rincian is None
        assert not list(editor.query(RincianPanel))
        editor.grid.focus()
        await pilot.press("down", "up")
        await pilot.pause()
        assert not list(editor.query(NarrativeEditor)) and not list(editor.query(FormEditor))
