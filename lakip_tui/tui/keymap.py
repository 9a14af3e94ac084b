"""The user's key map, applied over the default keys with Textual's own keymap support
(`App.set_keymap`), and the keys now in force for each binding (for the help screen).

Every binding id of the app and of its editors is in `actions.AKSI` (one registry), so reading
the key map imports no editor. A widget of a plugin may define bindings with ids of its own;
those of classes already loaded are accepted too.

A key map written for an earlier version is read as it is: every id kept its name. One thing is
refused, with a message: a bare printable key (a letter, digit, space, "-") for a command of a
table or a form, where printable keys type into the cell (see docs/tui.md).
"""

from __future__ import annotations

from typing import Iterator, Mapping, NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import key_to_character

from ..config import KeymapFile, keymap_path, read_keymap
from .actions import AKSI, BY_ID, SCOPES_KETIK, Aksi, binding_ids

# Key names of characters that key_to_character does not know.
_NAMA_KARAKTER = {"minus", "plus"}


class BindingLain(NamedTuple):
    """A binding with an id that a widget outside actions.AKSI defines (a plugin's)."""

    owner: str  # the widget class, for grouping in the help screen
    binding: Binding


def other_bindings() -> dict[str, BindingLain]:
    """Every binding with an id in a loaded widget class (not Textual's) that is not one of
    actions.AKSI: a plugin's own widgets. Nothing is imported to find them."""
    own = {aksi.id for aksi in AKSI}
    found: dict[str, BindingLain] = {}
    stack: list[type] = [DOMNode]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.__module__.startswith("textual"):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in own:
                found.setdefault(binding.id, BindingLain(cls.__name__, binding))
    return dict(sorted(found.items(), key=lambda item: (item[1].owner, item[0])))


def tombol_cetak(key: str) -> bool:
    """Is `key` a bare printable key ("a", "5", "space", "minus"), one that types a character?"""
    character = key_to_character(key)
    return (character is not None and character.isprintable()) or key in _NAMA_KARAKTER


def load_user_keymap(env: Mapping[str, str] | None = None) -> KeymapFile:
    """Read `keymap.toml` from the user's config folder; problems are collected, never raised."""
    result = read_keymap(keymap_path(env), _semua_id())
    for binding_id, keys in list(result.keys.items()):
        aksi = BY_ID.get(binding_id)
        if aksi is None or aksi.scope not in SCOPES_KETIK:
            continue
        cetak = [key for key in keys.split(",") if tombol_cetak(key)]
        if not cetak:
            continue
        sisa = [key for key in keys.split(",") if key not in cetak]
        result.problems.append(
            f"{result.path}: [keys] {binding_id}: tombol '{cetak[0]}' diabaikan: di tabel dan "
            "isian, huruf, angka dan spasi mengisi sel; pakai ctrl+..., alt+..., F-key, Insert "
            "atau Delete" + ("" if sisa else f" (tombol bawaan dipakai: {aksi.keys})"))
        if sisa:
            result.keys[binding_id] = ",".join(sisa)
        else:
            del result.keys[binding_id]
    return result


def _semua_id() -> Iterator[str]:
    """Every binding id. A generator: the classes are looked through only when a key map file
    names ids to check, not on every start."""
    yield from binding_ids()
    yield from other_bindings()


def current_keys(aksi: Aksi, user_keys: Mapping[str, str]) -> list[str]:
    """The keys that run `aksi` now: the user's, else the default ones."""
    keys = user_keys.get(aksi.id, aksi.keys)
    return [key for key in keys.split(",") if key]


def current_keys_of(binding: Binding, user_keys: Mapping[str, str]) -> list[str]:
    keys = user_keys.get(binding.id or "", binding.key)
    return [key for key in keys.split(",") if key]


def describe_keys(keys: list[str]) -> str:
    """"ctrl+s, f2"; key names that stand for a character are shown as that character."""
    shown = {"question_mark": "?", "escape": "esc", "minus": "-", "plus": "+",
             "insert": "Insert", "delete": "Delete", "backspace": "Backspace",
             "equals_sign": "=", "enter": "Enter",
             "left_square_bracket": "[", "right_square_bracket": "]", "space": "spasi"}
    return ", ".join(shown.get(key, key) for key in keys) or "(palet saja)"


def tombol_aksi(app: object, binding_id: str) -> str:
    """The keys that run `binding_id` now, as a person reads them ("Insert atau ctrl+n"), for a
    message that tells which key to press; the user's key map counts."""
    from .actions import BY_ID

    aksi = BY_ID.get(binding_id)
    if aksi is None:
        return binding_id
    user_keys = getattr(app, "user_keys", None) or {}
    return " atau ".join(describe_keys([key]) for key in current_keys(aksi, user_keys)) \
        or describe_keys([])
