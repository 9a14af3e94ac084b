"""The [akuntabilitas] and [penutup] sections that `lakip new` writes, explained.

string.Template fills in $tahun, $instansi and $pemda; a literal dollar must be written $$.
The scale rows are SKALA_BAKU: each tier runs up to the next one's min, so no value is left
without a rating (the seed's printed scale had gaps).
"""

BAGIAN_AKUNTABILITAS = '''\
[akuntabilitas]
pengantar = """"""               # A. Capaian Kinerja Organisasi: paragraf pembuka
kerangka_pengukuran = """"""     # 3.1 Kerangka Pengukuran Kinerja
skala_sumber = ""                # dasar skala peringkat (Tabel 3.1), mis. SK Kepala Dinas
evaluasi_pengantar = """"""      # 3.2.1: teks sebelum Tabel 3.2
capaian_sumber = "Perjanjian Kinerja $instansi"
perbandingan_sumber = ""         # sumber Tabel 3.4, mis. "Renstra 2021-2026 $instansi"
kendala_pengantar = """"""       # 3.2.3.1
kendala = []
solusi_pengantar = """"""        # 3.2.3.2
solusi = []
efisiensi_pengantar = """"""     # 3.2.4: teks sebelum Tabel 3.6 (realisasi anggaran per program)
efisiensi_teks = """"""          # penjelasan tambahan sesudah rumus efisiensi (boleh kosong)
# efisiensi_tertulis = "0,16"    # hanya bila menyalin laporan lama: angka yang dulu tercetak
program_pendukung = """"""       # 3.2.5 program/kegiatan yang menunjang keberhasilan
realisasi_anggaran_pengantar = """"""   # B. Realisasi Anggaran: teks sebelum Tabel 3.7

# Kebijakan capaian (berlaku untuk rata-rata, peringkat, efisiensi dan ringkasan):
# batas_atas_capaian = 100       # capaian di atas 100% dihitung 100% (ada yang memakai 120)
# capaian_negatif_nol = true     # capaian di bawah 0% (polaritas negatif) dihitung 0%

# Tabel 3.1 Skala nilai peringkat kinerja. `min` inklusif; tanpa `max` sebuah peringkat
# berlaku sampai batas bawah peringkat di atasnya, sehingga tidak ada nilai tanpa peringkat.
[[akuntabilitas.skala]]
nama = "Sangat Tinggi"
min = 91
[[akuntabilitas.skala]]
nama = "Tinggi"
min = 76
[[akuntabilitas.skala]]
nama = "Sedang"
min = 66
[[akuntabilitas.skala]]
nama = "Rendah"
min = 51
[[akuntabilitas.skala]]
nama = "Sangat Rendah"

# Realisasi per indikator (Tabel 3.2); `indikator` adalah kode indikator di Perjanjian Kinerja.
# Capaian dan peringkat dihitung lakip, tidak ditulis.
[[akuntabilitas.realisasi]]
indikator = "IKU1"
# nilai = 84                     # realisasi tahun $tahun
# tahun_lalu = { 2023 = 80 }    # realisasi tahun-tahun sebelumnya per tahun (Tabel 3.4)

# Analisis per sasaran (3.2.1): satu blok per kode sasaran.
[[akuntabilitas.analisis]]
sasaran = "SS1"
teks = """"""                    # analisis capaian sasaran
iku = """"""                     # uraian per indikator (a. IKU 1: ...)
'''

BAGIAN_PENUTUP = '''\
[penutup]
teks = """"""                    # BAB IV Penutup: kesimpulan, paragraf dipisah baris kosong
langkah_pengantar = ""           # kalimat sebelum daftar langkah ("... sebagai berikut:")
langkah = []                     # langkah-langkah perbaikan ke depan
'''
