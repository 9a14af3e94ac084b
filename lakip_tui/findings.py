"""Findings: what `lakip check` and the TUI's findings panel report."""

from __future__ import annotations

from dataclasses import dataclass, field

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
        }


def error(code: str, chapter: str, path: Path, message: str) -> Finding:
    return Finding("error", code, chapter, tuple(path), message)


def warning(code: str, chapter: str, path: Path, message: str) -> Finding:
    return Finding("warning", code, chapter, tuple(path), message)


def info(code: str, chapter: str, path: Path, message: str) -> Finding:
    return Finding("info", code, chapter, tuple(path), message)


def count(findings: list[Finding], severity: str) -> int:
    return sum(1 for f in findings if f.severity == severity)
