"""A yes/no question before something that cannot be seen again without undo (deleting rows)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..actions import bindings


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for "Ya", False for "Batal" (Escape, n)."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > Vertical {
        width: 60;
        max-width: 100%;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    ConfirmScreen .tanya {
        width: 100%;
        margin-bottom: 1;
    }
    ConfirmScreen Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ConfirmScreen Button {
        margin-left: 2;
    }
    """

    BINDINGS = bindings("dialog_hapus")

    def __init__(self, pertanyaan: str, tombol_ya: str = "Ya, hapus") -> None:
        super().__init__()
        self.pertanyaan = pertanyaan
        self.tombol_ya = tombol_ya

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.pertanyaan, classes="tanya")
            yield Static("[b]y[/b]: ya    [b]n[/b]/Esc: batal    Enter: tombol terpilih", classes="tanya")
            with Horizontal():
                yield Button(self.tombol_ya, variant="error", id="ya")
                yield Button("Batal", id="batal")

    def on_mount(self) -> None:
        self.query_one("#batal", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "ya")

    def action_jawab(self, ya: bool) -> None:
        self.dismiss(ya)
