"""The plugin manager: built-in chapters, third-party entry points, and single-file plugins.

Built-in chapters are ordinary plugins in the `lakip_tui` entry-point group. A plugin that fails
to import or raises in a hook is reported as an error finding naming it, switched off for the
session, and everything else keeps working.

Environment switches (as llm's LLM_LOAD_PLUGINS), for entry points and for the files a project
names alike (a file's name is its stem: "inovasi" for inovasi.py):
- LAKIP_LOAD_PLUGINS=a,b   load only these plugins ("" loads none)
- LAKIP_DISABLE_PLUGINS=a  load all but these

Trust: an installed package is trusted as installed, a file given on the command line is the
user's own choice, but a file named by a project (`[plugins] files`) runs only when the user
allowed that file at that content (lakip_tui.trust); otherwise it is listed in `untrusted`, with
a warning saying why, and its code is never read as Python.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Iterable, Mapping

import pluggy

from . import hookspecs
from .chapter import AddBagian, AddColumn, Chapter, Extension, extend
from .context import Konteks
from .entrypoints import entry_points
from .findings import Finding, error, warning

ENTRY_POINT_GROUP = "lakip_tui"
CORE_SECTIONS = ("format", "meta", "plugins")  # top-level keys the core itself owns
BUILT_IN_PACKAGE = "lakip-tui"  # the distribution whose entry points are the built-in chapters


@dataclass(frozen=True)
class HookFailure:
    """One plugin's hook raised: the rest of the call ran without it."""

    plugin: str
    hook: str
    message: str  # Indonesian, names the plugin and the hook
    chapter: str = ""  # the chapter asked about (lakip_render, lakip_chapter_view)


@dataclass
class PluginInfo:
    name: str
    source: str  # "entry point", "berkas ...", "berkas proyek ...", or "objek"
    version: str = ""
    status: str = "aktif"  # "aktif", "dinonaktifkan", "gagal", or a trust state (trust.py)
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


