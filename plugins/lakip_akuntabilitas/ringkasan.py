"""The summary screen's chart of BAB III: capaian per indikator, with its rating."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import format_nilai, format_persen
from lakip_tui.api import TakTerhitung, peringkat
from lakip_tui.api import Batang, Grafik

from .hitung import evaluasi
from .nilai import teks_peringkat


def grafik_capaian(data: Mapping) -> Grafik:
    hasil = evaluasi(data)
    batang = []
    for sasaran in hasil.sasaran:
        for h in sasaran.indikator:
            ind = h.indikator
            label = " ".join(p for p in (ind.kode, ind.uraian) if p) or "(indikator tanpa nama)"
            batang.append(Batang(label, h.capaian,
                                 (format_nilai(ind.target, ind.satuan),
                                  format_nilai(h.nilai, ind.satuan), _persen(h.capaian)),
                                 teks_peringkat(h.peringkat)))
    if batang:
        batang.append(Batang("Rata-rata capaian", hasil.capaian, ("", "", _persen(hasil.capaian)),
                             teks_peringkat(peringkat(hasil.capaian, hasil.skala)), tebal=True))
    return Grafik("Capaian per indikator", ("Target", "Realisasi", "Capaian"), tuple(batang),
                  kosong="tidak ada data (Perjanjian Kinerja belum berisi indikator)",
                  keterangan="Peringkat", order=1)


def _persen(nilai) -> str:
    # the bar beside it says why a value cannot be computed; the column keeps narrow
    return "-" if isinstance(nilai, TakTerhitung) else format_persen(nilai)
