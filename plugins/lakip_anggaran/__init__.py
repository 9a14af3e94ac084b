"""Bab anggaran: Tabel 3.6 (realisasi per program) and Tabel 3.7 (program, kegiatan, sub
kegiatan), their checks, and the [anggaran] section of a new file.

Only the hook implementations live here; see chapter.py, validasi.py, laporan.py, bawaan.py.
`hitung.persen_realisasi(data)` gives other plugins the total realisasi percentage.
"""

from __future__ import annotations

from lakip_tui.api import hookimpl

from .chapter import CHAPTER

__all__ = ["persen_realisasi"]

# The report, the checks and the budget math are imported by the hooks (and the attribute) that
# use them: the editor's first screen needs only the chapter definition.


def __getattr__(name: str):
    if name == "persen_realisasi":
        from .hitung import persen_realisasi

        return persen_realisasi
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    from . import validasi

    return validasi.periksa(data)


@hookimpl
def lakip_render(chapter, data, konteks):
    from . import laporan

    return laporan.sections(chapter.key, data, konteks)


@hookimpl
def lakip_summary(data, konteks):
    from .ringkasan import grafik_anggaran

    return [grafik_anggaran(data)]


@hookimpl
def lakip_data(data, konteks):
    from .fakta import tabel_fakta

    return tabel_fakta(data)


@hookimpl
def lakip_tahun_baru(data, lama, baru):
    from .tahun_baru import pindah

    return pindah(data, lama, baru)


@hookimpl
def lakip_impor(lembar, data):
    from .impor import impor

    return impor(lembar, data)
