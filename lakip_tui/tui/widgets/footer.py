"""The footer of the main screen: the keys that matter most always whole, whatever the width.

Textual's footer lists the keys in force from the focused widget outwards and cuts the line at
the screen's edge: at 80 columns a table showed its move and fold keys, "shift+" cut short, and
neither Simpan nor Urungkan. Here the keys are taken by priority (PRIORITAS_KAKI, then the rest in
order) as long as each fits whole beside the command palette's key, and shown in their usual
order. Every action stays in the palette and the help screen (F1).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from ..actions import PRIORITAS_KAKI


class LakipFooter(Footer):
    """A compact footer that never cuts a key (see the module docstring)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self._lebar = 0

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        app = self.app
        active = self.screen.active_bindings
        items: list[tuple] = []
        seen: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            items.append((binding, enabled, tooltip))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            palette = active.get(app.COMMAND_PALETTE_BINDING)
        ruang = app.size.width
        if palette is not None:  # its key, and the bar before it
            ruang -= cell_len(app.get_key_display(palette.binding)) + 1 \
                + cell_len(palette.binding.description) + 1

        def lebar(item: tuple) -> int:  # "key description" and the gap after it
            binding = item[0]
            return cell_len(app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

        def peringkat(index: int) -> tuple[int, int]:
            binding_id = items[index][0].id
            rank = PRIORITAS_KAKI.index(binding_id) if binding_id in PRIORITAS_KAKI else \
                len(PRIORITAS_KAKI)
            return rank, index

        dipilih: set[int] = set()
        terpakai = 0
        for index in sorted(range(len(items)), key=peringkat):
            perlu = lebar(items[index])
            if terpakai + perlu - 1 <= ruang:  # the last key needs no gap after it
                dipilih.add(index)
                terpakai += perlu
        for index, (binding, enabled, tooltip) in enumerate(items):
            if index in dipilih:
                key = FooterKey(binding.key, app.get_key_display(binding), binding.description,
                                binding.action, disabled=not enabled, tooltip=tooltip)
                # set, not data_bind(compact=Footer.compact): each bind leaves a watcher on the
                # footer that holds the key after every rebuild (one per focus change: an app
                # grew to 2,3 GB in a long session); this footer is always compact anyway
                key.set_reactive(FooterKey.compact, self.compact)
                key.set_class(self.compact, "-compact")
                yield key
        if palette is not None:
            binding = palette.binding
            yield FooterKey(binding.key, app.get_key_display(binding), binding.description,
                            binding.action, classes="-command-palette",
                            disabled=not palette.enabled,
                            tooltip=binding.tooltip or binding.description)

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._lebar:
            self._lebar = event.size.width
            if self._bindings_ready:
                self.call_after_refresh(self.recompose)
