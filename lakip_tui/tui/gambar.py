"""Drawing helpers shared by the Line-API widgets (the table and form grids, the navigation):
fitting text into a cell, and the cursor's CSS."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size


def pas(text: str, width: int, kanan: bool = False) -> str:
    """`text` on one line, cut (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    text = text.replace("\n", " ")
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    pad = width - cell_len(text)
    return " " * pad + text if kanan else text + " " * pad


def css_kursor(kelas: str) -> str:
    """The cursor rules of a grid (nested inside its own CSS block) for its component class
    `kelas`: the blurred cursor, the block cursor while the grid has focus, and text styles for
    the terminal's own 16 colours, where the blurred cursor has no colour of its own."""
    return f"""
        & > .{kelas} {{
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }}
        &:focus > .{kelas} {{
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }}
        &:ansi > .{kelas} {{ text-style: underline; }}
        &:ansi:focus > .{kelas} {{ text-style: reverse; }}
"""


TANDA_LUAP = "#"  # a number wider than its cell: the cell is filled with it, as a spreadsheet does


def pas_angka(text: str, width: int) -> str:
    """A number right-aligned in `width` cells; one that does not fit is never cut (a cut
    number reads as another number): the cell shows the overflow mark instead."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return TANDA_LUAP * width
    return " " * (width - cell_len(text)) + text
