"""The [anggaran] section `lakip new` writes: empty, with comments showing how to fill it.

`$tahun` and `$instansi` are filled in by `lakip new` (string.Template).
"""

BAGIAN_BAWAAN = '''\
[anggaran]
# Urusan yang dilaksanakan (kode Kepmendagri 050-5889/2021), mis.
# urusan = { kode = "1.06", nama = "Urusan Pemerintah Bidang Sosial" }
urusan = { kode = "", nama = "" }
unit = ""                     # Unit Perangkat Daerah Penanggung Jawab, mis. "DINAS SOSIAL"
sumber = "Laporan Monitoring Evaluasi Renja Tahun $tahun"                  # di bawah Tabel 3.7
ringkasan_sumber = "Laporan Realisasi Anggaran $instansi Tahun $tahun"    # di bawah Tabel 3.6

# Satu [[anggaran.program]] per program, berisi kegiatan, berisi sub kegiatan.
# Pagu dan realisasi hanya diisi pada sub kegiatan, dalam Rupiah bulat tanpa titik;
# jumlah kegiatan, program dan total serta semua persentase dihitung oleh lakip.
#
# [[anggaran.program]]
# kode = "1.06.01"
# nama = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
#   [[anggaran.program.kegiatan]]
#   kode = "1.06.01.2.02"
#   nama = "Administrasi Keuangan Perangkat Daerah"
#     [[anggaran.program.kegiatan.sub]]
#     kode = "1.06.01.2.02.0001"
#     nama = "Penyediaan Gaji dan Tunjangan ASN"
#     indikator = "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN"
#     target = "100%"
#     pagu = 3190068739
#     realisasi = 3039121635
'''
