"""Import in the editor: ask for the sheet, show the same diff `lakip import` prints, and hand
back the Impor only after a second Enter. The app applies it as one undo step (nothing is saved
until the planner saves)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...clean import clean_text
from ...errors import LakipError
from ...impor import Impor, baca_lembar, cari_impor, ringkasan
from ..actions import bindings


class ImportScreen(ModalScreen[Impor | None]):
    BINDINGS = bindings("dialog")
    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen > #dialog {
        width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ImportScreen #impor-judul { text-style: bold; }
    ImportScreen #impor-beda { height: auto; max-height: 12; }
    ImportScreen #impor-pesan { height: auto; }
    """

    def __init__(self, project, registry) -> None:
        super().__init__()
        self.project = project
        self.registry = registry
        self._hasil: Impor | None = None
        self._sumber = ""

    def compose(self) -> ComposeResult:
        folder = self.project.path.parent if self.project.path else Path.cwd()
        with Vertical(id="dialog"):
            yield Static("Impor realisasi anggaran (.xlsx / .csv dari SIPD)", id="impor-judul")
            yield Static(clean_text(f"Folder: {folder}"))
            yield Input(placeholder="realisasi.xlsx", id="impor-nama")
            with VerticalScroll(id="impor-beda"):
                yield Static("", id="impor-isi")
            yield Static("Enter: baca lembar · Esc: batal", id="impor-pesan")

    def _path(self, teks: str) -> Path:
        base = self.project.path.parent if self.project.path else Path.cwd()
        path = Path(teks.strip()).expanduser()
        return path if path.is_absolute() else base / path

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        pesan = self.query_one("#impor-pesan", Static)
        if self._hasil is not None and event.value == self._sumber:
            self.dismiss(self._hasil)  # the second Enter: apply
            return
        if not event.value.strip():
            pesan.update("Tulis nama lembar, mis. realisasi-2025.xlsx")
            return
        try:
            hasil = cari_impor(baca_lembar(self._path(event.value)), self.project.data,
                               self.registry)
        except LakipError as exc:
            self._hasil = None
            pesan.update(clean_text(str(exc)))
            return
        self._hasil, self._sumber = hasil, event.value
        nama = self.project.path.name if self.project.path else "berkas ini"
        self.query_one("#impor-isi", Static).update(
            clean_text("\n".join(ringkasan(hasil, event.value, nama))))
        if hasil.edit:
            pesan.update(f"Enter sekali lagi: terapkan {len(hasil.edit)} perubahan "
                         "(ctrl+z membatalkan semuanya) · Esc: batal")
        else:
            pesan.update("Tidak ada yang berubah. Esc: tutup")

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value != self._sumber:
            self._hasil = None

    def action_batal(self) -> None:
        self.dismiss(None)
