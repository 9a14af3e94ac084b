"""The summary: the charts the plugins give (capaian per indikator, pagu vs realisasi per
program for the built-ins), as bars."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..actions import bindings
from ..widgets.summary_bars import SummaryBars


class SummaryScreen(Screen):
    BINDINGS = bindings("ringkasan")
    DEFAULT_CSS = """
    SummaryScreen #ringkasan-judul { dock: top; height: 1; background: $panel; padding: 0 1;
                                      text-style: bold; }
    """

    def __init__(self, grafik: list, judul: str) -> None:
        super().__init__()
        self.grafik = grafik
        self.judul = judul

    def compose(self) -> ComposeResult:
        yield Static(f"Ringkasan: {self.judul}", id="ringkasan-judul")
        with VerticalScroll(id="ringkasan-isi"):
            yield SummaryBars(self.grafik, id="grafik")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ringkasan-isi").focus()
