"""Change one value in a TOML file's text without re-rendering the file.

Most edits a planner makes replace one value (a realisasi, a pagu, a paragraph). For those, the
new file is the old text with just that value's characters replaced: no tomlkit document is built
(8-10x slower than tomllib to parse, and several times the file's size in memory), and every other
byte stays where it was. `Project.save` verifies the result with tomllib like any other save, and
falls back to tomlkit whenever a value cannot be found here (inside an inline table or an array,
for instance): this module answers None rather than guess.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# `key = value` on one line (no multi-line string or array starts): skipped whole unless its key
# is the one sought, so scanning a big file costs one regex match per line
_ONE_LINE = re.compile(r"[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*+(?!\"\"\"|'''|\[)[^\r\n]*")
_SCALARS = (str, int, float, bool)


class _NotHere(Exception):
    """The text has a shape this scanner does not follow; the caller falls back to tomlkit."""


def splice(text: str, path: Path, value: Any) -> str | None:
    """`text` with the value at `path` replaced by `value`, or None if it cannot be done safely."""
    if not isinstance(value, _SCALARS) or not path or not isinstance(path[-1], str):
        return None
    try:
        span = _find_value(text, path)
    except _NotHere:
        return None
    if span is None:
        return None
    start, end = span
    return text[:start] + _toml_scalar(value, multiline=text.startswith(('"""', "'''"), start)) \
        + text[end:]


# -- writing a value -----------------------------------------------------------------------------


def _toml_scalar(value: Any, *, multiline: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if any(c in text for c in ".en") else text + ".0"
    if multiline or "\n" in value:
        return '"""' + multiline_body(value) + '"""'
    return '"' + _escape(value, multiline=False) + '"'


def multiline_body(text: str) -> str:
    """What stands between the quotes of a \"\"\" block holding `text`: a line break first
    (TOML drops it, and the text then starts at the left margin), then the escaped text."""
    return "\n" + _escape(text, multiline=True)


def _escape(text: str, *, multiline: bool) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n" and multiline:
            out.append("\n")
        elif char == "\t":
            out.append("\t" if multiline else "\\t")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        else:
            out.append(char)
    return "".join(out)


# -- finding a value ---------------------------------------------------------------------------


def _find_value(text: str, target: Path) -> tuple[int, int] | None:
    """The span of the value at `target`: follows [table] and [[array]] headers, counting array
    elements, and skips over multi-line strings and arrays so that nothing inside them is read
    as a header or a key."""
    context: Path = ()
    aot_index: dict[Path, int] = {}  # current element of each array of tables, by its path
    pos, size = 0, len(text)
    while pos < size:
        pos = _skip_blank(text, pos)
        if pos >= size:
            break
        char = text[pos]
        if char in "\r\n":
            pos += 1
        elif char == "#":
            pos = _line_end(text, pos)
        elif text.startswith("[[", pos):
            keys, pos = _keys(text, pos + 2, "]]")
            array = _resolve(keys, aot_index)
            aot_index[array] = aot_index.get(array, -1) + 1
            context = (*array, aot_index[array])
            pos = _after_line(text, pos)
        elif char == "[":
            keys, pos = _keys(text, pos + 1, "]")
            context = _resolve(keys, aot_index)
            pos = _after_line(text, pos)
        else:
            line = _ONE_LINE.match(text, pos)
            if line and line.group(1) != target[-1]:
                pos = line.end()
                continue
            keys, pos = _keys(text, pos, "=")
            start = _skip_blank(text, pos)
            if (*context, *keys) == target:
                return start, _value_end(text, start)
            pos = _skip_value(text, start)
    return None


def _skip_value(text: str, pos: int) -> int:
    """Past a value that is not the one sought: only multi-line strings and arrays need reading
    (a single-line value ends with its line), which keeps a scan of a big file fast."""
    if text.startswith(('"""', "'''"), pos) or text.startswith("[", pos):
        return _after_line(text, _value_end(text, pos))
    return _line_end(text, pos)


def _resolve(keys: tuple[str, ...], aot_index: dict[Path, int]) -> Path:
    """Header keys to a data path: an array of tables on the way means its current element."""
    path: Path = ()
    for key in keys:
        path = (*path, key)
        if path in aot_index:
            path = (*path, aot_index[path])
    # the last key itself is the table (or the array) the header names, without an index
    return path if keys and path[-1] == keys[-1] else path[:-1]


def _keys(text: str, pos: int, closer: str) -> tuple[tuple[str, ...], int]:
    """A dotted key up to `closer` ("=", "]" or "]]"); returns the keys and the position after."""
    keys = []
    while True:
        pos = _skip_blank(text, pos)
        if text.startswith(('"', "'"), pos):
            end = _string_end(text, pos)
            raw = text[pos:end]
            if raw.startswith(('"""', "'''")):
                raise _NotHere
            keys.append(tomllib.loads(f"k = {raw}")["k"])
            pos = end
        else:
            match = _BARE_KEY.match(text, pos)
            if not match:
                raise _NotHere
            keys.append(match.group())
            pos = match.end()
        pos = _skip_blank(text, pos)
        if text.startswith(".", pos):
            pos += 1
            continue
        if text.startswith(closer, pos):
            return tuple(keys), pos + len(closer)
        raise _NotHere


def _value_end(text: str, pos: int) -> int:
    """Where the value starting at `pos` ends (before trailing blanks and a comment)."""
    depth = 0
    end = pos
    size = len(text)
    while pos < size:
        char = text[pos]
        if char in "\"'":
            pos = _string_end(text, pos)
            end = pos
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == "#":
            if depth == 0:
                break
            pos = _line_end(text, pos)
            continue
        elif char in "\r\n":
            if depth == 0:
                break
            pos += 1
            continue
        if char not in " \t":
            end = pos + 1
        pos += 1
    if depth != 0:
        raise _NotHere
    return end


def _string_end(text: str, pos: int) -> int:
    """The position just after the string literal that starts at `pos`."""
    for quote in ('"""', "'''"):
        if text.startswith(quote, pos):
            close = pos + 3
            while True:
                close = text.find(quote, close)
                if close < 0:
                    raise _NotHere
                if quote == '"""' and _escaped(text, close):
                    close += 1
                    continue
                # up to two more quotes right before the delimiter belong to the string
                while text.startswith(quote[0], close + 3):
                    close += 1
                return close + 3
    quote = text[pos]
    close = pos + 1
    while close < len(text):
        char = text[close]
        if char in "\r\n":
            raise _NotHere
        if char == "\\" and quote == '"':
            close += 2
            continue
        if char == quote:
            return close + 1
        close += 1
    raise _NotHere


def _escaped(text: str, pos: int) -> bool:
    backslashes = 0
    while pos - backslashes - 1 >= 0 and text[pos - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _after_line(text: str, pos: int) -> int:
    """Past what is left of the line: blanks and a comment are allowed, anything else is not."""
    pos = _skip_blank(text, pos)
    if pos < len(text) and text[pos] == "#":
        pos = _line_end(text, pos)
    if pos < len(text) and text[pos] not in "\r\n":
        raise _NotHere
    return pos
