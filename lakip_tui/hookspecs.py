"""The chapter contract: every hook a plugin may implement, with the `lakip_` prefix.

Plugins receive plain data (dicts, lists, ints, strs; never tomlkit objects). None of these hooks
may change the project: edits go through `lakip_tui.project.Project`'s edit API, from the TUI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable

import pluggy

if TYPE_CHECKING:
    from .chapter import Chapter
    from .context import Konteks
    from .facts import FactTable
    from .lke import Bukti
    from .findings import Finding
    from .report import Grafik, Section
    from .impor import Impor, Lembar
    from .tahun_baru import Pindah

PROJECT_NAME = "lakip_tui"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def lakip_register_chapters(register: Callable[["Chapter"], None]) -> None:
    """Register the chapters this plugin owns: `register(Chapter(key=..., title=..., order=...))`."""


@hookspec
def lakip_validate(data: dict, konteks: "Konteks") -> "Iterable[Finding] | None":
    """Return findings about the project. Any plugin may check any chapter's data."""


@hookspec
def lakip_render(chapter: "Chapter", data: dict, konteks: "Konteks") -> "Iterable[Section] | None":
    """Return report sections for `chapter` (called once per chapter, on every plugin).

    The owner returns the chapter's own sections; another plugin may add sections to it
    (ordered by Section.order), e.g. a data table that the report prints inside BAB II.
    """


@hookspec
def lakip_summary(data: dict, konteks: "Konteks") -> "Iterable[Grafik] | None":
    """Return charts for the summary screen (F4): e.g. capaian per indikator, pagu vs realisasi
    per program. Numbers come from `kinerja`, text from `angka`; the TUI only draws them."""


@hookspec
def lakip_data(data: dict, konteks: "Konteks") -> "Iterable[FactTable] | None":
    """Return tidy tables of this chapter's facts for `lakip data` and `lakip rekap`
    (docs/data.md): e.g. one row per budget row with its level, code, pagu and realisasi. Every
    computed figure comes from the plugin's own math (`kinerja`), the same the report prints.
    A one-row table named "instansi" adds its columns to the file's instansi row."""


@hookspec
def lakip_tahun_baru(data: dict, lama: int, baru: int) -> "Iterable[Pindah] | None":
    """Next year's file starts from this one (`lakip new --from`): return `Pindah`s saying
    what this plugin's tables carry, fill in for the new year (a target from the Renstra),
    move into a comparison field (this year's realisasi as last year's) or clear (this year's
    realisasi, year-bound narrative). The core applies those with a path, keeps every comment,
    and prints them all.
    """


@hookspec
def lakip_impor(lembar: "list[Lembar]", data: dict) -> "Impor | None":
    """`lakip import FILE SOURCE` (and the editor's import command): if this plugin recognises
    the sheets (its header row), return an `Impor` with one `BarisImpor` per row of the diff
    (berubah, baru, sama, tak-cocok, tidak-di-lembar) and the edits (`Ubah`, `Sisip`) to make;
    a sheet it recognises but cannot read is `Impor(judul, galat="...")` naming sheet, row and
    column. None: not this plugin's sheet. Nothing is written before the user says yes.
    """


@hookspec
def lakip_lke(data: dict, konteks: "Konteks") -> "Iterable[Bukti] | None":
    """Return evidence for the LKE self-check (`lakip check --lke`, docs/lke.md): a
    `Bukti(kriteria, status, path, keterangan)` per criterion this chapter can show, e.g. that
    every indicator has a target, a realisasi and a capaian ("target"), pointing at the data."""


@hookspec
def lakip_chapter_view(chapter: "Chapter", project: Any, konteks: "Konteks") -> Any:
    """Optional: a Textual widget for `chapter` instead of the one built from Chapter.bagian.

    Import Textual inside the implementation, never at module level: `lakip check` and
    `lakip export` load every plugin and must not pay for Textual.
    """
