"""Tidy tables of facts from one project file, for `lakip data` and `lakip rekap`.

Each plugin returns the tables of its own chapter from the `lakip_data` hook (the budget rows,
the indicators with their capaian), computed with its own math; the core adds the two tables it
owns itself: `instansi` (one row per file, from [meta]) and `temuan` (the check's findings). A
plugin may add columns to the file's `instansi` row by returning a one-row table of that name
(its totals: pagu, capaian...). Every table gets a `file` column first: the join key.

Columns have one of three types, so Parquet, CSV and a SQL engine agree on them: "text",
"int" (whole numbers, Rupiah) and "float" (percentages, unrounded). A value that is missing or
cannot be computed is None (NULL), never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .clean import clean_text

TYPES = ("text", "int", "float")
INSTANSI = "instansi"  # the core's own table: one row per file, from [meta]
TEMUAN = "temuan"  # the core's own table: the check's findings


@dataclass(frozen=True)
class FactColumn:
    """A column: its stable name, its type ("text", "int", "float") and what it holds."""

    name: str
    type: str
    doc: str = ""

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown column type {self.type!r}")


@dataclass(frozen=True)
class FactTable:
    """Rows of one kind of fact. Rows are mappings from column name to value; a column a row
    does not have is None."""

    name: str
    columns: tuple[FactColumn, ...]
    rows: tuple[Mapping[str, Any], ...] = field(default=())


FILE_COLUMN = FactColumn("file", "text", "the project file, as named or found: the join key")

CORE_TABLES = {
    INSTANSI: (
        FactColumn("pemda", "text", "[meta].pemda, e.g. Pemerintah Kota Binjai"),
        FactColumn("instansi", "text", "[meta].instansi, the agency"),
        FactColumn("tahun", "int", "[meta].tahun, the fiscal year"),
    ),
    TEMUAN: (
        FactColumn("severity", "text", "error, warning or info"),
        FactColumn("code", "text", "stable rule name, e.g. anggaran.kode-ganda"),
        FactColumn("chapter", "text", "the chapter (or plugin) key; umum for the whole file"),
        FactColumn("location", "text", "the path in the file, written a.b[0].c"),
        FactColumn("line", "int", "line of that path in the TOML text (from 1)"),
        FactColumn("column", "int", "column of that path in the TOML text (from 1)"),
        FactColumn("message", "text", "the explanation in Indonesian"),
        FactColumn("stated", "text", "the figure as written, where the check compares a number"),
        FactColumn("computed", "float", "the figure it is compared with (docs/check-json.md)"),
    ),
}


def value(column: FactColumn, raw: Any) -> Any:
    """`raw` as the column's type: None for what is missing or does not fit (a TakTerhitung, a
    text where a number belongs); text without control characters."""
    if raw is None or isinstance(raw, bool) and column.type != "text":
        return None
    if column.type == "text":
        return clean_text(raw if isinstance(raw, str) else str(raw))
    if column.type == "int":
        if isinstance(raw, int):
            return raw
        if isinstance(raw, float) and raw.is_integer():
            return int(raw)
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    return None


def typed_rows(columns: Iterable[FactColumn], rows: Iterable[Mapping[str, Any]]) -> list[dict]:
    columns = tuple(columns)
    return [{c.name: value(c, row.get(c.name)) for c in columns} for row in rows]
