"""What `lakip new` writes for BAB I: every key, empty, with a comment saying what goes there.

`$tahun`, `$instansi` and `$pemda` are filled in by the core (string.Template), so the text
holds no other dollar sign. Scalar keys come first: TOML does not allow going back to [profil]
once a [[profil.sarana]] row has been written.
"""

DEFAULT_SECTION = '''
[profil]
# Kata pengantar: paragraf dipisah satu baris kosong. Ditandatangani oleh [meta].kepala,
# dengan tempat dan tanggal dari [meta].tempat_tanggal (laporan $tahun ditandatangani tahun berikutnya).
kata_pengantar = """
"""

# A. Latar Belakang
latar_belakang = """
"""

# B. Dasar Hukum: satu peraturan per butir, dicetak bernomor.
dasar_hukum = [
    # "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
]

# C. Profil $instansi: uraian sebelum tabel sarana sosial (tabel ada di [[profil.sarana]] di bawah).
profil = """
"""
sarana_pengantar = "Adapun fasilitas yang ada dan layanan yang telah dilaksanakan pada $tahun meliputi:"

# D. Maksud dan Tujuan; `manfaat` dicetak sebagai daftar bernomor setelah tujuan.
maksud = """
"""
tujuan = """
"""
manfaat = []

# E. Susunan Organisasi: uraian, daftar fungsi dinas (a., b., ...), lalu penutup.
susunan_organisasi = """
"""
fungsi_dinas = []
susunan_penutup = """
"""

# F. Tugas Pokok dan Fungsi: kalimat pembuka; tiap unit kerja di [[profil.unit]] di bawah.
tupoksi_pengantar = """
"""

# H. Aspek Strategis dan Permasalahan Utama
aspek_strategis = """
"""
permasalahan_utama = """
"""

# I. Sistematika: kalimat pembuka; tiap bab di [[profil.sistematika]] di bawah.
sistematika_pengantar = """
"""

# C.a Sarana sosial: satu [[profil.sarana]] per jenis. `lembaga` (nama-nama lembaganya) boleh
# dikosongkan; bila diisi, banyaknya harus sama dengan `jumlah`.
# [[profil.sarana]]
# jenis = "Panti Asuhan"
# jumlah = 9
# satuan = "Unit"
# kelompok = "Panti Sosial Asuhan Anak"
# lembaga = ["Panti Asuhan ...", "..."]

# F. Satu [[profil.unit]] per unit kerja, sesuai urutan Perwal tugas dan fungsi.
# [[profil.unit]]
# nama = "Kepala Dinas"
# tugas = ["... merupakan unsur pelaksana ...", "Kepala Dinas mempunyai tugas ..."]   # ayat (1), (2)
# fungsi_pengantar = "Dalam menyelenggarakan tugas ..., Kepala Dinas menyelenggarakan fungsi:"
# fungsi = ["Perumusan kebijakan ...", "..."]                                        # a., b., ...

# G. Keadaan Pegawai. Jumlah seluruh pegawai dihitung dari pns + non_pns.
# Jumlah per golongan (tanpa "Non Golongan") harus sama dengan pns. Angka yang belum diketahui
# dibiarkan tanpa kunci (`lakip check` menyebutnya "belum diisi"); tulis `jumlah = 5` di baris
# masing-masing, atau isi lewat editor.
[profil.pegawai]
tanggal = "31 Desember $tahun"
# pns = 25                # isi bila sudah diketahui; kosong = "belum diisi", bukan 0 orang
# non_pns = 31
# jumlah_tertulis = 0     # hanya untuk menyalin dokumen lama: dibandingkan dengan pns + non_pns

[[profil.pegawai.golongan]]
nama = "Golongan IV"
[[profil.pegawai.golongan]]
nama = "Golongan III"
[[profil.pegawai.golongan]]
nama = "Golongan II"
[[profil.pegawai.golongan]]
nama = "Golongan I"
[[profil.pegawai.golongan]]
nama = "Non Golongan"

# Menurut pendidikan: jumlahnya sama dengan pns (atau dengan seluruh pegawai).
[[profil.pegawai.pendidikan]]
nama = "S2"
[[profil.pegawai.pendidikan]]
nama = "S1"
[[profil.pegawai.pendidikan]]
nama = "D3"
[[profil.pegawai.pendidikan]]
nama = "SMA/SLTA"

# Jabatan struktural per eselon, mis.:
# [[profil.pegawai.eselon]]
# nama = "Eselon IIIa"
# jumlah = 4

[[profil.sistematika]]
bab = "BAB I"
judul = "Pendahuluan"
uraian = ""
[[profil.sistematika]]
bab = "BAB II"
judul = "Perencanaan Kinerja"
uraian = ""
[[profil.sistematika]]
bab = "BAB III"
judul = "Akuntabilitas Kinerja"
uraian = ""
[[profil.sistematika]]
bab = "BAB IV"
judul = "Penutup"
uraian = ""
'''
