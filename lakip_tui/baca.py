"""Reading a project's plain data without trusting its shape.

Project files are edited by hand, so any value may be missing or of the wrong type. Renderers and
checks read through these helpers and get a usable value (or an empty one) instead of an
exception; complaining about the shape is the checks' job. Part of the API for plugins.
"""

from __future__ import annotations

from typing import Any, Iterator


def tabel(data: Any, *path: str) -> dict:
    """The table at `path` (tabel(data, "profil", "pegawai")), or {} when it is not a table."""
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def teks(nilai: Any) -> str:
    """A text field as a clean string; a number counts as its text (a kode typed as 1)."""
    if isinstance(nilai, str):
        return nilai.strip()
    if isinstance(nilai, (int, float)) and not isinstance(nilai, bool):
        return str(nilai)
    return ""


def daftar_teks(nilai: Any) -> list[str]:
    """A list-of-strings field without its empty items; a lone string is a list of one."""
    if isinstance(nilai, str):
        return [nilai.strip()] if nilai.strip() else []
    if isinstance(nilai, list):
        return [teks(v) for v in nilai if teks(v)]
    return []


def baris(table: Any, key: str) -> Iterator[tuple[int, dict]]:
    """(index in the file, row) for each row dict of the array of tables `table[key]`."""
    rows = table.get(key) if isinstance(table, dict) else None
    if isinstance(rows, list):
        for index, row in enumerate(rows):
            if isinstance(row, dict):
                yield index, row


def bilangan(nilai: Any) -> int | None:
    """A count as stored: an int (a bool is not a count); anything else is None."""
    if isinstance(nilai, int) and not isinstance(nilai, bool):
        return nilai
    return None


def wilayah(meta: Any) -> str:
    """"Pemerintah Kota Binjai" -> "Kota Binjai": the name tables are titled with."""
    pemda = teks(meta.get("pemda")) if isinstance(meta, dict) else ""
    for prefix in ("Pemerintah ", "PEMERINTAH "):
        if pemda.startswith(prefix):
            return pemda[len(prefix):].strip()
    return pemda
