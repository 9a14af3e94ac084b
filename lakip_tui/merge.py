"""Three-way merge of a project's plain data, and the edits that turn one version into another.

Pure functions over plain data (dicts, lists, str, int, float, bool, dates): no file, no
tomlkit, no Textual. Two callers share them:
- the open app, when the file changed on disk: base = the data of the last durable text,
  ours = the data being edited, theirs = the data now on disk;
- crash recovery: base = the text a journal was made against, ours = that text with the
  journal's edits replayed, theirs = the file as it is now.
Edits to different keys, or to different rows of a list of tables, are combined; only a value
changed differently on both sides is a conflict (`Konflik`), and conflicts are decided one by
one by the caller (`merge3(..., pilihan=...)`). `diff` gives the edits that take one version to
another, so the result is applied through the project's own edit API (undoable, journaled).
"""

from __future__ import annotations

import datetime
import difflib
from typing import Any, Iterable, NamedTuple, Sequence

from .paths import Path, format_path


class _Absent:
    """No value here: a key that is not there, a row that was removed."""

    _instance = None

    def __new__(cls) -> "_Absent":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<tidak ada>"

    def __deepcopy__(self, memo: dict) -> "_Absent":
        return self

    def __reduce__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

KAMI = "kami"  # keep ours (the edits in this session or in the journal)
MEREKA = "mereka"  # keep theirs (what is on disk)


class Konflik(NamedTuple):
    """One value changed differently on both sides. `path` is where it lands in the result."""

    path: Path
    base: Any
    ours: Any
    theirs: Any


class Gabungan(NamedTuple):
    data: dict
    konflik: list[Konflik]


# -- equality that tells 1, 1.0 and True apart ------------------------------------------------


