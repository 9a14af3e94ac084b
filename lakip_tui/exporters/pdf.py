"""The report as PDF, typeset by Typst (the `typst` package: a self-contained wheel, no system
libraries, nothing fetched at run time).

The layout is a fixed Typst program (`report.typ`, shipped with the package); the Document is
handed to it as JSON through `sys.inputs`, so every text from the project is data that the program
shows as text, never markup or code it runs. The one file besides the programs, the cover's logo,
is written beside copies of them in a temp folder that Typst then compiles in (and may read
nothing outside). Only the fonts Typst carries inside the wheel are used
(Libertinus Serif, DejaVu Sans Mono): the PDF looks the same on every machine and embeds them.

A4 portrait, margins 4-3-3-3 cm (left, top, right, bottom) as agencies bind their reports; a
table too wide for the portrait page is set on landscape pages of its own; a table header repeats
on every page; the front matter is numbered i, ii, ... and the chapters 1, 2, ...; daftar isi,
daftar tabel and daftar gambar carry page numbers.
"""

from __future__ import annotations

import json
import os
import sys
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

from ..dokumen import (Document, Figure, Heading, ListBlock, Paragraph, Section, Signature,
                       SignaturePair, TableBlock)
from .. import grafik as grafik_
from ..clean import clean_text
from ..errors import LakipError
from .table_widths import LANDSCAPE_CHARS, measure
from . import linebreak

def render(document: Document, *, width: int = 100, tagged: bool = False) -> bytes:
    """The report as PDF; `tagged`: with the structure tags (headings, paragraphs, tables) that
    screen readers use. Untagged by default: the tags make the city's PDF 7 times bigger
    (5,9 MB against 0,85 MB; the example 0,68 against 0,21 MB), too big for many upload forms
    and slow links, and take a tenth of its time (docs/export.md)."""
    data = _report_data(document, width)
    logo = document.sampul.logo
    if logo is None:
        return _typst("report.typ", data, "pdf", pdf_tags=tagged)
    try:
        alt = f"Logo {document.sampul.pemda}".strip()  # what a screen reader says of it
        return _typst("report.typ", {**data, "logo": _LOGO[logo.kind], "logo_alt": alt}, "pdf",
                      files={_LOGO[logo.kind]: logo.data}, pdf_tags=tagged)
    except LakipError:  # a PNG or JPEG Typst cannot decode: the report goes on without it
        return _typst("report.typ", data, "pdf", pdf_tags=tagged)


# the logo's name beside report.typ in the folder Typst compiles in; its kind from the name
_LOGO = {"png": "logo.png", "jpeg": "logo.jpg"}


def chart_png(figure: Figure, *, ppi: int = 200) -> bytes:
    """One chart drawn as in the PDF, as a PNG picture (the DOCX export embeds it)."""
    return _typst("chart.typ", _chart(figure), "png", ppi=ppi)


def chart_pngs_per_page(figure: Figure, *, height_cm: float, width_cm: float,
                           ppi: int = 200) -> list[bytes]:
    """The chart as PNG pictures that each fit `height_cm` when shown `width_cm` wide: a
    chart of 143 programs is one picture 1,3 m tall, which no page holds. Each picture has the
    header row, and every bar keeps the scale of the whole chart."""
    import struct

    data = _chart(figure)
    bars = data["batang"]

    def pictures(some: list) -> list[bytes]:
        png = _typst("chart.typ", {**data, "batang": some}, "png", ppi=ppi)
        width_px, height_px = struct.unpack(">II", png[16:24])  # the IHDR chunk
        if len(some) > 1 and height_px * width_cm / width_px > height_cm:
            half = len(some) // 2
            return pictures(some[:half]) + pictures(some[half:])
        return [png]

    if not bars:
        return [_typst("chart.typ", data, "png", ppi=ppi)]
    per = 20  # about 16 cm of bars at 14 cm wide; a chunk too tall is halved again
    return [png for i in range(0, len(bars), per) for png in pictures(bars[i:i + per])]


def _typst(program: str, data: dict, fmt: str, *, files: dict[str, bytes] | None = None,
           **options: Any) -> bytes:
    """`program` compiled with `data` as sys.inputs.dokumen. `files` (name: bytes, e.g. the
    logo) are put beside the programs in a temp folder, which is then all Typst may read."""
    if not files:
        return _compile(str(resources.files(__package__)), program, data, fmt, **options)
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="lakip-typst-") as folder:
        for typ in resources.files(__package__).iterdir():
            if typ.name.endswith(".typ"):
                (Path(folder) / typ.name).write_bytes(typ.read_bytes())
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        return _compile(folder, program, data, fmt, **options)


