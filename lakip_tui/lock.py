"""A lock file beside the project, so a second session on the same file is noticed.

`.<name>.lakip-lock` holds JSON naming who has the file open: user, host, pid and time. It is
advisory: the second session is told who holds it and chooses read-only or "open anyway".
A lock left by a process of this machine that no longer runs is stale and taken over quietly.
Headless: no Textual here.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from pathlib import Path
from typing import NamedTuple

SUFFIX = ".lakip-lock"


def lock_path(project_file: str | os.PathLike) -> Path:
    file = Path(project_file)
    return file.with_name(f".{file.name}{SUFFIX}")


class LockInfo(NamedTuple):
    """Who holds the lock: written into the lock file, shown when another session opens it."""

    user: str
    host: str
    pid: int
    time: float

    @classmethod
    def mine(cls) -> "LockInfo":
        return cls(_user(), socket.gethostname(), os.getpid(), time.time())

    def as_json(self) -> dict:
        return {"user": self.user, "host": self.host, "pid": self.pid, "time": self.time}

    @property
    def is_mine(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    @property
    def is_stale(self) -> bool:
        """Held by a process of this machine that has ended. Another host's lock is never stale:
        its process cannot be seen from here."""
        return self.host == socket.gethostname() and not _pid_alive(self.pid)

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


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, it is just someone else's
        return True
    except OSError:
        return False
    return True


def read_lock(project_file: str | os.PathLike) -> LockInfo | None:
    """The lock's holder, or None when there is no lock. An unreadable or garbled lock file
    counts as held by an unknown session, so it is never silently ignored."""
    path = lock_path(project_file)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo("?", "?", 0, 0.0)
    try:
        data = json.loads(raw)
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]),
                        float(data.get("time", 0)))
    except (ValueError, KeyError, TypeError):
        return LockInfo("?", "?", 0, 0.0)


class FileLock:
    """This session's lock on one project file."""

    def __init__(self, project_file: str | os.PathLike) -> None:
        self.project_file = Path(project_file)
        self.path = lock_path(self.project_file)
        self.held = False

    def acquire(self, *, force: bool = False) -> None:
        """Take the lock; raise Locked when another live session holds it (unless `force`)."""
        me = LockInfo.mine()
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
            if holder.is_mine or holder.is_stale or force:
                self._overwrite(me)
                self.held = True
                return
            raise Locked(holder, self.path)
        self._overwrite(me)
        self.held = True

    def release(self) -> None:
        """Remove the lock, but only if it is still ours (an "open anyway" session may have
        taken it over since)."""
        if not self.held:
            return
        self.held = False
        holder = read_lock(self.project_file)
        if holder is not None and holder.is_mine:
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
        temp.write_text(json.dumps(me.as_json()), encoding="utf-8")
        os.replace(temp, self.path)
