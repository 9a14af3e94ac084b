"""Walking the budget tree row by row, with each row's path, level and parent.

The validators share this walk so that every finding points at the same place the editor
shows, and names the row the same way ("Kegiatan 1.06.01.2.02 "Administrasi Keuangan ..."").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from lakip_tui.api import Path

from .hitung import ANAK, bagian_anggaran

CHAPTER_KEY = "anggaran"

LABEL = {"urusan": "Urusan", "program": "Program", "kegiatan": "Kegiatan", "sub": "Sub kegiatan"}


@dataclass(frozen=True)
class Baris:
    """One row of the tree. `induk` is the parent row (None for programs)."""

    tingkat: str  # "program", "kegiatan" or "sub"
    path: Path
    data: dict
    induk: "Baris | None" = None

    @property
    def kode(self) -> str:
        kode = self.data.get("kode")
        return kode.strip() if isinstance(kode, str) else ""

    @property
    def nama(self) -> str:
        nama = self.data.get("nama")
        return " ".join(nama.split()) if isinstance(nama, str) else ""

    def sebut(self) -> str:
        """How a message names this row: level, code and name."""
        return sebut(self.tingkat, self.data)


def sebut(tingkat: str, data: dict) -> str:
    kode = data.get("kode")
    kode = kode.strip() if isinstance(kode, str) else ""
    nama = data.get("nama")
    nama = " ".join(nama.split()) if isinstance(nama, str) else ""
    label = LABEL[tingkat]
    teks = f"{label} {kode}" if kode else f"{label} tanpa kode"
    return f'{teks} "{nama}"' if nama else teks


def telusuri(data: dict) -> Iterator[Baris]:
    """Every well-formed row, parents before their children; malformed rows are skipped
    here and reported by the structure check."""
    program = bagian_anggaran(data).get("program")
    if not isinstance(program, list):
        return
    yield from _tingkat(program, "program", (CHAPTER_KEY, "program"), None)


def _tingkat(rows: list, tingkat: str, path: Path, induk: Baris | None) -> Iterator[Baris]:
    anak = ANAK.get(tingkat)
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        baris = Baris(tingkat, (*path, index), row, induk)
        yield baris
        if anak is not None and isinstance(row.get(anak), list):
            yield from _tingkat(row[anak], anak, (*baris.path, anak), baris)
