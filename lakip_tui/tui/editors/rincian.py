"""The detail editors of a table row (Tabel.rincian), shown under the table.

A row may hold what does not fit in a cell: the list of a unit's fungsi, the targets of an
indicator per Renstra year. The table declares narratives and forms with paths relative to the
row; this panel builds them, with absolute paths, for the row under the cursor. They are the
ordinary narrative and form editors, so every edit goes through the Project edit API (undo,
redo and change events work as anywhere else).

Moving the cursor only compares the row's path with the one shown; the editors are rebuilt
after the cursor has rested on another row for a moment, never on every key.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Static

from lakip_tui.chapter import Isian, Narasi
from lakip_tui.paths import Path

from .cells import kunci_path
from .form import FormEditor
from .lokasi import baris_narasi
from .narrative import NarrativeEditor

if TYPE_CHECKING:
    from .table import TableEditor

JEDA_RINCIAN = 0.15  # seconds the cursor rests on a row before its details are built

RincianEditor = NarrativeEditor | FormEditor
RowKey = tuple[Path, int]  # (row path, level) of the row whose details are shown


def mutlak(isi: Narasi | Isian, row_path: Path) -> Narasi | Isian:
    """A rincian declaration with its path made absolute for one row."""
    return replace(isi, path=(*row_path, *isi.path))


def cocok(isi: Narasi | Isian, path: Path) -> int:
    """How much of `path` the (absolute) rincian `isi` holds: 0 for nothing, else the length
    of the matched part, so the most specific of several wins."""
    if isinstance(isi, Narasi):
        return len(isi.path) if path[: len(isi.path)] == isi.path else 0
    best = 0
    for kolom in isi.kolom:
        field = (*isi.path, *kunci_path(kolom.key))
        if path[: len(field)] == field:
            best = max(best, len(field))
    return best


class RincianPanel(Vertical):
    """Under a table: the detail editors of the row under its cursor."""

    DEFAULT_CSS = """
    RincianPanel {
        height: auto;
        border-top: solid $foreground 20%;
    }
    RincianPanel.kosong {
        display: none;
    }
    RincianPanel > .judul-rincian {
        text-style: bold;
        color: $text-accent;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    RincianPanel NarrativeEditor > NarrativeArea {
        min-height: 4;
        max-height: 12;
    }
    RincianPanel FormEditor {
        margin-bottom: 0;
    }
    """

    def __init__(self, editor: "TableEditor", project: Any,
                 konteks_factory: Callable[[], Any]) -> None:
        super().__init__(classes="kosong")
        self.editor = editor
        self.project = project
        self.konteks_factory = konteks_factory
        self.judul = Static("", classes="judul-rincian", markup=False)
        self.editors: list[RincianEditor] = []
        self.row_key: RowKey | None = None  # the row shown now
        self._diminta: RowKey | None = None  # the row the cursor is on
        self._timer: Timer | None = None
        self.jumlah_bangun = 0  # how often the editors were built (tests see the debounce)

    def compose(self) -> ComposeResult:
        yield self.judul

    def on_unmount(self) -> None:
        self._hentikan_timer()

    # -- following the cursor ----------------------------------------------------------------

    def _kunci_kursor(self) -> RowKey | None:
        model = self.editor.model
        baris = model.baris_kursor
        if baris is None or not model.levels[baris.tingkat].rincian:
            return None
        return baris.path, baris.tingkat

    def ikuti(self, *, segera: bool = False) -> AwaitMount | None:
        """The cursor moved (or the rows changed): show the details of its row, after a
        short rest unless `segera`. Same row as shown: nothing happens."""
        wanted = self._kunci_kursor()
        if not segera and wanted == self._diminta:
            return None
        self._diminta = wanted
        self._hentikan_timer()
        if wanted == self.row_key and (self.editors or wanted is None):
            return None
        if segera or not self.is_mounted:
            return self.bangun()
        self._timer = self.set_timer(JEDA_RINCIAN, self.bangun)
        return None

    def _hentikan_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def bangun(self) -> AwaitMount | None:
        """Replace the editors by those of the row under the cursor now."""
        self._hentikan_timer()
        wanted = self._kunci_kursor()
        self._diminta = wanted
        if wanted == self.row_key and (self.editors or wanted is None):
            return None
        for old in self.editors:
            if isinstance(old, NarrativeEditor):
                old.simpan()  # text typed but not yet written belongs to the row it was typed for
            old.remove()
        self.editors = []
        self.row_key = wanted
        if wanted is None:
            self.judul.update("")
            self.add_class("kosong")
            return None
        baris = self.editor.model.baris_kursor
        level = self.editor.model.levels[wanted[1]]
        self.editors = [self._buat(mutlak(isi, wanted[0])) for isi in level.rincian]
        self.judul.update(f"Rincian (Tab) {self.editor.nama_baris(baris)}")
        self.remove_class("kosong")
        self.jumlah_bangun += 1
        return self.mount_all(self.editors)

    def perbarui_judul(self) -> None:
        """A value of the row shown changed (its kode, its name): say its new name."""
        baris = self.editor.model.baris_kursor
        if self.row_key is not None and baris is not None and \
                (baris.path, baris.tingkat) == self.row_key:
            self.judul.update(f"Rincian (Tab) {self.editor.nama_baris(baris)}")

    def _buat(self, isi: Narasi | Isian) -> RincianEditor:
        if isinstance(isi, Narasi):
            return NarrativeEditor(isi, self.project)
        if isinstance(isi, Isian):
            return FormEditor(isi, self.project, self.konteks_factory)
        raise TypeError(f"rincian tidak dikenal: {type(isi).__name__}")

    # -- for the table editor ----------------------------------------------------------------

    def isi_untuk(self, path: Path) -> RincianEditor | None:
        """The editor (of the row shown) that holds `path`, if any."""
        best, best_len = None, 0
        for editor in self.editors:
            isi = editor.narasi if isinstance(editor, NarrativeEditor) else editor.isian
            length = cocok(isi, path)
            if length > best_len:
                best, best_len = editor, length
        return best

    def fokus_ke(self, path: Path) -> bool:
        """Build the details of the cursor row now and focus the editor holding `path`."""
        self.bangun()
        editor = self.isi_untuk(path)
        if editor is None:
            return False
        if isinstance(editor, NarrativeEditor):
            editor.fokus_ke(path, baris_narasi(editor.narasi, path))
        else:
            editor.fokus_ke(path)
        return True

    def segarkan_hitungan(self) -> None:
        for editor in self.editors:
            editor.segarkan_hitungan()
