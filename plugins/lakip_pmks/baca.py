"""Reading [pmks] as plain data without trusting its shape (the file is edited by hand)."""

from __future__ import annotations

import re
from typing import Any, Iterator

KEY = "pmks"
TABEL_PMKS = "pmks"  # [[pmks.pmks]], Tabel 2.3
TABEL_PSKS = "psks"  # [[pmks.psks]], Tabel 2.4
TABEL_LEMBAGA = "lembaga"  # [[pmks.lembaga]], Tabel 3.3

_SUB_BARIS = re.compile(r"^\s*(\d+)\s*\.?\s*([a-z])\s*\.?\s*$", re.IGNORECASE)
_NOMOR = re.compile(r"^\s*(\d+)\s*\.?\s*$")


def tabel(data: Any, *path: str) -> dict:
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    return node if isinstance(node, dict) else {}


def teks(table: dict, key: str) -> str:
    value = table.get(key)
    return value.strip() if isinstance(value, str) else ""


def daftar_teks(table: dict, key: str) -> list[str]:
    value = table.get(key)
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def baris(table: dict, key: str) -> Iterator[tuple[int, dict]]:
    """(index in the file, row) for each row dict of an array of tables."""
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


def nomor(row: dict) -> str:
    """The row number as printed: 7 -> "7", "10a" -> "10a", "7." -> "7"."""
    value = row.get("no")
    if isinstance(value, bool) or value is None:
        return ""
    text = str(value).strip()
    sub = _SUB_BARIS.match(text)
    if sub:
        return f"{int(sub.group(1))}{sub.group(2).lower()}"
    whole = _NOMOR.match(text)
    return str(int(whole.group(1))) if whole else text


def induk(no: str) -> str | None:
    """The group a sub-row belongs to ("10a" -> "10"); None for a row that is not a sub-row."""
    sub = _SUB_BARIS.match(no)
    return str(int(sub.group(1))) if sub else None


def label_baris(judul: str, index: int, row: dict) -> str:
    """How a message names a row: 'PMKS no. 21 "Korban Bencana Alam"'."""
    no = nomor(row)
    where = f"no. {no}" if no else f"baris ke-{index + 1}"
    jenis = teks(row, "jenis") or teks(row, "nama")
    return f'{judul} {where} "{jenis}"' if jenis else f"{judul} {where}"


def wilayah(meta: dict) -> str:
    """"Pemerintah Kota Binjai" -> "Kota Binjai": the name tables are titled with."""
    pemda = teks(meta, "pemda")
    for prefix in ("Pemerintah ", "PEMERINTAH "):
        if pemda.startswith(prefix):
            return pemda[len(prefix):].strip()
    return pemda
