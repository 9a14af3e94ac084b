"""The report as plain text, drawn by Rich at a fixed width (also the basis of the SVG export).

Tables go through the fast box-drawing writer in `kotak`; every other block draws itself through
its own __rich__ (report.py), exactly as in the TUI preview. No colour and no control codes: the
file is what a printer or `less` shows, and no line is wider than the chosen width.
"""

from __future__ import annotations

import io
from typing import Any, Iterator

from ..dokumen import BabLaporan, Document, Section
from ..terminal import renderable as blok, section_renderables
from .kotak import Kotak, tata_letak


def konsol(width: int, *, record: bool = False) -> Any:
    """A Rich Console that writes plain text of exactly `width` columns into memory."""
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, record=record, color_system=None,
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
    """The report as plain text. Table lines are written straight to the output, past Rich:
    they are already laid out to the width, and Rich's segment handling of a 20.000-row table
    would cost more than laying it out."""
    console = konsol(width)
    out = console.file
    for item in renderables(document):
        if isinstance(item, Kotak):
            out.write("".join(f"{line}\n" for line, _ in tata_letak(item.tabel, width)))
        else:
            console.print(item)  # an unbuffered print is in `out` when it returns
    return rapikan(out.getvalue())
