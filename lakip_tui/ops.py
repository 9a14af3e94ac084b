"""Edits as data: an operation is (kind, path, payload) and each has an exact inverse.

The plain data, the undo history, the save and (later) the journal all speak in these
operations, so the text written by a save can be computed from the last saved text and the
operations since, with nothing else kept in step by hand.
"""

from __future__ import annotations

import copy
import datetime
from typing import Any

from .errors import LakipError
from .paths import Path, format_path, get_in

# ("set", path, (old, new)) | ("insert", list_path, (index, value[, True]))
# | ("delete", list_path, (index, value[, True])) | ("move", list_path, (index, new_index))
# The third item of an insert says it made the list (the key did not exist): the delete that
# undoes it removes the key again, so undo leaves the data as it was, not with an empty list.
Op = tuple[str, Path, Any]

SCALARS = (str, int, float, bool)
# TOML integers are 64-bit signed (toml.io: "Arbitrary 64-bit signed integers")
INT_MIN, INT_MAX = -(2 ** 63), 2 ** 63 - 1
# Tables and lists inside each other; a real project uses fewer than 10. Deeper data would
# overflow the recursion of every reader (tomllib's own, deepcopy's) instead of being refused.
MAX_DEPTH = 64


class _Missing:
    """Where a key did not exist (the old value of a key an edit creates)."""

    def __repr__(self) -> str:
        return "<tidak ada>"

    def __deepcopy__(self, memo: dict) -> "_Missing":
        return self

    def __reduce__(self) -> str:  # pickled (a journal, a helper process) it stays the one object
        return "MISSING"


MISSING = _Missing()


def check_value(value: Any, path: Path, depth: int = 0) -> None:
    """Only TOML-able plain data goes into the file: no NaN or infinity, no integer beyond
    64 bits, keys that are text, no nesting deeper than MAX_DEPTH."""
    if depth + len(path) > MAX_DEPTH:
        raise LakipError(f"nilai bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                         where=format_path(path[:8]))
    if value is None or isinstance(value, SCALARS):
        if isinstance(value, float) and (value != value or value in (float("inf"),
                                                                    float("-inf"))):
            raise LakipError("nilai bukan angka yang sah", where=format_path(path))
        if isinstance(value, int) and not isinstance(value, bool) \
                and not INT_MIN <= value <= INT_MAX:
            raise LakipError(
                "bilangan terlalu besar untuk disimpan (batas TOML 9.223.372.036.854.775.807)",
                where=format_path(path))
        return
    if isinstance(value, list):
        for item in value:
            check_value(item, path, depth + 1)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise LakipError("nama kunci harus teks", where=format_path(path))
            check_value(item, (*path, key), depth)
        return
    if isinstance(value, (datetime.date, datetime.time)):
        return
    raise LakipError(f"jenis nilai tidak dapat disimpan: {type(value).__name__}",
                     where=format_path(path))


def inverse(op: Op) -> Op:
    kind, path, payload = op
    if kind == "group":  # several edits undone as one step (Project.one_step)
        return ("group", path, tuple(inverse(part) for part in reversed(payload)))
    if kind == "set":
        old, new = payload
        return ("set", path, (new, old))
    if kind == "insert":
        return ("delete", path, payload)
    if kind == "delete":
        return ("insert", path, payload)
    if kind == "move":
        index, new_index = payload
        return ("move", path, (new_index, index))
    raise ValueError(kind)


def apply_to_data(data: dict, op: Op) -> None:
    """Apply one operation to plain data (the values are copied: an op is never shared)."""
    kind, path, payload = op
    if kind == "set":
        parent = get_in(data, path[:-1])
        _, new = payload
        if new is None or new is MISSING:
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
        else:
            parent[path[-1]] = copy.deepcopy(new)
        return
    items = get_in(data, path)
    if items is None and kind == "insert":
        parent = get_in(data, path[:-1])
        items = parent[path[-1]] = []
    if kind == "insert":
        items.insert(payload[0], copy.deepcopy(payload[1]))
    elif kind == "delete":
        del items[payload[0]]
        if makes_list(payload) and not items:
            del get_in(data, path[:-1])[path[-1]]
    elif kind == "move":
        index, new_index = payload
        items.insert(new_index, items.pop(index))


def spliceable(op: Op) -> bool:
    """One scalar replacing another at a key: what splice.py may write into the text."""
    kind, _path, payload = op
    return kind == "set" and isinstance(payload[0], SCALARS) and isinstance(payload[1], SCALARS)


def makes_list(payload: tuple) -> bool:
    """An insert (or the delete undoing it) that made (or removes) the list itself."""
    return len(payload) > 2 and payload[2] is True