def same(a: Any, b: Any) -> bool:
    """Equal as TOML values: 1, 1.0 and true are three different values."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a is b or a == b


def _fingerprint(value: Any) -> Any:
    """A hashable stand-in for a value, equal exactly when `same` is."""
    if isinstance(value, dict):
        return ("d", tuple((k, _fingerprint(v)) for k, v in sorted(value.items())))
    if isinstance(value, list):
        return ("l", tuple(_fingerprint(v) for v in value))
    return (type(value).__name__, value)


def _is_rows(*values: Any) -> bool:
    """Lists whose items are tables (an array of tables): merged row by row."""
    return all(isinstance(v, list) for v in values) and any(
        v and all(isinstance(item, dict) for item in v) for v in values)


# -- aligning rows ----------------------------------------------------------------------------


def _similarity(a: Any, b: Any) -> float:
    if not (isinstance(a, dict) and isinstance(b, dict)):
        return 1.0 if same(a, b) else 0.0
    keys = a.keys() | b.keys()
    if not keys:
        return 1.0
    return sum(1 for k in keys if k in a and k in b and same(a[k], b[k])) / len(keys)


def align(old: list, new: list) -> tuple[list[int | None], list[tuple[int, int]]]:
    """Which row of `new` each row of `old` became (None: removed), and the rows of `new` that
    are new, each with the number of `old` rows before it (where it was inserted).

    Unchanged rows are matched exactly; among the rows between them, an edited row is matched
    with the row at the same place when they still share at least half their fields."""
    mapping: list[int | None] = [None] * len(old)
    matcher = difflib.SequenceMatcher(None, [_fingerprint(r) for r in old],
                                      [_fingerprint(r) for r in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                mapping[i1 + offset] = j1 + offset
        elif tag == "replace":
            j = j1
            for i in range(i1, i2):
                # the next row of `new` in this block that is recognisably this one
                for candidate in range(j, j2):
                    if _similarity(old[i], new[candidate]) >= 0.5:
                        mapping[i] = candidate
                        j = candidate + 1
                        break
    matched = {j for j in mapping if j is not None}
    inserted: list[tuple[int, int]] = []
    before = 0  # old rows whose match lies before the current new row
    order = sorted((j, i) for i, j in enumerate(mapping) if j is not None)
    k = 0
    for j in range(len(new)):
        while k < len(order) and order[k][0] < j:
            before = order[k][1] + 1
            k += 1
        if j not in matched:
            inserted.append((j, before))
    return mapping, inserted


# -- three-way merge --------------------------------------------------------------------------


class _Merger:
    def __init__(self, pilihan: Sequence[str] | None) -> None:
        self.pilihan = pilihan
        self.konflik: list[Konflik] = []

    def conflict(self, path: Path, base: Any, ours: Any, theirs: Any) -> Any:
        index = len(self.konflik)
        self.konflik.append(Konflik(path, base, ours, theirs))
        choice = self.pilihan[index] if self.pilihan and index < len(self.pilihan) else KAMI
        return theirs if choice == MEREKA else ours

    def value(self, base: Any, ours: Any, theirs: Any, path: Path) -> Any:
        if same(ours, theirs):
            return ours
        if same(base, ours):
            return theirs
        if same(base, theirs):
            return ours
        if isinstance(ours, dict) and isinstance(theirs, dict):
            return self.table(base if isinstance(base, dict) else {}, ours, theirs, path)
        if _is_rows(ours, theirs) and (base is ABSENT or isinstance(base, list)):
            return self.rows(base if isinstance(base, list) else [], ours, theirs, path)
        return self.conflict(path, base, ours, theirs)

    def table(self, base: dict, ours: dict, theirs: dict, path: Path) -> dict:
        out: dict = {}
        keys = list(ours) + [k for k in theirs if k not in ours] \
            + [k for k in base if k not in ours and k not in theirs]
        for key in keys:
            merged = self.value(base.get(key, ABSENT), ours.get(key, ABSENT),
                                theirs.get(key, ABSENT), (*path, key))
            if merged is not ABSENT:
                out[key] = merged
        return out

    def rows(self, base: list, ours: list, theirs: list, path: Path) -> list:
        ours_of, ours_new = align(base, ours)
        theirs_of, theirs_new = align(base, theirs)
        out: list = []
        for gap in range(len(base) + 1):
            added = [ours[j] for j, at in ours_new if at == gap]
            for j, at in theirs_new:
                if at == gap and not any(same(theirs[j], row) for row in added):
                    added.append(theirs[j])
            out.extend(added)
            if gap == len(base):
                break
            o = ours[ours_of[gap]] if ours_of[gap] is not None else ABSENT
            t = theirs[theirs_of[gap]] if theirs_of[gap] is not None else ABSENT
            merged = self.value(base[gap], o, t, (*path, len(out)))
            if merged is not ABSENT:
                out.append(merged)
        return out


def merge3(base: dict, ours: dict, theirs: dict,
           pilihan: Sequence[str] | None = None) -> Gabungan:
    """Combine two versions made from `base`. Each conflict takes ours, unless `pilihan` (one
    KAMI or MEREKA per conflict, in the order of a first call's `konflik`) says otherwise."""
    merger = _Merger(pilihan)
    data = merger.value(base, ours, theirs, ())
    if not isinstance(data, dict):  # only when one side is not a table at all
        data = {}
    return Gabungan(data, merger.konflik)


# -- the edits from one version to another ----------------------------------------------------


def diff(old: Any, new: Any, path: Path = ()) -> list[tuple[str, Path, Any]]:
    """Operations (kind, path, payload), shaped as the project's own, that take `old` to `new`
    when applied in order: ("set", path, (old, new)) with ABSENT for a key added or removed,
    ("insert", list_path, (index, row)), ("delete", list_path, (index, row))."""
    ops: list[tuple[str, Path, Any]] = []
    _diff_table(old, new, path, ops)
    return ops


def _diff_value(old: Any, new: Any, path: Path, ops: list) -> None:
    if same(old, new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        _diff_table(old, new, path, ops)
    elif _is_rows(old, new):
        _diff_rows(old, new, path, ops)
    else:
        ops.append(("set", path, (old, new)))


def _diff_table(old: dict, new: dict, path: Path, ops: list) -> None:
    for key in old:
        if key not in new:
            ops.append(("set", (*path, key), (old[key], ABSENT)))
    for key, value in new.items():
        if key not in old:
            ops.append(("set", (*path, key), (ABSENT, value)))
        else:
            _diff_value(old[key], value, (*path, key), ops)


def _diff_rows(old: list, new: list, path: Path, ops: list) -> None:
    mapping, inserted = align(old, new)
    for i in range(len(old) - 1, -1, -1):  # from the end, so earlier indexes stay right
        if mapping[i] is None:
            ops.append(("delete", path, (i, old[i])))
    for j, _at in inserted:  # in order of the new list: each lands at its final place
        ops.append(("insert", path, (j, new[j])))
    for i, j in enumerate(mapping):
        if j is not None:
            _diff_value(old[i], new[j], (*path, j), ops)


# -- applying edits through the project -------------------------------------------------------


def apply_ops(project: Any, ops: Iterable[tuple[str, Path, Any]]) -> None:
    """Apply operations through the project's public edit API, so they are ordinary edits:
    undoable, told to every listener (the editors, the journal). ABSENT removes a key."""
    for kind, path, payload in ops:
        if kind == "set":
            new = payload[1]
            project.set(path, None if new is ABSENT or not _is_value(new) else new)
        elif kind == "insert":
            project.insert(path, payload[0], payload[1])
        elif kind == "delete":
            project.delete(path, payload[0])
        elif kind == "move":
            project.move(path, payload[0], payload[1])
        else:
            raise ValueError(kind)


def _is_value(value: Any) -> bool:
    """Plain TOML data (anything else in a payload is a 'no value here' marker)."""
    return isinstance(value, (str, int, float, bool, dict, list, datetime.date, datetime.time))


# -- telling a person what changes ------------------------------------------------------------


def show_value(value: Any, width: int = 60) -> str:
    """A value as a short line for a dialog or the terminal (no control characters)."""
    if value is ABSENT or not _is_value(value):
        return "(tidak ada)"
    if isinstance(value, bool):
        text = "ya" if value else "tidak"
    elif isinstance(value, str):
        text = '"' + value + '"'
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        text = repr(value).replace(".", ",")
    elif isinstance(value, dict):
        fields = [f"{k} = {show_value(v, 20)}" for k, v in list(value.items())[:4]]
        text = "{ " + ", ".join(fields) + (", ..." if len(value) > 4 else "") + " }"
    elif isinstance(value, list):
        text = f"[{len(value)} butir]"
    else:
        text = value.isoformat()
    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def clean(text: str) -> str:
    """One line of text from a file, safe for a terminal: no control character (clean_text),
    a line break shown as ⏎, a tab as a space."""
    from .clean import clean_text

    return clean_text(text).replace("\n", "⏎").replace("\t", " ")


def describe_ops(ops: Iterable[tuple[str, Path, Any]]) -> list[str]:
    """One Indonesian line per change: `path: lama → baru`, a row added or removed."""
    lines = []
    for kind, path, payload in ops:
        where = clean(format_path(path)) or "(berkas)"
        if kind == "set":
            old, new = payload
            if old is ABSENT or not _is_value(old):
                lines.append(f"{where}: ditambahkan {show_value(new)}")
            elif new is ABSENT or not _is_value(new):
                lines.append(f"{where}: dihapus (sebelumnya {show_value(old)})")
            else:
                lines.append(f"{where}: {show_value(old)} → {show_value(new)}")
        elif kind == "insert":
            lines.append(f"{clean(format_path((*path, payload[0])))}: baris baru "
                         f"{show_value(payload[1])}")
        elif kind == "delete":
            lines.append(f"{clean(format_path((*path, payload[0])))}: baris dihapus "
                         f"{show_value(payload[1])}")
        elif kind == "move":
            lines.append(f"{where}: baris {payload[0] + 1} dipindah ke {payload[1] + 1}")
    return lines


def describe_conflict(konflik: Konflik) -> str:
    return (f"{clean(format_path(konflik.path)) or '(berkas)'}: semula {show_value(konflik.base)}; "
            f"di disk {show_value(konflik.theirs)}; suntingan Anda {show_value(konflik.ours)}")
