"""BAB I as the TUI edits it: the cover and signature fields of [meta], then A..I of [profil]."""

from __future__ import annotations

from lakip_tui.api import format_bilangan
from lakip_tui.api import Bagian, Chapter, Isian, Kolom, Narasi, Tabel

from .baca import CHAPTER_KEY, bilangan, daftar_teks
from .bawaan import DEFAULT_SECTION

TITLE = "BAB I Pendahuluan"
ORDER = 10


def _banyak(key: str):
    """A read-only column showing how many items a list field of the row holds."""
    def hitung(row: dict, konteks) -> str:
        return format_bilangan(len(daftar_teks(row.get(key))))
    return hitung


def _total_pegawai(row: dict, konteks) -> str:
    pns, non_pns = bilangan(row.get("pns")), bilangan(row.get("non_pns"))
    return format_bilangan(pns + non_pns) if pns is not None and non_pns is not None else "-"


def _baris_nama_jumlah(key: str, judul: str) -> Tabel:
    return Tabel(key, judul, (CHAPTER_KEY, "pegawai", key), (
        Kolom("nama", "Uraian", wajib=True),
        Kolom("jumlah", "Jumlah (orang)", "bilangan", bantuan="kosongkan bila tidak berangka"),
    ), baris_baru=lambda: {"nama": "", "jumlah": 0})


