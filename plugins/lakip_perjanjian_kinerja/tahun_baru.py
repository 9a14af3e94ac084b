"""What BAB II does when next year's file starts from this one: each indicator's target becomes
the Renstra's target for the new year; the Renstra, visi, misi, tujuan and sasaran are carried;
a year named as the fiscal year in a title becomes the new one."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Pindah, ganti_tahun_di

from .data import CHAPTER_KEY, daftar_sasaran, periode_renstra, tabel

JUDUL = ("pk_judul", "pk_sumber", "pk_pengantar", "pk_penutup", "tujuan_judul", "tujuan_sumber")


def pindah(data: Mapping, lama: int, baru: int) -> list[Pindah]:
    out = [Pindah("bawa", "Renstra: visi, misi, tujuan, sasaran dan indikator dengan target "
                          "per tahunnya")]
    periode = periode_renstra(data)
    if periode is not None and baru > periode[1]:
        out.append(Pindah("bawa", f"periode Renstra {periode[0]}-{periode[1]} sudah berakhir "
                                  f"sebelum {baru}: isi Renstra yang baru (BAB II > A)"))
    for s in daftar_sasaran(data):
        for ind in s.indikator:
            nama = ind.kode or ind.uraian or f"indikator ke-{ind.nomor}"
            target = ind.renstra.get(str(baru))
            if target is None:
                out.append(Pindah("kosongkan", f"target {baru} indikator {nama}: tidak ada di "
                                               "Renstra, isi sendiri", (*ind.path, "target")))
            elif target != ind.target:
                out.append(Pindah("isi", f"target {baru} indikator {nama}: {target} (Renstra; "
                                         f"tahun {lama}: {ind.target})",
                                  (*ind.path, "target"), target))
    out += ganti_tahun_di(tabel(data, CHAPTER_KEY), JUDUL, (CHAPTER_KEY,), lama, baru)
    return out
