"""Read-only views of [perjanjian_kinerja]: sasaran and their indicators, each with its path.

The file is edited by hand, so every accessor tolerates a missing key or a value of the wrong
type: it answers "empty" and leaves the complaint to validasi.py.
"""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import daftar_teks, tabel, teks
from lakip_tui.api import Indikator, Sasaran
from lakip_tui.api import daftar_sasaran as baca_sasaran
from lakip_tui.api import periode_renstra as baca_periode

from .keys import CHAPTER_KEY, JENIS, POLARITAS

# the readers the sibling modules use come through here
__all__ = ["BAB", "JENIS", "POLARITAS", "Indikator", "Sasaran", "bagian", "daftar_sasaran",
           "daftar_teks", "periode_renstra", "semua_indikator", "teks"]


def bagian(data: Mapping) -> dict:
    """The [perjanjian_kinerja] table, or {} when it is absent or not a table."""
    return tabel(data, CHAPTER_KEY)


def daftar_sasaran(data: Mapping) -> list[Sasaran]:
    return baca_sasaran(bagian(data).get("sasaran"), (CHAPTER_KEY, "sasaran"))


def semua_indikator(data: Mapping) -> list[Indikator]:
    return [ind for s in daftar_sasaran(data) for ind in s.indikator]


def periode_renstra(data: Mapping) -> tuple[int, int] | None:
    return baca_periode(bagian(data).get("renstra"))
