"""Read-only views of [perjanjian_kinerja]: sasaran and their indicators, each with its path.

The file is edited by hand, so every accessor tolerates a missing key or a value of the wrong
type: it answers "empty" and leaves the complaint to validasi.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from lakip_tui.baca import daftar_teks, tabel, teks
from lakip_tui.paths import Path

BAB = "perjanjian_kinerja"
POLARITAS = ("positif", "negatif")
JENIS = ("kuantitatif", "kualitatif", "sesuai_target")


def bagian(data: Mapping) -> dict:
    """The [perjanjian_kinerja] table, or {} when it is absent or not a table."""
    return tabel(data, BAB)


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


def daftar_sasaran(data: Mapping) -> list[Sasaran]:
    rows = bagian(data).get("sasaran")
    if not isinstance(rows, list):
        return []
    out = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        path = (BAB, "sasaran", index)
        kode = teks(row.get("kode"))
        anak = row.get("indikator")
        indikator = tuple(
            Indikator((*path, "indikator", j), j + 1, ind, kode)
            for j, ind in enumerate(anak if isinstance(anak, list) else [])
            if isinstance(ind, dict)
        )
        out.append(Sasaran(path, index + 1, row, indikator))
    return out


def semua_indikator(data: Mapping) -> list[Indikator]:
    return [ind for s in daftar_sasaran(data) for ind in s.indikator]


def periode_renstra(data: Mapping) -> tuple[int, int] | None:
    """(awal, akhir) when both are whole years, else None."""
    renstra = bagian(data).get("renstra")
    if not isinstance(renstra, dict):
        return None
    awal, akhir = renstra.get("awal"), renstra.get("akhir")
    if all(isinstance(v, int) and not isinstance(v, bool) for v in (awal, akhir)):
        return awal, akhir
    return None
