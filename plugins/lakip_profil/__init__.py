"""BAB I Pendahuluan: kata pengantar, latar belakang, profil, tugas dan fungsi, pegawai.

The hooks only delegate: the chapter and its editing structure live in `chapter`, the checks
in `validasi`, the report in `laporan`, the `lakip new` text in `bawaan`.
"""

from __future__ import annotations

from lakip_tui.hookspecs import hookimpl

from . import laporan, validasi
from .chapter import CHAPTER


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    return validasi.periksa(data, konteks.tahun)


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key != CHAPTER.key:
        return None
    return laporan.sections(data)
