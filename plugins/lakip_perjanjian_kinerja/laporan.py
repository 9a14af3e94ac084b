"""BAB II in the report: Renstra, tujuan and sasaran (Tabel 2.1), Perjanjian Kinerja (Tabel 2.2).

Section orders leave room for the pmks plugin: its PMKS definitions and Tabel 2.3 come at 3.1
(after sasaran 1's penjelasan), its PSKS text and Tabel 2.4 at 3.3 (after the others').
"""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import format_nilai
from lakip_tui.api import Block, Column, Heading, ListBlock, Paragraph, Row, Section, TableBlock

from .data import Sasaran, bagian, daftar_sasaran, daftar_teks, periode_renstra, teks

def bagian_laporan(data: Mapping, tahun: int | None) -> list[Section]:
    sections = [
        Section("A. Rencana Strategis", tuple(_rencana_strategis(data)), 1, "rencana-strategis"),
        Section("B. Tujuan dan Sasaran", tuple(_tujuan_sasaran(data)), 2, "tujuan-sasaran"),
        Section("C. Perjanjian Kinerja", tuple(_perjanjian_kinerja(data, tahun)), 3,
                "perjanjian-kinerja"),
    ]
    lanjutan = [b for s in daftar_sasaran(data)[1:] for b in _penjelasan(s)]
    if lanjutan:
        sections.append(Section("", tuple(lanjutan), 3.2, "penjelasan-sasaran"))
    return sections


def _paragraf(nilai: object) -> list[Block]:
    isi = teks(nilai)
    return [Paragraph(isi)] if isi else []


def _daftar(nilai: object, marker: str = "1.") -> list[Block]:
    butir = daftar_teks(nilai)
    return [ListBlock(tuple(butir), marker)] if butir else []


def _rencana_strategis(data: Mapping) -> list[Block]:
    isi = bagian(data)
    blocks: list[Block] = _paragraf(isi.get("rencana_strategis"))
    blocks.append(Heading("1. Visi", 4))
    blocks += _paragraf(isi.get("visi_pengantar"))
    visi = teks(isi.get("visi"))
    if visi:
        label = teks(isi.get("visi_label")) or f"Visi {_pemda(data)}".strip()
        blocks.append(Paragraph(f'{label} "{visi}"'))
    makna = [f"{teks(r.get('kata'))}: {teks(r.get('makna'))}"
             for r in isi.get("visi_makna") or [] if isinstance(r, dict) and teks(r.get("kata"))]
    if makna:
        blocks.append(ListBlock(tuple(makna), "1."))
    blocks.append(Heading("2. Misi", 4))
    blocks += _paragraf(isi.get("misi_pengantar"))
    misi = daftar_teks(isi.get("misi"))
    if len(misi) == 1:
        blocks.append(Paragraph(f'"{misi[0]}"'))
    elif misi:
        blocks.append(ListBlock(tuple(misi), "1."))
    blocks += _paragraf(isi.get("misi_penjelasan"))
    if daftar_teks(isi.get("program_prioritas")):
        pengantar = teks(isi.get("program_prioritas_pengantar"))
        blocks.append(Paragraph(
            pengantar or "Adapun program prioritas untuk mewujudkan misi tersebut adalah:"))
        blocks += _daftar(isi.get("program_prioritas"))
    return blocks


def _tujuan_sasaran(data: Mapping) -> list[Block]:
    isi = bagian(data)
    blocks: list[Block] = [Heading("1. Tujuan", 4)]
    blocks += _paragraf(isi.get("tujuan_pengantar"))
    blocks += _daftar(isi.get("tujuan_uraian"))
    blocks.append(Heading("2. Sasaran", 4))
    blocks += _paragraf(isi.get("sasaran_pengantar"))
    blocks += _paragraf(isi.get("tujuan_tabel_pengantar"))
    blocks.append(tabel_2_1(data))
    return blocks


