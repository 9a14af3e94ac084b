"""A lock file beside the project, so a second session on the same file is noticed.

`.<name>.lakip-lock` holds JSON naming who has the file open: user, host, pid, the process's
start time, the time it was taken, and a token that is this session's alone. It is advisory:
the second session is told who holds it and chooses read-only, "open anyway" (edit without the
lock: the first session's lock stays where it is), or, explicitly, taking the lock over.

A session removes a lock only when it holds the token written in it. A lock is stale when
- its holder ran on this host and no longer runs: the pid is gone, or the pid now belongs to a
  process that started at another time (pids are reused); such a lock is taken over quietly;
- it comes from another host and has not been touched for STALE_AGE: a live session touches
  its lock every minute (`refresh`); the user is asked before taking it over.
Headless: no Textual here.
"""

from __future__ import annotations

import getpass
import json
import os
import time
from pathlib import Path
from typing import NamedTuple

from . import processes

SUFFIX = ".lakip-lock"
STALE_AGE = 15 * 60.0  # seconds without a touch after which another host's lock is stale


def lock_path(project_file: str | os.PathLike) -> Path:
    file = Path(project_file)
    return file.with_name(f".{file.name}{SUFFIX}")


class LockInfo(NamedTuple):
    """Who holds the lock: written into the lock file, shown when another session opens it."""

    user: str
    host: str
    pid: int
    time: float
    start: str | None = None  # the holder process's start time (processes.start_time)
    token: str = ""  # the holding session's own random token
    age: float = 0.0  # seconds since the lock file was last touched (read, not written)

    @classmethod
    def mine(cls, token: str = "") -> "LockInfo":
        return cls(_user(), processes.host(), os.getpid(), time.time(), processes.my_start_time(),
                   token)

    def as_json(self) -> dict:
        return {"user": self.user, "host": self.host, "pid": self.pid, "time": self.time,
                "start": self.start, "token": self.token}

    @property
    def is_mine(self) -> bool:
        """Written by this very process (host, pid and start time)."""
        return (self.host == processes.host() and self.pid == os.getpid()
                and (self.start is None or self.start == processes.my_start_time()))

    @property
    def is_stale(self) -> bool:
        """The holder can no longer be editing: see the module's docstring."""
        if self.host == "?":
            return False  # unreadable: never guessed away
        if self.host != processes.host():
            return self.age > STALE_AGE
        running = processes.running(self.pid, self.start)
        return self.age > STALE_AGE if running is None else not running

    @property
    def surely_stale(self) -> bool:
        """Stale beyond doubt (a process of this host that has ended): taken over unasked."""
        return self.host == processes.host() and processes.running(self.pid, self.start) is False

    def describe(self) -> str:
        """"budi di server-bappeda (pid 4242), sejak 12-03-2025 09:14"."""
        since = time.strftime("%d-%m-%Y %H:%M", time.localtime(self.time)) if self.time else "?"
        return f"{self.user} di {self.host} (pid {self.pid}), sejak {since}"


class Locked(Exception):
    """Someone else holds the lock (not a LakipError: the caller asks the user what to do)."""

    def __init__(self, holder: LockInfo, path: Path) -> None:
        super().__init__(f"berkas sedang dibuka oleh {holder.describe()}")
        self.holder = holder
        self.path = path


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no passwd entry in some containers
        return os.environ.get("USER") or "?"


_UNKNOWN = LockInfo("?", "?", 0, 0.0)


def read_lock(project_file: str | os.PathLike) -> LockInfo | None:
    """The lock's holder, or None when there is no lock. An unreadable or garbled lock file
    counts as held by an unknown session, so it is never silently ignored."""
    path = lock_path(project_file)
    try:
        raw = path.read_text(encoding="utf-8")
        age = max(0.0, time.time() - path.stat().st_mtime)
    except FileNotFoundError:
        return None
    except OSError:
        return _UNKNOWN
    try:
        data = json.loads(raw)
        start = data.get("start")
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]),
                        float(data.get("time", 0)), str(start) if start else None,
                        str(data.get("token") or ""), age)
    except (ValueError, KeyError, TypeError, AttributeError):
        return _UNKNOWN


class FileLock:
    """This session's lock on one project file."""

    def __init__(self, project_file: str | os.PathLike) -> None:
        import secrets

        self.project_file = Path(project_file)
        self.path = lock_path(self.project_file)
        self.token = secrets.token_hex(8)
        self.held = False

    def acquire(self, *, force: bool = False) -> None:
        """Take the lock. Raises Locked when another session holds it, unless its process has
        surely ended, or `force` (the user chose to take it over)."""
        me = LockInfo.mine(self.token)
        for _ in range(3):  # a lock that vanishes between our checks is simply retried
            try:
                self._create(me)
                self.held = True
                return
            except FileExistsError:
                pass
            holder = read_lock(self.project_file)
            if holder is None:
                continue
            if holder.token == self.token or holder.surely_stale or force:
                self._overwrite(me)
                self.held = True
                return
            raise Locked(holder, self.path)
        self._overwrite(me)
        self.held = True

    @property
    def ours(self) -> bool:
        """The lock file on disk is this session's (nobody took it over since)."""
        holder = read_lock(self.project_file)
        return holder is not None and bool(self.token) and holder.token == self.token

    def refresh(self) -> None:
        """Touch the lock, so sessions on other hosts see it is alive (every minute or so)."""
        if self.held and self.ours:
            try:
                os.utime(self.path)
            except OSError:
                pass

    def release(self) -> None:
        """Remove the lock, but only if it is still ours: a session that took it over since
        (explicitly), or any other session's lock, is never removed."""
        if not self.held:
            return
        self.held = False
        if self.ours:
            try:
                self.path.unlink()
            except OSError:
                pass

    def _create(self, me: LockInfo) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me.as_json(), handle)

    def _overwrite(self, me: LockInfo) -> None:
        temp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            temp.write_text(json.dumps(me.as_json()), encoding="utf-8")
            os.replace(temp, self.path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
