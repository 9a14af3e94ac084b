"""The import in the editor: the palette's "Impor realisasi anggaran" reads the sheet, shows
the diff, applies it on a second Enter as one undo step, and a bad sheet is a message in the
dialog, not a crash."""

from __future__ import annotations

import copy
import shutil
import sys
from pathlib import Path

from textual.widgets import Input, Static

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.app import LakipApp
from lakip_tui.tui.screens.import_sheet import ImportScreen
from lakip_tui.tui.screens.main import MainScreen

sys.path.insert(0, str(Path(__file__).parent))
from test_impor import sipd_rows, tulis_xlsx  # noqa: E402
from tui_fixture import pilot_test  # noqa: E402

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"


def _app(tmp_path: Path) -> LakipApp:
    path = tmp_path / "dinsos.toml"
    shutil.copy(CONTOH, path)
    project = Project.load(path)
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    return LakipApp(project, load_registry([]), env=env)


async def _tunggu(pilot, syarat, pesan: str) -> None:
    for _ in range(150):
        if syarat():
            return
        await pilot.pause(0.02)
    raise AssertionError(pesan)


@pilot_test
async def test_import_from_the_palette_is_one_undo_step(tmp_path):
    tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows())
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _tunggu(pilot, lambda: isinstance(app.screen, MainScreen), "layar utama")
        asli = copy.deepcopy(app.project.data)
        await app.run_action("impor")
        await _tunggu(pilot, lambda: isinstance(app.screen, ImportScreen), "dialog impor")
        app.screen.query_one(Input).value = "lra.xlsx"
        await pilot.press("enter")
        isi = str(app.screen.query_one("#impor-isi", Static).render())
        assert "berubah" in isi and "tak cocok" in isi
        assert app.project.data == asli  # nothing before the second Enter
        await pilot.press("enter")
        await _tunggu(pilot, lambda: isinstance(app.screen, MainScreen), "dialog tertutup")
        await _tunggu(pilot, lambda: app.project.data != asli, "impor diterapkan")
        sub = app.project.data["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]
        assert sub["realisasi"] == asli["anggaran"]["program"][0]["kegiatan"][0]["sub"][0][
            "realisasi"] + 1000
        assert app.project.dirty
        await pilot.press("ctrl+z")
        await _tunggu(pilot, lambda: app.project.data == asli, "satu ctrl+z membatalkan impor")
        assert not app.project.dirty


@pilot_test
async def test_a_bad_sheet_is_a_message_in_the_dialog(tmp_path):
    (tmp_path / "rusak.xlsx").write_bytes(b"bukan excel")
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _tunggu(pilot, lambda: isinstance(app.screen, MainScreen), "layar utama")
        asli = copy.deepcopy(app.project.data)
        await app.run_action("impor")
        await _tunggu(pilot, lambda: isinstance(app.screen, ImportScreen), "dialog impor")
        app.screen.query_one(Input).value = "rusak.xlsx"
        await pilot.press("enter")
        pesan = str(app.screen.query_one("#impor-pesan", Static).render())
        assert "tidak dapat dibaca" in pesan
        await pilot.press("escape")
        await _tunggu(pilot, lambda: isinstance(app.screen, MainScreen), "dialog tertutup")
        assert app.project.data == asli and not app.project.dirty
