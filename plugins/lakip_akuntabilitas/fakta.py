"""BAB III's facts as tidy tables (docs/data.md): every sasaran and indicator with its target,
realisasi and capaian, and the agency's mean capaian and efisiensi on its instansi row.

The numbers are those of hitung.evaluasi, the ones the report prints; nothing is computed here.
"""

from __future__ import annotations

from typing import Any, Mapping

from lakip_tui.api import FactColumn, FactTable
from lakip_tui.api import TakTerhitung

from .data import periode_renstra, teks
from .hitung import evaluasi

SASARAN = (
    FactColumn("sasaran_kode", "text", "kode of the sasaran strategis, e.g. SS1"),
    FactColumn("nomor", "int", "its number in Tabel 2.2 (from 1)"),
    FactColumn("uraian", "text", "the sasaran as written"),
    FactColumn("sasaran_daerah", "text",
               "the Pemda's sasaran (RPJMD) it serves, where the file names it"),
    FactColumn("jumlah_indikator", "int", "how many indicators it has"),
    FactColumn("capaian", "float", "mean capaian of its indicators, in percent"),
    FactColumn("peringkat", "text", "rating of that capaian on the file's scale (Tabel 3.1)"),
)

INDIKATOR = (
    FactColumn("sasaran_kode", "text", "kode of its sasaran"),
    FactColumn("indikator_kode", "text", "kode of the indicator, e.g. IKU1"),
    FactColumn("nomor", "int", "its number within the sasaran (from 1)"),
    FactColumn("uraian", "text", "the indicator as written"),
    FactColumn("satuan", "text", "unit, e.g. %"),
    FactColumn("polaritas", "text", "positif or negatif"),
    FactColumn("jenis", "text", "kuantitatif, kualitatif or sesuai_target"),
    FactColumn("target", "float", "this year's target, when it is a number"),
    FactColumn("realisasi", "float", "this year's realisasi, when it is a number"),
    FactColumn("target_teks", "text", "the target as written (also for qualitative targets)"),
    FactColumn("realisasi_teks", "text", "the realisasi as written"),
    FactColumn("capaian", "float", "capaian in percent (by polaritas and jenis)"),
    FactColumn("capaian_alasan", "text", "why the capaian cannot be computed, when it cannot"),
    FactColumn("peringkat", "text", "rating of the capaian on the file's scale"),
    FactColumn("target_renstra_akhir", "float",
               "the Renstra target for the last year of the period, when it is a number"),
)

INSTANSI = (
    FactColumn("jumlah_sasaran", "int", "sasaran in the Perjanjian Kinerja"),
    FactColumn("jumlah_indikator", "int", "indicators in the Perjanjian Kinerja"),
    FactColumn("capaian", "float", "mean capaian of every indicator, in percent (BAB III)"),
    FactColumn("efisiensi", "float", "efisiensi as a fraction (3.2.4: 1 - % anggaran / % capaian)"),
)


def tabel_fakta(data: Mapping) -> list[FactTable]:
    hasil = evaluasi(data)
    periode = periode_renstra(data)
    sasaran, indikator = [], []
    for s in hasil.sasaran:
        sasaran.append({
            "sasaran_kode": s.sasaran.kode or None,
            "nomor": s.sasaran.nomor,
            "uraian": s.sasaran.uraian or None,
            "sasaran_daerah": teks(s.sasaran.isi.get("sasaran_daerah")) or None,
            "jumlah_indikator": len(s.indikator),
            "capaian": _angka(s.capaian),
            "peringkat": _angka_teks(s.peringkat),
        })
        for h in s.indikator:
            ind = h.indikator
            akhir = ind.renstra.get(str(periode[1])) if periode else None
            indikator.append({
                "sasaran_kode": s.sasaran.kode or None,
                "indikator_kode": ind.kode or None,
                "nomor": ind.nomor,
                "uraian": ind.uraian or None,
                "satuan": ind.satuan or None,
                "polaritas": ind.polaritas,
                "jenis": ind.jenis,
                "target": ind.target,
                "realisasi": h.nilai,
                "target_teks": _tertulis(ind.target),
                "realisasi_teks": _tertulis(h.nilai),
                "capaian": _angka(h.capaian),
                "capaian_alasan": h.capaian.alasan if isinstance(h.capaian, TakTerhitung) else None,
                "peringkat": _angka_teks(h.peringkat),
                "target_renstra_akhir": akhir,
            })
    ringkas = {
        "jumlah_sasaran": len(hasil.sasaran),
        "jumlah_indikator": len(indikator),
        "capaian": _angka(hasil.capaian),
        "efisiensi": _angka(hasil.efisiensi),
    }
    return [
        FactTable("sasaran", SASARAN, tuple(sasaran)),
        FactTable("indikator", INDIKATOR, tuple(indikator)),
        FactTable("instansi", INSTANSI, (ringkas,)),
    ]


def _angka(nilai: Any) -> float | None:
    return None if isinstance(nilai, TakTerhitung) else nilai


def _angka_teks(nilai: Any) -> str | None:
    return None if isinstance(nilai, TakTerhitung) or not nilai else str(nilai)


def _tertulis(nilai: Any) -> str | None:
    if nilai is None:
        return None
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai)
