"""A computation run in a forked child while this process goes on with its own work; the result
comes back pickled through a pipe.

Used where two pure-Python tasks of about the same length would otherwise run one after the
other: the editor parses a big file while it imports Textual (`early_parse.py`), the export counts
the check's errors while it writes the report (`export.ErrorCount`). The child never returns and
never raises: it writes the pickled result to the pipe, or nothing when anything goes wrong, and
leaves without cleaning up (`os._exit`). A caller that gets nothing back computes the value
itself, so a failing child changes nothing but the time.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable


def can_fork(env: dict[str, str] | os._Environ, switch: str) -> bool:
    """Whether a child is worth it: fork exists, more than one core is ours, and the
    environment variable `switch` is not "0" (kept for measuring one way against the other)."""
    if env.get(switch, "1") == "0" or not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) > 1


def single_threaded() -> bool:
    """Whether this process runs one thread, native ones counted (a database engine's pool,
    Typst's). A child forked beside other threads can wait forever on a lock one of them held,
    or on a thread pool that exists only in the parent: a child that runs Typst is forked only
    from a process that has not started Typst's pool."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        import threading

        return threading.active_count() == 1


class ForkedCall:
    """`compute()` in a forked child, started at once; `result()` waits for it."""

    def __init__(self, compute: Callable[[], Any]) -> None:
        self._pid = 0
        self._pipe: int | None = None
        try:
            read_end, write_end = os.pipe()
        except OSError:  # no descriptor left: the caller computes it itself
            return
        sys.stdout.flush()  # else the child's copy of a buffer could be written twice
        sys.stderr.flush()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            return
        if pid == 0:
            os.close(read_end)
            _compute_and_send(compute, write_end)
        os.close(write_end)
        self._pid, self._pipe = pid, read_end

    @property
    def started(self) -> bool:
        """False when no child could be started, or its result was taken already."""
        return self._pipe is not None

    def result(self) -> Any | None:
        """What `compute()` returned in the child; None when it handed back nothing (then the
        caller computes it itself: `compute` should never return None)."""
        import pickle

        if self._pipe is None:
            return None
        try:
            with os.fdopen(self._pipe, "rb") as pipe:
                payload = pipe.read()
        finally:
            self._pipe = None
            self._wait()
        if not payload:
            return None
        try:
            return pickle.loads(payload)
        except Exception:
            return None

    def cancel(self) -> None:
        """Not wanted after all: the child is ended and waited for."""
        import signal

        if self._pipe is None:
            return
        os.close(self._pipe)
        self._pipe = None
        try:
            os.kill(self._pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self._wait()

    def _wait(self) -> None:
        if self._pid:
            try:
                os.waitpid(self._pid, 0)
            except ChildProcessError:
                pass
            self._pid = 0


def _compute_and_send(compute: Callable[[], Any], write_end: int) -> None:
    """In the child: never returns, never raises, writes only to the pipe."""
    try:
        import pickle

        view = memoryview(pickle.dumps(compute(), protocol=pickle.HIGHEST_PROTOCOL))
        while view:
            view = view[os.write(write_end, view):]
    except BaseException:  # nothing is written: the parent computes it and says what is wrong
        pass
    finally:
        os._exit(0)
