"""The blocks pmks contributes to the report: the PMKS table of BAB I, the PMKS and PSKS texts
with Tabel 2.3 and 2.4 of BAB II, and Tabel 3.3 of BAB III. Where they go is `penempatan`'s job.

Every JUMLAH row is computed from the rows (`hitung`); a stated total is never printed.
Numbered tables take their standard title unless the file gives the printed one (`*_judul`).
"""

from __future__ import annotations

from lakip_tui.api import format_bilangan
from lakip_tui.api import Block, Column, Heading, ListBlock, Paragraph, Row, TableBlock

from .baca import TABEL_LEMBAGA, TABEL_PMKS, TABEL_PSKS, baris, bilangan, daftar_teks
from .baca import induk, nomor, tabel, teks, wilayah
from .hitung import baris_grup, total_jumlah


def _paragraf(table: dict, key: str) -> list[Block]:
    text = teks(table.get(key))
    return [Paragraph(text)] if text else []


def _daftar(table: dict, key: str, marker: str) -> list[Block]:
    items = daftar_teks(table.get(key))
    return [ListBlock(tuple(items), marker)] if items else []


def _angka(row: dict, key: str) -> str:
    """A count cell: "118.107", or "-" where the file leaves it out."""
    return format_bilangan(bilangan(row.get(key)))


def _judul_wilayah(judul: str, meta: dict) -> str:
    return " ".join(p for p in (judul, wilayah(meta)) if p)


def tabel_pmks(pmks: dict, nomor_tabel: str, judul: str, sumber: str) -> TableBlock | None:
    rows = [row for _, row in baris(pmks, TABEL_PMKS)]
    if not rows:
        return None
    return TableBlock(
        nomor_tabel, judul,
        (Column("No", "right"), Column("Jenis PMKS", ratio=4), Column("Jumlah", "right"),
         Column("L", "right"), Column("P", "right")),
        tuple(Row((nomor(r), teks(r.get("jenis")), _angka(r, "jumlah"), _angka(r, "l"), _angka(r, "p")))
              for r in rows),
        sumber,
        footer=(Row(("", "JUMLAH", format_bilangan(total_jumlah(rows)), "", ""), "bold"),),
    )


def data_bab1(pmks: dict, meta: dict) -> list[Block]:
    """C.b of BAB I: the PMKS table, unnumbered, with the short Sumber line."""
    table = tabel_pmks(pmks, "", _judul_wilayah("Data Penyandang Masalah Kesejahteraan Sosial", meta),
                       teks(pmks.get("pmks_sumber")))
    return [Heading("b. Data", level=4), table] if table else []


def bagian_pmks(pmks: dict, meta: dict) -> list[Block]:
    """BAB II C.1: what PMKS are, the 26 definitions, then Tabel 2.3."""
    blocks = [*_paragraf(pmks, "pmks_pengantar"), *_daftar(pmks, "pmks_definisi", "1."),
              *_paragraf(pmks, "pmks_tabel_pengantar")]
    judul = teks(pmks.get("pmks_tabel_judul")) or _judul_wilayah(
        "Data Penyandang Masalah Kesejahteraan Sosial", meta)
    table = tabel_pmks(pmks, "2.3", judul,
                       teks(pmks.get("pmks_tabel_sumber")) or teks(pmks.get("pmks_sumber")))
    return blocks + ([table] if table else [])


def tabel_psks(pmks: dict, meta: dict) -> TableBlock | None:
    rows = [row for _, row in baris(pmks, TABEL_PSKS)]
    if not rows:
        return None
    grup = baris_grup(rows)
    cells = []
    for r in rows:
        no = nomor(r)
        if no in grup and bilangan(r.get("jumlah")) is None:
            cells.append(Row((f"{no}.", teks(r.get("jenis")), "", "", "")))  # heading of 10a, 10b
        elif induk(no) is not None:
            cells.append(Row(("", f"{no[-1]}. {teks(r.get('jenis'))}", _angka(r, "jumlah"),
                              _angka(r, "p"), _angka(r, "l")), level=1))
        else:
            cells.append(Row((f"{no}." if no else "", teks(r.get("jenis")), _angka(r, "jumlah"),
                              _angka(r, "p"), _angka(r, "l"))))
    judul = teks(pmks.get("psks_tabel_judul")) or _judul_psks(meta)
    # P before L, as the seed's Tabel 2.4 prints them.
    return TableBlock(
        "2.4", judul,
        (Column("No.", "right"), Column("PSKS", ratio=4), Column("Jumlah", "right"),
         Column("P", "right"), Column("L", "right")),
        tuple(cells), teks(pmks.get("psks_sumber")),
        footer=(Row(("", "JUMLAH", format_bilangan(total_jumlah(rows)), "", ""), "bold"),),
    )


def _judul_psks(meta: dict) -> str:
    judul = _judul_wilayah("Data Potensi dan Sumber Kesejahteraan Sosial di", meta)
    tahun = meta.get("tahun")
    if isinstance(tahun, int) and not isinstance(tahun, bool):
        judul += f" Tahun {tahun}"
    return judul


def bagian_psks(pmks: dict, meta: dict) -> list[Block]:
    """BAB II C.2: how PSKS take part, the 12 definitions, then Tabel 2.4."""
    blocks = [*_paragraf(pmks, "psks_pengantar"), *_daftar(pmks, "psks_kegiatan", "a."),
              *_paragraf(pmks, "psks_definisi_pengantar"), *_daftar(pmks, "psks_definisi", "1."),
              *_paragraf(pmks, "psks_tabel_pengantar")]
    table = tabel_psks(pmks, meta)
    return blocks + ([table] if table else [])


def tabel_lembaga(pmks: dict) -> list[Block]:
    """Tabel 3.3: institutions grouped under their kelompok, numbered from 1 in each group."""
    rows: list[Row] = []
    kelompok, n = None, 0
    for _, r in baris(pmks, TABEL_LEMBAGA):
        if teks(r.get("kelompok")) != kelompok:
            kelompok, n = teks(r.get("kelompok")), 0
            if kelompok:
                rows.append(Row(("", kelompok, ""), "bold"))
        n += 1
        rows.append(Row((f"{n}.", teks(r.get("nama")), teks(r.get("alamat")))))
    if not rows:
        return []
    return [TableBlock("3.3", teks(pmks.get("lembaga_judul")) or "Lembaga Sosial yang Diberdayakan",
                       (Column("No.", "right"), Column("Nama Lembaga", ratio=3),
                        Column("Alamat", ratio=4)),
                       tuple(rows), teks(pmks.get("lembaga_sumber")))]


def blok(bagian: str, data: dict) -> list[Block]:
    """The blocks of one placeable part ("data-bab1", "pmks", "psks", "lembaga")."""
    pmks, meta = tabel(data, "pmks"), tabel(data, "meta")
    if bagian == "data-bab1":
        return data_bab1(pmks, meta)
    if bagian == "pmks":
        return bagian_pmks(pmks, meta)
    if bagian == "psks":
        return bagian_psks(pmks, meta)
    if bagian == "lembaga":
        return tabel_lembaga(pmks)
    raise ValueError(f"bagian pmks tidak dikenal: {bagian!r}")
