"""The command palette: every action of `actions.AKSI` that makes sense on the current screen,
and those of the editor (table, form, narrative) or the navigation that has the focus."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .actions import EDITOR_SCOPES, Aksi, in_scope
from .keymap import current_keys, describe_keys

# Which action scopes each screen offers (besides "app"); screens not named here offer only
# the app-wide actions. Dialog answers are left out: a question is answered on its own buttons.
SCREEN_SCOPES = {
    "MainScreen": ("main",),
    "PreviewScreen": ("preview",),
    "SummaryScreen": ("ringkasan",),
    "HelpScreen": ("bantuan",),
}


# The widgets whose own actions (actions.EDITOR_SCOPES) the palette offers while they have the
# focus; the action runs on that widget. The cell editor's keys (enter, escape) are left out.
WIDGET_SCOPES = {
    "TableGrid": "tabel",
    "FormGrid": "isian",
    "NarrativeArea": "narasi",
    "Navigasi": "navigasi",
}


def aksi_untuk_layar(screen_name: str) -> list[Aksi]:
    return in_scope("app", *SCREEN_SCOPES.get(screen_name, ()))


def lingkup_widget(widget: object) -> str | None:
    """The action scope of the widget with the focus (by its class or a base class)."""
    for cls in type(widget).__mro__:
        scope = WIDGET_SCOPES.get(cls.__name__)
        if scope is not None:
            return scope
    return None


class LakipCommands(Provider):
    def _aksi(self) -> list[Aksi]:
        found = [a for a in aksi_untuk_layar(type(self.screen).__name__) if a.id != "palet"]
        focused = self.focused
        scope = lingkup_widget(focused) if focused is not None else None
        if scope is not None:
            found = in_scope(scope) + found  # what the cursor's editor does comes first
        return found

    def _teks(self, aksi: Aksi) -> tuple[str, str]:
        user_keys = getattr(self.app, "user_keys", {})
        keys = current_keys(aksi, user_keys)
        label = aksi.description if not keys else f"{aksi.description} ({describe_keys(keys)})"
        return label, aksi.help

    def _jalankan(self, aksi: Aksi) -> None:
        # The palette's own screen is gone by now; run on the screen it was opened from, or on
        # the editor that had the focus there.
        if aksi.scope in EDITOR_SCOPES and self.focused is not None:
            self.app.call_later(self.app.run_action, aksi.action, self.focused)
            return
        self.app.call_later(self.screen.run_action, aksi.action)

    async def discover(self) -> Hits:
        for aksi in self._aksi():
            label, help_text = self._teks(aksi)
            yield DiscoveryHit(label, partial(self._jalankan, aksi), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for aksi in self._aksi():
            label, help_text = self._teks(aksi)
            score = max(matcher.match(label), matcher.match(f"{aksi.id} {aksi.help}") * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(label), partial(self._jalankan, aksi),
                          help=help_text)
