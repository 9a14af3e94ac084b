"""SVG snapshots of every editor of every built-in chapter, on the example project, at 80x24
and 120x40: each table, form and narrative as the planner sees it in the whole app, with the
navigation and the footer (issue 14).

One app per chapter and size; each section is opened and each of its editors focused in turn
(scrolled to the top of the view) and photographed, named "section-editor". Update after an intended change with
`pytest tests/test_snapshots_bab.py --snapshot-update`, then look at every changed SVG in
tests/__snapshots__/test_snapshots_bab/ (e.g. `rsvg-convert FILE.svg -o FILE.png`) before
committing it.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from textual.widgets import TextArea

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from tui_nyata import tunggu_periksa

CONTOH = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"
UKURAN = {"80x24": (80, 24), "120x40": (120, 40)}


def _bab() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    registry = load_registry(env={})
    return [(chapter.key, [(bagian.key, [isi.key for isi in bagian.isi])
                           for bagian in chapter.bagian])
            for chapter in sorted(registry.chapters.values(), key=lambda c: c.order)]


SEMUA_BAB = _bab()


async def _settled_screenshot(pilot, app, *, title: str) -> str:
    """The screen once two looks in a row agree: on a loaded machine a repaint (the focus's
    colour, a scrollbar) may still be on its way after the pauses above."""
    shot = app.export_screenshot(title=title)
    for _ in range(10):
        await pilot.pause(0.05)
        again = app.export_screenshot(title=title)
        if again == shot:
            break
        shot = again
    return shot


def _app(tmp_path: Path):
    from lakip_tui.tui.app import LakipApp

    path = tmp_path / CONTOH.name
    shutil.copy(CONTOH, path)
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    return LakipApp(Project.load(path), load_registry(env={}), env=environ)


def _isi_editor(editor) -> str | None:
    for name in ("tabel", "isian", "narasi"):
        isi = getattr(editor, name, None)
        if isi is not None:
            return isi.key
    return None


@pytest.mark.parametrize("ukuran", list(UKURAN))
@pytest.mark.parametrize("bab,semua_bagian", SEMUA_BAB, ids=[bab for bab, _ in SEMUA_BAB])
def test_editors_of_the_example(snapshot, tmp_path, bab, semua_bagian, ukuran):
    snapshot = snapshot.use_extension(SVGImageExtension)
    app = _app(tmp_path)
    shots: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=UKURAN[ukuran]) as pilot:
            await tunggu_periksa(pilot)
            main = app.layar_utama
            for bagian, isi in semua_bagian:
                await main.buka_bab(bab, bagian)
                await pilot.pause()
                editors = {_isi_editor(e): e for e in main.panels[bab].view.editors()}
                for key in isi:
                    editor = editors[key]
                    target = next(w for w in editor.query("*") if w.focusable)
                    for area in editor.query(TextArea):
                        area.cursor_blink = False  # a blinking cursor would make it flicker
                    target.focus(scroll_visible=False)
                    # the section's layout first (a text area wraps again once it is drawn),
                    # then the scroll: scrolled before, the view could be a line off
                    await pilot.pause()
                    editor.scroll_visible(top=True, animate=False, immediate=True)
                    await pilot.pause()
                    await pilot.wait_for_scheduled_animations()
                    await pilot.pause()
                    shots[f"{bagian}-{key}"] = await _settled_screenshot(
                        pilot, app, title=f"{bab}: {bagian}, {key}")

    asyncio.run(run())
    assert len(shots) == sum(len(isi) for _, isi in semua_bagian)
    for name, svg in shots.items():
        assert snapshot(name=name) == svg, f"{name} berubah"
