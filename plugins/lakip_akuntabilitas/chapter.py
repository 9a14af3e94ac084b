"""BAB III and BAB IV as chapters: identity and the editing structure the TUI builds from."""

from __future__ import annotations

from typing import Any, Mapping

from lakip_tui.api import Bagian, Chapter, Isian, Kolom, Narasi, Tabel

from .bawaan import BAGIAN_AKUNTABILITAS, BAGIAN_PENUTUP
from .keys import CHAPTER_KEY, PENUTUP

JUDUL = "BAB III Akuntabilitas Kinerja"
# keys of [akuntabilitas] its screens do not name (lakip_tui.known_keys)
EXTRA_KEYS = ("skala[].interval_tertulis", "realisasi[].tahun_lalu", "capaian_negatif_nol",
              "batas_atas_capaian", "efisiensi_tertulis", "efisiensi_rumus_tertulis")
URUTAN = 30
JUDUL_PENUTUP = "BAB IV Penutup"
URUTAN_PENUTUP = 40


def _data(konteks: Any) -> Mapping | None:
    """The project data, when the caller's konteks carries it (Konteks alone does not)."""
    data = konteks if isinstance(konteks, Mapping) else getattr(konteks, "data", None)
    return data if isinstance(data, Mapping) and data else None


def _kolom_hasil(bagian: str):
    """A computed column of the realisasi table: target, capaian or peringkat of the row."""

    def hitung(row: dict, konteks: Any) -> str:
        # the math is imported when a value is first shown, not when the chapter is registered
        from lakip_tui.api import format_nilai, format_persen

        from .data import teks
        from .hitung import evaluasi
        from .nilai import teks_peringkat

        data = _data(konteks)
        if data is None:
            return "-"
        hasil = evaluasi(data).per_kode().get(teks(row.get("indikator")))
        if hasil is None:
            return "indikator tidak dikenal"
        if bagian == "target":
            return format_nilai(hasil.indikator.target, hasil.indikator.satuan)
        if bagian == "capaian":
            return format_persen(hasil.capaian)
        return teks_peringkat(hasil.peringkat)

    return hitung


