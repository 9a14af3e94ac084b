"""The editor asks once before running a plugin file a project names (issue 12, item 1): the
question shows the path and what would run; nothing runs until the user allows it; a refusal is
remembered; the chapter's data stays as it is in the file."""

from __future__ import annotations

import argparse

from lakip_tui.trust import ALLOWED, DENIED, TrustStore
from lakip_tui.tui.app import prepare
from lakip_tui.tui.screens.main import MainScreen
from lakip_tui.tui.screens.plugin_trust import TrustQuestion
from lakip_tui.tui.widgets.navigation import Navigation

from test_trust import env, received  # noqa: F401  (fixture)
from tui_fixture import pilot_test


def open_app(project, read_only=True):
    return prepare(argparse.Namespace(file=str(project), no_mouse=False, read_only=read_only,
                                       plugin=[]))


async def wait_for(pilot, kind, present=True):
    for _ in range(150):
        if isinstance(pilot.app.screen, kind) == present:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} {'tidak muncul' if present else 'tidak hilang'}")


def question_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


@pilot_test
async def test_read_only_session_asks_with_path_and_preview_and_later_runs_nothing(env):
    project, plugin, marker = received(env)
    app = open_app(project)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, TrustQuestion)
        text = question_text(app)
        assert str(plugin.resolve()) in text
        assert "lakip_register_chapters" in text  # a preview of what would run
        await pilot.press("n")
        await wait_for(pilot, MainScreen)
        assert not marker.exists()
        assert "inovasi" not in app.registry.chapters
    assert not marker.exists()
    # "later" asks again next time
    app = open_app(project)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, TrustQuestion)


@pilot_test
async def test_allowing_runs_the_plugin_and_shows_its_chapter(env):
    project, plugin, marker = received(env)
    app = open_app(project)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, TrustQuestion)
        await pilot.press("i")
        await wait_for(pilot, MainScreen)
        for _ in range(50):
            await pilot.pause(0.02)
            if any("Inovasi" in line for line in app.screen.query_one(Navigation).judul_baris()):
                break
        assert marker.exists()
        assert "inovasi" in app.registry.chapters
        assert any("Lampiran Inovasi Daerah" in line
                   for line in app.screen.query_one(Navigation).judul_baris())
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == ALLOWED
    marker.unlink()
    app = open_app(project)  # allowed: no question, it simply runs
    assert marker.exists() and app.registry.untrusted == []


@pilot_test
async def test_a_refusal_is_remembered_and_not_asked_again(env):
    project, plugin, marker = received(env)
    app = open_app(project)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, TrustQuestion)
        await pilot.press("t")
        await wait_for(pilot, MainScreen)
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == DENIED
    app = open_app(project)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, MainScreen)
        assert not app.screen_stack or not any(isinstance(s, TrustQuestion)
                                               for s in app.screen_stack)
    assert not marker.exists()


@pilot_test
async def test_the_data_of_a_plugin_not_run_survives_a_save_untouched(env):
    project, _plugin, marker = received(env)
    section = project.read_text(encoding="utf-8").split("[inovasi]", 1)[1]
    app = open_app(project, read_only=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, TrustQuestion)
        await pilot.press("escape")  # = later
        await wait_for(pilot, MainScreen)
        app.project.set(("meta", "instansi"), "Dinas Contoh Baru")
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
    text = project.read_text(encoding="utf-8")
    assert 'instansi = "Dinas Contoh Baru"' in text
    assert text.split("[inovasi]", 1)[1] == section
    assert not marker.exists()
