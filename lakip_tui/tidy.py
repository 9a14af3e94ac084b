"""`lakip data`: many project files as tidy tables, one per kind of fact, for any engine.

Each file is read, checked and asked for its facts (the `lakip_data` hook) in a worker process;
the rows of all files are put together per table and written as Parquet, CSV or JSON Lines, one
file per table (docs/data.md). The same tables, held in memory, feed `lakip rekap`.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import LakipError
from .facts import CORE_TABLES, FILE_COLUMN, INSTANSI, TEMUAN, FactColumn, FactTable, typed_rows
from .check_command import Target, check_project, collect, load_target, parallel_map

FORMATS = ("parquet", "csv", "jsonl")


@dataclass
class Table:
    """One kind of fact over all files: its columns (union, in order met) and rows."""

    name: str
    columns: list[FactColumn] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)

    def add_columns(self, columns) -> None:
        known = {c.name for c in self.columns}
        for column in columns:
            if column.name not in known:
                self.columns.append(column)
                known.add(column.name)


@dataclass
class Facts:
    """The tables of many files, and the files that could not be used."""

    tables: dict[str, Table]
    unreadable: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files: int = 0


# -- one file (in a worker) ----------------------------------------------------------------------


def facts_of_file(target: Target, plugin_files: tuple[str, ...] = ()) -> dict:
    """{"tables": [(name, columns, rows)]} for one file, or its "error"/"skipped" result."""
    project, registry = load_target(target, plugin_files)
    if project is None:
        return registry
    name = str(target.path)
    report = check_project(project, registry, name)
    instansi_columns = list(CORE_TABLES[INSTANSI])
    instansi_row = {"pemda": report["pemda"], "instansi": report["instansi"],
                    "tahun": report["tahun"]}
    tables: list[tuple[str, tuple[FactColumn, ...], list[dict]]] = []
    konteks = registry.konteks(project.data, project.path)
    for _plugin, result in registry.call("lakip_data", data=project.data, konteks=konteks):
        for table in result:
            if not isinstance(table, FactTable):
                continue
            if table.name == INSTANSI:  # a plugin's columns on the file's own row
                known = {c.name for c in instansi_columns}
                new = [c for c in table.columns if c.name not in known]
                instansi_columns.extend(new)
                if table.rows:
                    instansi_row.update({c.name: table.rows[0].get(c.name) for c in new})
                continue
            tables.append((table.name, table.columns, list(table.rows)))
    temuan_columns = CORE_TABLES[TEMUAN]
    tables.insert(0, (TEMUAN, temuan_columns, report["findings"]))
    tables.insert(0, (INSTANSI, tuple(instansi_columns), [instansi_row]))
    out = []
    for table_name, columns, rows in tables:
        typed = typed_rows(columns, rows)
        out.append((table_name, (FILE_COLUMN, *columns),
                    [{"file": report["file"], **row} for row in typed]))
    return {"file": report["file"], "tables": out}


# -- many files ----------------------------------------------------------------------------------


def gather(names: list[str], plugin_files: tuple[str, ...] = (),
           workers: int | None = None) -> Facts:
    """The facts of every file named or found under the folders named."""
    targets = collect(names)
    results = parallel_map(facts_of_file, targets, (plugin_files,), workers)
    facts = Facts({name: Table(name, [FILE_COLUMN, *columns])
                   for name, columns in CORE_TABLES.items()})
    for result in results:
        if "error" in result:
            facts.unreadable.append(result["error"])
            continue
        if "skipped" in result:
            facts.skipped.append(result["file"])
            continue
        facts.files += 1
        for name, columns, rows in result["tables"]:
            table = facts.tables.setdefault(name, Table(name))
            table.add_columns(columns)
            table.rows.extend(rows)
    return facts


# -- writing -------------------------------------------------------------------------------------


def write_tables(facts: Facts, folder: Path, fmt: str) -> list[Path]:
    """One file per table in `folder` (made if missing), each written whole or not at all."""
    if fmt not in FORMATS:
        raise LakipError(f"format '{fmt}' tidak dikenal; pilih {', '.join(FORMATS)}")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LakipError(f"folder keluaran tidak dapat dibuat: {exc.strerror}",
                         where=str(folder)) from exc
    written = []
    for table in facts.tables.values():
        target = folder / f"{table.name}.{fmt}"
        _write_atomic(target, lambda path, t=table: _WRITERS[fmt](t, path))
        written.append(target)
    return written


def _write_atomic(target: Path, write) -> None:
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        write(Path(temp))
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp's 0600 would hide the table from a colleague
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def arrow_table(table: Table):
    """The table as a pyarrow Table with its declared types (also what `rekap` queries)."""
    import pyarrow as pa

    types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([pa.field(c.name, types[c.type]) for c in table.columns])
    return pa.Table.from_pydict({c.name: [row.get(c.name) for row in table.rows]
                                 for c in table.columns}, schema=schema)


def _write_parquet(table: Table, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(arrow_table(table), path)


def _write_csv(table: Table, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow(["" if row.get(c.name) is None else row.get(c.name)
                             for c in table.columns])


def _write_jsonl(table: Table, path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for row in table.rows:
            out.write(json.dumps({c.name: row.get(c.name) for c in table.columns},
                                 ensure_ascii=False) + "\n")


_WRITERS = {"parquet": _write_parquet, "csv": _write_csv, "jsonl": _write_jsonl}


# -- the command ---------------------------------------------------------------------------------


def run_data(args) -> int:
    """`lakip data FOLDER|FILE... -o DIR`: exit 0, or 2 when a file could not be read (the
    tables of the others are still written)."""
    facts = gather(args.file, tuple(args.plugin), args.jobs)
    for problem in facts.unreadable:
        print(f"lakip: {problem}", file=sys.stderr)
    for skipped in facts.skipped:
        print(f"lakip: {skipped}: dilewati, bukan berkas proyek lakip", file=sys.stderr)
    if not facts.files:
        raise LakipError("tidak ada berkas proyek yang dapat dibaca; tidak ada tabel ditulis")
    written = write_tables(facts, Path(args.output), args.format)
    print(f"{facts.files} berkas proyek -> {args.output}:")
    for path in written:
        rows = len(facts.tables[path.stem].rows)
        print(f"  {path.name:<24} {rows:>8} baris")
    return 2 if facts.unreadable else 0


def describe(facts: Facts) -> dict[str, Any]:
    """Table -> column names, for tests and docs."""
    return {name: [c.name for c in table.columns] for name, table in facts.tables.items()}
