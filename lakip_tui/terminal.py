"""The report's blocks drawn for a terminal with Rich: the TUI preview, the txt and svg exports,
and a plugin that prints a block on its own Console.

This is the only place that turns the document model (`dokumen.py`) into Rich renderables; the
other writers (md, html, pdf, docx) never go through Rich. Imported only when something is drawn.
"""

from __future__ import annotations

from typing import Any, Iterator

from rich.align import Align
from rich.table import Table
from rich.text import Text

from .dokumen import (Figure, Heading, ListBlock, Paragraph, Raw, Section, Signature,
                      SignaturePair, TableBlock)


def renderable(block: Any) -> Any:
    """The Rich renderable for one block of a section."""
    if isinstance(block, TableBlock):
        from .exporters.kotak import Kotak

        return Kotak(block)
    if isinstance(block, Heading):
        return Text(block.text, style="bold underline" if block.level <= 2 else "bold")
    if isinstance(block, Paragraph):
        return Text("\n\n".join(block.paragraphs()))
    if isinstance(block, ListBlock):
        return Daftar(block)
    if isinstance(block, Signature):
        return Align.right(Text("\n".join(block.lines()), justify="center"))
    if isinstance(block, SignaturePair):
        return _pair(block)
    if isinstance(block, Figure):
        from .exporters.kotak import Kotak
        from .grafik import sebagai_tabel

        return Kotak(sebagai_tabel(block))
    if isinstance(block, Raw):
        from rich.protocol import is_renderable

        thing = block.renderable
        return thing if is_renderable(thing) else Text(str(thing))
    if hasattr(block, "__rich__") or hasattr(block, "__rich_console__") or isinstance(block, str):
        return block
    return Text(str(block))  # a plugin's stray object still shows, as text


class Daftar:
    """A ListBlock as a Rich renderable: drawn as the grid of `_list` wherever Rich draws it;
    the txt export recognises it and writes the same lines without Rich (exporters/text.py)."""

    def __init__(self, block: ListBlock) -> None:
        self.block = block

    def __rich__(self) -> Any:
        return _list(self.block)


def _list(block: ListBlock) -> Any:
    grid = Table.grid(padding=(0, 1))
    if not block.marker:  # plain lines: no empty label column to pad them
        grid.add_column(overflow="fold")
        for item in block.items:
            grid.add_row(item)
        return grid
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, item in zip(block.labels(), block.items):
        grid.add_row(label, item)
    return grid


def _pair(block: SignaturePair) -> Any:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, justify="center")
    grid.add_column(ratio=1, justify="center")
    grid.add_row(Text("\n".join(block.kiri.lines()), justify="center"),
                 Text("\n".join(block.kanan.lines()), justify="center"))
    return grid


def section_renderables(section: Section) -> Iterator[Any]:
    """A section as renderables: its title (if any), then each block, a blank line after each."""
    if section.title:
        yield Text(section.title, style="bold")
        yield Text("")
    for block in section.blocks:
        yield renderable(block) if not isinstance(block, Heading) else Text(block.text,
                                                                            style="bold")
        yield Text("")
