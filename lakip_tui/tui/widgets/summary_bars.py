"""Bars for the summary screen, drawn from the charts the plugins return (`lakip_summary`).

The core names no chapter: which charts exist and every number in them come from the plugins
(computed by `kinerja`, written by `angka`); this widget only lays them out. A bar whose value
cannot be computed shows its reason instead of a length.
"""

from __future__ import annotations

from typing import Any, Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from ...kinerja import TakTerhitung
from ...report import Grafik

_CATATAN = Text("-: tidak dapat dihitung; alasannya di kolom grafik.", style="dim italic")


def _bar(fraction: float, width: int) -> Text:
    """A bar in two characters, so it reads without colour too."""
    filled = max(0, min(width, round(fraction * width)))
    bar = Text()
    bar.append("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


def _lebar_bar(width: int) -> int:
    return max(8, min(30, width // 7))


def gambar_grafik(grafik: Grafik, width: int) -> Any:
    """One chart: label, the figure columns, the bar, then the keterangan column if any."""
    judul = Text(grafik.judul, style="bold underline")
    if not grafik.batang:
        return Group(judul, Text(grafik.kosong, style="italic"))
    bar_width = _lebar_bar(width)
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    # the name takes what is left and is cut, never the numbers
    table.add_column("", ratio=1, overflow="ellipsis", no_wrap=True)
    for header in grafik.kolom:
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("", width=bar_width, overflow="fold")
    if grafik.keterangan:
        table.add_column(grafik.keterangan, no_wrap=True)
    # the longest bar is 100% or the largest value, whichever is larger: above-target shows
    puncak = max([100.0] + [b.persen for b in grafik.batang if isinstance(b.persen, float)])
    for batang in grafik.batang:
        if isinstance(batang.persen, (int, float)) and not isinstance(batang.persen, bool):
            bar = _bar(batang.persen / puncak, bar_width)
        else:
            alasan = batang.persen.alasan if isinstance(batang.persen, TakTerhitung) else "-"
            bar = Text(f"({alasan})", style="italic")
        cells = [batang.label, *batang.kolom[: len(grafik.kolom)], bar]
        cells += [""] * (len(grafik.kolom) + 2 - len(cells))
        if grafik.keterangan:
            cells.append(batang.keterangan)
        table.add_row(*cells, style="bold" if batang.tebal else None)
    parts = [judul, table]
    if any(isinstance(b.persen, TakTerhitung) for b in grafik.batang):
        parts.append(_CATATAN)
    return Group(*parts)


class SummaryBars(Widget):
    """Every chart the plugins gave, in their order."""

    DEFAULT_CSS = """
    SummaryBars { height: auto; padding: 0 1; }
    """

    def __init__(self, grafik: Iterable[Grafik], **kwargs) -> None:
        super().__init__(**kwargs)
        self.grafik = sorted(grafik, key=lambda g: g.order)

    def render(self) -> Any:
        width = self.size.width or 80
        if not self.grafik:
            return Text("Tidak ada ringkasan: tidak ada plugin yang memberi grafik.", style="italic")
        parts: list[Any] = []
        for grafik in self.grafik:
            if parts:
                parts.append(Text(""))
            parts.append(gambar_grafik(grafik, width))
        return Group(*parts)
