"""A cell of prose (paragraphs in a table, such as an analysis per sasaran), edited in a window
of its own: a one-line editor would lose the paragraph breaks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from ..actions import bindings
from .bindings import ImmediateBindings
from .narrative import binding_teks
from .lean_text import LeanTextArea


class LongTextArea(LeanTextArea, ImmediateBindings, TextArea, inherit_bindings=False):
    """TextArea's own keys, but F6 and F7 are the app's (as in a narrative): F7 selected the
    whole text here and the next key replaced it."""

    BINDINGS = binding_teks() + bindings("area_panjang")


class LongTextScreen(ModalScreen[str | None]):
    """Dismisses with the edited text (Escape or "Simpan"), or None ("Batal")."""

    DEFAULT_CSS = """
    LongTextScreen {
        align: center middle;
    }
    LongTextScreen > Vertical {
        width: 100%;
        max-width: 110;
        height: 100%;
        max-height: 40;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    LongTextScreen .judul {
        text-style: bold;
    }
    LongTextScreen LongTextArea {
        height: 1fr;
    }
    LongTextScreen .petunjuk {
        color: $text-muted;
    }
    LongTextScreen Horizontal {
        height: auto;
        align-horizontal: right;
    }
    LongTextScreen Button {
        margin-left: 2;
    }
    """

    BINDINGS = bindings("teks_panjang")

    def __init__(self, judul: str, teks: str) -> None:
        super().__init__()
        self.judul = judul
        self.area = LongTextArea(teks, soft_wrap=True, tab_behavior="focus")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.judul, classes="judul", markup=False)
            yield self.area
            yield Static("Paragraf dipisah baris kosong.  Esc: simpan dan tutup  ·  "
                         "Tab lalu Batal: buang perubahan", classes="petunjuk", markup=False)
            with Horizontal():
                yield Button("Simpan", variant="primary", id="simpan")
                yield Button("Batal", id="batal")

    def on_mount(self) -> None:
        self.area.focus()

    def action_selesai(self) -> None:
        self.dismiss(self.area.text)

    async def action_ke_navigasi(self) -> None:
        """F7: the text is written and the window closed, then on to the navigation."""
        main = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else None
        self.dismiss(self.area.text)
        if main is not None and hasattr(main, "action_ke_navigasi"):
            main.call_after_refresh(main.action_ke_navigasi)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(self.area.text if event.button.id == "simpan" else None)
