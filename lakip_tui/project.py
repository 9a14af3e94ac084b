"""Load and save one project file, with an edit API, undo history and change events.

Two views of the same file are kept:
- `data`: plain Python (dicts, lists, ints, strs) parsed with tomllib. It is fast to get, so the
  first screen and `lakip check` never wait for tomlkit, and it is what plugins are given.
- the tomlkit document, parsed only when it is needed (on save), so comments and layout survive.
Every edit is applied to `data` at once and recorded as an operation; the operations are replayed
key by key onto the tomlkit document, never by replacing whole tables.
"""

from __future__ import annotations

import copy
import os
import re
import tempfile
import tomllib
from contextlib import contextmanager
from pathlib import Path as FsPath
from typing import Any, Callable, NamedTuple

from .errors import LakipError
from .paths import Path, format_path, get_in
from .splice import splice

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


# An operation is (kind, path, payload); each has an exact inverse for undo.
Op = tuple[str, Path, Any]


def parse_toml(text: str, where: str) -> dict:
    """tomllib with an Indonesian message that names file, line and column."""
    try:
        return tomllib.loads(text)
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
        """`data` is this very text already parsed (by baca_awal's helper process); without it
        the text is parsed here."""
        self.path = path
        where = str(path) if path else "<teks>"
        # Windows Notepad starts a UTF-8 file with a byte order mark, which TOML does not allow:
        # it is set aside here and written back on save, so the file stays as its editor made it
        self._bom = _BOM if text.startswith(_BOM) else ""
        text = text[len(self._bom):]
        self.data: dict = parse_toml(text, where) if data is None else data
        check_format(self.data, where)
        self._text = text  # also what disk_changed compares the file with
        self._doc = None  # tomlkit document, parsed on demand
        self._pending: list[Op] = []  # edits not yet applied to the tomlkit document
        self._undo: list[Op] = []
        self._redo: list[Op] = []
        self._saved_depth = 0  # len(self._undo) at the last save
        self._listeners: list[Callable[[Change], None]] = []
        # Set by the TUI when the file is opened read-only: every edit is refused here, at the one
        # place all edits pass, so no widget can change the data by mistake.
        self.read_only = False
        # where a removed key stood and its comment, so undo (or typing it again) puts it back
        self._tombstones: dict[Path, tuple] = {}

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

    def document(self):
        """The tomlkit document with every edit so far applied (parsed on first use)."""
        if self._doc is None:
            import tomlkit  # slow to import and to parse: only on the save path

            try:
                self._doc = tomlkit.parse(self._text)
            except Exception as exc:  # tomlkit and tomllib disagree: refuse rather than guess
                raise LakipError(f"berkas tidak dapat dibaca untuk disimpan: {exc}",
                                 where=str(self.path or "<teks>")) from None
        for op in self._pending:
            _apply_to_doc(self._doc, op, self._tombstones)
        self._pending.clear()
        return self._doc

    @property
    def needs_document(self) -> bool:
        """True when the next save will need the tomlkit document (an edit that cannot be
        spliced into the text is waiting) and it has not been parsed yet."""
        return self._doc is None and not all(map(_spliceable, self._pending))

    def parse_document_text(self) -> tuple[str, Any]:
        """Parse the tomlkit document of the text as last loaded or saved, for `adopt_document`.

        Safe to run in a worker thread: it only reads one immutable string; nothing of the
        project changes until `adopt_document` is called back on the editing thread.
        """
        import tomlkit

        text = self._text
        return text, tomlkit.parse(text)

    def adopt_document(self, text: str, doc: Any) -> bool:
        """Take a document parsed in the background, if the file has not been saved or reloaded
        since (then it belongs to an older text and is dropped). Pending edits replay on it."""
        if self._doc is not None or text is not self._text:
            return False
        self._doc = doc
        # replay now: the next edit is applied to the document directly, after these
        for op in self._pending:
            _apply_to_doc(doc, op, self._tombstones)
        self._pending.clear()
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
        _check_value(value, path)
        parent = self._container(path[:-1], create=True)
        key = path[-1]
        old = _MISSING
        if isinstance(parent, dict):
            old = parent.get(key, _MISSING)
        elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            old = parent[key]
        else:
            raise LakipError("lokasi tidak ada", where=format_path(path))
        if old is not _MISSING and old == value and type(old) is type(value):
            return
        if old is _MISSING and value is None:
            return
        self._do(("set", path, (copy.deepcopy(old), copy.deepcopy(value))))

    def insert(self, list_path: Path, index: int, value: Any) -> None:
        """Insert `value` (a row dict or a scalar) at `index` of the list at `list_path`."""
        _check_value(value, list_path)
        items = self.get(list_path)
        if items is None:
            # the first row of a table the file does not have yet: its parent tables are made
            # by edits of their own, as `set` does
            self._container(list_path[:-1], create=True)
            items = []
        if not isinstance(items, list):
            raise LakipError("bukan daftar", where=format_path(list_path))
        index = max(0, min(index, len(items)))
        self._do(("insert", list_path, (index, copy.deepcopy(value))))

    def delete(self, list_path: Path, index: int) -> None:
        items = self.get(list_path)
        if not isinstance(items, list) or not 0 <= index < len(items):
            raise LakipError("baris tidak ada", where=format_path((*list_path, index)))
        self._do(("delete", list_path, (index, copy.deepcopy(items[index]))))

    def move(self, list_path: Path, index: int, new_index: int) -> None:
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
        op = self._undo.pop()
        for part in _parts(_inverse(op)):
            self._apply(part)
            self._emit(Change(part[0], part[1], "undo", part))
        self._redo.append(op)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        op = self._redo.pop()
        for part in _parts(op):
            self._apply(part)
            self._emit(Change(part[0], part[1], "redo", part))
        self._undo.append(op)
        return True

    def _do(self, op: Op) -> None:
        if self.read_only:
            raise LakipError("berkas dibuka hanya-baca; perubahan tidak diterima",
                             where=format_path(op[1]), title="Hanya-baca")
        self._apply(op)
        self._undo.append(op)
        if self._saved_depth > len(self._undo) - 1:
            self._saved_depth = -1  # the saved state is no longer reachable by undo
        self._redo.clear()
        self._emit(Change(op[0], op[1], "edit", op))

    def _apply(self, op: Op) -> None:
        _apply_to_data(self.data, op)
        if self._doc is not None:
            _apply_to_doc(self._doc, op, self._tombstones)
        else:
            self._pending.append(op)

    def _container(self, path: Path, *, create: bool) -> Any:
        node: Any = self.data
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
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return True
        return raw != (self._bom + self._text).encode("utf-8")

    def render_text(self) -> str:
        """The file's text with every edit applied; the original text when nothing changed."""
        if self._doc is None and not self._pending:
            return self._text
        return self._spliced_text() or self._tomlkit_text()

    def _spliced_text(self) -> str | None:
        """The old text with only the edited values' characters replaced, when every edit so far
        replaced one value at a key; None otherwise. No tomlkit document is needed for it."""
        if self._doc is not None:
            return None
        text: str | None = self._text
        for op in self._pending:
            if not _spliceable(op):
                return None
            text = splice(text, op[1], op[2][1])
            if text is None:
                return None
        return _same_newlines(self._text, text)

    def _tomlkit_text(self) -> str:
        import tomlkit

        return _same_newlines(self._text, tomlkit.dumps(self.document()))

    def save(self, path: str | os.PathLike | None = None, *, force: bool = False) -> FsPath:
        """Write atomically: temp file in the same folder, fsync, verify, then replace.

        Refuses (ChangedOnDisk) when the file changed on disk since loading, unless `force`.
        """
        target = FsPath(path) if path is not None else self.path
        if target is None:
            raise LakipError("belum ada nama berkas untuk menyimpan")
        same_file = self.path is not None and target.resolve() == self.path.resolve()
        if same_file and not force and self.disk_changed():
            raise ChangedOnDisk(target)
        text = self._spliced_text() if self._pending else None
        if text is not None and not self._says_what_was_meant(text, target, quiet=True):
            text = None  # the fast path missed: let tomlkit render the whole document
        if text is None:
            text = self.render_text() if not self._pending else self._tomlkit_text()
            self._says_what_was_meant(text, target, quiet=False)
        else:
            self._pending.clear()  # the edits are in the new text; no document to replay them on
        atomic_write(target, self._bom + text)
        self.path = target
        self._text = text
        self._saved_depth = len(self._undo)
        self._emit(Change("save", ()))
        return target

    def _says_what_was_meant(self, text: str, target: FsPath, *, quiet: bool) -> bool:
        """Parse the text about to be written; it must hold exactly the edited data."""
        try:
            written = parse_toml(text, f"{target} (hasil simpan)")
        except LakipError:
            if quiet:
                return False
            raise
        if written == self.data:
            return True
        if quiet:
            return False
        raise LakipError(
            "hasil penyimpanan tidak sama dengan data yang disunting; berkas tidak diubah",
            where=str(target),
            title="Penyimpanan dibatalkan",
        )

    def reload(self) -> None:
        """Throw away unsaved edits and read the file again from disk."""
        fresh = Project.load(self.path)
        self.data, self._text, self._bom = fresh.data, fresh._text, fresh._bom
        self._doc, self._pending, self._tombstones = None, [], {}
        self._undo, self._redo, self._saved_depth = [], [], 0
        self._emit(Change("reload", ()))


