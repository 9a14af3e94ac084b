"""Charts (`Grafik`, from the plugins' `lakip_summary`) in the shapes the writers need: the bar
lengths, and a table with text bars for the formats that have no drawing (txt, md).

The scale is the summary screen's: the longest bar is 100% or the largest value, whichever is
larger, so a value above target shows as longer than a full bar.
"""

from __future__ import annotations

from .dokumen import Batang, Column, Figure, Grafik, Row, TableBlock
from .tak_terhitung import TakTerhitung

LEBAR_BATANG = 20  # characters of a text bar


def nilai(batang: Batang) -> float | None:
    """The bar's value in percent, or None when it cannot be computed."""
    p = batang.persen
    if isinstance(p, bool) or not isinstance(p, (int, float)) or p != p:
        return None
    return float(p)


def puncak(grafik: Grafik) -> float:
    """The value a full-length bar stands for."""
    return max([100.0] + [v for v in map(nilai, grafik.batang) if v is not None])


def panjang(grafik: Grafik, batang: Batang, skala: float | None = None) -> float | None:
    """The bar's length as a fraction (0..1) of the longest possible, None if not computable.
    `skala`: `puncak(grafik)` when the caller has it (it reads every bar: once per chart, not
    once per bar, for the 143 programs of a city)."""
    v = nilai(batang)
    if v is None:
        return None
    return max(0.0, min(1.0, v / (puncak(grafik) if skala is None else skala)))


def alasan(batang: Batang) -> str:
    """Why a bar has no length."""
    return batang.persen.alasan if isinstance(batang.persen, TakTerhitung) else "-"


def batang_teks(fraksi: float | None, batang: Batang, lebar: int = LEBAR_BATANG) -> str:
    if fraksi is None:
        return f"({alasan(batang)})"
    isi = round(fraksi * lebar)
    return "█" * isi + "░" * (lebar - isi)


def sebagai_tabel(figure: Figure) -> TableBlock:
    """The chart as a table: label, its figures, a text bar and its keterangan."""
    g = figure.grafik
    kolom = [Column("Uraian"), *(Column(k, justify="right") for k in g.kolom),
             Column("Grafik", min_width=LEBAR_BATANG)]
    if g.keterangan:
        kolom.append(Column(g.keterangan))
    rows = []
    skala = puncak(g)
    for b in g.batang:
        cells = [b.label, *b.kolom[:len(g.kolom)]]
        cells += [""] * (1 + len(g.kolom) - len(cells))
        cells.append(batang_teks(panjang(g, b, skala), b))
        if g.keterangan:
            cells.append(b.keterangan)
        rows.append(Row(tuple(cells), "bold" if b.tebal else ""))
    if not rows:
        rows.append(Row((g.kosong,) + ("",) * (len(kolom) - 1)))
    judul = f"Gambar {figure.nomor} {g.judul}".strip() if figure.nomor else g.judul
    return TableBlock("", judul, tuple(kolom), tuple(rows), figure.sumber)
