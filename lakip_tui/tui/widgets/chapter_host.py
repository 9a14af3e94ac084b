"""A frame around one chapter's view, so a view that fails is replaced by an error panel while
the rest of the app (and every edit already made) carries on."""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.widget import Widget
from textual.widgets import Static

from ...chapter import Chapter


def placeholder_view(chapter: Chapter, project: Any, registry: Any, konteks_factory: Any) -> Widget:
    """Used only when lakip_tui.tui.chapter_view cannot be imported at all."""
    return Static(Text(f"{chapter.title}\n\nTampilan penyunting bab belum tersedia.",
                       style="italic"), classes="bab-placeholder")


def default_view_factory() -> Callable[..., Widget]:
    try:
        from ..chapter_view import ChapterView
    except ImportError:
        return placeholder_view
    return ChapterView


class ChapterHost(Container):
    """Holds the ChapterView of one chapter, or the error panel that replaced it."""

    DEFAULT_CSS = """
    ChapterHost { height: 1fr; width: 1fr; }
    ChapterHost > .bab-galat {
        border: round $error;
        padding: 1 2;
        margin: 1 2;
        height: auto;
    }
    """

    def __init__(self, chapter: Chapter, view: Widget | None, problem: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.chapter = chapter
        self.view = view
        self.problem = problem

    def compose(self) -> ComposeResult:
        if self.view is not None:
            yield self.view
        else:
            yield Static(self._error_text(), classes="bab-galat")

    def _error_text(self) -> Text:
        text = Text()
        text.append(f"{self.chapter.title} tidak dapat ditampilkan\n\n", style="bold")
        text.append(f"{self.problem}\n\n")
        plugin = f" (plugin '{self.chapter.plugin}')" if self.chapter.plugin else ""
        text.append(
            f"Tampilan bab ini{plugin} gagal dan dimatikan untuk sesi ini. Data bab ini tetap ada "
            "di berkas; perubahan di bab lain aman dan tetap bisa disimpan (Ctrl+S / F2). "
            "Pratinjau dan pemeriksaan tetap berjalan.", style="italic")
        return text

    async def gagal(self, problem: str) -> None:
        """Swap the view for the error panel."""
        self.problem = problem
        view, self.view = self.view, None
        if view is not None and view.is_attached:
            await view.remove()
        await self.mount(Static(self._error_text(), classes="bab-galat"))
