"""Write realistic project files at three sizes, for benchmarks and load tests.

    python bench/gen.py small|city|huge -o FILE [--seed N]

- small: one agency (Dinas Sosial), about 40 sub-kegiatan;
- city:  about 40 agencies of one city in one file, about 1.600 sub-kegiatan;
- huge:  the same 40 agencies with about 20.000 sub-kegiatan (a stress size).

The files follow docs/format.md: every chapter's section is filled (narratives, PMKS/PSKS tables,
sasaran and indikator with targets, realisasi and renstra, the budget tree with codes in the
Kepmendagri 050-5889/2021 form), with comments as a planner would write them. Output depends only
on the size and the seed: the same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SEED = 2024
TAHUN = 2024
RENSTRA_AWAL, RENSTRA_AKHIR = 2021, 2026


@dataclass(frozen=True)
class Ukuran:
    """How big a generated file is."""

    nama: str
    jumlah_opd: int  # agencies whose budget is in the file
    sub_per_opd: int  # sub-kegiatan per agency
    sub_per_kegiatan: tuple[int, int]  # range of sub-kegiatan under one technical kegiatan
    sasaran: int
    lembaga: int
    unit_per_opd: int


UKURAN = {
    "small": Ukuran("small", 1, 40, (1, 4), 2, 10, 8),
    "city": Ukuran("city", 40, 40, (1, 4), 20, 40, 1),
    "huge": Ukuran("huge", 40, 500, (6, 16), 200, 200, 3),
}

# --- catalogue ------------------------------------------------------------------------------
# Bidang urusan (kode, urusan, perangkat daerah, technical programs, objects of its work).
# Codes and program names follow the nomenclature of Kepmendagri 050-5889/2021 (kab/kota).

BIDANG: list[tuple[str, str, str, list[str], list[str]]] = [
    ("1.06", "Sosial", "Dinas Sosial",
     ["Program Pemberdayaan Sosial", "Program Penanganan Warga Negara Migran Korban Tindak Kekerasan",
      "Program Rehabilitasi Sosial", "Program Perlindungan dan Jaminan Sosial",
      "Program Penanganan Bencana", "Program Pengelolaan Taman Makam Pahlawan"],
     ["Pekerja Sosial Masyarakat", "Lembaga Kesejahteraan Sosial", "Penyandang Disabilitas Terlantar",
      "Lanjut Usia Terlantar", "Anak Terlantar", "Data Fakir Miskin", "Korban Bencana Alam",
      "Taruna Siaga Bencana", "Gelandangan dan Pengemis", "Keluarga Penerima Manfaat",
      "Taman Makam Pahlawan", "Bantuan Sosial Kesejahteraan Keluarga"]),
    ("1.01", "Pendidikan", "Dinas Pendidikan",
     ["Program Pengelolaan Pendidikan", "Program Pengembangan Kurikulum",
      "Program Pendidik dan Tenaga Kependidikan", "Program Pengendalian Perizinan Pendidikan"],
     ["Sekolah Dasar", "Sekolah Menengah Pertama", "Satuan Pendidikan Anak Usia Dini",
      "Ruang Kelas Baru", "Perpustakaan Sekolah", "Guru Honorer", "Buku Teks Pelajaran",
      "Alat Praktik dan Peraga Siswa", "Data Pokok Pendidikan", "Sanggar Kegiatan Belajar"]),
    ("1.02", "Kesehatan", "Dinas Kesehatan",
     ["Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
      "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
      "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman",
      "Program Pemberdayaan Masyarakat Bidang Kesehatan"],
     ["Puskesmas", "Puskesmas Pembantu", "Alat Kesehatan", "Obat dan Bahan Medis Habis Pakai",
      "Layanan Imunisasi Dasar", "Posyandu", "Ibu Hamil", "Balita Stunting", "Tenaga Kesehatan",
      "Sarana Air Minum Sehat"]),
    ("1.03", "Pekerjaan Umum dan Penataan Ruang", "Dinas Pekerjaan Umum dan Penataan Ruang",
     ["Program Pengelolaan Sumber Daya Air (SDA)",
      "Program Pengelolaan dan Pengembangan Sistem Penyediaan Air Minum",
      "Program Pengelolaan dan Pengembangan Sistem Drainase", "Program Penyelenggaraan Jalan",
      "Program Penyelenggaraan Penataan Ruang"],
     ["Jalan Kota", "Jembatan", "Saluran Drainase", "Jaringan Irigasi", "Trotoar",
      "Sistem Penyediaan Air Minum", "Instalasi Pengolahan Air Limbah",
      "Rencana Detail Tata Ruang", "Tanggul Sungai", "Gorong-Gorong"]),
    ("1.04", "Perumahan dan Kawasan Permukiman", "Dinas Perumahan dan Kawasan Permukiman",
     ["Program Pengembangan Perumahan", "Program Kawasan Permukiman",
      "Program Peningkatan Prasarana, Sarana dan Utilitas Umum (PSU)"],
     ["Rumah Tidak Layak Huni", "Kawasan Kumuh", "Penerangan Jalan Umum", "Taman Kota",
      "Ruang Terbuka Hijau", "Rumah Korban Bencana", "Prasarana Lingkungan",
      "Tempat Pemakaman Umum"]),
    ("1.05", "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
     "Satuan Polisi Pamong Praja",
     ["Program Peningkatan Ketenteraman dan Ketertiban Umum",
      "Program Pencegahan, Penanggulangan, Penyelamatan Kebakaran dan Penyelamatan Non Kebakaran"],
     ["Pelanggaran Peraturan Daerah", "Satuan Perlindungan Masyarakat", "Pedagang Kaki Lima",
      "Armada Pemadam Kebakaran", "Alat Pelindung Diri", "Hidran Kota", "Posko Siaga"]),
    ("2.07", "Tenaga Kerja", "Dinas Tenaga Kerja",
     ["Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", "Program Penempatan Tenaga Kerja",
      "Program Hubungan Industrial"],
     ["Pencari Kerja", "Balai Latihan Kerja", "Lembaga Kerja Sama Bipartit",
      "Perselisihan Hubungan Industrial", "Bursa Kerja", "Tenaga Kerja Terampil"]),
    ("2.08", "Pemberdayaan Perempuan dan Perlindungan Anak",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
     ["Program Pengarusutamaan Gender dan Pemberdayaan Perempuan", "Program Perlindungan Perempuan",
      "Program Pemenuhan Hak Anak (PHA)", "Program Perlindungan Khusus Anak"],
     ["Perempuan Korban Kekerasan", "Forum Anak", "Kota Layak Anak", "Pusat Pembelajaran Keluarga",
      "Kelompok Perempuan Usaha", "Anak Korban Kekerasan"]),
    ("2.09", "Pangan", "Dinas Ketahanan Pangan",
     ["Program Peningkatan Diversifikasi dan Ketahanan Pangan Masyarakat",
      "Program Penanganan Kerawanan Pangan", "Program Pengawasan Keamanan Pangan"],
     ["Cadangan Pangan", "Pangan Segar", "Kelompok Wanita Tani", "Lumbung Pangan",
      "Pekarangan Pangan Lestari"]),
    ("2.11", "Lingkungan Hidup", "Dinas Lingkungan Hidup",
     ["Program Perencanaan Lingkungan Hidup",
      "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup",
      "Program Pengelolaan Persampahan",
      "Program Penghargaan Lingkungan Hidup untuk Masyarakat"],
     ["Bank Sampah", "Tempat Pemrosesan Akhir Sampah", "Armada Pengangkut Sampah",
      "Kualitas Air Sungai", "Kualitas Udara", "Sekolah Adiwiyata", "Dokumen Lingkungan"]),
    ("2.12", "Administrasi Kependudukan dan Pencatatan Sipil",
     "Dinas Kependudukan dan Pencatatan Sipil",
     ["Program Pendaftaran Penduduk", "Program Pencatatan Sipil",
      "Program Pengelolaan Informasi Administrasi Kependudukan"],
     ["KTP Elektronik", "Kartu Identitas Anak", "Akta Kelahiran", "Akta Kematian",
      "Kartu Keluarga", "Data Kependudukan", "Layanan Jemput Bola"]),
    ("2.13", "Pemberdayaan Masyarakat dan Desa", "Dinas Pemberdayaan Masyarakat dan Kelurahan",
     ["Program Pemberdayaan Lembaga Kemasyarakatan, Lembaga Adat dan Masyarakat Hukum Adat",
      "Program Administrasi Pemerintahan Desa"],
     ["Lembaga Pemberdayaan Masyarakat", "Kader PKK", "Kader Posyandu",
      "Badan Usaha Milik Kelurahan", "Profil Kelurahan"]),
    ("2.14", "Pengendalian Penduduk dan Keluarga Berencana",
     "Dinas Pengendalian Penduduk dan Keluarga Berencana",
     ["Program Pengendalian Penduduk", "Program Pembinaan Keluarga Berencana (KB)",
      "Program Pemberdayaan dan Peningkatan Keluarga Sejahtera (KS)"],
     ["Akseptor KB", "Kampung KB", "Penyuluh KB", "Bina Keluarga Balita",
      "Alat dan Obat Kontrasepsi"]),
    ("2.15", "Perhubungan", "Dinas Perhubungan",
     ["Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan (LLAJ)"],
     ["Rambu Lalu Lintas", "Alat Pemberi Isyarat Lalu Lintas", "Terminal Penumpang",
      "Kendaraan Bermotor Wajib Uji", "Halte", "Kawasan Parkir", "Marka Jalan"]),
    ("2.16", "Komunikasi dan Informatika", "Dinas Komunikasi dan Informatika",
     ["Program Informasi dan Komunikasi Publik", "Program Aplikasi Informatika"],
     ["Jaringan Intra Pemerintah", "Aplikasi Layanan Publik", "Pusat Data",
      "Konten Informasi Publik", "Layanan Aduan Masyarakat",
      "Sistem Pemerintahan Berbasis Elektronik"]),
    ("2.17", "Koperasi, Usaha Kecil, dan Menengah", "Dinas Koperasi dan Usaha Mikro",
     ["Program Pengawasan dan Pemeriksaan Koperasi",
      "Program Pemberdayaan dan Perlindungan Koperasi",
      "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"],
     ["Koperasi Aktif", "Usaha Mikro", "Produk UMKM", "Sertifikat Halal UMKM",
      "Pelaku Usaha Mikro"]),
    ("2.18", "Penanaman Modal", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
     ["Program Pelayanan Penanaman Modal", "Program Promosi Penanaman Modal",
      "Program Pengendalian Pelaksanaan Penanaman Modal"],
     ["Perizinan Berusaha", "Sistem Perizinan Terintegrasi", "Peluang Investasi",
      "Laporan Kegiatan Penanaman Modal"]),
    ("2.19", "Kepemudaan dan Olahraga", "Dinas Pemuda dan Olahraga",
     ["Program Pengembangan Kapasitas Daya Saing Kepemudaan",
      "Program Pengembangan Kapasitas Daya Saing Keolahragaan"],
     ["Organisasi Kepemudaan", "Atlet Berprestasi", "Sarana Olahraga", "Wirausaha Muda",
      "Kejuaraan Olahraga"]),
    ("2.20", "Statistik", "Dinas Komunikasi, Informatika dan Statistik",
     ["Program Penyelenggaraan Statistik Sektoral"],
     ["Data Statistik Sektoral", "Metadata Statistik", "Buku Data Daerah"]),
    ("2.21", "Persandian", "Dinas Persandian",
     ["Program Penyelenggaraan Persandian untuk Pengamanan Informasi"],
     ["Sertifikat Elektronik", "Sistem Keamanan Informasi", "Perangkat Persandian"]),
    ("2.22", "Kebudayaan", "Dinas Kebudayaan",
     ["Program Pengembangan Kebudayaan", "Program Pelestarian dan Pengelolaan Cagar Budaya"],
     ["Sanggar Seni", "Cagar Budaya", "Festival Budaya", "Warisan Budaya Tak Benda",
      "Seniman dan Budayawan"]),
    ("2.23", "Perpustakaan", "Dinas Perpustakaan",
     ["Program Pembinaan Perpustakaan", "Program Pelestarian Koleksi Nasional dan Naskah Kuno"],
     ["Koleksi Bahan Pustaka", "Perpustakaan Kelurahan", "Pojok Baca",
      "Layanan Perpustakaan Keliling"]),
    ("2.24", "Kearsipan", "Dinas Kearsipan",
     ["Program Pengelolaan Arsip", "Program Perlindungan dan Penyelamatan Arsip"],
     ["Arsip Statis", "Arsip Dinamis", "Depot Arsip", "Arsip Vital"]),
    ("3.25", "Kelautan dan Perikanan", "Dinas Perikanan",
     ["Program Pengelolaan Perikanan Budidaya", "Program Pengolahan dan Pemasaran Hasil Perikanan"],
     ["Pembudidaya Ikan", "Benih Ikan", "Kolam Budidaya", "Pakan Ikan", "Olahan Hasil Perikanan"]),
    ("3.26", "Pariwisata", "Dinas Pariwisata",
     ["Program Peningkatan Daya Tarik Destinasi Pariwisata", "Program Pemasaran Pariwisata",
      "Program Pengembangan Ekonomi Kreatif melalui Pemanfaatan dan Perlindungan Hak Kekayaan "
      "Intelektual"],
     ["Destinasi Wisata", "Kelompok Sadar Wisata", "Pelaku Ekonomi Kreatif", "Event Pariwisata"]),
    ("3.27", "Pertanian", "Dinas Pertanian",
     ["Program Penyediaan dan Pengembangan Sarana Pertanian",
      "Program Penyediaan dan Pengembangan Prasarana Pertanian",
      "Program Pengendalian Kesehatan Hewan dan Kesehatan Masyarakat Veteriner",
      "Program Penyuluhan Pertanian"],
     ["Benih Padi", "Pupuk Bersubsidi", "Alat Mesin Pertanian", "Jaringan Irigasi Tersier",
      "Kelompok Tani", "Vaksin Rabies", "Rumah Potong Hewan"]),
    ("3.30", "Perdagangan", "Dinas Perdagangan",
     ["Program Peningkatan Sarana Distribusi Perdagangan",
      "Program Stabilisasi Harga Barang Kebutuhan Pokok dan Barang Penting",
      "Program Standardisasi dan Perlindungan Konsumen"],
     ["Pasar Rakyat", "Pedagang Pasar", "Alat Ukur Timbang", "Harga Bahan Pokok", "Operasi Pasar"]),
    ("3.31", "Perindustrian", "Dinas Perindustrian",
     ["Program Perencanaan dan Pembangunan Industri",
      "Program Pengelolaan Sistem Informasi Industri Nasional"],
     ["Industri Kecil dan Menengah", "Sentra Industri", "Data Industri"]),
    ("4.01", "Sekretariat Daerah", "Sekretariat Daerah",
     ["Program Pemerintahan dan Kesejahteraan Rakyat", "Program Perekonomian dan Pembangunan"],
     ["Produk Hukum Daerah", "Kerja Sama Daerah", "Pengadaan Barang/Jasa",
      "Laporan Kinerja Pemerintah Daerah", "Protokol dan Komunikasi Pimpinan"]),
    ("4.02", "Sekretariat DPRD", "Sekretariat DPRD",
     ["Program Dukungan Pelaksanaan Tugas dan Fungsi DPRD"],
     ["Rapat Paripurna", "Reses Anggota DPRD", "Peraturan Daerah Inisiatif", "Kunjungan Kerja"]),
    ("5.01", "Perencanaan", "Badan Perencanaan Pembangunan Daerah",
     ["Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
      "Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah"],
     ["Dokumen RKPD", "Dokumen RPJMD", "Musyawarah Perencanaan Pembangunan",
      "Evaluasi Kinerja Pembangunan", "Data dan Informasi Perencanaan"]),
    ("5.02", "Keuangan", "Badan Pengelolaan Keuangan dan Aset Daerah",
     ["Program Pengelolaan Keuangan Daerah", "Program Pengelolaan Barang Milik Daerah"],
     ["Dokumen APBD", "Laporan Keuangan Pemerintah Daerah", "Barang Milik Daerah",
      "Surat Perintah Pencairan Dana", "Kas Daerah"]),
    ("5.03", "Kepegawaian", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
     ["Program Kepegawaian Daerah", "Program Pengembangan Sumber Daya Manusia"],
     ["Aparatur Sipil Negara", "Formasi Jabatan", "Kenaikan Pangkat", "Uji Kompetensi",
      "Sistem Informasi Kepegawaian"]),
    ("5.04", "Pendidikan dan Pelatihan", "Badan Pendidikan dan Pelatihan Daerah",
     ["Program Pengembangan Kompetensi Aparatur"],
     ["Pelatihan Dasar CPNS", "Pelatihan Kepemimpinan", "Pelatihan Teknis Fungsional",
      "Widyaiswara"]),
    ("5.05", "Penelitian dan Pengembangan", "Badan Penelitian dan Pengembangan Daerah",
     ["Program Penelitian dan Pengembangan Daerah"],
     ["Kajian Kebijakan", "Inovasi Daerah", "Hasil Penelitian"]),
    ("6.01", "Inspektorat", "Inspektorat Daerah",
     ["Program Penyelenggaraan Pengawasan",
      "Program Perumusan Kebijakan, Pendampingan dan Asistensi"],
     ["Laporan Hasil Pemeriksaan", "Tindak Lanjut Temuan", "Reviu Laporan Keuangan",
      "Evaluasi SAKIP", "Pengaduan Masyarakat"]),
    ("7.01", "Kecamatan", "Kecamatan Teluk Damar Kota",
     ["Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
      "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
      "Program Koordinasi Ketentraman dan Ketertiban Umum"],
     ["Pelayanan Administrasi Terpadu Kecamatan", "Musrenbang Kelurahan",
      "Sarana Prasarana Kelurahan", "Perlindungan Masyarakat Kelurahan"]),
    ("3.32", "Transmigrasi", "Dinas Transmigrasi",
     ["Program Perencanaan Kawasan Transmigrasi", "Program Pengembangan Kawasan Transmigrasi"],
     ["Calon Transmigran", "Satuan Permukiman Transmigrasi", "Lahan Usaha Transmigran"]),
    ("8.01", "Kesatuan Bangsa dan Politik", "Badan Kesatuan Bangsa dan Politik",
     ["Program Penguatan Ideologi Pancasila dan Karakter Kebangsaan",
      "Program Pemberdayaan dan Pengawasan Organisasi Kemasyarakatan",
      "Program Peningkatan Kewaspadaan Nasional dan Peningkatan Kualitas dan Fasilitasi "
      "Penanganan Konflik Sosial"],
     ["Organisasi Kemasyarakatan", "Forum Kerukunan Umat Beragama", "Partai Politik",
      "Wawasan Kebangsaan", "Potensi Konflik Sosial"]),
    ("2.10", "Pertanahan", "Dinas Pertanahan",
     ["Program Penatagunaan Tanah", "Program Penyelesaian Sengketa Tanah Garapan"],
     ["Tanah untuk Kepentingan Umum", "Sengketa Tanah Garapan", "Peta Bidang Tanah",
      "Tanah Milik Pemerintah Daerah"]),
]

# The support program "01" that every agency has, with its real kegiatan and sub-kegiatan
# (kegiatan code, name, [(sub code, name, indikator)]).
PENUNJANG_PROGRAM = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
PENUNJANG: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", [
        ("0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
         "Jumlah Dokumen Perencanaan Perangkat Daerah"),
        ("0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD"),
        ("0003", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
         "Jumlah Dokumen Perubahan RKA-SKPD"),
        ("0004", "Koordinasi dan Penyusunan DPA-SKPD", "Jumlah Dokumen DPA-SKPD"),
        ("0005", "Koordinasi dan Penyusunan Perubahan DPA-SKPD",
         "Jumlah Dokumen Perubahan DPA-SKPD"),
        ("0006", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"),
        ("0007", "Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah"),
    ]),
    ("2.02", "Administrasi Keuangan Perangkat Daerah", [
        ("0001", "Penyediaan Gaji dan Tunjangan ASN",
         "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN"),
        ("0002", "Penyediaan Administrasi Pelaksanaan Tugas ASN",
         "Jumlah Dokumen Hasil Penyediaan Administrasi Pelaksanaan Tugas ASN"),
        ("0003", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
         "Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"),
        ("0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD",
         "Jumlah Dokumen Hasil Koordinasi dan Pelaksanaan Akuntansi SKPD"),
        ("0005", "Koordinasi dan Penyusunan Laporan Keuangan Akhir Tahun SKPD",
         "Jumlah Laporan Keuangan Akhir Tahun SKPD dan Laporan Hasil Koordinasi Penyusunan"),
        ("0007", "Koordinasi dan Penyusunan Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD",
         "Jumlah Laporan Keuangan Bulanan/Triwulanan/Semesteran SKPD"),
    ]),
    ("2.03", "Administrasi Barang Milik Daerah pada Perangkat Daerah", [
        ("0001", "Penyusunan Perencanaan Kebutuhan Barang Milik Daerah SKPD",
         "Jumlah Dokumen Perencanaan Kebutuhan Barang Milik Daerah SKPD"),
        ("0006", "Penatausahaan Barang Milik Daerah pada SKPD",
         "Jumlah Laporan Penatausahaan Barang Milik Daerah pada SKPD"),
    ]),
    ("2.05", "Administrasi Kepegawaian Perangkat Daerah", [
        ("0002", "Pengadaan Pakaian Dinas beserta Atribut Kelengkapannya",
         "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan"),
        ("0009", "Pendidikan dan Pelatihan Pegawai Berdasarkan Tugas dan Fungsi",
         "Jumlah Pegawai Berdasarkan Tugas dan Fungsi yang Mengikuti Pendidikan dan Pelatihan"),
        ("0010", "Sosialisasi Peraturan Perundang-Undangan",
         "Jumlah Orang yang Mengikuti Sosialisasi Peraturan Perundang-Undangan"),
        ("0011", "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
         "Jumlah Orang yang Mengikuti Bimbingan Teknis Implementasi Peraturan Perundang-Undangan"),
    ]),
    ("2.06", "Administrasi Umum Perangkat Daerah", [
        ("0001", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
         "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan"),
        ("0002", "Penyediaan Peralatan dan Perlengkapan Kantor",
         "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan"),
        ("0003", "Penyediaan Peralatan Rumah Tangga",
         "Jumlah Paket Peralatan Rumah Tangga yang Disediakan"),
        ("0004", "Penyediaan Bahan Logistik Kantor", "Jumlah Paket Bahan Logistik Kantor yang Disediakan"),
        ("0005", "Penyediaan Barang Cetakan dan Penggandaan",
         "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan"),
        ("0006", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
         "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan"),
        ("0009", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
         "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"),
    ]),
    ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah", [
        ("0001", "Pengadaan Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan",
         "Jumlah Unit Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Disediakan"),
        ("0002", "Pengadaan Kendaraan Dinas Operasional atau Lapangan",
         "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang Disediakan"),
        ("0005", "Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan"),
        ("0006", "Pengadaan Peralatan dan Mesin Lainnya",
         "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan"),
    ]),
    ("2.08", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Surat Menyurat", "Jumlah Laporan Penyediaan Jasa Surat Menyurat"),
        ("0002", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
         "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan"),
        ("0003", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
         "Jumlah Laporan Penyediaan Jasa Peralatan dan Perlengkapan Kantor"),
        ("0004", "Penyediaan Jasa Pelayanan Umum Kantor",
         "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan"),
    ]),
    ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah", [
        ("0001", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan "
                 "Dinas atau Kendaraan Dinas Jabatan",
         "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan "
         "Dibayarkan Pajaknya"),
        ("0002", "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak dan Perizinan Kendaraan "
                 "Dinas Operasional atau Lapangan",
         "Jumlah Kendaraan Dinas Operasional atau Lapangan yang Dipelihara dan Dibayarkan Pajak "
         "dan Perizinannya"),
        ("0006", "Pemeliharaan Peralatan dan Mesin Lainnya",
         "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara"),
        ("0009", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
         "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi"),
    ]),
]

# How a technical kegiatan is named from an object of the bidang.
KEGIATAN_POLA = [
    "Pengelolaan {o} Kewenangan Kabupaten/Kota",
    "Penyediaan Sarana dan Prasarana {o}",
    "Peningkatan Kapasitas {o}",
    "Pengembangan {o} Kabupaten/Kota",
    "Pembinaan dan Pengawasan {o}",
    "Pendataan dan Pemetaan {o}",
    "Peningkatan Mutu Layanan {o}",
]

# How a sub-kegiatan and its output indicator are named from an object.
SUB_POLA = [
    ("Penyediaan {o}", "Jumlah {o} yang Disediakan"),
    ("Pemeliharaan {o}", "Jumlah {o} yang Dipelihara"),
    ("Pembangunan {o}", "Jumlah {o} yang Dibangun"),
    ("Rehabilitasi {o}", "Jumlah {o} yang Direhabilitasi"),
    ("Pengadaan Perlengkapan {o}", "Jumlah Paket Perlengkapan {o} yang Diadakan"),
    ("Penyusunan Dokumen Rencana Aksi {o}", "Jumlah Dokumen Rencana Aksi {o} yang Disusun"),
    ("Fasilitasi Pengembangan {o}", "Jumlah {o} yang Difasilitasi"),
    ("Pembinaan {o}", "Jumlah {o} yang Dibina"),
    ("Pelatihan Pengelola {o}", "Jumlah Orang Pengelola {o} yang Dilatih"),
    ("Sosialisasi dan Edukasi tentang {o}", "Jumlah Peserta Sosialisasi dan Edukasi tentang {o}"),
    ("Koordinasi, Sinkronisasi dan Evaluasi {o}",
     "Jumlah Dokumen Hasil Koordinasi, Sinkronisasi dan Evaluasi {o}"),
    ("Pengawasan dan Pengendalian {o}", "Jumlah Laporan Pengawasan dan Pengendalian {o}"),
    ("Pendataan {o}", "Jumlah Dokumen Pendataan {o}"),
    ("Monitoring dan Evaluasi {o}", "Jumlah Laporan Monitoring dan Evaluasi {o}"),
]

KECAMATAN = ["Teluk Damar Kota", "Teluk Damar Utara", "Teluk Damar Selatan", "Teluk Damar Barat",
             "Teluk Damar Timur", "Sei Lestari", "Padang Meranti", "Bukit Kenanga"]
KELURAHAN = ["Rambung Damar", "Sukaramai", "Kartini", "Cengkeh Turi", "Pahlawan", "Payaroba",
             "Limau Sundai", "Tanah Merah", "Bandar Senembah", "Pujidadi", "Tangkahan", "Jatinegara",
             "Sumber Karya", "Mencirim", "Setia", "Damai", "Timbang Langkat", "Nangka"]

PMKS_JENIS = [
    "Anak Balita Terlantar", "Anak Terlantar", "Anak yang Berhadapan dengan Hukum (ABH)",
    "Anak Jalanan", "Anak dengan Kedisabilitasan (ADK)", "Anak Korban Tindak Kekerasan",
    "Anak yang Memerlukan Perlindungan Khusus", "Lanjut Usia Terlantar", "Penyandang Disabilitas",
    "Tuna Susila", "Gelandangan", "Pengemis", "Pemulung", "Kelompok Minoritas",
    "Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)", "Orang dengan HIV/AIDS (ODHA)",
    "Korban Penyalahgunaan NAPZA", "Korban Trafficking", "Korban Tindak Kekerasan",
    "Pekerja Migran Bermasalah Sosial", "Korban Bencana Alam", "Korban Bencana Sosial",
    "Perempuan Rawan Sosial Ekonomi", "Fakir Miskin", "Keluarga Bermasalah Sosial Psikologis",
    "Komunitas Adat Terpencil",
]
PSKS_JENIS = [
    "Pekerja Sosial Profesional", "Pekerja Sosial Masyarakat (PSM)", "Taruna Siaga Bencana (TAGANA)",
    "Lembaga Kesejahteraan Sosial (LKS)", "Karang Taruna",
    "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)", "Keluarga Pioner",
    "Wahana Kesejahteraan Sosial Berbasis Masyarakat (WKSBM)",
    "Wanita Pemimpin Kesejahteraan Sosial", "Penyuluh Sosial",
    "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)", "Dunia Usaha",
]
NAMA_LEMBAGA = ["Al-Ikhlas", "Harapan Kasih", "Mutiara", "Nurul Iman", "Pelita", "Sumber Berkat"]
JALAN = ["Sudirman", "Gatot Subroto", "Ahmad Yani", "Diponegoro", "Imam Bonjol"]
NAMA_DEPAN = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah",
              "Joko", "Kartika", "Lestari", "Muhammad", "Nurhayati", "Putri", "Rahmat", "Siti",
              "Taufik", "Wahyu", "Yusuf", "Zulkarnain", "Rina", "Agus", "Sri"]
NAMA_BELAKANG = ["Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Ginting", "Tarigan",
                 "Sembiring", "Pohan", "Daulay", "Batubara", "Hasibuan", "Sitepu", "Saragih"]
GELAR = ["S.Sos", "S.H", "S.E", "S.STP, M.Si", "S.Sos, M.A.P", "S.Kom", "S.T, M.T", "S.Pd, M.Pd"]


# --- text -----------------------------------------------------------------------------------

KALIMAT = [
    "{instansi} berkewajiban meningkatkan manajemen pelayanan yang lebih efisien, efektif, "
    "bersih, akuntabel serta berorientasi pada hasil.",
    "Laporan ini disusun sebagai perwujudan pertanggungjawaban atas pelaksanaan program dan "
    "kegiatan Tahun Anggaran {tahun} dalam rangka mencapai sasaran strategis yang tertuang dalam "
    "Renstra {awal}-{akhir}.",
    "Evaluasi kinerja dilakukan untuk memberikan masukan dalam mengatasi permasalahan yang ada "
    "sehingga dapat mendorong perbaikan yang berkelanjutan.",
    "Pengukuran kinerja dilakukan dengan membandingkan target dan realisasi setiap indikator "
    "kinerja utama yang telah ditetapkan dalam Perjanjian Kinerja.",
    "Capaian kinerja urusan {urusan} pada tahun {tahun} dipengaruhi oleh ketersediaan anggaran, "
    "sumber daya manusia dan dukungan lintas perangkat daerah.",
    "Data yang disajikan bersumber dari laporan bidang dan sistem informasi keuangan daerah yang "
    "telah direkonsiliasi pada akhir tahun anggaran.",
    "Beberapa kegiatan belum mencapai target karena adanya rasionalisasi anggaran pada perubahan "
    "APBD dan keterlambatan proses pengadaan barang dan jasa.",
    "Koordinasi dengan pemerintah provinsi dan kementerian terkait terus ditingkatkan agar "
    "program nasional di bidang {urusan} dapat dilaksanakan tepat waktu.",
    "Keterlibatan masyarakat, dunia usaha dan organisasi kemasyarakatan menjadi kunci "
    "keberhasilan penyelenggaraan urusan {urusan} di {wilayah}.",
    "Ke depan, perencanaan kegiatan akan lebih diarahkan pada hasil (outcome) yang dapat diukur "
    "dan dirasakan langsung oleh masyarakat.",
    "Pemutakhiran data dilakukan secara berkala bersama kelurahan dan kecamatan sehingga sasaran "
    "program lebih tepat.",
    "Penerapan Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mendorong setiap unit "
    "kerja menetapkan indikator kinerja yang jelas dan terukur.",
]


class Teks:
    """Indonesian paragraphs assembled from sentences, with the agency's names filled in."""

    def __init__(self, rng: random.Random, isian: dict[str, str]) -> None:
        self.rng = rng
        self.isian = isian

    def kalimat(self, pola: str, **tambahan: str) -> str:
        return pola.format(**{**self.isian, **tambahan})

    def paragraf(self, jumlah_kalimat: int = 3, **tambahan: str) -> str:
        dipilih = self.rng.sample(KALIMAT, jumlah_kalimat)
        return " ".join(self.kalimat(k, **tambahan) for k in dipilih)

    def narasi(self, jumlah_paragraf: int = 2, pembuka: str = "", **tambahan: str) -> str:
        paragraf = [self.paragraf(self.rng.randint(2, 4), **tambahan)
                    for _ in range(jumlah_paragraf)]
        if pembuka:
            paragraf[0] = f"{pembuka} {paragraf[0]}"
        return "\n\n".join(paragraf)


