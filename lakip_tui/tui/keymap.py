"""The user's key map, applied over the default keys with Textual's own keymap support
(`App.set_keymap`), and the keys now in force for each binding (for the help screen).

A binding id may be one of the app's actions (`actions.AKSI`) or one of the editors' own bindings
(the table, form and narrative editors define theirs with ids too); both can be remapped.
"""

from __future__ import annotations

from typing import Iterator, Mapping, NamedTuple

from textual.binding import Binding
from textual.dom import DOMNode

from ..config import KeymapFile, keymap_path, read_keymap
from .actions import AKSI, Aksi, binding_ids


class BindingLain(NamedTuple):
    """A binding with an id that a widget outside actions.AKSI defines (an editor's)."""

    owner: str  # the widget class, for grouping in the help screen
    binding: Binding


def _load_editors() -> None:
    """Import the main screen's widgets and the editors, so their classes (and bindings) exist:
    the chapter view imports each editor only when a chapter first shows one."""
    try:
        from . import chapter_view  # noqa: F401
        from .editors import form, narrative, rincian, table  # noqa: F401
        from .screens import main  # noqa: F401
    except ImportError:
        pass


def other_bindings() -> dict[str, BindingLain]:
    """Every binding with an id in a loaded lakip widget class that is not an app action."""
    _load_editors()
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


def load_user_keymap(env: Mapping[str, str] | None = None) -> KeymapFile:
    """Read `keymap.toml` from the user's config folder; problems are collected, never raised."""
    return read_keymap(keymap_path(env), _semua_id())


def _semua_id() -> Iterator[str]:
    """Every binding id. A generator: the editors (whose bindings it lists) are imported only
    when a key map file names ids to check, not on every start."""
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
             "left_square_bracket": "[", "right_square_bracket": "]", "space": "spasi"}
    return ", ".join(shown.get(key, key) for key in keys) or "(palet saja)"
