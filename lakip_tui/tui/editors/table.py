"""The table editor: a virtualized grid for a (nested) Tabel, edited cell by cell.

TableGrid draws with the Line API: render_line renders only the rows on screen, so 20,000 rows
cost no more to show than 20. Column widths come from Kolom.lebar or a small sample of rows.
Every edit goes through the Project edit API (set / insert / delete / move), so undo, redo and
change events work; the grid listens to the project and rebuilds its row index only when the
structure changed, otherwise it only repaints.
"""

from __future__ import annotations

from typing import Any, Callable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from lakip_tui.chapter import Tabel
from lakip_tui.errors import LakipError
from lakip_tui.paths import Path

from ..actions import bindings
from ..keymap import tombol_aksi
from ..drawing import QuietScrollbars, css_kursor, pas, pas_angka, rentang_beda
from . import cells
from .confirm import ConfirmScreen
from .lokasi import kunci_rincian
from .navigasi import ke_navigasi
from .rincian import RincianPanel
from .cell_editing import CellInput, CellGrid, CellEditing, ChoiceList
from .table_model import TableRow, TableModel
from .tata_kolom import PEMISAH_LEBAR, bagi_lebar, kolom_tampak, pertama_untuk

PEMISAH = "│"
LEBAR_MAKS_TEKS = 40  # a text column starts at most this wide; spare room widens it further
LEBAR_KUNCI = 24  # the first column (it stays put) starts at most this wide
LEBAR_MAKS_LABEL = 24  # a header longer than this may be cut (the line under the table has it)
LEBAR_ALAMI_MAKS = 400  # spare room widens a text column up to its content, at most this
LEBAR_TEKS_PENDEK = 12  # a text this short is shown whole ("1 indikator"), whatever Kolom.lebar
_LEBAR_HITUNG = {"rupiah": 15, "persen": 10, "desimal": 10, "bilangan": 10, "angka": 10}
SAMPEL = 40  # rows looked at to guess a column's width when Kolom.lebar is not set


# The keys (actions.AKSI, scope "tabel"): a table is a spreadsheet, printable keys type.
BINDING_GRID = bindings("tabel")


