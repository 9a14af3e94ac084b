"""BAB I as report sections: the kata pengantar (order 0), then A..I at orders 1..9.

Section orders leave room for other plugins: the PMKS table ("b. Data") comes in at 3.5.
A section with nothing filled in is left out rather than printed as an empty heading.
"""

from __future__ import annotations

from lakip_tui.api import format_bilangan
from lakip_tui.api import (
    Block,
    Column,
    Heading,
    ListBlock,
    Paragraph,
    Row,
    Section,
    Signature,
    TableBlock,
)

from .baca import CHAPTER_KEY, baris, bilangan, daftar_teks, tabel, teks


def sections(data: dict) -> list[Section]:
    profil = tabel(data, CHAPTER_KEY)
    meta = tabel(data, "meta")
    if not profil:
        return []
    instansi = teks(meta.get("instansi"))
    parts = [
        ("kata-pengantar", "KATA PENGANTAR", 0, _kata_pengantar(profil, meta)),
        ("latar-belakang", "A. Latar Belakang", 1, _paragraf(profil, "latar_belakang")),
        ("dasar-hukum", "B. Dasar Hukum", 2, _daftar(profil, "dasar_hukum", "1.")),
        ("profil", f"C. Profil {instansi}".strip(), 3, _profil(profil)),
        ("maksud-tujuan", "D. Maksud dan Tujuan", 4, _maksud_tujuan(profil)),
        ("susunan-organisasi", "E. Susunan Organisasi", 5, _susunan(profil)),
        ("tupoksi", "F. Tugas Pokok dan Fungsi", 6, _tupoksi(profil)),
        ("keadaan-pegawai", "G. Keadaan Pegawai", 7, _pegawai(tabel(profil, "pegawai"), instansi)),
        ("aspek-strategis", "H. Aspek Strategis dan Permasalahan Utama", 8, _aspek(profil)),
        ("sistematika", "I. Sistematika", 9, _sistematika(profil)),
    ]
    return [Section(title, tuple(blocks), order, key) for key, title, order, blocks in parts if blocks]


def _paragraf(table: dict, key: str) -> list[Block]:
    text = teks(table.get(key))
    return [Paragraph(text)] if text else []


def _daftar(table: dict, key: str, marker: str) -> list[Block]:
    items = daftar_teks(table.get(key))
    return [ListBlock(tuple(items), marker)] if items else []


def _kata_pengantar(profil: dict, meta: dict) -> list[Block]:
    blocks = _paragraf(profil, "kata_pengantar")
    if not blocks:
        return []
    kepala = tabel(meta, "kepala")
    jabatan = teks(kepala.get("jabatan")) or f"Kepala {teks(meta.get('instansi'))}".strip()
    nip = kepala.get("nip")
    return [*blocks, Signature(
        tempat_tanggal=teks(meta.get("tempat_tanggal")),
        jabatan=jabatan,
        nama=teks(kepala.get("nama")),
        pangkat=teks(kepala.get("pangkat")),
        nip=str(nip).strip() if isinstance(nip, (str, int)) and not isinstance(nip, bool) else "",
    )]


def _jumlah_satuan(row: dict) -> str:
    jumlah = bilangan(row.get("jumlah"))
    satuan = teks(row.get("satuan"))
    return f"{format_bilangan(jumlah)} {satuan}".strip() if jumlah is not None else "-"


def _profil(profil: dict) -> list[Block]:
    blocks = [*_paragraf(profil, "profil"), *_paragraf(profil, "sarana_pengantar")]
    sarana = [row for _, row in baris(profil, "sarana")]
    if not sarana:
        return blocks
    rows = tuple(Row((f"{n}.", teks(row.get("jenis")), _jumlah_satuan(row)))
                 for n, row in enumerate(sarana, 1))
    judul = teks(profil.get("sarana_judul")) or "Sarana Sosial"  # the seed prints "Sasaran Sosial"
    blocks += [
        Heading(f"a. {judul}"),
        TableBlock("", judul,
                   (Column("No", "right"), Column("Sarana Sosial", ratio=4), Column("Jumlah", "right")),
                   rows),
    ]
    bernama = [row for row in sarana if daftar_teks(row.get("lembaga"))]
    for n, row in enumerate(bernama, 1):
        judul = teks(row.get("kelompok")) or teks(row.get("jenis"))
        blocks += [Heading(f"{n}) {judul}:", level=4),
                   ListBlock(tuple(daftar_teks(row.get("lembaga"))), "-")]
    return blocks


