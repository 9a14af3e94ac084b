"""Where a path into the project file is written: its line and column in the TOML text.

A finding names a path (("anggaran", "program", 6, "kegiatan", 0, "kode")); a reviewer's
editor wants `baris:kolom`. One pass over a text that tomllib has already accepted records the
position of every table header, key, array element and inline-table key under its path; a path
that is not written itself (a default, a key that is missing) is placed at its nearest written
ancestor. Positions are 1-based, the column counted in characters.
"""

from __future__ import annotations

import bisect
import re

from .paths import Path

Letak = tuple[int, int]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
_INLINE_BLANK = re.compile(r"[ \t]*")
_SCALAR_END = re.compile(r"[,\]}\n#]")


class _Rusak(Exception):
    """A shape this scanner does not follow; what was mapped so far is kept."""


class PetaLetak:
    """Positions of the paths written in one TOML text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self._offsets: dict[Path, int] = {}
        self._aot: dict[Path, int] = {}  # array-of-tables path -> elements seen so far
        try:
            self._document()
        except (_Rusak, IndexError):
            pass

    def letak(self, path: Path) -> Letak | None:
        """(line, column) of `path`, or of its nearest ancestor written in the text."""
        for end in range(len(path), 0, -1):
            offset = self._offsets.get(tuple(path[:end]))
            if offset is not None:
                line = bisect.bisect_right(self._lines, offset) - 1
                return line + 1, offset - self._lines[line] + 1
        return None

    # -- the document ---------------------------------------------------------------------

    def _record(self, path: Path, offset: int) -> None:
        self._offsets.setdefault(path, offset)

    def _document(self) -> None:
        text, pos, table = self._text, 0, ()
        if text.startswith("\ufeff"):
            pos = 1
        while True:
            pos = _BLANK.match(text, pos).end()
            if pos >= len(text):
                return
            if text[pos] == "[":
                table, pos = self._header(pos)
                continue
            start = pos
            keys, pos = self._keys(pos, "=")
            path = table + keys
            self._record(path, start)
            pos = self._value(_INLINE_BLANK.match(text, pos + 1).end(), path)

    def _header(self, pos: int) -> tuple[Path, int]:
        double = self._text.startswith("[[", pos)
        keys, end = self._keys(pos + (2 if double else 1), "]")
        if double:
            if not self._text.startswith("]]", end):
                raise _Rusak
            end += 2
            parent = self._resolve(keys[:-1])
            aot = (*parent, keys[-1])
            self._record(aot, pos)
            index = self._aot.get(aot, 0)
            self._aot[aot] = index + 1
            table = (*aot, index)
        else:
            end += 1
            table = self._resolve(keys)
        self._record(table, pos)
        return table, end

    def _resolve(self, keys: tuple[str, ...]) -> Path:
        """Keys of a header, with the latest element of each array of tables on the way."""
        path: Path = ()
        for key in keys:
            path = (*path, key)
            if path in self._aot:
                path = (*path, self._aot[path] - 1)
        return path

    def _keys(self, pos: int, closer: str) -> tuple[tuple[str, ...], int]:
        text, keys = self._text, []
        while True:
            pos = _INLINE_BLANK.match(text, pos).end()
            char = text[pos]
            if char == '"':
                end = self._basic_end(pos)
                keys.append(_unescape(text[pos + 1:end - 1]))
            elif char == "'":
                end = text.index("'", pos + 1) + 1
                keys.append(text[pos + 1:end - 1])
            else:
                match = _BARE.match(text, pos)
                if not match:
                    raise _Rusak
                end = match.end()
                keys.append(match.group())
            pos = _INLINE_BLANK.match(text, end).end()
            if text[pos] == ".":
                pos += 1
                continue
            if text[pos] != closer:
                raise _Rusak
            return tuple(keys), pos

    # -- values -----------------------------------------------------------------------------

    def _value(self, pos: int, path: Path) -> int:
        text = self._text
        if text.startswith('"""', pos):
            return self._multiline_end(pos, '"""')
        if text.startswith("'''", pos):
            return self._multiline_end(pos, "'''")
        char = text[pos]
        if char == '"':
            return self._basic_end(pos)
        if char == "'":
            return text.index("'", pos + 1) + 1
        if char == "[":
            return self._array(pos + 1, path)
        if char == "{":
            return self._inline_table(pos + 1, path)
        match = _SCALAR_END.search(text, pos)
        return match.start() if match else len(text)

    def _array(self, pos: int, path: Path) -> int:
        text, index = self._text, 0
        while True:
            pos = _BLANK.match(text, pos).end()
            if text[pos] == "]":
                return pos + 1
            self._record((*path, index), pos)
            pos = _BLANK.match(text, self._value(pos, (*path, index))).end()
            if text[pos] == ",":
                pos, index = pos + 1, index + 1
            elif text[pos] != "]":
                raise _Rusak

    def _inline_table(self, pos: int, path: Path) -> int:
        text = self._text
        while True:
            pos = _BLANK.match(text, pos).end()
            if text[pos] == "}":
                return pos + 1
            start = pos
            keys, pos = self._keys(pos, "=")
            self._record((*path, *keys), start)
            pos = _BLANK.match(text, self._value(_INLINE_BLANK.match(text, pos + 1).end(),
                                                 (*path, *keys))).end()
            if text[pos] == ",":
                pos += 1
            elif text[pos] != "}":
                raise _Rusak

    def _basic_end(self, pos: int) -> int:
        """End (after the quote) of a one-line basic string starting at `pos`."""
        text, i = self._text, pos + 1
        while True:
            i = text.index('"', i)
            if not _escaped(text, i):
                return i + 1
            i += 1

    def _multiline_end(self, pos: int, quotes: str) -> int:
        text, i = self._text, pos + 3
        while True:
            i = text.index(quotes, i)
            if quotes == "'''" or not _escaped(text, i):
                end = i + 3
                # up to two quotes of the content may stand right before the closing three
                while end < len(text) and text[end] == quotes[0] and end - i < 5:
                    end += 1
                return end
            i += 1


def _escaped(text: str, i: int) -> bool:
    backslashes = 0
    while i - backslashes - 1 >= 0 and text[i - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _unescape(raw: str) -> str:
    import tomllib

    return tomllib.loads(f'k = "{raw}"')["k"]
