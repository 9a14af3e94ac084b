"""Read-only views of what BAB III works on: the indicators promised in [perjanjian_kinerja]
and the realisasi, analyses and rating scale in [akuntabilitas].

The sasaran and indicators are read from the data, not from the lakip_perjanjian_kinerja
package, so BAB III still works when that plugin is switched off or removed.
Every accessor tolerates a missing key or a wrong type; validasi.py does the complaining.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from lakip_tui.api import baca
from lakip_tui.api import daftar_teks, tabel, teks
from lakip_tui.api import Indikator, Sasaran
from lakip_tui.api import daftar_sasaran as baca_sasaran
from lakip_tui.api import periode_renstra as baca_periode
from lakip_tui.api import Path

from .keys import CHAPTER_KEY, PENUTUP, PK

# the readers the sibling modules use come through here, with the sasaran of the PK
__all__ = ["BAB", "PENUTUP", "PK", "Indikator", "Realisasi", "Sasaran", "baris", "daftar_realisasi",
           "daftar_sasaran", "daftar_teks", "periode_renstra", "realisasi_per_kode", "tabel",
           "tahun_anggaran", "teks"]


def baris(data: Mapping, kunci: str, daftar: str) -> list[tuple[Path, dict]]:
    """Each dict row of the array of tables [[kunci.daftar]], with its path."""
    return [((kunci, daftar, i), r) for i, r in baca.baris(tabel(data, kunci), daftar)]


def tahun_anggaran(data: Mapping, tahun: int | None) -> int | None:
    if tahun is not None:
        return tahun
    nilai = tabel(data, "meta").get("tahun")
    return nilai if isinstance(nilai, int) and not isinstance(nilai, bool) else None


def daftar_sasaran(data: Mapping) -> list[Sasaran]:
    """The sasaran and indicators promised in the Perjanjian Kinerja, read from the data."""
    return baca_sasaran(tabel(data, PK).get("sasaran"), (PK, "sasaran"))


def periode_renstra(data: Mapping) -> tuple[int, int] | None:
    return baca_periode(tabel(data, PK).get("renstra"))


@dataclass(frozen=True)
class Realisasi:
    path: Path
    isi: Mapping[str, Any]

    @property
    def indikator(self) -> str:
        return teks(self.isi.get("indikator"))

    @property
    def nilai(self) -> Any:
        return self.isi.get("nilai")

    @property
    def tahun_lalu(self) -> dict[str, Any]:
        nilai = self.isi.get("tahun_lalu")
        return {str(k).strip(): v for k, v in nilai.items()} if isinstance(nilai, dict) else {}


def daftar_realisasi(data: Mapping) -> list[Realisasi]:
    return [Realisasi(path, row) for path, row in baris(data, CHAPTER_KEY, "realisasi")]


def realisasi_per_kode(data: Mapping) -> dict[str, Realisasi]:
    """The first realisasi row of each indicator kode (a second one is a finding)."""
    out: dict[str, Realisasi] = {}
    for r in daftar_realisasi(data):
        if r.indikator and r.indikator not in out:
            out[r.indikator] = r
    return out
