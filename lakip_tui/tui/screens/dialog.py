"""A question with a few answers: a title, a message, one button per answer, and a letter key
for each (the keys come from actions.AKSI, so they can be remapped and are listed in Bantuan)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..actions import BY_ID, bindings


class Question(ModalScreen[str | None]):
    """Dismisses with the chosen answer's id, or None on Escape."""

    SCOPE = "dialog"
    BINDINGS = bindings("dialog")
    # (answer id, binding id giving its key and label, button variant)
    JAWABAN: tuple[tuple[str, str, str], ...] = ()
    # What Escape answers; None = cancel (a "Batal" button is shown then).
    JAWABAN_ESC: str | None = None
    DEFAULT_CSS = """
    Question { align: center middle; }
    Question > #dialog {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    Question #dialog-judul { text-style: bold; margin-bottom: 1; }
    Question #dialog-pesan { margin-bottom: 1; }
    Question #dialog-tombol { height: auto; align-horizontal: center; }
    Question Button { margin: 0 1; min-width: 12; }
    """

    def __init__(self, judul: str, pesan: str | Text) -> None:
        super().__init__()
        self.judul = judul
        self.pesan = pesan

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.judul, id="dialog-judul")
            yield Static(self.pesan, id="dialog-pesan")
            yield from self.isi()
            with Horizontal(id="dialog-tombol"):
                for answer, binding_id, variant in self.JAWABAN:
                    key = self.app.current_keys(binding_id)[0] if hasattr(self.app, "current_keys") \
                        else BY_ID[binding_id].keys.split(",")[0]
                    label = f"{BY_ID[binding_id].description} ({key.upper()})"
                    yield Button(label, id=f"jawab-{answer}", variant=variant)
                if self.JAWABAN_ESC is None:
                    yield Button("Batal (Esc)", id="jawab-batal")

    def isi(self) -> ComposeResult:
        """More content between the message and the buttons (a subclass's list, say)."""
        return iter(())

    def on_mount(self) -> None:
        buttons = self.query(Button)
        if buttons:
            buttons.first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        answer = (event.button.id or "").removeprefix("jawab-")
        self.dismiss(None if answer == "batal" else answer)

    def action_pilih(self, answer: str) -> None:
        self.dismiss(answer)

    def action_batal(self) -> None:
        self.dismiss(self.JAWABAN_ESC)