# --- TOML writing ---------------------------------------------------------------------------


def toml_nilai(nilai) -> str:
    """One TOML value; strings as basic strings (JSON's escapes are valid TOML escapes)."""
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, (int, float)):
        return repr(nilai)
    if isinstance(nilai, str):
        return json.dumps(nilai, ensure_ascii=False)
    if isinstance(nilai, dict):
        isi = ", ".join(f"{_kunci(k)} = {toml_nilai(v)}" for k, v in nilai.items())
        return "{ " + isi + " }" if isi else "{}"
    if isinstance(nilai, (list, tuple)):
        return "[" + ", ".join(toml_nilai(v) for v in nilai) + "]"
    raise TypeError(f"tidak dapat ditulis ke TOML: {nilai!r}")


def _kunci(kunci) -> str:
    teks = str(kunci)
    if teks and all(c.isalnum() or c in "_-" for c in teks) and teks.isascii():
        return teks
    return json.dumps(teks, ensure_ascii=False)


class Penulis:
    """Builds the file line by line: tables, arrays of tables, keys, comments, narratives."""

    def __init__(self) -> None:
        self.baris: list[str] = []
        self.indent = ""

    def kosong(self) -> None:
        self.baris.append("")

    def komentar(self, teks: str) -> None:
        self.baris.append(f"{self.indent}# {teks}")

    def tabel(self, nama: str, tingkat: int = 0, komentar: str = "") -> None:
        self.indent = "  " * tingkat
        akhir = f"  # {komentar}" if komentar else ""
        self.baris.append(f"{self.indent}[{nama}]{akhir}")

    def baris_tabel(self, nama: str, tingkat: int = 0, komentar: str = "") -> None:
        self.indent = "  " * tingkat
        akhir = f"  # {komentar}" if komentar else ""
        self.baris.append(f"{self.indent}[[{nama}]]{akhir}")

    def isi(self, kunci: str, nilai, komentar: str = "") -> None:
        akhir = f"  # {komentar}" if komentar else ""
        self.baris.append(f"{self.indent}{_kunci(kunci)} = {toml_nilai(nilai)}{akhir}")

    def narasi(self, kunci: str, teks: str) -> None:
        """A multi-line string: paragraphs separated by a blank line, as the planner types them."""
        aman = teks.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
        self.baris.append(f'{self.indent}{_kunci(kunci)} = """\n{aman}"""')

    def daftar(self, kunci: str, items: list[str]) -> None:
        """A list of strings, one per line (diff-friendly)."""
        if not items:
            self.isi(kunci, [])
            return
        self.baris.append(f"{self.indent}{_kunci(kunci)} = [")
        for item in items:
            self.baris.append(f"{self.indent}  {toml_nilai(item)},")
        self.baris.append(f"{self.indent}]")

    def teks(self) -> str:
        return "\n".join(self.baris) + "\n"


