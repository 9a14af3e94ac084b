"""Drawing helpers shared by the Line-API widgets (the table and form grids, the navigation):
fitting text into a cell, and the cursor's CSS."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from textual._compositor import ChopsUpdate, Compositor


def pas(text: str, width: int, kanan: bool = False) -> str:
    """`text` on one line, cut (with an ellipsis) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    text = text.replace("\n", " ")
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    pad = width - cell_len(text)
    return " " * pad + text if kanan else text + " " * pad


class _ChopsDariKiri(ChopsUpdate):
    """A partial update that also leaves out what lies left of each changed span.

    Textual crops a changed span on the right only (its code says "TODO - crop to x
    extents"): changing two cells in the middle of a table line sent the line from the
    widget's left edge. Here a span starts at the first segment that reaches into it (never
    inside a segment, so a wide character is never split): what is left of it did not change."""

    def render_segments(self, console: Console) -> str:
        sequences: list[str] = []
        append = sequences.append
        chops = self.chops
        chop_ends = self.chop_ends
        last_y = self.spans[-1][0]
        for y, x1, x2 in self.spans:
            line = chops[y]
            ends = chop_ends[y]
            for end, (x, strip) in zip(ends, line.items()):
                if strip is None or x > x2 or end <= x1:
                    continue
                strip = strip.crop(0, min(end, x2) - x)
                if x < x1:
                    awal = 0
                    for segment in strip:
                        lebar = cell_len(segment.text)
                        if x + awal + lebar > x1:
                            break
                        awal += lebar
                    if awal:
                        strip = strip.crop(awal)
                        x += awal
                append(f"\x1b[{y + 1};{x + 1}H")
                append(strip.render(console))
            if y != last_y:
                append("\n")
        return "".join(sequences)


class LeanCompositor(Compositor):
    """The screen's compositor, sending only the changed spans of a line (_ChopsDariKiri)."""

    def render_partial_update(self) -> ChopsUpdate | None:
        update = super().render_partial_update()
        if update is None:
            return None
        return _ChopsDariKiri(update.chops, update.spans, update.chop_ends)


def _sel_sel(strip) -> list:
    """(character, style) of each cell of a drawn line; a wide character takes two."""
    cells_: list = []
    for segment in strip:
        for char in segment.text:
            cells_.append((char, segment.style))
            if cell_len(char) == 2:
                cells_.append(("", segment.style))
    return cells_


def rentang_beda(lama, baru) -> tuple[int, int] | None:
    """(x, width) from the first to the last cell that differs between two drawings (Strips)
    of a line; None when they look the same."""
    a, b = _sel_sel(lama), _sel_sel(baru)
    if len(a) != len(b):
        return 0, max(len(a), len(b))
    beda = [x for x, (sa, sb) in enumerate(zip(a, b)) if sa != sb]
    if not beda:
        return None
    return beda[0], beda[-1] - beda[0] + 1


class QuietScrollbars:
    """Mixin for a Line-API ScrollView: its scrollbars are drawn again only when its size or
    its virtual size changed, not after every layout of the screen.

    Textual hands every widget its region's size as the "virtual size" after a layout; a
    ScrollView keeps its own (set from its rows), so the two always differ and each layout
    (a message line updated, the cell editor shown) repainted the scrollbars of the grid and
    the navigation down their whole height: about 1,2 KB per key over a slow link."""

    def _size_updated(self, size, virtual_size, container_size, layout=True):  # type: ignore
        return super()._size_updated(  # type: ignore[misc]
            size, self.virtual_size, container_size, layout)  # type: ignore[attr-defined]


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
