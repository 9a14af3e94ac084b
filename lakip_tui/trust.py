"""Which single-file plugins the user allowed to run: by path and by the sha256 of their content.

A project file names plugin files (`[plugins] files = ["inovasi.py"]`); a project received from
someone else must not run code on the reader's machine. As direnv and VS Code's workspace trust
do, such a file runs only after the user allowed that file at that content (`lakip allow FILE`,
or the question the TUI asks once). A changed file must be allowed again. The decisions live in
the user's config folder (platformdirs), never in the project.

Installed packages (entry points) are trusted as installed; a file given with `--plugin` on the
command line is the user's own choice. Both are outside this module.

Headless and light: `lakip check` reads the store for every project that names a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LakipError

STORE_FILE = "plugin-diizinkan.json"
STORE_VERSION = 1
PREVIEW_LINES = 40

# The state of one file (Decision.state)
ALLOWED = "diizinkan"
NOT_ALLOWED = "belum diizinkan"
CHANGED = "berubah sejak diizinkan"
DENIED = "ditolak"


def store_path() -> Path:
    """The user's config folder (platformdirs: $XDG_CONFIG_HOME/lakip-tui on Linux,
    %APPDATA%\\lakip-tui on Windows, ~/Library/Application Support/lakip-tui on macOS)."""
    from platformdirs import user_config_path

    return user_config_path("lakip-tui", appauthor=False) / STORE_FILE


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def key_of(path: str | os.PathLike) -> str:
    """The absolute path, symlinks followed: the same file named two ways is one decision."""
    return str(Path(path).expanduser().resolve())


@dataclass(frozen=True)
class Decision:
    """What the store says of one file at its current content."""

    path: str  # absolute
    sha256: str  # of the content read
    state: str  # ALLOWED, NOT_ALLOWED, CHANGED or DENIED

    @property
    def allowed(self) -> bool:
        return self.state == ALLOWED

    def reason(self, shown_path: str) -> str:
        """Why the file was not loaded, in Indonesian, with what to do about it."""
        if self.state == DENIED:
            return (f"Anda menolak menjalankannya (`lakip deny`). Bila berubah pikiran: "
                    f"`lakip allow {shown_path}`")
        if self.state == CHANGED:
            return (f"isinya berubah sejak Anda izinkan. Periksa isinya, lalu izinkan lagi: "
                    f"`lakip allow {shown_path}`")
        return (f"berkas ini dinamai oleh berkas proyek dan belum Anda izinkan berjalan. "
                f"Periksa isinya, lalu: `lakip allow {shown_path}`")


class TrustStore:
    """The allowed and denied (path, sha256) pairs; read once, written atomically."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = store_path() if path is None else Path(path)
        self.allowed: dict[str, str] = {}  # path -> sha256
        self.denied: dict[str, str] = {}  # path -> "" (any content)
        self._read()

    def _read(self) -> None:
        try:
            raw: Any = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            # an unreadable store allows nothing: the safe side; `lakip allow` rewrites it
            return
        if not isinstance(raw, dict):
            return
        for name, target in (("allowed", self.allowed), ("denied", self.denied)):
            for item in raw.get(name) or []:
                if isinstance(item, dict) and isinstance(item.get("path"), str):
                    sha = item.get("sha256")
                    target[item["path"]] = sha if isinstance(sha, str) else ""

    def decide(self, path: str | os.PathLike, content: bytes) -> Decision:
        key = key_of(path)
        sha = sha256_of(content)
        if key in self.denied and self.denied[key] in ("", sha):
            return Decision(key, sha, DENIED)
        if key in self.allowed:
            return Decision(key, sha, ALLOWED if self.allowed[key] == sha else CHANGED)
        return Decision(key, sha, NOT_ALLOWED)

    def allow(self, path: str | os.PathLike, content: bytes) -> Decision:
        key = key_of(path)
        self.denied.pop(key, None)
        self.allowed[key] = sha256_of(content)
        self._write()
        return Decision(key, self.allowed[key], ALLOWED)

    def deny(self, path: str | os.PathLike) -> Decision:
        """Forget any allowance of `path` and remember the refusal, whatever its content, so
        the TUI does not ask again (`lakip allow` undoes it)."""
        key = key_of(path)
        self.allowed.pop(key, None)
        self.denied[key] = ""
        self._write()
        return Decision(key, "", DENIED)

    def _write(self) -> None:
        from .project import atomic_write

        body = {
            "version": STORE_VERSION,
            "keterangan": "Plugin satu berkas yang boleh dijalankan lakip (lakip allow/deny).",
            "allowed": [{"path": p, "sha256": s} for p, s in sorted(self.allowed.items())],
            "denied": [{"path": p, "sha256": s} for p, s in sorted(self.denied.items())],
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        except OSError as exc:
            raise LakipError(f"daftar izin plugin tidak dapat ditulis ({exc.strerror or exc})",
                             where=str(self.path)) from None


def read_plugin(path: str | os.PathLike) -> bytes:
    """The bytes of a plugin file; a LakipError (exit 2) when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise LakipError("berkas plugin tidak ditemukan", where=str(path)) from None
    except OSError as exc:
        raise LakipError(f"berkas plugin tidak dapat dibaca ({exc.strerror or exc})",
                         where=str(path)) from None


def preview(content: bytes, lines: int = PREVIEW_LINES) -> str:
    """The start of what would run, as text safe to show (control characters left out)."""
    from .clean import clean_text

    text = content.decode("utf-8", errors="replace")
    shown = text.splitlines()
    head = "\n".join(shown[:lines])
    if len(shown) > lines:
        head += f"\n… ({len(shown) - lines} baris lagi)"
    return clean_text(head)


# -- lakip allow / lakip deny ----------------------------------------------------------------


def run_allow(args: Any) -> int:
    """`lakip allow FILE...`: record each file at its current content."""
    from .clean import clean_text

    store = TrustStore()
    for name in args.file:
        content = read_plugin(name)
        decision = store.allow(name, content)
        print(clean_text(f"Diizinkan: {decision.path} (sha256 {decision.sha256[:16]}…). "
                         "Bila isinya berubah, lakip akan meminta izin lagi."))
    return 0


def run_deny(args: Any) -> int:
    """`lakip deny FILE...`: forget the allowance and remember the refusal."""
    from .clean import clean_text

    store = TrustStore()
    for name in args.file:  # a file already gone can still be denied by its path
        decision = store.deny(name)
        print(clean_text(f"Ditolak: {decision.path}. Plugin ini tidak akan dijalankan."))
    return 0
