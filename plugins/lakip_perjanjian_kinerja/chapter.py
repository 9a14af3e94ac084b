"""BAB II as a chapter: its identity and the editing structure the TUI builds from."""

from __future__ import annotations

from lakip_tui.api import format_nilai
from lakip_tui.api import daftar_teks
from lakip_tui.api import Bagian, Chapter, Isian, Kolom, Narasi, Tabel

from .bawaan import BAGIAN_BAWAAN
from .keys import CHAPTER_KEY, JENIS, POLARITAS

# Keys beyond the editing screens: none (the Pemda's sasaran a sasaran serves, read by
# `lakip data` and `lakip rekap`, is edited in the details of the sasaran row).
EXTRA_KEYS: tuple[str, ...] = ()

JUDUL = "BAB II Perencanaan dan Perjanjian Kinerja"
URUTAN = 20


# The sasaran level of the PK table shows a summary of its indicators, so both levels of the
# foldable table have the same six columns.
def _jumlah_indikator(row: dict, konteks: object) -> str:
    indikator = row.get("indikator")
    n = len(indikator) if isinstance(indikator, list) else 0
    return f"{n} indikator"


def _ringkas(kunci: str, bawaan: str):
    """The distinct values of one indicator field, for the sasaran row."""

    def hitung(row: dict, konteks: object) -> str:
        indikator = row.get("indikator") if isinstance(row.get("indikator"), list) else []
        nilai = {str(i.get(kunci) or bawaan) for i in indikator if isinstance(i, dict)}
        return ", ".join(sorted(nilai)) or "-"

    return hitung


def _target_indikator(row: dict, konteks: object) -> str:
    indikator = row.get("indikator") if isinstance(row.get("indikator"), list) else []
    return "; ".join(format_nilai(i.get("target"), str(i.get("satuan") or ""))
                     for i in indikator if isinstance(i, dict)) or "-"


def _sasaran_tujuan(row: dict, konteks: object) -> str:
    return ", ".join(daftar_teks(row.get("sasaran"))) or "-"


_INDIKATOR = Tabel(
    key="indikator",
    judul="Indikator kinerja",
    path=("indikator",),
    kolom=(
        Kolom("kode", "Kode", wajib=True, lebar=8,
              bantuan="kode unik, mis. IKU1; dipakai realisasi BAB III"),
        Kolom("uraian", "Indikator Kinerja", wajib=True),
        Kolom("satuan", "Satuan", lebar=8, bantuan="mis. %, orang, dokumen"),
        Kolom("polaritas", "Polaritas", jenis="pilihan", pilihan=POLARITAS, lebar=9,
              bantuan="negatif: makin rendah realisasi makin baik"),
        Kolom("jenis", "Jenis", jenis="pilihan", pilihan=JENIS, lebar=13,
              bantuan="kualitatif perlu `urutan` nilai dari terendah ke tertinggi"),
        Kolom("target", "Target", jenis="angka", wajib=True, lebar=9,
              bantuan="target tahun ini; persen ditulis 85 untuk 85%"),
    ),
    baris_baru=lambda: {"kode": "", "uraian": "", "satuan": "%", "polaritas": "positif",
                        "jenis": "kuantitatif"},
    # under the table, for the indicator under the cursor
    rincian=(
        Isian("renstra", "Target Renstra per tahun", (), (
            Kolom("renstra", "Target Renstra", jenis="peta_tahun",
                  bantuan="tahun: target; mis. 2022: 70; 2023: 82,5"),
        )),
        Narasi("urutan", "Urutan nilai kualitatif (terendah dulu)", ("urutan",), daftar=True),
    ),
)

_SASARAN = Tabel(
    key="sasaran",
    judul="Tabel 2.2 Perjanjian Kinerja",
    path=(CHAPTER_KEY, "sasaran"),
    kolom=(
        Kolom("kode", "Kode", wajib=True, lebar=8, bantuan="kode unik, mis. SS1"),
        Kolom("uraian", "Sasaran Strategis", wajib=True),
        Kolom("jumlah_", "Indikator", hitung=_jumlah_indikator),
        Kolom("polaritas_", "Polaritas", hitung=_ringkas("polaritas", "positif")),
        Kolom("jenis_", "Jenis", hitung=_ringkas("jenis", "kuantitatif")),
        Kolom("target_", "Target", hitung=_target_indikator),
    ),
    anak=_INDIKATOR,
    baris_baru=lambda: {"kode": "", "uraian": "", "indikator": []},
    # under the table, for the sasaran under the cursor: the Pemda's sasaran (RPJMD) it serves,
    # which `lakip data` and `lakip rekap` group the city's agencies by (docs/rekap.md)
    rincian=(
        Isian("sasaran_daerah", "Sasaran daerah (RPJMD) yang didukung", (), (
            Kolom("sasaran_daerah", "Sasaran daerah",
                  bantuan="sasaran RPJMD Pemda yang didukung sasaran ini, ditulis sama "
                          "di semua perangkat daerah; lakip rekap mengelompokkan menurutnya"),
        )),
    ),
)

