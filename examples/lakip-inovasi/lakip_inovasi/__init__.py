"""Lampiran Inovasi dan Pengaduan: an example third-party chapter for lakip-tui (two tables, a
check, a report section each), started from `lakip plugin new inovasi`."""

from lakip_tui.api import hookimpl

from .chapter import CHAPTER, periksa, susun_laporan


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    return periksa(data)


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == CHAPTER.key:
        return susun_laporan(data)
    return None
