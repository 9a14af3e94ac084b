"""The report as plain text at a fixed width (also the basis of the SVG export, drawn by Rich).

`renderables` lays the report out as the small renderables of `terminal.py`; Rich draws them for
the SVG export and the TUI preview. The txt export writes the same lines without Rich: tables
through the box-drawing writer in `box_table`, text, titles, lists and signatures through `_polos`,
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
                        renderable as blok, section_renderables)
from .box_table import BoxTable, layout


def konsol(width: int, *, record: bool = False, file: io.StringIO | None = None) -> Any:
    """A Rich Console that writes plain text of exactly `width` columns into memory."""
    from rich.console import Console

    return Console(file=file or io.StringIO(), width=width, record=record, color_system=None,
                   force_terminal=False, force_jupyter=False, force_interactive=False,
                   legacy_windows=False, emoji=False, markup=False, highlight=False,
                   soft_wrap=False)


def _halaman_baru() -> Iterator[Any]:
    """Where a printed report turns the page: a double rule across the width."""
    yield Teks("")
    yield Garis("═")
    yield Teks("")


def renderables(document: Document) -> Iterator[Any]:
    """The whole report, top to bottom: cover, kata pengantar, daftar isi, chapters, lampiran."""
    baris = document.sampul.baris()
    yield Teks("\n\n")
    for i, teks in enumerate(baris):
        yield Tengah(teks)
        yield Teks("\n\n" if i == 0 else "")
    for section in document.pengantar:
        yield from _halaman_baru()
        if section.title:  # the foreword's title is centred like a chapter's
            yield Tengah(section.title.upper())
            yield Teks("")
        yield from section_renderables(replace_title(section, ""))
    if document.daftar_isi:
        yield from _halaman_baru()
        yield Tengah("DAFTAR ISI")
        yield Teks("")
        for entri in document.daftar_isi:
            if entri.tingkat <= 1:
                yield Teks(entri.teks, "bold")
            else:
                yield Menjorok(entri.teks, 4)
    for bab in document.bab:
        yield from _halaman_baru()
        yield from bab_renderables(bab)


def bab_renderables(bab: BabLaporan) -> Iterator[Any]:
    yield Tengah(bab.judul)
    yield Teks("")
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
    rapi: list[str] = []  # the report so far, tidied as `rapikan` tidies it
    out = io.StringIO()  # what follows it, to be tidied
    console = None
    for item in renderables(document):
        if isinstance(item, BoxTable):
            tabel = "".join([f"{line}\n" for line, _ in layout(item.table, width)])
            if _tanpa_pemisah(tabel):  # most of a long report: tidy as it is (3 MB on city)
                rapi.append(_rapikan_baris(out.getvalue()))
                rapi.append(tabel)
                out = io.StringIO()
                console = None  # it wrote into the old buffer
            else:
                out.write(tabel)
            continue
        lines = _polos(item, width)
        if lines is not None:
            out.write("".join(f"{line}\n" for line in lines))
            continue
        if console is None:
            console = konsol(width, file=out)
        console.print(item)  # an unbuffered print is in `out` when it returns
    rapi.append(_rapikan_baris(out.getvalue()))
    return "".join(rapi).rstrip("\n") + "\n"


# Where str.splitlines breaks a line besides "\n": rapikan would break a table's line there.
_PEMISAH_LAIN = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _tanpa_pemisah(tabel: str) -> bool:
    """True when `rapikan` would leave the lines of a table from `layout` as they are: they
    never end in whitespace (a border, or a caption and source line already stripped), so only
    a character that splitlines takes for a line break could change them. One `in` per
    character is a fast scan (a regex over the 2,5 MB of Tabel 3.7 costs 8 ms)."""
    return not any(pemisah in tabel for pemisah in _PEMISAH_LAIN)


def _rapikan_baris(text: str) -> str:
    """`rapikan` of one part of the report, every line ended by a newline (the parts are joined
    and the end of the whole is tidied once)."""
    return "".join([f"{line.rstrip()}\n" for line in text.splitlines()])


# -- the lines Rich would print, without Rich ------------------------------------------------
# Only for what is common and simple (ASCII text without tabs or control characters); the rest
# returns None and goes through Rich. Lines may keep trailing spaces: `rapikan` removes them, as
# it does from Rich's. tests/test_export.py compares both on many texts and widths.

_KENDALI = re.compile(r"[^\x0a\x20-\x7e]")  # anything but printable ASCII and the newline


def _polos(item: Any, width: int) -> list[str] | None:
    """The lines `console.print(item)` writes at `width`, or None when Rich must draw it."""
    kind = type(item)
    if kind is Teks:
        return _bungkus(item.teks, width)
    if kind is Tengah:
        return _tengah([item.teks], width, "center")
    if kind is Menjorok:
        isi = _bungkus(item.teks, width - item.kiri)
        return None if isi is None else [" " * item.kiri + b for b in isi]
    if kind is Garis:  # characters Rich counts one column wide
        return [item.huruf * width] if item.huruf in ("═", "─", "=", "-") else None
    if kind is TandaTangan:
        return _tengah(item.block.lines(), width, "right")
    if kind is Pasangan:
        return _pasangan(item.block, width)
    if kind is Daftar:
        return _daftar(item.block, width)
    return None


def _tengah(baris: list[str], width: int, align: str) -> list[str] | None:
    """`Align.center` (or `.right`) of `Text("\\n".join(baris), justify="center")`: the lines
    centred on the longest, and that block centred (or put at the right edge) in the width."""
    if not all(type(b) is str and _polos_satu(b) for b in baris):
        return None
    lebar = max(map(len, baris), default=0)
    if not 0 < lebar <= width:
        return None
    sisa = width - lebar
    kiri = " " * (sisa // 2 if align == "center" else sisa)
    out = []
    for b in baris:
        isi = b.rstrip()
        out.append(kiri + " " * ((lebar - len(isi)) // 2) + isi)
    return out


def _pasangan(block: Any, width: int) -> list[str] | None:
    """`terminal._pair`: two columns of half the width each (the left one takes the odd
    column), each block's lines centred in its own column, the shorter block padded below."""
    kiri_w = -(-width // 2)
    kolom = []
    for tanda, w in ((block.kiri, kiri_w), (block.kanan, width - kiri_w)):
        baris = tanda.lines()
        if not all(type(b) is str and _polos_satu(b) and len(b) <= w for b in baris):
            return None
        kolom.append([(" " * ((w - len(b.rstrip())) // 2) + b.rstrip()).ljust(w) for b in baris])
    kiri, kanan = kolom
    tinggi = max(len(kiri), len(kanan))
    kiri += [" " * kiri_w] * (tinggi - len(kiri))
    kanan += [""] * (tinggi - len(kanan))
    return [a + b for a, b in zip(kiri, kanan)]


def _polos_satu(baris: str) -> bool:
    """One line of printable ASCII."""
    return baris.isascii() and _KENDALI.search(baris) is None and "\n" not in baris


def _bungkus(teks: str, width: int) -> list[str] | None:
    """`Text(teks)` wrapped at `width` as Rich wraps it (`_pecah`: words with the spaces after
    them, a word wider than the line folded), or None when `teks` is not plain."""
    if not teks.isascii() or _KENDALI.search(teks) is not None or width < 1:
        return None
    lines = []
    for baris in teks.split("\n"):
        if len(baris) <= width:
            lines.append(baris)
            continue
        cuts = [0, *_pecah(baris, width), len(baris)]
        lines.extend(baris[a:b][:width] for a, b in zip(cuts, cuts[1:]))
    return lines


_KATA = re.compile(r"\s*\S+\s*")  # a word with the spaces around it, as rich._wrap has it


def _pecah(teks: str, width: int) -> list[int]:
    """`rich._wrap.divide_line(teks, width, fold=True)` for ASCII text (one column a
    character): where the line breaks, a word wider than the line folded every `width`."""
    breaks: list[int] = []
    offset = 0
    for match in _KATA.finditer(teks):
        start = match.start()
        word = match.group()
        panjang = len(word.rstrip())
        if width - offset >= panjang:
            offset += len(word)
        elif panjang > width:
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
