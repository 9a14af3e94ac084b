"""The form editor: one labelled field per Kolom of an Isian (scalar values of one table).

A Kolom.key may be dotted ("kepala.nama"): the value lives at Isian.path + ("kepala", "nama").
Typed text is parsed like a table cell; a refused value leaves the project as it was and the
message is shown under the form.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from lakip_tui.chapter import Isian, Kolom
from lakip_tui.errors import LakipError
from lakip_tui.paths import Path

from . import cells
from .kunci import BindingSeketika
from .lokasi import kolom_isian
from .messages import EditRefused
from .navigasi import ke_navigasi


class IsianInput(BindingSeketika, Input):
    """A text field that knows its column; focus leaving it commits the text."""

    BINDINGS = [
        Binding("escape", "ke_navigasi", "Ke navigasi", show=False, id="isian_ke_navigasi"),
    ]

    async def action_ke_navigasi(self) -> None:
        await ke_navigasi(self)  # the blur on the way commits the text

    def __init__(self, kolom: Kolom, path: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kolom = kolom
        self.path_nilai = path


class IsianPilihan(Select):
    def __init__(self, kolom: Kolom, path: Path, **kwargs: Any) -> None:
        super().__init__([(p, p) for p in kolom.pilihan], **kwargs)
        self.kolom = kolom
        self.path_nilai = path


class IsianHitung(Static):
    """A computed value: shown, never edited."""

    def __init__(self, kolom: Kolom, path: Path, **kwargs: Any) -> None:
        super().__init__("", markup=False, **kwargs)
        self.kolom = kolom
        self.path_nilai = path


class FormEditor(Vertical):
    DEFAULT_CSS = """
    FormEditor {
        height: auto;
        margin-bottom: 1;
    }
    FormEditor > .judul-isi {
        text-style: bold;
        color: $text-primary;
    }
    FormEditor > .baris-isian {
        height: auto;
    }
    FormEditor .label-isian {
        width: 24;
        padding-right: 1;
        color: $text-muted;
    }
    FormEditor .baris-isian > Input, FormEditor .baris-isian > Select {
        width: 1fr;
    }
    FormEditor .baris-isian > IsianHitung {
        width: 1fr;
        text-style: italic;
        color: $text-muted;
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
        self.fields: list[Widget] = [self._buat_field(kolom) for kolom in isian.kolom]
        self.pesan = Static("", classes="pesan", markup=False)
        self._unsubscribe: Callable[[], None] | None = None
        self._fokus_tertunda: int | None = None

    def _buat_field(self, kolom: Kolom) -> Widget:
        path = cells.path_nilai(self.isian.path, kolom)
        value = self.project.get(path)
        if kolom.computed:
            return IsianHitung(kolom, path)
        if kolom.jenis == "pilihan" and kolom.pilihan:
            start = value if value in kolom.pilihan else Select.NULL
            return IsianPilihan(kolom, path, value=start, allow_blank=True, compact=True,
                                prompt="(pilih)", tooltip=kolom.bantuan or None)
        return IsianInput(kolom, path, value=cells.teks_sunting(kolom, value), compact=True,
                          placeholder=kolom.bantuan, tooltip=kolom.bantuan or None)

    def compose(self) -> ComposeResult:
        yield Static(self.isian.judul, classes="judul-isi", markup=False)
        for kolom, field in zip(self.isian.kolom, self.fields):
            label = kolom.label + (" *" if kolom.wajib else "")
            with Horizontal(classes="baris-isian"):
                yield Label(label, classes="label-isian", markup=False)
                yield field
        yield self.pesan

    def on_mount(self) -> None:
        self._unsubscribe = self.project.subscribe(self._perubahan)
        self._segarkan_hitung()
        if self._fokus_tertunda is not None:
            self.fields[self._fokus_tertunda].focus()
            self._fokus_tertunda = None

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- committing --------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, IsianInput) and event.input in self.fields:
            event.stop()
            self._simpan(event.input, saat_keluar=False)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        widget = event.widget
        if isinstance(widget, IsianInput) and widget in self.fields:
            self._simpan(widget, saat_keluar=True)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        kolom = getattr(event.widget, "kolom", None)
        if kolom is not None and not self.pesan.has_class("galat"):
            self.pesan.update(kolom.bantuan)

    def on_select_changed(self, event: Select.Changed) -> None:
        select = event.select
        if not isinstance(select, IsianPilihan) or select not in self.fields:
            return
        event.stop()
        value = None if event.value is Select.NULL else event.value
        if value != self.project.get(select.path_nilai):
            self._set(select.kolom, select.path_nilai, value)

    def _simpan(self, field: IsianInput, *, saat_keluar: bool) -> bool:
        kolom, path = field.kolom, field.path_nilai
        lama = self.project.get(path)
        if field.value == cells.teks_sunting(kolom, lama):
            return True
        alasan = cells.pesan_tak_tersunting(kolom, lama)
        if alasan is not None:
            self._tolak(alasan, path)
            field.value = cells.teks_sunting(kolom, lama)
            return False
        try:
            value = cells.urai(kolom, field.value, lama)
        except LakipError as exc:
            self._tolak(exc.message, path)
            if saat_keluar:  # leaving the field: show again what is really stored
                field.value = cells.teks_sunting(kolom, lama)
            return False
        return self._set(kolom, path, value, field)

    def _set(self, kolom: Kolom, path: Path, value: Any, field: IsianInput | None = None) -> bool:
        try:
            self.project.set(path, value)
        except LakipError as exc:
            self._tolak(exc.message, path)
            return False
        self.pesan.update(f"{kolom.label} tersimpan.")
        self.pesan.remove_class("galat")
        if field is not None:
            # show the stored value the way it is written ("1500000" becomes "1.500.000")
            field.value = cells.teks_sunting(kolom, self.project.get(path))
        return True

    def _tolak(self, message: str, path: Path) -> None:
        self.pesan.update(message)
        self.pesan.add_class("galat")
        self.post_message(EditRefused(message, path))

    # -- project changes ---------------------------------------------------------------------------

    def _perubahan(self, change: Any) -> None:
        if change.kind == "save":
            return
        from_history = change.source in ("undo", "redo") or change.kind == "reload"
        for field in self.fields:
            if isinstance(field, IsianInput) and (from_history or not field.has_focus):
                text = cells.teks_sunting(field.kolom, self.project.get(field.path_nilai))
                if field.value != text:
                    field.value = text
            elif isinstance(field, IsianPilihan):
                value = self.project.get(field.path_nilai)
                wanted = value if value in field.kolom.pilihan else Select.NULL
                if field.value != wanted:
                    with field.prevent(Select.Changed):
                        field.value = wanted
        self._segarkan_hitung()

    def _segarkan_hitung(self) -> None:
        computed = [f for f in self.fields if isinstance(f, IsianHitung)]
        if not computed:
            return
        row = self.project.get(self.isian.path) or {}
        konteks = self.konteks_factory()
        for field in computed:
            try:
                text = field.kolom.hitung(row, konteks)
            except Exception as exc:  # a plugin's bug shows here, never takes the form down
                text = f"galat: {type(exc).__name__}"
            field.update("" if text is None else str(text))

    # -- for ChapterView ---------------------------------------------------------------------------

    def segarkan_hitungan(self) -> None:
        if self.is_mounted:
            self._segarkan_hitung()

    def fokus_ke(self, path: Path) -> None:
        index = kolom_isian(self.isian, path)
        if self.is_mounted:
            self.fields[index].focus()
        else:
            self._fokus_tertunda = index

    def teks_fokus(self, widget: Widget) -> str | None:
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, Select):
            return "" if widget.value is Select.NULL else str(widget.value)
        return None
