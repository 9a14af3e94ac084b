"""The narrative editor: a TextArea for a Narasi (paragraphs, or one list item per line).

Typing does not touch the project; the text is written when the area loses focus or after a
short pause, and only when it means something different from what is stored, so one burst of
typing is one undo step and not one per key.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import ScrollableContainer, Vertical
from textual.timer import Timer
from textual.widgets import Static, TextArea

from lakip_tui.chapter import Narasi
from lakip_tui.clean import clean_text
from lakip_tui.errors import LakipError
from lakip_tui.paths import Path

from ..actions import bindings
from .bindings import ImmediateBindings
from .navigasi import ke_navigasi
from .lean_text import LeanTextArea

JEDA_SIMPAN = 1.0  # seconds of quiet before typed text is written to the project


def nilai_ke_teks(narasi: Narasi, value: Any) -> str:
    """The text the area shows, without the file's control characters (they would reach the
    terminal); it is written back only when the user changes it."""
    if value is None:
        return ""
    if narasi.daftar:
        items = value if isinstance(value, list) else [value]
        # an item is one line: a newline inside an item would split it in two on the way back
        return clean_text("\n".join(str(item).replace("\n", " ") for item in items))
    return clean_text(str(value))


def teks_ke_nilai(narasi: Narasi, text: str) -> Any:
    """None (leave the key out) for an empty text; a list of non-empty lines for a daftar."""
    if narasi.daftar:
        items = [line.strip() for line in text.splitlines()]
        return [item for item in items if item] or None
    text = text.rstrip()
    return text or None


def _terkait(a: Path, b: Path) -> bool:
    """Does a change at one path touch the value at the other?"""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _bukan_kunci_app(binding: Binding | tuple) -> bool:
    """TextArea binds f6 and f7 (select line, select all): they are the app's (redo, go to
    navigation), and F7 then a key replaced the whole text."""
    key = binding.key if isinstance(binding, Binding) else binding[0]
    return not set(key.split(",")) & {"f6", "f7"}


def binding_teks() -> list:
    """Textual's own bindings of TextArea (and of the scrolling container under it), except
    those on the app's F-keys: for a text area declared with inherit_bindings=False."""
    return [b for b in TextArea.BINDINGS if _bukan_kunci_app(b)] + [
        b for b in ScrollableContainer.BINDINGS
        if not set(b.key.split(",")) & {k for t in TextArea.BINDINGS for k in t.key.split(",")}
    ]


class NarrativeArea(LeanTextArea, ImmediateBindings, TextArea, inherit_bindings=False):
    """The text area; Escape writes the text and goes back to navigation. Textual's own
    bindings of TextArea (and of the scrolling container under it) are kept, except those on
    the app's F-keys."""

    BINDINGS = binding_teks() + bindings("narasi")

    async def action_ke_navigasi(self) -> None:
        editor = self.parent
        if isinstance(editor, NarrativeEditor):
            editor.simpan()
        await ke_navigasi(self)


class NarrativeEditor(Vertical):
    DEFAULT_CSS = """
    NarrativeEditor {
        height: auto;
    }
    NarrativeEditor > .judul-isi {
        text-style: bold;
        color: $text-primary;
    }
    NarrativeEditor > NarrativeArea {
        height: auto;
        min-height: 5;
        max-height: 20;
    }
    NarrativeEditor.tunggal {
        height: 1fr;
    }
    NarrativeEditor.tunggal > NarrativeArea {
        height: 1fr;
        max-height: 100%;
    }
    NarrativeEditor > .pesan {
        height: 1;
        color: $text-muted;
    }
    NarrativeEditor > .pesan.galat {
        color: $text-error;
    }
    """

    def __init__(self, narasi: Narasi, project: Any, *, tunggal: bool = False) -> None:
        super().__init__(classes="tunggal" if tunggal else "")
        self.narasi = narasi
        self.project = project
        # a list shows line numbers, so that a long item wrapped over lines still reads as one
        self.area = NarrativeArea(nilai_ke_teks(narasi, project.get(narasi.path)),
                               soft_wrap=True, tab_behavior="focus",
                               show_line_numbers=narasi.daftar)
        self.pesan = Static(self._petunjuk(), classes="pesan", markup=False)
        self._tersimpan = self.area.text  # the text that matches what the project holds
        self._timer: Timer | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._baris_tertunda: int | None = None
        self._fokus_tertunda = False

    def _petunjuk(self) -> str:
        if self.narasi.daftar:
            return "Satu butir per baris; tersimpan saat berpindah atau setelah jeda mengetik."
        return "Paragraf dipisah baris kosong; tersimpan saat berpindah atau setelah jeda mengetik."

    def compose(self) -> ComposeResult:
        yield Static(self.narasi.judul, classes="judul-isi", markup=False)
        yield self.area
        yield self.pesan

    def on_mount(self) -> None:
        self._unsubscribe = self.project.subscribe(self._perubahan)
        if self._fokus_tertunda:
            self._fokus_tertunda = False
            self._fokus(self._baris_tertunda)

    def on_unmount(self) -> None:
        # no commit here: an editor goes away when the app quits (after "buang" too) or the
        # file is reloaded; the app commits typed text first by moving the focus (blur)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- typing and committing -------------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.area.text != self._tersimpan:
            self._timer = self.set_timer(JEDA_SIMPAN, self.simpan)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.area:
            self.simpan()

    def simpan(self) -> bool:
        """Write the text to the project if it changed; True when something was written."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.area.text
        if text == self._tersimpan:
            return False
        value = teks_ke_nilai(self.narasi, text)
        self._tersimpan = text
        if value == self.project.get(self.narasi.path):
            return False
        try:
            self.project.set(self.narasi.path, value)
        except LakipError as exc:
            self.pesan.update(exc.message)
            self.pesan.add_class("galat")
            return False
        self.pesan.update(self._petunjuk())
        self.pesan.remove_class("galat")
        return True

    # -- project changes (undo, redo, reload) ----------------------------------------------------

    def _perubahan(self, change: Any) -> None:
        if change.kind == "save" or not (change.kind == "reload"
                                         or _terkait(change.path, self.narasi.path)):
            return
        stored = self.project.get(self.narasi.path)
        if teks_ke_nilai(self.narasi, self.area.text) == stored:
            self._tersimpan = self.area.text
            return
        text = nilai_ke_teks(self.narasi, stored)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._tersimpan = text
        self.area.load_text(text)

    # -- for ChapterView ---------------------------------------------------------------------------

    def segarkan_hitungan(self) -> None:
        """Narratives hold no computed values."""

    def fokus_ke(self, path: Path, baris: int | None = None) -> None:
        if self.is_mounted:
            self._fokus(baris)
        else:
            self._fokus_tertunda, self._baris_tertunda = True, baris

    def _fokus(self, baris: int | None) -> None:
        self.area.focus()
        if baris is not None:
            line = min(max(baris, 0), max(self.area.document.line_count - 1, 0))
            self.area.move_cursor((line, 0))

    def teks_fokus(self) -> str:
        return self.area.selected_text or self.area.text
