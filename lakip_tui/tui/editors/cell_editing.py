"""Editing one value in place, shared by the table and the form editor.

Both draw their values with the Line API (one focusable grid widget) and lay a single one-line
editor (CellInput) or a choice list (ChoiceList) over the value being edited. What they share
lives here: the two overlay widgets, the grid's key handling (keys typed while the editor opens
or closes land where they were meant, textual#6605) and the steps of an edit (open, commit,
refuse in place, cancel, focus leaving, the window for prose).

An editor that takes `CellEditing` owns `grid`, `cell_input`, `pilihan`, `pesan` (a Static) and
`project`, and defines `kursor_berpindah()` (what the message line says about the cursor).
A grid that takes `CellGrid` has `editor` (that editor) and may define `mulai_dengan(character)`.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from rich.style import Style
from textual import events
from textual.reactive import reactive
from textual.widgets import Input, OptionList
from textual.widgets.input import Selection

from lakip_tui.chapter import Kolom
from lakip_tui.errors import LakipError
from lakip_tui.paths import Path

from ..actions import bindings
from ..drawing import QuietScrollbars
from . import cells
from .bindings import ImmediateBindings
from .messages import EditRefused

TEKS_PANJANG = 120  # a text value longer than this (or with a line break) opens in a window


class CellEdit(NamedTuple):
    """The value being edited: where it lives and the text the editor started from."""

    path: Path
    kolom: Kolom
    awal: str


class KeyReceiver:
    """Mixin for an overlay that never takes the focus (the cell editor, the choice list): the
    grid keeps it and hands over the keys while the overlay is open (CellGrid.on_key). A focus
    move repaints the grid (its cursor's :focus colours) and rebuilds the footer: 6 KB per open
    or close over a slow link (docs/performance.md). The overlay is drawn as focused while
    open (`has_focus`)."""

    async def tangani(self, event: events.Key) -> bool:
        """A key the grid handed over: run this overlay's binding for it (the user's key map
        applied), else `tangani_lain`. False when the key is neither's (the app's keys)."""
        peta = self._bindings.copy()  # type: ignore[attr-defined]
        keymap = self.app._keymap  # type: ignore[attr-defined]
        if keymap:
            peta.apply_keymap(keymap)
        for binding in peta.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)  # type: ignore[attr-defined]
            return True
        return await self.tangani_lain(event)

    async def tangani_lain(self, event: events.Key) -> bool:
        return False


class CellInput(KeyReceiver, Input, can_focus=False):
    """The one-line editor laid over the cell or field being edited (its host declares the
    layers "dasar sunting").

    It never takes the focus (KeyReceiver), and its cursor is steady: a blinking one repaints
    twice a second."""

    DEFAULT_CSS = """
    CellInput {
        position: absolute;
        layer: sunting;
        display: none;
        border: none;
        height: 1;
        padding: 0;
        background: $boost;
        color: $foreground;
        text-style: bold;
    }
    """

    # enter confirms here and now, not through Input.Submitted: a message arriving later could
    # land in the next cell's editor when typing ahead; up/down confirm and move, as in a
    # spreadsheet
    BINDINGS = bindings("sel")

    cursor_blink = reactive(False, init=False)

    def __init__(self, editor: "CellEditing", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.editor = editor

    def mulai(self) -> None:
        """Shown: drawn as focused, the value selected when it should be replaced."""
        self.has_focus = True
        if self.select_on_focus:
            self.selection = Selection(0, len(self.value))
        self.app.cursor_position = self.cursor_screen_offset

    async def tangani_lain(self, event: events.Key) -> bool:
        if event.is_printable:
            await self._on_key(event)  # Input's own: types the character
            return True
        return False

    def action_simpan(self) -> None:
        self.editor.simpan_sunting(self.value)

    async def action_submit(self) -> None:
        """Input's own Enter action (also what the app runs to commit before saving or
        quitting): the same immediate commit, never a Submitted message."""
        self.action_simpan()

    def action_batal(self) -> None:
        self.editor.batal_sunting()

    def action_simpan_pindah(self, arah: int) -> None:
        if self.editor.simpan_sunting(self.value):
            self.editor.grid.gerak_baris(arah)


class ChoiceList(KeyReceiver, QuietScrollbars, OptionList, can_focus=False):
    """The list a `pilihan` value is picked from, under the value; like the cell editor it
    never takes the focus (KeyReceiver)."""

    DEFAULT_CSS = """
    ChoiceList {
        position: absolute;
        overlay: screen;  /* drawn over everything: a short editor's own region would clip it */
        constrain: inside inside;
        display: none;
        width: auto;
        min-width: 20;
        max-height: 8;
    }
    """

    BINDINGS = bindings("pilihan")

    def __init__(self, editor: "CellEditing", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.editor = editor

    def action_pilih(self) -> None:
        """Enter: the highlighted choice is stored here and now, not through OptionSelected (a
        message handled later, after the keys typed next had gone to the closing list)."""
        index = self.highlighted
        if index is None:
            return
        self.editor.simpan_sunting(str(self.get_option_at_index(index).prompt))

    def action_batal(self) -> None:
        self.editor.batal_sunting()


class CellGrid(ImmediateBindings):
    """Mixin for a Line-API grid with a cell editor laid over it.

    Every key is handled in the order typed (see kunci.py): a burst such as "7", Enter, Down,
    "8", Enter must fill two cells, not one twice. Component styles are cached per name.
    """

    editor: "CellEditing"

    def mulai_dengan(self, character: str) -> bool:
        """A character typed on the grid (not one of its keys): start editing with it?
        True when it did. The grid decides which characters mean a value."""
        return False

    def gerak_baris(self, arah: int) -> None:
        """Move the cursor `arah` rows (after the cell editor committed with up or down)."""
        raise NotImplementedError

    def segarkan_kursor(self) -> None:
        """Draw again what shows the cursor (after the cell editor closed over it)."""
        self.refresh()  # type: ignore[attr-defined]

    async def on_key(self, event: events.Key) -> None:
        editor = self.editor
        if not editor.penyunting_terpasang:
            await editor.pasang_penyunting()  # a key that came before the overlays were there
        terbuka = editor.overlay_terbuka
        if terbuka is not None:
            # an edit is open: the keys are the cell editor's (or the choice list's), handled
            # in the order typed; the grid's own keys do nothing meanwhile, the app's (ctrl+z,
            # F-keys) go on up
            if await terbuka.tangani(event):
                return
            if self._bindings.key_to_bindings.get(event.key):
                event.stop()
                event.prevent_default()
            return
        if await self.jalankan_binding_sendiri(event):
            return
        # a printable character is a value, also one the app binds elsewhere ("?" is help in
        # the navigation): here it types, as in a spreadsheet
        if event.character is not None and event.is_printable and \
                self.mulai_dengan(event.character):
            event.stop()
            event.prevent_default()

    def on_paste(self, event: events.Paste) -> None:
        if self.editor.cell_input.display:
            self.editor.cell_input._on_paste(event)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        # a click elsewhere on the grid while a cell is edited: the edit ends as when focus
        # leaves it (the grid keeps the focus, so no blur says so)
        if self.editor.overlay_terbuka is not None:
            self.editor.sunting_kehilangan_fokus()

    def on_blur(self, event: events.Blur) -> None:
        if self.editor.overlay_terbuka is not None:
            self.editor.sunting_kehilangan_fokus()

    _gaya_cache: dict[str, Style] | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()  # type: ignore[misc]
        self._gaya_cache = None

    def gaya(self, name: str) -> Style:
        """A component's own style, to lay over a row's: only what the component declares,
        with colours blended (a partial style would show `$boost` as solid white)."""
        if self._gaya_cache is None:
            self._gaya_cache = {}
        cache = self._gaya_cache
        style = cache.get(name)
        if style is None:
            full = self.get_component_rich_style(name)  # type: ignore[attr-defined]
            own = self.get_component_rich_style(name, partial=True)  # type: ignore[attr-defined]
            style = Style(color=full.color if own.color else None,
                          bgcolor=full.bgcolor if own.bgcolor else None) + own.without_color
            cache[name] = style
        return style


class CellEditing:
    """Mixin for an editor widget: the steps of editing one value in place (see the module
    docstring for what the editor must own)."""

    grid: Any
    cell_input: CellInput
    pilihan: ChoiceList
    pesan: Any
    project: Any
    _sunting: CellEdit | None = None
    _menutup = False  # closing the cell editor moves focus; that blur is not a commit
    _pesan_kini: tuple[str, bool] = ("", False)

    def kursor_berpindah(self) -> None:
        raise NotImplementedError

    # -- the overlays -----------------------------------------------------------------------

    _pemasangan: Any = None

    def pasang_penyunting(self) -> Any:
        """Mount the cell editor and the choice list; the mount to await. Both stay hidden
        until an edit, and an Input is one of the dearest widgets to mount, so an editor mounts
        them after its first frame (about 6 ms of the first screen); whatever needs them
        sooner awaits this."""
        if self._pemasangan is None:
            # first among the editor's children: Textual orders what it draws by the place of
            # each shown child counted from the last, so showing an overlay mounted last
            # renumbered every sibling and repainted the whole editor (3,7 KB per open or
            # close over a slow link); mounted first, only the overlay's own cells are drawn
            self._pemasangan = self.mount(self.cell_input, self.pilihan,  # type: ignore
                                          before=0)
        return self._pemasangan

    @property
    def overlay_terbuka(self) -> KeyReceiver | None:
        """The cell editor or the choice list while one is open (it gets the grid's keys)."""
        if self.cell_input.display:
            return self.cell_input
        if self.pilihan.display:
            return self.pilihan
        return None

    @property
    def penyunting_terpasang(self) -> bool:
        return self.cell_input.is_mounted and self.pilihan.is_mounted

    # -- the message line -------------------------------------------------------------------

    def tampilkan_pesan(self, text: str, *, galat: bool = False) -> None:
        # updating a Static lays the screen out again: skip it when nothing changes, as on
        # most cursor moves, and when the line's height is fixed (the table's), draw only it
        if (text, galat) == self._pesan_kini:
            return
        self._pesan_kini = (text, galat)
        tinggi = self.pesan.styles.height
        self.pesan.update(text, layout=tinggi is None or not tinggi.is_cells)
        self.pesan.set_class(galat, "galat")

    def _tolak(self, message: str, path: Path) -> None:
        self.tampilkan_pesan(message, galat=True)
        self.post_message(EditRefused(message, path))  # type: ignore[attr-defined]

    # -- opening ----------------------------------------------------------------------------

    def alasan_tak_tersunting(self, kolom: Kolom, value: Any) -> str | None:
        """Why the value under the cursor cannot be edited, or None when it can."""
        if kolom.computed:
            return f"Kolom {kolom.label} dihitung otomatis dan tidak dapat disunting."
        if getattr(self.project, "read_only", False):
            return "Berkas dibuka hanya-baca; tidak ada yang dapat diubah."
        return cells.pesan_tak_tersunting(kolom, value)

    def buka_sunting(self, path: Path, kolom: Kolom, value: Any, *,
                     posisi: Callable[[], tuple[int, int, int]], judul: Callable[[], str],
                     ketikan: str | None = None, panjang: bool = False,
                     diketik: bool = False) -> None:
        """Open the editor for `value` (stored at `path`): the one-line editor at `posisi()`
        ((x, y, width) inside the grid's content area), the choice list under it for a
        pilihan, or a window titled `judul()` for prose (a line break, long text) and when
        `panjang`. `ketikan` (typed on the grid) replaces the value, as in a spreadsheet."""
        if not self.penyunting_terpasang:  # asked before they were mounted (a click, a command)
            async def buka_setelah_terpasang() -> None:
                await self.pasang_penyunting()
                self.buka_sunting(path, kolom, value, posisi=posisi, judul=judul,
                                  ketikan=ketikan, panjang=panjang, diketik=diketik)

            self.call_later(buka_setelah_terpasang)  # type: ignore[attr-defined]
            return
        if diketik:
            # a character typed on a cell that cannot take it: say why under the table, once
            # per key and without a notification each (a word typed there is many keys)
            alasan = self.alasan_tak_tersunting(kolom, value)
            if alasan is not None:
                self.tampilkan_pesan(alasan, galat=True)
                return
        if kolom.computed:
            self._tolak(f"Kolom {kolom.label} dihitung otomatis dan tidak dapat disunting.", path)
            return
        alasan = cells.pesan_tak_tersunting(kolom, value)
        if alasan is not None:
            self._tolak(alasan, path)
            return
        text = cells.teks_sunting(kolom, value)
        if kolom.jenis == "teks" and ketikan is None and not isinstance(value, list) and (
                panjang or "\n" in text or len(text) > TEKS_PANJANG):
            self._sunting_panjang(CellEdit(path, kolom, text), judul())
            return
        self._sunting = CellEdit(path, kolom, text)
        x, y, width = posisi()
        offset = self.grid.content_region.offset - self.content_region.offset  # type: ignore
        if kolom.jenis == "pilihan" and kolom.pilihan and not isinstance(value, list):
            self._buka_pilihan(kolom, value, offset.x + x, offset.y + y + 1, awal=ketikan)
            return
        editor = self.cell_input
        editor.value = text if ketikan is None else ketikan
        # the value starts selected, so typing replaces it; after a typed character, it goes on
        editor.select_on_focus = ketikan is None
        editor.styles.width = max(width, 12)
        editor.styles.offset = (offset.x + x, offset.y + y)
        editor.display = True
        editor.cursor_position = len(editor.value)
        if self.screen.focused is not self.grid:  # type: ignore[attr-defined]
            self._fokus_langsung(self.grid)  # opened by a command or a click: keys to the grid
        editor.mulai()

    def _sunting_panjang(self, sunting: CellEdit, judul: str) -> None:
        from .long_text import LongTextScreen  # TextArea: not needed for the first frame

        def selesai(text: str | None) -> None:
            self.grid.focus()
            if text is None or text == sunting.awal:
                return
            try:
                value = cells.urai(sunting.kolom, text, self.project.get(sunting.path))
                self.project.set(sunting.path, value)
            except LakipError as exc:
                self._tolak(exc.message, sunting.path)

        self.app.push_screen(LongTextScreen(judul, sunting.awal), selesai)  # type: ignore

    def _buka_pilihan(self, kolom: Kolom, value: Any, x: int, y: int,
                      awal: str | None = None) -> None:
        """The list, on the stored value; a character typed on the cell (`awal`) goes to the
        first choice that starts with it."""
        listing = self.pilihan
        listing.clear_options()
        listing.add_options(kolom.pilihan)
        cocok = [i for i, option in enumerate(kolom.pilihan)
                 if awal and option.casefold().startswith(awal.casefold())]
        if cocok:
            listing.highlighted = cocok[0]
        elif value in kolom.pilihan:
            listing.highlighted = kolom.pilihan.index(value)
        else:
            listing.highlighted = 0
        listing.styles.offset = (x, y)
        listing.display = True
        if self.screen.focused is not self.grid:  # type: ignore[attr-defined]
            self._fokus_langsung(self.grid)
        listing.has_focus = True  # drawn as focused; the grid hands it the keys

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self.pilihan or self._sunting is None:
            return
        event.stop()
        self.simpan_sunting(str(event.option.prompt))

    # -- closing ----------------------------------------------------------------------------

    def simpan_sunting(self, text: str) -> bool:
        """Store the typed text; on refusal the editor stays open with the text and a message."""
        sunting = self._sunting
        if sunting is None:
            return False
        if text == sunting.awal:
            self._tutup_sunting()
            return True
        lama = self.project.get(sunting.path)
        try:
            value = cells.urai(sunting.kolom, text, lama)
            self.project.set(sunting.path, value)
        except LakipError as exc:
            self._tolak(exc.message, sunting.path)
            return False
        self._tutup_sunting()
        self.kursor_berpindah()
        return True

    def batal_sunting(self) -> None:
        if self._sunting is not None:
            self._tutup_sunting()
            self.kursor_berpindah()

    def sunting_kehilangan_fokus(self) -> None:
        """Focus left the cell editor (a click elsewhere): keep a valid value, drop an invalid one."""
        if self._menutup or self._sunting is None:
            return
        if self.pilihan.display:
            self._tutup_sunting(fokus=False)
            return
        if not self.simpan_sunting(self.cell_input.value):
            self._tutup_sunting(fokus=False)

    def _tutup_sunting(self, *, fokus: bool = True) -> None:
        self._sunting = None
        self._menutup = True
        try:
            self.cell_input.display = False
            self.cell_input.has_focus = False
            self.pilihan.display = False
            self.pilihan.has_focus = False
            if fokus:
                self._fokus_langsung(self.grid)
        finally:
            self._menutup = False
        self.grid.segarkan_kursor()

    def _fokus_langsung(self, widget: Any) -> None:
        """Focus now, not after the queue (as widget.focus() does): keys typed quickly after
        the one that opened or closed the cell editor must reach the right widget."""
        try:
            self.screen.set_focus(widget)  # type: ignore[attr-defined]
        except Exception:  # not on a screen (yet): the ordinary, deferred way
            widget.focus()

    @property
    def sedang_menyunting(self) -> bool:
        return self._sunting is not None
