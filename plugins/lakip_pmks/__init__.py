"""PMKS, PSKS and lembaga sosial: data tables printed inside BAB I, II and III.

The hooks only delegate: the chapter and its editing structure live in `chapter`, the checks
in `validasi`, the tables and texts in `laporan`, where they go in `penempatan`, the
`lakip new` text in `bawaan`.
"""

from __future__ import annotations

from lakip_tui.api import hookimpl

from .chapter import CHAPTER

# The report and the checks are imported by the hooks that use them: the editor's first screen
# needs only the chapter definition.


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    from . import validasi

    return validasi.periksa(data)


@hookimpl
def lakip_render(chapter, data, konteks):
    from . import penempatan

    return penempatan.sections(chapter.key, data, konteks) or None


@hookimpl
def lakip_tahun_baru(data, lama, baru):
    from .tahun_baru import pindah

    return pindah(data, lama, baru)
