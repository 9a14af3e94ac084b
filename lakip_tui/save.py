"""A save, computed as a pure function of the last durable text and the edits since.

`SaveJob` holds everything a save needs and nothing the editor still changes: the text as it
was last loaded or saved, the operations applied since (a tuple: copied values, never shared),
the data the new text must hold (or None: replay the operations on that text's own data), and,
if one was parsed, a tomlkit document of that text (a cache, owned by the job while it runs).
`run()` may therefore run in a worker thread while editing goes on. It renders the new text
(splice.py for values, tomlkit for structure), parses it again and compares it with the data
meant, writes it atomically and reads it back. Only when that has all succeeded does
`Project.end_save` mark anything saved; a failure leaves the project exactly as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
import tomllib
from pathlib import Path as FsPath
from typing import Any, Callable

from .errors import LakipError
from .ops import Op, apply_to_data, spliceable
from .splice import splice
from .tomldoc import apply_to_doc


class DocumentCache:
    """A tomlkit document of `text` with the first `applied` operations since it replayed on it.
    Only a cache: whenever it is in doubt it is dropped and the text parsed again."""

    __slots__ = ("text", "doc", "applied", "tombstones")

    def __init__(self, text: str, doc: Any) -> None:
        self.text = text
        self.doc = doc
        self.applied = 0
        self.tombstones: dict = {}  # where removed keys stood (see tomldoc._bury)

    def advance(self, ops: tuple[Op, ...] | list[Op]) -> bool:
        """Replay the operations not yet on the document; False (and unusable) if one fails."""
        try:
            while self.applied < len(ops):
                apply_to_doc(self.doc, ops[self.applied], self.tombstones)
                self.applied += 1
        except Exception:
            self.applied = -1
            return False
        return True

    @property
    def usable(self) -> bool:
        return self.applied >= 0


def document_of(text: str) -> Any:
    """tomlkit's document of `text`. A file whose last line has no newline (Notepad writes them
    so) gets one here: tomlkit would glue a row appended at the end onto that line
    (`kode = "1"[[anggaran.program]]`, which no TOML reader takes); `SaveJob._dump` takes it
    off again, so the file keeps its last line as it was."""
    import tomlkit  # slow to import and to parse: only on the save path

    return tomlkit.parse(text if not text or text.endswith("\n") else text + "\n")


def parse_document(text: str, where: str) -> DocumentCache:
    try:
        return DocumentCache(text, document_of(text))
    except Exception as exc:  # tomlkit and tomllib disagree: refuse rather than guess
        raise LakipError(f"berkas tidak dapat dibaca untuk disimpan: {exc}", where=where) from None


class SaveJob:
    """One save: made on the editing thread by `Project.begin_save`, run anywhere."""

    def __init__(self, *, target: FsPath, text: str, bom: str, ops: tuple[Op, ...],
                 expected: dict | None, cache: DocumentCache | None, check_disk: bool) -> None:
        self.target = target
        self.text = text
        self.bom = bom
        self.ops = ops
        self.expected = expected
        self.cache = cache
        self.check_disk = check_disk
        self.new_text: str | None = None  # set when the file is written, durable and verified
        self.depth = 0  # the undo depth the saved text stands for (see Project.dirty)
        self.history: tuple[Op, ...] = ()  # the undo stack then: is that state still reachable?

    def run(self, renderer: Callable[["SaveJob"], str] | None = None) -> str:
        """Render, verify, write. Returns the new text; raises LakipError (or ChangedOnDisk).
        `renderer` computes what `render` would, elsewhere (save_process.SaveProcess.render)."""
        if self.check_disk and disk_differs(self.target, self.bom + self.text):
            from .project import ChangedOnDisk

            raise ChangedOnDisk(self.target)
        text = renderer(self) if renderer is not None else self.render()
        atomic_write(self.target, self.bom + text)
        self.new_text = text
        return text

    # -- the pure part ---------------------------------------------------------------------------

    def render(self) -> str:
        """The new text: spliced when every edit replaced one value and no document is at hand,
        else the cached document brought forward, else a fresh parse; each verified."""
        if not self.ops:
            return self.text
        where = f"{self.target} (hasil simpan)"
        if self.cache is None and all(map(spliceable, self.ops)):
            spliced = self._spliced()
            if spliced is not None and self._holds_expected(spliced, where, quiet=True):
                return spliced
        if self.cache is not None and self.cache.text is self.text and self.cache.usable:
            if self.cache.advance(self.ops):
                text = self._dump(self.cache.doc)
                if self._holds_expected(text, where, quiet=True):
                    return text
        self.cache = parse_document(self.text, str(self.target))
        if not self.cache.advance(self.ops):
            self.cache = None
            raise LakipError("perubahan tidak dapat diterapkan pada berkas; berkas tidak diubah",
                             where=str(self.target), title="Penyimpanan dibatalkan")
        text = self._dump(self.cache.doc)
        self._holds_expected(text, where, quiet=False)
        return text

    def _spliced(self) -> str | None:
        text: str | None = self.text
        for _kind, path, (_old, new) in self.ops:
            text = splice(text, path, new)
            if text is None:
                return None
        return same_newlines(self.text, text)

    def _dump(self, doc: Any) -> str:
        import tomlkit

        text = tomlkit.dumps(doc)
        # the last line keeps or lacks its newline as the file had it (an empty table put last
        # comes without one)
        if self.text.endswith("\n") and text and not text.endswith("\n"):
            text += "\n"
        elif self.text and not self.text.endswith("\n") and text.endswith("\n"):
            text = text[:-1]
        return same_newlines(self.text, text)

    def expected_data(self) -> dict:
        """The data the edits mean: given, or the old text's data with the operations replayed."""
        if self.expected is None:
            from .project import parse_toml

            data = parse_toml(self.text, str(self.target))
            for op in self.ops:
                apply_to_data(data, op)
            self.expected = data
        return self.expected

    def _holds_expected(self, text: str, where: str, *, quiet: bool) -> bool:
        from .project import parse_toml

        try:
            written = parse_toml(text, where)
        except LakipError:
            if quiet:
                return False
            raise
        if written == self.expected_data():
            return True
        if quiet:
            return False
        raise LakipError(
            "hasil penyimpanan tidak sama dengan data yang disunting; berkas tidak diubah",
            where=str(self.target), title="Penyimpanan dibatalkan")


