"""BAB III Akuntabilitas Kinerja and BAB IV Penutup (chapter key "penutup").

A built-in chapter plugin, loaded through the `lakip_tui` entry-point group like any other.
It reads the sasaran and indicators of [perjanjian_kinerja] from the data, so it keeps working
when the lakip_perjanjian_kinerja plugin is switched off, and the budget from [anggaran] for
efisiensi (which is "tidak dapat dihitung" when there is none).
"""

from __future__ import annotations

from lakip_tui.api import hookimpl

from .chapter import chapters
from .keys import CHAPTER_KEY, PENUTUP, PK

# The report and the checks are imported by the hooks that use them: the editor's first screen
# needs only the chapter definition.


@hookimpl
def lakip_register_chapters(register):
    for chapter in chapters():
        register(chapter)


@hookimpl
def lakip_validate(data, konteks):
    from .validasi import periksa

    from .tahun_lalu import periksa as periksa_tahun_lalu

    return [*periksa(data, konteks.tahun, pk_diperiksa=konteks.has_chapter(PK)),
            *periksa_tahun_lalu(data, konteks.sebelumnya)]


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == CHAPTER_KEY:
        from .laporan import bagian_laporan

        return bagian_laporan(data, konteks.tahun, konteks.sebelumnya)
    if chapter.key == PENUTUP:
        from .penutup import bagian_penutup

        return bagian_penutup(data)
    return None


@hookimpl
def lakip_summary(data, konteks):
    from .ringkasan import grafik_capaian

    return [grafik_capaian(data)]


@hookimpl
def lakip_data(data, konteks):
    from .fakta import tabel_fakta

    return tabel_fakta(data)


@hookimpl
def lakip_tahun_baru(data, lama, baru):
    from .tahun_baru import pindah

    return pindah(data, lama, baru)


@hookimpl
def lakip_lke(data, konteks):
    from .lke import bukti

    return bukti(data, konteks.sebelumnya)
