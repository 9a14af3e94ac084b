"""Paths into a project file: tuples of keys and list indexes, written `anggaran.program[0].pagu`."""

from __future__ import annotations

import re
from typing import Any, Iterator

Path = tuple[str | int, ...]

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def format_path(path: Path) -> str:
    """("anggaran", "program", 0, "pagu") -> "anggaran.program[0].pagu"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def parse_path(text: str) -> Path:
    """The inverse of format_path."""
    parts: list[str | int] = []
    for key, index in _PART.findall(text):
        parts.append(int(index) if index else key)
    return tuple(parts)


def get_in(data: Any, path: Path, default: Any = None) -> Any:
    """Follow `path` through dicts and lists; `default` where any step is missing."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def walk_rows(data: Any, path: Path) -> Iterator[tuple[Path, dict]]:
    """Each dict in the list at `path`, with its own path."""
    rows = get_in(data, path, [])
    if isinstance(rows, list):
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                yield (*path, index), row