def tabel_2_1(data: Mapping) -> TableBlock:
    """One row per (tujuan, sasaran); the tujuan is printed once, on its first sasaran."""
    isi = bagian(data)
    sasaran = daftar_sasaran(data)
    huruf = {s.kode: f"{_huruf(i)}. {s.uraian}" for i, s in enumerate(sasaran) if s.kode}
    rows = []
    for tujuan in isi.get("tujuan") or []:
        if not isinstance(tujuan, dict):
            continue
        kode = daftar_teks(tujuan.get("sasaran"))
        if len(kode) == 1 and "," in kode[0]:
            kode = [k.strip() for k in kode[0].split(",") if k.strip()]
        nama = [huruf.get(k, f"{k} (sasaran tidak dikenal)") for k in kode] or ["-"]
        for i, s in enumerate(nama):
            rows.append(Row((teks(tujuan.get("uraian")) if i == 0 else "", s)))
    judul = teks(isi.get("tujuan_judul")) or f"Tujuan dan Sasaran {_instansi(data)}".strip()
    return TableBlock(
        "2.1", judul,
        (Column("Tujuan", ratio=1), Column("Sasaran", ratio=1)),
        tuple(rows), sumber=teks(isi.get("tujuan_sumber")) or _sumber_renstra(data),
    )


def _perjanjian_kinerja(data: Mapping, tahun: int | None) -> list[Block]:
    isi = bagian(data)
    blocks: list[Block] = _paragraf(isi.get("pk_pengantar"))
    blocks.append(tabel_2_2(data, tahun))
    blocks += _paragraf(isi.get("pk_penutup"))
    sasaran = daftar_sasaran(data)
    if sasaran:
        blocks += _penjelasan(sasaran[0])
    return blocks


def tabel_2_2(data: Mapping, tahun: int | None) -> TableBlock:
    rows = []
    for s in daftar_sasaran(data):
        indikator = s.indikator or ()
        if not indikator:
            rows.append(Row((f"{s.nomor}.", s.uraian, "-", "-")))
        for j, ind in enumerate(indikator):
            rows.append(Row((f"{s.nomor}." if j == 0 else "", s.uraian if j == 0 else "",
                             ind.uraian, format_nilai(ind.target, ind.satuan))))
    judul = teks(bagian(data).get("pk_judul"))
    if not judul:
        judul = f"Perjanjian Kinerja {_instansi(data)}".strip()
        judul += f" Tahun Anggaran {tahun}" if tahun is not None else ""
    return TableBlock(
        "2.2", judul,
        (Column("No.", justify="right"), Column("Sasaran Strategis", ratio=3),
         Column("Indikator Kinerja", ratio=3), Column("Target", justify="right")),
        tuple(rows),
        sumber=teks(bagian(data).get("pk_sumber"))
        or (f"Perjanjian Kinerja Tahun {tahun}" if tahun else "Perjanjian Kinerja"),
    )


def _penjelasan(sasaran: Sasaran) -> list[Block]:
    blocks: list[Block] = [Heading(f"{sasaran.nomor}. {sasaran.uraian}", 4)]
    return blocks + _paragraf(sasaran.penjelasan)


def _instansi(data: Mapping) -> str:
    meta = data.get("meta")
    return teks(meta.get("instansi")) if isinstance(meta, dict) else ""


def _pemda(data: Mapping) -> str:
    meta = data.get("meta")
    return teks(meta.get("pemda")) if isinstance(meta, dict) else ""


def _sumber_renstra(data: Mapping) -> str:
    periode = periode_renstra(data)
    nama = f"Renstra {_instansi(data)}".strip()
    return f"{nama} {periode[0]}-{periode[1]}" if periode else nama


def _huruf(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA": how Tabel 2.1 letters its sasaran."""
    out = ""
    index += 1
    while index:
        index, sisa = divmod(index - 1, 26)
        out = chr(ord("A") + sisa) + out
    return out
