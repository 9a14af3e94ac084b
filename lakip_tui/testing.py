"""Helpers for testing a chapter plugin, the way its own tests use them (`lakip plugin new`
writes a test that does):

    from lakip_tui.testing import check, edit, load, render_text

    registry = load(my_plugin)                       # the plugin alone (built-ins: with=...)
    findings = check(registry, data)                 # every finding, as `lakip check` gives
    text = render_text(registry, "inovasi", data)    # the chapter as the txt export prints it
    result = edit(registry, PROJECT, "inovasi", ["down", "enter", *"Baru", "enter"])
    result.data, result.text, result.screen          # after the keys, driven headless

Nothing here is needed at run time; `check`, `load` and `render_text` never import Textual,
`edit` does (it runs the real editor with Textual's Pilot, in memory, on a temporary copy).
"""

from __future__ import annotations

import asyncio
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

__all__ = ["EditResult", "check", "edit", "load", "parse", "render_text"]


def load(*plugins: Any, built_ins: str | Iterable[str] = (), names: Iterable[str] = ()) -> Any:
    """A Registry holding `plugins` (modules or objects with @hookimpl functions), each under
    its module's last name (or the matching entry of `names`), plus the built-in chapters named
    in `built_ins` ("anggaran" or ["profil", "anggaran"]); no other installed plugin is loaded,
    so what a test sees does not depend on the machine. Problems are in `registry.problems`."""
    from .plugins import load_registry

    wanted = [built_ins] if isinstance(built_ins, str) else list(built_ins)
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ",".join(wanted)})
    given = list(names)
    for index, plugin in enumerate(plugins):
        name = given[index] if index < len(given) else _name_of(plugin)
        registry.load_object(plugin, name)
    return registry


def _name_of(plugin: Any) -> str:
    name = getattr(plugin, "__name__", None) or type(plugin).__name__
    return name.rsplit(".", 1)[-1].removeprefix("lakip_")


def parse(text: str) -> dict:
    """Project text (TOML) as the plain data hooks receive."""
    return tomllib.loads(text)


def check(registry: Any, data: dict | str) -> list:
    """The findings `lakip check` would report for `data` (or project text), sorted."""
    from .checks import run_checks

    return run_checks(parse(data) if isinstance(data, str) else data, registry)


def render_text(registry: Any, chapter: str, data: dict | str, *, width: int = 100) -> str:
    """The chapter as the txt export prints it (the same code path; its cover lines included,
    then the chapter alone)."""
    from . import exporters
    from .export import assemble

    data = parse(data) if isinstance(data, str) else data
    document = assemble(data, registry, registry.konteks(data), [chapter])
    return exporters.render(document, "txt", width=width)


@dataclass
class EditResult:
    data: dict  # the project's data after the keys
    text: str  # the project file as saved (the editor saves with ctrl+s when save=True)
    screen: str  # what the terminal showed at the end, as plain text
    problems: list  # registry problems, and notifications of errors


def edit(registry: Any, project_text: str, chapter: str, keys: Iterable[str] = (), *,
         bagian: str | None = None, save: bool = True, size: tuple[int, int] = (120, 40),
         env: Mapping[str, str] | None = None) -> EditResult:
    """Open the real editor headless on a temporary copy of `project_text`, open `chapter`
    (and `bagian`), focus its editor, press `keys` (Textual key names: "down", "enter", "a"),
    save, and return what came out. Runs its own event loop (call it from a plain test)."""
    return asyncio.run(_edit(registry, project_text, chapter, list(keys), bagian, save, size,
                             env))


async def _edit(registry, project_text, chapter, keys, bagian, save, size, env) -> EditResult:
    from .project import Project
    from .tui.app import LakipApp

    with tempfile.TemporaryDirectory(prefix="lakip-uji-") as folder:
        path = Path(folder) / "proyek.toml"
        path.write_text(project_text, encoding="utf-8")
        project = Project.load(path)
        environ = {"XDG_CONFIG_HOME": str(Path(folder) / "config"), "HOME": folder,
                   **(env or {})}
        app = LakipApp(project, registry, env=environ)
        async with app.run_test(size=size) as pilot:
            main = app.layar_utama
            await main.buka_bab(chapter, bagian)
            await pilot.pause()
            main.fokus_ke_tampilan()
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            if save:
                await pilot.press("ctrl+s")
                for _ in range(50):
                    await pilot.pause(0.02)
                    if not project.dirty:
                        break
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            errors = [n.message for n in app._notifications if n.severity == "error"]
        return EditResult(project.data, path.read_text(encoding="utf-8"), screen,
                          [*registry.problems, *errors])
