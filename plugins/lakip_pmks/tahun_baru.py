"""What the PMKS chapter does when next year's file starts from this one: the tables of PMKS,
PSKS and lembaga are carried (to be updated with this year's data), the totals the old document
printed are cleared, and a year named as the fiscal year in a title or text becomes the new one."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Pindah, ganti_tahun_di

from .baca import CHAPTER_KEY, tabel

TERTULIS = ("pmks_jumlah_tertulis", "psks_jumlah_tertulis")
TEKS = ("pmks_sumber", "pmks_tabel_sumber", "pmks_tabel_judul", "pmks_tabel_pengantar",
        "psks_sumber", "psks_tabel_judul", "psks_tabel_pengantar", "lembaga_sumber",
        "lembaga_judul")


def pindah(data: Mapping, lama: int, baru: int) -> list[Pindah]:
    isi = tabel(data, CHAPTER_KEY)
    if not isi:
        return []
    out = [Pindah("bawa", f"data PMKS, PSKS dan lembaga sosial {lama}: perbarui dengan data "
                          f"{baru}")]
    out += [Pindah("kosongkan", f"{CHAPTER_KEY}.{k} (jumlah tercetak di dokumen lama)", (CHAPTER_KEY, k))
            for k in TERTULIS if k in isi]
    return out + ganti_tahun_di(isi, TEKS, (CHAPTER_KEY,), lama, baru)
