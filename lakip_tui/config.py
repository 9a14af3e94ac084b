"""The user's own settings folder and the key map file in it.

Headless and stdlib only: reading the key map must not need Textual, so it can be tested and
reported (a bad entry is a clear message at start, never a crash).

The file is `$XDG_CONFIG_HOME/lakip-tui/keymap.toml` (default `~/.config/lakip-tui/keymap.toml`):

    [keys]
    save = "ctrl+s,f2"       # binding id = keys, comma separated
    undo = ["ctrl+z", "f5"]  # a list of keys is accepted too
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

APP_FOLDER = "lakip-tui"
KEYMAP_FILE = "keymap.toml"

# Modifiers Textual understands in a key name ("ctrl+shift+left").
_MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}
# A key longer than one character is a Textual key name: "f2", "enter", "question_mark".
_KEY_NAME = re.compile(r"^[a-z0-9_]+$")


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """`$XDG_CONFIG_HOME/lakip-tui`, falling back to `~/.config/lakip-tui` as the spec says."""
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME", "").strip()
    # The XDG spec says a relative value is invalid and must be ignored.
    root = Path(base) if base and os.path.isabs(base) else Path(env.get("HOME", "~")).expanduser() / ".config"
    return root / APP_FOLDER


def keymap_path(env: Mapping[str, str] | None = None) -> Path:
    return config_dir(env) / KEYMAP_FILE


@dataclass
class KeymapFile:
    """What the key map file says: binding id -> "key,key", and every problem met, in Indonesian."""

    path: Path
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    found: bool = False


def check_key(key: str) -> str | None:
    """A problem with one key name, or None when it looks like a key Textual can bind."""
    if not key:
        return "tombol kosong"
    if any(ch.isspace() for ch in key):
        return f"tombol '{key}' berisi spasi"
    if key == "+":
        return None
    *modifiers, name = key.split("+")
    for modifier in modifiers:
        if modifier not in _MODIFIERS:
            return f"pengubah '{modifier}' pada '{key}' tidak dikenal (pakai ctrl, shift, alt, meta)"
    if not name:
        return f"nama tombol '{key}' tidak lengkap"
    if len(name) == 1:
        return None if name != "," else "koma memisahkan tombol; tulis 'comma'"
    if name != name.lower():
        return f"nama tombol '{key}' harus huruf kecil (mis. 'f2', 'ctrl+s')"
    if not _KEY_NAME.match(name):
        return f"nama tombol '{key}' tidak dikenal"
    return None


def _as_key_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",")]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [part.strip() for part in value]
    return None


def read_keymap(path: Path, known_ids: Iterable[str]) -> KeymapFile:
    """Read and check the key map file. A missing file is no problem; every bad entry is one
    message naming the file and the entry, and is left out so the rest still applies."""
    result = KeymapFile(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return result
    except OSError as exc:
        result.problems.append(f"{path}: tidak dapat dibaca ({exc.strerror or exc})")
        return result
    result.found = True
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        result.problems.append(f"{path}: bukan teks UTF-8; peta tombol diabaikan")
        return result
    except tomllib.TOMLDecodeError as exc:
        result.problems.append(f"{path}: TOML tidak valid ({exc}); peta tombol diabaikan")
        return result
    for key in data:
        if key != "keys":
            result.problems.append(f"{path}: bagian '{key}' tidak dikenal (yang dikenal: [keys])")
    table = data.get("keys", {})
    if not isinstance(table, dict):
        result.problems.append(f"{path}: 'keys' harus tabel [keys]")
        return result
    known = set(known_ids)  # read only now: listing every id imports all the editors
    for binding_id, value in table.items():
        where = f"{path}: [keys] {binding_id}"
        if binding_id not in known:
            result.problems.append(f"{where}: aksi tidak dikenal (lihat daftar di layar Bantuan, F1)")
            continue
        keys = _as_key_list(value)
        if keys is None:
            result.problems.append(f'{where}: harus teks seperti "ctrl+s,f2"')
            continue
        bad = [problem for problem in map(check_key, keys) if problem]
        if bad:
            result.problems.append(f"{where}: {bad[0]}")
            continue
        result.keys[binding_id] = ",".join(keys)
    # The same key for two actions: only one of them could ever run.
    owners: dict[str, str] = {}
    for binding_id, keys in list(result.keys.items()):
        taken = [key for key in keys.split(",") if key in owners]
        if taken:
            result.problems.append(
                f"{path}: tombol '{taken[0]}' dipakai untuk '{owners[taken[0]]}' dan "
                f"'{binding_id}'; '{binding_id}' diabaikan")
            del result.keys[binding_id]
            continue
        owners.update((key, binding_id) for key in keys.split(","))
    return result
