"""Earlier years' realisasi read from their own files (`[meta] tahun_sebelumnya`, handed over
by the core as konteks.sebelumnya) rather than typed again: Tabel 3.4 prints them, a figure
typed in `tahun_lalu` that disagrees with its year's file is a finding, and a Renstra end target
this file lacks is taken from the earlier file."""

from __future__ import annotations

from typing import Any, Mapping

from lakip_tui.api import format_nilai
from lakip_tui.api import Finding, warning
from lakip_tui.api import Indikator

from .data import CHAPTER_KEY, daftar_realisasi, daftar_sasaran


def dari_berkas(sebelumnya: Mapping[int, Mapping]) -> dict[str, dict[str, Any]]:
    """{indicator kode: {year: realisasi}} from the earlier files: each file's own `nilai`
    for its year, and its `tahun_lalu` for the years before it (the nearer file wins)."""
    out: dict[str, dict[str, Any]] = {}
    for tahun in sorted(sebelumnya):
        for r in daftar_realisasi(sebelumnya[tahun]):
            if not r.indikator:
                continue
            tempat = out.setdefault(r.indikator, {})
            for t, nilai in r.tahun_lalu.items():
                tempat.setdefault(t, nilai)
            if r.nilai is not None:
                tempat[str(tahun)] = r.nilai
    return out


def renstra_dari_berkas(sebelumnya: Mapping[int, Mapping]) -> dict[str, dict[str, Any]]:
    """{indicator kode: Renstra targets by year} from the earlier files (the latest wins)."""
    out: dict[str, dict[str, Any]] = {}
    for tahun in sorted(sebelumnya):
        for s in daftar_sasaran(sebelumnya[tahun]):
            for ind in s.indikator:
                if ind.kode:
                    out.setdefault(ind.kode, {}).update(ind.renstra)
    return out


def target_tahun(ind: Indikator, tahun: int, renstra_lain: Mapping[str, Mapping]) -> Any:
    """The Renstra target of `tahun`: this file's, else an earlier file's."""
    nilai = ind.renstra.get(str(tahun))
    if nilai is None and ind.kode:
        nilai = renstra_lain.get(ind.kode, {}).get(str(tahun))
    return nilai


def periksa(data: Mapping, sebelumnya: Mapping[int, Mapping]) -> list[Finding]:
    berkas = dari_berkas(sebelumnya)
    satuan = {i.kode: i.satuan for s in daftar_sasaran(data) for i in s.indikator if i.kode}
    temuan = []
    for r in daftar_realisasi(data):
        dari = berkas.get(r.indikator, {})
        for tahun, nilai in r.tahun_lalu.items():
            if tahun in dari and dari[tahun] != nilai:
                su = satuan.get(r.indikator, "")
                temuan.append(warning(
                    f"{CHAPTER_KEY}.tahun-lalu-berbeda", CHAPTER_KEY, (*r.path, "tahun_lalu", tahun),
                    f"Realisasi {tahun} indikator {r.indikator} tertulis {format_nilai(nilai, su)}, "
                    f"padahal berkas tahun {tahun} mencatat {format_nilai(dari[tahun], su)}; "
                    "laporan mencetak angka dari berkas itu", stated=nilai, computed=dari[tahun]))
    return temuan
