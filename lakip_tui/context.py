"""What hooks get besides the data: the fiscal year, the chapters present, the rating scale."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

if TYPE_CHECKING:
    from .chapter import Chapter


@dataclass(frozen=True)
class Konteks:
    tahun: int | None
    chapters: dict[str, "Chapter"] = field(default_factory=dict)
    project_path: Path | None = None
    # The whole project (read-only), for a computed column that needs more than its own row,
    # e.g. the capaian of a realisasi row needs the indicator's target from another chapter.
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_chapter(self, key: str) -> bool:
        return key in self.chapters

    @cached_property
    def sebelumnya(self) -> Mapping[int, Mapping[str, Any]]:
        """{fiscal year: data} of the earlier years' files the project names
        (`[meta] tahun_sebelumnya`), read once per change of each file; unreadable ones are
        left out here and reported by `lakip check`."""
        from .tahun_sebelumnya import baca_semua

        return baca_semua(self.data, self.project_path)[0] if self.data else {}

    @classmethod
    def dari_data(cls, data: dict, chapters: dict[str, "Chapter"], path: Path | None = None):
        tahun = (data.get("meta") or {}).get("tahun")
        return cls(tahun if isinstance(tahun, int) else None, dict(chapters), path, data)
