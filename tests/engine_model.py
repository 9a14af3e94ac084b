"""A model-based test of the edit engine (issue 10): random sequences of edits, undo, redo,
background parses, saves, save-as and injected write faults against a plain-dict model.

`EngineMachine` is a hypothesis `RuleBasedStateMachine`; other rules (an outside change, reload,
kill and recover) are added by subclassing it: every rule that changes the project goes through
`self.attempt(...)`, and `self.model`, `self.undo_states`, `self.redo_states`, `self.saved_text`
and `self.touched` are what the invariants read.

Invariants after every step:
- the engine's data equals the model (types too: 1, 1.0 and True are different values);
- a refused operation raises LakipError with an Indonesian message and changes nothing;
- after every save the file parses to the model, and every line of the previous text that no
  edit touched is still there, byte for byte and in order.

Profiles: small in `make test`; `LAKIP_FUZZ=1` (make fuzz) runs the big one.
"""

from __future__ import annotations

import atexit
import copy
import errno
import os
import re
import sys
import tempfile
import tomllib
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from lakip_tui.errors import LakipError
from lakip_tui.project import Project

FUZZ = bool(os.environ.get("LAKIP_FUZZ"))
SETTINGS = settings(
    max_examples=int(os.environ.get("LAKIP_FUZZ_EXAMPLES", 2500 if FUZZ else 25)),
    stateful_step_count=int(os.environ.get("LAKIP_FUZZ_STEPS", 50 if FUZZ else 25)),
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
    # make test: the same sequences every run (a failure found by make fuzz is fixed, then kept
    # in tests/test_save.py as an example); make fuzz: new random ones each time
    derandomize=not FUZZ,
    # LAKIP_FUZZ_NOSHRINK=1: report a failure as found (shrinking is slow on a busy machine)
    phases=[p for p in Phase if p != Phase.shrink or not os.environ.get("LAKIP_FUZZ_NOSHRINK")],
    database=None if not FUZZ else settings.default.database,
)

STEPS = {"steps": 0, "runs": 0}


def _report_steps() -> None:
    if FUZZ and STEPS["steps"]:
        print(f"\nmodel engine: {STEPS['runs']} urutan, {STEPS['steps']} langkah",
              file=sys.stderr)


atexit.register(_report_steps)

START = '''\
# Laporan contoh untuk uji berbasis model
format = 1

[meta]
instansi = "Dinas Sosial"  # nama resmi
tahun = 2024
kepala = { nama = "Budi", nip = "1975" }
renstra = { 2022 = 70, 2023 = 80 }
catatan = """
Baris satu.
Baris dua."""
angka = [1, 2, 3]

# ---- BAB II ----
[[pmks]]
jenis = "Lansia"
jumlah = 6

[[pmks]]
jenis = "Anak"   # komentar
jumlah = 3

# ---- BAB III ----
[anggaran]
total_tertulis = 100

[[anggaran.program]]
kode = "1.06.01"
pagu = 3190068739

  [[anggaran.program.kegiatan]]
  kode = "1.06.01.2.02"
  realisasi = 1.5

  [[anggaran.program.kegiatan]]
  kode = "1.06.01.2.03"
  realisasi = 2.5
'''

# -- values --------------------------------------------------------------------------------------

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", "Baris satu.\nBaris dua.", 'kutip " dan \\ miring', "'''", '"""', "a\r\nb", "tab\tx",
     "# bukan komentar", "[bukan.tabel]", "é ü 日本", "x = 1"])
INTS = st.integers(-(2 ** 63), 2 ** 63 - 1) | st.sampled_from([0, 1, -1, 2024, 3190068739])
SCALAR = INTS | TEXT | st.booleans() | st.floats(allow_nan=False, allow_infinity=False)
KEYS = st.sampled_from(["baru", "kode", "nilai", "x-1", "nama lengkap", "tahun", "catatan",
                        "renstra", "é"])
FLAT_ROW = st.dictionaries(KEYS, SCALAR, max_size=3)
VALUE = SCALAR | FLAT_ROW | st.lists(SCALAR, max_size=3) | st.fixed_dictionaries(
    {"kode": TEXT}, optional={"sub": st.lists(FLAT_ROW, min_size=1, max_size=2)})