def _same_newlines(original: str, text: str) -> str:
    """A Windows-made file stays CRLF: tomlkit and the splicer write new lines with a bare \\n."""
    if "\r\n" in original and original.count("\n") == original.count("\r\n"):
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def _spliceable(op: Op) -> bool:
    """One value replacing another at a key: what splice.py may write into the text."""
    kind, _path, payload = op
    scalars = (str, int, float, bool)
    return kind == "set" and isinstance(payload[0], scalars) and isinstance(payload[1], scalars)


def atomic_write(target: FsPath, text: str) -> None:
    """Write `text` to `target` so that a crash leaves either the old or the new file, whole.

    A symlink is followed (the file it points to is replaced, not the link); the file keeps its
    permissions, and a new file gets the usual ones (the temp file alone would make it 0600).
    """
    if target.is_symlink():
        target = target.resolve()
    if target.exists() and not target.is_file():  # a device or a pipe must not be renamed over
        raise LakipError("bukan berkas biasa; tidak akan ditimpa", where=str(target))
    folder = target.parent if str(target.parent) else FsPath(".")
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LakipError(f"tidak dapat menulis di folder ini ({exc.strerror})",
                         where=str(folder)) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if FsPath(temp_name).read_bytes() != text.encode("utf-8"):
            raise LakipError("isi berkas sementara tidak sama dengan yang ditulis", where=temp_name)
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    try:  # make the rename itself durable
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:
        pass


