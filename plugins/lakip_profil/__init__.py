"""BAB I Pendahuluan: kata pengantar, latar belakang, profil, tugas dan fungsi, pegawai.

The hooks only delegate: the chapter and its editing structure live in `chapter`, the checks
in `validasi`, the report in `laporan`, the `lakip new` text in `bawaan`.
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

    return validasi.periksa(data, konteks.tahun)


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key != CHAPTER.key:
        return None
    from . import laporan

    return laporan.sections(data)


@hookimpl
def lakip_tahun_baru(data, lama, baru):
    from .tahun_baru import pindah

    return pindah(data, lama, baru)
