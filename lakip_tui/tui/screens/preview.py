"""The preview: the current chapter exactly as the export prints it (same sections, same order,
same Rich rendering), in a scrollable view."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker, WorkerState

from ...chapter import Chapter
from ..actions import bindings


def bagian_bab(chapter: Chapter, data: dict, registry: Any, konteks: Any) -> list:
    """The chapter's sections, through the export's own assembly (one code path)."""
    from ...export import chapter_sections

    return chapter_sections(chapter, data, registry, konteks)


def tata_bab(chapter: Chapter, sections: list) -> Any:
    """The chapter laid out by the text export's own functions: its heading and sections; the
    kata pengantar and lampiran parts, which the export moves elsewhere, are shown after a note."""
    from ...export import KATA_PENGANTAR, LAMPIRAN, BabLaporan
    from ...exporters.text import bab_renderables, section_renderables

    def catatan(teks: str) -> Text:
        return Text(teks, style="italic dim")

    pengantar = [s for s in sections if s.key == KATA_PENGANTAR]
    lampiran = [s for s in sections if s.key.startswith(LAMPIRAN)]
    isi = [s for s in sections if s not in pengantar and s not in lampiran]
    parts: list[Any] = []
    for section in pengantar:
        parts += [catatan("Dicetak sebelum daftar isi:"), Text("")]
        parts += list(section_renderables(section))
    if isi:
        parts += list(bab_renderables(BabLaporan(chapter.key, chapter.title.upper(), tuple(isi))))
    elif not sections:
        parts += [Text(chapter.title.upper(), style="bold"), Text(""),
                  catatan("Bab ini belum berisi apa pun untuk dicetak (bagiannya mungkin "
                          "dicetak di bab lain).")]
    for section in lampiran:
        parts += [catatan("Dicetak di LAMPIRAN:"), Text("")]
        parts += list(section_renderables(section))
    return Group(*parts)


class LayarPratinjau(Screen):
    BINDINGS = bindings("preview")
    DEFAULT_CSS = """
    LayarPratinjau #pratinjau-judul { dock: top; height: 1; background: $panel; padding: 0 1;
                                      text-style: bold; }
    LayarPratinjau #pratinjau-isi { padding: 0 2; }
    """

    def __init__(self, chapter: Chapter, data: dict, registry: Any, konteks: Any) -> None:
        super().__init__()
        self.chapter = chapter
        self.data = data  # a snapshot taken when the preview opened
        self.registry = registry
        self.konteks = konteks
        self.sections: list = []

    def compose(self) -> ComposeResult:
        yield Static(f"Pratinjau: {self.chapter.title}  (sama dengan hasil ekspor)",
                     id="pratinjau-judul")
        with VerticalScroll(id="pratinjau-gulung"):
            yield Static("Menyusun pratinjau…", id="pratinjau-isi")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#pratinjau-gulung").focus()
        self.run_worker(lambda: bagian_bab(self.chapter, self.data, self.registry, self.konteks),
                        thread=True, group="pratinjau", exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "pratinjau":
            return
        isi = self.query_one("#pratinjau-isi", Static)
        if event.state == WorkerState.SUCCESS:
            self.sections = list(event.worker.result or [])
            isi.update(tata_bab(self.chapter, self.sections))
        elif event.state == WorkerState.ERROR:
            isi.update(Text(f"Pratinjau gagal disusun: {event.worker.error}", style="bold red"))
