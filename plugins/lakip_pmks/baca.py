"""Where [pmks] lives, and how its rows are numbered and named; reading goes through
lakip_tui.baca (the core's shape-tolerant readers)."""

from __future__ import annotations

import re

from lakip_tui.api import baris, bilangan, daftar_teks, tabel, teks, wilayah

CHAPTER_KEY = "pmks"
TABEL_PMKS = "pmks"  # [[pmks.pmks]], Tabel 2.3
TABEL_PSKS = "psks"  # [[pmks.psks]], Tabel 2.4
TABEL_LEMBAGA = "lembaga"  # [[pmks.lembaga]], Tabel 3.3

_SUB_BARIS = re.compile(r"^\s*(\d+)\s*\.?\s*([a-z])\s*\.?\s*$", re.IGNORECASE)
_NOMOR = re.compile(r"^\s*(\d+)\s*\.?\s*$")

__all__ = ["KEY", "TABEL_LEMBAGA", "TABEL_PMKS", "TABEL_PSKS", "baris", "bilangan",
           "daftar_teks", "induk", "label_baris", "nomor", "tabel", "teks", "wilayah"]


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
    jenis = teks(row.get("jenis")) or teks(row.get("nama"))
    return f'{judul} {where} "{jenis}"' if jenis else f"{judul} {where}"
