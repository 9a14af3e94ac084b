"""What `lakip new` writes for [pmks]: the texts, empty, and the rows of Permensos 08/2012.

The planner only fills in the numbers. `$tahun` and `$pemda` are filled in by the core
(string.Template); scalar keys come before the first [[pmks.*]] row, as TOML requires.
"""

from __future__ import annotations

from .jenis import JENIS_PMKS, JENIS_PSKS

_KEPALA = '''
[pmks]
# Tabel PMKS (26 jenis), dicetak di BAB I C.b dan sebagai Tabel 2.3 di BAB II.
# JUMLAH dihitung dari baris; jangan tulis totalnya. Kosongkan L/P yang tidak diketahui.
pmks_sumber = "Data PMKS"
# Bila menyalin dokumen lama, total yang tercetak di sana boleh dicatat untuk diperiksa:
# pmks_jumlah_tertulis = [ { tempat = "Tabel 2.3", nilai = "0" } ]

# Teks di BAB II C.1, sebelum Tabel 2.3.
pmks_pengantar = """
"""
pmks_definisi = []          # 26 definisi PMKS, satu per butir
pmks_tabel_pengantar = "Pada Tahun $tahun Data Penyandang Masalah Kesejahteraan Sosial adalah sebagai berikut:"

# Teks di BAB II C.2, sebelum Tabel 2.4.
psks_pengantar = """
"""
psks_kegiatan = []          # dicetak a., b., ...
psks_definisi_pengantar = """
"""
psks_definisi = []          # 12 definisi PSKS, satu per butir
psks_tabel_pengantar = "Pada Tahun $tahun Data Potensi dan Sumber Kesejahteraan Sosial adalah sebagai berikut:"
psks_sumber = "Data PSKS Tahun $tahun"
# psks_jumlah_tertulis = 0   # total yang tercetak di dokumen lama, untuk diperiksa

# Tabel 3.3 Lembaga sosial yang diberdayakan (BAB III): sumbernya, lalu [[pmks.lembaga]].
lembaga_sumber = ""
'''

_LEMBAGA = '''
# [[pmks.lembaga]]
# kelompok = "PANTI ASUHAN"        # baris judul kelompok; nomor dimulai dari 1 lagi tiap kelompok
# nama = "Panti Asuhan ..."
# alamat = "Jl. ..."
'''


def _pmks_rows() -> str:
    rows = [f'\n[[pmks.pmks]]\nno = {n}\njenis = "{jenis}"\n# jumlah = 0\n# l = 0\n# p = 0'
            for n, jenis in enumerate(JENIS_PMKS, 1)]
    return "\n# Tabel 2.3: satu baris per jenis PMKS. jumlah = L + P bila keduanya diisi." + "".join(rows)


def _psks_rows() -> str:
    rows = [f'\n[[pmks.psks]]\nno = "{n}"\njenis = "{jenis}"\n# jumlah = 0\n# p = 0\n# l = 0'
            for n, jenis in enumerate(JENIS_PSKS, 1)]
    return ("\n\n# Tabel 2.4: satu baris per jenis PSKS. Sub-baris ditulis no = \"10a\", \"10b\";"
            "\n# baris induknya (no = \"10\") dibiarkan tanpa jumlah." + "".join(rows))


DEFAULT_SECTION = _KEPALA + _pmks_rows() + _psks_rows() + "\n" + _LEMBAGA
