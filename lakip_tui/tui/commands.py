"""The command palette: every action of `actions.AKSI` that makes sense on the current screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .actions import Aksi, in_scope
from .keymap import current_keys, describe_keys

# Which action scopes each screen offers (besides "app"); screens not named here offer only
# the app-wide actions. Dialog answers are left out: a question is answered on its own buttons.
SCREEN_SCOPES = {
    "MainScreen": ("main",),
    "LayarPratinjau": ("preview",),
    "LayarRingkasan": ("ringkasan",),
    "LayarBantuan": ("bantuan",),
}


def aksi_untuk_layar(screen_name: str) -> list[Aksi]:
    return in_scope("app", *SCREEN_SCOPES.get(screen_name, ()))


class PerintahLakip(Provider):
    def _aksi(self) -> list[Aksi]:
        return [a for a in aksi_untuk_layar(type(self.screen).__name__) if a.id != "palet"]

    def _teks(self, aksi: Aksi) -> tuple[str, str]:
        user_keys = getattr(self.app, "user_keys", {})
        keys = current_keys(aksi, user_keys)
        label = aksi.description if not keys else f"{aksi.description} ({describe_keys(keys)})"
        return label, aksi.help

    def _jalankan(self, aksi: Aksi) -> None:
        # The palette's own screen is gone by now; run on the screen it was opened from.
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
