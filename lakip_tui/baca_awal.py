"""Reading a big project file while the editor starts: the parse runs in a forked child, at the
same time as the parent imports Textual.

Both are pure Python and take about the same time for a city's file (tomllib 70 ms, Textual
100 ms), so one after the other they are most of the wait for the first screen. On a machine
with more than one core the child parses the bytes the parent has already read, and hands the
data back pickled (which loads twenty times faster than TOML parses). Anything that goes wrong in
the child (a TOML error, no fork, a broken pipe) makes it hand back nothing, and the parent
parses the file itself as it always did, with the same messages. A small file is parsed at once
(forking costs more than it would save), and so is a very big one (see UKURAN_MAKSIMUM).
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path as FsPath

# Below the minimum the parse takes under 20 ms: not worth a process. Above the maximum the
# parse takes several times as long as Textual's import, so little of it overlaps, while pickling
# the data back costs more and more (measured: 2 MiB -68 ms, 4 MiB -55 ms, 6,6 MiB -23 to
# +46 ms; docs/performance.md), and two processes would hold the whole data at once.
UKURAN_MINIMUM = 256 * 1024
UKURAN_MAKSIMUM = 4 * 1024 * 1024
MATIKAN = "LAKIP_BACA_PARALEL"  # "0" parses in the editor's own process, for measuring


def _inti_tersedia() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class BacaAwal:
    """The file's bytes, read now, and its data, parsed beside the start if it is worth it."""

    def __init__(self, path: str | os.PathLike, env: dict[str, str] | None = None) -> None:
        env = os.environ if env is None else env
        self.path = FsPath(path)
        self._pid = 0
        self._pipa: int | None = None
        try:
            self.raw: bytes | None = self.path.read_bytes()
        except OSError:
            self.raw = None  # Project.load reads again and says what is wrong
            return
        if (UKURAN_MINIMUM <= len(self.raw) <= UKURAN_MAKSIMUM and env.get(MATIKAN, "1") != "0"
                and hasattr(os, "fork") and _inti_tersedia() > 1):
            self._mulai()

    @property
    def paralel(self) -> bool:
        return self._pipa is not None

    def _mulai(self) -> None:
        baca, tulis = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            os.close(baca)
            os.close(tulis)
            return
        if pid == 0:  # the child: parse, hand the data over, and leave without cleaning up
            os.close(baca)
            _urai_lalu_kirim(self.raw, tulis)
        os.close(tulis)
        self._pid, self._pipa = pid, baca

    def data(self) -> dict | None:
        """The child's data, or None when there is none (then the caller parses)."""
        if self._pipa is None:
            return None
        try:
            with os.fdopen(self._pipa, "rb") as pipa:
                payload = pipa.read()
        finally:
            self._pipa = None
            self._tunggu()
        if not payload:
            return None
        try:
            data = pickle.loads(payload)
        except Exception:
            return None
        return data if isinstance(data, dict) else None

    def batal(self) -> None:
        """Not needed after all (the start failed before the file was wanted)."""
        if self._pipa is not None:
            os.close(self._pipa)
            self._pipa = None
            self._tunggu()

    def _tunggu(self) -> None:
        if self._pid:
            try:
                os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass
            self._pid = 0


def _urai_lalu_kirim(raw: bytes, tulis: int) -> None:
    """In the child: never returns, never raises, never writes anywhere but the pipe."""
    try:
        import tomllib

        text = raw.decode("utf-8")
        payload = pickle.dumps(tomllib.loads(text.removeprefix("\ufeff")),
                               protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(payload)
        while view:
            view = view[os.write(tulis, view):]
    except BaseException:  # the parent parses the file itself and reports what is wrong
        pass
    finally:
        os._exit(0)
