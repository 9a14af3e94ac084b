"""BAB IV Penutup in the report: the closing text and the numbered steps ahead."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Block, ListBlock, Paragraph, Section
from lakip_tui.api import kepala

from .data import PENUTUP, daftar_teks, tabel, teks


def bagian_penutup(data: Mapping) -> list[Section]:
    isi = tabel(data, PENUTUP)
    blocks: list[Block] = []
    if teks(isi.get("teks")):
        blocks.append(Paragraph(teks(isi.get("teks"))))
    if teks(isi.get("langkah_pengantar")):
        blocks.append(Paragraph(teks(isi.get("langkah_pengantar"))))
    langkah = daftar_teks(isi.get("langkah"))
    if langkah:
        blocks.append(ListBlock(tuple(langkah), "1."))
    if teks(isi.get("teks_akhir")):
        blocks.append(Paragraph(teks(isi.get("teks_akhir"))))
    ttd = kepala(data.get("meta"))  # the report ends signed by the head of the agency
    if ttd is not None and blocks:
        blocks.append(ttd)
    return [Section("A. Penutup", tuple(blocks), 1, "penutup")]
