"""The report as plain text, drawn by Rich at a fixed width (also the basis of the SVG export).

Tables go through the fast box-drawing writer in `kotak`; every other block draws itself through
its own __rich__ (report.py), exactly as in the TUI preview. No colour and no control codes: the
file is what a printer or `less` shows, and no line is wider than the chosen width.
"""

from __future__ import annotations

import io
import re
from typing import Any, Iterator

from ..dokumen import BabLaporan, Document, Section
from ..terminal import Daftar, renderable as blok, section_renderables
from .kotak import Kotak, tata_letak


def konsol(width: int, *, record: bool = False, file: io.StringIO | None = None) -> Any:
    """A Rich Console that writes plain text of exactly `width` columns into memory."""
    from rich.console import Console

    return Console(file=file or io.StringIO(), width=width, record=record, color_system=None,
                   force_terminal=False, force_jupyter=False, force_interactive=False,
                   legacy_windows=False, emoji=False, markup=False, highlight=False,
                   soft_wrap=False)


def _judul_tengah(teks: str) -> Any:
    from rich.align import Align
    from rich.text import Text

    return Align.center(Text(teks, style="bold", justify="center"))


def _halaman_baru() -> Iterator[Any]:
    """Where a printed report turns the page: a double rule across the width."""
    from rich.rule import Rule
    from rich.text import Text

    yield Text("")
    yield Rule(characters="═", style="none")
    yield Text("")


def renderables(document: Document) -> Iterator[Any]:
    """The whole report, top to bottom: cover, kata pengantar, daftar isi, chapters, lampiran."""
    from rich.padding import Padding
    from rich.text import Text

    baris = document.sampul.baris()
    yield Text("\n\n")
    for i, teks in enumerate(baris):
        yield _judul_tengah(teks)
        yield Text("\n\n" if i == 0 else "")
    for section in document.pengantar:
        yield from _halaman_baru()
        if section.title:  # the foreword's title is centred like a chapter's
            yield _judul_tengah(section.title.upper())
            yield Text("")
        yield from section_renderables(replace_title(section, ""))
    if document.daftar_isi:
        yield from _halaman_baru()
        yield _judul_tengah("DAFTAR ISI")
        yield Text("")
        for entri in document.daftar_isi:
            if entri.tingkat <= 1:
                yield Text(entri.teks, style="bold")
            else:
                yield Padding(Text(entri.teks), (0, 0, 0, 4))
    for bab in document.bab:
        yield from _halaman_baru()
        yield from bab_renderables(bab)


def bab_renderables(bab: BabLaporan) -> Iterator[Any]:
    from rich.text import Text

    yield _judul_tengah(bab.judul)
    yield Text("")
    for section in bab.sections:
        yield from section_renderables(section)


def replace_title(section: Section, title: str) -> Section:
    from dataclasses import replace

    return replace(section, title=title)


def cetak(renderable_list: Any, width: int, *, record: bool = False) -> Any:
    """A console with the renderables printed on it (for text and SVG export)."""
    console = konsol(width, record=record)
    for item in renderable_list:
        console.print(item)
    return console


def rapikan(text: str) -> str:
    """No trailing spaces, no trailing blank lines, one final newline."""
    return "\n".join(line.rstrip() for line in text.splitlines()).rstrip("\n") + "\n"


def teks_polos(renderable: Any, width: int) -> str:
    """One renderable as plain text (Raw blocks in the Markdown and HTML exports)."""
    return rapikan(cetak([renderable], width).file.getvalue())


def render(document: Document, *, width: int = 100) -> str:
    """The report as plain text. Tables, text and lists are written straight to the output,
    past Rich, as the very lines Rich would print (`_polos`): one `console.print` costs about
    0,3 ms of Rich's segment handling, a table of 20.000 rows far more than laying it out.
    Anything else (a plugin's Raw block, centred titles, rules) is printed by Rich into the
    same buffer, in order."""
    out = io.StringIO()
    console = None
    for item in renderables(document):
        if isinstance(item, Kotak):
            out.write("".join(f"{line}\n" for line, _ in tata_letak(item.tabel, width)))
            continue
        lines = _polos(item, width)
        if lines is not None:
            out.write("".join(f"{line}\n" for line in lines))
            continue
        if console is None:
            console = konsol(width, file=out)
        console.print(item)  # an unbuffered print is in `out` when it returns
    return rapikan(out.getvalue())


# -- the lines Rich would print, without Rich ------------------------------------------------
# Only for what is common and simple (ASCII text without tabs or control characters); the rest
# returns None and goes through Rich. Lines may keep trailing spaces: `rapikan` removes them, as
# it does from Rich's. tests/test_export.py compares both on many texts and widths.

_KENDALI = re.compile(r"[^\x0a\x20-\x7e]")  # anything but printable ASCII and the newline


def _polos(item: Any, width: int) -> list[str] | None:
    """The lines `console.print(item)` writes at `width`, or None when Rich must draw it."""
    from rich.text import Text

    if type(item) is Text:
        if (item.no_wrap or item.overflow not in (None, "fold") or item.end != "\n"
                or item.justify not in (None, "default", "left")):
            return None
        return _bungkus(item.plain, width)
    if isinstance(item, Daftar):
        return _daftar(item.block, width)
    return None


def _bungkus(teks: str, width: int) -> list[str] | None:
    """`Text(teks)` wrapped at `width` as Rich wraps it (its own `divide_line`: words with the
    spaces after them, a word wider than the line folded), or None when `teks` is not plain."""
    if not teks.isascii() or _KENDALI.search(teks) is not None or width < 1:
        return None
    lines = []
    for baris in teks.split("\n"):
        if len(baris) <= width:
            lines.append(baris)
            continue
        from rich._wrap import divide_line

        cuts = [0, *divide_line(baris, width, fold=True), len(baris)]
        lines.extend(baris[a:b][:width] for a, b in zip(cuts, cuts[1:]))
    return lines


def _daftar(block: Any, width: int) -> list[str] | None:
    """A ListBlock as `terminal._list`'s grid prints it: the labels in a column as wide as the
    longest, one space, then the item folded in the rest of the width."""
    items = block.items
    if not all(type(i) is str for i in items):
        return None
    if not block.marker:
        kolom = [_bungkus(i, width) for i in items]
        if any(k is None for k in kolom):
            return None
        return [b for k in kolom for b in k]
    labels = block.labels()
    if not all(label.isascii() and _KENDALI.search(label) is None for label in labels):
        return None
    kiri = max((len(label) for label in labels), default=0) + 1  # the label and one space
    terpanjang = max((len(b) for i in items for b in i.split("\n")), default=0)
    kanan = min(terpanjang, width - kiri)  # the item column gives way when the grid is too wide
    if kanan < 2:
        return None
    lines = []
    for label, item in zip(labels, items):
        isi = _bungkus(item, kanan)
        if isi is None:
            return None
        lines.append(label.ljust(kiri) + isi[0])
        lines.extend(" " * kiri + b for b in isi[1:])
    return lines
