"""What the budget chapter does when next year's file starts from this one: the program,
kegiatan and sub kegiatan tree and its pagu are carried (to be updated with `lakip import`),
every realisasi and every figure stated by the old document is cleared, and a year named as the
fiscal year in a title becomes the new one."""

from __future__ import annotations

from typing import Any, Mapping

from lakip_tui.api import Pindah, ganti_tahun_di

from .chapter import CHAPTER_KEY

TERTULIS = ("pagu_tertulis", "realisasi_tertulis", "persen_tertulis")
JUDUL = ("judul", "sumber", "ringkasan_judul", "ringkasan_sumber")


def _baris(isi: Any, kunci: str) -> list[tuple[int, dict]]:
    nilai = isi.get(kunci) if isinstance(isi, dict) else None
    return [(i, r) for i, r in enumerate(nilai or []) if isinstance(r, dict)] \
        if isinstance(nilai, list) else []


def pindah(data: Mapping, lama: int, baru: int) -> list[Pindah]:
    isi = data.get(CHAPTER_KEY)
    if not isinstance(isi, dict):
        return []
    out: list[Pindah] = []
    realisasi = tertulis = sub = 0
    simpul: list[tuple[tuple, dict]] = [((CHAPTER_KEY,), isi)]
    for pi, program in _baris(isi, "program"):
        simpul.append(((CHAPTER_KEY, "program", pi), program))
        for ki, kegiatan in _baris(program, "kegiatan"):
            simpul.append(((CHAPTER_KEY, "program", pi, "kegiatan", ki), kegiatan))
            for si, row in _baris(kegiatan, "sub"):
                path = (CHAPTER_KEY, "program", pi, "kegiatan", ki, "sub", si)
                simpul.append((path, row))
                sub += 1
                if "realisasi" in row:
                    out.append(Pindah("kosongkan", "", (*path, "realisasi")))
                    realisasi += 1
    for path, row in simpul:
        for kunci in TERTULIS:
            if kunci in row:
                out.append(Pindah("kosongkan", "", (*path, kunci)))
                tertulis += 1
    if "ringkasan_tertulis" in isi:
        out.append(Pindah("kosongkan", "baris Tabel 3.6 yang tercetak di dokumen lama "
                                       "(anggaran.ringkasan_tertulis)",
                          (CHAPTER_KEY, "ringkasan_tertulis")))
    # one printed line per kind, not one per sub kegiatan
    out = [p for p in out if p.keterangan] + [p for p in out if not p.keterangan]
    ringkas = []
    if sub:
        ringkas.append(Pindah("bawa", f"{sub} sub kegiatan dengan pagu {lama}: perbarui dengan "
                                      "`lakip import` dari laporan realisasi SIPD"))
    if realisasi:
        ringkas.append(Pindah("kosongkan", f"realisasi anggaran {realisasi} sub kegiatan"))
    if tertulis:
        ringkas.append(Pindah("kosongkan", f"{tertulis} angka tertulis anggaran (*_tertulis) "
                                           "dari dokumen lama"))
    return ringkas + out + ganti_tahun_di(isi, JUDUL, (CHAPTER_KEY,), lama, baru)
