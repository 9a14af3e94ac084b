"""PMKS, PSKS and lembaga sosial: data tables printed inside BAB I, II and III.

The hooks only delegate: the chapter and its editing structure live in `chapter`, the checks
in `validasi`, the tables and texts in `laporan`, where they go in `penempatan`, the
`lakip new` text in `bawaan`.
"""

from __future__ import annotations

from lakip_tui.hookspecs import hookimpl

from . import penempatan, validasi
from .chapter import CHAPTER


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    return validasi.periksa(data)


@hookimpl
def lakip_render(chapter, data, konteks):
    return penempatan.sections(chapter.key, data, konteks) or None
