"""Tabel 3.1 as the planner wrote it: one finding per gap, overlap or open end that
kinerja.periksa_skala names, pointed at the scale row and the bound to change."""

from __future__ import annotations

import re
from typing import Mapping

from lakip_tui.api import Finding, error, info, warning
from lakip_tui.api import periksa_skala
from lakip_tui.api import Path

from .data import CHAPTER_KEY, tabel, teks


def periksa_tabel_skala(data: Mapping) -> list[Finding]:
    """One finding per problem kinerja.periksa_skala names, at the row (and bound) concerned."""
    rows = tabel(data, CHAPTER_KEY).get("skala")
    if rows is None:
        return [info(f"{CHAPTER_KEY}.skala-bawaan", CHAPTER_KEY, (CHAPTER_KEY, "skala"),
                     "Tabel 3.1 skala peringkat tidak diisi; dipakai skala baku "
                     "(Sangat Tinggi >= 91, Tinggi >= 76, Sedang >= 66, Rendah >= 51)")]
    if not isinstance(rows, list):
        return [error(f"{CHAPTER_KEY}.skala", CHAPTER_KEY, (CHAPTER_KEY, "skala"),
                      "akuntabilitas.skala harus berupa daftar [[akuntabilitas.skala]]")]
    nama_ke_baris = {}
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            nama_ke_baris.setdefault(teks(row.get("nama")).casefold(), i)
    temuan = []
    for masalah in periksa_skala(rows):
        temuan.append(warning(f"{CHAPTER_KEY}.skala", CHAPTER_KEY, _path_masalah_skala(masalah, nama_ke_baris),
                              f"Tabel 3.1: {masalah}"))
    return temuan


# kinerja.periksa_skala names a row by its number or its tier names in quotes
_BARIS_KE = re.compile(r"^Baris (\d+)")
_NAMA = re.compile(r"'([^']+)'")


def _path_masalah_skala(masalah: str, nama_ke_baris: dict[str, int]) -> Path:
    nomor = _BARIS_KE.match(masalah)
    if nomor:
        return (CHAPTER_KEY, "skala", int(nomor.group(1)) - 1)
    nama = [n for n in _NAMA.findall(masalah) if n.casefold() in nama_ke_baris]
    if not nama:
        return (CHAPTER_KEY, "skala")
    if "dipakai lebih dari sekali" in masalah:
        return (CHAPTER_KEY, "skala")  # both rows carry the name; the first would mislead
    baris_ke = nama_ke_baris[nama[0].casefold()]
    if "batas bawah" in masalah and "terendah" in masalah or "batas bawah yang sama" in masalah:
        kunci = "min"
    elif "harus angka" in masalah:
        kunci = "min" if "batas min" in masalah else "max"
    else:  # gaps, overlaps and a ceiling on the top tier are all fixed at the lower tier's max
        kunci = "max"
    return (CHAPTER_KEY, "skala", baris_ke, kunci)
