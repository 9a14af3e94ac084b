"""What BAB I does when next year's file starts from this one: the profile is carried; the
date of the staff count and a year named as the fiscal year in its texts become the new one."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Pindah, ganti_tahun_di

from .baca import CHAPTER_KEY, tabel

TEKS = ("kata_pengantar", "latar_belakang", "profil", "sarana_pengantar", "maksud", "tujuan",
        "susunan_organisasi", "susunan_penutup", "tupoksi_pengantar", "aspek_strategis",
        "permasalahan_utama", "sistematika_pengantar")
PEGAWAI = ("tanggal", "pengantar", "pendidikan_pengantar", "eselon_pengantar")


def pindah(data: Mapping, lama: int, baru: int) -> list[Pindah]:
    profil = tabel(data, CHAPTER_KEY)
    if not profil:
        return []
    out = [Pindah("bawa", "profil instansi (BAB I), dasar hukum, susunan organisasi, tugas dan "
                          "fungsi; jumlah pegawai per 31 Desember tahun lalu: perbarui")]
    out += ganti_tahun_di(profil, TEKS, (CHAPTER_KEY,), lama, baru)
    out += ganti_tahun_di(tabel(profil, "pegawai"), PEGAWAI, (CHAPTER_KEY, "pegawai"), lama, baru)
    return out
