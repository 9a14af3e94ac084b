"""BAB II Perencanaan dan Perjanjian Kinerja: Renstra, visi, misi, tujuan, sasaran and the PK.

A built-in chapter, loaded through the `lakip_tui` entry-point group like any other plugin.
BAB III (lakip_akuntabilitas) reads the indicators defined here from the data, never from
this package, so either works without the other.
"""

from __future__ import annotations

from lakip_tui.api import hookimpl

from .chapter import chapter
from .keys import CHAPTER_KEY

# The report and the checks are imported by the hooks that use them: the editor's first screen
# needs only the chapter definition.


@hookimpl
def lakip_register_chapters(register):
    register(chapter())


@hookimpl
def lakip_validate(data, konteks):
    from .validasi import periksa

    return periksa(data, konteks.tahun)


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key != CHAPTER_KEY:
        return None
    from .laporan import bagian_laporan
    from .lampiran import lampiran_pk

    return [*bagian_laporan(data, konteks.tahun), lampiran_pk(data, konteks.tahun)]


@hookimpl
def lakip_tahun_baru(data, lama, baru):
    from .tahun_baru import pindah

    return pindah(data, lama, baru)
