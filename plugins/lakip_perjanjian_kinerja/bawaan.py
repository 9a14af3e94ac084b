"""The [perjanjian_kinerja] section that `lakip new` writes: empty fields, explained.

string.Template fills in $tahun, $instansi and $pemda; a literal dollar must be written $$.
"""

BAGIAN_BAWAAN = '''\
[perjanjian_kinerja]
# Periode Rencana Strategis (Renstra) yang berlaku; harus mencakup tahun anggaran $tahun.
renstra = { awal = $tahun, akhir = $tahun }
rencana_strategis = """"""       # A. Rencana Strategis: narasi, paragraf dipisah baris kosong
visi_pengantar = """"""          # narasi sebelum visi
visi = ""                        # visi kepala daerah, mis. "MEWUJUDKAN ..."
misi_pengantar = """"""
misi = []                        # daftar misi: ["Mewujudkan ...", "..."]
misi_penjelasan = """"""
program_prioritas = []           # program prioritas untuk mewujudkan misi
tujuan_pengantar = """"""        # B.1 Tujuan
tujuan_uraian = []               # butir-butir tujuan
sasaran_pengantar = """"""       # B.2 Sasaran
tujuan_sumber = "Renstra $instansi"
pk_pengantar = """"""            # C. Perjanjian Kinerja: narasi sebelum Tabel 2.2
pk_sumber = "Perjanjian Kinerja Tahun $tahun"

# Makna kata-kata dalam visi (boleh dihapus jika tidak dijelaskan):
# [[perjanjian_kinerja.visi_makna]]
# kata = "MAJU"
# makna = "..."

# Tabel 2.1: setiap tujuan dengan kode sasaran yang mendukungnya.
[[perjanjian_kinerja.tujuan]]
uraian = ""
sasaran = ["SS1"]

# Tabel 2.2: sasaran strategis dan indikator kinerjanya. Salin blok ini untuk sasaran berikutnya.
[[perjanjian_kinerja.sasaran]]
kode = "SS1"                     # kode unik; dipakai Tabel 2.1 dan analisis BAB III
uraian = ""
penjelasan = """"""              # dicetak di bawah Tabel 2.2

  [[perjanjian_kinerja.sasaran.indikator]]
  kode = "IKU1"                  # kode unik; realisasi BAB III dicatat per kode ini
  uraian = ""
  satuan = "%"
  polaritas = "positif"          # "negatif" bila makin rendah realisasi makin baik
  jenis = "kuantitatif"          # atau "kualitatif" (isi juga `urutan`) atau "sesuai_target"
  # target = 85                  # target tahun $tahun; persen ditulis 85 untuk 85%
  # urutan = ["C", "B", "A"]     # hanya untuk jenis kualitatif: nilai dari terendah
  # target Renstra per tahun, mis. { 2025 = 80, 2026 = 85 }; target tahun $tahun harus sama
  # dengan target di atas
  renstra = {}
'''
