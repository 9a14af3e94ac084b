"""The performance indicators of a Perjanjian Kinerja, read from plain data with their paths.

A sasaran strategis holds its indikator kinerja; each indicator carries its target, polarity,
kind and Renstra targets. Several chapters read them (the Perjanjian Kinerja itself, the
capaian of BAB III, a summary), so the reading lives here once. The caller says where the rows
are; this module names no chapter. Every accessor tolerates a missing key or a wrong type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .baca import bilangan, daftar_teks, teks
from .paths import Path

@dataclass(frozen=True)
class Indikator:
    path: Path
    nomor: int  # 1-based, within its sasaran
    isi: Mapping[str, Any]
    sasaran: str  # kode of the sasaran it belongs to

    @property
    def kode(self) -> str:
        return teks(self.isi.get("kode"))

    @property
    def uraian(self) -> str:
        return teks(self.isi.get("uraian"))

    @property
    def satuan(self) -> str:
        return teks(self.isi.get("satuan"))

    @property
    def polaritas(self) -> str:
        """As written, lower-cased; a missing polaritas means positif (the common case)."""
        nilai = self.isi.get("polaritas")
        return teks(nilai).lower() if nilai is not None else "positif"

    @property
    def jenis(self) -> str:
        nilai = self.isi.get("jenis")
        return teks(nilai).lower() if nilai is not None else "kuantitatif"

    @property
    def target(self) -> Any:
        return self.isi.get("target")

    @property
    def urutan(self) -> list[str]:
        return daftar_teks(self.isi.get("urutan"))

    @property
    def renstra(self) -> dict[str, Any]:
        """Renstra targets by year; keys are strings ("2024") as TOML gives them."""
        nilai = self.isi.get("renstra")
        return {str(k).strip(): v for k, v in nilai.items()} if isinstance(nilai, dict) else {}

    def sebut(self) -> str:
        """How a message names this indicator."""
        if self.kode:
            return f"indikator {self.kode}"
        return f"indikator ke-{self.nomor} sasaran {self.sasaran or '(tanpa kode)'}"


@dataclass(frozen=True)
class Sasaran:
    path: Path
    nomor: int  # 1-based, as printed in Tabel 2.2
    isi: Mapping[str, Any]
    indikator: tuple[Indikator, ...]

    @property
    def kode(self) -> str:
        return teks(self.isi.get("kode"))

    @property
    def uraian(self) -> str:
        return teks(self.isi.get("uraian"))

    @property
    def penjelasan(self) -> str:
        return teks(self.isi.get("penjelasan"))

    def sebut(self) -> str:
        return f"sasaran {self.kode}" if self.kode else f"sasaran ke-{self.nomor}"


def daftar_sasaran(rows: Any, path: Path) -> list[Sasaran]:
    """The sasaran rows at `path` (a list of tables), each with its indicators."""
    if not isinstance(rows, list):
        return []
    out = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        baris = (*path, index)
        kode = teks(row.get("kode"))
        anak = row.get("indikator")
        indikator = tuple(
            Indikator((*baris, "indikator", j), j + 1, ind, kode)
            for j, ind in enumerate(anak if isinstance(anak, list) else [])
            if isinstance(ind, dict)
        )
        out.append(Sasaran(baris, index + 1, row, indikator))
    return out


def periode_renstra(renstra: Any) -> tuple[int, int] | None:
    """(awal, akhir) of a Renstra period table { awal = 2021, akhir = 2026 }, when both are whole
    years; None otherwise."""
    if not isinstance(renstra, dict):
        return None
    awal, akhir = bilangan(renstra.get("awal")), bilangan(renstra.get("akhir"))
    return (awal, akhir) if awal is not None and akhir is not None else None
