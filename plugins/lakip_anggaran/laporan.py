"""Tabel 3.6 (per program) and Tabel 3.7 (program, kegiatan, sub kegiatan) for the report.

Every figure is computed by `kinerja.rekap_pohon` from the subs' pagu and realisasi, never taken
from the stated `*_tertulis` fields, and formatted by `angka`. One pass over the tree: each row
is built once from the already-summed node, so a large project renders in linear time.
Where the akuntabilitas chapter is present the tables go inside BAB III (orders 2.5 and 4.5);
otherwise this chapter prints them itself.
"""

from __future__ import annotations

from typing import Any

from lakip_tui.api import kinerja
from lakip_tui.api import format_persen, format_rupiah
from lakip_tui.api import Column, Figure, Paragraph, Row, Section, TableBlock

from .hitung import AnggaranTakTerbaca, bagian_anggaran, pohon

BAB_TUAN_RUMAH = "akuntabilitas"
URUTAN_TABEL_3_6 = 2.5  # after 3.2.4's introduction, before the efisiensi formula
URUTAN_TABEL_3_7 = 4.5  # after "B. Realisasi Anggaran"'s introduction

KOLOM_3_6 = (
    Column("No", "center"),
    Column("Nama Program", ratio=4),
    Column("Pagu Anggaran", "right"),
    Column("Realisasi Anggaran", "right"),
    Column("% Realisasi Anggaran", "right"),
)

KOLOM_3_7 = (
    Column("Kode"),
    Column("Program/Kegiatan/Sub Kegiatan", ratio=4),
    Column("Indikator", ratio=3),
    Column("Target K", "right"),
    Column("Pagu Rp", "right"),
    Column("Realisasi K (%)", "right"),
    Column("Realisasi Rp", "right"),
    Column("Unit", "center"),
)


def sections(chapter_key: str, data: dict, konteks: Any) -> list[Section] | None:
    """The sections this plugin adds to `chapter_key`, or None when it adds nothing there."""
    di_bab_iii = konteks.has_chapter(BAB_TUAN_RUMAH)
    if chapter_key == BAB_TUAN_RUMAH:
        return _di_bab_iii(data, konteks)
    if chapter_key == "anggaran" and not di_bab_iii:
        return _bab_sendiri(data, konteks)
    return None


def _di_bab_iii(data: dict, konteks: Any) -> list[Section]:
    rekap = _pohon(data)  # once: the tables, the chart and the summary print the same tree
    tabel_3_6, tabel_3_7 = tabel(data, konteks, rekap)
    return [
        Section("", _dengan_gambar(data, tabel_3_6, "3.2", rekap), URUTAN_TABEL_3_6,
                key="anggaran.tabel-3-6"),
        Section("", (tabel_3_7,), URUTAN_TABEL_3_7, key="anggaran.tabel-3-7"),
        *_ikhtisar(tabel_3_6, rekap),
    ]


def _bab_sendiri(data: dict, konteks: Any) -> list[Section]:
    rekap = _pohon(data)
    tabel_3_6, tabel_3_7 = tabel(data, konteks, rekap)
    return [
        Section("Realisasi Anggaran per Program", _dengan_gambar(data, tabel_3_6, "", rekap), 1,
                key="anggaran.tabel-3-6"),
        Section("Rincian Realisasi Anggaran", (tabel_3_7,), 2, key="anggaran.tabel-3-7"),
        *_ikhtisar(tabel_3_6, rekap),
    ]


def _pohon(data: dict) -> kinerja.RekapPohon | AnggaranTakTerbaca:
    """The budget tree rolled up, or why it cannot be (the error, to be printed)."""
    try:
        return pohon(data)
    except AnggaranTakTerbaca as exc:
        return exc


IKHTISAR = "ikhtisar-eksekutif"  # Section.key the export prints in the front matter


def _dengan_gambar(data: dict, tabel_3_6: Any, nomor: str,
                   rekap: kinerja.RekapPohon | AnggaranTakTerbaca) -> tuple:
    """Tabel 3.6, then the summary screen's chart of pagu and realisasi per program as a
    numbered figure (not when the amounts cannot be read: then there is only the note)."""
    from .ringkasan import grafik_anggaran

    if not isinstance(tabel_3_6, TableBlock):
        return (tabel_3_6,)
    return (tabel_3_6, Figure(nomor, grafik_anggaran(data, rekap)))


