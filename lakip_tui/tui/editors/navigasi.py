"""Escape in an editor: leave it for the app's navigation panel."""

from __future__ import annotations

from textual.widget import Widget

# The main screen's action (binding id "ke_navigasi"); an app without it just loses the focus.
AKSI_NAVIGASI = "screen.ke_navigasi"


async def ke_navigasi(widget: Widget) -> None:
    """Hand the focus to navigation; where the screen has no such action, simply let go of it."""
    if not await widget.app.run_action(AKSI_NAVIGASI, widget):
        widget.screen.set_focus(None)
