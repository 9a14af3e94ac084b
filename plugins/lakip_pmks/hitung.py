"""The totals the report prints under Tabel 2.3 and 2.4: always computed from the rows.

A group row with sub-rows (PSKS 10. Penyuluh Sosial with 10a, 10b) is counted once: by its
own jumlah when it has one, otherwise by the sum of its sub-rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from .baca import bilangan, induk, nomor


def total_jumlah(rows: Iterable[dict]) -> int:
    rows = list(rows)
    induk_berjumlah = {nomor(r) for r in rows
                       if induk(nomor(r)) is None and bilangan(r.get("jumlah")) is not None}
    total = 0
    for row in rows:
        jumlah = bilangan(row.get("jumlah"))
        if jumlah is None or induk(nomor(row)) in induk_berjumlah:
            continue
        total += jumlah
    return total


def baris_utama(rows: Iterable[dict]) -> int:
    """How many jenis the table lists: rows that are not sub-rows (10a, 10b)."""
    return sum(1 for r in rows if induk(nomor(r)) is None)


def baris_grup(rows: Iterable[dict]) -> set[str]:
    """Numbers of rows that have sub-rows, e.g. {"10"}."""
    return {g for g in (induk(nomor(r)) for r in rows) if g is not None}