REFUSED_VALUES = st.sampled_from([10 ** 30, -(2 ** 63) - 1, float("nan"), float("inf"),
                                  object(), {1: 2}])

ENGLISH = re.compile(r"\b(the|invalid|error|cannot|not|failed|expected|missing)\b", re.I)


def typed(value: Any) -> Any:
    """A value with its types spelled out, so that 1 == 1.0 == True no longer hold."""
    if isinstance(value, dict):
        return ("dict", {key: typed(item) for key, item in value.items()})
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    return (type(value).__name__, value)


def walk(value: Any, path: tuple = ()):
    """Every (path, value) below `value`, itself included."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))


def get(data: Any, path: tuple, default: Any = None) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return default
    return data


def _same_kind(item: Any, items: list) -> bool:
    """What the engine accepts in a list: rows among rows, values among values."""
    if not items:
        return True
    return isinstance(item, dict) == isinstance(items[0], dict)


# -- lines of the file and the edits that touched them --------------------------------------------

_KEY = re.compile(r'\s*([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')\s*')


def _keys(text: str) -> tuple[str, ...] | None:
    keys = []
    pos = 0
    while True:
        match = _KEY.match(text, pos)
        if not match:
            return None
        raw = match.group(1)
        keys.append(tomllib.loads(f"k = {raw}")["k"] if raw[0] in "\"'" else raw)
        pos = match.end()
        if pos == len(text):
            return tuple(keys)
        if text[pos] != ".":
            return None
        pos += 1


def _resolve(keys: tuple[str, ...], aot: dict) -> tuple:
    path: tuple = ()
    for key in keys:
        path = (*path, key)
        if path in aot:
            path = (*path, aot[path])
    return path if keys and path[-1] == keys[-1] else path[:-1]


def _complete(buffer: str) -> bool:
    try:
        tomllib.loads(buffer)
        return True
    except tomllib.TOMLDecodeError:
        return False


def line_paths(text: str) -> list[tuple[str, str, tuple]] | None:
    """(line, kind, path) for every line: "header", "value" (a key's line or a line of its
    value) or "trivia" (blank or comment, belonging to the table it stands in). None when the
    text has a shape this reader does not follow."""
    out = []
    context: tuple = ()
    aot: dict = {}
    waiting = False
    value_path: tuple = ()
    buffer = ""
    for line in text.split("\n"):
        if waiting:
            out.append((line, "value", value_path))
            buffer += "\n" + line
            waiting = not _complete(buffer)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            out.append((line, "trivia", context))
        elif stripped.startswith("[["):
            keys = _keys(stripped[2:stripped.index("]]")])
            if keys is None:
                return None
            array = _resolve(keys, aot)
            aot[array] = aot.get(array, -1) + 1
            context = (*array, aot[array])
            out.append((line, "header", context))
        elif stripped.startswith("["):
            keys = _keys(stripped[1:stripped.index("]")])
            if keys is None:
                return None
            context = _resolve(keys, aot)
            out.append((line, "header", context))
        else:
            if "=" not in stripped:
                return None
            key_text, value = stripped.split("=", 1)
            keys = _keys(key_text.strip())
            if keys is None:
                return None
            value_path = (*context, *keys)
            out.append((line, "value", value_path))
            buffer = f"k = {value}"
            waiting = not _complete(buffer)
    return out


def untouched_lines(text: str, touched: list[tuple]) -> list[str] | None:
    lines = line_paths(text)
    if lines is None:
        return None
    hit = []
    for line, kind, path in lines:
        inside = any(path[: len(edit)] == edit for edit in touched)
        holds = kind == "value" and any(edit[: len(path)] == path for edit in touched)
        hit.append(inside or holds)
    # the blank lines right above a header that was touched go with it (tomlkit keeps them in
    # the table's own whitespace, so a table removed takes its blank line along)
    for index in range(len(lines) - 1, 0, -1):
        if hit[index] and lines[index][1] == "header" or hit[index] and not lines[index][0].strip():
            if not lines[index - 1][0].strip():
                hit[index - 1] = True
    return [line for (line, _kind, _path), gone in zip(lines, hit) if not gone]


def is_subsequence(lines: list[str], text: str) -> bool:
    new = iter(text.split("\n"))
    return all(any(line == other for other in new) for line in lines)


# -- the machine -----------------------------------------------------------------------------------


class EngineMachine(RuleBasedStateMachine):
    start_text = START

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="lakip-model-"))
        self.file = self.folder / "proyek.toml"
        self.file.write_text(self.start_text, encoding="utf-8")
        self.project = Project.load(self.file)
        self.model: dict = tomllib.loads(self.start_text)
        self.undo_states: list[dict] = []  # the model before each undoable step
        self.redo_states: list[dict] = []
        self.saved_depth = 0
        self.saved_text = self.start_text
        self.touched: list[tuple] = []  # paths the edits since the last save reached
        self.aside: tuple | None = None  # a document parsed "in the background"
        self.saves = 0
        STEPS["runs"] += 1

    def teardown(self) -> None:
        for path in sorted(self.folder.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()
        self.folder.rmdir()

    # -- the model's own bookkeeping -------------------------------------------------------------

    def push(self, touched: tuple) -> None:
        """The model is about to change by one undoable step that reaches `touched`."""
        self.undo_states.append((copy.deepcopy(self.model), touched))
        if self.saved_depth > len(self.undo_states) - 1:
            self.saved_depth = -1
        self.redo_states.clear()
        self.touched.append(touched)

    def make_tables(self, path: tuple) -> None:
        """The engine makes each missing table on the way as an edit of its own."""
        node = self.model
        for index, part in enumerate(path):
            if isinstance(node, dict) and part not in node:
                self.push(path[: index + 1])
                node[part] = {}
            node = node[part]

    def state(self) -> tuple:
        p = self.project
        return (typed(p.data), p.dirty, p.can_undo, p.can_redo, p.text,
                len(p.edits_since_save), p.path)

    def attempt(self, action, model_change=None) -> bool:
        """Run one engine call; if the engine refuses it, the refusal must be in Indonesian and
        change nothing (then the model is left as it is). Returns whether it was accepted."""
        before = self.state()
        try:
            action()
        except LakipError as exc:
            assert exc.message and not ENGLISH.search(exc.message), exc.message
            assert self.state() == before, "a refused operation changed the project"
            return False
        if model_change is not None:
            model_change()
        return True

    # -- paths drawn from the model ---------------------------------------------------------------

    def tables(self) -> list[tuple]:
        return [path for path, value in walk(self.model) if isinstance(value, dict)]

    def lists(self) -> list[tuple]:
        return [path for path, value in walk(self.model) if isinstance(value, list)]

    def leaves(self) -> list[tuple]:
        return [path for path, _ in walk(self.model) if path]

    # -- edits -------------------------------------------------------------------------------------

    @precondition(lambda self: self.leaves())
    @rule(data=st.data())
    def set_existing(self, data) -> None:
        path = data.draw(st.sampled_from(self.leaves()))
        original = get(tomllib.loads(self.saved_text), path, None)
        choices = [VALUE] + ([st.just(original)] if original is not None else [])
        value = data.draw(st.one_of(choices))
        self.do_set(path, value)

    @rule(data=st.data(), key=KEYS, value=VALUE)
    def set_new_key(self, data, key, value) -> None:
        table = data.draw(st.sampled_from(self.tables()))
        self.do_set((*table, key), value)

    @rule(data=st.data(), keys=st.lists(KEYS, min_size=2, max_size=3), value=SCALAR)
    def set_in_missing_tables(self, data, keys, value) -> None:
        table = data.draw(st.sampled_from(self.tables()))
        self.do_set((*table, *keys), value)

    @precondition(lambda self: self.leaves())
    @rule(data=st.data())
    def remove_key(self, data) -> None:
        candidates = [p for p in self.leaves() if isinstance(p[-1], str)]
        if not candidates:
            return
        self.do_set(data.draw(st.sampled_from(candidates)), None)

    @precondition(lambda self: self.leaves())
    @rule(data=st.data(), value=REFUSED_VALUES)
    def set_refused_value(self, data, value) -> None:
        path = data.draw(st.sampled_from(self.leaves()))
        assert not self.attempt(lambda: self.project.set(path, value))

    @rule(data=st.data(), value=SCALAR)
    def set_through_a_value(self, data, value) -> None:
        """A path that goes through a number or text does not exist: refused, nothing made."""
        leaves = [p for p, v in walk(self.model) if p and not isinstance(v, (dict, list))]
        if not leaves:
            return
        path = data.draw(st.sampled_from(leaves))
        assert not self.attempt(lambda: self.project.set((*path, "x", "y"), value))

    def do_set(self, path: tuple, value: Any) -> None:
        def change() -> None:
            parent_path, key = path[:-1], path[-1]
            parent = get(self.model, parent_path)
            if parent is None:
                self.make_tables(parent_path)
                parent = get(self.model, parent_path)
            if isinstance(parent, dict):
                old = parent.get(key, _NONE)
            else:
                old = parent[key]
            if old is not _NONE and typed(old) == typed(value):
                return
            if old is _NONE and value is None:
                return
            self.push(path)
            if value is None:
                parent.pop(key, None)
            else:
                parent[key] = copy.deepcopy(value)

        self.attempt(lambda: self.project.set(path, value), change)

    @rule(data=st.data(), index=st.integers(-2, 6), row=FLAT_ROW, value=SCALAR)
    def insert(self, data, index, row, value) -> None:
        lists = self.lists()
        where = data.draw(st.sampled_from(["list", "new"]) if lists else st.just("new"))
        if where == "list":
            path = data.draw(st.sampled_from(lists))
        else:
            table = data.draw(st.sampled_from(self.tables()))
            path = (*table, data.draw(KEYS), *data.draw(st.lists(KEYS, max_size=1)))
        item = data.draw(st.sampled_from([row, value]))
        self.do_insert(path, index, item)

    def do_insert(self, path: tuple, index: int, item: Any) -> None:
        def change() -> None:
            items = get(self.model, path)
            if items is None:
                self.make_tables(path[:-1])
                self.push(path)
                items = get(self.model, path[:-1])[path[-1]] = []
            else:
                self.push(path)
            items.insert(max(0, min(index, len(items))), copy.deepcopy(item))

        accepted = self.attempt(lambda: self.project.insert(path, index, item), change)
        existing = get(self.model, path)
        if isinstance(existing, list) and not _same_kind(item, existing):
            assert not accepted, "a row among values (or a value among rows) was accepted"

    @rule(data=st.data(), index=st.integers(-1, 6))
    def delete(self, data, index) -> None:
        lists = self.lists()
        if not lists:
            return
        path = data.draw(st.sampled_from(lists))

        def change() -> None:
            self.push(path)
            del get(self.model, path)[index]

        self.attempt(lambda: self.project.delete(path, index), change)

    @rule(data=st.data(), index=st.integers(-1, 5), new_index=st.integers(-2, 6))
    def move(self, data, index, new_index) -> None:
        lists = self.lists()
        if not lists:
            return
        path = data.draw(st.sampled_from(lists))

        def change() -> None:
            items = get(self.model, path)
            target = max(0, min(new_index, len(items) - 1))
            if target != index:
                self.push(path)
                items.insert(target, items.pop(index))

        self.attempt(lambda: self.project.move(path, index, new_index), change)

    @rule()
    def undo(self) -> None:
        def change() -> None:
            if self.undo_states:
                self.model, touched = self.undo_states.pop()
                self.redo_states.append((before, touched))
                self.touched.append(touched)

        before = copy.deepcopy(self.model)
        self.attempt(self.project.undo, change)

    @rule()
    def redo(self) -> None:
        def change() -> None:
            if self.redo_states:
                self.model, touched = self.redo_states.pop()
                self.undo_states.append((before, touched))
                self.touched.append(touched)

        before = copy.deepcopy(self.model)
        self.attempt(self.project.redo, change)

    # -- the background parse --------------------------------------------------------------------

    @rule()
    def parse_and_adopt(self) -> None:
        self.project.adopt_document(*self.project.parse_document_text())

    @rule()
    def parse_aside(self) -> None:
        self.aside = self.project.parse_document_text()

    @precondition(lambda self: self.aside is not None)
    @rule()
    def adopt_aside(self) -> None:
        text, doc = self.aside
        self.aside = None
        self.project.adopt_document(text, doc)

    # -- read-only ---------------------------------------------------------------------------------

    @precondition(lambda self: self.leaves())
    @rule(data=st.data(), value=SCALAR)
    def edit_read_only(self, data, value) -> None:
        self.project.read_only = True
        try:
            path = data.draw(st.sampled_from(self.leaves()))
            assert not self.attempt(lambda: self.project.set(path, value))
            lists = self.lists()
            if lists:
                assert not self.attempt(lambda: self.project.insert(lists[0], 0, value))
            if self.project.can_undo:
                assert not self.attempt(self.project.undo)
        finally:
            self.project.read_only = False

    # -- saving ------------------------------------------------------------------------------------

    def saved(self, target: Path) -> None:
        """After a save that worked: the file holds the model, untouched lines are intact."""
        text = target.read_text(encoding="utf-8")
        assert typed(tomllib.loads(text)) == typed(self.model)
        kept = untouched_lines(self.saved_text, self.touched)
        if kept is not None:
            assert is_subsequence(kept, text), "a line no edit touched was changed or moved"
        assert not list(self.folder.glob(".*.tmp")), "a temporary file was left behind"
        self.saved_text = text
        self.touched = []
        self.saved_depth = len(self.undo_states)
        self.saves += 1

    @rule()
    def save(self) -> None:
        self.project.save()
        self.saved(self.file)
        assert not self.project.dirty and not self.project.disk_changed()

    @rule(name=st.sampled_from(["lain.toml", "sub/lain.toml", "proyek.toml"]))
    def save_as(self, name) -> None:
        target = self.folder / name
        target.parent.mkdir(exist_ok=True)
        self.project.save(target, force=True)
        self.file = target
        self.saved(target)
        assert not self.project.dirty

    @rule(fault=st.sampled_from(["fsync", "replace", "mkstemp", "fdopen", "chmod"]),
          code=st.sampled_from([errno.ENOSPC, errno.EACCES, errno.EFBIG, errno.EROFS]),
          save_as=st.booleans())
    def save_with_a_fault(self, fault, code, save_as) -> None:
        before_file = self.file.read_bytes()
        target = self.folder / "gagal.toml" if save_as else None
        error = OSError(code, os.strerror(code))
        owner = tempfile if fault == "mkstemp" else os
        with mock.patch.object(owner, fault, side_effect=error):
            assert not self.attempt(lambda: self.project.save(target))
        assert self.file.read_bytes() == before_file
        assert target is None or not target.exists()
        assert not list(self.folder.glob(".*.tmp")), "a temporary file was left behind"

    @rule(data=st.data())
    def save_in_the_background(self, data) -> None:
        """The save the TUI runs in a worker: edits go on while it runs; it writes the edits it
        started with, and the project stays dirty for the ones made meanwhile."""
        job = self.project.begin_save(snapshot=True)
        meant = copy.deepcopy(self.model)
        depth = len(self.undo_states)
        touched = list(self.touched)
        for _ in range(data.draw(st.integers(0, 2)) if self.leaves() else 0):
            path = data.draw(st.sampled_from(self.leaves()))
            self.do_set(path, data.draw(SCALAR))
        edited_meanwhile = typed(meant) != typed(self.model)
        job.run()
        assert self.project.end_save(job)
        model, self.model = self.model, meant
        later, self.touched = self.touched[len(touched):], touched
        self.saved(self.file)
        self.model, self.touched = model, later
        self.saved_depth = depth
        assert self.project.dirty or not edited_meanwhile

    # -- invariants --------------------------------------------------------------------------------

    @invariant()
    def data_equals_model(self) -> None:
        STEPS["steps"] += 1
        assert typed(self.project.data) == typed(self.model)

    @invariant()
    def undo_and_dirty_follow_the_model(self) -> None:
        project = self.project
        assert project.can_undo == bool(self.undo_states)
        assert project.can_redo == bool(self.redo_states)
        depth = len(self.undo_states)
        assert project.dirty == (depth != self.saved_depth or self.saved_depth < 0)


class _None:
    pass


_NONE = _None()