def _compile(root: str, program: str, data: dict, fmt: str, **options: Any) -> bytes:
    import typst

    _roomy_malloc()
    try:
        compiler = typst.Compiler(root=root, ignore_system_fonts=True)
        return compiler.compile(input=os.path.join(root, program), format=fmt, timestamp=0,
                                sys_inputs={"dokumen": json.dumps(data, ensure_ascii=False)},
                                **options)
    except typst.TypstError as exc:  # a bug of ours, never the user's text: say so plainly
        raise LakipError(f"{fmt.upper()} tidak dapat disusun oleh Typst: {exc.message}") from None


@lru_cache(maxsize=None)
def _roomy_malloc() -> None:
    """Let glibc's malloc take memory from the kernel 64 MB at a time (M_TOP_PAD; 128 KB by
    default). Typst allocates some 380 MB for a city's report, in steps that each cost a
    system call and fresh pages; with the pad, fewer page faults and 5% less time for the
    whole export (docs/performance.md). The price, up to 64 MB more kept by the process until
    it ends, is nothing for the commands that write a PDF and then end. Elsewhere than Linux
    nothing is done; a C library without mallopt (musl ignores it) changes nothing."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(_M_TOP_PAD, 64 << 20)
    except (OSError, AttributeError):
        pass


_M_TOP_PAD = -2  # glibc's malloc.h


def _report_data(document: Document, width: int) -> dict:
    return {
        "judul": document.judul,
        "instansi": document.sampul.instansi,
        "sampul": document.sampul.baris(),
        "pengantar": [_section(s, width) for s in document.pengantar],
        "bab": [{"judul": b.judul, "sections": [_section(s, width) for s in b.sections]}
                for b in document.bab],
        "has_tables": any(t.nomor for t in document.tables()),
        "has_figures": any(True for _ in document.figures()),
    }


def _section(section: Section, width: int) -> dict:
    return {"title": section.title, "blocks": [_block(b, width) for b in section.blocks]}


def _block(block: Any, width: int) -> dict:
    if isinstance(block, Heading):
        return {"t": "heading", "text": block.text, "level": block.level}
    if isinstance(block, Paragraph):
        return {"t": "para", "paras": block.paragraphs()}
    if isinstance(block, ListBlock):
        return {"t": "list", "marker": block.marker, "labels": block.labels(),
                "items": [str(i) for i in block.items]}
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, Signature):
        return _signature(block)
    if isinstance(block, SignaturePair):
        return {"t": "sigpair", "kiri": _signature(block.kiri), "kanan": _signature(block.kanan)}
    if isinstance(block, Figure):
        return _chart(block)
    # Raw, or anything else: drawn by Rich as plain text
    from .text import block_renderable, plain_text

    return {"t": "pre", "text": clean_text(plain_text(block_renderable(block), width))}


def _signature(block: Signature) -> dict:
    lines = block.lines()
    return {"t": "sig", "lines": lines, "nama": lines.index(block.nama) if block.nama else -1}


def _table(block: TableBlock) -> dict:
    n = max(len(block.columns), 1)
    columns = [{"header": c.header, "justify": c.justify} for c in block.columns] or \
        [{"header": "", "justify": "left"}]

    def row(r: Any, bold_default: bool = False) -> dict:
        cells = [str(c) for c in r.cells[:n]]
        cells += [""] * (n - len(cells))
        bold = "bold" in (r.style or ("bold" if bold_default else "")).split()
        return {"cells": cells, "bold": bold, "breaks": "\n" in "".join(cells)}

    rows = [row(r) for r in block.rows]
    footer = [row(r, True) for r in block.footer]
    measured = measure(block)
    wide = measured.landscape
    size = 10 if not wide else (9 if measured.needed <= LANDSCAPE_CHARS else 8)
    widths = [0 if w is None else float(w) for w in measured.shares]
    regular_lines, bold_lines = _longest_lines(columns, rows, footer, widths)
    table = {"t": "table", "nomor": block.nomor, "judul": block.judul, "sumber": block.sumber,
             "columns": columns, "rows": rows, "footer": footer, "widths": widths,
             "wide": wide, "size": size, "regular_lines": regular_lines, "bold_lines": bold_lines}
    table.update(_row_lines(table))
    if "row_lines" in table:
        table.update(_whole_rows(table))
    return table


_LONGEST = 24  # lines per column and weight measured by Typst for a column sized to content


def _longest_lines(columns: list[dict], rows: list[dict], footer: list[dict],
                   widths: list[float]) -> tuple[list[list[str]], list[list[str]]]:
    """Per column sized to its content (width 0): its longest lines in regular and in bold
    text (the header is bold), the ones Typst measures to size the column (blocks.typ)."""
    regular: list[list[str]] = []
    bold: list[list[str]] = []
    for i, w in enumerate(widths):
        if w != 0:
            regular.append([])
            bold.append([])
            continue
        lines = {False: set(), True: set(columns[i]["header"].split("\n"))}
        for r in (*rows, *footer):
            lines[r["bold"]].update(r["cells"][i].split("\n"))
        regular.append(sorted(lines[False], key=lambda g: (-len(g), g))[:_LONGEST])
        bold.append(sorted(lines[True], key=lambda g: (-len(g), g))[:_LONGEST])
    return regular, bold


# What blocks.typ lays a table out in (A4, the margins of report.typ and of its landscape pages)
# and the cell's inset (report.typ): Typst checks the column widths computed from them and uses
# the row heights only when its own widths are the same.
_PT_PER_MM = 72 / 25.4
_TEXT_WIDTH_PT = {False: (210 - 70) * _PT_PER_MM, True: (297 - 50) * _PT_PER_MM}
_INSET_X_PT = 4.0
# In a table with a row taller than a page, a row of `auto` height whose cell has this many
# lines may be split across two pages (fewer cannot: Typst leaves no line alone at the foot or
# head of a page); a row of fixed height is never split, so such a row stays `auto` there.
_MAY_SPLIT = 4


def _row_lines(table: dict) -> dict:
    """The lines of every body and footer row (its tallest cell), None for a row left to
    Typst (a cell the line breaker is not sure of, or no text), and the column widths they were
    counted at; nothing when the widths are not known here (Typst then sizes every row itself)."""
    widths = _column_widths(table)
    if widths is None:
        return {}
    text_widths = [(w - 2 * _INSET_X_PT) / table["size"] for w in widths]
    fonts = linebreak.fonts()
    # the same texts fill a whole table, and amounts and codes of one shape break alike
    counted: dict[tuple, int | None] = {}

    def cell_lines(text: str, column: int, font: str) -> int | None:
        key = (fonts[font].twin(text), column, font)
        if key not in counted:
            counted[key] = linebreak.count_lines(key[0].decode(), text_widths[column],
                                                 fonts[font]) if text else 0
        return counted[key]

    def row_lines(row: dict) -> int | None:
        font = "bold" if row["bold"] else "regular"
        lines = [cell_lines(c, i, font) for i, c in enumerate(row["cells"])]
        if None in lines or not any(lines):
            return None
        return max(lines)

    return {"column_widths_pt": widths, "row_lines": [row_lines(r) for r in table["rows"]],
            "footer_lines": [row_lines(r) for r in table["footer"]]}


# The height a table's rows fill on a page, less a point so that a page counted full here is
# never one row over in Typst: a landscape page of a wide table (blocks.typ `wide-page`), or a
# portrait page (report.typ). The caption (report.typ) is bold 11 pt under a 0,6 em gap, with
# lines 0,65 em apart; em counted at the report's 12 pt.
_ROOM_PT = {True: (210 - 30 - 25) * _PT_PER_MM - 1.0, False: (297 - 30 - 30) * _PT_PER_MM - 1.0}
_INSET_Y_PT = 3.0
_LEADING_EM = 0.45  # blocks.typ: the lines of a table cell
_CAPTION_PT, _BODY_PT, _CAPTION_LEADING_EM, _CAPTION_GAP_EM = 11.0, 12.0, 0.65, 0.6
_PAGES_PER_PART = 8  # a part of a long wide table: at least this many pages
_MOST_PARTS = 8


def _whole_rows(table: dict) -> dict:
    """When every row fits on a page: no row splits across pages (`whole_rows`, as in the HTML
    and DOCX), so every row counted has its height given, and Typst lays each out once; a wide
    table also gets its `parts`. Otherwise Typst splits rows as it always did, so a row of
    `_MAY_SPLIT` lines or more is left to it."""
    heights = _row_heights(table)
    if heights is None:
        def splittable(n: int | None) -> int | None:
            return None if n is None or n >= _MAY_SPLIT else n

        return {"row_lines": [splittable(n) for n in table["row_lines"]],
                "footer_lines": [splittable(n) for n in table["footer_lines"]]}
    if not table["wide"]:
        return {"whole_rows": True}
    return {"whole_rows": True, **_parts(table, heights)}


def _parts(table: dict, heights: _Heights) -> dict:
    """Where a wide table is cut into parts that each start a page (blocks.typ sets each on pages
    of its own, and Typst lays those out in parallel): the first row of each part, then the
    number of rows; one part for a table of a few pages."""
    page_starts = _page_starts(heights)
    parts = max(1, min(_MOST_PARTS, len(page_starts) // _PAGES_PER_PART))
    starts = [page_starts[len(page_starts) * k // parts] for k in range(parts)]
    return {"parts": starts + [len(table["rows"])]}


class _Heights(NamedTuple):
    """A table's rows on its pages, in points: what the first page (under the caption) and
    every other page hold under the repeated header, and each body row's height."""
    first: float
    room: float
    rows: list[float]


