"""The user's key map, applied over the defaults of `actions.AKSI` with Textual's own keymap
support (`App.set_keymap`), and the keys now in force for each action (for the help screen)."""

from __future__ import annotations

from typing import Mapping

from ..config import KeymapFile, keymap_path, read_keymap
from .actions import AKSI, Aksi, binding_ids


def load_user_keymap(env: Mapping[str, str] | None = None) -> KeymapFile:
    """Read `keymap.toml` from the user's config folder; problems are collected, never raised."""
    return read_keymap(keymap_path(env), binding_ids())


def current_keys(aksi: Aksi, user_keys: Mapping[str, str]) -> list[str]:
    """The keys that run `aksi` now: the user's, else the default ones."""
    keys = user_keys.get(aksi.id, aksi.keys)
    return [key for key in keys.split(",") if key]


def describe_keys(keys: list[str]) -> str:
    """"ctrl+s, f2"; "question_mark" is shown as the character the user presses."""
    shown = {"question_mark": "?", "escape": "esc"}
    return ", ".join(shown.get(key, key) for key in keys) or "(palet saja)"


def remapped(user_keys: Mapping[str, str]) -> list[Aksi]:
    return [aksi for aksi in AKSI if aksi.id in user_keys]
