"""Shown instead of a broken layout when the terminal is below the minimum; it goes away by
itself when the terminal is made large enough."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

# The layout is designed and snapshot-tested at 80x24, the classic terminal size that every
# SSH client opens by default; below it the table columns and the footer no longer fit.
MIN_WIDTH, MIN_HEIGHT = 80, 24


def terlalu_kecil(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


def pesan(width: int, height: int) -> str:
    return (f"Terminal terlalu kecil (minimal {MIN_WIDTH}x{MIN_HEIGHT}, sekarang {width}x{height})."
            "\nPerbesar jendela terminal; ctrl+q keluar.")


class TooSmallScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen > Static { width: auto; max-width: 100%; height: auto; text-align: center;
                            text-style: bold; }
    """

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.ukuran = (width, height)

    def compose(self) -> ComposeResult:
        yield Static(pesan(*self.ukuran), id="terlalu-kecil")

    def perbarui(self, width: int, height: int) -> None:
        # Only on a real change: updating the text relays the screens out, and the screen below
        # is then told of a resize again, which would call this again for ever.
        if self.ukuran == (width, height):
            return
        self.ukuran = (width, height)
        self.query_one("#terlalu-kecil", Static).update(pesan(width, height))
