"""The one-line header: instansi, tahun, file name, and whether there are unsaved changes."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ...clean import clean_text


class AppHeader(Widget):
    """Says what is open and whether it is safe to close: the unsaved marker is never hidden,
    even when the instansi name has to be cut to fit 80 columns."""

    DEFAULT_CSS = """
    AppHeader {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    instansi: reactive[str] = reactive("")
    tahun: reactive[str] = reactive("")
    berkas: reactive[str] = reactive("")
    belum_disimpan: reactive[bool] = reactive(False)
    hanya_baca: reactive[bool] = reactive(False)

    def render(self) -> Text:
        right = Text()
        if self.hanya_baca:
            right.append(" HANYA-BACA ", style="bold reverse")
            right.append(" ")
        if self.belum_disimpan:
            right.append("● belum disimpan", style="bold")
        else:
            right.append("tersimpan", style="dim")
        right.append(" ")
        # instansi and tahun come from the file: no control character reaches the terminal
        middle = Text(clean_text(self.berkas), style="italic")
        left = Text(" ")
        left.append(clean_text(self.instansi) or "(instansi belum diisi)", style="bold")
        if self.tahun:
            left.append(clean_text(f" · {self.tahun}"))
        width = self.size.width or 80
        room = width - right.cell_len - middle.cell_len - 3
        if left.cell_len > room:  # cut the instansi, never the marker or the file name
            left.truncate(max(room, 8), overflow="ellipsis")
        line = Text.assemble(left, "  ", middle)
        gap = max(1, width - line.cell_len - right.cell_len)
        line.append(" " * gap)
        line.append_text(right)
        line.truncate(width)
        return line
