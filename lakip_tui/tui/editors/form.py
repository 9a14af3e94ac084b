"""The form editor: one line per Kolom of an Isian (scalar values of one table).

A Kolom.key may be dotted ("kepala.nama"): the value lives at Isian.path + ("kepala", "nama").

FormGrid draws every field with the Line API ("label *" in a muted column, then the value), so a
form is the same handful of widgets whatever its number of fields: the title, the grid, one
one-line editor laid over the value being edited, one choice list, the message line. A form sits
on the first screen (BAB I), and a widget per field made the first frame slow
(docs/performance.md). Editing works as in the table (cell_editing.py): Enter or a typed
character opens the editor; a refused value stays in it with the message under the form.
"""

from __future__ import annotations

from typing import Any, Callable

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from lakip_tui.chapter import Isian, Kolom
from lakip_tui.paths import Path

from ..actions import bindings
from ..drawing import TANDA_LUAP, css_kursor, pas
from . import cells
from .lokasi import kolom_isian
from .navigasi import ke_navigasi
from .cell_editing import CellInput, CellGrid, CellEditing, ChoiceList

LEBAR_LABEL = 24  # the label column, its last cell a space
KOSONG_PILIHAN = "(pilih)"

# The keys (actions.AKSI, scope "isian"): letters are values in a form, so any character typed
# on a field starts editing it; no command sits on a printable key.
BINDING_ISIAN = bindings("isian")


class FormGrid(CellGrid, Widget, can_focus=True):
    """The fields of one form, a line each; the cursor is a field."""

    COMPONENT_CLASSES = {
        "isian--label",
        "isian--label-kursor",
        "isian--kursor",
        "isian--hitung",
        "isian--kosong",
        "isian--galat",
    }

    DEFAULT_CSS = """
    FormGrid {
        height: auto;
        width: 1fr;
        & > .isian--label { color: $text-muted; }
        & > .isian--label-kursor { color: $text-accent; text-style: bold; }
        & > .isian--hitung { color: $text-muted; text-style: italic; }
        & > .isian--kosong { color: $text-muted; }
        & > .isian--galat { color: $text-error; }
    """ + css_kursor("isian--kursor") + """
    }
    """

    BINDINGS = BINDING_ISIAN

    def __init__(self, editor: "FormEditor") -> None:
        super().__init__()
        self.editor = editor
        self.kursor = 0
        # what each field shows, as (text, component class or ""); built when first drawn
        # and dropped when the project changes
        self._isi: list[tuple[str, str]] | None = None

    @property
    def kolom(self) -> tuple[Kolom, ...]:
        return self.editor.isian.kolom

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.kolom)

    # -- drawing -------------------------------------------------------------------------------

    def lupakan_isi(self) -> None:
        """The values changed: draw them again."""
        self._isi = None
        self.refresh()

    def isi(self, index: int) -> tuple[str, str]:
        if self._isi is None:
            self._isi = self.editor.isi_semua()
        return self._isi[index]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        kolom_all = self.kolom
        if not 0 <= y < len(kolom_all):
            return Strip.blank(width, base)
        kolom = kolom_all[y]
        text, jenis = self.isi(y)
        label_style = base + self.gaya("isian--label")
        value_style = base + self.gaya(jenis) if jenis else base
        if y == self.kursor and (self.has_focus or self.editor.sedang_menyunting):
            label_style += self.gaya("isian--label-kursor")
            value_style += self.gaya("isian--kursor")
        label = pas(kolom.label + (" *" if kolom.wajib else ""), LEBAR_LABEL - 1) + " "
        room = max(0, width - LEBAR_LABEL)
        if cells.rata_kanan(kolom) and cell_len(text) > room:
            value = TANDA_LUAP * room  # a number is never shown cut (it would read as another)
        else:
            value = pas(text, room)
        strip = Strip([Segment(label, label_style), Segment(value, value_style)])
        return strip.crop(0, width).extend_cell_length(width, base)

    def on_focus(self, event: events.Focus) -> None:
        self.refresh()  # the cursor is drawn only while the form is in use
        self.editor.kursor_berpindah()

    def on_blur(self, event: events.Blur) -> None:
        self.refresh()

    # -- cursor --------------------------------------------------------------------------------

    def pindah(self, index: int) -> None:
        count = len(self.kolom)
        if not count:
            return
        index = max(0, min(index, count - 1))
        before, self.kursor = self.kursor, index
        if before != index:
            width = self.size.width
            self.refresh(Region(0, before, width, 1), Region(0, index, width, 1))
        self.tampilkan_kursor()
        self.editor.kursor_berpindah()

    def tampilkan_kursor(self) -> None:
        """Scroll the section so that the cursor's line is on screen (a long form may not fit)."""
        container = next((w for w in self.ancestors if isinstance(w, ScrollableContainer)), None)
        if container is None or not self.size:
            return
        own = self.content_region
        line = Region(own.x, own.y + self.kursor, own.width, 1)
        window = container.scrollable_content_region
        virtual = line.translate(container.scroll_offset - window.offset)
        container.scroll_to_region(virtual, animate=False, immediate=True)

    def gerak_baris(self, arah: int) -> None:
        self.pindah(self.kursor + arah)

    def posisi_isian(self) -> tuple[int, int, int]:
        """(x, y, width) of the cursor's value inside this widget's content area."""
        return LEBAR_LABEL, self.kursor, self.size.width - LEBAR_LABEL

    # -- keys and mouse ------------------------------------------------------------------------

    def action_gerak(self, arah: int) -> None:
        self.gerak_baris(arah)

    def action_ujung(self, arah: int) -> None:
        self.pindah(0 if arah < 0 else len(self.kolom) - 1)

    def action_sunting(self) -> None:
        self.editor.mulai_sunting()

    def action_sunting_panjang(self) -> None:
        self.editor.mulai_sunting(panjang=True)

    async def action_ke_navigasi(self) -> None:
        await ke_navigasi(self)

    def action_kosongkan(self) -> None:
        self.editor.mulai_sunting(ketikan="")

    def mulai_dengan(self, character: str) -> bool:
        self.editor.mulai_sunting(ketikan=character, diketik=True)
        return True

    def on_click(self, event: events.Click) -> None:
        if 0 <= event.y < len(self.kolom):
            self.pindah(event.y)
            if event.chain >= 2:
                self.editor.mulai_sunting()


