"""The standard lists of Permensos 08/2012 (Pedoman Pendataan PMKS dan PSKS).

Used for the rows `lakip new` writes and for the expected number of rows when the file does
not list its own definitions.
"""

JENIS_PMKS = (
    "Anak Balita Terlantar",
    "Anak Terlantar",
    "Anak yang Berhadapan dengan Hukum (ABH)",
    "Anak Jalanan",
    "Anak dengan Kedisabilitasan (ADK)",
    "Anak Korban Tindak Kekerasan",
    "Anak yang Memerlukan Perlindungan Khusus",
    "Lanjut Usia Terlantar",
    "Penyandang Disabilitas",
    "Tuna Susila",
    "Gelandangan",
    "Pengemis",
    "Pemulung",
    "Kelompok Minoritas",
    "Bekas Warga Binaan Lembaga Pemasyarakatan (BWBLP)",
    "Orang dengan HIV/AIDS (ODHA)",
    "Korban Penyalahgunaan NAPZA",
    "Korban Trafficking",
    "Korban Tindak Kekerasan",
    "Pekerja Migran Bermasalah Sosial",
    "Korban Bencana Alam",
    "Korban Bencana Sosial",
    "Perempuan Rawan Sosial Ekonomi",
    "Fakir Miskin",
    "Keluarga Bermasalah Sosial Psikologis",
    "Komunitas Adat Terpencil",
)

JENIS_PSKS = (
    "Pekerja Sosial Profesional",
    "Pekerja Sosial Masyarakat (PSM)",
    "Taruna Siaga Bencana (TAGANA)",
    "Lembaga Kesejahteraan Sosial (LKS)",
    "Karang Taruna",
    "Lembaga Konsultasi Kesejahteraan Keluarga (LK3)",
    "Keluarga Pioner",
    "Wahana Kesejahteraan Sosial Keluarga Berbasis Masyarakat (WKSBM)",
    "Wanita Pemimpin Kesejahteraan Sosial",
    "Penyuluh Sosial",
    "Tenaga Kesejahteraan Sosial Kecamatan (TKSK)",
    "Dunia Usaha",
)
