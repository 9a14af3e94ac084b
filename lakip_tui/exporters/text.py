"""The report as plain text at a fixed width (also the basis of the SVG export, drawn by Rich).

`renderables` lays the report out as the small renderables of `terminal.py`; Rich draws them for
the SVG export and the TUI preview. The txt export writes the same lines without Rich: tables
through the box-drawing writer in `box_table`, text, titles, lists and signatures through `_plain`,
which writes what Rich would (tests/test_export.py compares both); only what it does not know (a
plugin's Raw block, text that is not plain ASCII) is printed by Rich, in its place. No colour and
no control codes: the file is what a printer or `less` shows, and no line is wider than the width.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator

from ..dokumen import BabLaporan, Document, Section
from ..terminal import (Daftar, Garis, Menjorok, Pasangan, TandaTangan, Teks, Tengah,
                        renderable as block_renderable, section_renderables)
from .box_table import BoxTable, layout


def plain_console(width: int, *, record: bool = False, file: io.StringIO | None = None) -> Any:
    """A Rich Console that writes plain text of exactly `width` columns into memory."""
    from rich.console import Console

    return Console(file=file or io.StringIO(), width=width, record=record, color_system=None,
                   force_terminal=False, force_jupyter=False, force_interactive=False,
                   legacy_windows=False, emoji=False, markup=False, highlight=False,
                   soft_wrap=False)


def _page_turn() -> Iterator[Any]:
    """Where a printed report turns the page: a double rule across the width."""
    yield Teks("")
    yield Garis("═")
    yield Teks("")


def renderables(document: Document) -> Iterator[Any]:
    """The whole report, top to bottom: cover, kata pengantar, daftar isi, chapters, lampiran."""
    lines = document.sampul.baris()
    yield Teks("\n\n")
    for i, line in enumerate(lines):
        yield Tengah(line)
        yield Teks("\n\n" if i == 0 else "")
    for section in document.pengantar:
        yield from _page_turn()
        if section.title:  # the foreword's title is centred like a chapter's
            yield Tengah(section.title.upper())
            yield Teks("")
        yield from section_renderables(replace_title(section, ""))
    if document.daftar_isi:
        yield from _page_turn()
        yield Tengah("DAFTAR ISI")
        yield Teks("")
        for entry in document.daftar_isi:
            if entry.tingkat <= 1:
                yield Teks(entry.teks, "bold")
            else:
                yield Menjorok(entry.teks, 4)
    for chapter in document.bab:
        yield from _page_turn()
        yield from chapter_renderables(chapter)


def chapter_renderables(chapter: BabLaporan) -> Iterator[Any]:
    yield Tengah(chapter.judul)
    yield Teks("")
    for section in chapter.sections:
        yield from section_renderables(section)


def replace_title(section: Section, title: str) -> Section:
    from dataclasses import replace

    return replace(section, title=title)


def printed_console(renderable_list: Any, width: int, *, record: bool = False) -> Any:
    """A console with the renderables printed on it (for text and SVG export)."""
    console = plain_console(width, record=record)
    for item in renderable_list:
        console.print(item)
    return console


def tidy(text: str) -> str:
    """No trailing spaces, no trailing blank lines, one final newline."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n") + "\n"


def plain_text(renderable: Any, width: int) -> str:
    """One renderable as plain text (Raw blocks in the Markdown and HTML exports)."""
    return tidy(printed_console([renderable], width).file.getvalue())


def render(document: Document, *, width: int = 100) -> str:
    """The report as plain text. Tables, text and lists are written straight to the output,
    past Rich, as the very lines Rich would print (`_plain`): one `console.print` costs about
    0,3 ms of Rich's segment handling, a table of 20.000 rows far more than laying it out.
    Anything else (a plugin's Raw block, centred titles, rules) is printed by Rich into the
    same buffer, in order."""
    tidied: list[str] = []  # the report so far, tidied as `tidy` tidies it
    out = io.StringIO()  # what follows it, to be tidied
    console = None
    for item in renderables(document):
        if isinstance(item, BoxTable):
            table = "".join([f"{line}\n" for line, _ in layout(item.table, width)])
            if _no_other_breaks(table):  # most of a long report: tidy as it is (3 MB on city)
                tidied.append(_tidy_lines(out.getvalue()))
                tidied.append(table)
                out = io.StringIO()
                console = None  # it wrote into the old buffer
            else:
                out.write(table)
            continue
        lines = _plain(item, width)
        if lines is not None:
            out.write("".join(f"{line}\n" for line in lines))
            continue
        if console is None:
            console = plain_console(width, file=out)
        console.print(item)  # an unbuffered print is in `out` when it returns
    tidied.append(_tidy_lines(out.getvalue()))
    return "".join(tidied).rstrip("\n") + "\n"


# Where str.splitlines breaks a line besides "\n": tidy would break a table's line there.
_OTHER_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _no_other_breaks(table: str) -> bool:
    """True when `tidy` would leave the lines of a table from `layout` as they are: they
    never end in whitespace (a border, or a caption and source line already stripped), so only
    a character that splitlines takes for a line break could change them. One `in` per
    character is a fast scan (a regex over the 2,5 MB of Tabel 3.7 costs 8 ms)."""
    return not any(brk in table for brk in _OTHER_BREAKS)


