"""What the first screen of `lakip edit` loads and builds, and what it leaves for later
(docs/performance.md, "First screen" and "Keystroke tail"): the screens, the palette provider
and the plugins' report and check modules are imported only when used; the first chapter is in
the first frame; the session's objects are frozen for the garbage collector after the first
screen and thawed when they are thrown away."""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tomllib
import weakref
from pathlib import Path

import pytest
from textual import events

from lakip_tui.errors import LakipError
from lakip_tui.lock import LockInfo
from lakip_tui.tui.app import LakipApp, run_app
from lakip_tui.tui.screens.lock_question import LockQuestion
from lakip_tui.tui.screens.main import MainScreen, kelas_ukuran
from lakip_tui.tui.widgets.chapter_host import ChapterHost

from tui_fixture import PROJECT_TEXT, make_app, pilot_test

ROOT = Path(__file__).parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"
BUILT_INS = ("lakip_profil", "lakip_pmks", "lakip_perjanjian_kinerja", "lakip_akuntabilitas",
             "lakip_anggaran")
# Modules of the built-in plugins that only the checks or the report use.
REPORT_AND_CHECKS = ("laporan", "validasi", "penempatan", "lampiran", "penutup")

# `lakip edit FILE` with the built-in plugins, headless at 120x40, stopped at the first frame
# of the main screen; prints what was imported and built by then.
FIRST_FRAME = r'''
import json, sys
from types import SimpleNamespace
from lakip_tui.tui.app import prepare

app = prepare(SimpleNamespace(file=sys.argv[1], plugin=[], read_only=False))
seen = {}
display = app._display


def first_frame(screen, renderable):
    display(screen, renderable)
    main = app.layar_utama
    if renderable is None or screen is not main or seen:
        return
    panel = main.panels.get(main.bab_aktif)
    seen.update(
        modules=sorted(sys.modules),
        bab=main.bab_aktif,
        panel=panel is not None and panel.is_mounted and bool(panel.children)
        and all(child.is_mounted for child in panel.children),
        classes=sorted(c for c in main.classes if c.startswith("-")),
    )
    app.exit()


app._display = first_frame
app.run(headless=True, size=(120, 40))
if app.lock is not None:
    app.lock.release()
print(json.dumps(seen))
'''


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("LAKIP_LOAD_PLUGINS", None)
    env.pop("LAKIP_DISABLE_PLUGINS", None)
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    return env


@pytest.fixture(scope="module")
def first_frame(tmp_path_factory):
    if not CONTOH.exists():
        pytest.skip("projects/dinsos-binjai-2024.toml belum ada")
    folder = tmp_path_factory.mktemp("mulai")
    project = folder / CONTOH.name
    shutil.copy(CONTOH, project)
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME, str(project)],
                            capture_output=True, text=True, env=_env(folder), timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_first_frame_shows_the_first_chapter_already_mounted(first_frame):
    assert first_frame["bab"] == "profil"
    assert first_frame["panel"], "bab pertama belum terpasang pada frame pertama"
    assert first_frame["classes"] == ["-lebar"]  # 120x40: wide, not narrow, not short


def test_first_frame_does_not_import_other_screens_or_the_palette(first_frame):
    modules = set(first_frame["modules"])
    assert "lakip_tui.tui.screens.main" in modules  # the script did reach the main screen
    for lazy in ("lakip_tui.tui.commands", "lakip_tui.tui.screens.summary",
                 "lakip_tui.tui.widgets.summary_bars", "lakip_tui.tui.screens.help",
                 "lakip_tui.tui.screens.preview", "lakip_tui.tui.screens.save_as",
                 "lakip_tui.tui.screens.confirm_quit", "lakip_tui.tui.screens.disk_changed",
                 "lakip_tui.tui.screens.lock_question", "lakip_tui.tui.screens.dialog"):
        assert lazy not in modules, f"{lazy} diimpor sebelum frame pertama"


