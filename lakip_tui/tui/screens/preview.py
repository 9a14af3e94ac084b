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
    """A chapter as printed: its heading, then its sections (the export's BabLaporan layout)."""
    if not sections:
        return Group(Text(chapter.title.upper(), style="bold"), Text(""),
                     Text("Bab ini belum berisi apa pun untuk dicetak "
                          "(bagiannya mungkin dicetak di bab lain).", style="italic"))
    return Group(Text(chapter.title.upper(), style="bold", justify="center"), Text(""), *sections)


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