def _tidy_lines(text: str) -> str:
    """`tidy` of one part of the report, every line ended by a newline (the parts are joined
    and the end of the whole is tidied once)."""
    return "".join([f"{line.rstrip()}\n" for line in text.splitlines()])


# -- the lines Rich would print, without Rich ------------------------------------------------
# Only for what is common and simple (ASCII text without tabs or control characters); the rest
# returns None and goes through Rich. Lines may keep trailing spaces: `tidy` removes them, as
# it does from Rich's. tests/test_export.py compares both on many texts and widths.

_CONTROL = re.compile(r"[^\x0a\x20-\x7e]")  # anything but printable ASCII and the newline


def _plain(item: Any, width: int) -> list[str] | None:
    """The lines `console.print(item)` writes at `width`, or None when Rich must draw it."""
    kind = type(item)
    if kind is Teks:
        return _wrap(item.teks, width)
    if kind is Tengah:
        return _centred([item.teks], width, "center")
    if kind is Menjorok:
        wrapped = _wrap(item.teks, width - item.kiri)
        return None if wrapped is None else [" " * item.kiri + b for b in wrapped]
    if kind is Garis:  # characters Rich counts one column wide
        return [item.huruf * width] if item.huruf in ("═", "─", "=", "-") else None
    if kind is TandaTangan:
        return _centred(item.block.lines(), width, "right")
    if kind is Pasangan:
        return _pair(item.block, width)
    if kind is Daftar:
        return _list(item.block, width)
    return None


def _centred(lines: list[str], width: int, align: str) -> list[str] | None:
    """`Align.center` (or `.right`) of `Text("\\n".join(lines), justify="center")`: the lines
    centred on the longest, and that block centred (or put at the right edge) in the width."""
    if not all(type(b) is str and _plain_line(b) for b in lines):
        return None
    widest = max(map(len, lines), default=0)
    if not 0 < widest <= width:
        return None
    spare = width - widest
    left = " " * (spare // 2 if align == "center" else spare)
    out = []
    for b in lines:
        text = b.rstrip()
        out.append(left + " " * ((widest - len(text)) // 2) + text)
    return out


def _pair(block: Any, width: int) -> list[str] | None:
    """`terminal._pair`: two columns of half the width each (the left one takes the odd
    column), each block's lines centred in its own column, the shorter block padded below."""
    left_w = -(-width // 2)
    columns = []
    for signature, w in ((block.kiri, left_w), (block.kanan, width - left_w)):
        lines = signature.lines()
        if not all(type(b) is str and _plain_line(b) and len(b) <= w for b in lines):
            return None
        columns.append([(" " * ((w - len(b.rstrip())) // 2) + b.rstrip()).ljust(w) for b in lines])
    left, right = columns
    height = max(len(left), len(right))
    left += [" " * left_w] * (height - len(left))
    right += [""] * (height - len(right))
    return [a + b for a, b in zip(left, right)]


def _plain_line(line: str) -> bool:
    """One line of printable ASCII."""
    return line.isascii() and _CONTROL.search(line) is None and "\n" not in line


def _wrap(text: str, width: int) -> list[str] | None:
    """`Text(text)` wrapped at `width` as Rich wraps it (`_line_breaks`: words with the spaces after
    them, a word wider than the line folded), or None when `text` is not plain."""
    if not text.isascii() or _CONTROL.search(text) is not None or width < 1:
        return None
    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        cuts = [0, *_line_breaks(line, width), len(line)]
        lines.extend(line[a:b][:width] for a, b in zip(cuts, cuts[1:]))
    return lines


_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as rich._wrap has it


def _line_breaks(text: str, width: int) -> list[int]:
    """`rich._wrap.divide_line(text, width, fold=True)` for ASCII text (one column a
    character): where the line breaks, a word wider than the line folded every `width`."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start = match.start()
        word = match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            pieces = [word[i:i + width] for i in range(0, len(word), width)]
            for i, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if i == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _list(block: Any, width: int) -> list[str] | None:
    """A ListBlock as `terminal._list`'s grid prints it: the labels in a column as wide as the
    longest, one space, then the item folded in the rest of the width."""
    items = block.items
    if not all(type(i) is str for i in items):
        return None
    if not block.marker:
        wrapped = [_wrap(i, width) for i in items]
        if any(k is None for k in wrapped):
            return None
        return [b for k in wrapped for b in k]
    labels = block.labels()
    if not all(label.isascii() and _CONTROL.search(label) is None for label in labels):
        return None
    left = max((len(label) for label in labels), default=0) + 1  # the label and one space
    longest = max((len(b) for i in items for b in i.split("\n")), default=0)
    right = min(longest, width - left)  # the item column gives way when the grid is too wide
    if right < 2:
        return None
    lines = []
    for label, item in zip(labels, items):
        folded = _wrap(item, right)
        if folded is None:
            return None
        lines.append(label.ljust(left) + folded[0])
        lines.extend(" " * left + b for b in folded[1:])
    return lines
