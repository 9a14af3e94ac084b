"""Save as: ask for a file name; an existing file is overwritten only after a second Enter."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ..actions import bindings


def periksa_nama(teks: str, sekarang: Path | None) -> tuple[Path | None, str]:
    """(path, problem): the path to write, or a problem in Indonesian."""
    teks = teks.strip()
    if not teks:
        return None, "Tulis nama berkas, mis. dinsos-2024-salinan.toml"
    base = sekarang.parent if sekarang else Path.cwd()
    path = Path(teks).expanduser()
    path = path if path.is_absolute() else base / path
    if path.suffix.lower() != ".toml":
        return None, "Nama berkas harus berakhiran .toml"
    if path.is_dir():
        return None, f"{path} adalah folder"
    if not path.parent.is_dir():
        return None, f"Folder {path.parent} tidak ada"
    return path, ""


class SaveAsScreen(ModalScreen[Path | None]):
    BINDINGS = bindings("dialog")
    DEFAULT_CSS = """
    SaveAsScreen { align: center middle; }
    SaveAsScreen > #dialog {
        width: 76; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    SaveAsScreen #simpan-judul { text-style: bold; margin-bottom: 1; }
    SaveAsScreen #simpan-pesan { margin-top: 1; height: auto; }
    """

    def __init__(self, sekarang: Path | None) -> None:
        super().__init__()
        self.sekarang = sekarang
        self._timpa: Path | None = None  # confirmed once: a second Enter overwrites

    def compose(self) -> ComposeResult:
        usul = ""
        if self.sekarang is not None:
            usul = f"{self.sekarang.stem}-salinan{self.sekarang.suffix}"
        with Vertical(id="dialog"):
            yield Static("Simpan sebagai", id="simpan-judul")
            yield Static(f"Folder: {self.sekarang.parent if self.sekarang else Path.cwd()}")
            yield Input(usul, placeholder="nama-berkas.toml", id="simpan-nama")
            yield Static("Enter: simpan · Esc: batal", id="simpan-pesan")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path, problem = periksa_nama(event.value, self.sekarang)
        pesan = self.query_one("#simpan-pesan", Static)
        if path is None:
            pesan.update(problem)
            return
        same = self.sekarang is not None and path.resolve() == self.sekarang.resolve()
        if path.exists() and not same and self._timpa != path:
            self._timpa = path
            pesan.update(f"{path.name} sudah ada. Tekan Enter sekali lagi untuk menimpanya, "
                         "atau ubah namanya.")
            return
        self.dismiss(path)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._timpa = None

    def action_batal(self) -> None:
        self.dismiss(None)
