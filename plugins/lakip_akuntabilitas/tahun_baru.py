"""What BAB III and BAB IV do when next year's file starts from this one: each realisasi moves
into `tahun_lalu` under this year (Tabel 3.4 then compares with it), the year-bound texts
(analyses, efisiensi, the conclusion) and the stated figures are cleared, a year named as the
fiscal year in a title or a carried text becomes the new one."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Pindah, ganti_tahun_di

from .data import CHAPTER_KEY, PENUTUP, baris, tabel, teks

# carried texts in which "Tahun <lama>" means the fiscal year
TEKS_BAWA = ("pengantar", "kerangka_pengukuran", "kerangka_penutup", "skala_penutup",
             "evaluasi_pengantar", "capaian_judul", "perbandingan_judul", "perbandingan_sumber",
             "kendala_pengantar", "solusi_pengantar", "efisiensi_pengantar", "program_pendukung",
             "realisasi_anggaran_pengantar")
# written for one year only: cleared (empty text) for the new year
TEKS_TAHUNAN = ("efisiensi_teks",)
TERTULIS = ("efisiensi_tertulis", "efisiensi_rumus_tertulis")


def pindah(data: Mapping, lama: int, baru: int) -> list[Pindah]:
    isi = tabel(data, CHAPTER_KEY)
    out: list[Pindah] = []
    dipindah = 0
    for path, row in baris(data, CHAPTER_KEY, "realisasi"):
        kode = teks(row.get("indikator")) or "(tanpa kode)"
        if "nilai" in row:
            lalu = row.get("tahun_lalu") if isinstance(row.get("tahun_lalu"), dict) else {}
            out.append(Pindah("bawa", f"realisasi {lama} indikator {kode} ({row['nilai']}) "
                                      "menjadi pembanding tahun lalu (Tabel 3.4)",
                              (*path, "tahun_lalu"), {**lalu, str(lama): row["nilai"]}))
            out.append(Pindah("kosongkan", f"realisasi {baru} indikator {kode}", (*path, "nilai")))
            dipindah += 1
        if "capaian_tertulis" in row:
            out.append(Pindah("kosongkan", f"capaian tertulis indikator {kode}",
                              (*path, "capaian_tertulis")))
    for path, row in baris(data, CHAPTER_KEY, "analisis"):
        kode = teks(row.get("sasaran")) or "(tanpa kode)"
        for kunci in ("teks", "iku"):
            if teks(row.get(kunci)):
                out.append(Pindah("kosongkan", f"analisis sasaran {kode} ({kunci})",
                                  (*path, kunci), ""))
    for kunci in TEKS_TAHUNAN:
        if teks(isi.get(kunci)):
            out.append(Pindah("kosongkan", f"akuntabilitas.{kunci}", (CHAPTER_KEY, kunci), ""))
    for kunci in TERTULIS:
        if kunci in isi:
            out.append(Pindah("kosongkan", f"akuntabilitas.{kunci} (angka dokumen lama)",
                              (CHAPTER_KEY, kunci)))
    out += ganti_tahun_di(isi, TEKS_BAWA, (CHAPTER_KEY,), lama, baru)
    if daftar := [k for k in ("kendala", "solusi") if isi.get(k)]:
        out.append(Pindah("bawa", f"{' dan '.join(daftar)} tahun {lama}: periksa apakah masih "
                                  "berlaku"))
    if "skala" in isi or "batas_atas_capaian" in isi or "rumus_capaian" in isi:
        out.append(Pindah("bawa", "skala peringkat, rumus capaian dan kebijakan batas capaian"))
    penutup = tabel(data, PENUTUP)
    if teks(penutup.get("teks")):
        out.append(Pindah("kosongkan", f"kesimpulan BAB IV (penutup.teks) tahun {lama}",
                          (PENUTUP, "teks"), ""))
    out += ganti_tahun_di(penutup, ("langkah_pengantar", "teks_akhir"), (PENUTUP,), lama, baru)
    return out
