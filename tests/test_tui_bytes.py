"""Light over a slow link (issue 14): a key repaints only what it changes.

The whole app on the example project at 80x24, in the anggaran table (as bench/terminal.py,
which measures the real bytes in a pseudo-terminal; docs/performance.md). Here the updates
Textual hands to the terminal are rendered with the test console and counted: the same
pipeline, no timing involved. The bounds are generous (the test console writes true colour,
longer than the 256 colours of tmux) and still well under what the keys cost before.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual._compositor import CompositorUpdate
from textual.widgets import TextArea

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.editors.table import TableEditor

from tui_fixture import pilot_test
from tui_nyata import tunggu_periksa

CONTOH = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"


def _app(tmp_path: Path):
    from lakip_tui.tui.app import LakipApp

    path = tmp_path / CONTOH.name
    shutil.copy(CONTOH, path)
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    return LakipApp(Project.load(path), load_registry(env={}), env=environ)


class Meteran:
    """Counts the bytes of every update the app would write to its terminal."""

    def __init__(self, app) -> None:
        self.app = app
        self.bytes = 0
        asli = app._display

        def display(screen, renderable) -> None:
            if isinstance(renderable, CompositorUpdate):
                self.bytes += len(renderable.render_segments(app.console).encode())
            elif renderable is not None:
                self.bytes += 10_000  # anything else is a whole screen
            asli(screen, renderable)

        app._display = display

    async def tekan(self, pilot, *keys: str) -> int:
        """Bytes written for `keys`, once the app is quiet again."""
        await pilot.pause(0.1)
        self.bytes = 0
        await pilot.press(*keys)
        for _ in range(3):
            await pilot.pause(0.05)
        return self.bytes


async def _di_anggaran(pilot) -> TableEditor:
    main = pilot.app.layar_utama
    await tunggu_periksa(pilot)  # the background check: its repaint is not the keys'
    await main.buka_bab("anggaran", "rincian")
    await pilot.pause()
    editor = next(e for e in main.panels["anggaran"].view.editors()
                  if isinstance(e, TableEditor) and e.tabel.key == "rincian")
    editor.grid.focus()
    await pilot.pause(0.1)
    await pilot.press("down", "down", "right", "right", "right", "right")  # a sub's pagu
    await pilot.pause(0.1)
    return editor


@pilot_test
async def test_a_cursor_move_and_a_typed_digit_repaint_only_their_cells(tmp_path):
    """Before: a sideways move redrew the table's header and row from the left edge, the
    message line laid the screen out again and every scrollbar was drawn again (2 KB over
    tmux); a typed digit drew the scrollbars too (1,5 KB). Vim costs 120 B and 55 B.
    With this console, before: 1.478 B sideways, 1.077 B a digit; after: 287 B and 74 B."""
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _di_anggaran(pilot)
        meter = Meteran(app)
        sideways = [await meter.tekan(pilot, key) for key in ("left", "right")]
        assert editor.model.kursor_kolom == 4
        assert max(sideways) < 700, sideways
        down = await meter.tekan(pilot, "down")
        assert down < 700, down
        await meter.tekan(pilot, "up")
        await meter.tekan(pilot, "enter")
        assert editor.cell_input.display
        typed = [await meter.tekan(pilot, digit) for digit in "12"]
        assert editor.cell_input.value.endswith("12")
        assert max(typed) < 300, typed


@pilot_test
async def test_opening_typing_closing_and_writing_a_cell_repaint_only_that_cell(tmp_path):
    """Before: the cell editor took the focus, so opening or closing it repainted the grid
    (its cursor's :focus colours) and rebuilt the footer; showing it renumbered the editor's
    children and repainted the whole editor; a value written repainted the whole table
    (6 KB, 6 KB and 3,5 KB over tmux). Now the grid keeps the focus and only what changed is
    drawn: the cell, and the sums over it. With this console, before: 9.697 B, 9.257 B and
    9.187 B; after: 150 B, 150 B and 417 B."""
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _di_anggaran(pilot)
        meter = Meteran(app)
        buka = await meter.tekan(pilot, "enter")
        assert editor.cell_input.display and app.screen.focused is editor.grid
        await meter.tekan(pilot, "9")
        tutup = await meter.tekan(pilot, "escape")
        assert not editor.cell_input.display
        await meter.tekan(pilot, "enter")
        await meter.tekan(pilot, "7")
        tulis = await meter.tekan(pilot, "enter")
        assert not editor.cell_input.display
        assert app.project.get(("anggaran", "program", 0, "kegiatan", 0, "sub", 0, "pagu")) == 7
        assert buka < 1000, buka
        assert tutup < 1000, tutup
        assert tulis < 1500, tulis


@pilot_test
async def test_the_choice_list_of_a_pilihan_cell_does_not_move_the_focus(tmp_path):
    """Before: the list took the focus, so opening and closing it also repainted the grid and
    rebuilt the footer (with this console 4.079 B and 3.298 B; after: 1.017 B and 609 B, most
    of it the list itself)."""
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.layar_utama
        await tunggu_periksa(pilot)
        await main.buka_bab("perjanjian_kinerja", "pk")
        await pilot.pause()
        editor = next(e for e in main.panels["perjanjian_kinerja"].view.editors()
                      if isinstance(e, TableEditor) and e.tabel.key == "sasaran")
        editor.grid.focus()
        await pilot.pause(0.1)
        await pilot.press("down")  # an indicator: it has the pilihan columns
        model = editor.model
        kolom = next(i for i in range(model.jumlah_kolom)
                     if (k := model.kolom_di(model.baris_kursor, i)) is not None
                     and k.jenis == "pilihan")
        editor.grid.pindah(kolom=kolom)
        meter = Meteran(app)
        buka = await meter.tekan(pilot, "enter")
        assert editor.pilihan.display and app.screen.focused is editor.grid
        await meter.tekan(pilot, "down")
        tutup = await meter.tekan(pilot, "escape")
        assert not editor.pilihan.display and app.screen.focused is editor.grid
        assert buka < 2000, buka
        assert tutup < 1500, tutup


class LayarMaya:
    """A terminal's screen as the bytes the app sends leave it: each update is applied cell
    by cell (character and style), parsed from the very escape sequences written. Repainting
    only what changed must leave it equal to a whole repaint of the app's screen."""

    _GERAK = re.compile(r"\x1b\[(\d+);(\d+)H")

    def __init__(self, app) -> None:
        self.app = app
        width, height = app.size
        self.sel = [[(" ", "")] * width for _ in range(height)]
        self.konsol = Console(color_system="truecolor", width=width, legacy_windows=False)
        asli = app._display

        self.aktif = True

        def display(screen, renderable) -> None:
            if self.aktif and isinstance(renderable, CompositorUpdate):
                self.tulis(renderable.render_segments(app.console))
            asli(screen, renderable)

        app._display = display

    def tulis(self, data: str) -> None:
        moves = list(self._GERAK.finditer(data))
        for index, move in enumerate(moves):
            end = moves[index + 1].start() if index + 1 < len(moves) else len(data)
            y, x = int(move[1]) - 1, int(move[2]) - 1
            text = Text.from_ansi(data[move.end():end].replace("\r", "").replace("\n", ""))
            for offset, char in enumerate(text.plain):
                if y < len(self.sel) and x < len(self.sel[y]):
                    style = text.get_style_at_offset(self.konsol, offset)
                    self.sel[y][x] = (char, str(style))
                x += cell_len(char)

    async def utuh(self, pilot) -> list[list[tuple[str, str]]]:
        """What a whole repaint of the screen now shows (every widget drawn anew, not from its
        cached lines), through the same parser. The app is let settle first (the check
        running after an edit repaints the findings line)."""
        main = self.app.layar_utama
        for _ in range(200):
            await pilot.pause(0.02)
            if main._timer_periksa is None and (
                    main._worker_periksa is None or main._worker_periksa.is_finished):
                break
        await pilot.pause(0.1)
        self.aktif = False
        for widget in self.app.screen.walk_children(with_self=True):
            widget.refresh()
        await pilot.pause(0.1)
        salinan = LayarMaya.__new__(LayarMaya)
        salinan.sel = [[(" ", "")] * len(row) for row in self.sel]
        salinan.konsol = self.konsol
        update = self.app.screen._compositor.render_full_update()
        salinan.tulis(update.render_segments(self.app.console))
        self.aktif = True
        return salinan.sel

    async def beda(self, pilot) -> list[str]:
        utuh = await self.utuh(pilot)
        lama, self.sel = self.sel, utuh  # the next round starts from the truth
        out = []
        for y, (a, b) in enumerate(zip(lama, utuh)):
            if a != b:
                cells_ = [(x, a[x], b[x]) for x in range(len(a)) if a[x] != b[x]]
                out.append(f"{y}: {''.join(c for c, _ in a)!r} / {''.join(c for c, _ in b)!r}"
                           f" {cells_[:3]}")
        return out


@pilot_test
async def test_the_screen_a_slow_link_sees_is_the_screen_the_app_draws(tmp_path):
    """Every partial repaint above (cells, spans cropped on the left, lines compared with the
    last drawn) leaves the terminal as a whole repaint would: moves, typing, the cell editor,
    a value written (the sums change), the choice list, a narrative typed into."""
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _di_anggaran(pilot)
        await pilot.pause(0.2)
        layar = LayarMaya(app)
        layar.tulis(app.screen._compositor.render_full_update().render_segments(app.console))
        keys = ["down", "up", "left", "right", "left", "enter", "1", "2", "backspace",
                "escape", "enter", "5", "enter", "down", "8", "escape", "right", "9", "up",
                "up", "left", "left", "left", "7", "enter"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        assert editor.model.kursor_baris >= 0
        assert await layar.beda(pilot) == []
        main = app.layar_utama
        await main.buka_bab("perjanjian_kinerja", "renstra")
        await pilot.pause(0.2)
        area = next(iter(main.panels["perjanjian_kinerja"].view.query(TextArea)))
        area.cursor_blink = False  # its own timer would repaint while the screens are compared
        area.focus()
        await pilot.pause(0.2)
        for key in ["a", "b", "enter", "c", "left", "left", "backspace", "down", "down", "x",
                    "up", "end", "y", "home", "z", "shift+right", "q"]:
            await pilot.press(key)
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        assert await layar.beda(pilot) == []
        # F7 to the navigation (its cursor's colour changes, the narrative's too), moves there
        for key in ["f7", "down", "down", "up", "tab"]:
            await pilot.press(key)
            await pilot.pause(0.1)
        await pilot.pause(0.3)
        assert await layar.beda(pilot) == []


@pilot_test
async def test_a_character_typed_in_a_narrative_repaints_only_its_line(tmp_path):
    """Before: TextArea repainted its whole region on every selection change, i.e. on every
    typed character and cursor move (with this console 2.840 B per character at 80x24; after:
    about 85 B, and 37 B for a move along the line)."""
    app = _app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.layar_utama
        await tunggu_periksa(pilot)
        await main.buka_bab("perjanjian_kinerja", "renstra")
        await pilot.pause()
        area = next(iter(main.panels["perjanjian_kinerja"].view.query(TextArea)))
        area.cursor_blink = False
        area.focus()
        await pilot.pause(0.2)
        before = area.text
        meter = Meteran(app)
        typed = [await meter.tekan(pilot, char) for char in "ab"]
        moved = await meter.tekan(pilot, "left")
        assert area.text == "ab" + before
        assert max(typed) < 400, typed
        assert moved < 400, moved
