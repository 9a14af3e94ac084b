"""Saves rendered in a helper process, so that the editor's screen never waits for them.

Rendering a save (splice or tomlkit, then a tomllib parse to verify it) is pure Python. In a
thread of the editor it shares the GIL with the screen, and the garbage collections that its
millions of new objects start stop every thread: up to 2 s per collection for the 20.000-row
file (docs/performance.md). A child process has an interpreter and a heap of its own.

The child only computes text: the editor still checks the disk, writes the file atomically and
takes the result in (save.SaveJob.run, Project.end_save), so a child that dies changes nothing
but the speed: the job is then rendered in the calling thread as before. The child keeps the
tomlkit document of the last text it parsed or rendered, so a structural save continues from it;
`prepare(text)` parses it ahead, while the planner goes on editing.

Protocol: pickled requests on the child's stdin, one pickled reply each on its stdout.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from pathlib import Path as FsPath
from typing import Any

from .errors import LakipError

_PACKAGE_PARENT = str(FsPath(__file__).resolve().parent.parent)
_CHILD = "import sys; sys.path.insert(0, sys.argv[1]); from lakip_tui.save_process import main; main()"


# Below this size a save renders in a few milliseconds (the example: 7 ms): a thread is enough,
# and no process is started for it.
MIN_CHARS = 256 * 1024


class SaveProcess:
    """The editor's side: one child, started on first use, one request at a time."""

    def __init__(self, min_chars: int = MIN_CHARS) -> None:
        self.min_chars = min_chars
        self._lock = threading.Lock()
        self._child: subprocess.Popen | None = None
        self._broken = False  # the child could not be started or died: render in-thread
        self._prepared: str | None = None  # the text the child holds a document of (by identity)

    def render(self, job: Any) -> str:
        """The new text of `job` (save.SaveJob), computed in the child; in this thread when no
        child can do it. Raises LakipError exactly as `job.render()` does."""
        if len(job.text) < self.min_chars:
            return job.render()
        reply = self._ask(("render", job.text, job.bom, job.ops, str(job.target)))
        if reply is None:
            return job.render()
        if reply[0] == "ok":
            self._prepared = None
            return reply[1]
        if reply[0] == "refused":
            _, message, where, title = reply
            raise LakipError(message, where=where, title=title)
        return job.render()  # an unexpected failure in the child: the same work here

    def prepare(self, text: str) -> None:
        """Have the child parse the tomlkit document of `text` now (call from a worker thread)."""
        if not self.wants_document(text):
            return
        if self._ask(("prepare", text)) is not None:
            self._prepared = text

    def wants_document(self, text: str) -> bool:
        """Whether `prepare(text)` would do anything (cheap: call it before starting a thread)."""
        return len(text) >= self.min_chars and self._prepared is not text and not self._broken

    def close(self) -> None:
        """End the child (it also ends by itself when the editor dies: its stdin closes).

        Never waits for a request in flight (a render of a huge file takes seconds, and the
        editor is quitting): that child is killed, and the request's caller, told that the
        child is gone, renders in its own thread as when the child dies."""
        if not self._lock.acquire(blocking=False):
            self._broken = True
            child = self._child
            if child is not None:
                child.kill()
            return
        try:
            child, self._child = self._child, None
            self._broken = True
        finally:
            self._lock.release()
        if child is not None:
            try:
                child.stdin.close()
                child.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                child.kill()

    @property
    def running(self) -> bool:
        return self._child is not None and self._child.poll() is None

    def _ask(self, request: tuple) -> tuple | None:
        with self._lock:
            if self._broken:
                return None
            try:
                child = self._child or self._start()
                pickle.dump(request, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                child.stdin.flush()
                return pickle.load(child.stdout)
            except Exception:  # no child, a broken pipe, a reply cut short: no more tries
                self._broken = True
                child, self._child = self._child, None
                if child is not None:
                    child.kill()
                    child.wait()
                return None

    def _start(self) -> subprocess.Popen:
        # Isolated (-I): not `-m`, which puts the current folder first on sys.path, so that a
        # `lakip_tui/` folder beside a received project would run in place of this package.
        self._child = subprocess.Popen(
            [sys.executable, "-I", "-c", _CHILD, _PACKAGE_PARENT], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True)
        return self._child


# -- the child ----------------------------------------------------------------------------------


class _Child:
    def __init__(self) -> None:
        self.cache = None  # save.DocumentCache of the last text parsed or rendered

    def answer(self, request: tuple) -> tuple:
        from .ops import spliceable
        from .save import DocumentCache, SaveJob, parse_document

        if request[0] == "prepare":
            text = request[1]
            if self._cache_for(text) is None:
                try:
                    self.cache = parse_document(text, "<siapkan>")
                except LakipError:
                    self.cache = None
            return ("ok", None)
        _, text, bom, ops, target = request
        # values alone are spliced into the text (fast); a document is for structural edits
        cache = None if all(map(spliceable, ops)) else self._cache_for(text)
        if cache is not None:
            text = cache.text  # the job uses its cache only for that very text object
        self.cache = None
        job = SaveJob(target=FsPath(target), text=text, bom=bom, ops=ops, expected=None,
                      cache=cache, check_disk=False)
        try:
            new_text = job.render()
        except LakipError as exc:
            return ("refused", exc.message, exc.where, exc.title)
        done = job.cache
        if isinstance(done, DocumentCache) and done.usable and done.applied == len(ops) \
                and done.text is job.text:
            done.text, done.applied = new_text, 0  # its rendering is the new text
            self.cache = done
        return ("ok", new_text)

    def _cache_for(self, text: str):
        cache = self.cache
        if cache is not None and cache.usable and cache.applied == 0 and cache.text == text:
            return cache
        return None


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    child = _Child()
    while True:
        try:
            request = pickle.load(stdin)
        except EOFError:
            return
        try:
            reply = child.answer(request)
        except Exception as exc:  # the editor renders the job itself then
            reply = ("failed", repr(exc))
        pickle.dump(reply, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


if __name__ == "__main__":
    main()