class FormEditor(CellEditing, Vertical):
    """Title, the fields (one FormGrid), the editor laid over a value, the message line."""

    DEFAULT_CSS = """
    FormEditor {
        height: auto;
        margin-bottom: 1;
        layers: dasar sunting;
    }
    FormEditor > .judul-isi {
        text-style: bold;
        color: $text-primary;
    }
    FormEditor > .pesan {
        height: auto;
        color: $text-muted;
    }
    FormEditor > .pesan.galat {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(self, isian: Isian, project: Any, konteks_factory: Callable[[], Any]) -> None:
        super().__init__()
        self.isian = isian
        self.project = project
        self.konteks_factory = konteks_factory
        self.grid = FormGrid(self)
        self.cell_input = CellInput(self, compact=True)
        self.pilihan = ChoiceList(self)
        self.pesan = Static("", classes="pesan", markup=False)
        self._unsubscribe: Callable[[], None] | None = None
        self._fokus_tertunda = False

    def compose(self) -> ComposeResult:
        yield Static(self.isian.judul, classes="judul-isi", markup=False)
        yield self.grid
        yield self.pesan

    def on_mount(self) -> None:
        self._unsubscribe = self.project.subscribe(self._perubahan)
        self.call_after_refresh(self.pasang_penyunting)  # the cell editor, after the first frame
        if self._fokus_tertunda:
            self._fokus_tertunda = False
            self.grid.focus()
            self.grid.call_after_refresh(self.grid.tampilkan_kursor)

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- what the fields show ------------------------------------------------------------------

    def path_isian(self, kolom: Kolom) -> Path:
        return cells.path_nilai(self.isian.path, kolom)

    def isi_semua(self) -> list[tuple[str, str]]:
        """(text, component class) of every field: computed ones from Kolom.hitung."""
        row = self.project.get(self.isian.path) or {}
        konteks = None
        result = []
        for kolom in self.isian.kolom:
            if kolom.computed:
                if konteks is None:
                    konteks = self.konteks_factory()
                try:
                    value = kolom.hitung(row, konteks)
                except Exception as exc:  # a plugin's bug shows here, never takes the form down
                    result.append((f"galat: {type(exc).__name__}", "isian--galat"))
                    continue
                result.append(("" if value is None else cells.teks_hitung(value), "isian--hitung"))
                continue
            text = cells.teks_sunting(kolom, cells.nilai_di(row, kolom))
            if not text and kolom.jenis == "pilihan" and kolom.pilihan:
                result.append((KOSONG_PILIHAN, "isian--kosong"))
            else:
                result.append((text, ""))
        return result

    def kursor_berpindah(self) -> None:
        """Under the form: the help text of the field under the cursor."""
        kolom = self.kolom_kursor()
        text = "" if kolom is None else kolom.bantuan
        if kolom is not None and kolom.computed:
            text = "Dihitung otomatis." + (f" {text}" if text else "")
        self.tampilkan_pesan(text)

    def kolom_kursor(self) -> Kolom | None:
        kolom = self.isian.kolom
        return kolom[self.grid.kursor] if 0 <= self.grid.kursor < len(kolom) else None

    # -- editing -------------------------------------------------------------------------------

    def mulai_sunting(self, ketikan: str | None = None, *, panjang: bool = False,
                      diketik: bool = False) -> None:
        """Open the editor on the cursor's field; `ketikan` (typed on the field, `diketik`)
        replaces its value. A pilihan field opens its list (on the first choice starting with
        a typed character), prose a window."""
        kolom = self.kolom_kursor()
        if kolom is None:
            return
        path = self.path_isian(kolom)
        self.buka_sunting(path, kolom, self.project.get(path), posisi=self.grid.posisi_isian,
                          judul=lambda: f"{kolom.label} ({self.isian.judul})",
                          ketikan=ketikan, panjang=panjang, diketik=diketik)

    # -- project changes -------------------------------------------------------------------------

    def _perubahan(self, change: Any) -> None:
        if change.kind != "save":
            self.grid.lupakan_isi()

    # -- for ChapterView ---------------------------------------------------------------------------

    def segarkan_hitungan(self) -> None:
        self.grid.lupakan_isi()

    def fokus_ke(self, path: Path) -> None:
        """Cursor on the field `path` points at, and the focus on the form."""
        self.grid.kursor = kolom_isian(self.isian, path)
        if self.is_mounted:
            self.grid.refresh()
            self.grid.focus()
            self.grid.call_after_refresh(self.grid.tampilkan_kursor)
            self.kursor_berpindah()
        else:
            self._fokus_tertunda = True

    def teks_fokus(self, widget: Widget) -> str | None:
        """The text being typed, else what the cursor's field holds (as shown)."""
        if self._sunting is not None and self.cell_input.display:
            return self.cell_input.value
        if self.kolom_kursor() is None:
            return None
        text, jenis = self.grid.isi(self.grid.kursor)
        return "" if jenis == "isian--kosong" else text
