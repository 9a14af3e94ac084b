"""The real thing for the TUI tests: the example project with every built-in chapter, opened at a
given chapter and section, and small helpers to drive it with keys and look at what happened."""

from __future__ import annotations

import shutil
from pathlib import Path

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

CONTOH = Path(__file__).resolve().parent.parent / "projects" / "dinsos-binjai-2024.toml"


def make_app_nyata(folder: Path, *, text: str | None = None, name: str = "dinsos-2024.toml"):
    """The app over a copy of the example project (or `text`), every built-in chapter loaded."""
    from lakip_tui.tui.app import LakipApp

    path = folder / name
    if text is None:
        shutil.copyfile(CONTOH, path)
    else:
        path.write_text(text, encoding="utf-8")
    project = Project.load(path)
    registry = load_registry(env={})
    environ = {"XDG_CONFIG_HOME": str(folder / "config"), "HOME": str(folder)}
    return LakipApp(project, registry, env=environ)


async def tunggu_periksa(pilot) -> None:
    """Let the check's debounce fire and its worker finish, so that its repaint (and the
    header's count) is done before what a test looks at."""
    main = pilot.app.layar_utama
    for _ in range(200):
        await pilot.pause(0.02)
        if main._timer_periksa is None and main._worker_periksa is not None:
            break
    await main._worker_periksa.wait()
    await pilot.pause()


async def buka(pilot, bab: str, bagian: str | None = None) -> None:
    """Open a chapter (and section) as Enter on the navigation does, and focus its first editor."""
    main = pilot.app.layar_utama
    await main.buka_bab(bab, bagian)
    await pilot.pause()
    main.fokus_ke_tampilan()
    for _ in range(20):
        await pilot.pause(0.01)
        focused = main.focused
        if focused is not None and not type(focused).__name__.endswith("Scroll"):
            break


def galat_tampilan(app) -> list[str]:
    """Chapters whose view was replaced by the error panel, and error notifications."""
    main = app.layar_utama
    out = [key for key, panel in main.panels.items() if panel.view is None]
    out += [n.message for n in app._notifications if n.severity == "error"]
    return out


async def tunggu_dokumen(pilot) -> None:
    """Let the background parse of the tomlkit document (started by a new row) finish and be
    taken by the project, as it is when a person pauses."""
    main = pilot.app.layar_utama
    await pilot.pause()
    worker = main._worker_dokumen
    if worker is not None:
        await worker.wait()
    await pilot.pause()
