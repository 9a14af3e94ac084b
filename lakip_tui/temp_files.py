"""The temporary files of a save, and the ones a killed save left behind.

A save writes `.NAME.toml.XXXXXXXX.tmp` beside the project file and renames it over the file
(save.atomic_write). A save killed in between (kill -9, power cut) leaves that copy of the whole
project behind, hidden. Whether such a file belongs to a save still running is told by a lock,
not by a guess from its age: every save holds an exclusive `flock` on the project file from
before the temp file is made until after the rename (`saving`), and the cleanup removes temp
files only while it holds that same lock itself (`remove_leftovers`, at the editor's start, by
`lakip recover`, and by every save). The kernel drops a killed process's lock with it.

Where flock does not exist (Windows), a temp file is taken as left over when it is an hour old.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

OLD_AGE = 3600.0  # seconds: without flock, a temp file this old is no living save's


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


def _pattern(target: Path) -> re.Pattern[str]:
    # tempfile.mkstemp's names: prefix, 8 characters of [a-z0-9_], suffix
    return re.compile(re.escape(temp_prefix(target)) + r"[a-z0-9_]{8}\.tmp\Z")


def leftovers(target: str | os.PathLike) -> list[Path]:
    """The temp files of saves of `target` that are in its folder now."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    pattern = _pattern(target)
    try:
        names = [entry.name for entry in os.scandir(folder)
                 if entry.name.startswith(temp_prefix(target))]
    except OSError:
        return []
    return sorted(folder / name for name in names if pattern.match(name))


def _open_current(target: Path) -> int | None:
    """A descriptor of the file now at `target` (None when there is none)."""
    try:
        return os.open(target, os.O_RDONLY)
    except OSError:
        return None


def _is_current(fd: int, target: Path) -> bool:
    try:
        mine, now = os.fstat(fd), os.stat(target)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


@contextmanager
def saving(target: str | os.PathLike) -> Iterator[None]:
    """Held around one save of `target`: no cleanup removes this save's temp file meanwhile,
    and temp files already there belong to no living save, so they are removed first."""
    target = Path(target)
    if fcntl is None:
        yield
        return
    fd = None
    for _ in range(5):
        fd = _open_current(target)
        if fd is None:
            break  # a new file: nothing to lock yet (and no earlier save of it to clean)
        fcntl.flock(fd, fcntl.LOCK_EX)  # another save of this file: wait for it to end
        if _is_current(fd, target):
            break
        os.close(fd)  # renamed over while we waited: lock the file that is there now
        fd = None
    try:
        if fd is not None:
            _remove(leftovers(target))
        yield
    finally:
        if fd is not None:
            os.close(fd)


def remove_leftovers(target: str | os.PathLike) -> list[Path]:
    """Remove the temp files of `target` that no living save is writing; returns them.
    Never waits: when a save is running, nothing is removed now (the next start or save will)."""
    target = Path(target)
    found = leftovers(target)
    if not found:
        return []
    if fcntl is None:
        now = time.time()
        old = []
        for path in found:
            try:
                if now - path.stat().st_mtime > OLD_AGE:
                    old.append(path)
            except OSError:
                pass
        return _remove(old)
    fd = _open_current(target)
    if fd is None:
        return []  # no project file to lock: leave them (they may be the only copy)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return []  # a save is running
        if not _is_current(fd, target):
            return []
        return _remove(leftovers(target))
    finally:
        os.close(fd)


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for path in paths:
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
        except OSError:
            pass  # not ours to remove (permissions): left as it is
    return removed