_BAGIAN = (
    Bagian("renstra", "A. Rencana Strategis", (
        Isian("periode", "Periode Renstra", (CHAPTER_KEY, "renstra"), (
            Kolom("awal", "Tahun awal", jenis="tahun", wajib=True),
            Kolom("akhir", "Tahun akhir", jenis="tahun", wajib=True),
        )),
        Narasi("rencana_strategis", "Rencana strategis", (CHAPTER_KEY, "rencana_strategis")),
        Narasi("visi_pengantar", "Pengantar visi", (CHAPTER_KEY, "visi_pengantar")),
        Isian("visi", "Visi", (CHAPTER_KEY,), (
            Kolom("visi_label", "Label",
                  bantuan='kata sebelum visi, mis. "Visi Pemerintah Kota Binjai"'),
            Kolom("visi", "Visi", wajib=True),
        )),
        Tabel("visi_makna", "Makna visi", (CHAPTER_KEY, "visi_makna"), (
            Kolom("kata", "Kata", lebar=14), Kolom("makna", "Makna"),
        ), baris_baru=lambda: {"kata": "", "makna": ""}),
        Narasi("misi_pengantar", "Pengantar misi", (CHAPTER_KEY, "misi_pengantar")),
        Narasi("misi", "Misi", (CHAPTER_KEY, "misi"), daftar=True),
        Narasi("misi_penjelasan", "Penjelasan misi", (CHAPTER_KEY, "misi_penjelasan")),
        Narasi("program_prioritas_pengantar", "Pengantar program prioritas",
               (CHAPTER_KEY, "program_prioritas_pengantar")),
        Narasi("program_prioritas", "Program prioritas", (CHAPTER_KEY, "program_prioritas"), daftar=True),
    )),
    Bagian("tujuan", "B. Tujuan dan Sasaran", (
        Narasi("tujuan_pengantar", "Pengantar tujuan", (CHAPTER_KEY, "tujuan_pengantar")),
        Narasi("tujuan_uraian", "Uraian tujuan", (CHAPTER_KEY, "tujuan_uraian"), daftar=True),
        Narasi("sasaran_pengantar", "Pengantar sasaran", (CHAPTER_KEY, "sasaran_pengantar")),
        Narasi("tujuan_tabel_pengantar", "Kalimat sebelum Tabel 2.1",
               (CHAPTER_KEY, "tujuan_tabel_pengantar")),
        Tabel("tujuan", "Tabel 2.1 Tujuan dan Sasaran", (CHAPTER_KEY, "tujuan"), (
            Kolom("uraian", "Tujuan", wajib=True),
            Kolom("sasaran", "Kode sasaran", bantuan="kode sasaran Tabel 2.2, mis. SS1, SS2"),
            Kolom("sasaran_", "Sasaran", hitung=_sasaran_tujuan),
        ), baris_baru=lambda: {"uraian": "", "sasaran": []}),
        Isian("tujuan_sumber", "Judul dan sumber Tabel 2.1", (CHAPTER_KEY,), (
            Kolom("tujuan_judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("tujuan_sumber", "Sumber"),
        )),
    )),
    Bagian("pk", "C. Perjanjian Kinerja", (
        Narasi("pk_pengantar", "Pengantar Perjanjian Kinerja", (CHAPTER_KEY, "pk_pengantar")),
        _SASARAN,
        # penjelasan is long prose, so it gets its own table beside Tabel 2.2
        Tabel("penjelasan", "Penjelasan per sasaran (di bawah Tabel 2.2)", (CHAPTER_KEY, "sasaran"), (
            Kolom("kode_", "Sasaran", hitung=lambda row, k: str(row.get("kode") or "-")),
            Kolom("penjelasan", "Penjelasan"),
        )),
        Isian("pk_sumber", "Judul dan sumber Tabel 2.2", (CHAPTER_KEY,), (
            Kolom("pk_judul", "Judul", bantuan="kosongkan untuk judul baku"),
            Kolom("pk_sumber", "Sumber"),
            Kolom("pk_tanggal", "Tempat, tanggal PK (lampiran)",
                  bantuan="tanggal penandatanganan PK, mis. Binjai, 2 Januari 2024"),
        )),
        Narasi("pk_penutup", "Kalimat sesudah Tabel 2.2", (CHAPTER_KEY, "pk_penutup")),
    )),
)


def chapter() -> Chapter:
    return Chapter(key=CHAPTER_KEY, title=JUDUL, order=URUTAN, default_section=BAGIAN_BAWAAN,
                   bagian=_BAGIAN, extra_keys=EXTRA_KEYS)
