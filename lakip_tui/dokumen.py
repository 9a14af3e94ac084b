"""The document model: what a report is made of, for every writer.

Plain data only (no Rich, no writer): a plugin's `lakip_render` returns `Section`s of these
blocks, `export.assemble` puts them into one `Document` with its front matter, and each writer in
`lakip_tui/exporters/` (txt, md, html, svg, pdf, docx) lays that Document out. The writers import
this module; nothing here imports a writer. Drawing a block on a terminal (TUI preview, txt, svg)
is `terminal.py`'s job; the `__rich__` methods below only hand over to it, lazily, so a plugin's
blocks still print straight through a Rich Console.
Cells are already-formatted strings: numbers go through `angka` before they get here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:
    from .logo import Logo


class _Terminal:
    """Blocks draw themselves on a Rich console through `terminal.renderable` (imported only
    when drawn, which keeps `lakip check` and the file writers free of Rich)."""

    def __rich__(self) -> Any:
        from .terminal import renderable

        return renderable(self)


@dataclass(frozen=True)
class Heading(_Terminal):
    text: str
    level: int = 3  # 1 = BAB (chapter), 2 = section, 3+ = sub-headings inside a section


@dataclass(frozen=True)
class Paragraph(_Terminal):
    """Narrative text. Blank lines separate paragraphs."""

    text: str

    def paragraphs(self) -> list[str]:
        """The paragraphs, each stripped; empty ones dropped."""
        import re

        return [p.strip() for p in re.split(r"\n\s*\n", self.text.strip()) if p.strip()]


@dataclass(frozen=True)
class ListBlock(_Terminal):
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
class TableBlock(_Terminal):
    """A numbered, titled table with its "Sumber:" line, e.g. Tabel 3.7 Realisasi Anggaran.
    The header row (`columns`) repeats on every printed page; `footer` rows (JUMLAH, TOTAL)
    are printed once, under the body."""

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
        from .terminal import renderable

        yield renderable(self)


@dataclass(frozen=True)
class Signature(_Terminal):
    """A signing block: under the kata pengantar, at the end of the report, in the lampiran."""

    tempat_tanggal: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""

    def lines(self) -> list[str]:
        """Top to bottom; two empty lines are the room for the signature. A line break in the
        place/date or the jabatan ("\\nPIHAK KEDUA,") makes a line of its own."""
        out = [*self.tempat_tanggal.split("\n"), *self.jabatan.split("\n"), "", "", self.nama]
        if self.pangkat:
            out.append(self.pangkat)
        if self.nip:
            out.append(f"NIP. {self.nip}")
        return out


@dataclass(frozen=True)
class SignaturePair(_Terminal):
    """Two signing blocks side by side, as a Perjanjian Kinerja is signed: pihak kedua (the
    kepala daerah) on the left, pihak pertama (the head of the agency) on the right."""

    kiri: Signature
    kanan: Signature


@dataclass(frozen=True)
class Raw(_Terminal):
    """Any Rich renderable a plugin wants to add; other writers show it as preformatted text."""

    renderable: Any


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
class Figure(_Terminal):
    """A numbered chart in the report ("Gambar 3.1 ..."): a Grafik drawn as bars."""

    nomor: str
    grafik: Grafik
    sumber: str = ""

    @property
    def caption(self) -> str:
        judul = self.grafik.judul
        return f"Gambar {self.nomor} {judul}".strip() if self.nomor else judul


Block = Heading | Paragraph | ListBlock | TableBlock | Signature | SignaturePair | Figure | Raw


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
        from .terminal import section_renderables

        yield from section_renderables(self)


# -- the assembled document ------------------------------------------------------------------


@dataclass(frozen=True)
class Sampul:
    """The cover page, from [meta]."""

    pemda: str
    instansi: str
    tahun: str
    # the Pemda's logo above the lines (lakip_tui/logo.py: checked bytes and their kind);
    # None: none named, or not usable. Drawn by pdf, docx and html; txt, md and svg have none.
    logo: Logo | None = None

    def baris(self) -> list[str]:
        """The cover's lines, top to bottom; what [meta] lacks is left out."""
        out = [self.pemda.upper(), "LAPORAN KINERJA", self.instansi.upper()]
        if self.tahun:
            out.append(f"TAHUN ANGGARAN {self.tahun}")
        return [b for b in out if b]


@dataclass(frozen=True)
class BabLaporan:
    """A chapter as printed (or a front-matter part, or the LAMPIRAN part): its heading and
    its sections in order."""

    key: str
    judul: str  # "BAB I PENDAHULUAN"
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class EntriIsi:
    """A line of the daftar isi: level 1 is a chapter (or LAMPIRAN), level 2 a titled section."""

    tingkat: int
    teks: str


@dataclass(frozen=True)
class Document:
    """The whole report. Front matter (`pengantar`: kata pengantar, ikhtisar eksekutif) comes
    before the daftar isi and is numbered in roman where pages are; `bab` are the chapters and
    the LAMPIRAN part last when there is one. Writers may add the page-numbered lists (daftar
    isi, daftar tabel, daftar gambar) from `daftar_isi`, `tables()` and `figures()`."""

    sampul: Sampul
    pengantar: tuple[Section, ...]
    daftar_isi: tuple[EntriIsi, ...]
    bab: tuple[BabLaporan, ...]

    @property
    def judul(self) -> str:
        """A one-line title (for the SVG and HTML <title>, PDF and DOCX metadata)."""
        tahun = f" Tahun Anggaran {self.sampul.tahun}" if self.sampul.tahun else ""
        return f"Laporan Kinerja {self.sampul.instansi}".strip() + tahun

    def sections(self) -> Iterator[Section]:
        yield from self.pengantar
        for bab in self.bab:
            yield from bab.sections

    def tables(self) -> Iterator[TableBlock]:
        for section in self.sections():
            yield from (b for b in section.blocks if isinstance(b, TableBlock))

    def figures(self) -> Iterator[Figure]:
        for section in self.sections():
            yield from (b for b in section.blocks if isinstance(b, Figure))


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