_AKUNTABILITAS = (
    Bagian("capaian", "A. Capaian Kinerja Organisasi", (
        Narasi("pengantar", "Pengantar", (CHAPTER_KEY, "pengantar")),
        Narasi("ikhtisar", "Ikhtisar Eksekutif (kosong: disusun dari data)", (CHAPTER_KEY, "ikhtisar")),
        Narasi("kerangka_pengukuran", "3.1 Kerangka pengukuran kinerja",
               (CHAPTER_KEY, "kerangka_pengukuran")),
        Tabel("rumus_capaian", "Rumus capaian (3.1)", (CHAPTER_KEY, "rumus_capaian"), (
            Kolom("polaritas", "Polaritas", jenis="pilihan", pilihan=("positif", "negatif")),
            Kolom("syarat", "Syarat"),
            Kolom("rumus", "Rumus", bantuan="kosongkan untuk rumus yang dipakai lakip"),
        ), baris_baru=lambda: {"polaritas": "positif", "syarat": ""}),
        Narasi("kerangka_penutup", "Teks sesudah rumus", (CHAPTER_KEY, "kerangka_penutup")),
    )),
    Bagian("skala", "Tabel 3.1 Skala peringkat", (
        Tabel("skala", "Tabel 3.1 Skala Nilai Peringkat Kinerja", (CHAPTER_KEY, "skala"), (
            Kolom("nama", "Kriteria", wajib=True),
            Kolom("min", "Batas bawah (%)", jenis="desimal",
                  bantuan="inklusif; kosongkan untuk peringkat terendah"),
            Kolom("max", "Batas atas (%)", jenis="desimal",
                  bantuan="kosongkan: berlaku sampai batas bawah peringkat di atasnya"),
        ), baris_baru=lambda: {"nama": ""}),
        Isian("kebijakan_capaian", "Kebijakan capaian", (CHAPTER_KEY,), (
            Kolom("batas_atas_capaian", "Batas atas capaian (%)", jenis="desimal",
                  bantuan="mis. 100 atau 120; kosongkan: capaian tidak dibatasi"),
        )),
        Isian("skala_sumber", "Judul dan sumber Tabel 3.1", (CHAPTER_KEY,), (
            Kolom("skala_judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("skala_sumber", "Sumber"),
        )),
        Narasi("skala_penutup", "Teks sesudah Tabel 3.1", (CHAPTER_KEY, "skala_penutup")),
    )),
    Bagian("realisasi", "Tabel 3.2 Realisasi", (
        Narasi("evaluasi_pengantar", "3.2.1 Pengantar", (CHAPTER_KEY, "evaluasi_pengantar")),
        Tabel("realisasi", "Realisasi per indikator", (CHAPTER_KEY, "realisasi"), (
            Kolom("indikator", "Kode indikator", wajib=True, lebar=10,
                  bantuan="kode indikator di Perjanjian Kinerja, mis. IKU1"),
            Kolom("nilai", "Realisasi", jenis="angka", wajib=True, lebar=10),
            Kolom("target_", "Target", hitung=_kolom_hasil("target")),
            Kolom("capaian_", "Capaian", hitung=_kolom_hasil("capaian")),
            Kolom("peringkat_", "Peringkat", hitung=_kolom_hasil("peringkat")),
            Kolom("capaian_tertulis", "Capaian tertulis", lebar=10,
                  bantuan="hanya untuk mencatat angka laporan lama; diperiksa, tidak dicetak"),
        ), baris_baru=lambda: {"indikator": ""}),
        Isian("capaian_sumber", "Judul dan sumber Tabel 3.2", (CHAPTER_KEY,), (
            Kolom("capaian_judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("capaian_sumber", "Sumber"),
        )),
    )),
    Bagian("analisis", "Analisis per sasaran", (
        Tabel("analisis", "Analisis capaian per sasaran", (CHAPTER_KEY, "analisis"), (
            Kolom("sasaran", "Kode sasaran", wajib=True, lebar=10),
            Kolom("judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("teks", "Analisis"),
            Kolom("iku_judul", "Judul uraian indikator"),
            Kolom("iku", "Uraian indikator"),
        ), baris_baru=lambda: {"sasaran": "", "teks": "", "iku": ""}),
    )),
    Bagian("perbandingan", "3.2.2 - 3.2.3 Perbandingan, kendala, solusi", (
        Isian("perbandingan_sumber", "Judul dan sumber Tabel 3.4", (CHAPTER_KEY,), (
            Kolom("perbandingan_judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("perbandingan_sumber", "Sumber"),
        )),
        Narasi("kendala_pengantar", "Pengantar kendala", (CHAPTER_KEY, "kendala_pengantar")),
        Narasi("kendala", "Kendala / hambatan", (CHAPTER_KEY, "kendala"), daftar=True),
        Narasi("solusi_pengantar", "Pengantar solusi", (CHAPTER_KEY, "solusi_pengantar")),
        Narasi("solusi", "Solusi / harapan", (CHAPTER_KEY, "solusi"), daftar=True),
    )),
    Bagian("efisiensi", "3.2.4 - 3.2.5 Efisiensi dan program pendukung", (
        Narasi("efisiensi_pengantar", "Pengantar efisiensi", (CHAPTER_KEY, "efisiensi_pengantar")),
        Narasi("efisiensi_teks", "Penjelasan efisiensi", (CHAPTER_KEY, "efisiensi_teks")),
        Isian("efisiensi_tertulis", "Efisiensi tertulis (laporan lama)", (CHAPTER_KEY,), (
            Kolom("efisiensi_rumus_tertulis", "Baris hitungan tertulis",
                  bantuan="hanya untuk mencatat laporan lama; diperiksa, tidak dicetak"),
            Kolom("efisiensi_tertulis", "Efisiensi tertulis",
                  bantuan="hanya untuk mencatat angka laporan lama; laporan mencetak hasil hitung"),
        )),
        Narasi("program_pendukung", "3.2.5 Program pendukung", (CHAPTER_KEY, "program_pendukung")),
        Narasi("realisasi_anggaran_pengantar", "B. Realisasi Anggaran: pengantar",
               (CHAPTER_KEY, "realisasi_anggaran_pengantar")),
    )),
)

_PENUTUP = (
    Bagian("penutup", "A. Penutup", (
        Narasi("teks", "Penutup", (PENUTUP, "teks")),
        Narasi("langkah_pengantar", "Pengantar langkah", (PENUTUP, "langkah_pengantar")),
        Narasi("langkah", "Langkah-langkah", (PENUTUP, "langkah"), daftar=True),
    )),
)


def chapters() -> list[Chapter]:
    return [
        Chapter(key=CHAPTER_KEY, title=JUDUL, order=URUTAN, default_section=BAGIAN_AKUNTABILITAS,
                bagian=_AKUNTABILITAS, extra_keys=EXTRA_KEYS),
        Chapter(key=PENUTUP, title=JUDUL_PENUTUP, order=URUTAN_PENUTUP,
                default_section=BAGIAN_PENUTUP, bagian=_PENUTUP, extra_keys=("teks_akhir",)),
    ]
