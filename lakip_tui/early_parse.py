"""Reading a big project file while a command starts: the parse runs in a forked child, at the
same time as the parent imports what the command needs (the editor Textual, the export its
writers and the plugins).

Both are pure Python and take about the same time for a city's file (tomllib 70 ms, Textual
100 ms), so one after the other they are most of the wait for the first screen. On a machine
with more than one core the child parses the bytes the parent has already read, and hands the
data back pickled (which loads twenty times faster than TOML parses). Anything that goes wrong in
the child (a TOML error, no fork, a broken pipe) makes it hand back nothing, and the parent
parses the file itself as it always did, with the same messages. A small file is parsed at once
(forking costs more than it would save), and so is a very big one (see MAX_SIZE).
"""

from __future__ import annotations

import os
from pathlib import Path as FsPath
from typing import TYPE_CHECKING

from .forked import ForkedCall, can_fork

if TYPE_CHECKING:
    from .project import Project

# Below the minimum the parse takes under 20 ms: not worth a process. Above the maximum the
# parse takes several times as long as Textual's import, so little of it overlaps, while pickling
# the data back costs more and more (measured: 2 MiB -68 ms, 4 MiB -55 ms, 6,6 MiB -23 to
# +46 ms; docs/performance.md), and two processes would hold the whole data at once.
MIN_SIZE = 256 * 1024
MAX_SIZE = 4 * 1024 * 1024
SWITCH = "LAKIP_BACA_PARALEL"  # "0" parses in the editor's own process, for measuring


class EarlyParse:
    """The file's bytes, read now, and its data, parsed beside the start if it is worth it."""

    def __init__(self, path: str | os.PathLike, env: dict[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.path = FsPath(path)
        self._child: ForkedCall | None = None
        try:
            self.raw: bytes | None = self.path.read_bytes()
        except OSError:
            self.raw = None  # Project.load reads again and says what is wrong
            return
        if MIN_SIZE <= len(self.raw) <= MAX_SIZE and can_fork(env, SWITCH):
            self._child = ForkedCall(self._parse)

    def _parse(self) -> dict:
        import tomllib

        return tomllib.loads(self.raw.decode("utf-8").removeprefix("\ufeff"))

    @property
    def parallel(self) -> bool:
        return self._child is not None and self._child.started

    def data(self) -> dict | None:
        """The child's data, or None when there is none (then the caller parses)."""
        if self._child is None:
            return None
        data = self._child.result()
        return data if isinstance(data, dict) else None

    def cancel(self) -> None:
        """Not needed after all (the start failed before the file was wanted)."""
        if self._child is not None:
            self._child.cancel()


def load_project(path: str | os.PathLike, early: EarlyParse | None) -> "Project":
    """The project, from the bytes and data read while the command started, or read now; a file
    that cannot be read or parsed raises its LakipError here either way."""
    from .project import Project

    if early is None or early.raw is None or early.path != FsPath(path):
        return Project.load(path)
    return Project.from_bytes(early.raw, early.path, data=early.data())
