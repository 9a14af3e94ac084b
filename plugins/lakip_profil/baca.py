"""Reading the plain data of [profil] and [meta] without trusting its shape.

The file is edited by hand, so any value may have the wrong type; these helpers give the
renderer and the checks a usable value (or nothing) instead of an exception.
"""

from __future__ import annotations

from typing import Any, Iterator

KEY = "profil"


def tabel(data: Any, *path: str) -> dict:
    """The table at `path` (e.g. tabel(data, "profil", "pegawai")), or {} if it is not one."""
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def teks(table: dict, key: str) -> str:
    value = table.get(key)
    return value.strip() if isinstance(value, str) else ""


def daftar_teks(table: dict, key: str) -> list[str]:
    """The non-empty strings of a list field; anything else in the list is skipped."""
    value = table.get(key)
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def baris(table: dict, key: str) -> Iterator[tuple[int, dict]]:
    """(index, row) for each row dict of an array of tables; the index is the file's index."""
    rows = table.get(key)
    if isinstance(rows, list):
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                yield index, row


def bilangan(value: Any) -> int | None:
    """A count as stored: an int (bool is not a count); anything else is None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def wilayah(meta: dict) -> str:
    """"Pemerintah Kota Binjai" -> "Kota Binjai": the name tables are titled with."""
    pemda = teks(meta, "pemda")
    for prefix in ("Pemerintah ", "PEMERINTAH "):
        if pemda.startswith(prefix):
            return pemda[len(prefix):].strip()
    return pemda
