"""SVG snapshots of the main screen at the two sizes the layout is designed for.

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update`, then
open the SVG files in tests/__snapshots__/ and check them by eye.
"""

from __future__ import annotations

import pytest

from tui_fixture import make_app
from tui_nyata import tunggu_periksa


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen(snap_compare, tmp_path, size):
    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=tunggu_periksa)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen_table_open(snap_compare, tmp_path, size):
    async def buka_tabel(pilot):
        await tunggu_periksa(pilot)
        pilot.app.screen.query_one("#navigasi").focus()
        await pilot.press("enter")
        await pilot.pause(0.1)

    app = make_app(tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=buka_tabel)
