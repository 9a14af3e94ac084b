"""Keys handled in the order typed.

Textual runs a widget's bindings only once the key has bubbled up to the app, while a key the
widget handles itself (a typed character) acts at once; in a burst, as over SSH when typing
ahead, "1", "2", backspace, "3" can then give "12" instead of "13" (textual#6605). Widgets that
take this mixin run their own bindings as the key arrives, so what was typed is what happens.
"""

from __future__ import annotations

from textual import events


class ImmediateBindings:
    """Mixin for a Widget: its own (non-priority) bindings run inline in the key handler."""

    async def jalankan_binding_sendiri(self, event: events.Key) -> bool:
        """Run this widget's binding for `event`, if it is the one in force; True when it was."""
        active = self.app.active_bindings.get(event.key)  # type: ignore[attr-defined]
        if active is None or active.node is not self or active.binding.priority:
            return False
        event.stop()
        event.prevent_default()
        if active.enabled:
            await self.app.run_action(active.binding.action, self)  # type: ignore[attr-defined]
        return True

    async def on_key(self, event: events.Key) -> None:
        await self.jalankan_binding_sendiri(event)
