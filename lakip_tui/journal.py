"""The crash journal: every unsaved edit, appended as it happens, so a dropped SSH connection,
a closed terminal or a kill loses nothing.

Where: the user's state folder (platformdirs; `LAKIP_STATE_DIR` overrides), never beside the
project file, which may sit in a shared folder or a git repository. One session writes one
journal, `<key>.<pid>-<token>.jsonl`, where the key is a hash of the project file's real path:
- line 1: a header naming the file, the SHA-256 of the text the edits were made against, and
  the session (host, pid, process start time);
- then one line per edit: the operation exactly as the project applied it (Change.op).
Beside it, `<same name>.dasar` holds that text itself, so the edits can still be merged when
the file has changed on disk since (`plan_recovery`).

Each line goes to the kernel at once (os.write on an O_APPEND descriptor: it survives the
process being killed); a thread fsyncs it within a second (it survives a power cut then), and
touches the file every minute so a session on another host can see it is alive. A successful
save, a reload or an explicit "discard" clears the journal. Headless: no Textual here.
"""

from __future__ import annotations

import datetime
import json
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from . import processes
from .errors import LakipError

if TYPE_CHECKING:
    from .merge import Konflik

# The editor makes its Journal before the first frame: hashlib, secrets and the merge are
# imported when the first edit is journaled or a journal is read, not at start.

FORMAT = 1
STATE_ENV = "LAKIP_STATE_DIR"
SYNC_DELAY = 0.2  # seconds between an edit and its fsync (at most; the promise is one second)
HEARTBEAT = 60.0  # seconds between touches of a live journal
LIVE_AGE = 10 * 60.0  # another host's journal touched this recently belongs to a live session

_WRITING: set[Path] = set()  # journals this process writes now (and so are nobody's to recover)


