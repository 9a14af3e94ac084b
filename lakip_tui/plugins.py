"""The plugin manager: built-in chapters, third-party entry points, and single-file plugins.

Built-in chapters are ordinary plugins in the `lakip_tui` entry-point group. A plugin that fails
to import or raises in a hook is reported as an error finding naming it, switched off for the
session, and everything else keeps working.

Environment switches (as llm's LLM_LOAD_PLUGINS):
- LAKIP_LOAD_PLUGINS=a,b   load only these entry-point plugins ("" loads none)
- LAKIP_DISABLE_PLUGINS=a  load all but these
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Mapping

import pluggy

from . import hookspecs
from .chapter import Chapter
from .context import Konteks
from .entrypoints import entry_points
from .findings import Finding, error

ENTRY_POINT_GROUP = "lakip_tui"


@dataclass
class PluginInfo:
    name: str
    source: str  # "entry point", "berkas", or "bawaan uji"
    version: str = ""
    status: str = "aktif"  # "aktif", "dinonaktifkan", "gagal"
    problem: str = ""
    chapters: list[str] = field(default_factory=list)
    hooks: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "version": self.version,
            "status": self.status,
            "problem": self.problem,
            "chapters": self.chapters,
            "hooks": self.hooks,
        }


def _names(value: str | None) -> set[str] | None:
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


class Registry:
    """The loaded plugins, their chapters, and the problems met on the way."""

    def __init__(self) -> None:
        self.pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self.pm.add_hookspecs(hookspecs)
        self.infos: dict[str, PluginInfo] = {}
        self.problems: list[Finding] = []
        self.chapters: dict[str, Chapter] = {}

    # -- loading ---------------------------------------------------------------------------

    def load_entry_points(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        only = _names(env.get("LAKIP_LOAD_PLUGINS"))
        skip = _names(env.get("LAKIP_DISABLE_PLUGINS")) or set()
        for ep in sorted(entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name):
            if ep.name in self.infos:
                continue
            info = PluginInfo(ep.name, "entry point", ep.version)
            self.infos[ep.name] = info
            if (only is not None and ep.name not in only) or ep.name in skip:
                info.status = "dinonaktifkan"
                continue
            try:
                module = ep.load()
            except Exception as exc:  # a broken plugin must not take the app down
                self._failed(info, f"gagal dimuat: {type(exc).__name__}: {exc}")
                continue
            self._register(module, info)

    def load_file(self, path: str | os.PathLike) -> None:
        """A single-file plugin the user named (on the command line or in the project file)."""
        file = Path(path)
        name = file.stem
        info = PluginInfo(name, f"berkas {file}")
        if name in self.infos:
            name = f"{name}@{file}"
            info.name = name
        self.infos[name] = info
        if not file.is_file():
            self._failed(info, "berkas plugin tidak ditemukan")
            return
        module_name = f"lakip_local_{abs(hash(str(file.resolve())))}_{file.stem}"
        try:
            spec = importlib.util.spec_from_file_location(module_name, file)
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            spec.loader.exec_module(module)
        except Exception as exc:
            sys.modules.pop(module_name, None)
            self._failed(info, f"gagal dimuat: {type(exc).__name__}: {exc}")
            return
        self._register(module, info)

    def load_object(self, plugin: Any, name: str) -> None:
        """Register an object or module directly (tests, embedding)."""
        info = PluginInfo(name, "objek")
        self.infos[name] = info
        self._register(plugin, info)

    def _register(self, plugin: ModuleType | Any, info: PluginInfo) -> None:
        try:
            self.pm.register(plugin, name=info.name)
            self.pm.check_pending()
        except Exception as exc:  # unknown hook name, bad signature
            if self.pm.is_registered(plugin):
                self.pm.unregister(plugin)
            self._failed(info, f"tidak sesuai kontrak: {exc}")
            return
        info.hooks = sorted(
            hook.name for hook in self.pm.get_hookcallers(plugin) or () if hook.name.startswith("lakip_")
        )
        for chapter_plugin, result in self.call("lakip_register_chapters", only=info.name,
                                                register=self._chapter_adder(info)):
            pass

    def _chapter_adder(self, info: PluginInfo):
        def register(chapter: Chapter) -> None:
            if not isinstance(chapter, Chapter):
                raise TypeError(f"register() menerima Chapter, bukan {type(chapter).__name__}")
            if chapter.key in self.chapters:
                owner = self.chapters[chapter.key].plugin
                raise ValueError(f"bab '{chapter.key}' sudah didaftarkan oleh plugin '{owner}'")
            from dataclasses import replace

            self.chapters[chapter.key] = replace(chapter, plugin=info.name)
            info.chapters.append(chapter.key)

        return register

    def _failed(self, info: PluginInfo, problem: str) -> None:
        info.status = "gagal"
        info.problem = problem
        self.problems.append(
            error("plugin.gagal", info.name, (), f"Plugin '{info.name}' {problem}")
        )

    # -- calling ---------------------------------------------------------------------------

    def call(self, hook_name: str, *, only: str | None = None, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call a hook on each active plugin separately, so that one raising cannot stop the rest.

        Returns (plugin name, result) pairs, results that are None left out. A plugin that raises
        is switched off for the session and becomes an error finding in `problems`.
        """
        results = []
        caller = getattr(self.pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):  # registration order
            name = impl.plugin_name
            if only is not None and name != only:
                continue
            info = self.infos.get(name)
            if info is not None and info.status != "aktif":
                continue
            args = {arg: kwargs[arg] for arg in impl.argnames}
            try:
                result = impl.function(**args)
                if result is not None and hook_name in _ITERABLE_HOOKS:
                    result = list(result)  # a generator raises here, inside the guard
            except Exception as exc:
                self.disable(name, f"galat di {hook_name}: {type(exc).__name__}: {exc}")
                continue
            if result is not None:
                results.append((name, result))
        return results

    def disable(self, name: str, problem: str) -> None:
        info = self.infos.setdefault(name, PluginInfo(name, "?"))
        self._failed(info, problem)
        for key in [k for k, c in self.chapters.items() if c.plugin == name]:
            del self.chapters[key]

    # -- views of the registry -------------------------------------------------------------

    def ordered_chapters(self) -> list[Chapter]:
        return sorted(self.chapters.values(), key=lambda c: (c.order, c.key))

    def konteks(self, data: dict, path: Path | None = None) -> Konteks:
        return Konteks.dari_data(data, self.chapters, path)

    def plugin_files(self, data: dict, project_path: Path | None) -> list[Path]:
        """Single-file plugins named in the project's [plugins] table, relative to the file."""
        files = (data.get("plugins") or {}).get("files") or []
        base = project_path.parent if project_path else Path(".")
        return [base / f for f in files if isinstance(f, str)]


_ITERABLE_HOOKS = {"lakip_validate", "lakip_render", "lakip_summary", "lakip_data"}


def load_registry(
    files: Iterable[str | os.PathLike] = (),
    *,
    data: dict | None = None,
    project_path: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Registry:
    """Entry-point plugins, then the files named on the command line, then those the project names."""
    registry = Registry()
    registry.load_entry_points(env)
    for file in files:
        registry.load_file(file)
    if data is not None:
        for file in registry.plugin_files(data, project_path):
            registry.load_file(file)
    return registry
