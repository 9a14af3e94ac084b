"""The Perjanjian Kinerja as a lampiran: every indicator with kode, satuan and target, signed.

It is a Section of BAB II with key "lampiran-pk" and order 99, so an export that gathers
lampiran can lift it out by key, and one that does not prints it at the end of BAB II.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from lakip_tui.api import format_nilai
from lakip_tui.api import (Block, Column, ListBlock, Paragraph, Row, Section,
                              SignaturePair, TableBlock)
from lakip_tui.api import kepala, kepala_daerah

from .data import daftar_sasaran, teks
LAMPIRAN_KEY = "lampiran-pk"
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
    pk = data.get("perjanjian_kinerja") if isinstance(data.get("perjanjian_kinerja"), dict) else {}
    pihak = _pihak(meta, teks(pk.get("pk_tanggal")))
    if pihak is not None:
        blocks = [*_pernyataan(meta, pihak, tahun), pihak, *blocks, pihak]
    judul = f"Perjanjian Kinerja {instansi}{tahun_teks}".replace("  ", " ").strip()
    return Section(judul, tuple(blocks), URUTAN, LAMPIRAN_KEY)


def _pihak(meta: Mapping, tanggal: str) -> SignaturePair | None:
    """Pihak kedua (the kepala daerah) on the left, pihak pertama (the head of the agency) on
    the right, under the agreement's own date ([perjanjian_kinerja] pk_tanggal)."""
    pertama = kepala(meta, tempat_tanggal="")
    if pertama is None:
        return None
    kedua = kepala_daerah(meta)
    return SignaturePair(
        kiri=replace(kedua, tempat_tanggal="\nPIHAK KEDUA,"),
        kanan=replace(pertama, tempat_tanggal=f"{tanggal or ' '}\nPIHAK PERTAMA,"))


def _pernyataan(meta: Mapping, pihak: SignaturePair, tahun: int | None) -> list[Block]:
    """The agreement's text as the Permenpan RB 53/2014 form words it."""
    pertama, kedua = pihak.kanan, pihak.kiri
    instansi = teks(meta.get("instansi"))
    return [
        Paragraph("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan "
                  "akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah "
                  "ini:"),
        ListBlock((f"Nama: {pertama.nama}\nJabatan: {pertama.jabatan}\n"
                   "selanjutnya disebut pihak pertama",
                   f"Nama: {kedua.nama}\nJabatan: {kedua.jabatan}\n"
                   "selaku atasan pihak pertama, selanjutnya disebut pihak kedua"), "1."),
        Paragraph(f"Pihak pertama{(' (' + instansi + ')') if instansi else ''} berjanji akan "
                  "mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, "
                  "dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
                  "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian "
                  "target kinerja tersebut menjadi tanggung jawab kami."),
        Paragraph("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan "
                  "evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan "
                  "yang diperlukan dalam rangka pemberian penghargaan dan sanksi."),
    ]