def _row_heights(table: dict) -> _Heights | None:
    """Each body row's height: its lines' (the lines counted, or at most as many for a row Typst
    measures itself), so Typst fits at least as many rows on a page as counted here. None when
    a row or the footer is taller than a page."""
    size = table["size"]
    widths_em = [(w - 2 * _INSET_X_PT) / size for w in table["column_widths_pt"]]
    fonts = linebreak.fonts()

    def height(lines: int, bold: bool) -> float:
        cap = fonts["bold" if bold else "regular"].cap_height
        return lines * cap * size + (lines - 1) * _LEADING_EM * size + 2 * _INSET_Y_PT

    def row_height(row: dict, lines: int | None) -> float:
        if lines is None:
            font = fonts["bold" if row["bold"] else "regular"]
            lines = max(1, *(linebreak.most_lines(c, w, font)
                             for c, w in zip(row["cells"], widths_em)))
        return height(lines, row["bold"])

    header = row_height({"cells": [c["header"] for c in table["columns"]], "bold": True}, None)
    room = _ROOM_PT[table["wide"]] - header
    first = room - _caption_height(table)
    rows = [row_height(r, n) for r, n in zip(table["rows"], table["row_lines"])]
    footer = sum(row_height(r, n) for r, n in zip(table["footer"], table["footer_lines"]))
    if max(rows, default=0.0) > first or footer > first:
        return None
    return _Heights(first, room, rows)


