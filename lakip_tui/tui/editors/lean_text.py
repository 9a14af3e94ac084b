"""A text area that repaints only what a keystroke changed (bytes over a slow link).

Textual's TextArea repaints its whole region whenever its selection changes, i.e. on every
typed character and every cursor move: 16 lines of a narrative, about 2,8 KB per key at 80x24,
where a typed character should cost ~200 B (docs/performance.md). Here the selection does not
repaint by itself; after it changed, and after every edit, each line on screen is drawn again in
memory and compared with the one drawn last: only the cells that differ are refreshed. Anything
else (focus, styles, size, scrolling) refreshes as Textual does.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets.text_area import Selection

from ..drawing import QuietScrollbars, rentang_beda


class LeanTextArea(QuietScrollbars):
    """Mixin for a TextArea (listed before it): see the module docstring. Its scrollbar is not
    drawn again after every layout of the screen either (QuietScrollbars)."""

    selection = reactive(Selection(), init=False, always_update=True, repaint=False)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        # no highlighted cursor line: a move up or down would repaint two whole lines (700 B
        # over tmux at 80x24); the cursor shows where one is
        kwargs.setdefault("highlight_cursor_line", False)
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]

    def render_lines(self, crop: Region) -> list[Strip]:
        self._rewrap_if_stale()
        return super().render_lines(crop)  # type: ignore[misc]

    def _rewrap_if_stale(self) -> None:
        """Wrap again if the text was wrapped for another width than the one drawn now.

        Textual wraps on a resize and when the scrollbar comes or goes, measuring the widget's
        place on the screen; when that happens while a section is being laid out, the place is
        not known yet (width 0: the text stays one long line, cut at the edge) or is the old one
        (the scrollbar then covers the ends of the lines). Nothing wraps it again while its size
        stays the same, so the drawing itself is the moment to notice: at that point the place
        is known."""
        if not self.soft_wrap or self.__dict__.get("_rewrap_pending"):  # type: ignore[attr-defined]
            return
        if self._wrap_is_stale():
            self._rewrap_pending = True
            self.call_later(self._rewrap_now)  # type: ignore[attr-defined]

    def _rewrap_and_refresh_virtual_size(self) -> None:
        # a new wrap moves text between lines: draw them all again (Textual repaints here only
        # when the number of lines changed, so lines drawn for the old width could stay)
        super()._rewrap_and_refresh_virtual_size()  # type: ignore[misc]
        self.refresh()  # type: ignore[attr-defined]

    def _wrap_is_stale(self) -> bool:
        width = self.wrap_width  # type: ignore[attr-defined]
        return bool(width) and width != self.wrapped_document._width  # type: ignore[attr-defined]

    def _rewrap_now(self) -> None:
        self._rewrap_pending = False
        if self.soft_wrap and self._wrap_is_stale():
            self._rewrap_and_refresh_virtual_size()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)  # type: ignore[misc]
        tergambar = self.__dict__.setdefault("_tergambar", {})
        tergambar[y] = (self.scroll_offset, strip)  # type: ignore[attr-defined]
        return strip

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        super()._watch_selection(previous_selection, selection)  # type: ignore[misc]
        self.segarkan_beda()

    def edit(self, edit):  # type: ignore[no-untyped-def]
        result = super().edit(edit)  # type: ignore[misc]
        self.segarkan_beda()
        return result

    def segarkan_beda(self) -> None:
        """Refresh only the cells of the lines on screen that now look different."""
        if not self.is_mounted:  # type: ignore[attr-defined]
            return
        tergambar = self.__dict__.get("_tergambar")
        region = self.scrollable_content_region  # type: ignore[attr-defined]
        if not tergambar:
            self.refresh()  # type: ignore[attr-defined]
            return
        offset = self.scroll_offset  # type: ignore[attr-defined]
        for y in range(region.height):
            lama = tergambar.get(y)
            if lama is None or lama[0] != offset:
                self.refresh(Region(0, y, region.width, 1))  # type: ignore[attr-defined]
                continue
            rentang = rentang_beda(lama[1], super().render_line(y))  # type: ignore[misc]
            if rentang is not None:
                x, width = rentang
                self.refresh(Region(x, y, width, 1))  # type: ignore[attr-defined]
