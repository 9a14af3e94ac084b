"""The chapter: [inovasi] holds the agency's innovations (daftar) and the public complaints it
handled (pengaduan). Only lakip_tui.api is imported."""

from lakip_tui.api import (Bagian, Chapter, Column, Kolom, Narasi, Paragraph, Row, Section,
                           Tabel, TableBlock, baca, format_bilangan, info, warning)

CHAPTER_KEY = "inovasi"
SALURAN = ("SP4N-LAPOR!", "surat", "langsung", "media sosial", "telepon")

CHAPTER = Chapter(
    key=CHAPTER_KEY,
    title="Lampiran Inovasi dan Pengaduan",
    order=50,
    default_section="""
[inovasi]
pengantar = ""             # paragraf pembuka lampiran
[[inovasi.daftar]]         # satu baris per inovasi
nama = ""
tahun = $tahun             # tahun mulai diterapkan
[[inovasi.pengaduan]]      # satu baris per pengaduan masyarakat
uraian = ""
saluran = "SP4N-LAPOR!"
selesai = "tidak"        # "ya" bila sudah ditangani
""",
    bagian=(
        Bagian("pengantar", "Pengantar", (Narasi("pengantar", "Pengantar", (CHAPTER_KEY, "pengantar")),)),
        Bagian("daftar", "Daftar Inovasi", (
            Tabel("daftar", "Daftar Inovasi", (CHAPTER_KEY, "daftar"), (
                Kolom("nama", "Nama inovasi", lebar=40, wajib=True),
                Kolom("tahun", "Tahun", jenis="tahun", lebar=6),
            ), baris_baru=lambda: {"nama": "", "tahun": 0}),
        )),
        Bagian("pengaduan", "Pengaduan Masyarakat", (
            Tabel("pengaduan", "Pengaduan Masyarakat", (CHAPTER_KEY, "pengaduan"), (
                Kolom("uraian", "Uraian pengaduan", lebar=40, wajib=True),
                Kolom("saluran", "Saluran", jenis="pilihan", pilihan=SALURAN, lebar=14),
                Kolom("selesai", "Selesai?", jenis="pilihan", pilihan=("ya", "tidak"), lebar=8),
            ), baris_baru=lambda: {"uraian": "", "saluran": "SP4N-LAPOR!", "selesai": "tidak"}),
        )),
    ),
)


def _selesai(value):
    return value is True or baca.teks(value).lower() == "ya"


def periksa(data):
    """A nameless innovation is a warning; a complaint not yet handled is worth saying."""
    bagian = baca.tabel(data, CHAPTER_KEY)
    for index, row in baca.baris(bagian, "daftar"):
        if not baca.teks(row.get("nama")):
            yield warning("inovasi.nama-kosong", CHAPTER_KEY, (CHAPTER_KEY, "daftar", index, "nama"),
                          f"Inovasi baris {index + 1}: nama belum diisi")
    for index, row in baca.baris(bagian, "pengaduan"):
        if not _selesai(row.get("selesai")):
            yield info("pengaduan.belum-selesai", CHAPTER_KEY, (CHAPTER_KEY, "pengaduan", index, "selesai"),
                       f"Pengaduan \"{baca.teks(row.get('uraian'))}\" belum selesai ditangani")


def susun_laporan(data):
    bagian = baca.tabel(data, CHAPTER_KEY)
    inovasi = tuple(Row((str(n), baca.teks(r.get("nama")), baca.teks(r.get("tahun"))))
                    for n, (_i, r) in enumerate(baca.baris(bagian, "daftar"), start=1))
    aduan = list(baca.baris(bagian, "pengaduan"))
    selesai = sum(1 for _i, r in aduan if _selesai(r.get("selesai")))
    pengaduan = tuple(Row((str(n), baca.teks(r.get("uraian")), baca.teks(r.get("saluran")),
                           "selesai" if _selesai(r.get("selesai")) else "dalam proses"))
                      for n, (_i, r) in enumerate(aduan, start=1))
    pembuka = baca.teks(bagian.get("pengantar"))
    return [
        Section("A. Inovasi Daerah", (
            *((Paragraph(pembuka),) if pembuka else ()),
            TableBlock("L.1", "Daftar Inovasi Daerah",
                       (Column("No", "right"), Column("Nama Inovasi", ratio=4),
                        Column("Tahun", "right")), inovasi, sumber="Data instansi"),
        ), order=1),
        Section("B. Pengaduan Masyarakat", (
            Paragraph(f"Selama tahun ini diterima {format_bilangan(len(aduan))} pengaduan; "
                      f"{format_bilangan(selesai)} di antaranya telah selesai ditangani."),
            TableBlock("L.2", "Pengaduan Masyarakat",
                       (Column("No", "right"), Column("Uraian", ratio=4), Column("Saluran"),
                        Column("Status")), pengaduan, sumber="SP4N-LAPOR! dan catatan instansi"),
        ), order=2),
    ]
