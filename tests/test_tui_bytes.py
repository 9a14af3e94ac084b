"""Light over a slow link (issue 14): a key repaints only what it changes.

The whole app on the example project at 80x24, in the anggaran table (as bench/terminal.py,
which measures the real bytes in a pseudo-terminal; docs/performance.md). Here the updates
Textual hands to the terminal are rendered with the test console and counted: the same
pipeline, no timing involved. The bounds are generous (the test console writes true colour,
longer than the 256 colours of tmux) and still well under what the keys cost before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from textual._compositor import CompositorUpdate

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.editors.table import TableEditor

from tui_fixture import pilot_test

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
    for _ in range(200):  # the background check: its repaint is not the keys'
        await pilot.pause(0.02)
        if main._timer_periksa is None and main._worker_periksa is not None:
            break
    await main._worker_periksa.wait()
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
        for _ in range(200):
            await pilot.pause(0.02)
            if main._timer_periksa is None and main._worker_periksa is not None:
                break
        await main._worker_periksa.wait()
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