def _maksud_tujuan(profil: dict) -> list[Block]:
    return [*_paragraf(profil, "maksud"), *_paragraf(profil, "tujuan"),
            *_daftar(profil, "manfaat", "1.")]


def _susunan(profil: dict) -> list[Block]:
    return [*_paragraf(profil, "susunan_organisasi"), *_daftar(profil, "fungsi_dinas", "a."),
            *_paragraf(profil, "susunan_penutup")]


def _tupoksi(profil: dict) -> list[Block]:
    blocks = _paragraf(profil, "tupoksi_pengantar")
    for _, unit in baris(profil, "unit"):
        if teks(unit.get("nama")):
            blocks.append(Heading(teks(unit.get("nama")), level=4))
        # Ayat (1), (2), ... then the ayat that introduces the fungsi, as the Perwal prints them.
        ayat = daftar_teks(unit.get("tugas"))
        if teks(unit.get("fungsi_pengantar")):
            ayat.append(teks(unit.get("fungsi_pengantar")))
        if ayat:
            blocks.append(ListBlock(tuple(f"({n}) {a}" for n, a in enumerate(ayat, 1)), ""))
        blocks += _daftar(unit, "fungsi", "a.")
    return blocks


def _orang(row: dict) -> str:
    jumlah = bilangan(row.get("jumlah"))
    return f"{teks(row.get('nama'))} : " + (f"{format_bilangan(jumlah)} Orang" if jumlah is not None else "-")


def _rincian(pegawai: dict, key: str) -> list[Block]:
    rows = [row for _, row in baris(pegawai, key)]
    return [ListBlock(tuple(_orang(row) for row in rows), "1.")] if rows else []


def _pegawai(pegawai: dict, instansi: str) -> list[Block]:
    if not pegawai:
        return []
    pns, non_pns = bilangan(pegawai.get("pns")), bilangan(pegawai.get("non_pns"))
    tanggal = teks(pegawai.get("tanggal"))
    per = f" per {tanggal}" if tanggal else ""
    blocks: list[Block] = []
    if teks(pegawai.get("pengantar")):
        # what the planner wrote is printed; its figures are compared by the check
        blocks.append(Paragraph(teks(pegawai.get("pengantar"))))
    elif pns is not None and non_pns is not None:
        # The total is computed: jumlah_tertulis is kept only for the check.
        blocks.append(Paragraph(
            f"Jumlah Pegawai {instansi}{per} adalah sebanyak {format_bilangan(pns + non_pns)} Orang "
            f"yang terdiri dari {format_bilangan(pns)} Orang PNS dan {format_bilangan(non_pns)} "
            "Orang Pegawai Non PNS, dengan pembagian golongan sebagai berikut:"
        ))
    blocks += _rincian(pegawai, "golongan")
    pendidikan = _rincian(pegawai, "pendidikan")
    if pendidikan:
        blocks += [Paragraph(teks(pegawai.get("pendidikan_pengantar")) or
                             f"Sedangkan kondisi pegawai {instansi} menurut pendidikan yang "
                             "dimiliki sebagai berikut:"), *pendidikan]
    eselon = _rincian(pegawai, "eselon")
    if eselon:
        saat = f" saat {tanggal}" if tanggal else ""
        blocks += [Paragraph(teks(pegawai.get("eselon_pengantar")) or
                             f"Untuk jabatan struktural yang ada{saat}:"), *eselon]
    return blocks


def _aspek(profil: dict) -> list[Block]:
    blocks: list[Block] = []
    for n, (key, judul) in enumerate((("aspek_strategis", "Aspek Strategis"),
                                      ("permasalahan_utama", "Permasalahan Utama")), 1):
        isi = _paragraf(profil, key)
        if isi:
            blocks += [Heading(f"{n}. {judul}", level=4), *isi]
    return blocks


def _sistematika(profil: dict) -> list[Block]:
    blocks = _paragraf(profil, "sistematika_pengantar")
    for _, row in baris(profil, "sistematika"):
        judul = " : ".join(p for p in (teks(row.get("bab")), teks(row.get("judul"))) if p)
        if judul:
            blocks.append(Heading(judul, level=4))
        blocks += _paragraf(row, "uraian")
    return blocks
