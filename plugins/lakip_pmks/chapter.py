"""The pmks chapter as the TUI edits it: PMKS, PSKS and lembaga tables with their texts.

In the report its parts are printed inside BAB I, II and III; the chapter itself ("Data PMKS dan
PSKS") only holds what has no host (see `penempatan`).
"""

from __future__ import annotations

from lakip_tui.api import format_bilangan
from lakip_tui.api import Bagian, Chapter, Isian, Kolom, Narasi, Tabel

from .baca import CHAPTER_KEY, TABEL_LEMBAGA, TABEL_PMKS, TABEL_PSKS, bilangan
from .bawaan import DEFAULT_SECTION

TITLE = "Data PMKS dan PSKS"
_JUDUL = "kosongkan untuk judul baku"
ORDER = 15


def _l_plus_p(row: dict, konteks) -> str:
    """L + P shown next to jumlah, so a mismatch is seen while typing."""
    l, p = bilangan(row.get("l")), bilangan(row.get("p"))
    if l is None and p is None:
        return ""
    return format_bilangan((l or 0) + (p or 0))


def _kolom_hitungan(urutan: tuple[str, ...]) -> tuple[Kolom, ...]:
    label = {"jumlah": "Jumlah", "l": "L", "p": "P"}
    return tuple(Kolom(k, label[k], "bilangan", bantuan="kosongkan bila '-'") for k in urutan)


BAGIAN = (
    Bagian("pmks", "PMKS (Tabel 2.3)", (
        Narasi("pmks_pengantar", "Pengantar PMKS", (CHAPTER_KEY, "pmks_pengantar")),
        Narasi("pmks_definisi", "Definisi 26 jenis PMKS", (CHAPTER_KEY, "pmks_definisi"), daftar=True),
        Narasi("pmks_tabel_pengantar", "Kalimat sebelum tabel", (CHAPTER_KEY, "pmks_tabel_pengantar")),
        Tabel("pmks", "Data PMKS", (CHAPTER_KEY, TABEL_PMKS), (
            Kolom("no", "No", "bilangan", wajib=True),
            Kolom("jenis", "Jenis PMKS", wajib=True),
            *_kolom_hitungan(("jumlah", "l", "p")),
            Kolom("lp", "L + P", hitung=_l_plus_p),
        ), baris_baru=lambda: {"jenis": ""}),
        Isian("pmks_sumber", "Judul dan sumber", (CHAPTER_KEY,), (
            Kolom("pmks_sumber", "Sumber (BAB I dan Tabel 2.3)"),
            Kolom("pmks_tabel_sumber", "Sumber khusus Tabel 2.3", bantuan="kosong: sama dengan di atas"),
            Kolom("pmks_tabel_judul", "Judul Tabel 2.3", bantuan=_JUDUL),
        )),
        Tabel("pmks_jumlah_tertulis", "Jumlah tertulis di dokumen lama", (CHAPTER_KEY, "pmks_jumlah_tertulis"), (
            Kolom("tempat", "Tempat"),
            Kolom("nilai", "Jumlah tertulis", bantuan="apa adanya; hanya untuk pemeriksaan"),
        ), baris_baru=lambda: {"tempat": "", "nilai": ""}),
    )),
    Bagian("psks", "PSKS (Tabel 2.4)", (
        Narasi("psks_pengantar", "Pengantar PSKS", (CHAPTER_KEY, "psks_pengantar")),
        Narasi("psks_kegiatan", "Kegiatan PSKS", (CHAPTER_KEY, "psks_kegiatan"), daftar=True),
        Narasi("psks_definisi_pengantar", "Pengantar definisi", (CHAPTER_KEY, "psks_definisi_pengantar")),
        Narasi("psks_definisi", "Definisi 12 jenis PSKS", (CHAPTER_KEY, "psks_definisi"), daftar=True),
        Narasi("psks_tabel_pengantar", "Kalimat sebelum tabel", (CHAPTER_KEY, "psks_tabel_pengantar")),
        Tabel("psks", "Data PSKS", (CHAPTER_KEY, TABEL_PSKS), (
            Kolom("no", "No", wajib=True, bantuan='sub-baris: "10a", "10b"'),
            Kolom("jenis", "PSKS", wajib=True),
            *_kolom_hitungan(("jumlah", "p", "l")),
            Kolom("lp", "P + L", hitung=_l_plus_p),
        ), baris_baru=lambda: {"jenis": ""}),
        Isian("psks_sumber", "Judul, sumber dan jumlah tertulis", (CHAPTER_KEY,), (
            Kolom("psks_sumber", "Sumber Tabel 2.4"),
            Kolom("psks_tabel_judul", "Judul Tabel 2.4", bantuan=_JUDUL),
            Kolom("psks_jumlah_tertulis", "Jumlah tertulis di dokumen lama", "bilangan",
                  bantuan="hanya untuk pemeriksaan; laporan mencetak hasil penjumlahan"),
        )),
    )),
    Bagian("lembaga", "Lembaga sosial (Tabel 3.3)", (
        Tabel("lembaga", "Lembaga sosial yang diberdayakan", (CHAPTER_KEY, TABEL_LEMBAGA), (
            Kolom("kelompok", "Kelompok"),
            Kolom("nama", "Nama lembaga", wajib=True),
            Kolom("alamat", "Alamat"),
        ), baris_baru=lambda: {"kelompok": "", "nama": "", "alamat": ""}),
        Isian("lembaga_sumber", "Judul dan sumber", (CHAPTER_KEY,), (
            Kolom("lembaga_sumber", "Sumber Tabel 3.3"),
            Kolom("lembaga_judul", "Judul Tabel 3.3", bantuan=_JUDUL),
        )),
    )),
)

CHAPTER = Chapter(CHAPTER_KEY, TITLE, ORDER, DEFAULT_SECTION, BAGIAN, extra_keys=())
