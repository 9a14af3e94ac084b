"""Load, edit and save one project file, with undo history and change events.

- `data`: plain Python (dicts, lists, ints, strs) parsed with tomllib. It is fast to get, so the
  first screen and `lakip check` never wait for tomlkit, and it is what plugins are given.
- `text`: the file's text as last loaded or durably saved, and the operations applied to `data`
  since (edits, undos, redos, in order). A save is a pure function of those two (see save.py):
  the new text is computed from them, verified, written; only then do they move on. A tomlkit
  document parsed in the background is only a cache of that same text.
"""

from __future__ import annotations

import copy
import os
import re
import tomllib
from contextlib import contextmanager
from pathlib import Path as FsPath
from typing import Any, Callable, NamedTuple

from .errors import LakipError
from .ops import INT_MAX, INT_MIN, MAX_DEPTH, MISSING as _MISSING, Op
from .ops import apply_to_data as _apply_to_data
from .ops import check_value as _check_value, inverse as _inverse, spliceable as _spliceable
from .paths import Path, format_path, get_in
from .save import DocumentCache, SaveJob, atomic_write, disk_differs

__all__ = ["ChangedOnDisk", "Change", "Project", "atomic_write", "parse_toml", "Op"]

FORMAT_VERSION = 1

_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)\s*$")

# tomllib speaks English; the planner reads Indonesian.
_TOML_MESSAGES = [
    ("Invalid value", "nilai tidak valid"),
    ("Cannot overwrite a value", "kunci ini sudah diisi sebelumnya (duplikat)"),
    ("Cannot declare", "tabel ini sudah dideklarasikan sebelumnya"),
    ("Expected '=' after a key", "diharapkan '=' setelah nama kunci"),
    ("Expected ']' at the end of a table declaration", "kurung ']' penutup tabel tidak ada"),
    ("Expected ']]' at the end of an array declaration", "kurung ']]' penutup tabel tidak ada"),
    ("Unclosed array", "daftar [...] tidak ditutup"),
    ("Unclosed inline table", "tabel {...} tidak ditutup"),
    ("Illegal character", "karakter tidak sah (teks belum ditutup tanda kutip?)"),
    ("Unterminated string", "teks belum ditutup tanda kutip"),
    ("Expected newline or end of document", "diharapkan baris baru setelah nilai"),
    ("Invalid statement", "baris tidak dapat dibaca"),
    ("Invalid initial character for a key part", "nama kunci tidak valid"),
]


class ChangedOnDisk(LakipError):
    """The file was changed by someone else since it was opened."""

    def __init__(self, path: FsPath) -> None:
        super().__init__(
            "berkas telah diubah di luar aplikasi sejak dibuka",
            where=str(path),
            title="Berkas berubah di disk",
        )


class Change(NamedTuple):
    """One edit, as told to listeners: what kind, where, and whether it came from undo/redo.

    `op` is the operation exactly as it was applied to the data, (kind, path, payload): for an
    undo it is the inverse of the undone edit. Replaying the ops in order on the data they were
    made against gives the data after them (the crash journal keeps them for that). None for
    "save" and "reload"."""

    kind: str  # "set", "insert", "delete", "move", "reload", "save"
    path: Path
    source: str = "edit"  # "edit", "undo", "redo"
    op: "Op | None" = None