BAGIAN = (
    Bagian("sampul", "Sampul dan penanda tangan", (
        # [meta] belongs to the core; BAB I offers it because the cover and the signature of
        # the kata pengantar are printed from it.
        Isian("meta", "Identitas laporan dan penanda tangan", ("meta",), (
            Kolom("pemda", "Pemerintah daerah", wajib=True),
            Kolom("instansi", "Instansi", wajib=True),
            Kolom("tahun", "Tahun anggaran", "tahun", wajib=True),
            Kolom("logo", "Logo (berkas PNG/JPEG)",
                  bantuan="di folder berkas proyek, mis. logo-pemda.png; kosong: tanpa logo"),
            Kolom("tempat_tanggal", "Tempat, tanggal tanda tangan",
                  bantuan="mis. Binjai, Maret 2025 (tahun setelah tahun anggaran)"),
            Kolom("kepala.jabatan", "Jabatan kepala"),
            Kolom("kepala.nama", "Nama kepala"),
            Kolom("kepala.pangkat", "Pangkat/golongan"),
            Kolom("kepala.nip", "NIP", bantuan="18 angka; spasi boleh"),
            Kolom("kepala_daerah.jabatan", "Jabatan kepala daerah (pihak kedua PK)",
                  bantuan="kosong: dari pemda, mis. WALI KOTA BINJAI"),
            Kolom("kepala_daerah.nama", "Nama kepala daerah"),
        )),
    )),
    Bagian("kata-pengantar", "Kata Pengantar", (
        Narasi("kata_pengantar", "Kata pengantar", (CHAPTER_KEY, "kata_pengantar")),
    )),
    Bagian("latar-belakang", "A. Latar Belakang", (
        Narasi("latar_belakang", "Latar belakang", (CHAPTER_KEY, "latar_belakang")),
    )),
    Bagian("dasar-hukum", "B. Dasar Hukum", (
        Narasi("dasar_hukum", "Dasar hukum", (CHAPTER_KEY, "dasar_hukum"), daftar=True),
    )),
    Bagian("profil", "C. Profil", (
        Narasi("profil", "Profil instansi", (CHAPTER_KEY, "profil")),
        Narasi("sarana_pengantar", "Kalimat pengantar sarana", (CHAPTER_KEY, "sarana_pengantar")),
        Tabel("sarana", "a. Sarana sosial", (CHAPTER_KEY, "sarana"), (
            Kolom("jenis", "Sarana sosial", wajib=True),
            Kolom("jumlah", "Jumlah", "bilangan"),
            Kolom("satuan", "Satuan"),
            Kolom("lembaga_n", "Lembaga bernama", hitung=_banyak("lembaga"),
                  bantuan="nama lembaga disunting di rincian di bawah tabel (Tab)"),
        ), baris_baru=lambda: {"jenis": "", "jumlah": 0, "satuan": "Unit"}, rincian=(
            Isian("kelompok", "Judul daftar lembaga", (), (
                Kolom("kelompok", "Judul daftar",
                      bantuan="kalimat di atas daftar nama lembaga; kosongkan bila tidak ada"),
            )),
            Narasi("lembaga", "Nama lembaga", ("lembaga",), daftar=True),
        )),
    )),
    Bagian("maksud-tujuan", "D. Maksud dan Tujuan", (
        Narasi("maksud", "Maksud", (CHAPTER_KEY, "maksud")),
        Narasi("tujuan", "Tujuan", (CHAPTER_KEY, "tujuan")),
        Narasi("manfaat", "Manfaat", (CHAPTER_KEY, "manfaat"), daftar=True),
    )),
    Bagian("susunan-organisasi", "E. Susunan Organisasi", (
        Narasi("susunan_organisasi", "Uraian", (CHAPTER_KEY, "susunan_organisasi")),
        Narasi("fungsi_dinas", "Fungsi dinas", (CHAPTER_KEY, "fungsi_dinas"), daftar=True),
        Narasi("susunan_penutup", "Penutup", (CHAPTER_KEY, "susunan_penutup")),
    )),
    Bagian("tupoksi", "F. Tugas Pokok dan Fungsi", (
        Narasi("tupoksi_pengantar", "Pengantar", (CHAPTER_KEY, "tupoksi_pengantar")),
        Tabel("unit", "Unit kerja", (CHAPTER_KEY, "unit"), (
            Kolom("nama", "Unit kerja"),
            Kolom("tugas_n", "Ayat tugas", hitung=_banyak("tugas")),
            Kolom("fungsi_n", "Fungsi", hitung=_banyak("fungsi"),
                  bantuan="tugas dan fungsi disunting di rincian di bawah tabel (Tab)"),
        ), baris_baru=lambda: {"nama": "", "tugas": [], "fungsi": []}, rincian=(
            Narasi("tugas", "Tugas (satu ayat per baris)", ("tugas",), daftar=True),
            Isian("fungsi_pengantar", "Pengantar fungsi", (), (
                Kolom("fungsi_pengantar", "Kalimat pengantar",
                      bantuan="kalimat sebelum daftar fungsi"),
            )),
            Narasi("fungsi", "Fungsi (satu butir per baris)", ("fungsi",), daftar=True),
        )),
    )),
    Bagian("keadaan-pegawai", "G. Keadaan Pegawai", (
        Isian("pegawai", "Jumlah pegawai", (CHAPTER_KEY, "pegawai"), (
            Kolom("tanggal", "Per tanggal"),
            Kolom("pns", "PNS", "bilangan"),
            Kolom("non_pns", "Non-PNS", "bilangan"),
            Kolom("jumlah", "Jumlah pegawai", hitung=_total_pegawai),
            Kolom("jumlah_tertulis", "Jumlah tertulis (dokumen lama)", "bilangan",
                  bantuan="hanya untuk pemeriksaan; laporan mencetak PNS + non-PNS"),
        )),
        _baris_nama_jumlah("golongan", "Menurut golongan"),
        _baris_nama_jumlah("pendidikan", "Menurut pendidikan"),
        _baris_nama_jumlah("eselon", "Jabatan struktural (eselon)"),
    )),
    Bagian("aspek-strategis", "H. Aspek Strategis dan Permasalahan Utama", (
        Narasi("aspek_strategis", "Aspek strategis", (CHAPTER_KEY, "aspek_strategis")),
        Narasi("permasalahan_utama", "Permasalahan utama", (CHAPTER_KEY, "permasalahan_utama")),
    )),
    Bagian("sistematika", "I. Sistematika", (
        Narasi("sistematika_pengantar", "Pengantar", (CHAPTER_KEY, "sistematika_pengantar")),
        Tabel("sistematika", "Bab-bab laporan", (CHAPTER_KEY, "sistematika"), (
            Kolom("bab", "Bab", wajib=True),
            Kolom("judul", "Judul"),
            Kolom("uraian", "Uraian"),
        ), baris_baru=lambda: {"bab": "", "judul": "", "uraian": ""}),
    )),
)

# keys of [profil] its screens do not name (lakip_tui.known_keys)
EXTRA_KEYS = ("sarana_judul", "pegawai.pengantar", "pegawai.pendidikan_pengantar",
              "pegawai.eselon_pengantar")
CHAPTER = Chapter(CHAPTER_KEY, TITLE, ORDER, DEFAULT_SECTION, BAGIAN, extra_keys=EXTRA_KEYS)
