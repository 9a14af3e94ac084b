"""Findings: what `lakip check` and the TUI's findings panel report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .paths import Path, format_path

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABEL = {"error": "GALAT", "warning": "PERINGATAN", "info": "INFO"}


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in a project: how bad, which rule, whose chapter, where, and what to do.

    `path` points into the project file (("anggaran", "program", 0, "pagu")) so the TUI can jump
    to the row or field; `code` is stable, for machines and for switching a rule off.
    """

    severity: str
    code: str
    chapter: str
    path: Path = field(default=())
    message: str = ""
    # A check that compares a figure written in the file with the one lakip computes gives both,
    # so a reviewer's spreadsheet can sort by the difference: `stated` as written (a number or
    # the text, e.g. "83,42%"), `computed` as a number (None when it cannot be computed).
    stated: Any = field(default=None, compare=False)
    computed: Any = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    @property
    def location(self) -> str:
        return format_path(self.path)

    def as_json(self) -> dict:
        return {
            "severity": self.severity,
            "code": self.code,
            "chapter": self.chapter,
            "path": list(self.path),
            "location": self.location,
            "message": self.message,
            "stated": self.stated,
            "computed": self.computed,
        }


def error(code: str, chapter: str, path: Path, message: str, *, stated: Any = None,
          computed: Any = None) -> Finding:
    return Finding("error", code, chapter, tuple(path), message, stated, computed)


def warning(code: str, chapter: str, path: Path, message: str, *, stated: Any = None,
            computed: Any = None) -> Finding:
    return Finding("warning", code, chapter, tuple(path), message, stated, computed)


def info(code: str, chapter: str, path: Path, message: str, *, stated: Any = None,
         computed: Any = None) -> Finding:
    return Finding("info", code, chapter, tuple(path), message, stated, computed)


def count(findings: list[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)
