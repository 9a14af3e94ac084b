"""The editor offers back the edits a session left unsaved when it ended, with what they
change, and discards nothing without asking."""

from __future__ import annotations

import argparse

import pytest

from lakip_tui.journal import Journal, find_journals
from lakip_tui.project import Project
from lakip_tui.tui.app import prepare
from lakip_tui.tui.screens.main import MainScreen
from lakip_tui.tui.screens.recover import ConflictQuestion, RecoverOffer

from test_tui_app import teks_layar
from test_tui_app import tunggu_layar as _tunggu_layar
from tui_fixture import PROJECT_TEXT, pilot_test


@pytest.fixture
def file_with_journal(tmp_path, monkeypatch):
    """A project file and the journal of a session that ended without saving (three edits
    in two chapters)."""
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = tmp_path / "uji.toml"
    path.write_text(PROJECT_TEXT, encoding="utf-8")
    project = Project.load(path)
    writer = Journal(path, project.text)
    writer.attach(project)
    project.set(("uji", "catatan"), "Catatan\nbaru")
    project.set(("uji", "baris", 1, "nilai"), 275)
    project.set(("meta", "tahun"), 2025)
    writer.close()
    return path


async def tunggu_layar(pilot, jenis):
    await _tunggu_layar(pilot, jenis)
    await pilot.pause()  # composed and drawn


def akhiri(app):
    """What run_app does when the editor ends."""
    app.tutup_jurnal()
    if app.lock is not None:
        app.lock.release()


def _args(path):
    return argparse.Namespace(file=str(path), no_mouse=False, read_only=False, plugin=[])


@pilot_test
async def test_restore_offers_each_change_and_brings_them_back_unsaved(file_with_journal):
    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        shown = teks_layar(app)
        assert "3 suntingan" in shown
        assert 'uji.catatan: "Catatan awal" → "Catatan⏎baru"' in shown
        assert "uji.baris[1].nilai: 250 → 275" in shown
        assert "meta.tahun: 2024 → 2025" in shown
        await pilot.press("p")
        await tunggu_layar(pilot, MainScreen)
        await pilot.pause()
        assert app.project.data["uji"]["baris"][1]["nilai"] == 275
        assert app.project.data["uji"]["catatan"] == "Catatan\nbaru"
        assert app.project.dirty
        assert file_with_journal.read_text(encoding="utf-8") == PROJECT_TEXT  # not saved yet
        # the old journal is gone; this session's journal holds the edits now
        assert find_journals(file_with_journal) == []
        assert len(find_journals(file_with_journal, include_live=True)[0].ops) == 3
        while app.project.undo():  # ordinary edits: undo takes them back one by one
            pass
        assert app.project.data == Project.load(file_with_journal).data
        akhiri(app)


@pilot_test
async def test_later_keeps_the_journal_and_discard_removes_it(file_with_journal):
    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        await pilot.press("escape")  # the harmless answer: later
        await tunggu_layar(pilot, MainScreen)
        assert not app.project.dirty
    akhiri(app)
    assert len(find_journals(file_with_journal)) == 1
    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        await pilot.press("b")
        await tunggu_layar(pilot, MainScreen)
    akhiri(app)
    assert find_journals(file_with_journal) == []


@pilot_test
async def test_a_file_changed_since_asks_only_about_real_conflicts(file_with_journal):
    other = Project.load(file_with_journal)
    other.set(("meta", "tahun"), 2030)  # the same value as the journal: a conflict
    other.set(("uji", "baris", 0, "nama"), "Diubah orang lain")  # another value: combined
    other.save()
    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        assert "1 nilai diubah di kedua tempat" in teks_layar(app)
        await pilot.press("p")
        await tunggu_layar(pilot, ConflictQuestion)
        shown = teks_layar(app)
        assert "meta.tahun" in shown and "2030" in shown and "2025" in shown
        await pilot.press("d")  # keep the one on disk
        await tunggu_layar(pilot, MainScreen)
        await pilot.pause()
        data = app.project.data
        assert data["meta"]["tahun"] == 2030
        assert data["uji"]["baris"][0]["nama"] == "Diubah orang lain"
        assert data["uji"]["baris"][1]["nilai"] == 275
        assert data["uji"]["catatan"] == "Catatan\nbaru"
        akhiri(app)


@pilot_test
async def test_the_start_removes_temp_files_a_killed_save_left(file_with_journal):
    temp = file_with_journal.with_name(f".{file_with_journal.name}.k1ll3d_9.tmp")
    temp.write_text(PROJECT_TEXT, encoding="utf-8")
    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        assert not temp.exists()
        await pilot.press("escape")
    akhiri(app)


@pilot_test
async def test_the_signal_handlers_go_when_the_app_ends(file_with_journal):
    import signal

    app = prepare(_args(file_with_journal))
    async with app.run_test(size=(100, 30)) as pilot:
        await tunggu_layar(pilot, RecoverOffer)
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, None)
        await pilot.press("escape")
    akhiri(app)
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
