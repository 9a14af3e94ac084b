"""The summary screen's chart of the budget: pagu and realisasi per program, and the total."""

from __future__ import annotations

from typing import Any

from lakip_tui.api import format_persen, format_rupiah
from lakip_tui.api import TakTerhitung
from lakip_tui.api import Batang, Grafik
from lakip_tui.api import kinerja

from .hitung import AnggaranTakTerbaca, pohon

_KOSONG = "tidak ada data (bab Anggaran belum berisi program)"


def grafik_anggaran(data: Any,
                    rekap: kinerja.RekapPohon | AnggaranTakTerbaca | None = None) -> Grafik:
    """The chart; `rekap`: the tree already rolled up by the report (rolled up here if not)."""
    kolom = ("Pagu", "Realisasi", "%")
    if rekap is None:
        try:
            rekap = pohon(data)
        except AnggaranTakTerbaca as exc:
            rekap = exc
    if isinstance(rekap, AnggaranTakTerbaca):  # lakip check names the row; the chart says why
        return Grafik("Pagu dan realisasi per program", kolom,
                      (Batang("Anggaran", TakTerhitung(rekap.message)),), order=2)
    batang = [_batang(" ".join(p for p in (program.kode, program.nama) if p), program.rekap)
              for program in rekap.program]
    if batang:
        batang.append(_batang("Jumlah", rekap.rekap, tebal=True))
    return Grafik("Pagu dan realisasi per program", kolom, tuple(batang), kosong=_KOSONG, order=2)


def _batang(label: str, rekap, *, tebal: bool = False) -> Batang:
    return Batang(label or "(program tanpa nama)", rekap.persen,
                  (format_rupiah(rekap.pagu), format_rupiah(rekap.realisasi),
                   _persen(rekap.persen)), tebal=tebal)


def _persen(nilai) -> str:
    # the bar beside it says why a value cannot be computed; the column keeps narrow
    return "-" if isinstance(nilai, TakTerhitung) else format_persen(nilai)
