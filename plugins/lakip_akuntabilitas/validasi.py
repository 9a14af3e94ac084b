"""The checks of BAB III and BAB IV, one family per module; this one runs them all.

cek_capaian: realisasi and capaian; cek_skala: Tabel 3.1; cek_narasi: analyses and years in
narratives; cek_efisiensi: 3.2.4. Everything is compared with hitung.evaluasi, computed once.
"""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Finding, error, warning

from .cek_capaian import periksa_capaian_tertulis, periksa_realisasi
from .cek_efisiensi import periksa_efisiensi
from .cek_narasi import periksa_analisis, periksa_tahun_bab_iii, periksa_tahun_penutup
from .cek_skala import periksa_tabel_skala
from lakip_tui.api import Path

from .data import CHAPTER_KEY, PENUTUP, baris, daftar_teks, tabel, teks
from .hitung import KUNCI_BATAS_ATAS, KUNCI_NEGATIF_NOL, evaluasi, kebijakan

# Every finding code this plugin raises (documented in docs/chapters.md).
KODE_TEMUAN = tuple(f"{CHAPTER_KEY}.{k}" for k in (
    "bagian-kosong", "pk-tidak-ada", "realisasi-tanpa-indikator", "indikator-tidak-dikenal",
    "realisasi-ganda", "realisasi-kosong", "capaian-tak-terhitung", "capaian-tertulis",
    "skala-bawaan", "skala", "analisis-sasaran-tidak-dikenal", "peringkat-narasi",
    "persen-narasi", "efisiensi-tak-terhitung", "efisiensi-tertulis", "persen-efisiensi",
    "efisiensi-satuan", "rumus-kurung", "tahun-narasi", "kebijakan-capaian", "wajib-kosong", "analisis-kosong", "tahun-lalu-berbeda",
)) + (f"{PENUTUP}.teks-kosong", f"{PENUTUP}.tahun-narasi")


def periksa(data: Mapping, tahun: int | None, *, pk_diperiksa: bool = False) -> list[Finding]:
    temuan: list[Finding] = []
    if isinstance(data.get(CHAPTER_KEY), dict):
        hasil = evaluasi(data)
        temuan += periksa_realisasi(data, hasil, pk_diperiksa=pk_diperiksa)
        temuan += periksa_capaian_tertulis(hasil)
        temuan += periksa_tabel_skala(data)
        temuan += periksa_kebijakan(data)
        temuan += periksa_wajib(data, hasil)
        temuan += periksa_analisis(data, hasil)
        temuan += periksa_efisiensi(data, hasil)
        if tahun is not None:
            temuan += periksa_tahun_bab_iii(data, tahun)
    else:
        temuan.append(error(f"{CHAPTER_KEY}.bagian-kosong", CHAPTER_KEY, (CHAPTER_KEY,),
                            "Bagian [akuntabilitas] belum ada: realisasi, capaian dan analisis "
                            "BAB III belum diisi"))
    temuan += periksa_penutup(data, tahun)
    return temuan


# Lists BAB III cannot go without, and where the planner fills them in the editor.
WAJIB = (("kendala", "Kendala / hambatan (3.2.3.1)"), ("solusi", "Solusi / harapan (3.2.3.2)"))


def periksa_wajib(data: Mapping, hasil) -> list[Finding]:
    """Kendala, solusi and an analysis of every sasaran: missing ones are named with the place
    to write them."""
    isi = tabel(data, CHAPTER_KEY)
    temuan = [warning(f"{CHAPTER_KEY}.wajib-kosong", CHAPTER_KEY, (CHAPTER_KEY, kunci),
                      f"{label} belum diisi; isi di BAB III > 3.2.2 - 3.2.3 Perbandingan, "
                      "kendala, solusi")
              for kunci, label in WAJIB if not daftar_teks(isi.get(kunci))]
    ditulis: dict[str, Path] = {}
    for path, row in baris(data, CHAPTER_KEY, "analisis"):
        if teks(row.get("teks")) or teks(row.get("iku")):
            ditulis.setdefault(teks(row.get("sasaran")), path)
    kosong: dict[str, Path] = {teks(r.get("sasaran")): p for p, r in baris(data, CHAPTER_KEY, "analisis")}
    for s in hasil.sasaran:
        kode = s.sasaran.kode
        if kode and kode not in ditulis:
            temuan.append(warning(
                f"{CHAPTER_KEY}.analisis-kosong", CHAPTER_KEY, (*kosong[kode], "teks") if kode in kosong
                else (CHAPTER_KEY, "analisis"),
                f"Analisis {s.sasaran.sebut()} belum ditulis; isi di BAB III > Analisis per "
                "sasaran (laporan mencetak kalimat capaian yang dihitung saja)"))
    return temuan


def periksa_kebijakan(data: Mapping) -> list[Finding]:
    """A capping policy that cannot be read is left out of every figure: say so."""
    _aturan, masalah = kebijakan(data)
    isi = tabel(data, CHAPTER_KEY)
    temuan = []
    for pesan in masalah:
        kunci = KUNCI_BATAS_ATAS if pesan.startswith("batas") else KUNCI_NEGATIF_NOL
        if kunci in isi:
            temuan.append(error(f"{CHAPTER_KEY}.kebijakan-capaian", CHAPTER_KEY, (CHAPTER_KEY, kunci),
                                pesan[0].upper() + pesan[1:]))
    return temuan


def periksa_penutup(data: Mapping, tahun: int | None) -> list[Finding]:
    """BAB IV: its text must be written; a year in it must be the fiscal year."""
    isi = tabel(data, PENUTUP)
    temuan = []
    if not teks(isi.get("teks")):
        temuan.append(warning(f"{PENUTUP}.teks-kosong", PENUTUP, (PENUTUP, "teks"),
                              "BAB IV Penutup belum diisi"))
    if tahun is not None:
        temuan += periksa_tahun_penutup(data, tahun)
    return temuan
