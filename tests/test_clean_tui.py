"""No control character from a project reaches the terminal through the TUI (issue 12, item 2):
a project whose every string carries an OSC 52 clipboard-setting sequence is opened read-only and
every chapter, Bagian, the findings, the preview and the summary are drawn; no drawn segment of
text may hold a control character, and the clipboard gets clean text."""

from __future__ import annotations

import argparse
import re
import tomllib
from pathlib import Path

import tomlkit

from lakip_tui.tui.app import prepare
from lakip_tui.tui.screens.main import MainScreen
from lakip_tui.tui.screens.preview import PreviewScreen
from lakip_tui.tui.screens.summary import SummaryScreen

from tui_fixture import pilot_test

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
OSC52 = "\x1b]52;c;aGFjaw==\x07"
EVIL = f"{OSC52}\x9b2J\rX\x7f"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def poison(value):
    """Every string of the data with the attack appended (keys left alone)."""
    if isinstance(value, str):
        return value + EVIL
    if isinstance(value, dict):
        return {k: poison(v) for k, v in value.items()}
    if isinstance(value, list):
        return [poison(v) for v in value]
    return value


def evil_file(folder: Path) -> Path:
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    data.pop("plugins", None)
    data = poison(data)
    data["format"] = 1
    path = folder / "kiriman.toml"
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    return path


def drawn_text(app) -> list[str]:
    """The text of every segment the screen would write to the terminal now."""
    update = app.screen._compositor.render_update(full=True)
    return [segment.text for line in update.strips for strip in line for segment in strip
            if segment.control is None]


def unsafe(app) -> list[str]:
    return [text for text in drawn_text(app) if FORBIDDEN.search(text)]


async def settle(pilot, times: int = 2) -> None:
    for _ in range(times):
        await pilot.pause(0.02)


@pilot_test
async def test_read_only_tui_draws_no_control_character_anywhere(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("LAKIP_LOAD_PLUGINS", raising=False)
    path = evil_file(tmp_path)
    args = argparse.Namespace(file=str(path), no_mouse=False, read_only=True, plugin=[])
    app = prepare(args)
    leaks: dict[str, list[str]] = {}
    copied: list[str] = []
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        leaks["awal"] = unsafe(app)
        for chapter in app.registry.ordered_chapters():
            panel = await main.buka_bab(chapter.key)
            await settle(pilot)
            leaks[chapter.key] = unsafe(app)
            view = panel.view if hasattr(panel, "view") else None
            for bagian in chapter.bagian:
                if view is not None and hasattr(view, "show_bagian"):
                    waiting = view.show_bagian(bagian.key)
                    if waiting is not None:
                        await waiting
                    await settle(pilot, 1)
                    leaks[f"{chapter.key}/{bagian.key}"] = unsafe(app)
            main.fokus_ke_tampilan()
            await settle(pilot, 2)
            app.copy_to_clipboard("")
            await pilot.press("alt+c")  # copy the cell or field under the cursor
            await settle(pilot, 2)
            copied.append(app.clipboard)
            await pilot.press("f3")
            for _ in range(200):  # the preview is laid out in a worker
                await pilot.pause(0.02)
                if getattr(app.screen, "sections", None) is not None:
                    break
            await settle(pilot)
            if isinstance(app.screen, PreviewScreen):
                leaks[f"{chapter.key}/pratinjau"] = unsafe(app)
                await pilot.press("f3")
                await settle(pilot)
        await pilot.press("f4")
        await settle(pilot, 6)
        assert isinstance(app.screen, SummaryScreen)
        leaks["ringkasan"] = unsafe(app)
    assert any("]52;c;aGFjaw==" in text for text in copied), copied  # a poisoned cell was copied
    assert not [text for text in copied if FORBIDDEN.search(text)]
    bad = {k: v[:3] for k, v in leaks.items() if v}
    assert not bad, "\n".join(f"{k}: {v!r}" for k, v in bad.items())