def _ikhtisar(tabel_3_6: Any, rekap: kinerja.RekapPohon | AnggaranTakTerbaca) -> list[Section]:
    """The budget summary of the Ikhtisar Eksekutif: Tabel 3.6's figures (the same computation)
    and one sentence of the totals."""
    from dataclasses import replace

    from lakip_tui.api import format_persen, format_rupiah
    from lakip_tui.api import TakTerhitung

    blocks: list[Any] = []
    total = None if isinstance(rekap, AnggaranTakTerbaca) else rekap.rekap
    if total is not None and total.pagu:
        persen = total.persen
        kalimat = (f"Realisasi anggaran sebesar Rp {format_rupiah(total.realisasi)} dari pagu "
                   f"Rp {format_rupiah(total.pagu)}")
        if not isinstance(persen, TakTerhitung):
            kalimat += f" ({format_persen(persen)})"
        blocks.append(Paragraph(kalimat + "."))
    if not isinstance(tabel_3_6, TableBlock):
        return []  # the chapter says why the amounts cannot be read
    blocks.append(replace(tabel_3_6, nomor="", judul="Ringkasan Realisasi Anggaran per Program",
                          sumber=""))
    return [Section("", tuple(blocks), 2, key=IKHTISAR)]


def tabel(data: dict, konteks: Any,
          rekap: kinerja.RekapPohon | AnggaranTakTerbaca | None = None) -> tuple[Any, Any]:
    """(Tabel 3.6, Tabel 3.7); a paragraph in place of both when the amounts cannot be summed.
    `rekap`: the tree already rolled up by the caller (rolled up here when not given)."""
    if rekap is None:
        rekap = _pohon(data)
    if isinstance(rekap, AnggaranTakTerbaca):
        pesan = Paragraph(f"Tabel realisasi anggaran tidak dapat disusun: {rekap.message}. "
                          "Jalankan `lakip check` untuk melihat baris yang perlu diperbaiki.")
        return pesan, pesan
    anggaran = bagian_anggaran(data)
    return tabel_3_6(rekap, anggaran, konteks), tabel_3_7(rekap, anggaran)


def tabel_3_6(rekap: kinerja.RekapPohon, anggaran: dict, konteks: Any) -> TableBlock:
    tahun = getattr(konteks, "tahun", None)
    judul = _teks(anggaran.get("ringkasan_judul")) or (
        "Realisasi Anggaran Per Program" + (f" Tahun {tahun}" if tahun else ""))
    rows = tuple(
        Row((str(nomor), program.nama, *_angka(program.rekap)))
        for nomor, program in enumerate(rekap.program, start=1)
    )
    footer = (Row(("", "TOTAL", *_angka(rekap.rekap)), style="bold"),)
    return TableBlock("3.6", judul, KOLOM_3_6, rows, _teks(anggaran.get("ringkasan_sumber")),
                      footer)


def tabel_3_7(rekap: kinerja.RekapPohon, anggaran: dict) -> TableBlock:
    unit = _teks(anggaran.get("unit"))
    urusan = anggaran.get("urusan") if isinstance(anggaran.get("urusan"), dict) else {}
    rows: list[Row] = []
    if urusan.get("kode") or urusan.get("nama"):
        # The urusan's printed target K may sit on [anggaran] itself, beside its stated totals.
        baris_urusan = {"target": anggaran.get("target"), **urusan}
        rows.append(_baris(baris_urusan, rekap.rekap, unit, "bold", 0))
    dasar = 1 if rows else 0
    for program in rekap.program:
        rows.append(_baris(program.data, program.rekap, unit, "bold", dasar))
        for kegiatan in program.kegiatan:
            rows.append(_baris(kegiatan.data, kegiatan.rekap, unit, "bold", dasar + 1))
            for sub in kegiatan.sub:
                rows.append(_baris(sub.data, sub.rekap, unit, "", dasar + 2))
    judul = _teks(anggaran.get("judul")) or "Realisasi Anggaran"
    return TableBlock("3.7", judul, KOLOM_3_7, tuple(rows),
                      _teks(anggaran.get("sumber")))


def _baris(data: dict, rekap: kinerja.Rekap, unit: str, style: str, level: int) -> Row:
    return Row((
        _teks(data.get("kode")),
        _teks(data.get("nama")),
        _teks(data.get("indikator")),
        _teks(data.get("target")),
        _rupiah(rekap.pagu),
        format_persen(rekap.persen),
        _rupiah(rekap.realisasi),
        _teks(data.get("unit")) or unit,
    ), style=style, level=level)


def _angka(rekap: kinerja.Rekap) -> tuple[str, str, str]:
    return _rupiah(rekap.pagu), _rupiah(rekap.realisasi), format_persen(rekap.persen)


def _rupiah(nilai: int) -> str:
    """Rp 0 is printed as "-", as in the agency's own tables."""
    return format_rupiah(nilai) if nilai else "-"


def _teks(nilai: object) -> str:
    if isinstance(nilai, str):
        return " ".join(nilai.split())
    return "" if nilai is None else str(nilai)