def test_first_frame_imports_only_the_editors_it_shows(first_frame):
    modules = set(first_frame["modules"])
    assert "lakip_tui.tui.editors.form" in modules  # BAB I opens on a form
    for lazy in ("lakip_tui.tui.editors.table", "lakip_tui.tui.editors.narrative",
                 "textual.widgets._text_area",
                 "importlib.metadata",  # the entry points are read without it
                 "lakip_tui.kinerja"):  # the plugins import their math when it is used
        assert lazy not in modules, f"{lazy} diimpor sebelum frame pertama"


def test_editor_binding_ids_are_known_to_a_fresh_process(tmp_path):
    """Every editor binding id is in the one actions registry: a key map naming them is accepted
    and checked without importing a single editor."""
    config = tmp_path / "config" / "lakip-tui"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text(
        '[keys]\ntabel_sunting = "f11"\nnarasi_ke_navigasi = "f12"\nnavigasi_lipat = "z"\n'
        'tidak_ada = "f3"\n', encoding="utf-8")
    code = ("import json, sys\n"
            "from lakip_tui.tui.keymap import load_user_keymap\n"
            "from lakip_tui.tui.actions import binding_ids\n"
            "result = load_user_keymap()\n"
            "editors = sorted(m for m in sys.modules if m.startswith('lakip_tui.tui.editors'))\n"
            "print(json.dumps([result.keys, result.problems, binding_ids(), editors]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(tmp_path), timeout=60)
    assert done.returncode == 0, done.stderr
    keys, problems, listed, editors = json.loads(done.stdout)
    assert keys == {"tabel_sunting": "f11", "narasi_ke_navigasi": "f12", "navigasi_lipat": "z"}
    assert len(problems) == 1 and "tidak_ada: aksi tidak dikenal" in problems[0]
    assert {"tabel_sunting", "narasi_ke_navigasi", "navigasi_lipat"} <= set(listed)
    assert editors == []


def test_first_frame_does_not_import_the_plugins_reports(first_frame):
    modules = set(first_frame["modules"])
    for plugin in BUILT_INS:
        assert f"{plugin}.chapter" in modules
        # the check starts after the first frame, the report only for a preview or an export
        assert f"{plugin}.laporan" not in modules, f"{plugin}.laporan diimpor saat mulai"


@pytest.mark.parametrize("plugin", BUILT_INS)
def test_importing_a_built_in_plugin_loads_only_its_chapter(plugin):
    code = (f"import sys, {plugin}\n"
            f"print(' '.join(m for m in sys.modules if m.startswith('{plugin}.')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = set(result.stdout.split())
    assert f"{plugin}.chapter" in loaded
    for name in REPORT_AND_CHECKS:
        assert f"{plugin}.{name}" not in loaded


def test_palette_provider_is_loaded_when_the_palette_asks_for_it():
    from lakip_tui.tui.app import LakipApp
    from lakip_tui.tui.commands import LakipCommands

    (source,) = LakipApp.COMMANDS
    assert source() is LakipCommands  # Textual calls a non-class entry to get the provider


def test_size_classes_follow_the_terminal_size():
    assert kelas_ukuran(80, 24) == {"-sempit": True, "-lebar": False, "-pendek": True}
    assert kelas_ukuran(110, 30) == {"-sempit": False, "-lebar": False, "-pendek": False}
    assert kelas_ukuran(120, 40) == {"-sempit": False, "-lebar": True, "-pendek": False}


@pilot_test
async def test_size_classes_are_set_at_start_and_change_on_resize(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(90, 24)) as pilot:
        main = app.layar_utama
        assert {"-sempit", "-pendek"} <= set(main.classes) and "-lebar" not in main.classes
        await pilot.resize_terminal(130, 40)
        await pilot.pause()
        assert "-lebar" in main.classes
        assert not {"-sempit", "-pendek"} & set(main.classes)


@pilot_test
async def test_session_is_frozen_after_the_first_screen_and_thawed_on_exit(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0  # the app's objects can be collected once it is gone


@pilot_test
async def test_reload_thaws_so_the_old_views_are_freed_then_freezes_again(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.layar_utama
        old = weakref.ref(main.panels["uji"])
        assert gc.get_freeze_count() > 0
        app.project.reload()
        for _ in range(50):
            await pilot.pause(0.02)
            if old() is None and main.panels.get("uji") is not None:
                break
        new = main.panels.get("uji")
        assert isinstance(new, ChapterHost) and new.is_mounted
        assert old() is None, "tampilan lama tidak pernah dibebaskan setelah muat ulang"
        assert gc.get_freeze_count() > 0


def _args(path: Path) -> argparse.Namespace:
    return argparse.Namespace(file=str(path), no_mouse=False, read_only=False, plugin=[])


def test_run_app_pauses_the_collector_while_starting_and_resumes_it(tmp_path, monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "uji.toml"
    path.write_text(PROJECT_TEXT, encoding="utf-8")
    seen = []
    monkeypatch.setattr(LakipApp, "run", lambda self, **kw: seen.append(gc.isenabled()))
    assert run_app(_args(path)) == 0
    assert seen == [False] and gc.isenabled()
    with pytest.raises(LakipError):  # a file that does not load: the collector is back too
        run_app(_args(tmp_path / "tidak-ada.toml"))
    assert gc.isenabled()


@pilot_test
async def test_collector_runs_again_once_the_first_screen_is_up_even_under_a_question(tmp_path):
    holder = LockInfo("budi", "komputer-lain", 1, 0.0)
    app = make_app(tmp_path, lock_holder=holder)
    gc.disable()  # as run_app leaves it
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(50):
                if isinstance(app.screen, LockQuestion):
                    break
                await pilot.pause(0.02)
            await pilot.pause()
            assert isinstance(app.screen, LockQuestion)
            assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()


def _beku(obj) -> bool:
    """True when the collector tracks `obj` but it is in no generation: frozen."""
    return gc.is_tracked(obj) and not any(o is obj for g in range(3) for o in gc.get_objects(g))


@pilot_test
async def test_a_newly_built_chapter_view_is_frozen_too(tmp_path):
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main = app.layar_utama
        assert _beku(main.panels["uji"])  # the first screen's view
        await main.buka_bab("lain")
        for _ in range(20):  # frozen after the next refresh
            await pilot.pause(0.02)
            if _beku(main.panels["lain"]):
                break
        assert _beku(main.panels["lain"])


@pilot_test
async def test_main_screen_is_styled_once_at_start_and_again_when_resumed(tmp_path, monkeypatch):
    restyled: list[object] = []
    original = MainScreen.update_node_styles

    def update_node_styles(self, animate: bool = True) -> None:
        restyled.append(self)
        original(self, animate)

    monkeypatch.setattr(MainScreen, "update_node_styles", update_node_styles)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert restyled == []  # the mount styled every widget; the first resume does not again
        app.layar_utama.post_message(events.ScreenResume())  # as Textual sends after a switch
        await pilot.pause()
        assert restyled == [app.layar_utama]


def test_lakip_edit_uses_the_data_parsed_beside_the_start(tmp_path, monkeypatch):
    """`lakip edit BIG` hands the bytes and the helper's data to the app, and leaves no helper
    behind even when the app ends at once."""
    from lakip_tui import cli, early_parse

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv(early_parse.SWITCH, raising=False)
    monkeypatch.setattr(early_parse, "MIN_SIZE", 1)  # the test file counts as big
    monkeypatch.setattr(early_parse, "can_fork", lambda env, switch: hasattr(os, "fork"))
    path = tmp_path / "uji.toml"
    path.write_text(PROJECT_TEXT, encoding="utf-8")
    handed, seen = [], []
    original = early_parse.EarlyParse.data

    def data(self):
        pid = self._child._pid if self._child else 0
        result = original(self)
        handed.append((pid, self.parallel, result is not None))
        return result

    monkeypatch.setattr(early_parse.EarlyParse, "data", data)
    monkeypatch.setattr(LakipApp, "run",
                        lambda self, **kw: seen.append((self.project.data, self.project.text)))
    assert cli.main(["edit", str(path)]) == 0
    assert seen == [(tomllib.loads(PROJECT_TEXT), PROJECT_TEXT)]
    if hasattr(os, "fork"):
        ((pid, still_open, had_data),) = handed
        assert pid and had_data and not still_open  # the helper's data, its pipe read and closed
        with pytest.raises(ChildProcessError):  # and the helper was waited for
            os.waitpid(pid, os.WNOHANG)
