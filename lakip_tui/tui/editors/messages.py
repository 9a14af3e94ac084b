"""Messages the editors post to the app (through ChapterView, which re-exports them)."""

from __future__ import annotations

from textual.message import Message

from lakip_tui.paths import Path


class EditRefused(Message, namespace="chapter_view"):
    """Typed text was refused (not a number, negative Rupiah, computed column...).

    Nothing was changed in the project; `message` is the Indonesian reason, `path` the cell.
    Handled as `on_chapter_view_edit_refused` / `@on(ChapterView.EditRefused)`.
    """

    def __init__(self, message: str, path: Path) -> None:
        super().__init__()
        self.message = message
        self.path = tuple(path)