def _page_starts(heights: _Heights) -> list[int]:
    """The first row of each page of a wide table, counted as Typst fills them when no row may
    split across pages (blocks.typ): a page takes rows while they fit under the repeated header
    (the first page also under the caption). Typst fits at least as many, so a part never runs
    onto a page more."""
    page_starts = [0]
    used = 0.0
    for i, h in enumerate(heights.rows):
        if used + h > (heights.first if len(page_starts) == 1 else heights.room) \
                and i > page_starts[-1]:
            page_starts.append(i)
            used = 0.0
        used += h
    return page_starts


def _caption_height(table: dict) -> float:
    """The caption's height and the gap under it, at most. Typst justifies the caption, which
    may take a line more than breaking first-fit."""
    if not table["judul"]:
        return 0.0
    caption = f"Tabel {table['nomor']} {table['judul']}" if table["nomor"] else table["judul"]
    width_em = _TEXT_WIDTH_PT[table["wide"]] / _CAPTION_PT
    lines = linebreak.most_lines(caption, width_em, linebreak.fonts()["bold"])
    if lines > 1:
        lines += 1
    return (lines * linebreak.fonts()["bold"].cap_height * _CAPTION_PT
            + (lines - 1) * _CAPTION_LEADING_EM * _BODY_PT + _CAPTION_GAP_EM * _BODY_PT)


def _column_widths(table: dict) -> list[float] | None:
    """Each column's width in points, as blocks.typ sets it: a column sized to content as wide
    as its widest line plus the inset, the others sharing the rest by their parts."""
    regular, bold = linebreak.fonts()["regular"], linebreak.fonts()["bold"]
    content: list[float] = []
    for lines_regular, lines_bold in zip(table["regular_lines"], table["bold_lines"]):
        measured = [regular.width(t) for t in lines_regular] + [bold.width(t) for t in lines_bold]
        if None in measured:
            return None
        content.append(max(measured, default=0.0) * table["size"] + 2 * _INSET_X_PT)
    page = _TEXT_WIDTH_PT[table["wide"]]
    fixed = sum(c for c, w in zip(content, table["widths"]) if w == 0)
    if fixed > page:  # Typst shrinks them (blocks.typ): not counted here
        return None
    parts = sum(table["widths"])
    return [c if w == 0 else (page - fixed) * w / parts for c, w in zip(content, table["widths"])]


def _chart(figure: Figure) -> dict:
    g = figure.grafik
    scale = grafik_.puncak(g)  # read once per chart, not once per bar
    return {"t": "figure", "nomor": figure.nomor, "judul": g.judul, "kolom": list(g.kolom),
            "keterangan": g.keterangan, "kosong": g.kosong,
            "batang": [{"label": b.label, "kolom": [str(k) for k in b.kolom[:len(g.kolom)]]
                        + [""] * (len(g.kolom) - len(b.kolom[:len(g.kolom)])),
                        "panjang": grafik_.panjang(g, b, scale), "alasan": grafik_.alasan(b),
                        "keterangan": b.keterangan, "bold": b.tebal} for b in g.batang]}
