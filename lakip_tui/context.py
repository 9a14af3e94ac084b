"""What hooks get besides the data: the fiscal year, the chapters present, the rating scale."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .chapter import Chapter


@dataclass(frozen=True)
class Konteks:
    tahun: int | None
    chapters: dict[str, "Chapter"] = field(default_factory=dict)
    project_path: Path | None = None

    def has_chapter(self, key: str) -> bool:
        return key in self.chapters

    @classmethod
    def dari_data(cls, data: dict, chapters: dict[str, "Chapter"], path: Path | None = None):
        tahun = (data.get("meta") or {}).get("tahun")
        return cls(tahun if isinstance(tahun, int) else None, dict(chapters), path)
