"""A project names a plugin file not allowed yet: show where it is and what would run, and ask
once (allow: run it and remember; deny: never run it, never ask again; later: ask next time)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from ...trust import CHANGED, preview
from ..actions import BY_ID, bindings
from .dialog import Question

PREVIEW_LINES = 400  # scrolled inside the question, which still fits 80x24


class TrustQuestion(Question):
    BINDINGS = bindings("dialog") + bindings("dialog_plugin")
    JAWABAN = (
        ("nanti", "plugin_nanti", "primary"),  # first, so focused: Enter runs nothing
        ("tolak", "plugin_tolak", "default"),
        ("izinkan", "plugin_izinkan", "warning"),
    )
    JAWABAN_ESC = "nanti"  # the answer that runs nothing
    DEFAULT_CSS = """
    TrustQuestion #plugin-isi { height: 8; border: round $panel-lighten-2; margin-bottom: 1; }
    """

    def __init__(self, item) -> None:
        decision = item.decision
        why = ("Isinya BERUBAH sejak Anda izinkan:" if decision.state == CHANGED
               else "Berkas proyek ini meminta lakip menjalankan kode Python dari:")
        message = Text()
        message.append(f"{why}\n")
        message.append(f"{decision.path}\n", style="bold")
        message.append("Izinkan hanya bila Anda mempercayai isinya (gulir untuk membaca):")
        super().__init__(f"Jalankan plugin '{item.name}'?", message)
        self.code = Text(preview(item.content, PREVIEW_LINES))

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.judul, id="dialog-judul")
            yield Static(self.pesan, id="dialog-pesan")
            with VerticalScroll(id="plugin-isi"):
                yield Static(self.code, id="plugin-kode")
            with Horizontal(id="dialog-tombol"):
                for answer, binding_id, variant in self.JAWABAN:
                    key = self.app.current_keys(binding_id)[0]
                    label = f"{BY_ID[binding_id].description} ({key.upper()})"
                    yield Button(label, id=f"jawab-{answer}", variant=variant)