# -- operations ------------------------------------------------------------------------------


class _Missing:
    def __repr__(self) -> str:
        return "<tidak ada>"

    def __deepcopy__(self, memo: dict) -> "_Missing":
        return self


_MISSING = _Missing()
_SCALARS = (str, int, float, bool)


def _check_value(value: Any, path: Path) -> None:
    """Only TOML-able plain data goes into the file; floats that are not finite never do."""
    if value is None or isinstance(value, _SCALARS):
        if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
            raise LakipError("nilai bukan angka yang sah", where=format_path(path))
        return
    if isinstance(value, list):
        for item in value:
            _check_value(item, path)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise LakipError("nama kunci harus teks", where=format_path(path))
            _check_value(item, (*path, key))
        return
    import datetime

    if isinstance(value, (datetime.date, datetime.time)):
        return
    raise LakipError(f"jenis nilai tidak dapat disimpan: {type(value).__name__}",
                     where=format_path(path))


def _parts(op: Op) -> tuple[Op, ...]:
    """The single edits of a step, in order (a group's, nested groups flattened)."""
    if op[0] != "group":
        return (op,)
    return tuple(single for part in op[2] for single in _parts(part))


def _inverse(op: Op) -> Op:
    kind, path, payload = op
    if kind == "group":
        return ("group", path, tuple(_inverse(part) for part in reversed(payload)))
    if kind == "set":
        old, new = payload
        return ("set", path, (new, old))
    if kind == "insert":
        index, value = payload
        return ("delete", path, (index, value))
    if kind == "delete":
        index, value = payload
        return ("insert", path, (index, value))
    if kind == "move":
        index, new_index = payload
        return ("move", path, (new_index, index))
    raise ValueError(kind)


def _apply_to_data(data: dict, op: Op) -> None:
    kind, path, payload = op
    if kind == "set":
        parent = get_in(data, path[:-1])
        _, new = payload
        if new is None or new is _MISSING:
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
        index, value = payload
        items.insert(index, copy.deepcopy(value))
    elif kind == "delete":
        index, _ = payload
        del items[index]
    elif kind == "move":
        index, new_index = payload
        items.insert(new_index, items.pop(index))


def _apply_to_doc(doc: Any, op: Op, tombstones: dict) -> None:
    """Replay one operation on the tomlkit document, touching only the keys it names."""
    import tomlkit

    kind, path, payload = op
    if kind == "set":
        parent = _doc_node(doc, path[:-1])
        key = path[-1]
        _, new = payload
        if new is None or new is _MISSING:
            if key in parent:
                _bury(parent, key, path, tombstones)
                del parent[key]
        elif isinstance(new, dict) and not new and isinstance(key, str):
            parent[key] = tomlkit.table()
        elif _ubah_di_tempat(parent, key, new):
            pass
        elif isinstance(parent, list) or key in parent or path not in tombstones:
            parent[key] = _to_toml(new)
        else:
            _resurrect(parent, key, _to_toml(new), tombstones.pop(path))
        return
    if kind == "insert":
        index, value = payload
        parent = _doc_node(doc, path[:-1])
        key = path[-1]
        if key not in parent:
            parent[key] = tomlkit.aot() if isinstance(value, dict) else tomlkit.array()
        items = parent[key]
        item = _to_toml(value, aot_row=isinstance(items, tomlkit.items.AoT))
        if isinstance(items, tomlkit.items.AoT) and len(items):
            _dress_like(item, items[max(0, min(index, len(items)) - 1)])
        items.insert(index, item)
    elif kind == "delete":
        index, _ = payload
        del _doc_node(doc, path)[index]
    elif kind == "move":
        index, new_index = payload
        items = _doc_node(doc, path)
        row = items[index]
        del items[index]
        items.insert(new_index, row)


