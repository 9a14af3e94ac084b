"""The navigation: chapters in report order, each with its sections (Chapter.bagian).

Drawn with the Line API, one line per entry, like the table and form grids: it takes titles
as plain text (a "[" in a plugin's title is not markup), measures nothing, and draws only the
lines on screen. A Tree or an OptionList lays out every entry first, which cost the first screen
4-9 ms. A chapter folds and unfolds its sections.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...chapter import Chapter
from ..actions import bindings
from ..drawing import QuietScrollbars, css_kursor, pas


class Destination(NamedTuple):
    """Where a navigation entry leads: a chapter, and optionally one of its sections."""

    bab: str
    bagian: str | None = None


_TERBUKA, _TERLIPAT = "▾ ", "▸ "
_INDENT = "  "


class Navigation(QuietScrollbars, ScrollView, can_focus=True):
    """BAB I..IV and their sections. Enter (or a click) opens the entry; space folds a chapter,
    left folds it (or goes up from a section to its chapter), right unfolds it."""

    COMPONENT_CLASSES = {"navigasi--bab", "navigasi--kursor"}

    DEFAULT_CSS = """
    Navigation {
        width: 26;
        height: 1fr;
        border-right: vkey $panel-lighten-2;
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .navigasi--bab { text-style: bold; }
    """ + css_kursor("navigasi--kursor") + """
    }
    """

    BINDINGS = bindings("navigasi")

    class Dibuka(Message):
        """The user chose a chapter or a section."""

        def __init__(self, tujuan: Destination) -> None:
            super().__init__()
            self.tujuan = tujuan

    def __init__(self, chapters: list[Chapter], **kwargs) -> None:
        super().__init__(**kwargs)
        self.chapters = list(chapters)
        self.terlipat: set[str] = set()
        self.kursor = 0
        # what each line shows and where it leads, in the order shown
        self.tujuan: list[Destination] = []
        self._judul: list[str] = []
        self._susun()

    def set_chapters(self, chapters: list[Chapter]) -> None:
        """Another list of chapters (a plugin allowed while the app runs)."""
        self.chapters = list(chapters)
        self._susun()

    def _susun(self) -> None:
        """The lines for the chapters as they are folded now."""
        self.tujuan, self._judul = [], []
        for chapter in self.chapters:
            folded = chapter.key in self.terlipat
            self.tujuan.append(Destination(chapter.key))
            self._judul.append((_TERLIPAT if folded else _TERBUKA) + chapter.title)
            if not folded:
                for bagian in chapter.bagian:
                    self.tujuan.append(Destination(chapter.key, bagian.key))
                    self._judul.append(_INDENT + bagian.judul)
        self.kursor = min(self.kursor, max(0, len(self.tujuan) - 1))
        self.virtual_size = Size(0, len(self.tujuan))
        self.refresh()

    def judul_baris(self) -> list[str]:
        """The lines as shown, top to bottom."""
        return list(self._judul)

    @property
    def tujuan_kursor(self) -> Destination | None:
        return self.tujuan[self.kursor] if self.tujuan else None

    # -- drawing -------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + self.scroll_offset.y
        style = self.rich_style
        if not 0 <= index < len(self._judul):
            return Strip.blank(width, style)
        if self.tujuan[index].bagian is None:
            style += self.get_component_rich_style("navigasi--bab", partial=True)
        if index == self.kursor:
            style += self.get_component_rich_style("navigasi--kursor")
        return Strip([Segment(pas(self._judul[index], width), style)], width)

    def on_focus(self, event: events.Focus) -> None:
        # the cursor's colour says whether the list has the focus; nothing else changes (the
        # whole list drawn again is ~1 KB over a slow link)
        self.refresh_line(self.kursor)

    def on_blur(self, event: events.Blur) -> None:
        self.refresh_line(self.kursor)

    # -- cursor --------------------------------------------------------------------------------

    def pindah(self, index: int) -> None:
        if not self.tujuan:
            return
        index = max(0, min(index, len(self.tujuan) - 1))
        if index != self.kursor:
            before, self.kursor = self.kursor, index
            for line in (before, index):  # only the two lines the cursor left and entered
                self.refresh_line(line)  # a line of the list: refresh_line takes off the scroll
        self.scroll_to_region(Region(0, self.kursor, 1, 1), animate=False, force=True,
                              immediate=True)

    def tandai(self, tujuan: Destination) -> None:
        """Move the cursor to the entry that is shown, without opening it again; a section in
        a folded chapter marks its chapter."""
        for wanted in (tujuan, Destination(tujuan.bab)):
            if wanted in self.tujuan:
                self.pindah(self.tujuan.index(wanted))
                return

    def action_gerak(self, arah: int) -> None:
        self.pindah(self.kursor + arah)

    def action_halaman(self, arah: int) -> None:
        self.pindah(self.kursor + arah * max(1, self.scrollable_content_region.height - 1))

    def action_ujung(self, arah: int) -> None:
        self.pindah(0 if arah < 0 else len(self.tujuan) - 1)

    def action_buka(self) -> None:
        tujuan = self.tujuan_kursor
        if tujuan is not None:
            self.post_message(self.Dibuka(tujuan))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self.tujuan):
            self.pindah(index)
            self.action_buka()

    # -- folding -------------------------------------------------------------------------------

    def lipat(self, bab: str, terlipat: bool) -> None:
        if (bab in self.terlipat) == terlipat:
            return
        current = self.tujuan_kursor
        (self.terlipat.add if terlipat else self.terlipat.discard)(bab)
        self._susun()
        self.tandai(Destination(bab) if current is None or current.bab == bab else current)

    def action_lipat(self) -> None:
        current = self.tujuan_kursor
        if current is not None:
            self.lipat(current.bab, current.bab not in self.terlipat)

    def action_kiri(self) -> None:
        current = self.tujuan_kursor
        if current is None:
            return
        if current.bagian is not None:
            self.tandai(Destination(current.bab))
        else:
            self.lipat(current.bab, True)

    def action_kanan(self) -> None:
        current = self.tujuan_kursor
        if current is not None and current.bagian is None:
            self.lipat(current.bab, False)