# --- the model ------------------------------------------------------------------------------


@dataclass
class Sub:
    kode: str
    nama: str
    indikator: str
    pagu: int
    realisasi: int


@dataclass
class Kegiatan:
    kode: str
    nama: str
    sub: list[Sub]


@dataclass
class Program:
    kode: str
    nama: str
    opd: str
    kegiatan: list[Kegiatan]


@dataclass
class Opd:
    kode_bidang: str
    urusan: str
    nama: str
    programs: list[str]
    objek: list[str]


class Generator:
    def __init__(self, ukuran: Ukuran, seed: int, bidang: int | None = None,
                 kota: str = "Teluk Damar") -> None:
        """`bidang` set: one agency of that bidang (an index into BIDANG) of city `kota`, as
        the files a Bappeda collects, its sasaran naming the city's sasaran daerah."""
        self.u = ukuran
        self.kota = kota
        self.opd_kota = bidang is not None
        self.rng = random.Random(f"{ukuran.nama}:{seed}" if bidang is None
                                 else f"{ukuran.nama}:{seed}:{kota}:{bidang}")
        self.multi = ukuran.jumlah_opd > 1 and bidang is None
        self.wilayah = f"Kota {kota}"
        self.opd = ([Opd(*BIDANG[bidang % len(BIDANG)])] if bidang is not None
                    else [Opd(*b) for b in BIDANG[: ukuran.jumlah_opd]])
        if self.multi:
            self.instansi = f"Pemerintah Kota {kota}"
            self.pendek = f"Pemerintah Kota {kota}"
            self.urusan_teks = "pemerintahan daerah"
        else:
            self.instansi = f"{self.opd[0].nama} Kota {kota}"
            self.pendek = self.opd[0].nama
            self.urusan_teks = self.opd[0].urusan.lower()
        self.teks = Teks(self.rng, {
            "instansi": self.instansi, "tahun": str(TAHUN), "awal": str(RENSTRA_AWAL),
            "akhir": str(RENSTRA_AKHIR), "urusan": self.urusan_teks, "wilayah": self.wilayah,
        })
        self.w = Penulis()

    # -- helpers ----------------------------------------------------------------------------

    def orang(self) -> str:
        r = self.rng
        return f"{r.choice(NAMA_DEPAN).upper()} {r.choice(NAMA_BELAKANG).upper()}, {r.choice(GELAR)}"

    def nip(self) -> str:
        r = self.rng
        lahir = f"{r.randint(1968, 1990)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
        angkat = f"{r.randint(1990, 2015)}{r.randint(1, 12):02d}"
        return f"{lahir} {angkat} {r.randint(1, 2)} {r.randint(1, 9):03d}"

    def pagu(self, besar: bool = False) -> int:
        if besar:
            return self.rng.randint(120, 900) * 10_000_000 + self.rng.randint(0, 9_999_999)
        nilai = math.exp(self.rng.gauss(math.log(90_000_000), 0.9))
        nilai = min(max(nilai, 3_000_000), 2_500_000_000)
        return int(nilai) // 10 * 10

    def realisasi(self, pagu: int) -> int:
        r = self.rng.random()
        if r < 0.03:
            return 0  # kegiatan not carried out (e.g. after rasionalisasi)
        if r < 0.15:
            return pagu  # fully absorbed
        return int(pagu * self.rng.uniform(0.45, 0.995))

    # -- budget tree -------------------------------------------------------------------------

    def anggaran_opd(self, opd: Opd) -> list[Program]:
        target = self.u.sub_per_opd
        n_penunjang = min(sum(len(k[2]) for k in PENUNJANG), max(4, round(target * 0.55)))
        programs = [self._penunjang(opd, n_penunjang)]
        programs.extend(self._teknis(opd, target - n_penunjang))
        return programs

    def _penunjang(self, opd: Opd, jumlah: int) -> Program:
        semua = [(k, s) for k in PENUNJANG for s in k[2]]
        wajib = {("2.02", "0001")}  # every agency pays salaries
        pilihan = [i for i, (k, s) in enumerate(semua) if (k[0], s[0]) not in wajib]
        terpilih = set(self.rng.sample(pilihan, jumlah - len(wajib)))
        terpilih |= {i for i, (k, s) in enumerate(semua) if (k[0], s[0]) in wajib}
        kode_program = f"{opd.kode_bidang}.01"
        kegiatan: list[Kegiatan] = []
        for i, (keg, sub) in enumerate(semua):
            if i not in terpilih:
                continue
            if not kegiatan or kegiatan[-1].kode != f"{kode_program}.{keg[0]}":
                kegiatan.append(Kegiatan(f"{kode_program}.{keg[0]}", keg[1], []))
            besar = (keg[0], sub[0]) == ("2.02", "0001")
            pagu = self.pagu(besar)
            kegiatan[-1].sub.append(Sub(f"{kode_program}.{keg[0]}.{sub[0]}", sub[1], sub[2],
                                        pagu, self.realisasi(pagu)))
        return Program(kode_program, PENUNJANG_PROGRAM, opd.nama, kegiatan)

    def _teknis(self, opd: Opd, jumlah: int) -> list[Program]:
        rng = self.rng
        lo, hi = self.u.sub_per_kegiatan
        ukuran_kegiatan: list[int] = []
        sisa = jumlah
        while sisa > 0:
            n = min(sisa, rng.randint(lo, hi))
            ukuran_kegiatan.append(n)
            sisa -= n
        programs = [Program(f"{opd.kode_bidang}.{i + 2:02d}", nama, opd.nama, [])
                    for i, nama in enumerate(opd.programs)]
        programs = programs[: max(1, min(len(programs), len(ukuran_kegiatan)))]
        nama_dipakai: set[str] = set()
        for nomor, n_sub in enumerate(ukuran_kegiatan):
            program = programs[nomor % len(programs)]
            kode_keg = f"{program.kode}.2.{len(program.kegiatan) + 1:02d}"
            objek = opd.objek[nomor % len(opd.objek)]
            nama_keg = KEGIATAN_POLA[(nomor // len(opd.objek)) % len(KEGIATAN_POLA)].format(o=objek)
            kegiatan = Kegiatan(kode_keg, nama_keg, [])
            pola = rng.sample(range(len(SUB_POLA)), len(SUB_POLA))
            for j in range(n_sub):
                nama, indikator = self._nama_sub(opd, objek, pola[j % len(pola)], j, nama_dipakai)
                pagu = self.pagu()
                kegiatan.sub.append(Sub(f"{kode_keg}.{j + 1:04d}", nama, indikator, pagu,
                                        self.realisasi(pagu)))
            program.kegiatan.append(kegiatan)
        return programs

    def _nama_sub(self, opd: Opd, objek: str, pola: int, urutan: int,
                  dipakai: set[str]) -> tuple[str, str]:
        nama_pola, indikator_pola = SUB_POLA[pola]
        nama, indikator = nama_pola.format(o=objek), indikator_pola.format(o=objek)
        tambahan = 0
        while nama in dipakai:  # large files: the same work done in another place
            tempat = KELURAHAN[(urutan + tambahan) % len(KELURAHAN)]
            putaran = (urutan + tambahan) // len(KELURAHAN)
            lokasi = f"Kelurahan {tempat}" + (f" Tahap {putaran + 1}" if putaran else "")
            nama = f"{nama_pola.format(o=objek)} di {lokasi}"
            indikator = f"{indikator_pola.format(o=objek)} di {lokasi}"
            tambahan += 1
        dipakai.add(nama)
        return nama, indikator

    # -- sections ----------------------------------------------------------------------------

    def tulis(self) -> str:
        self.budget = [p for opd in self.opd for p in self.anggaran_opd(opd)]
        self.sasaran = self._sasaran()
        self._kepala()
        self._profil()
        self._pmks()
        self._perjanjian_kinerja()
        self._akuntabilitas()
        self._penutup()
        self._anggaran()
        return self.w.teks()

    def _kepala(self) -> None:
        w = self.w
        n_sub = sum(len(k.sub) for p in self.budget for k in p.kegiatan)
        w.komentar(f"Laporan Kinerja {self.instansi}, tahun anggaran {TAHUN}.")
        w.komentar("Berkas contoh buatan bench/gen.py (data rekaan, bukan data resmi): "
                   f"ukuran {self.u.nama}, {len(self.opd)} perangkat daerah, {n_sub} sub kegiatan.")
        w.komentar("Angka Rupiah ditulis sebagai bilangan bulat tanpa titik; total dan persentase "
                   "dihitung oleh lakip.")
        w.isi("format", 1, "versi format berkas; jangan diubah")
        w.kosong()
        w.tabel("meta")
        w.isi("pemda", f"Pemerintah Kota {self.kota}")
        w.isi("instansi", self.instansi)
        w.isi("tahun", TAHUN, "tahun anggaran yang dilaporkan")
        w.isi("tempat_tanggal", f"{self.kota}, Maret {TAHUN + 1}")
        jabatan = f"Wali Kota {self.kota}" if self.multi else f"Kepala {self.instansi}"
        w.isi("kepala", {"jabatan": jabatan, "nama": self.orang(), "pangkat": "Pembina Tk.I",
                         "nip": self.nip()})
        w.kosong()
        w.tabel("plugins")
        w.isi("files", [], "plugin satu berkas di samping berkas ini")
        w.kosong()

    def _profil(self) -> None:
        w, t, r = self.w, self.teks, self.rng
        w.komentar("---- BAB I Pendahuluan ----")
        w.tabel("profil")
        w.narasi("kata_pengantar", t.narasi(3, "Puji syukur kita panjatkan kehadirat Tuhan Yang Maha "
                                               "Esa atas tersusunnya Laporan Kinerja ini."))
        w.narasi("latar_belakang", t.narasi(3))
        w.daftar("dasar_hukum", [
            "Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara",
            "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
            "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
            "Pemerintah",
            "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
            "Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah",
            "Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 tentang Hasil Verifikasi, "
            "Validasi dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan Nomenklatur "
            "Perencanaan Pembangunan dan Keuangan Daerah",
            f"Peraturan Daerah Kota {self.kota} Nomor 4 Tahun 2016 tentang Pembentukan dan Susunan "
            "Perangkat Daerah",
        ])
        w.narasi("profil", t.narasi(2))
        w.isi("sarana_pengantar", "Adapun fasilitas yang ada dan layanan yang telah dilaksanakan "
                                  f"pada {TAHUN} meliputi:")
        w.narasi("maksud", t.narasi(1))
        w.narasi("tujuan", t.narasi(1))
        w.daftar("manfaat", [
            f"Mendorong {self.pendek} melaksanakan tugas dan fungsi secara baik dan benar.",
            "Menjadi tolok ukur keberhasilan atau kegagalan pencapaian tujuan dan sasaran.",
            "Memelihara kepercayaan masyarakat terhadap penyelenggaraan pelayanan publik.",
        ])
        w.narasi("susunan_organisasi", t.narasi(1))
        w.daftar("fungsi_dinas", [
            "Perumusan kebijakan teknis sesuai dengan lingkup tugasnya;",
            "Penyelenggaraan urusan pemerintahan dan pelayanan umum sesuai dengan lingkup tugasnya;",
            "Pembinaan dan pelaksanaan tugas sesuai dengan lingkup tugasnya;",
            "Pelaksanaan tugas lain yang diberikan oleh Wali Kota sesuai dengan tugas dan fungsinya.",
        ])
        w.narasi("susunan_penutup", t.narasi(1))
        w.narasi("tupoksi_pengantar", t.narasi(1))
        w.narasi("aspek_strategis", t.narasi(2))
        w.narasi("permasalahan_utama", t.narasi(2))
        w.narasi("sistematika_pengantar", t.narasi(1))
        w.kosong()

        w.komentar("C.a Sarana")
        for jenis, jumlah, kelompok in (("Panti Asuhan", 9, "Panti Sosial Asuhan Anak"),
                                        ("Panti Rehabilitasi", 3, "Panti Sosial Rehabilitasi"),
                                        ("Taman Makam Pahlawan", 1, ""),
                                        ("Rumah Singgah", 1, "")):
            w.baris_tabel("profil.sarana")
            w.isi("jenis", jenis)
            w.isi("jumlah", jumlah)
            w.isi("satuan", "Unit")
            if kelompok:
                w.isi("kelompok", kelompok)
                w.daftar("lembaga", [
                    f"{jenis} {r.choice(['Harapan', 'Kasih', 'Mulia', 'Sejahtera'])}"
                    f" {KELURAHAN[(i * 5 + jumlah) % len(KELURAHAN)]}" for i in range(jumlah)])
            w.kosong()

        w.komentar("F. Tugas pokok dan fungsi: satu tabel per unit organisasi, sesuai urutan cetak")
        for unit in self._unit():
            w.baris_tabel("profil.unit")
            w.isi("nama", unit)
            w.daftar("tugas", [
                f"{unit} dipimpin oleh seorang kepala yang berada di bawah dan bertanggung jawab "
                "kepada pimpinan.",
                f"{unit} mempunyai tugas melaksanakan sebagian tugas di bidang {self.urusan_teks}.",
            ])
            w.isi("fungsi_pengantar", "Dalam melaksanakan tugas sebagaimana dimaksud pada ayat (2), "
                                      f"{unit} menyelenggarakan fungsi:")
            w.daftar("fungsi", [
                "Penyusunan rencana kerja dan anggaran;",
                "Pelaksanaan kebijakan teknis sesuai lingkup tugasnya;",
                "Pembinaan, koordinasi dan pengendalian kegiatan;",
                "Pemantauan, evaluasi dan pelaporan pelaksanaan tugas;",
                "Pelaksanaan tugas lain yang diberikan oleh pimpinan.",
            ])
            w.kosong()

        pns, non_pns = r.randint(20, 60) * len(self.opd), r.randint(10, 40) * len(self.opd)
        golongan = _bagi(r, pns, 4)
        w.komentar("G. Keadaan pegawai")
        w.tabel("profil.pegawai")
        w.isi("tanggal", f"31 Desember {TAHUN}")
        w.isi("jumlah_tertulis", pns + non_pns, "tertulis: dibandingkan dengan pns + non_pns")
        w.isi("pns", pns)
        w.isi("non_pns", non_pns)
        for nama, jumlah in zip(("Golongan IV", "Golongan III", "Golongan II", "Golongan I",
                                 "Non Golongan"), [*golongan, non_pns]):
            w.baris_tabel("profil.pegawai.golongan")
            w.isi("nama", nama)
            w.isi("jumlah", jumlah)
        for nama, jumlah in zip(("S2", "S1", "D3", "SMA/SLTA", "SLTP"), _bagi(r, pns, 5)):
            w.baris_tabel("profil.pegawai.pendidikan")
            w.isi("nama", nama)
            w.isi("jumlah", jumlah)
        for nama, jumlah in (("Eselon IIb", len(self.opd)), ("Eselon IIIa", 4 * len(self.opd)),
                             ("Eselon IIIb", 8 * len(self.opd)), ("Eselon IVa", 10 * len(self.opd))):
            w.baris_tabel("profil.pegawai.eselon")
            w.isi("nama", nama)
            w.isi("jumlah", jumlah)
        w.kosong()

        w.komentar("I. Sistematika")
        for bab, judul in (("BAB I", "Pendahuluan"), ("BAB II", "Perencanaan Kinerja"),
                           ("BAB III", "Akuntabilitas Kinerja"), ("BAB IV", "Penutup")):
            w.baris_tabel("profil.sistematika")
            w.isi("bab", bab)
            w.isi("judul", judul)
            w.isi("uraian", f"Dalam bab ini diuraikan {judul.lower()} {self.pendek} "
                            f"Tahun Anggaran {TAHUN}.")
        w.kosong()

    def _unit(self) -> list[str]:
        if not self.multi:
            return ["Kepala Dinas", "Sekretariat", "Subbagian Umum dan Kepegawaian",
                    "Subbagian Keuangan", "Subbagian Program", "Bidang Rehabilitasi Sosial",
                    "Bidang Pemberdayaan Sosial", "Bidang Perlindungan dan Jaminan Sosial"]
        unit = []
        for opd in self.opd:
            unit.append(f"Kepala {opd.nama}")
            for i in range(self.u.unit_per_opd - 1):
                unit.append(f"Bidang {opd.objek[i % len(opd.objek)]} pada {opd.nama}")
        return unit

    def _pmks(self) -> None:
        w, r = self.w, self.rng
        skala = len(self.opd)
        w.komentar("---- Data PMKS dan PSKS (Tabel 2.3, 2.4, 3.3) ----")
        w.tabel("pmks")
        w.isi("pmks_sumber", f"Data PMKS {self.wilayah}")
        w.narasi("pmks_pengantar", "Penyandang Masalah Kesejahteraan Sosial yang selanjutnya disebut "
                                   "PMKS adalah perseorangan, keluarga, kelompok, dan/atau masyarakat "
                                   "yang karena suatu hambatan tidak dapat melaksanakan fungsi sosialnya.")
        w.daftar("pmks_definisi", [f"{j} adalah salah satu jenis PMKS menurut Peraturan Menteri "
                                   "Sosial Nomor 08 Tahun 2012." for j in PMKS_JENIS])
        w.isi("pmks_tabel_pengantar", f"Pada Tahun {TAHUN} Data Penyandang Masalah Kesejahteraan "
                                      f"Sosial di {self.wilayah} adalah sebagai berikut:")
        w.narasi("psks_pengantar", "Peningkatan kemampuan, partisipasi, dan peran Potensi Sumber "
                                   "Kesejahteraan Sosial (PSKS) dapat terwujud melalui berbagai "
                                   "kegiatan, seperti:")
        w.daftar("psks_kegiatan", [
            "Menjaga, menciptakan, mendukung, dan memperkuat penyelenggaraan kesejahteraan sosial",
            "Berpartisipasi dalam penyelenggaraan usaha-usaha kesejahteraan sosial",
            "Melakukan intervensi sosial dalam pelayanan sosial",
            "Mencegah dan mengatasi masalah sosial",
        ])
        w.narasi("psks_definisi_pengantar", "PSKS adalah perseorangan, keluarga, kelompok, dan/atau "
                                            "masyarakat yang dapat berperan serta dalam "
                                            "penyelenggaraan kesejahteraan sosial, yaitu:")
        w.daftar("psks_definisi", [f"{j} adalah salah satu pilar kesejahteraan sosial."
                                   for j in PSKS_JENIS])
        w.isi("psks_tabel_pengantar", f"Pada Tahun {TAHUN} Data Potensi dan Sumber Kesejahteraan "
                                      f"Sosial di {self.wilayah} adalah sebagai berikut:")
        w.isi("psks_sumber", f"Data PSKS {self.wilayah} Tahun {TAHUN}")
        w.isi("lembaga_sumber", f"Bidang Pemberdayaan Sosial Dinas Sosial {self.wilayah}")
        w.kosong()
        for no, jenis in enumerate(PMKS_JENIS, start=1):
            w.baris_tabel("pmks.pmks")
            w.isi("no", no)
            w.isi("jenis", jenis)
            jumlah = 0 if r.random() < 0.4 else r.randint(1, 40) * skala
            if jenis == "Fakir Miskin":
                jumlah = r.randint(90_000, 120_000)
            w.isi("jumlah", jumlah)
            if jumlah:
                l = r.randint(0, jumlah)
                w.isi("l", l)
                w.isi("p", jumlah - l)
        w.kosong()
        for no, jenis in enumerate(PSKS_JENIS, start=1):
            w.baris_tabel("pmks.psks", komentar="kolom P dicetak sebelum L" if no == 1 else "")
            w.isi("no", str(no))
            w.isi("jenis", jenis)
            jumlah = r.randint(1, 80) * max(1, skala // 4)
            w.isi("jumlah", jumlah)
            if r.random() < 0.6:
                p = r.randint(0, jumlah)
                w.isi("p", p)
                w.isi("l", jumlah - p)
        w.kosong()
        kelompok = ("PANTI ASUHAN", "PANTI REHABILITASI", "YAYASAN SOSIAL")
        for i in range(self.u.lembaga):
            jenis = kelompok[i * len(kelompok) // self.u.lembaga]
            w.baris_tabel("pmks.lembaga")
            w.isi("kelompok", jenis)
            putaran = f" {i // len(KELURAHAN) + 1}" if i >= len(KELURAHAN) else ""
            w.isi("nama", f"{jenis.title()} {r.choice(NAMA_LEMBAGA)} "
                          f"{KELURAHAN[i % len(KELURAHAN)]}{putaran}")
            w.isi("alamat", f"Jl. {r.choice(JALAN)} "
                            f"No. {r.randint(1, 250)} Kel. {KELURAHAN[(i * 7) % len(KELURAHAN)]} "
                            f"Kec. {KECAMATAN[i % len(KECAMATAN)]}")
        w.kosong()

    def _sasaran(self) -> list[dict]:
        """Sasaran strategis with their indicators, targets, renstra and realisasi."""
        r = self.rng
        hasil = []
        nomor_iku = 0
        for s in range(self.u.sasaran):
            opd = self.opd[s % len(self.opd)]
            objek = opd.objek[(s // len(self.opd)) % len(opd.objek)]
            indikator = []
            for i in range(r.randint(1, 3) if self.multi else (2 if s == 0 else 1)):
                nomor_iku += 1
                negatif = r.random() < 0.15
                if negatif:
                    uraian = f"Persentase {objek} yang Bermasalah"
                    target = round(r.uniform(5, 20), 1)
                    renstra = [round(target + (TAHUN - th) * 1.5, 1)
                               for th in range(RENSTRA_AWAL + 1, RENSTRA_AKHIR + 1)]
                    nilai = round(target * r.uniform(0.85, 1.2), 2)
                else:
                    uraian = [f"Persentase {objek} dalam Kondisi Baik",
                              f"Persentase Capaian Standar Pelayanan Minimal {opd.urusan}",
                              f"Indeks Kepuasan Masyarakat terhadap Layanan {objek}"][i % 3]
                    target = r.choice([70, 75, 80, 85, 90, 95, 100])
                    renstra = [min(100, target + (th - TAHUN) * 5)
                               for th in range(RENSTRA_AWAL + 1, RENSTRA_AKHIR + 1)]
                    nilai = round(target * r.uniform(0.8, 1.05), 2)
                tahun_lalu = {str(TAHUN - 1): renstra[TAHUN - 1 - RENSTRA_AWAL - 1],
                              str(TAHUN - 2): renstra[TAHUN - 2 - RENSTRA_AWAL - 1]}
                indikator.append({
                    "kode": f"IKU{nomor_iku}", "uraian": uraian, "satuan": "%",
                    "polaritas": "negatif" if negatif else "positif", "target": target,
                    "renstra": {str(th): v for th, v in
                                zip(range(RENSTRA_AWAL + 1, RENSTRA_AKHIR + 1), renstra)},
                    "nilai": nilai, "tahun_lalu": tahun_lalu,
                })
            hasil.append({
                "kode": f"SS{s + 1}",
                "uraian": f"Meningkatnya kualitas {objek.lower()} di bidang {opd.urusan.lower()}",
                "indikator": indikator,
            })
        return hasil

    def _perjanjian_kinerja(self) -> None:
        w, t = self.w, self.teks
        w.komentar("---- BAB II Perencanaan dan Perjanjian Kinerja ----")
        w.tabel("perjanjian_kinerja")
        w.isi("renstra", {"awal": RENSTRA_AWAL, "akhir": RENSTRA_AKHIR})
        w.narasi("rencana_strategis", t.narasi(2))
        w.narasi("visi_pengantar", t.narasi(1))
        w.isi("visi", f"MEWUJUDKAN {self.kota.upper()} YANG LEBIH MAJU, BERBUDAYA DAN RELIGIUS")
        w.narasi("misi_pengantar", t.narasi(1))
        w.daftar("misi", [
            f"Mewujudkan Sumber Daya Manusia dan Masyarakat Kota {self.kota} yang Berkualitas",
            "Mewujudkan Tata Kelola Pemerintahan yang Baik dan Bersih",
            "Mewujudkan Pembangunan Infrastruktur yang Merata dan Berkelanjutan",
        ])
        w.narasi("misi_penjelasan", t.narasi(1))
        w.daftar("program_prioritas", [
            "Meningkatkan kualitas SDM yang berlandaskan iman dan takwa",
            "Meningkatkan akses dan kualitas pelayanan dasar bagi masyarakat kurang mampu",
            "Meningkatkan ketenteraman masyarakat dan ketertiban umum",
        ])
        w.narasi("tujuan_pengantar", t.narasi(1))
        w.daftar("tujuan_uraian", [f"Meningkatnya kinerja urusan {o.urusan.lower()}"
                                   for o in self.opd[:5]])
        w.narasi("sasaran_pengantar", t.narasi(1))
        w.isi("tujuan_sumber", f"Renstra {self.pendek} {RENSTRA_AWAL}-{RENSTRA_AKHIR}")
        w.narasi("pk_pengantar", t.narasi(1))
        w.isi("pk_sumber", f"Perjanjian Kinerja Tahun {TAHUN}")
        w.kosong()
        w.komentar("Tabel 2.1: setiap tujuan menyebut kode sasarannya")
        kode = [s["kode"] for s in self.sasaran]
        per_tujuan = 2 if not self.multi else 4
        for i in range(0, len(kode), per_tujuan):
            w.baris_tabel("perjanjian_kinerja.tujuan")
            w.isi("uraian", f"Mewujudkan peningkatan pelayanan publik bagian {i // per_tujuan + 1} "
                            "guna meningkatkan kesejahteraan masyarakat")
            w.isi("sasaran", kode[i:i + per_tujuan])
        w.kosong()
        w.komentar("Tabel 2.2: sasaran strategis dan indikator kinerja utama")
        for s in self.sasaran:
            w.baris_tabel("perjanjian_kinerja.sasaran")
            w.isi("kode", s["kode"])
            w.isi("uraian", s["uraian"])
            if self.opd_kota:
                w.isi("sasaran_daerah", SASARAN_DAERAH[_urutan_bidang(self.opd[0])
                                                       % len(SASARAN_DAERAH)])
            w.narasi("penjelasan", t.narasi(1))
            for ind in s["indikator"]:
                w.baris_tabel("perjanjian_kinerja.sasaran.indikator", 1)
                w.isi("kode", ind["kode"])
                w.isi("uraian", ind["uraian"])
                w.isi("satuan", ind["satuan"])
                w.isi("polaritas", ind["polaritas"],
                      "realisasi lebih rendah lebih baik" if ind["polaritas"] == "negatif" else "")
                w.isi("jenis", "kuantitatif")
                w.isi("target", ind["target"])
                w.isi("renstra", ind["renstra"])
            self.w.indent = ""
            w.kosong()

    def _akuntabilitas(self) -> None:
        w, t = self.w, self.teks
        w.komentar("---- BAB III Akuntabilitas Kinerja ----")
        w.tabel("akuntabilitas")
        w.narasi("pengantar", t.narasi(3))
        w.narasi("kerangka_pengukuran", t.narasi(2))
        w.isi("skala_sumber", f"Keputusan Kepala {self.pendek} tentang Pedoman Teknis Pengukuran "
                              "Kinerja")
        w.narasi("evaluasi_pengantar", t.narasi(1))
        w.isi("capaian_sumber", f"Perjanjian Kinerja {self.pendek}")
        w.isi("perbandingan_sumber", f"Renstra {RENSTRA_AWAL}-{RENSTRA_AKHIR} {self.pendek}")
        w.narasi("kendala_pengantar", t.narasi(1))
        w.daftar("kendala", [
            "Terbatasnya sumber daya manusia pada unit kerja untuk menentukan outcome.",
            "Komitmen antara tim penyusun AKIP dengan unit kerja belum berjalan dengan baik.",
            "Rasionalisasi anggaran pada perubahan APBD.",
        ])
        w.narasi("solusi_pengantar", t.narasi(1))
        w.daftar("solusi", [
            "Memutakhirkan basis data yang akurat untuk perencanaan dan penganggaran.",
            "Memberikan kesempatan kepada aparatur mengikuti pendidikan dan pelatihan.",
            "Meningkatkan kapasitas aparatur dalam menyusun dokumen akuntabilitas kinerja.",
        ])
        w.narasi("efisiensi_pengantar", t.narasi(1))
        w.narasi("efisiensi_teks", "Efisiensi penggunaan anggaran dihitung dengan rumus "
                                   "1 - (% realisasi anggaran x (1 / % capaian kinerja)).")
        w.narasi("program_pendukung", t.narasi(2))
        w.narasi("realisasi_anggaran_pengantar", t.narasi(1))
        w.kosong()
        w.komentar("Tabel 3.1: skala peringkat tanpa celah; peringkat teratas tanpa batas atas")
        for nama, bawah, atas in (("Sangat Tinggi", 91, None), ("Tinggi", 76, 91),
                                  ("Sedang", 66, 76), ("Rendah", 51, 66),
                                  ("Sangat Rendah", None, 51)):
            w.baris_tabel("akuntabilitas.skala")
            w.isi("nama", nama)
            if bawah is not None:
                w.isi("min", bawah)
            if atas is not None:
                w.isi("max", atas)
        w.kosong()
        w.komentar("Tabel 3.2: realisasi per indikator (kode dari [perjanjian_kinerja])")
        for s in self.sasaran:
            for ind in s["indikator"]:
                w.baris_tabel("akuntabilitas.realisasi")
                w.isi("indikator", ind["kode"])
                w.isi("nilai", ind["nilai"])
                w.isi("tahun_lalu", ind["tahun_lalu"])
        w.kosong()
        for s in self.sasaran:
            w.baris_tabel("akuntabilitas.analisis")
            w.isi("sasaran", s["kode"])
            w.narasi("teks", t.narasi(1, f"Capaian indikator kinerja sasaran \"{s['uraian']}\" "
                                         "diuraikan sebagai berikut."))
            w.narasi("iku", t.narasi(1, f"IKU {s['indikator'][0]['uraian']}."))
        w.kosong()

    def _penutup(self) -> None:
        w, t = self.w, self.teks
        w.komentar("---- BAB IV Penutup ----")
        w.tabel("penutup")
        w.narasi("teks", t.narasi(2))
        w.isi("langkah_pengantar", "Langkah-langkah yang perlu diambil antara lain sebagai berikut:")
        w.daftar("langkah", [
            "Meningkatkan pemahaman aparatur tentang SAKIP serta kemampuan menyusun dokumen kinerja.",
            "Membangun komitmen seluruh jajaran tentang pentingnya penerapan SAKIP yang berkualitas.",
        ])
        w.kosong()

    def _anggaran(self) -> None:
        w = self.w
        w.komentar("---- Realisasi anggaran (Tabel 3.6 dan 3.7), kode Kepmendagri 050-5889/2021 ----")
        w.tabel("anggaran")
        if not self.multi:
            opd = self.opd[0]
            w.isi("urusan", {"kode": opd.kode_bidang,
                             "nama": f"Urusan Pemerintah Bidang {opd.urusan}"})
            w.isi("unit", opd.nama.upper(), "Unit Perangkat Daerah Penanggung Jawab")
        else:
            w.isi("unit", "PERANGKAT DAERAH KOTA TELUK DAMAR", "Unit Perangkat Daerah Penanggung Jawab")
        w.isi("sumber", f"Laporan Monitoring Evaluasi Renja Tahun {TAHUN}")
        w.isi("ringkasan_sumber", f"Laporan Realisasi Anggaran {self.pendek} Tahun {TAHUN}")
        w.kosong()
        opd_sebelumnya = ""
        for program in self.budget:
            if program.opd != opd_sebelumnya:
                w.komentar(f"==== {program.opd} ====")
                opd_sebelumnya = program.opd
            w.baris_tabel("anggaran.program")
            w.isi("kode", program.kode)
            w.isi("nama", program.nama)
            w.isi("target", "100%")
            for kegiatan in program.kegiatan:
                w.baris_tabel("anggaran.program.kegiatan", 1)
                w.isi("kode", kegiatan.kode)
                w.isi("nama", kegiatan.nama)
                w.isi("target", "100%")
                for sub in kegiatan.sub:
                    w.baris_tabel("anggaran.program.kegiatan.sub", 2)
                    w.isi("kode", sub.kode)
                    w.isi("nama", sub.nama)
                    w.isi("indikator", sub.indikator)
                    w.isi("target", "100%")
                    w.isi("pagu", sub.pagu)
                    w.isi("realisasi", sub.realisasi,
                          "tidak terlaksana" if sub.realisasi == 0 else "")
            w.indent = ""
            w.kosong()


def _bagi(rng: random.Random, total: int, bagian: int) -> list[int]:
    """Split `total` into `bagian` non-negative parts that sum to it."""
    potong = sorted(rng.randint(0, total) for _ in range(bagian - 1))
    batas = [0, *potong, total]
    return [b - a for a, b in zip(batas, batas[1:])]


# The city's sasaran (RPJMD) that agencies' sasaran serve, for the rekap per sasaran daerah.
SASARAN_DAERAH = [
    "Meningkatnya kualitas sumber daya manusia",
    "Meningkatnya kesejahteraan sosial masyarakat",
    "Meningkatnya kualitas infrastruktur dan lingkungan hidup",
    "Meningkatnya pertumbuhan ekonomi daerah",
    "Meningkatnya kualitas tata kelola pemerintahan",
]

# Cities of a generated province (10 cities x 40 agencies = 400 files).
KOTA_PROVINSI = ["Teluk Damar", "Sei Lestari", "Padang Meranti", "Bukit Kenanga", "Tanjung Harapan",
                 "Muara Jaya", "Pematang Indah", "Batu Permai", "Lubuk Sentosa", "Rantau Makmur"]


def _urutan_bidang(opd: Opd) -> int:
    return next(i for i, b in enumerate(BIDANG) if b[0] == opd.kode_bidang)


def generate_agency(bidang: int, kota: str = "Teluk Damar", seed: int = DEFAULT_SEED) -> str:
    """One agency's own file (the small size), agency `bidang` (0-39) of city `kota`."""
    return Generator(UKURAN["small"], seed, bidang, kota).tulis()


def generate_folder(folder: Path, jumlah_kota: int = 1, opd_per_kota: int = 40,
                    seed: int = DEFAULT_SEED) -> list[Path]:
    """A reviewer's folder: one subfolder per city, one file per agency. Returns the files."""
    files = []
    for k in range(jumlah_kota):
        kota = KOTA_PROVINSI[k % len(KOTA_PROVINSI)] + (f" {k // len(KOTA_PROVINSI) + 1}"
                                                        if k >= len(KOTA_PROVINSI) else "")
        sub = folder / kota.lower().replace(" ", "-")
        sub.mkdir(parents=True, exist_ok=True)
        for b in range(opd_per_kota):
            path = sub / f"{BIDANG[b % len(BIDANG)][0]}-{b:02d}.toml"
            path.write_text(generate_agency(b, kota, seed), encoding="utf-8", newline="\n")
            files.append(path)
    return files


def generate(ukuran: str, seed: int = DEFAULT_SEED) -> str:
    """The text of a project file of size `ukuran` ("small", "city" or "huge")."""
    if ukuran not in UKURAN:
        raise ValueError(f"ukuran tidak dikenal: {ukuran!r} (pilih {', '.join(UKURAN)})")
    return Generator(UKURAN[ukuran], seed).tulis()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Tulis berkas proyek rekaan untuk uji kinerja.")
    parser.add_argument("ukuran", choices=[*UKURAN, "kota", "provinsi"],
                        help="small, city atau huge (satu berkas); kota (folder 40 berkas "
                             "instansi) atau provinsi (10 kota x 40 berkas)")
    parser.add_argument("-o", "--output", default="-", help="berkas keluaran ('-' untuk stdout)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="benih acak (bawaan 2024)")
    args = parser.parse_args(argv)
    if args.ukuran in ("kota", "provinsi"):
        if args.output == "-":
            parser.error("kota/provinsi menulis folder: beri -o FOLDER")
        files = generate_folder(Path(args.output), 1 if args.ukuran == "kota" else 10,
                                seed=args.seed)
        print(f"{len(files)} berkas di {args.output}")
        return 0
    text = generate(args.ukuran, args.seed)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