def same_newlines(original: str, text: str) -> str:
    """A Windows-made file stays CRLF: tomlkit and the splicer write new lines with a bare \\n."""
    if "\r\n" in original and original.count("\n") == original.count("\r\n"):
        return text.replace("\r\n", "\n").replace("\n", "\r\n")
    return text


def disk_differs(path: FsPath, text: str) -> bool:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return True
    return raw != text.encode("utf-8")


# -- writing ----------------------------------------------------------------------------------


def _writable(st: os.stat_result, target: FsPath) -> bool:
    """Whether the user may write the file itself. Root may write anything, but a file nobody
    may write (0444) was made read-only on purpose: it is not replaced for root either."""
    if os.geteuid() == 0:
        return bool(st.st_mode & 0o222)
    return os.access(target, os.W_OK)


def atomic_write(target: FsPath, text: str) -> None:
    """`_write_atomically`, holding the save lock of the file (temp_files.saving), so that no
    cleanup takes this save's temp file for one a killed save left behind, and those are
    removed first."""
    from .temp_files import saving

    target = FsPath(target)
    with saving(target.resolve() if target.is_symlink() else target):
        _write_atomically(target, text)


def _write_atomically(target: FsPath, text: str) -> None:
    """Write `text` to `target` so that a crash leaves either the old or the new file, whole.

    A symlink is followed (the file it points to is replaced, not the link); the file keeps its
    permissions and, where the system allows, its owner and group; a new file gets the usual
    permissions (the temp file alone would make it 0600). A file the user may not write is
    refused: the rename would replace it anyway, which is not what its owner meant.
    """
    target = FsPath(target)
    if target.is_symlink():
        target = target.resolve()
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise LakipError(f"berkas tidak dapat diperiksa ({exc.strerror})",
                         where=str(target)) from None
    if st is not None and not stat.S_ISREG(st.st_mode):  # a device or a pipe: never renamed over
        raise LakipError("bukan berkas biasa; tidak akan ditimpa", where=str(target))
    if st is not None and not _writable(st, target):
        raise LakipError("berkas ini hanya-baca (tidak boleh ditulis); berkas tidak diubah."
                         " Simpan dengan nama lain (Simpan sebagai)",
                         where=str(target), title="Berkas hanya-baca")
    folder = target.parent if str(target.parent) else FsPath(".")
    if st is not None:
        mode = st.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise LakipError(f"tidak dapat menulis di folder ini ({exc.strerror})",
                         where=str(folder)) from None
    data = text.encode("utf-8")
    try:
        try:
            try:
                out = os.fdopen(handle, "wb")
            except BaseException:
                os.close(handle)
                raise
            with out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            if FsPath(temp_name).read_bytes() != data:
                raise LakipError("isi berkas sementara tidak sama dengan yang ditulis",
                                 where=temp_name)
            if st is not None:
                _keep_owner(temp_name, st)
            os.chmod(temp_name, mode)
            os.replace(temp_name, target)
        except OSError as exc:
            raise LakipError(f"gagal menulis berkas ({exc.strerror or exc}); berkas tidak diubah",
                             where=str(target), title="Gagal menyimpan") from None
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
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


def _keep_owner(temp_name: str, st: os.stat_result) -> None:
    """The replaced file's owner and group, where the system lets this user give them."""
    if not hasattr(os, "chown"):
        return
    try:
        os.chown(temp_name, st.st_uid, st.st_gid)
    except OSError:
        try:
            os.chown(temp_name, -1, st.st_gid)
        except OSError:
            pass
