"""The report's building blocks: what a chapter's render hook returns.

Each block is plain data (so Markdown and HTML writers can lay it out natively) and also a Rich
renderable (so the TUI preview, the text and the SVG export show it through Rich). Rich is
imported only when a block is actually drawn, which keeps `lakip check` light.
Cells are already-formatted strings: numbers go through `angka` before they get here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3  # 1 = BAB (chapter), 2 = section, 3+ = sub-headings inside a section

    def __rich__(self) -> Any:
        from rich.text import Text

        style = "bold underline" if self.level <= 2 else "bold"
        return Text(self.text, style=style)


@dataclass(frozen=True)
class Paragraph:
    """Narrative text. Blank lines separate paragraphs."""

    text: str

    def __rich__(self) -> Any:
        from rich.text import Text

        return Text("\n\n".join(p.strip() for p in self.text.strip().split("\n\n") if p.strip()))


@dataclass(frozen=True)
class ListBlock:
    """A list; `marker` is "1." (numbered), "a." (lettered), "-" (bullets) or "" (plain lines)."""

    items: tuple[str, ...]
    marker: str = "1."

    def labels(self) -> list[str]:
        out = []
        for i, _ in enumerate(self.items):
            if self.marker == "1.":
                out.append(f"{i + 1}.")
            elif self.marker == "a.":
                out.append(f"{_letter(i)}.")
            else:
                out.append(self.marker)
        return out

    def __rich__(self) -> Any:
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        if not self.marker:  # plain lines: no empty label column to pad them
            grid.add_column(overflow="fold")
            for item in self.items:
                grid.add_row(item)
            return grid
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for label, item in zip(self.labels(), self.items):
            grid.add_row(label, item)
        return grid


@dataclass(frozen=True)
class Column:
    header: str
    justify: str = "left"  # "left", "right", "center"
    ratio: int | None = None
    min_width: int | None = None


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    style: str = ""  # "bold" for program/kegiatan and total rows
    level: int = 0  # nesting depth, for indenting a hierarchy


@dataclass(frozen=True)
class TableBlock:
    """A numbered, titled table with its "Sumber:" line, e.g. Tabel 3.7 Realisasi Anggaran."""

    nomor: str  # "3.7"; "" for an unnumbered table
    judul: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    sumber: str = ""
    footer: tuple[Row, ...] = ()

    @property
    def caption(self) -> str:
        return f"Tabel {self.nomor} {self.judul}".strip() if self.nomor else self.judul

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(
            title=self.caption,
            title_style="bold",
            box=box.SQUARE,
            show_lines=False,
            expand=True,
            caption=f"Sumber: {self.sumber}" if self.sumber else None,
            caption_justify="left",
            caption_style="italic",
        )
        for column in self.columns:
            table.add_column(column.header, justify=column.justify, ratio=column.ratio,
                             min_width=column.min_width, overflow="fold")
        for row in self.rows:
            table.add_row(*(Text(c) for c in row.cells), style=row.style or None)
        for row in self.footer:
            table.add_row(*(Text(c) for c in row.cells), style=row.style or "bold",
                          end_section=False)
        yield table


@dataclass(frozen=True)
class Signature:
    """The signing block under the kata pengantar."""

    tempat_tanggal: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""

    def lines(self) -> list[str]:
        out = [self.tempat_tanggal, self.jabatan, "", "", self.nama]
        if self.pangkat:
            out.append(self.pangkat)
        if self.nip:
            out.append(f"NIP. {self.nip}")
        return out

    def __rich__(self) -> Any:
        from rich.align import Align
        from rich.text import Text

        return Align.right(Text("\n".join(self.lines()), justify="center"))


@dataclass(frozen=True)
class Raw:
    """Any Rich renderable a plugin wants to add; Markdown/HTML show it as preformatted text."""

    renderable: Any

    def __rich__(self) -> Any:
        return self.renderable


Block = Heading | Paragraph | ListBlock | TableBlock | Signature | Raw


@dataclass(frozen=True)
class Batang:
    """One bar of a summary chart. `persen` sets its length (a float, or the kinerja
    TakTerhitung whose reason is shown instead); `kolom` are the figures printed beside it,
    already formatted by angka."""

    label: str
    persen: Any
    kolom: tuple[str, ...] = ()
    keterangan: str = ""  # e.g. the rating, printed after the bar
    tebal: bool = False  # a total row


@dataclass(frozen=True)
class Grafik:
    """A chart on the summary screen (`lakip_summary` hook): a title, the headers of the
    figure columns, and the bars; `kosong` is said when there are no bars."""

    judul: str
    kolom: tuple[str, ...]
    batang: tuple[Batang, ...]
    kosong: str = "tidak ada data"
    keterangan: str = ""  # header of Batang.keterangan, "" for none
    order: float = 0


@dataclass(frozen=True)
class Section:
    """A titled part of a chapter in the report; `order` interleaves sections from several
    plugins inside one chapter (e.g. the PMKS table inside BAB II). A title appears in the
    daftar isi; an empty title continues the previous section."""

    title: str
    blocks: tuple[Block, ...] = ()
    order: float = 0
    key: str = ""
    plugin: str = field(default="", compare=False)

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.text import Text

        if self.title:
            yield Text(self.title, style="bold")
            yield Text("")
        for block in self.blocks:
            yield block
            yield Text("")


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
