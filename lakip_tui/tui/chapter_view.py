"""ChapterView: the editing area of one chapter, built from Chapter.bagian or given by its plugin.

The app shows one Bagian at a time (show_bagian); each Bagian's editors are built the first
time it is shown. A plugin may hand over its own widget through `lakip_chapter_view`. Whatever
goes wrong while building a view stays in this chapter: an error panel names the plugin, the
plugin is switched off through the registry (so the findings panel shows it), and the app goes on.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import AwaitMount, Widget
from textual.widgets import Static

from lakip_tui.chapter import Bagian, Chapter, Isian, Narasi, Tabel
from lakip_tui.paths import Path

from .editors.lokasi import baris_narasi, cari_isi
from .editors.messages import EditRefused

# Each kind of editor is imported when a Bagian first needs it: the first screen shows one
# Bagian, and the table and narrative editors (with Textual's TextArea) cost ~8 ms to import.
if TYPE_CHECKING:
    from .editors.form import FormEditor
    from .editors.narrative import NarrativeEditor
    from .editors.table import TableEditor

    Editor = TableEditor | NarrativeEditor | FormEditor


def _id_aman(key: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", key)


class BagianView(VerticalScroll):
    """The editors of one Bagian, top to bottom; a lone table or narrative fills the height."""

    DEFAULT_CSS = """
    BagianView {
        height: 1fr;
        padding: 0 1;
    }
    BagianView > .judul-bagian {
        text-style: bold;
        background: $panel;
        width: 100%;
        padding: 0 1;
    }
    """

    def __init__(self, bagian: Bagian, project: Any, konteks_factory: Callable[[], Any]) -> None:
        super().__init__(id=f"bagian-{_id_aman(bagian.key)}")
        self.bagian = bagian
        tunggal = len(bagian.isi) == 1
        self.editors: list[Editor] = [
            self._buat_editor(isi, project, konteks_factory, tunggal) for isi in bagian.isi
        ]

    @staticmethod
    def _buat_editor(isi: Any, project: Any, konteks_factory: Callable[[], Any],
                     tunggal: bool) -> Editor:
        if isinstance(isi, Tabel):
            from .editors.table import TableEditor

            return TableEditor(isi, project, konteks_factory, tunggal=tunggal)
        if isinstance(isi, Narasi):
            from .editors.narrative import NarrativeEditor

            return NarrativeEditor(isi, project, tunggal=tunggal)
        if isinstance(isi, Isian):
            from .editors.form import FormEditor

            return FormEditor(isi, project, konteks_factory)
        raise TypeError(f"isi bagian tidak dikenal: {type(isi).__name__}")

    def compose(self) -> ComposeResult:
        yield Static(self.bagian.judul, classes="judul-bagian", markup=False)
        yield from self.editors


class ChapterError(Static):
    """The panel shown instead of a chapter whose view could not be built."""

    DEFAULT_CSS = """
    ChapterError {
        border: round $error;
        color: $text-error;
        padding: 1 2;
        margin: 1 2;
        height: auto;
    }
    """


class ChapterView(Widget):
    """The editing area of one chapter. See the module docstring."""

    EditRefused = EditRefused

    DEFAULT_CSS = """
    ChapterView {
        height: 1fr;
        width: 1fr;
    }
    """

    def __init__(self, chapter: Chapter, project: Any, registry: Any,
                 konteks_factory: Callable[[], Any], *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.chapter = chapter
        self.project = project
        self.registry = registry
        self.konteks_factory = konteks_factory
        self.plugin_view: Widget | None = None
        self.galat: str | None = None
        self._views: dict[str, BagianView] = {}
        self._aktif: str | None = None
        self._tertunda: str | None = None
        self._siap = False  # mounted (is_mounted is still False inside on_mount)
        self._lompat_tertunda: tuple[int, Path] | None = None  # jump_to before mounting

    # -- building ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.plugin_view = self._view_plugin()
        if self.galat is None and self.plugin_view is None:
            # the first Bagian is part of this compose, so that whoever awaits the mount of
            # this view can focus into its editors straight away
            first = self._bagian_awal()
            if first is None:
                yield Static("Bab ini tidak punya bagian yang dapat disunting.", markup=False)
            else:
                view = self._bangun(first)
                if view is not None:
                    self._views[first.key] = view
                    self._aktif = first.key
                    if self._lompat_tertunda is not None:
                        self._fokus_editor(view, *self._lompat_tertunda)
                        self._lompat_tertunda = None
                    yield view
        if self.galat is not None:
            yield ChapterError(self.galat, markup=False)
        elif self.plugin_view is not None:
            yield self.plugin_view

    def on_mount(self) -> None:
        self._siap = True
        if self._tertunda is not None:  # asked for between compose and now
            key, self._tertunda = self._tertunda, None
            self.show_bagian(key)

    def _bagian_awal(self) -> Bagian | None:
        wanted = self._tertunda
        self._tertunda = None
        bagian = self.chapter.bagian
        return next((b for b in bagian if b.key == wanted), bagian[0] if bagian else None)

    def _bangun(self, bagian: Bagian) -> BagianView | None:
        """The editors of one Bagian; a chapter whose declarations cannot be built is switched
        off here and shows the error panel."""
        try:
            return BagianView(bagian, self.project, self.konteks_factory)
        except Exception as exc:
            self._gagal(f"{type(exc).__name__}: {exc}")
            return None

    @property
    def nama_plugin(self) -> str:
        return self.chapter.plugin or "?"

    def _view_plugin(self) -> Widget | None:
        """The plugin's own widget, or None to build one from Chapter.bagian."""
        name = self.chapter.plugin
        if not name:
            return None
        info = self.registry.infos.get(name)
        try:
            konteks = self.konteks_factory()
            results = self.registry.call("lakip_chapter_view", only=name, chapter=self.chapter,
                                         project=self.project, konteks=konteks)
        except Exception as exc:
            self._gagal(f"{type(exc).__name__}: {exc}")
            return None
        failed = [f for f in self.registry.failures_of("lakip_chapter_view", self.chapter.key)
                  if f.plugin == name]
        if failed:  # registry.call caught it and said so; the view switches the plugin off
            self._gagal(failed[-1].message)
            return None
        if info is not None and info.status == "gagal":
            self._gagal(info.problem, sudah_dicatat=True)
            return None
        for _, widget in results:
            if not isinstance(widget, Widget):
                self._gagal("lakip_chapter_view tidak mengembalikan widget Textual "
                            f"({type(widget).__name__})")
                return None
            self._jaga_compose(widget)
            return widget
        return None

    def _jaga_compose(self, widget: Widget) -> None:
        """A plugin widget whose compose raises shows the error panel instead of ending the app."""
        original = widget.compose

        def compose() -> ComposeResult:
            try:
                yield from original()
            except Exception as exc:
                self._gagal(f"{type(exc).__name__}: {exc}")
                yield ChapterError(self.galat or "", markup=False)

        widget.compose = compose  # type: ignore[method-assign]

    def _gagal(self, problem: str, *, sudah_dicatat: bool = False) -> None:
        self.galat = (f"Bab ini gagal dimuat: {problem}\n\nPlugin: {self.nama_plugin}. "
                      "Bab lain tetap dapat disunting; masalahnya tercantum di daftar temuan.")
        if not sudah_dicatat and self.chapter.plugin:
            self.registry.disable(self.chapter.plugin, f"gagal membangun tampilan bab: {problem}")

    def _tampilkan_galat(self) -> None:
        for view in self._views.values():
            view.remove()
        self._views.clear()
        self.mount(ChapterError(self.galat or "", markup=False))

    # -- the interface the app uses ------------------------------------------------------------

    @property
    def bagian_aktif(self) -> str | None:
        return self._aktif

    def show_bagian(self, key: str) -> AwaitMount | None:
        """Show one Bagian (built on first use); unknown keys are ignored.

        When the Bagian had to be built, returns the mount to await before focusing into it
        (its editors exist only once the mount is done); otherwise None.
        """
        if self.plugin_view is not None:
            self._ke_plugin("show_bagian", key)
            return None
        if self.galat is not None:
            return None
        if not self._siap:
            self._tertunda = key
            return None
        bagian = next((b for b in self.chapter.bagian if b.key == key), None)
        if bagian is None:
            return None
        view = self._views.get(key)
        mounting = None
        if view is None:
            view = self._bangun(bagian)
            if view is None:
                self._tampilkan_galat()
                return None
            self._views[key] = view
            mounting = self.mount(view)
        for other_key, other in self._views.items():
            other.display = other_key == key
        self._aktif = key
        return mounting

    def jump_to(self, path: Path) -> bool:
        """Show the Bagian holding `path` and put the cursor on its row/cell or field."""
        path = tuple(path)
        if self.plugin_view is not None:
            return bool(self._ke_plugin("jump_to", path))
        if self.galat is not None:
            return False
        found = cari_isi(self.chapter.bagian, path)
        if found is None:
            return False
        bagian = self.chapter.bagian[found[0]]
        self.show_bagian(bagian.key)
        view = self._views.get(bagian.key)
        if view is None:
            if self._siap:
                return False  # the Bagian could not be built: the error panel says why
            self._lompat_tertunda = (found[1], path)  # done when compose builds it
            return True
        self._fokus_editor(view, found[1], path)
        return True

    @staticmethod
    def _fokus_editor(view: BagianView, index: int, path: Path) -> None:
        from .editors.narrative import NarrativeEditor

        editor = view.editors[index]
        if isinstance(editor, NarrativeEditor):
            editor.fokus_ke(path, baris_narasi(editor.narasi, path))
        else:
            editor.fokus_ke(path)

    def refresh_computed(self) -> None:
        if self.plugin_view is not None:
            self._ke_plugin("refresh_computed")
            return
        for view in self._views.values():
            for editor in view.editors:
                editor.segarkan_hitungan()

    def current_cell_text(self) -> str | None:
        if self.plugin_view is not None:
            return self._ke_plugin("current_cell_text")
        focused = self.screen.focused if self.is_mounted else None
        if focused is None:
            return None
        from .editors.form import FormEditor
        from .editors.narrative import NarrativeEditor
        from .editors.table import TableEditor

        # the nearest editor around the focus: a table's detail editors sit inside the table's
        for editor in (focused, *focused.ancestors):
            if isinstance(editor, TableEditor):
                return editor.teks_sel_kursor()
            if isinstance(editor, NarrativeEditor):
                return editor.teks_fokus()
            if isinstance(editor, FormEditor):
                return editor.teks_fokus(focused)
            if editor is self:
                break
        return None

    def _ke_plugin(self, method: str, *args: Any) -> Any:
        """Pass a call on to the plugin's widget, if it has that method; its errors stay here."""
        target = getattr(self.plugin_view, method, None)
        if not callable(target):
            return None
        try:
            return target(*args)
        except Exception as exc:
            self.notify(f"Plugin {self.nama_plugin}: {type(exc).__name__}: {exc}",
                        severity="error", title="Galat plugin")
            return None

    def editors(self) -> list[Editor]:
        """The editors built so far (of the Bagian shown at least once)."""
        return [editor for view in self._views.values() for editor in view.editors]