class TableGrid(QuietScrollbars, CellGrid, ScrollView, can_focus=True):
    """The rows of one table, drawn line by line; the cursor is a cell.

    The first column (the row's key) stays put; the others scroll sideways by whole columns
    (tata_kolom.py), so the grid never scrolls by characters and no column is cut on the left.
    A nested table whose levels name their columns differently (sasaran / indikator) gets one
    header line per level, so every cell sits under the name of its own column.
    """

    COMPONENT_CLASSES = {
        "tabel--kepala",
        "tabel--kepala-kursor",
        "tabel--kepala-lain",
        "tabel--kursor",
        "tabel--baris-kursor",
        "tabel--induk",
        "tabel--hitung",
        "tabel--galat",
        "tabel--pemisah",
        "tabel--petunjuk",
    }

    DEFAULT_CSS = """
    TableGrid {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 16;
        overflow-x: hidden;
        & > .tabel--kepala { text-style: bold; background: $panel; }
        & > .tabel--kepala-kursor { text-style: bold; background: $panel; color: $accent; }
        & > .tabel--kepala-lain { text-style: not bold; color: $text-muted; }
        & > .tabel--baris-kursor { background: $boost; }
        & > .tabel--induk { text-style: bold; }
        & > .tabel--hitung { color: $text-muted; text-style: italic; }
        & > .tabel--galat { color: $text-error; }
        & > .tabel--pemisah { color: $foreground 30%; }
        & > .tabel--petunjuk { color: $text-muted; }
    """ + css_kursor("tabel--kursor") + """
    }
    """

    BINDINGS = BINDING_GRID

    def __init__(self, model: TableModel, editor: "TableEditor", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.model = model
        self.editor = editor
        self._ukuran: tuple[list[int], list[int]] | None = None  # (dasar, alami) per column
        self._lebar: list[int] | None = None  # widths laid out for the current widget width
        self._lebar_untuk = -1  # the width they were laid out for
        self._perlu: dict[int, int] = {}  # column -> width a drawn number needed
        self._lebarkan_tertunda = False
        self._diukur_kosong = False
        self._pertama = 1  # the first scrolling column on screen
        self._lebar_awalan = 2 * len(model.levels) if len(model.levels) > 1 else 0
        self._kepala = self._susun_kepala()
        self.jumlah_render_baris = 0  # render_line calls, so tests can see the grid is virtual
        self._tergambar: dict[int, tuple[int, Strip]] = {}  # line -> (scroll y, strip drawn)

    # -- header lines --------------------------------------------------------------------------

    def _susun_kepala(self) -> list[int]:
        """The level each header line names: one line per distinct set of column labels."""
        lines: list[int] = []
        seen: list[tuple[str, ...]] = []
        for tingkat, level in enumerate(self.model.levels):
            labels = tuple(kolom.label for kolom in level.kolom)
            if labels not in seen:
                seen.append(labels)
                lines.append(tingkat)
        return lines

    @property
    def tinggi_kepala(self) -> int:
        return len(self._kepala)

    def baris_kepala_tingkat(self, tingkat: int) -> int:
        """The header line that names the columns of rows at `tingkat`."""
        labels = tuple(k.label for k in self.model.levels[tingkat].kolom)
        for line, level in enumerate(self._kepala):
            if tuple(k.label for k in self.model.levels[level].kolom) == labels:
                return line
        return 0

    # -- geometry ------------------------------------------------------------------------------

    @property
    def lebar_kolom(self) -> list[int]:
        """Text width of each column, for the widget's present width."""
        ruang = self.scrollable_content_region.width - self._lebar_awalan - 2
        if self._lebar is None or self._lebar_untuk != ruang:
            dasar, alami = self._ukur()
            self._lebar = bagi_lebar(dasar, alami, ruang + PEMISAH_LEBAR) if ruang > 0 else dasar
            self._lebar_untuk = ruang
        return self._lebar

    def _ukur(self) -> tuple[list[int], list[int]]:
        if self._ukuran is None:
            self._ukuran = self._ukur_kolom()
        return self._ukuran

    def _ukur_kolom(self) -> tuple[list[int], list[int]]:
        """(dasar, alami) of each column: the width it starts with (Kolom.lebar, else a guess
        from a sample of rows, capped) and the width its content would like. Neither is under
        the column's header nor under its widest number: those are never cut."""
        model = self.model
        rows = model.rows
        self._diukur_kosong = not rows
        step = max(1, len(rows) // SAMPEL)
        sample = rows[:SAMPEL] + rows[SAMPEL::step][:SAMPEL]
        dasar, alami = [], []
        for index in range(model.jumlah_kolom):
            kolom_all = [lvl.kolom[index] for lvl in model.levels if index < len(lvl.kolom)]
            label = max(cell_len(k.label) for k in kolom_all)
            given = max((k.lebar for k in kolom_all if k.lebar), default=0)
            teks = angka = 0
            for baris in sample:
                kolom = model.kolom_di(baris, index)
                if kolom is None:
                    continue
                if kolom.computed:
                    # computed only for the rows drawn (a big table stays cheap): a guess by
                    # kind, and a computed number too wide widens its column when drawn
                    angka_ = cells.rata_kanan(kolom)
                    lebar = given if given and angka_ else _LEBAR_HITUNG.get(kolom.jenis, 12)
                else:
                    text = cells.teks_tampil(kolom, cells.nilai_di(baris.row, kolom))
                    lebar = cell_len(text.replace("\n", " "))
                if cells.rata_kanan(kolom):
                    angka = max(angka, lebar)
                else:
                    teks = max(teks, lebar)
            angka = max(angka, self._perlu.get(index, 0))
            minimum = max(3, min(label, LEBAR_MAKS_LABEL), angka)
            cap = LEBAR_KUNCI if index == 0 else LEBAR_MAKS_TEKS
            # Kolom.lebar is where a column starts, but a short text is never cut
            awal = max(given, min(teks, LEBAR_TEKS_PENDEK)) if given else min(max(teks, label), cap)
            dasar.append(max(awal, minimum))
            alami.append(max(minimum, min(max(teks, label), LEBAR_ALAMI_MAKS)))
        return dasar, alami

    @property
    def lebar_tetap(self) -> int:
        """Width of the first column, which stays put while the others scroll sideways."""
        return self.lebar_kolom[0] + self._lebar_awalan + 2

    @property
    def ruang_geser(self) -> int:
        """Cells left for the scrolling columns."""
        return max(0, self.scrollable_content_region.width - self.lebar_tetap)

    def kolom_tampak(self) -> list[tuple[int, int, int]]:
        """(column, x after the key column, width) of the scrolling columns on screen."""
        return kolom_tampak(self.lebar_kolom, self._pertama, self.ruang_geser)

    def lebar_tampak(self, kolom: int) -> int:
        """Cells the text of `kolom` gets on screen now (0 when it is off screen)."""
        if kolom == 0:
            return self.lebar_kolom[0]
        for index, _, width in self.kolom_tampak():
            if index == kolom:
                return max(0, width - PEMISAH_LEBAR)
        return 0

    def perbarui_ukuran(self) -> None:
        """Set the virtual size from the row count; called when the structure changed."""
        if self._ukuran is not None and self._diukur_kosong and self.model.rows:
            self._ukuran = None  # widths guessed from labels alone: guess again from the rows
            self._lebar = None
        self.virtual_size = Size(0, len(self.model.rows) + self.tinggi_kepala)

    @property
    def tinggi_data(self) -> int:
        """How many data rows fit (the header takes the first lines)."""
        return max(1, self.scrollable_content_region.height - self.tinggi_kepala)

    def _lebarkan(self) -> None:
        """A number drawn did not fit its column: measure again, so the column widens."""
        self._lebarkan_tertunda = False
        self._ukuran = None
        self._lebar = None
        self.tampilkan_kursor()
        self.refresh()
        self.editor.kursor_berpindah()

    # -- lifecycle -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.perbarui_ukuran()

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.tampilkan_kursor)

    # -- rendering -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        self.jumlah_render_baris += 1
        strip = self._gambar_baris(y)
        self._tergambar[y] = (self.scroll_offset.y, strip)
        return strip

    def _gambar_baris(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        kepala = self.tinggi_kepala
        if y < kepala:
            return self._strip_kepala(y, width)
        index = self.scroll_offset.y + y - kepala
        rows = self.model.rows
        if index < len(rows):
            return self._strip_baris(rows[index], index, width)
        if not rows and y == kepala:
            tombol = tombol_aksi(self.app, "tabel_tambah_baris")
            text = f" Belum ada baris. {tombol}: tambah baris."
            style = self.rich_style + self.gaya("tabel--petunjuk")
            return Strip([Segment(pas(text, width, False), style)])
        return Strip.blank(width, self.rich_style)

    def _strip(self, tetap: list[Segment], geser: list[Segment], width: int, base: Style) -> Strip:
        # one segment per run of one style: each style change costs the terminal ~25 bytes
        return Strip([*tetap, *geser]).crop(0, width).extend_cell_length(width, base).simplify()

    def _strip_kepala(self, line: int, width: int) -> Strip:
        model = self.model
        tingkat = self._kepala[line]
        kolom_level = model.levels[tingkat].kolom
        baris = model.baris_kursor
        milik_kursor = baris is not None and self.baris_kepala_tingkat(baris.tingkat) == line
        head = self.rich_style + self.gaya("tabel--kepala")
        if len(self._kepala) > 1 and not milik_kursor:
            head += self.gaya("tabel--kepala-lain")
        head_cursor = head + self.gaya("tabel--kepala-kursor")
        sep = head + self.gaya("tabel--pemisah")
        widths = self.lebar_kolom

        def label(index: int) -> str:
            return kolom_level[index].label if index < len(kolom_level) else ""

        def gaya(index: int) -> Style:
            return head_cursor if milik_kursor and index == model.kursor_kolom else head

        tetap = [Segment(f" {pas(label(0), widths[0] + self._lebar_awalan)} ", gaya(0))]
        geser: list[Segment] = []
        tampak = self.kolom_tampak()
        for number, (index, _, drawn) in enumerate(tampak):
            kanan = index < len(kolom_level) and cells.rata_kanan(kolom_level[index])
            text = label(index)
            room = drawn - PEMISAH_LEBAR
            if room < widths[index] and cell_len(text) > room and room < 2 * cell_len(text) // 3:
                text = ""  # cut at the right edge: named only by most of its name, never less
            tanda = "‹" if number == 0 and self._pertama > 1 else PEMISAH
            geser.append(Segment(tanda, sep))
            geser.append(Segment(f" {pas(text, room, kanan)} "[:drawn - 1], gaya(index)))
        strip = self._strip(tetap, geser, width, head)
        lebih = tampak and (tampak[-1][0] < model.jumlah_kolom - 1
                            or tampak[-1][2] < widths[tampak[-1][0]] + PEMISAH_LEBAR)
        if lebih and width > 0:  # more columns to the right
            strip = Strip.join([strip.crop(0, width - 1), Strip([Segment("›", sep)])])
        return strip

    def _strip_baris(self, baris: TableRow, index: int, width: int) -> Strip:
        model = self.model
        base = self.rich_style
        gaya = self.gaya
        is_cursor_row = index == model.kursor_baris
        row_style = base
        if baris.jumlah_anak:
            row_style += gaya("tabel--induk")
        if is_cursor_row:
            row_style += gaya("tabel--baris-kursor")
        sep = row_style + gaya("tabel--pemisah")
        widths = self.lebar_kolom

        def sel(col: int, room: int) -> tuple[str, Style]:
            kolom = model.kolom_di(baris, col)
            text, galat = model.teks_sel(baris, col)
            style = row_style
            if kolom is not None and kolom.computed:
                style += gaya("tabel--hitung")
            if galat:
                style += gaya("tabel--galat")
            if is_cursor_row and col == model.kursor_kolom:
                style += gaya("tabel--kursor")
            if kolom is None or not cells.rata_kanan(kolom):
                return pas(text, room), style
            if cell_len(text) > widths[col]:
                self._minta_lebar(col, cell_len(text))
            if room < widths[col] and col != model.kursor_kolom:
                return " " * room, style  # cut at the right edge: no half number
            return pas_angka(text, room), style

        prefix = self._awalan(baris)
        body, style = sel(0, widths[0] + self._lebar_awalan - cell_len(prefix))
        tetap = [Segment(" " + prefix, row_style), Segment(body + " ", style)]
        geser: list[Segment] = []
        for col, _, drawn in self.kolom_tampak():
            body, style = sel(col, drawn - PEMISAH_LEBAR)
            geser.append(Segment(PEMISAH, sep))
            geser.append(Segment(f" {body} "[:drawn - 1], style))
        return self._strip(tetap, geser, width, base)

    def _minta_lebar(self, col: int, lebar: int) -> None:
        """Widen `col` after this frame (drawing must not change the layout it draws)."""
        if lebar > self._perlu.get(col, 0):
            self._perlu[col] = lebar
            if not self._lebarkan_tertunda:
                self._lebarkan_tertunda = True
                self.call_after_refresh(self._lebarkan)

    def _awalan(self, baris: TableRow) -> str:
        """Indentation and fold marker of the tree column."""
        if not self._lebar_awalan:
            return ""
        if baris.jumlah_anak:
            marker = "▸ " if self.model.terlipat(baris.row) else "▾ "
        else:
            marker = "  "
        return "  " * baris.tingkat + marker

    # -- cursor --------------------------------------------------------------------------------

    def tampilkan_kursor(self) -> None:
        """Scroll so that the cursor cell is on screen: rows by lines, columns whole."""
        model = self.model
        row = model.kursor_baris
        height = self.tinggi_data
        scroll_y = self.scroll_offset.y
        if row < scroll_y:
            scroll_y = row
        elif row > scroll_y + height - 1:
            scroll_y = row - height + 1
        pertama = pertama_untuk(self.lebar_kolom, self._pertama, model.kursor_kolom,
                                self.ruang_geser)
        if pertama != self._pertama:
            self._pertama = pertama
            self.refresh()
        if scroll_y != self.scroll_offset.y:
            self.scroll_to(0, scroll_y, animate=False, force=True)

    def pindah(self, baris: int | None = None, kolom: int | None = None, *,
               penuh: bool = False) -> None:
        """Move the cursor; `penuh` redraws everything (after the rows themselves changed)."""
        model = self.model
        before, before_col = model.kursor_baris, model.kursor_kolom
        lama = model.baris_kursor
        before_kepala = self.baris_kepala_tingkat(lama.tingkat) if lama is not None else 0
        offset, pertama = self.scroll_offset, self._pertama
        model.pindah_kursor(baris, kolom)
        self.tampilkan_kursor()
        if self.scroll_offset == offset and self._pertama == pertama and not penuh:
            # no scrolling: only what the cursor left and entered is drawn again, as few
            # cells as the terminal needs (bytes over a slow link, docs/performance.md): the
            # two rows (the cursor row has its own background), or within one row the two
            # cells; and the header, whose cursor column is highlighted
            kepala = self.tinggi_kepala
            baru = model.baris_kursor
            after_kepala = self.baris_kepala_tingkat(baru.tingkat) if baru is not None else 0
            rentang = self._rentang_kolom(before_col, model.kursor_kolom)
            if model.kursor_baris != before or rentang is None:
                self._segarkan_baris(before - offset.y + kepala)
                self._segarkan_baris(model.kursor_baris - offset.y + kepala)
            else:
                self._segarkan_baris(model.kursor_baris - offset.y + kepala, rentang)
            if after_kepala != before_kepala or (rentang is None and before_col != model.kursor_kolom):
                for line in range(kepala):
                    self._segarkan_baris(line)
            elif model.kursor_kolom != before_col:
                self._segarkan_baris(after_kepala, rentang)
        else:
            self.refresh()
        self.editor.kursor_berpindah()

    def segarkan_beda(self) -> None:
        """Values changed (not rows): draw again only the cells that now look different, e.g.
        the cell written and the sums over it, not the whole table (3,5 KB per value written
        over a slow link, docs/performance.md). Lines never drawn yet are drawn whole."""
        scroll_y = self.scroll_offset.y
        for y in range(self.scrollable_content_region.height):
            lama = self._tergambar.get(y)
            baru = self._gambar_baris(y)
            if lama is None or lama[0] != scroll_y:
                self._segarkan_baris(y)
                continue
            rentang = rentang_beda(lama[1], baru)
            if rentang is not None:
                self._segarkan_baris(y, rentang)

    def segarkan_kursor(self) -> None:
        """Only the cursor row: the cell editor closed over it (Textual draws again what it
        covered), nothing else changed."""
        self._segarkan_baris(self.model.kursor_baris - self.scroll_offset.y + self.tinggi_kepala)

    def _rentang_kolom(self, *kolom: int) -> tuple[int, int] | None:
        """(x, width) of the cells of `kolom` on a line, from the first's left edge to the
        last's right edge; None when one of them is not on screen."""
        tepi: list[tuple[int, int]] = []
        for col in kolom:
            if col == 0:
                tepi.append((0, self.lebar_tetap))
                continue
            found = next(((self.lebar_tetap + x, self.lebar_tetap + x + w)
                          for index, x, w in self.kolom_tampak() if index == col), None)
            if found is None:
                return None
            tepi.append(found)
        x1 = min(a for a, _ in tepi)
        return x1, max(b for _, b in tepi) - x1

    def _segarkan_baris(self, y: int, rentang: tuple[int, int] | None = None) -> None:
        """Draw line `y` of the widget (0: the first header line) again, only the cells of
        `rentang` (x, width) when given; never the scrollbar beside it."""
        x, width = rentang if rentang is not None else (0, self.scrollable_content_region.width)
        if 0 <= y < self.scrollable_content_region.height and width > 0:
            self.refresh(Region(x, y, width, 1))

    def posisi_sel(self) -> tuple[int, int, int]:
        """(x, y, width) of the cursor cell inside this widget's content area."""
        model = self.model
        y = model.kursor_baris - self.scroll_offset.y + self.tinggi_kepala
        col = model.kursor_kolom
        if col == 0:
            baris = model.baris_kursor
            prefix = cell_len(self._awalan(baris)) if baris is not None else 0
            return 1 + prefix, y, self.lebar_kolom[0] + self._lebar_awalan - prefix + 1
        for index, x, drawn in self.kolom_tampak():
            if index == col:
                return self.lebar_tetap + x + 1, y, drawn - 1
        return self.lebar_tetap + 1, y, self.lebar_kolom[col] + 2  # off screen (not reached)

    # -- actions -------------------------------------------------------------------------------

    def action_gerak(self, baris: int, kolom: int) -> None:
        model = self.model
        self.pindah(model.kursor_baris + baris, model.kursor_kolom + kolom)

    def action_halaman(self, arah: int) -> None:
        self.pindah(self.model.kursor_baris + arah * self.tinggi_data)

    def action_ujung(self, arah: int) -> None:
        self.pindah(0 if arah < 0 else len(self.model.rows) - 1)

    def action_sunting(self) -> None:
        self.editor.mulai_sunting()

    def action_sunting_panjang(self) -> None:
        self.editor.mulai_sunting(panjang=True)

    def action_tambah_baris(self) -> None:
        self.editor.tambah_baris()

    def action_tambah_rincian(self) -> None:
        self.editor.tambah_rincian()

    def action_hapus_baris(self) -> None:
        self.editor.hapus_baris()

    def action_pindah_baris(self, arah: int) -> None:
        self.editor.pindah_baris(arah)

    def action_lipat(self) -> None:
        """Fold the cursor row; on a child row (or a folded one), fold its parent and go there:
        the rows under it disappear, so the cursor cannot stay."""
        model = self.model
        baris = model.baris_kursor
        if baris is None or len(model.levels) == 1:
            self.editor.tampilkan_pesan("Tabel ini tidak bertingkat; tidak ada yang dilipat.")
            return
        if baris.jumlah_anak and not model.terlipat(baris.row):
            self.editor.lipat(baris, True)
            return
        if baris.tingkat > 0:
            for index in range(model.kursor_baris - 1, -1, -1):
                induk = model.rows[index]
                if induk.tingkat < baris.tingkat:
                    model.pindah_kursor(index)
                    self.editor.lipat(induk, True)
                    return
        self.editor.tampilkan_pesan("Baris ini tidak punya rincian untuk dilipat.")

    def action_buka(self) -> None:
        baris = self.model.baris_kursor
        if baris is None or not baris.jumlah_anak:
            self.editor.tampilkan_pesan("Baris ini tidak punya rincian untuk dibuka.")
            return
        self.editor.lipat(baris, False)

    def action_lipat_semua(self, terlipat: bool) -> None:
        self.editor.lipat_semua(terlipat)

    async def action_ke_navigasi(self) -> None:
        await ke_navigasi(self)

    def action_kosongkan(self) -> None:
        self.editor.mulai_sunting(ketikan="")

    def mulai_dengan(self, character: str) -> bool:
        """Any character typed on an editable cell starts editing it with that character, as in
        a spreadsheet; on a cell that cannot be edited nothing happens but the reason shown."""
        self.editor.mulai_sunting(ketikan=character, diketik=True)
        return True

    def gerak_baris(self, arah: int) -> None:
        self.action_gerak(arah, 0)

    # -- mouse ---------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        kepala = self.tinggi_kepala
        if event.y < kepala:
            return
        index = self.scroll_offset.y + event.y - kepala
        if index >= len(self.model.rows):
            return
        col = 0
        if event.x >= self.lebar_tetap:
            x = event.x - self.lebar_tetap
            col = next((k for k, start, w in self.kolom_tampak() if start <= x < start + w), 0)
            if not col:
                return
        self.pindah(index, col)
        if event.chain >= 2:
            self.editor.mulai_sunting()


class TableEditor(CellEditing, Vertical):
    """Title, grid, the cell editor laid over it, a message line under it and, when the table
    declares rincian, the detail editors of the cursor row under that."""

    DEFAULT_CSS = """
    TableEditor {
        height: auto;
        layers: dasar sunting;
    }
    TableEditor.tunggal {
        height: 1fr;
    }
    TableEditor.tunggal > TableGrid {
        height: 1fr;
        max-height: 100%;
    }
    TableEditor > .judul-isi {
        text-style: bold;
        color: $text-primary;
    }
    /* room under the table for the cursor row's details, also at 80x24 */
    TableEditor.berincian > TableGrid {
        max-height: 10;
    }
    TableEditor > .pesan {
        height: 1;
        color: $text-muted;
    }
    TableEditor > .pesan.galat {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(self, tabel: Tabel, project: Any, konteks_factory: Callable[[], Any],
                 *, tunggal: bool = False) -> None:
        self.model = TableModel(tabel, lambda: project.data, konteks_factory)
        punya_rincian = any(level.rincian for level in self.model.levels)
        # a table with details does not fill the height: the details go under it
        super().__init__(classes="berincian" if punya_rincian else "tunggal" if tunggal else "")
        self.tabel = tabel
        self.project = project
        # nothing is built (and nothing follows the cursor) for a table without rincian
        self.rincian = RincianPanel(self, project, konteks_factory) if punya_rincian else None
        self._rincian_tertunda: Path | None = None  # fokus_ke into a detail before mounting
        self.grid = TableGrid(self.model, self)
        self.cell_input = CellInput(self, compact=True)
        self.pilihan = ChoiceList(self)
        self.pesan = Static("", classes="pesan", markup=False)
        self._unsubscribe: Callable[[], None] | None = None
        self._fokus_tertunda = False

    def compose(self) -> ComposeResult:
        yield Static(self.tabel.judul, classes="judul-isi", markup=False)
        yield self.grid
        yield self.pesan
        if self.rincian is not None:
            yield self.rincian

    def on_mount(self) -> None:
        self._unsubscribe = self.project.subscribe(self._perubahan)
        self.call_after_refresh(self.pasang_penyunting)  # the cell editor, after the first frame
        self.kursor_berpindah()
        if self.rincian is not None:
            self.rincian.ikuti(segera=True)
        if self._fokus_tertunda:
            self._fokus_tertunda = False
            self.grid.call_after_refresh(self.grid.tampilkan_kursor)
            tertunda, self._rincian_tertunda = self._rincian_tertunda, None
            if tertunda is None or self.rincian is None or not self.rincian.fokus_ke(tertunda):
                self.grid.focus()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    # -- project changes -------------------------------------------------------------------------

    def _perubahan(self, change: Any) -> None:
        if change.kind == "save":
            return
        jenis = self.model.jenis_perubahan(change.kind, change.path)
        if change.kind == "reload":
            self.model.lupakan_lipatan()
        elif jenis == "struktur":
            self.model.tandai_struktur_berubah()
        else:
            self.model.tandai_nilai_berubah()
        if jenis == "nilai" and self.rincian is not None:
            self.rincian.perbarui_judul()  # it names the row by its kode and name
        if jenis == "struktur":
            if self._sunting is not None:
                self._tutup_sunting()
            self.grid.perbarui_ukuran()
            self.grid.tampilkan_kursor()
            if self.rincian is not None:
                self.rincian.ikuti()  # the cursor row may now be elsewhere, or gone
            self.grid.refresh()
        elif change.kind == "reload":
            self.grid.refresh()
        else:
            self.grid.segarkan_beda()

    def segarkan_hitungan(self) -> None:
        self.model.tandai_nilai_berubah()
        self.grid.segarkan_beda()
        if self.rincian is not None:
            self.rincian.segarkan_hitungan()

    # -- messages under the table ----------------------------------------------------------------

    def kursor_berpindah(self) -> None:
        """Under the table: what the cursor's column is, unless an error is on show."""
        if self.rincian is not None:
            self.rincian.ikuti()
        kolom = self.model.kolom_kursor()
        if kolom is None:
            self.tampilkan_pesan("")
            return
        text = kolom.label
        if kolom.computed:
            text += " (dihitung otomatis)"
        isi = self.teks_sel_kursor() or ""
        if cell_len(isi) > self.grid.lebar_tampak(self.model.kursor_kolom):
            text += f": {isi}"  # the cell shows it cut short; here it is whole
        elif kolom.bantuan:
            text += f": {kolom.bantuan}"
        self.tampilkan_pesan(text.replace("\n", " "))

    # -- editing a cell ---------------------------------------------------------------------------

    def mulai_sunting(self, ketikan: str | None = None, *, panjang: bool = False,
                      diketik: bool = False) -> None:
        """Open the cell editor on the cursor cell; `ketikan` (typed on the grid, `diketik`)
        replaces the value, as typing into a spreadsheet cell does. Prose (a line break, or
        long text) and `panjang` open a window with a multi-line editor instead."""
        model = self.model
        baris = model.baris_kursor
        if baris is None:
            tombol = tombol_aksi(self.app, "tabel_tambah_baris")
            self.tampilkan_pesan(f"Tabel masih kosong; tekan {tombol} untuk menambah baris.",
                                 galat=True)
            return
        kolom = model.kolom_kursor()
        if kolom is None:
            return
        self.buka_sunting(cells.path_nilai(baris.path, kolom), kolom,
                          cells.nilai_di(baris.row, kolom), posisi=self.grid.posisi_sel,
                          judul=lambda: f"{kolom.label}, baris {self.nama_baris(baris)}",
                          ketikan=ketikan, panjang=panjang, diketik=diketik)

    # -- rows -------------------------------------------------------------------------------------

    def _baris_baru(self, tingkat: int) -> dict | None:
        try:
            return self.model.baris_baru(tingkat)
        except Exception as exc:  # the plugin's baris_baru raised
            self.tampilkan_pesan(f"Baris baru tidak dapat dibuat: {type(exc).__name__}: {exc}",
                                 galat=True)
            return None

    def _pilih_path(self, row_path: Path, kolom: int | None = None) -> None:
        self.model.buka_jalur(row_path)
        row = self.project.get(row_path)
        index = self.model.cari_row(row) if isinstance(row, dict) else -1
        if index >= 0:
            self.grid.perbarui_ukuran()
            self.grid.pindah(index, kolom, penuh=True)

    def tambah_baris(self) -> None:
        """A new row below the cursor, at the cursor's level (the first row of an empty table)."""
        baris = self.model.baris_kursor
        if baris is None:
            list_path, index, tingkat = self.tabel.path, 0, 0
        else:
            list_path, index, tingkat = baris.list_path, baris.index + 1, baris.tingkat
        self._sisipkan(list_path, index, tingkat)

    def tambah_rincian(self) -> None:
        """A new child row (kegiatan under a program...) at the end of the cursor row's children."""
        baris = self.model.baris_kursor
        if baris is None:
            self.tambah_baris()
            return
        anak = self.model.levels[baris.tingkat].anak
        if anak is None:
            self.tampilkan_pesan("Baris pada tingkat ini tidak punya rincian.", galat=True)
            return
        self.model.lipat(baris, False)
        self._sisipkan((*baris.path, *anak.path), baris.jumlah_anak, baris.tingkat + 1)

    def _sisipkan(self, list_path: Path, index: int, tingkat: int) -> None:
        row = self._baris_baru(tingkat)
        if row is None:
            return
        try:
            self.project.insert(list_path, index, row)
        except LakipError as exc:
            self.tampilkan_pesan(exc.message, galat=True)
            return
        self._pilih_path((*list_path, index), self.model.indeks_kolom(tingkat, None))
        self.tampilkan_pesan("Baris baru ditambahkan; ketik untuk mengisi sel di kursor.")

    def hapus_baris(self) -> None:
        baris = self.model.baris_kursor
        if baris is None:
            return
        try:
            perlu_tanya = self.model.berisi(baris)
        except Exception:  # baris_baru of the plugin raised: ask, to be safe
            perlu_tanya = True
        if not perlu_tanya:
            self._hapus(baris.path)
            return
        nama = self.nama_baris(baris)
        extra = f" beserta {baris.jumlah_anak} rinciannya" if baris.jumlah_anak else ""
        question = f"Hapus baris {nama}{extra}? Perubahan dapat diurungkan."

        def jawab(ya: bool | None) -> None:
            if ya:
                self._hapus(baris.path)

        self.app.push_screen(ConfirmScreen(question), jawab)

    def nama_baris(self, baris: TableRow) -> str:
        """The row as a person names it: its first two text columns (kode, nama)."""
        parts = []
        for col in range(self.model.jumlah_kolom):
            kolom = self.model.kolom_di(baris, col)
            if kolom is None or kolom.computed or cells.rata_kanan(kolom):
                continue
            text, _ = self.model.teks_sel(baris, col)
            if text:
                parts.append(text)
            if len(parts) == 2:
                break
        return "“" + " ".join(parts)[:60] + "”" if parts else f"ke-{baris.index + 1}"

    def _hapus(self, row_path: Path) -> None:
        try:
            self.project.delete(row_path[:-1], row_path[-1])
        except LakipError as exc:
            self.tampilkan_pesan(exc.message, galat=True)
            return
        self.grid.pindah(penuh=True)
        self.tampilkan_pesan("Baris dihapus; urungkan bila keliru.")

    def pindah_baris(self, arah: int) -> None:
        baris = self.model.baris_kursor
        if baris is None:
            return
        siblings = self.project.get(baris.list_path) or []
        target = baris.index + arah
        if not 0 <= target < len(siblings):
            where = "paling atas" if arah < 0 else "paling bawah"
            self.tampilkan_pesan(f"Baris sudah {where} di tingkatnya.")
            return
        try:
            self.project.move(baris.list_path, baris.index, target)
        except LakipError as exc:  # e.g. the file is open read-only
            self.tampilkan_pesan(exc.message, galat=True)
            return
        self.grid.pindah(penuh=True)  # the cursor follows the row (same dict) after the rebuild

    # -- folding ----------------------------------------------------------------------------------

    def lipat(self, baris: TableRow, terlipat: bool) -> None:
        if self.model.lipat(baris, terlipat):
            self.grid.perbarui_ukuran()
            self.grid.pindah(penuh=True)

    def lipat_semua(self, terlipat: bool) -> None:
        self.model.lipat_semua(terlipat)
        self.grid.perbarui_ukuran()
        self.grid.pindah(penuh=True)

    # -- for ChapterView ----------------------------------------------------------------------------

    def fokus_ke(self, path: Path) -> None:
        """Put the cursor on the row and column `path` points at, unfolding its ancestors;
        a path into one of the row's rincian focuses that detail editor."""
        row_path, field = self.model.urai_path(path)
        ke_rincian = False
        if row_path is not None and field is not None and self.rincian is not None:
            level = self.model.levels[self.model.tingkat_path(row_path)]
            ke_rincian = any(field in kunci_rincian(isi) for isi in level.rincian)
        if row_path is not None:
            self.model.buka_jalur(row_path)
            tingkat = self.model.tingkat_path(row_path)
            row = self.project.get(row_path)
            index = self.model.cari_row(row)
            if index >= 0:
                self.model.pindah_kursor(index, self.model.indeks_kolom(tingkat, field))
        if self.is_mounted:
            self.grid.perbarui_ukuran()
            self.grid.refresh()
            self.grid.call_after_refresh(self.grid.tampilkan_kursor)
            self.kursor_berpindah()
            if not (ke_rincian and self.rincian is not None and self.rincian.fokus_ke(path)):
                self.grid.focus()
        else:
            self._fokus_tertunda = True
            self._rincian_tertunda = path if ke_rincian else None

    def teks_sel_kursor(self) -> str | None:
        if self._sunting is not None and self.cell_input.display:
            return self.cell_input.value
        baris = self.model.baris_kursor
        if baris is None:
            return None
        text, _ = self.model.teks_sel(baris, self.model.kursor_kolom)
        return text
