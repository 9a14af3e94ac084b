"""The preview: the current chapter exactly as the export prints it (same sections, same order,
same Rich rendering), in a scrollable view."""

from __future__ import annotations

from typing import Any

import io

from rich.console import Console, Group
from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from ...chapter import Chapter
from ..actions import bindings


def bagian_bab(chapter: Chapter, data: dict, registry: Any, konteks: Any) -> list:
    """The chapter's sections, through the export's own assembly (one code path)."""
    from ...export import chapter_sections

    return chapter_sections(chapter, data, registry, konteks)


def tata_bab(chapter: Chapter, sections: list, failures: list | tuple = ()) -> Any:
    """The chapter laid out by the text export's own functions: its heading and sections; the
    kata pengantar and lampiran parts, which the export moves elsewhere, are shown after a note.
    A plugin whose lakip_render raised for it is named first (`failures`: its messages): the
    preview never passes a missing part off as "nothing to print"."""
    from ...dokumen import BabLaporan
    from ...export import DEPAN, LAMPIRAN
    from ...exporters.text import chapter_renderables, section_renderables

    def catatan(teks: str) -> Text:
        return Text(teks, style="italic dim")

    pengantar = [s for s in sections if s.key in DEPAN]
    lampiran = [s for s in sections if s.key.startswith(LAMPIRAN)]
    isi = [s for s in sections if s not in pengantar and s not in lampiran]
    parts: list[Any] = []
    for message in failures:
        parts += [Text(f"Bagian yang hilang: {message}", style="bold red"), Text("")]
    for section in pengantar:
        parts += [catatan("Dicetak sebelum daftar isi:"), Text("")]
        parts += list(section_renderables(section))
    if isi:
        parts += list(chapter_renderables(BabLaporan(chapter.key, chapter.title.upper(),
                                                     tuple(isi))))
    elif not sections and not failures:
        parts += [Text(chapter.title.upper(), style="bold"), Text(""),
                  catatan("Bab ini belum berisi apa pun untuk dicetak (bagiannya mungkin "
                          "dicetak di bab lain).")]
    for section in lampiran:
        parts += [catatan("Dicetak di LAMPIRAN:"), Text("")]
        parts += list(section_renderables(section))
    return Group(*parts)


def garis(renderable: Any, width: int) -> list[Strip]:
    """Lay the renderable out at `width` into lines, off the main thread (a 20.000-row budget
    table takes seconds; the UI stays responsive meanwhile and scrolling is then instant)."""
    console = Console(width=width, file=io.StringIO(), color_system="truecolor",
                      force_terminal=True, legacy_windows=False, emoji=False, highlight=False)
    options = console.options.update_width(width)
    return [Strip(line) for line in console.render_lines(renderable, options, pad=False)]


class PreviewPage(ScrollView, can_focus=True):
    """Pre-rendered lines, drawn only where they are visible."""

    DEFAULT_CSS = """
    PreviewPage { height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.lines: list[Strip] = [Strip([Segment("Menyusun pratinjau…")])]
        self.lebar = 0

    def tampilkan(self, lines: list[Strip], lebar: int) -> None:
        self.lines = lines
        self.lebar = lebar
        self.virtual_size = Size(max((line.cell_length for line in lines), default=0), len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        style = self.rich_style
        if index >= len(self.lines):
            return Strip.blank(width, style)
        return self.lines[index].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)

    @property
    def teks(self) -> str:
        return "\n".join(line.text for line in self.lines)


class PreviewScreen(Screen):
    BINDINGS = bindings("preview")
    DEFAULT_CSS = """
    PreviewScreen #pratinjau-judul { dock: top; height: 1; background: $panel; padding: 0 1;
                                      text-style: bold; }
    PreviewScreen #pratinjau-isi { padding: 0 1; }
    """

    def __init__(self, chapter: Chapter, data: dict, registry: Any, konteks: Any) -> None:
        super().__init__()
        self.chapter = chapter
        self.data = data  # a snapshot taken when the preview opened
        self.registry = registry
        self.konteks = konteks
        self.sections: list | None = None

    def compose(self) -> ComposeResult:
        yield Static(f"Pratinjau: {self.chapter.title}  (sama dengan hasil ekspor)",
                     id="pratinjau-judul")
        yield PreviewPage(id="pratinjau-isi")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PreviewPage).focus()
        self.call_after_refresh(self._susun)

    def on_resize(self, event) -> None:
        halaman = self.query_one(PreviewPage)
        if self.sections is not None and halaman.lebar and halaman.lebar != self._lebar():
            self._susun()

    def _lebar(self) -> int:
        """The text width: the view less its padding and the vertical scrollbar (which a long
        chapter will show)."""
        halaman = self.query_one(PreviewPage)
        return max(40, halaman.size.width - halaman.styles.scrollbar_size_vertical)

    def _susun(self) -> None:
        lebar = self._lebar()

        def kerja() -> tuple[list, list[Strip], int]:
            sections = self.sections
            if sections is None:
                sections = bagian_bab(self.chapter, self.data, self.registry, self.konteks)
            failures = [f.message for f in
                        self.registry.failures_of("lakip_render", self.chapter.key)]
            return sections, garis(tata_bab(self.chapter, sections, failures), lebar), lebar

        self.run_worker(kerja, thread=True, group="pratinjau", exclusive=True,
                        exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "pratinjau":
            return
        halaman = self.query_one(PreviewPage)
        if event.state == WorkerState.SUCCESS:
            sections, lines, lebar = event.worker.result
            self.sections = list(sections)
            halaman.tampilkan(lines, lebar)
        elif event.state == WorkerState.ERROR:
            halaman.tampilkan([Strip([Segment(f"Pratinjau gagal disusun: {event.worker.error}")])],
                              halaman.lebar)