def state_folder() -> Path:
    """Where journals live: $LAKIP_STATE_DIR, else the platform's user state folder."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_state_path("lakip-tui", appauthor=False) / "jurnal"


def real_path(project_file: str | os.PathLike) -> Path:
    return Path(os.path.realpath(project_file))


def file_key(project_file: str | os.PathLike) -> str:
    import hashlib

    return hashlib.sha256(os.fsencode(real_path(project_file))).hexdigest()[:24]


def text_hash(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- values as JSON, types kept ---------------------------------------------------------------
# JSON keeps str, int (any size), float (1.0 stays a float), bool, lists and objects. Dates and
# "no value here" are written as {"$t": ...}; a key of the user's that starts with "$" gets one
# more "$", so it can never be taken for those.

_DATES = {"datetime": datetime.datetime, "date": datetime.date, "time": datetime.time}


def encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {("$" + k if k.startswith("$") else k): encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, (str, int, float, bool)):
        return value
    for name, kind in _DATES.items():  # datetime first: it is also a date
        if isinstance(value, kind):
            return {"$t": name, "v": value.isoformat()}
    return {"$t": "tiada"}  # the project's "no value" marker (a key added or removed)


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$t" in value:
            kind = value["$t"]
            if kind == "tiada":
                from .merge import ABSENT

                return ABSENT
            return _DATES[kind].fromisoformat(value["v"])
        return {(k[1:] if k.startswith("$") else k): decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def encode_op(op: tuple) -> str:
    kind, path, payload = op
    return json.dumps({"op": kind, "path": list(path), "isi": encode(payload)},
                      ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def decode_op(line: str) -> tuple:
    raw = json.loads(line)
    kind, path, payload = raw["op"], raw["path"], decode(raw["isi"])
    if kind not in ("set", "insert", "delete", "move") or not isinstance(path, list) \
            or not all(isinstance(p, (str, int)) and not isinstance(p, bool) for p in path) \
            or not isinstance(payload, list) or len(payload) != 2:
        raise ValueError("bukan suntingan")
    return kind, tuple(path), tuple(payload)


# -- writing ----------------------------------------------------------------------------------


class Journal:
    """This session's journal of one project file. Created empty; the files appear with the
    first edit and go away with `clear` (a save, a reload, a discard)."""

    def __init__(self, project_file: str | os.PathLike, base_text: str, *,
                 folder: Path | None = None) -> None:
        self.project_file = Path(project_file)
        self._folder = folder
        self.base_text = base_text
        self.path: Path | None = None  # named when the first edit opens it
        self._fd: int | None = None
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._unsynced = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self.error: OSError | None = None  # the first write that failed (disk full...)

    def attach(self, project: Any) -> Callable[[], None]:
        """Journal every edit of `project`; a save or reload starts again from its new text."""

        def listener(change: Any) -> None:
            if change.op is not None:
                self.append(change.op)
            elif change.kind in ("save", "reload"):
                if project.path is not None:  # after "save as" the session edits that file
                    self.project_file = Path(project.path)
                self.restart(project.text)

        return project.subscribe(listener)

    @property
    def active(self) -> bool:
        return self._fd is not None

    def append(self, op: tuple) -> None:
        line = (encode_op(op) + "\n").encode("utf-8")
        with self._lock:
            try:
                if self._fd is None:
                    self._open()
                os.write(self._fd, line)
            except OSError as exc:  # a journal that cannot be written must not stop editing
                self.error = self.error or exc
                return
            self._unsynced = True
        self._wake.set()

    @property
    def base_path(self) -> Path | None:
        return self.path.with_suffix(".dasar") if self.path is not None else None

    def _open(self) -> None:
        import secrets

        folder = self._folder or state_folder()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = f"{file_key(self.project_file)}.{os.getpid()}-{secrets.token_hex(4)}"
        self.path = folder / f"{name}.jsonl"
        base = self.base_text.encode("utf-8")
        fd = os.open(self.base_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(base)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        header = {
            "jurnal": FORMAT,
            "berkas": str(real_path(self.project_file)),
            "sha256": text_hash(self.base_text),
            "host": processes.host(),
            "pid": os.getpid(),
            "mulai": processes.my_start_time(),
            "dibuat": time.time(),
        }
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC, 0o600)
        _WRITING.add(self.path)
        os.write(self._fd, (json.dumps(header, ensure_ascii=False) + "\n").encode("utf-8"))
        if self._thread is None:
            self._thread = threading.Thread(target=self._syncer, name="lakip-jurnal", daemon=True)
            self._thread.start()

    def _syncer(self) -> None:
        last_touch = time.monotonic()
        while not self._closed:
            woken = self._wake.wait(HEARTBEAT)
            if self._closed:
                return
            if woken:
                self._wake.clear()
                time.sleep(SYNC_DELAY)  # edits that follow each other share one fsync
                self.sync()
            elif self._fd is not None and time.monotonic() - last_touch >= HEARTBEAT:
                try:
                    os.utime(self._fd)
                except OSError:
                    pass
                last_touch = time.monotonic()

    def sync(self) -> None:
        """Make every edit so far durable now (SIGHUP, SIGTERM, before a recovered journal is
        removed)."""
        with self._lock:
            if self._fd is not None and self._unsynced:
                try:
                    os.fsync(self._fd)
                except OSError as exc:
                    self.error = self.error or exc
                self._unsynced = False

    def restart(self, base_text: str) -> None:
        """The file is durable with `base_text` now: earlier edits are in it, forget them."""
        self.clear()
        self.base_text = base_text

    def clear(self) -> None:
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
                _WRITING.discard(self.path)
            self._unsynced = False
            if self.path is None:
                return
            for path in (self.path, self.base_path):
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    self.error = self.error or exc

    def close(self) -> None:
        """End of session with edits unsaved: keep the journal, durable, for the next start."""
        self.sync()
        self._closed = True
        self._wake.set()
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
                _WRITING.discard(self.path)


# -- reading ----------------------------------------------------------------------------------


class SavedJournal(NamedTuple):
    """A journal left by a session that ended without saving."""

    path: Path
    header: dict
    ops: list[tuple]
    base_text: str | None
    note: str  # "" or why some of it could not be read (e.g. a last line cut by a kill)

    @property
    def made(self) -> str:
        when = self.header.get("dibuat")
        return time.strftime("%d-%m-%Y %H:%M", time.localtime(when)) if when else "?"

    @property
    def who(self) -> str:
        return f"pid {self.header.get('pid', '?')} di {self.header.get('host', '?')}"


def _owner_running(header: dict, path: Path) -> bool:
    """Is the session that writes this journal still running (then it is not ours to take)?"""
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return False
    if header.get("host") != processes.host():
        return age < LIVE_AGE
    pid = header.get("pid")
    if not isinstance(pid, int):
        return False
    if pid == os.getpid() and header.get("mulai") == processes.my_start_time():
        return path in _WRITING
    running = processes.running(pid, header.get("mulai"))
    return age < LIVE_AGE if running is None else running


def read_journal(path: Path) -> SavedJournal | None:
    """A journal file; None when it is not one (or its header cannot be read)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    lines = raw.split(b"\n")
    try:
        header = json.loads(lines[0])
        if not isinstance(header, dict) or header.get("jurnal") != FORMAT:
            return None
    except ValueError:
        return None
    ops: list[tuple] = []
    note = ""
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        try:
            ops.append(decode_op(line.decode("utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            # a line cut short by a kill is the last one; anything after it is not trusted
            note = f"baris {number} jurnal tidak terbaca; suntingan sesudahnya diabaikan"
            break
    try:
        base_text: str | None = path.with_suffix(".dasar").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        base_text = None
    if base_text is not None and text_hash(base_text) != header.get("sha256"):
        base_text = None
    return SavedJournal(path, header, ops, base_text, note)


def find_journals(project_file: str | os.PathLike, *, folder: Path | None = None,
                  include_live: bool = False) -> list[SavedJournal]:
    """Journals of this file left by sessions that no longer run, oldest first."""
    folder = folder or state_folder()
    real = str(real_path(project_file))
    found = []
    try:
        candidates = sorted(folder.glob(f"{file_key(project_file)}.*.jsonl"))
    except OSError:
        return []
    for path in candidates:
        saved = read_journal(path)
        if saved is None or saved.header.get("berkas") != real:
            continue
        if not include_live and _owner_running(saved.header, path):
            continue
        found.append(saved)
    found.sort(key=lambda s: s.header.get("dibuat") or 0)
    return found


def remove_journal(saved: SavedJournal) -> None:
    for path in (saved.path, saved.path.with_suffix(".dasar")):
        try:
            path.unlink()
        except FileNotFoundError:
            pass


# -- what recovering would change -------------------------------------------------------------


class Recovery(NamedTuple):
    """What restoring a journal onto the current data does: the edits to apply (`ops`, from
    the current data to the result), and the values both sides changed (`conflicts`)."""

    ops: list[tuple]
    conflicts: list[Konflik]
    base_matches: bool  # the journal was made against exactly this data
    note: str


def replay(base_text: str, ops: list[tuple]) -> tuple[dict, dict, str]:
    """The data of `base_text`, and that data with the journal's edits applied (as far as they
    apply: a note says where it stopped)."""
    import copy

    from .merge import apply_ops
    from .project import Project

    project = Project(base_text, None)
    base = copy.deepcopy(project.data)
    done = 0
    note = ""
    try:
        for op in ops:
            apply_ops(project, [op])
            done += 1
    except LakipError as exc:
        note = f"suntingan ke-{done + 1} dari {len(ops)} tidak dapat diterapkan ({exc})"
    return base, project.data, note


def plan_recovery(saved: SavedJournal, current: dict, current_text: str | None = None,
                  choices: list[str] | None = None) -> Recovery:
    """Restore `saved` onto `current` (the data in the editor, or on disk): replayed as it is
    when the journal was made against that very text; else merged three ways (base = the text
    the journal was made against), so only values both sides changed are conflicts."""
    from .merge import diff, merge3, same

    base_text = saved.base_text
    if base_text is None and current_text is not None \
            and text_hash(current_text) == saved.header.get("sha256"):
        base_text = current_text
    if base_text is None:
        raise LakipError("teks asal jurnal ini tidak ada lagi, dan berkas sudah berubah; "
                         "suntingannya tidak dapat digabungkan dengan aman", where=str(saved.path),
                         title="Jurnal tidak dapat dipulihkan")
    base, ours, note = replay(base_text, saved.ops)
    if same(base, current):
        return Recovery(diff(current, ours), [], True, note)
    merged = merge3(base, ours, current, choices)
    return Recovery(diff(current, merged.data), merged.konflik, False, note)
