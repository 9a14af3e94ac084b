"""The typed objects a chapter plugin registers: what the chapter is and how it is edited.

A chapter describes its editing screens as plain data (Bagian -> Tabel / Narasi / Isian) so that
the core TUI can build them, and so that a plugin never has to import Textual. A plugin that wants
a hand-made widget may still provide one through the `lakip_chapter_view` hook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .paths import Path

# What a cell holds, which decides how typed text is parsed and how the value is shown.
# "angka": a number where the text is one, else the text as typed (a target such as "WTP");
# "tahun": a year, a whole number shown without a thousands dot (2024, not 2.024);
# "peta_tahun": a table year -> number (targets per Renstra year), typed as "2022: 70; 2023: 80".
JENIS_KOLOM = ("teks", "rupiah", "bilangan", "desimal", "persen", "pilihan", "angka", "tahun",
               "peta_tahun")


@dataclass(frozen=True)
class Kolom:
    """One column of an editable table (or one field of a form).

    `key` is the key in each row dict. A column with `hitung` is computed and read-only:
    `hitung(row, konteks)` returns the text to show, computed by kinerja/angka, never stored.
    """

    key: str
    label: str
    jenis: str = "teks"
    lebar: int | None = None
    hitung: Callable[[dict, Any], str] | None = None
    pilihan: tuple[str, ...] = ()
    wajib: bool = False
    negatif: bool = False  # may a number in this column be below zero?
    bantuan: str = ""

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_KOLOM:
            raise ValueError(f"jenis kolom tidak dikenal: {self.jenis!r}")

    @property
    def computed(self) -> bool:
        return self.hitung is not None


@dataclass(frozen=True)
class Tabel:
    """An editable list of rows at `path` (absolute, or relative to the parent row for `anak`).

    `anak` nests a child table under each row (program -> kegiatan -> sub-kegiatan); the TUI
    shows the levels as one foldable table, so every level has the same number of columns.

    `rincian` are detail editors (Narasi / Isian) for what does not fit in a cell, such as a
    list inside a row; their `path` is relative to the row (() for the row itself, as an Isian
    of its scalar keys). The TUI shows them under the table for the row under the cursor. Each
    level declares its own: the rincian of an `anak` level belong to the rows of that level.
    """

    key: str
    judul: str
    path: Path
    kolom: tuple[Kolom, ...]
    anak: "Tabel | None" = None
    baris_baru: Callable[[], dict] | None = None  # the row a new "add row" starts from
    rincian: "tuple[Narasi | Isian, ...]" = ()


@dataclass(frozen=True)
class Narasi:
    """A narrative field: a string (paragraphs) or, with daftar=True, a list of strings."""

    key: str
    judul: str
    path: Path
    daftar: bool = False


@dataclass(frozen=True)
class Isian:
    """A form of scalar fields; each Kolom.key is a key of the table at `path`."""

    key: str
    judul: str
    path: Path
    kolom: tuple[Kolom, ...]


Isi = Tabel | Narasi | Isian


@dataclass(frozen=True)
class Bagian:
    """A section of a chapter, as listed in the TUI navigation."""

    key: str
    judul: str
    isi: tuple[Isi, ...] = ()


@dataclass(frozen=True)
class Chapter:
    """A chapter of the report. `key` is also the name of its top-level table in the file.

    `default_section` is TOML text (with comments for the planner) that `lakip new` writes;
    `$tahun`, `$instansi` and `$pemda` are filled in (string.Template).
    `extra_keys` declares the keys of its table that `bagian` does not name (stated figures,
    titles, keys read only by the report), so a key nobody reads is a finding.
    """

    key: str
    title: str
    order: int
    default_section: str = ""
    bagian: tuple[Bagian, ...] = ()
    # The keys of its table beyond those its editing screens name (lakip_tui.known_keys);
    # None: not checked, so a misspelt key would pass unnoticed.
    extra_keys: tuple[str, ...] | None = None
    plugin: str = field(default="", compare=False)  # set by the plugin manager


# -- extending another plugin's chapter, declaratively ---------------------------------------


@dataclass(frozen=True)
class AddColumn:
    """Add a column to a table of another chapter's editing structure, e.g. a "Sumber dana"
    column in the anggaran table: `register(AddColumn("anggaran", "sub", Kolom("sumber_dana",
    "Sumber dana"), after="realisasi"))`.

    `table` is the key of a Tabel in the chapter (at any nesting level). A nested table shows
    its levels as one table, so the column is added at the same place on every level: editable
    on the level named by `table` (and on those named in `levels`), blank and read-only on the
    others. `after` is the key of the column it follows (None: at the end)."""

    chapter: str
    table: str
    kolom: Kolom
    after: str | None = None
    levels: tuple[str, ...] = ()
    plugin: str = field(default="", compare=False)  # set by the plugin manager


@dataclass(frozen=True)
class AddBagian:
    """Add a Bagian (a section of the editing screens) to another chapter, after the Bagian
    whose key is `after` (None: at the end). Its paths point wherever the plugin keeps its data,
    usually a table of its own in the project file."""

    chapter: str
    bagian: Bagian
    after: str | None = None
    plugin: str = field(default="", compare=False)


Extension = AddColumn | AddBagian


def extend(chapter: Chapter, extensions: "list[Extension] | tuple[Extension, ...]") -> Chapter:
    """`chapter` with the extensions aimed at it applied, in order. The chapter's own objects are
    not changed (they are frozen); an extension naming a table or Bagian that does not exist
    raises ValueError, which the registry reports against the extending plugin."""
    from dataclasses import replace

    for ext in extensions:
        if ext.chapter != chapter.key:
            continue
        if isinstance(ext, AddBagian):
            keys = [b.key for b in chapter.bagian]
            if ext.bagian.key in keys:
                raise ValueError(f"bab '{chapter.key}' sudah punya Bagian '{ext.bagian.key}'")
            at = _position(keys, ext.after, f"Bagian '{ext.after}' di bab '{chapter.key}'")
            chapter = replace(chapter, bagian=chapter.bagian[:at] + (ext.bagian,)
                              + chapter.bagian[at:])
        else:
            found = [False]
            bagian = tuple(replace(b, isi=tuple(_add_column(i, ext, found) for i in b.isi))
                           for b in chapter.bagian)
            if not found[0]:
                raise ValueError(f"bab '{chapter.key}' tidak punya tabel '{ext.table}'")
            chapter = replace(chapter, bagian=bagian)
    return chapter


def _position(keys: list[str], after: str | None, what: str) -> int:
    if after is None:
        return len(keys)
    if after not in keys:
        raise ValueError(f"{what} tidak ada")
    return keys.index(after) + 1


def _add_column(isi: Isi, ext: AddColumn, found: list) -> Isi:
    """The Tabel `isi` (and its nested levels) with the column added when it is the one named,
    or holds it; anything else as it is."""
    from dataclasses import replace

    if not isinstance(isi, Tabel):
        return isi
    levels = _levels(isi)
    if ext.table not in [t.key for t in levels]:
        return isi
    found[0] = True
    editable = {ext.table, *ext.levels}
    blank = replace(ext.kolom, hitung=_blank, wajib=False)

    def add(tabel: Tabel) -> Tabel:
        keys = [k.key for k in tabel.kolom]
        if ext.kolom.key in keys:
            raise ValueError(f"tabel '{tabel.key}' sudah punya kolom '{ext.kolom.key}'")
        at = _position(keys, ext.after, f"kolom '{ext.after}' di tabel '{tabel.key}'")
        kolom = ext.kolom if tabel.key in editable else blank
        child = add(tabel.anak) if tabel.anak is not None else None
        return replace(tabel, kolom=tabel.kolom[:at] + (kolom,) + tabel.kolom[at:], anak=child)

    return add(isi)


def _levels(tabel: Tabel) -> list[Tabel]:
    out = [tabel]
    while out[-1].anak is not None:
        out.append(out[-1].anak)
    return out


def _blank(row: dict, konteks: Any) -> str:
    """The cell of an added column on a level it does not apply to."""
    return ""
