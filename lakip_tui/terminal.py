"""The report's blocks drawn for a terminal with Rich: the TUI preview, the txt and svg exports,
and a plugin that prints a block on its own Console.

This is the only place that turns the document model (`dokumen.py`) into Rich renderables; the
other writers (md, html, pdf, docx) never go through Rich. The renderables are small objects of
this module whose `__rich__` builds the Rich one when Rich draws it, so nothing here imports
Rich until then: the txt export writes the common ones as the very same lines without Rich
(`exporters/text.py`), and only a plugin's Raw block or an unusual text brings Rich in.
"""

from __future__ import annotations

from typing import Any, Iterator

from .dokumen import (Figure, Heading, ListBlock, Paragraph, Raw, Section, Signature,
                      SignaturePair, TableBlock)


class Teks:
    """`Text(teks, style=style)`: wrapped at the width, as Rich wraps."""

    __slots__ = ("teks", "style")

    def __init__(self, teks: str, style: str = "") -> None:
        self.teks, self.style = teks, style

    def __rich__(self) -> Any:
        from rich.text import Text

        return Text(self.teks, style=self.style)


class Tengah:
    """A title centred on the width, in bold (the cover, a chapter's heading)."""

    __slots__ = ("teks",)

    def __init__(self, teks: str) -> None:
        self.teks = teks

    def __rich__(self) -> Any:
        from rich.align import Align
        from rich.text import Text

        return Align.center(Text(self.teks, style="bold", justify="center"))


class Menjorok:
    """`teks` indented by `kiri` columns (a section in the daftar isi)."""

    __slots__ = ("teks", "kiri")

    def __init__(self, teks: str, kiri: int) -> None:
        self.teks, self.kiri = teks, kiri

    def __rich__(self) -> Any:
        from rich.padding import Padding
        from rich.text import Text

        return Padding(Text(self.teks), (0, 0, 0, self.kiri))


class Garis:
    """A rule of `huruf` across the width, where a printed report turns the page."""

    __slots__ = ("huruf",)

    def __init__(self, huruf: str) -> None:
        self.huruf = huruf

    def __rich__(self) -> Any:
        from rich.rule import Rule

        return Rule(characters=self.huruf, style="none")


class TandaTangan:
    """A signing block at the right edge, its lines centred on each other."""

    __slots__ = ("block",)

    def __init__(self, block: Signature) -> None:
        self.block = block

    def __rich__(self) -> Any:
        from rich.align import Align
        from rich.text import Text

        return Align.right(Text("\n".join(self.block.lines()), justify="center"))


class Pasangan:
    """Two signing blocks side by side, each centred in half the width."""

    __slots__ = ("block",)

    def __init__(self, block: SignaturePair) -> None:
        self.block = block

    def __rich__(self) -> Any:
        return _pair(self.block)


class Daftar:
    """A ListBlock: drawn as the grid of `_list` wherever Rich draws it."""

    __slots__ = ("block",)

    def __init__(self, block: ListBlock) -> None:
        self.block = block

    def __rich__(self) -> Any:
        return _list(self.block)


def renderable(block: Any) -> Any:
    """The Rich renderable for one block of a section."""
    if isinstance(block, TableBlock):
        from .exporters.box_table import BoxTable

        return BoxTable(block)
    if isinstance(block, Heading):
        return Teks(block.text, "bold underline" if block.level <= 2 else "bold")
    if isinstance(block, Paragraph):
        return Teks("\n\n".join(block.paragraphs()))
    if isinstance(block, ListBlock):
        return Daftar(block)
    if isinstance(block, Signature):
        return TandaTangan(block)
    if isinstance(block, SignaturePair):
        return Pasangan(block)
    if isinstance(block, Figure):
        from .exporters.box_table import BoxTable
        from .grafik import sebagai_tabel

        return BoxTable(sebagai_tabel(block))
    if isinstance(block, Raw):
        from rich.protocol import is_renderable
        from rich.text import Text

        thing = block.renderable
        return thing if is_renderable(thing) else Text(str(thing))
    if hasattr(block, "__rich__") or hasattr(block, "__rich_console__") or isinstance(block, str):
        return block
    return Teks(str(block))  # a plugin's stray object still shows, as text


def _list(block: ListBlock) -> Any:
    from rich.table import Table

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
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, justify="center")
    grid.add_column(ratio=1, justify="center")
    grid.add_row(Text("\n".join(block.kiri.lines()), justify="center"),
                 Text("\n".join(block.kanan.lines()), justify="center"))
    return grid


def section_renderables(section: Section) -> Iterator[Any]:
    """A section as renderables: its title (if any), then each block, a blank line after each."""
    if section.title:
        yield Teks(section.title, "bold")
        yield Teks("")
    for block in section.blocks:
        yield renderable(block) if not isinstance(block, Heading) else Teks(block.text, "bold")
        yield Teks("")
