"""The report as Markdown (CommonMark with GFM pipe tables), written natively from the blocks.

Everything a plugin wrote is text, never markup: characters that Markdown would read as syntax
are escaped, so "(*input oriented*)" prints with its asterisks and a "|" in a cell stays in it.
"""

from __future__ import annotations

import re

from ..dokumen import (Document, Figure, Heading, ListBlock, Paragraph, Section, Signature,
                       SignaturePair, TableBlock)

_SYNTAX = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def esc(text: str) -> str:
    """Inline text with Markdown syntax characters escaped."""
    return _SYNTAX.sub(r"\\\1", text)


def esc_line(text: str) -> str:
    """`esc`, and a line that would start a heading, quote or list starts as plain text."""
    text = esc(text)
    match = _LINE_START.match(text)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1]
        text = match.group(1) + escaped + text[match.end():]
    return text


def _lines(text: str) -> str:
    """Lines of one paragraph, kept as hard line breaks (a backslash at the end of the line)."""
    lines = [esc_line(line.strip()) for line in text.strip().split("\n") if line.strip()]
    return "\\\n".join(lines)


def _paragraph(block: Paragraph) -> list[str]:
    return [_lines(p) for p in re.split(r"\n\s*\n", block.text.strip()) if p.strip()]


def _list(block: ListBlock) -> list[str]:
    if block.marker == "1.":
        return ["\n".join(f"{i}. {_lines(item)}" for i, item in enumerate(block.items, 1))]
    if block.marker == "-":
        return ["\n".join(f"- {_lines(item)}" for item in block.items)]
    # lettered or custom labels: Markdown has no such list, so one line per item
    return ["\\\n".join(f"{esc_line(label)} {_lines(item)}".strip()
                        for label, item in zip(block.labels(), block.items))]


def cell(text: str) -> str:
    """A table cell: escaped, with its line breaks as <br> (a pipe table row is one line)."""
    parts = [esc(p.strip()) for p in str(text).split("\n")]
    return "<br>".join(parts).strip()


def _row(cells: list[str], bold: bool) -> str:
    out = [f"**{c}**" if bold and c else c for c in cells]
    return "| " + " | ".join(out) + " |"


def _table(block: TableBlock) -> list[str]:
    n = max(len(block.columns), 1)
    align = {"right": "---:", "center": ":---:"}

    def cells(row) -> list[str]:
        values = [cell(c) for c in row.cells[:n]]
        return values + [""] * (n - len(values))

    lines = [_row([cell(c.header) for c in block.columns] or [""], False),
             "| " + " | ".join(align.get(c.justify, "---") for c in block.columns or [None]) + " |"]
    lines += [_row(cells(r), "bold" in r.style.split()) for r in block.rows]
    lines += [_row(cells(r), "bold" in (r.style or "bold").split()) for r in block.footer]
    out = [f"**{esc(block.caption)}**", "\n".join(lines)]
    if block.sumber:
        out.append(f"*Sumber: {esc(block.sumber)}*")
    return out


def _signature(block: Signature) -> list[str]:
    return ["\\\n".join(esc_line(line) for line in block.lines() if line.strip())]


def _fenced(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def blocks(section: Section, width: int) -> list[str]:
    """The section's blocks as Markdown chunks (joined by blank lines)."""
    out: list[str] = []
    for block in section.blocks:
        if isinstance(block, Heading):
            out.append("#" * min(6, max(block.level, 1) + 1) + " " + esc(block.text))
        elif isinstance(block, Paragraph):
            out.extend(_paragraph(block))
        elif isinstance(block, ListBlock):
            out.extend(_list(block))
        elif isinstance(block, TableBlock):
            out.extend(_table(block))
        elif isinstance(block, Signature):
            out.extend(_signature(block))
        elif isinstance(block, SignaturePair):  # one after the other: Markdown has no columns
            out.extend(_signature(block.kiri) + _signature(block.kanan))
        elif isinstance(block, Figure):  # text bars in a table, as in the txt export
            from ..grafik import sebagai_tabel

            out.extend(_table(sebagai_tabel(block)))
        else:  # Raw, or anything else a plugin gave: drawn by Rich, shown as fenced text
            from .text import block_renderable, plain_text

            out.append(_fenced(plain_text(block_renderable(block), width)))
    return [chunk for chunk in out if chunk.strip()]


def render(document: Document, *, width: int = 100) -> str:
    baris = document.sampul.baris()
    out: list[str] = []
    for teks in baris:
        out.append(f"# {esc(teks)}" if teks == "LAPORAN KINERJA" else f"**{esc(teks)}**")
    for section in document.pengantar:
        out.append("---")
        if section.title:
            out.append(f"## {esc(section.title.upper())}")
        out.extend(blocks(section, width))
    if document.daftar_isi:
        out += ["---", "## DAFTAR ISI"]
        out.append("\n".join(("- " if e.tingkat <= 1 else "  - ") + esc(e.teks)
                             for e in document.daftar_isi))
    for bab in document.bab:
        out += ["---", f"## {esc(bab.judul)}"]
        for section in bab.sections:
            if section.title:
                out.append(f"### {esc(section.title)}")
            out.extend(blocks(section, width))
    return "\n\n".join(out) + "\n"
