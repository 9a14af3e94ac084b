"""The Perjanjian Kinerja as a lampiran: every indicator with kode, satuan and target, signed.

It is a Section of BAB II with key "lampiran-pk" and order 99, so an export that gathers
lampiran can lift it out by key, and one that does not prints it at the end of BAB II.
"""

from __future__ import annotations

from typing import Mapping

from lakip_tui.angka import format_nilai
from lakip_tui.report import Block, Column, Row, Section, Signature, TableBlock

from .data import daftar_sasaran, teks
KUNCI = "lampiran-pk"
URUTAN = 99


def lampiran_pk(data: Mapping, tahun: int | None) -> Section:
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    instansi = teks(meta.get("instansi"))
    rows = []
    for s in daftar_sasaran(data):
        for j, ind in enumerate(s.indikator or ()):
            rows.append(Row((
                f"{s.nomor}." if j == 0 else "",
                s.uraian if j == 0 else "",
                ind.kode or "-",
                ind.uraian,
                ind.satuan or "-",
                format_nilai(ind.target, ind.satuan),
            )))
        if not s.indikator:
            rows.append(Row((f"{s.nomor}.", s.uraian, "-", "-", "-", "-")))
    tahun_teks = f" Tahun {tahun}" if tahun else ""
    blocks: list[Block] = [
        TableBlock(
            "", f"Sasaran Strategis, Indikator Kinerja dan Target{tahun_teks}",
            (Column("No.", justify="right"), Column("Sasaran Strategis", ratio=3),
             Column("Kode"), Column("Indikator Kinerja", ratio=3), Column("Satuan"),
             Column(f"Target{tahun_teks}", justify="right")),
            tuple(rows),
            sumber=teks((data.get("perjanjian_kinerja") or {}).get("pk_sumber"))
            if isinstance(data.get("perjanjian_kinerja"), dict) else "",
        ),
    ]
    tanda_tangan = _tanda_tangan(meta)
    if tanda_tangan is not None:
        blocks.append(tanda_tangan)
    judul = f"Perjanjian Kinerja {instansi}{tahun_teks}".replace("  ", " ").strip()
    return Section(judul, tuple(blocks), URUTAN, KUNCI)


def _tanda_tangan(meta: Mapping) -> Signature | None:
    kepala = meta.get("kepala")
    if not isinstance(kepala, dict) or not teks(kepala.get("nama")):
        return None
    return Signature(
        tempat_tanggal=teks(meta.get("tempat_tanggal")),
        jabatan=teks(kepala.get("jabatan")),
        nama=teks(kepala.get("nama")),
        pangkat=teks(kepala.get("pangkat")),
        nip=teks(kepala.get("nip")),
    )
