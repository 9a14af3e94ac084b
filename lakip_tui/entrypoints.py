"""The installed plugins of an entry-point group, read straight from the packages' metadata.

`importlib.metadata` answers the same question but costs 10-11 ms of every start (its import
pulls in email, zipfile and csv, and it builds a Distribution per installed package), which is a
fifth of what the editor's first screen may add to Python's own start. The metadata of a package
on a folder of sys.path is a `*.dist-info` (or `*.egg-info`) folder with an `entry_points.txt`
in INI form; that is all this reads. Anything it does not know how to read (a zip on sys.path)
sends the whole question back to `importlib.metadata`, so the answer is never a partial one.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import Any, Iterable

_METADATA_FOLDERS = (".dist-info", ".egg-info")


class EntryPoint:
    """One line of a group: `name = value`, and the version of the package that declares it."""

    __slots__ = ("name", "value", "version", "package")

    def __init__(self, name: str, value: str, version: str, package: str = "") -> None:
        self.name = name
        self.value = value  # "package.module" or "package.module:object.attribute"
        self.version = version
        self.package = package  # the distribution declaring it, PEP 503 normalised

    def __repr__(self) -> str:
        return f"EntryPoint({self.name!r}, {self.value!r}, {self.version!r})"

    def load(self) -> Any:
        module_name, _, attribute = self.value.partition(":")
        target = import_module(module_name.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            target = getattr(target, part)
        return target


def entry_points(group: str, paths: Iterable[str] | None = None) -> list[EntryPoint]:
    """The group's entry points, the first package of a name on sys.path winning, as Python's
    import would pick it."""
    folders = list(sys.path if paths is None else paths)
    if any(os.path.isfile(folder) for folder in folders if folder):
        return _from_importlib(group)
    found: dict[str, EntryPoint] = {}
    seen_packages: set[str] = set()
    for folder in folders:
        for meta in _metadata_folders(folder or "."):
            package = _package_name(meta)
            if package in seen_packages:
                continue
            seen_packages.add(package)
            for name, value in _group_lines(meta, group):
                found.setdefault(name, EntryPoint(name, value, _version(meta), package))
    return list(found.values())


def _metadata_folders(folder: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(_METADATA_FOLDERS))
    except OSError:  # a sys.path entry that is not a readable folder (a path hook's name)
        return []
    return [os.path.join(folder, name) for name in names]


def _package_name(meta: str) -> str:
    """"Lakip_TUI-0.1.0.dist-info" -> "lakip-tui" (PEP 503 normalised, version dropped)."""
    stem = os.path.basename(meta).rsplit(".", 1)[0]
    name = stem.split("-", 1)[0]
    return name.lower().replace("_", "-").replace(".", "-")


def _group_lines(meta: str, group: str) -> list[tuple[str, str]]:
    try:
        with open(os.path.join(meta, "entry_points.txt"), encoding="utf-8") as file:
            text = file.read()
    except OSError:
        return []
    lines: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            value = value.split("[", 1)[0]  # extras ("mod:obj [extra]") do not change the target
            lines.append((name.strip(), value.strip()))
    return lines


def _version(meta: str) -> str:
    header = "METADATA" if meta.endswith(".dist-info") else "PKG-INFO"
    try:
        with open(os.path.join(meta, header), encoding="utf-8") as file:
            for line in file:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():
                    break  # the headers end at the first blank line
    except OSError:
        pass
    return ""


def _from_importlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    return [EntryPoint(ep.name, ep.value, ep.dist.version if ep.dist else "",
                       _normalise(ep.dist.name) if ep.dist else "")
            for ep in metadata.entry_points(group=group)]


def _normalise(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")
