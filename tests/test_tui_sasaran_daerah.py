"""The Pemda's sasaran (RPJMD) a sasaran serves, which `lakip rekap` groups the city's agencies
by, is edited in the TUI: in the details of the sasaran row of Tabel 2.2 (BAB II), declared by
the chapter plugin as a Tabel.rincian, down to the saved file and back with undo."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from lakip_tui.known_keys import kunci_tidak_dikenal
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.editors.form import FormEditor
from lakip_tui.tui.editors.rincian import RincianPanel

from tui_fixture import pilot_test

CONTOH = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"
DAERAH = "Meningkatnya kesejahteraan sosial masyarakat"


def _app(folder: Path):
    from lakip_tui.tui.app import LakipApp

    path = folder / "contoh.toml"
    shutil.copy(CONTOH, path)
    env = {"XDG_CONFIG_HOME": str(folder / "config"), "HOME": str(folder)}
    return path, LakipApp(Project.load(path), load_registry(env={}), env=env)


def test_the_chapter_declares_it_in_the_sasaran_rows_details():
    chapter = load_registry(env={}).chapters["perjanjian_kinerja"]
    sasaran = next(isi for b in chapter.bagian for isi in b.isi
                   if getattr(isi, "key", "") == "sasaran")
    assert [k.key for r in sasaran.rincian for k in r.kolom] == ["sasaran_daerah"]
    assert not any("sasaran_daerah" in k for k in chapter.extra_keys)  # no longer beyond the screens


@pilot_test
async def test_type_the_sasaran_daerah_of_a_sasaran_save_and_undo(tmp_path):
    path, app = _app(tmp_path)
    before = path.read_text(encoding="utf-8")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert await app.screen.lompat_ke(("perjanjian_kinerja", "sasaran", 1, "sasaran_daerah"))
        await pilot.pause(0.3)
        grid = app.screen.focused
        form = next(a for a in grid.ancestors if isinstance(a, FormEditor))
        panel = next(a for a in form.ancestors if isinstance(a, RincianPanel))
        assert panel.row_key[0] == ("perjanjian_kinerja", "sasaran", 1)
        for char in DAERAH:
            await pilot.press(char)
        await pilot.press("enter")
        await pilot.pause(0.3)
        sasaran = app.project.data["perjanjian_kinerja"]["sasaran"]
        assert sasaran[1]["sasaran_daerah"] == DAERAH
        assert "sasaran_daerah" not in sasaran[0]
        await pilot.press("ctrl+s")
        await pilot.pause(0.3)
        after = path.read_text(encoding="utf-8")
        diff = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                      lineterm="", n=0)
                if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        assert diff == [f'+sasaran_daerah = "{DAERAH}"']
        # in the second [[perjanjian_kinerja.sasaran]] table, before its indicators
        saved = Project.load(path).data["perjanjian_kinerja"]["sasaran"]
        assert saved[1]["sasaran_daerah"] == DAERAH and saved[1]["indikator"]
        # a key the chapter names: no finding says that nobody reads it
        chapters = load_registry(env={}).chapters
        assert not [f for f in kunci_tidak_dikenal(Project.load(path).data, chapters)
                    if "sasaran_daerah" in f.message]
        app.project.undo()
        await pilot.pause(0.3)
        assert "sasaran_daerah" not in app.project.data["perjanjian_kinerja"]["sasaran"][1]