def _skalar_semua(items: Any) -> bool:
    return all(isinstance(item, _SCALARS) for item in items)


def _bertipe(items: list) -> list[tuple[type, Any]]:
    """Items with their type, so that 70 and 70.0 (or True and 1) are not taken as equal."""
    return [(type(item), item) for item in items]


def _ubah_di_tempat(parent: Any, key: Any, new: Any) -> bool:
    """Change an array of scalars or a flat inline table in place, item by item, so the file
    keeps its layout (one item per line, comments on items) and only what changed differs.
    False when the value is not of that kind: the caller replaces it whole."""
    import difflib

    import tomlkit

    if isinstance(parent, list) or not isinstance(key, str) or key not in parent:
        return False
    node = parent[key]
    if isinstance(node, tomlkit.items.Array) and isinstance(new, list):
        old = node.unwrap()
        if not (_skalar_semua(old) and _skalar_semua(new)):
            return False
        matcher = difflib.SequenceMatcher(None, _bertipe(old), _bertipe(new), autojunk=False)
        for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            common = min(i2 - i1, j2 - j1)
            for offset in range(common):
                node[i1 + offset] = new[j1 + offset]
            for index in range(i2 - 1, i1 + common - 1, -1):
                del node[index]
            for offset in range(common, j2 - j1):
                node.insert(i1 + offset, new[j1 + offset])
        return True
    if isinstance(node, tomlkit.items.InlineTable) and isinstance(new, dict):
        if not (_skalar_semua(node.unwrap().values()) and _skalar_semua(new.values())):
            return False
        for name in [name for name in node if name not in new]:
            del node[name]
        for name, value in new.items():
            if name not in node or _bertipe([node[name]]) != _bertipe([value]) \
                    or node[name] != value:
                node[name] = value
        return True
    return False


def _container_of(node: Any) -> Any:
    return node if hasattr(node, "_insert_after") else getattr(node, "value", None)


def _bury(parent: Any, key: str, path: Path, tombstones: dict) -> None:
    """Remember the key before `key` and its line's comment, before the key is removed."""
    container = _container_of(parent)
    if container is None or not hasattr(container, "item"):
        return
    keys = list(parent.keys())
    previous = keys[keys.index(key) - 1] if keys.index(key) > 0 else None
    trivia = container.item(key).trivia
    tombstones[path] = (previous, trivia.indent, trivia.comment_ws, trivia.comment, trivia.trail)


def _resurrect(parent: Any, key: str, item: Any, tombstone: tuple) -> None:
    previous, indent, comment_ws, comment, trail = tombstone
    container = _container_of(parent)
    if previous is None or previous not in parent or container is None:
        parent[key] = item
        return
    if hasattr(item, "trivia"):
        item.trivia.indent, item.trivia.comment_ws = indent, comment_ws
        item.trivia.comment, item.trivia.trail = comment, trail
    container._insert_after(previous, key, item)  # tomlkit 0.15 (pinned): no public insert-at


def _dress_like(row: Any, sibling: Any) -> None:
    """A new row of an array of tables takes its neighbour's layout: the same indentation of
    its header and keys, and the blank line after it when the neighbour has one."""
    import tomlkit

    indent = sibling.trivia.indent
    row.indent(len(indent) - len(indent.rstrip(" ")))
    body = sibling.value.body
    if body and isinstance(body[-1][1], tomlkit.items.Whitespace) and "\n" in body[-1][1].s:
        row.add(tomlkit.nl())


def _doc_node(doc: Any, path: Path) -> Any:
    node = doc
    for part in path:
        node = node[part]
    return node


def _to_toml(value: Any, *, aot_row: bool = False) -> Any:
    """Plain data to tomlkit items; rows of an array of tables become tables, nested dicts too."""
    import tomlkit

    if isinstance(value, dict):
        table = tomlkit.table()
        for key, item in value.items():
            if isinstance(item, list) and item and all(isinstance(x, dict) for x in item):
                aot = tomlkit.aot()
                for row in item:
                    aot.append(_to_toml(row, aot_row=True))
                table[key] = aot
            else:
                table[key] = _to_toml(item)
        return table if aot_row or any(isinstance(v, (dict, list)) for v in value.values()) \
            else _inline(value)
    if isinstance(value, list):
        array = tomlkit.array()
        for item in value:
            array.append(_to_toml(item))
        return array
    return tomlkit.item(value)


def _inline(value: dict) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    for key, item in value.items():
        table[key] = item
    return table