@dataclass
class UntrustedFile:
    """A plugin file a project names that was not run: where, what it holds, and why not."""

    name: str
    path: Path  # as the project names it, joined to the project's folder
    content: bytes  # what would run, read once: allowing it runs exactly these bytes
    decision: Any  # trust.Decision


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
        self.chapters: dict[str, Chapter] = {}  # as shown: with the extensions applied
        self._own: dict[str, Chapter] = {}  # as their plugins registered them
        self.extensions: list[Extension] = []  # AddColumn / AddBagian, in registration order
        self.untrusted: list[UntrustedFile] = []  # project files not run (trust.py)
        self.failures: list[HookFailure] = []  # hooks that raised, once per plugin/hook/chapter
        self.built_in: set[str] = set()  # names of the built-in chapter plugins
        self._local = threading.local()  # results -> plugin of the call running in this thread
        self._files: set[str] = set()  # resolved paths of the files loaded or held back

    # -- loading ---------------------------------------------------------------------------

    def load_entry_points(self, env: Mapping[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        only = _names(env.get("LAKIP_LOAD_PLUGINS"))
        skip = _names(env.get("LAKIP_DISABLE_PLUGINS")) or set()
        # The built-in chapters load first, so no package can take their keys by sorting first.
        found = sorted(entry_points(ENTRY_POINT_GROUP),
                       key=lambda e: (e.package != BUILT_IN_PACKAGE, e.name))
        for ep in found:
            if ep.name in self.infos:
                continue
            info = PluginInfo(ep.name, "entry point", ep.version)
            if ep.package == BUILT_IN_PACKAGE:
                self.built_in.add(ep.name)
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

    def load_file(self, path: str | os.PathLike, content: bytes | None = None,
                  source: str = "berkas") -> None:
        """A single-file plugin the user named on the command line (or allowed): run it.

        `content`, when given, is what runs (the bytes the user saw and allowed), so a file
        changed between the question and the load cannot slip in other code."""
        file = Path(path)
        self._files.add(_resolved(file))
        info = self._file_info(file, source)
        if content is None:
            try:
                content = file.read_bytes()
            except OSError:
                self._failed(info, "berkas plugin tidak ditemukan" if not file.exists()
                             else "berkas plugin tidak dapat dibaca")
                return
        module_name = f"lakip_local_{abs(hash(_resolved(file)))}_{file.stem}"
        try:
            code = compile(content, str(file), "exec", dont_inherit=True)
            spec = importlib.util.spec_from_loader(module_name, loader=None, origin=str(file))
            module = importlib.util.module_from_spec(spec)
            module.__file__ = str(file)
            sys.modules[module_name] = module
            exec(code, module.__dict__)
        except Exception as exc:
            sys.modules.pop(module_name, None)
            self._failed(info, f"gagal dimuat: {type(exc).__name__}: {exc}")
            return
        self._register(module, info)

    def load_project_file(self, path: str | os.PathLike, *, env: Mapping[str, str] | None = None,
                          store: Any = None) -> None:
        """A plugin file named by the project: the environment switches apply, and it runs only
        when the user allowed it at this content (trust.py); otherwise it is kept in
        `untrusted` and a warning says which plugin was not loaded and why."""
        from . import trust

        file = Path(path)
        resolved = _resolved(file)
        if resolved in self._files:  # also named on the command line: loaded once
            return
        env = os.environ if env is None else env
        only = _names(env.get("LAKIP_LOAD_PLUGINS"))
        skip = _names(env.get("LAKIP_DISABLE_PLUGINS")) or set()
        if (only is not None and file.stem not in only) or file.stem in skip:
            self._files.add(resolved)
            info = self._file_info(file, "berkas proyek")
            info.status = "dinonaktifkan"
            info.problem = "dimatikan oleh LAKIP_LOAD_PLUGINS/LAKIP_DISABLE_PLUGINS"
            return
        try:
            content = file.read_bytes()
        except OSError:
            self.load_file(file, source="berkas proyek")  # reports it missing or unreadable
            return
        decision = (store or trust.TrustStore()).decide(file, content)
        if decision.allowed:
            self.load_file(file, content, source="berkas proyek")
            return
        self._files.add(resolved)
        info = self._file_info(file, "berkas proyek")
        info.status = decision.state
        info.problem = decision.reason(str(file))
        self.untrusted.append(UntrustedFile(info.name, file, content, decision))
        self.problems.append(warning(
            "plugin.belum-diizinkan", info.name, (),
            f"Plugin '{info.name}' ({file}) tidak dimuat: {info.problem}"))

    def allow_untrusted(self, item: UntrustedFile, store: Any = None) -> None:
        """The user allowed a held-back file (the TUI's question): record it and run exactly the
        bytes that were shown."""
        from . import trust

        (store or trust.TrustStore()).allow(item.path, item.content)
        self._forget_untrusted(item)
        self.load_file(item.path, item.content, source="berkas proyek")

    def deny_untrusted(self, item: UntrustedFile, store: Any = None) -> None:
        from . import trust

        decision = (store or trust.TrustStore()).deny(item.path)
        info = self.infos.get(item.name)
        if info is not None:
            info.status = decision.state
            info.problem = decision.reason(str(item.path))

    def _forget_untrusted(self, item: UntrustedFile) -> None:
        self.untrusted = [u for u in self.untrusted if u is not item]
        self.problems = [p for p in self.problems
                         if not (p.code == "plugin.belum-diizinkan" and p.chapter == item.name)]
        self.infos.pop(item.name, None)
        self._files.discard(_resolved(item.path))

    def _file_info(self, file: Path, source: str) -> PluginInfo:
        name = file.stem
        info = PluginInfo(name, f"{source} {file}")
        if name in self.infos:
            name = f"{name}@{file}"
            info.name = name
        self.infos[name] = info
        return info

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
        callers = self.pm.get_hookcallers(plugin) or ()
        info.hooks = sorted(hook.name for hook in callers if hook.name.startswith("lakip_"))
        for caller in callers:
            for impl in caller.get_hookimpls():
                if impl.plugin is plugin and not (impl.hookwrapper or impl.wrapper):
                    impl.function = self._guard(impl.function, info.name, caller.name,
                                                impl.argnames)
        self.call("lakip_register_chapters", only=info.name, register=self._chapter_adder(info))
        if any(f.plugin == info.name and f.hook == "lakip_register_chapters"
               for f in self.failures):
            self.disable(info.name, "gagal mendaftarkan babnya (lakip_register_chapters)")

    def _guard(self, function: Any, plugin: str, hook: str, argnames: tuple) -> Any:
        """The implementation as pluggy will call it, with its failure kept local: an exception
        (also midway through a generator) becomes a HookFailure and the call goes on without
        this plugin's result. Each result is remembered as this plugin's, for `call`."""
        iterable = hook in _ITERABLE_HOOKS

        def guarded(*args: Any) -> Any:
            try:
                result = function(*args)
                if result is not None and iterable:
                    result = list(result)  # a generator raises here, inside the guard
            except Exception as exc:
                asked = dict(zip(argnames, args)).get("chapter")
                self._hook_failed(plugin, hook, exc, getattr(asked, "key", ""))
                return None
            if result is not None:
                origins = getattr(self._local, "origins", None)
                if origins is not None:
                    origins[id(result)] = plugin
            return result

        guarded.__wrapped__ = function  # type: ignore[attr-defined]
        return guarded

    def _hook_failed(self, plugin: str, hook: str, exc: BaseException, chapter: str = "") -> None:
        bab = f" untuk bab '{chapter}'" if chapter else ""
        message = (f"Plugin '{plugin}' gagal di {hook}{bab}: {type(exc).__name__}: {exc}. "
                   "Hasil hook itu dilewati; bagian lain tetap berjalan.")
        if any((f.plugin, f.hook, f.chapter) == (plugin, hook, chapter) for f in self.failures):
            return  # the TUI calls hooks again and again: one report is enough
        self.failures.append(HookFailure(plugin, hook, message, chapter))
        info = self.infos.get(plugin)
        if info is not None and not info.problem:
            info.problem = message  # `lakip plugins` shows it; the plugin stays on
        self.problems.append(error("plugin.hook-gagal", plugin, (), message))

    def rank(self, name: str) -> int:
        """A plugin's place in the loading order (built-ins, packages, files, objects)."""
        for index, known in enumerate(self.infos):
            if known == name:
                return index
        return len(self.infos)

    def failures_of(self, hook: str, chapter: str | None = None) -> list[HookFailure]:
        return [f for f in self.failures
                if f.hook == hook and (chapter is None or f.chapter == chapter)]

    def _chapter_adder(self, info: PluginInfo):
        def register(chapter: Chapter | Extension) -> None:
            if isinstance(chapter, (AddColumn, AddBagian)):
                from dataclasses import replace

                self.extensions.append(replace(chapter, plugin=info.name))
                self._extend()
                return
            if not isinstance(chapter, Chapter):
                raise TypeError("register() menerima Chapter, AddColumn atau AddBagian, bukan "
                                f"{type(chapter).__name__}")
            owner = self._own[chapter.key].plugin if chapter.key in self._own else None
            if owner is None and chapter.key in self.built_in and info.name != chapter.key:
                owner = chapter.key  # a built-in's key, even while the built-in is switched off
            if owner is not None:
                # the newcomer is refused and named; the chapter already there keeps its key
                bawaan = "bab bawaan, " if owner in self.built_in else ""
                self.problems.append(error(
                    "plugin.bab-ganda", info.name, (),
                    f"Plugin '{info.name}' mendaftarkan bab '{chapter.key}', padahal kunci itu "
                    f"milik {bawaan}plugin '{owner}'; bab dari '{info.name}' ini tidak dipakai. "
                    "Pakai kunci bab lain."))
                return
            from dataclasses import replace

            self._own[chapter.key] = replace(chapter, plugin=info.name)
            info.chapters.append(chapter.key)
            self._extend()

        return register

    def _extend(self) -> None:
        """`chapters`: each registered chapter with the extensions aimed at it applied. An
        extension that does not fit (a table or Bagian its chapter does not have) is dropped and
        reported against the plugin that made it; the chapter itself is never harmed."""
        chapters = {}
        for key, chapter in self._own.items():
            for ext in [e for e in self.extensions if e.chapter == key]:
                try:
                    chapter = extend(chapter, [ext])
                except ValueError as exc:
                    self.extensions.remove(ext)
                    self.problems.append(error(
                        "plugin.perluasan-gagal", ext.plugin, (),
                        f"Plugin '{ext.plugin}' memperluas bab '{key}': {exc}; perluasan itu "
                        "tidak dipakai."))
            chapters[key] = chapter
        self.chapters = chapters

    def extensions_without_chapter(self) -> list[Finding]:
        """Extensions whose chapter is not loaded: said, not silently ignored."""
        return [warning("plugin.perluasan-tanpa-bab", ext.plugin, (),
                        f"Plugin '{ext.plugin}' memperluas bab '{ext.chapter}', tetapi bab itu "
                        "tidak dimuat; perluasannya tidak tampil.")
                for ext in self.extensions if ext.chapter not in self._own]

    def _failed(self, info: PluginInfo, problem: str) -> None:
        info.status = "gagal"
        info.problem = problem
        self.problems.append(
            error("plugin.gagal", info.name, (), f"Plugin '{info.name}' {problem}")
        )

    # -- calling ---------------------------------------------------------------------------

    def call(self, hook_name: str, *, only: str | None = None, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call a hook through pluggy (so `tryfirst`, `trylast` and wrappers work), with each
        plugin's failure kept local (see `_guard`): one raising cannot stop the rest.

        Returns (plugin name, result) pairs in pluggy's call order, results that are None left
        out. A failure becomes a HookFailure and an error finding in `problems` naming the plugin
        and the hook; the plugin stays on for its other hooks and chapters.
        """
        if only is not None:
            others = [p for name, p in self.pm.list_name_plugin() if name != only]
            caller = self.pm.subset_hook_caller(hook_name, remove_plugins=others)
        else:
            caller = getattr(self.pm.hook, hook_name)
        previous = getattr(self._local, "origins", None)
        self._local.origins = origins = {}
        try:
            results = caller(**kwargs)
        except Exception as exc:  # a wrapper raised: pluggy abandons the whole call
            wrappers = sorted({impl.plugin_name for impl in caller.get_hookimpls()
                               if impl.hookwrapper or impl.wrapper})
            self._hook_failed(", ".join(wrappers) or "?", hook_name, exc,
                              getattr(kwargs.get("chapter"), "key", ""))
            return []
        finally:
            self._local.origins = previous
        return [(origins.get(id(result), ""), result) for result in results if result is not None]

    def disable(self, name: str, problem: str) -> None:
        """Switch a plugin off for the session (its chapters go with it)."""
        info = self.infos.setdefault(name, PluginInfo(name, "?"))
        self._failed(info, problem)
        if self.pm.get_plugin(name) is not None:
            self.pm.unregister(name=name)
        for key in [k for k, c in self._own.items() if c.plugin == name]:
            del self._own[key]
        self.extensions = [e for e in self.extensions if e.plugin != name]
        self._extend()

    # -- views of the registry -------------------------------------------------------------

    def ordered_chapters(self) -> list[Chapter]:
        return sorted(self.chapters.values(), key=lambda c: (c.order, c.key))

    def konteks(self, data: dict, path: Path | None = None) -> Konteks:
        return Konteks.dari_data(data, self.chapters, path)

    def unclaimed_findings(self, data: dict) -> list[Finding]:
        """A warning for each top-level table of the file that no loaded chapter owns: its data
        is neither checked nor printed, and the user must hear so and why (a plugin not allowed,
        failed, or never installed). The data itself is left as it is.

        A plugin the user switched off (LAKIP_LOAD_PLUGINS / LAKIP_DISABLE_PLUGINS) is the
        user's own choice: a table that is, or may be, its own is not reported."""
        out = []
        held = [i for i in self.infos.values() if i.status not in ("aktif", "dinonaktifkan")]
        switched = any(i.status == "dinonaktifkan" for i in self.infos.values())
        for key, value in data.items():
            if key in CORE_SECTIONS or key in self.chapters or not isinstance(value, (dict, list)):
                continue
            owner = self.infos.get(key)
            if owner is not None and owner.status == "dinonaktifkan":
                continue
            if owner is not None and owner.status != "aktif":
                why = f"plugin '{owner.name}' tidak dimuat ({owner.status})"
            elif held:
                names = ", ".join(f"'{i.name}' ({i.status})" for i in held)
                why = f"tidak ada plugin aktif yang memiliki bab '{key}'; tidak dimuat: {names}"
            elif switched:
                continue
            else:
                why = f"tidak ada plugin terpasang yang memiliki bab '{key}'"
            out.append(warning(
                "plugin.bagian-tanpa-plugin", "umum", (key,),
                f"Bagian [{key}] tidak diperiksa dan tidak dicetak: {why}. Datanya tetap "
                "utuh di berkas."))
        return out

    def plugin_files(self, data: dict, project_path: Path | None) -> list[Path]:
        """Single-file plugins named in the project's [plugins] table, relative to the file."""
        files = (data.get("plugins") or {}).get("files") or []
        base = project_path.parent if project_path else Path(".")
        return [base / f for f in files if isinstance(f, str)]


_ITERABLE_HOOKS = {"lakip_validate", "lakip_render", "lakip_summary", "lakip_data", "lakip_tahun_baru",
                   "lakip_lke"}


def _resolved(file: Path) -> str:
    try:
        return str(file.expanduser().resolve())
    except OSError:
        return str(file.absolute())


def load_registry(
    files: Iterable[str | os.PathLike] = (),
    *,
    data: dict | None = None,
    project_path: Path | None = None,
    env: Mapping[str, str] | None = None,
    store: Any = None,
) -> Registry:
    """Entry-point plugins, then the files named on the command line (the user's own choice),
    then those the project names (only when allowed, see `Registry.load_project_file`)."""
    registry = Registry()
    registry.load_entry_points(env)
    for file in files:
        registry.load_file(file)
    if data is not None:
        for file in registry.plugin_files(data, project_path):
            registry.load_project_file(file, env=env, store=store)
    return registry
