"""The navigation: chapters in report order, each with its sections (Chapter.bagian).

An OptionList of plain lines rather than a Tree: it draws only the lines on screen, takes titles
as text (a "[" in a plugin's title is not markup) and costs a third of a Tree on the first
screen. A chapter folds and unfolds its sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...chapter import Chapter


@dataclass(frozen=True)
class Tujuan:
    """Where a navigation entry leads: a chapter, and optionally one of its sections."""

    bab: str
    bagian: str | None = None


_TERBUKA, _TERLIPAT = "▾ ", "▸ "
_INDENT = "  "


class Navigasi(OptionList):
    """BAB I..IV and their sections. Enter (or a click) opens the entry; space folds a chapter,
    left folds it (or goes up from a section to its chapter), right unfolds it."""

    DEFAULT_CSS = """
    Navigasi, Navigasi:focus {
        width: 26;
        height: 1fr;
        max-height: 100%;
        border: none;
        border-right: vkey $panel-lighten-2;
        padding: 0;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        scrollbar-size-vertical: 1;
    }
    Navigasi > .option-list--option {
        padding: 0;
    }
    """

    BINDINGS = [
        Binding("space", "lipat", "Lipat/buka bab", show=False, id="navigasi_lipat"),
        Binding("left", "kiri", "Lipat / ke bab", show=False, id="navigasi_kiri"),
        Binding("right", "kanan", "Buka bab", show=False, id="navigasi_kanan"),
    ]

    class Dibuka(Message):
        """The user chose a chapter or a section."""

        def __init__(self, tujuan: Tujuan) -> None:
            super().__init__()
            self.tujuan = tujuan

    def __init__(self, chapters: list[Chapter], **kwargs) -> None:
        self.chapters = list(chapters)
        self.terlipat: set[str] = set()
        self.tujuan: list[Tujuan] = []  # what each line leads to, in the order shown
        super().__init__(*self._baris(), markup=False, **kwargs)

    def _baris(self) -> list[Option]:
        """The lines for the chapters as they are folded now (and `self.tujuan` to match)."""
        lines: list[Option] = []
        self.tujuan = []
        for chapter in self.chapters:
            folded = chapter.key in self.terlipat
            marker = _TERLIPAT if folded else _TERBUKA
            lines.append(Option(Text(marker + chapter.title, style="bold")))
            self.tujuan.append(Tujuan(chapter.key))
            if folded:
                continue
            for bagian in chapter.bagian:
                lines.append(Option(Text(_INDENT + bagian.judul)))
                self.tujuan.append(Tujuan(chapter.key, bagian.key))
        return lines

    @property
    def tujuan_kursor(self) -> Tujuan | None:
        index = self.highlighted
        return self.tujuan[index] if index is not None and index < len(self.tujuan) else None

    def judul_baris(self) -> list[str]:
        """The lines as shown (for tests and screen readers of the code)."""
        return [self.get_option_at_index(i).prompt.plain for i in range(self.option_count)]

    def _susun_ulang(self, pilih: Tujuan) -> None:
        self.set_options(self._baris())
        self.tandai(pilih)

    # -- choosing ------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.tujuan):
            self.post_message(self.Dibuka(self.tujuan[event.option_index]))

    def tandai(self, tujuan: Tujuan) -> None:
        """Move the cursor to the entry that is shown, without opening it again; a section in
        a folded chapter marks its chapter."""
        for wanted in (tujuan, Tujuan(tujuan.bab)):
            if wanted in self.tujuan:
                self.highlighted = self.tujuan.index(wanted)
                return

    # -- folding -------------------------------------------------------------------------------

    def lipat(self, bab: str, terlipat: bool) -> None:
        if (bab in self.terlipat) == terlipat:
            return
        (self.terlipat.add if terlipat else self.terlipat.discard)(bab)
        current = self.tujuan_kursor
        self._susun_ulang(Tujuan(bab) if current is None or current.bab == bab else current)

    def action_lipat(self) -> None:
        current = self.tujuan_kursor
        if current is not None:
            self.lipat(current.bab, current.bab not in self.terlipat)

    def action_kiri(self) -> None:
        current = self.tujuan_kursor
        if current is None:
            return
        if current.bagian is not None:
            self.tandai(Tujuan(current.bab))
        else:
            self.lipat(current.bab, True)

    def action_kanan(self) -> None:
        current = self.tujuan_kursor
        if current is not None and current.bagian is None:
            self.lipat(current.bab, False)