def parse_toml(text: str, where: str) -> dict:
    """tomllib with an Indonesian message that names file, line and column."""
    try:
        return tomllib.loads(text)
    except RecursionError:  # tomllib recurses per level of [ or {
        raise LakipError(f"isi berkas bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                         where=where, title="Berkas TOML rusak") from None
    except tomllib.TOMLDecodeError as exc:
        raw = str(exc)
        match = _POSITION.search(raw)
        english = raw[: match.start()] if match else raw
        message = next((ind for eng, ind in _TOML_MESSAGES if english.startswith(eng)), None)
        message = message or f"sintaks TOML tidak valid ({english})"
        if match and match.group(1):
            location = f"{where}:{match.group(1)}:{match.group(2)}"
            message = f"baris {match.group(1)} kolom {match.group(2)}: {message}"
        else:
            location = where
            message = f"akhir berkas: {message}"
        raise LakipError(message, where=location, title="Berkas TOML rusak") from None


def check_format(data: dict, where: str) -> None:
    """Refuse files from a newer lakip-tui instead of misreading them."""
    version = data.get("format", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool):
        raise LakipError(f"kunci 'format' harus bilangan bulat, bukan {version!r}", where=where)
    if version > FORMAT_VERSION:
        raise LakipError(
            f"format berkas {version} lebih baru dari yang dikenal versi ini ({FORMAT_VERSION});"
            " perbarui lakip-tui untuk membukanya",
            where=where,
            title="Format tidak dikenal",
        )
    if version < 1:
        raise LakipError(f"format berkas {version} tidak dikenal", where=where)


# The core reads these keys itself, so they must be tables (a plugin's own keys are its own
# business: the readers in baca.py tolerate any shape there).
_CORE_TABLES = ("meta", "plugins")


def check_shape(data: dict, text: str, where: str) -> None:
    """What the core reads must have its shape; what TOML (or Python) cannot hold is refused
    here, with where it is, rather than as a crash later: an integer beyond 64 bits (TOML
    integers stop at 9.223.372.036.854.775.807) or nesting deeper than MAX_DEPTH levels."""
    for key in _CORE_TABLES:
        if key in data and not isinstance(data[key], dict):
            raise LakipError(f"'{key}' harus berupa tabel [{key}], bukan {_kind(data[key])}",
                             where=f"{where}: {key}")
    files = data.get("plugins", {}).get("files")
    if files is not None and not (isinstance(files, list)
                                  and all(isinstance(f, str) for f in files)):
        raise LakipError("'plugins.files' harus berupa daftar nama berkas, mis. [\"bab.py\"]",
                         where=f"{where}: plugins.files")
    # The data is walked whole: 4 ms for a city's file, 39 ms for the huge bench file. A regex
    # over the text that picked the files worth walking cost 30 times more (120 ms, 1,2 s).
    _check_depth_and_integers(data, where)


def _kind(value: Any) -> str:
    return {str: "teks", bool: "benar/salah", int: "bilangan", float: "bilangan",
            list: "daftar"}.get(type(value), type(value).__name__)


def _check_depth_and_integers(data: dict, where: str) -> None:
    stack: list[tuple[Any, Path]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise LakipError(f"isi berkas bersarang terlalu dalam (lebih dari {MAX_DEPTH}"
                             " tingkat)", where=f"{where}: {format_path(path[:8])}...")
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, (dict, list)):
                stack.append((value, (*path, key)))
            elif type(value) is int and not INT_MIN <= value <= INT_MAX:
                raise LakipError("bilangan terlalu besar untuk disimpan (batas TOML"
                                 " 9.223.372.036.854.775.807)",
                                 where=f"{where}: {format_path((*path, key))}")


def _read_text(path: FsPath) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise LakipError("berkas tidak ditemukan", where=str(path)) from None
    except IsADirectoryError:
        raise LakipError("ini folder, bukan berkas proyek", where=str(path)) from None
    except PermissionError:
        raise LakipError("tidak ada izin membaca berkas", where=str(path)) from None


_BOM = "\ufeff"


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LakipError(
            f"berkas bukan teks UTF-8 (byte ke-{exc.start})", where=where, title="Berkas rusak"
        ) from None


class Project:
    """One agency's report for one fiscal year, as a file on disk and the edits made to it."""

    def __init__(self, text: str, path: FsPath | None = None, *, data: dict | None = None) -> None:
        """`data` is this very text already parsed (by early_parse's helper process); without it
        the text is parsed here."""
        self.path = path
        where = str(path) if path else "<teks>"
        # Windows Notepad starts a UTF-8 file with a byte order mark, which TOML does not allow:
        # it is set aside here and written back on save, so the file stays as its editor made it
        self._bom = _BOM if text.startswith(_BOM) else ""
        text = text[len(self._bom):]
        self.data: dict = parse_toml(text, where) if data is None else data
        check_format(self.data, where)
        check_shape(self.data, text, where)
        self._text = text  # the last durable text; also what disk_changed compares the file with
        self._since: list[Op] = []  # every operation applied to `data` since `_text`, in order
        self._cache: DocumentCache | None = None  # tomlkit document of `_text` (see save.py)
        self._saving: SaveJob | None = None  # a save running (perhaps in a worker thread)
        self._undo: list[Op] = []
        self._redo: list[Op] = []
        self._saved_depth = 0  # len(self._undo) at the last save; -1 when no longer reachable
        self._listeners: list[Callable[[Change], None]] = []
        # Set by the TUI when the file is opened read-only: every edit is refused here, at the one
        # place all edits pass, so no widget can change the data by mistake.
        self.read_only = False

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | os.PathLike) -> "Project":
        fs_path = FsPath(path)
        return cls.from_bytes(_read_text(fs_path), fs_path)

    @classmethod
    def from_bytes(cls, raw: bytes, path: FsPath, *, data: dict | None = None) -> "Project":
        """The file's bytes as read from `path` (and, if it was parsed elsewhere, its data)."""
        return cls(_decode(raw, str(path)), path, data=data)

    @property
    def text(self) -> str:
        """The file's text as last loaded or saved."""
        return self._text

    @property
    def edits_since_save(self) -> tuple[Op, ...]:
        """The operations applied since the text was last loaded or saved, in order."""
        return tuple(self._since)

    @property
    def needs_document(self) -> bool:
        """True when the next save will need a tomlkit document (an edit that cannot be spliced
        into the text is waiting) and none has been parsed for the current text yet."""
        return self._cache is None and not all(map(_spliceable, self._since))

    def parse_document_text(self) -> tuple[str, Any]:
        """Parse the tomlkit document of the text as last loaded or saved, for `adopt_document`.

        Safe to run in a worker thread: it only reads one immutable string; nothing of the
        project changes until `adopt_document` is called back on the editing thread.
        """
        from .save import document_of

        text = self._text
        return text, document_of(text)

    def adopt_document(self, text: str, doc: Any) -> bool:
        """Keep a document parsed in the background as the cache of the current text. It is
        dropped when the text was saved or reloaded since (it belongs to an older text). The
        edits since that text are replayed on it only by a save, in their order."""
        if self._cache is not None or text is not self._text:
            return False
        self._cache = DocumentCache(text, doc)
        return True

    # -- reading ---------------------------------------------------------------------------

    def get(self, path: Path, default: Any = None) -> Any:
        return get_in(self.data, path, default)

    @property
    def dirty(self) -> bool:
        return len(self._undo) != self._saved_depth or self._saved_depth < 0

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- change events ---------------------------------------------------------------------

    def subscribe(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call `listener` after every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- editing ---------------------------------------------------------------------------

    def set(self, path: Path, value: Any) -> None:
        """Set the value at `path` (None removes the key: TOML has no null)."""
        self._refuse_if_read_only(path)
        if not path:
            raise LakipError("lokasi tidak ada", where="(akar berkas)")
        _check_value(value, path)
        parent = self._container(path[:-1], create=True)
        key = path[-1]
        old = _MISSING
        if isinstance(parent, dict) and isinstance(key, str):
            old = parent.get(key, _MISSING)
        elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            old = parent[key]
            if value is None:
                raise LakipError("isi daftar tidak dapat dikosongkan; hapus barisnya",
                                 where=format_path(path))
            if isinstance(value, dict) != isinstance(old, dict):
                raise LakipError("baris tabel dan nilai tunggal tidak dapat dicampur dalam satu"
                                 " daftar", where=format_path(path))
        else:
            raise LakipError("lokasi tidak ada", where=format_path(path))
        if old is not _MISSING and old == value and type(old) is type(value):
            return
        if old is _MISSING and value is None:
            return
        self._do(("set", path, (copy.deepcopy(old), copy.deepcopy(value))))

    def insert(self, list_path: Path, index: int, value: Any) -> None:
        """Insert `value` (a row dict or a scalar) at `index` of the list at `list_path`."""
        self._refuse_if_read_only(list_path)
        _check_value(value, list_path)
        if value is None:
            raise LakipError("baris kosong tidak dapat disimpan", where=format_path(list_path))
        items = self.get(list_path)
        makes = items is None
        if items is None:
            if not list_path or not isinstance(list_path[-1], str):
                raise LakipError("lokasi tidak ada", where=format_path(list_path))
            parent = self._container(list_path[:-1], create=True)
            if not isinstance(parent, dict):
                raise LakipError("lokasi tidak ada", where=format_path(list_path))
            items = []
        if not isinstance(items, list):
            raise LakipError("bukan daftar", where=format_path(list_path))
        if items and isinstance(value, dict) != isinstance(items[0], dict):
            # a [[table]] array holds rows only, and a list of values takes no row
            raise LakipError("baris tabel dan nilai tunggal tidak dapat dicampur dalam satu daftar",
                             where=format_path(list_path))
        index = max(0, min(index, len(items)))
        payload = (index, copy.deepcopy(value), True) if makes else (index, copy.deepcopy(value))
        self._do(("insert", list_path, payload))

    def delete(self, list_path: Path, index: int) -> None:
        self._refuse_if_read_only(list_path)
        items = self.get(list_path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise LakipError("baris tidak ada", where=format_path((*list_path, index)))
        self._do(("delete", list_path, (index, copy.deepcopy(items[index]))))

    def move(self, list_path: Path, index: int, new_index: int) -> None:
        self._refuse_if_read_only(list_path)
        items = self.get(list_path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise LakipError("baris tidak ada", where=format_path((*list_path, index)))
        new_index = max(0, min(new_index, len(items) - 1))
        if new_index != index:
            self._do(("move", list_path, (index, new_index)))

    @contextmanager
    def one_step(self):
        """Every edit made inside the block is undone and redone as one step (an import of
        forty budget rows is one Ctrl+Z). Each edit is still applied and announced as it is made."""
        start = len(self._undo)
        try:
            yield self
        finally:
            ops = self._undo[start:]
            if len(ops) > 1:
                del self._undo[start:]
                self._undo.append(("group", (), tuple(ops)))
                if self._saved_depth > start:
                    self._saved_depth = -1

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._refuse_if_read_only(())
        op = self._undo.pop()
        for part in _parts(_inverse(op)):
            self._apply(part)
            self._emit(Change(part[0], part[1], "undo", part))
        self._redo.append(op)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._refuse_if_read_only(())
        op = self._redo.pop()
        for part in _parts(op):
            self._apply(part)
            self._emit(Change(part[0], part[1], "redo", part))
        self._undo.append(op)
        return True

    def _refuse_if_read_only(self, path: Path) -> None:
        if self.read_only:
            raise LakipError("berkas dibuka hanya-baca; perubahan tidak diterima",
                             where=format_path(path), title="Hanya-baca")

    def _do(self, op: Op) -> None:
        self._refuse_if_read_only(op[1])
        self._apply(op)
        self._undo.append(op)
        if self._saved_depth > len(self._undo) - 1:
            self._saved_depth = -1  # the saved state is no longer reachable by undo
        self._redo.clear()
        self._emit(Change(op[0], op[1], "edit", op))

    def _apply(self, op: Op) -> None:
        """The one place the data changes: the operation is also what the next save replays."""
        _apply_to_data(self.data, op)
        self._since.append(op)

    def _container(self, path: Path, *, create: bool) -> Any:
        node: Any = self.data
        for i, part in enumerate(path):
            if isinstance(node, dict) and part not in node:
                # refuse before creating anything: a refused edit changes nothing
                if not create or not all(isinstance(p, str) for p in path[i:]):
                    raise LakipError("lokasi tidak ada", where=format_path(path))
                break
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                raise LakipError("lokasi tidak ada", where=format_path(path)) from None
        node = self.data
        for i, part in enumerate(path):
            if isinstance(node, dict) and part not in node and create and isinstance(part, str):
                # a missing table on the way is created by the edit itself, so undo removes it
                self._do(("set", path[: i + 1], (_MISSING, {})))
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                raise LakipError("lokasi tidak ada", where=format_path(path)) from None
        return node

    # -- saving ----------------------------------------------------------------------------

    def disk_changed(self) -> bool:
        """True when the file on disk is no longer what was loaded or last saved."""
        if self.path is None:
            return False
        return disk_differs(self.path, self._bom + self._text)

    def render_text(self) -> str:
        """The file's text with every edit applied (what a save would write now); the text as
        loaded or saved when nothing changed. Changes nothing of the project."""
        job = self._job(self.path or FsPath("<teks>"), check_disk=False, expected=self.data,
                        cache=None)
        return job.render()

    @property
    def saving(self) -> bool:
        """A save is running (in a worker thread): its result has not been taken in yet."""
        return self._saving is not None

    def begin_save(self, path: str | os.PathLike | None = None, *, force: bool = False,
                   snapshot: bool = False) -> SaveJob:
        """Start a save of the text and the edits as they are now. `job.run()` does the work
        (in a worker thread if `snapshot`: the data is then rebuilt from the text and the edits
        there, so nothing is copied here) and `end_save(job)` takes the result in."""
        target = FsPath(path) if path is not None else self.path
        if target is None:
            raise LakipError("belum ada nama berkas untuk menyimpan")
        if self._saving is not None:
            raise LakipError("penyimpanan sebelumnya masih berjalan; coba lagi sebentar",
                             where=str(target), title="Sedang menyimpan")
        same_file = self.path is not None and _same_file(target, self.path)
        cache, self._cache = self._cache, None  # the job owns it while it runs
        job = self._job(target, check_disk=same_file and not force,
                        expected=None if snapshot else self.data, cache=cache)
        job.depth = len(self._undo)  # the saved marker, once the file is written
        job.history = tuple(self._undo)
        self._saving = job
        return job

    def _job(self, target: FsPath, *, check_disk: bool, expected: dict | None,
             cache: DocumentCache | None) -> SaveJob:
        return SaveJob(target=target, text=self._text, bom=self._bom, ops=tuple(self._since),
                       expected=expected, cache=cache, check_disk=check_disk)

    def end_save(self, job: SaveJob) -> bool:
        """Take in the result of `job.run()`: True when it wrote the file. A failed save changes
        nothing here (the text, the edits since and the saved marker stay), except that the
        document it parsed is kept as the cache when it still belongs to the current text."""
        if job is not self._saving:
            raise ValueError("end_save: bukan penyimpanan yang sedang berjalan")
        self._saving = None
        cache = job.cache if job.cache is not None and job.cache.usable else None
        if job.new_text is None:
            if self._cache is None and cache is not None and cache.text is self._text:
                self._cache = cache
            return False
        done = len(job.ops)
        # the edits made while the save ran stay unsaved, after the new text
        self._since = self._since[done:]
        self._text = job.new_text
        self.path = job.target
        if cache is not None and cache.applied == done and cache.text is job.text:
            cache.text, cache.applied = job.new_text, 0  # its rendering is the new text
            self._cache = cache
        else:
            self._cache = None
        self._saved_depth = job.depth if self._reachable(job.history) else -1
        self._emit(Change("save", ()))
        return True

    def _reachable(self, history: tuple[Op, ...]) -> bool:
        """Whether undo/redo can still reach the state a save started from (edits and undos
        may have happened while it ran): its history must be the undo stack's start, or the
        undo stack followed by what redo would put back."""
        now = self._undo + self._redo[::-1]
        return len(now) >= len(history) and all(a is b for a, b in zip(history, now))

    def save(self, path: str | os.PathLike | None = None, *, force: bool = False) -> FsPath:
        """Write atomically: render, verify, temp file in the same folder, fsync, read back,
        replace. Refuses (ChangedOnDisk) when the file changed on disk since loading, unless
        `force`. A failure raises and leaves the project as it was."""
        job = self.begin_save(path, force=force)
        try:
            job.run()
        finally:
            self.end_save(job)
        return job.target

    def reload(self, fresh: "Project | None" = None) -> None:
        """Throw away unsaved edits and read the file again from disk (or take `fresh`, the
        file as just read: a merge puts edits back on exactly the text it merged with)."""
        if self._saving is not None:
            raise LakipError("penyimpanan masih berjalan; muat ulang setelah selesai",
                             where=str(self.path), title="Sedang menyimpan")
        fresh = fresh if fresh is not None else Project.load(self.path)
        self.data, self._text, self._bom = fresh.data, fresh._text, fresh._bom
        self._since, self._cache = [], None
        self._undo, self._redo, self._saved_depth = [], [], 0
        self._emit(Change("reload", ()))


def _parts(op: Op) -> tuple[Op, ...]:
    """The single edits of a step, in order (a group's, nested groups flattened)."""
    if op[0] != "group":
        return (op,)
    return tuple(single for part in op[2] for single in _parts(part))


def _same_file(a: FsPath, b: FsPath) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
