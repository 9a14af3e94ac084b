"""`lakip check`: one file, or a reviewer's batch of many files and folders.

A Bappeda or Inspektorat reviewer points it at a folder of agency files: folders are walked
recursively, a TOML file that is not a lakip project (a `pyproject.toml`, a config) is skipped and
listed, an unreadable one is reported without stopping the rest, and the files are checked in
parallel by one process per core. Each result names its file, instansi, pemda and tahun; each
finding carries its path, its line and column in the TOML text, and, where the check compares a
written figure with a computed one, both values (docs/check-json.md). Text, JSON and CSV out.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .clean import clean_data, clean_text
from .errors import LakipError

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
SCHEMA = 1
CORE_KEYS = ("format", "meta")  # a file with none of these nor any chapter is not a project
SKIPPED = "bukan berkas proyek lakip (tidak ada format, [meta] atau bagian bab mana pun)"
CSV_COLUMNS = ("file", "status", "instansi", "pemda", "tahun", "severity", "code", "chapter",
               "location", "line", "column", "stated", "computed", "message")


@dataclass(frozen=True)
class Target:
    """A file to check; `found` when it came from walking a folder rather than being named."""

    path: Path
    found: bool = False


def collect(names: Iterable[str]) -> list[Target]:
    """The files named, and every .toml under each folder named (recursively, hidden folders
    left out), in a stable order."""
    targets: list[Target] = []
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml")
                           if p.is_file() and not _hidden(p.relative_to(path)))
            if not found:
                raise LakipError("folder ini tidak berisi berkas .toml", where=name)
            targets.extend(Target(p, True) for p in found)
        else:
            targets.append(Target(path))
    return targets


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# -- one file ------------------------------------------------------------------------------------


def load_target(target: Target, plugin_files: tuple[str, ...] = ()):
    """(project, registry) of one file, or (None, result) when it cannot be read or, found under
    a folder, is not a lakip project; the result is what the JSON shows for it."""
    from .plugins import load_registry
    from .project import Project

    name = clean_text(str(target.path))
    try:
        project = Project.load(target.path)
    except LakipError as exc:
        return None, {"file": name, "error": clean_text(str(exc)), "exit": EXIT_INPUT}
    data = project.data
    registry = load_registry(plugin_files, data=data, project_path=project.path)
    if target.found and not any(key in data for key in (*CORE_KEYS, *registry.chapters)):
        return None, {"file": name, "skipped": SKIPPED, "exit": EXIT_OK}
    return project, registry


def check_file(target: Target, plugin_files: tuple[str, ...] = (), strict: bool = False) -> dict:
    """The result of one file as plain data (what the JSON shows, plus `exit` and `titles`).

    Never raises for the user's input: an unreadable file becomes {"file", "error", "exit": 2}.
    Runs in a worker process, so everything it returns pickles.
    """
    project, registry = load_target(target, plugin_files)
    if project is None:
        return registry
    return check_project(project, registry, str(target.path), strict)


def check_project(project, registry, name: str, strict: bool = False) -> dict:
    from .checks import run_checks
    from .findings import count
    from .locations import PetaLetak

    data = project.data
    findings = run_checks(data, registry, project.path)
    peta = PetaLetak(project.text) if findings else None
    summary = {s: count(findings, s) for s in ("error", "warning", "info")}
    failed = summary["error"] > 0 or (strict and summary["warning"] > 0)
    titles = {c.key: c.title for c in registry.chapters.values()}
    titles.setdefault("umum", "Umum")
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return clean_data({
        "schema": SCHEMA,
        "file": name,
        "instansi": _text_or_none(meta.get("instansi")),
        "pemda": _text_or_none(meta.get("pemda")),
        "tahun": meta.get("tahun") if _whole(meta.get("tahun")) else None,
        "summary": summary,
        "findings": [_finding_json(f, peta) for f in findings],
        "titles": titles,
        "exit": EXIT_FINDINGS if failed else EXIT_OK,
    })


def _finding_json(finding, peta) -> dict:
    where = peta.letak(finding.path) if peta is not None else None
    line, column = where if where else (None, None)
    shown = {}
    for key, value in finding.as_json().items():
        shown[key] = _plain(value) if key in ("stated", "computed") else value
        if key == "location":
            shown["line"], shown["column"] = line, column
    return shown


def _plain(value: Any) -> Any:
    """A JSON scalar: numbers and text as they are, anything else written as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- many files ----------------------------------------------------------------------------------


def check_all(targets: list[Target], plugin_files: tuple[str, ...] = (), strict: bool = False,
              workers: int | None = None) -> list[dict]:
    """Every target's result, in the targets' order, checked by one process per core."""
    return parallel_map(check_file, targets, (plugin_files, strict), workers)


def parallel_map(function, items: list, extra: tuple = (), workers: int | None = None) -> list:
    """[function(item, *extra) for item in items], by one worker process per core when there
    are enough items to be worth it; the results in the items' order."""
    workers = min(workers or cores(), len(items))
    if workers <= 1 or len(items) < 4:
        return [function(item, *extra) for item in items]
    context = multiprocessing.get_context("fork" if "fork" in
                                          multiprocessing.get_all_start_methods() else "spawn")
    chunk = max(1, len(items) // (workers * 4))
    columns = [[value] * len(items) for value in extra]
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(function, items, *columns, chunksize=chunk))


def cores() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# -- the command ---------------------------------------------------------------------------------


def run_check(args) -> int:
    """`lakip check`: exit 0 without errors, 1 with errors (--strict: warnings too), 2 when any
    file cannot be read."""
    fmt = "json" if args.json else args.format
    if args.lke:
        from .lke import run_lke

        return run_lke(args)
    targets = collect(args.file)
    plugin_files = tuple(args.plugin)
    single = len(targets) == 1 and not targets[0].found
    if single:
        report = check_file(targets[0], plugin_files, args.strict)
        if "error" in report:
            raise LakipError(report["error"])
        reports = [report]
    else:
        reports = check_all(targets, plugin_files, args.strict, args.jobs)
        for report in reports:
            if "error" in report:
                print(f"lakip: {report['error']}", file=sys.stderr)
            elif "skipped" in report:
                print(f"lakip: {report['file']}: dilewati, {report['skipped']}", file=sys.stderr)
    if fmt == "json":
        shown = [_report_json(r) for r in reports]
        json.dump(shown[0] if single else shown, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif fmt == "csv":
        write_csv(reports, sys.stdout)
    else:
        _print_text(reports, single)
    return max((r["exit"] for r in reports), default=EXIT_OK)


def _report_json(report: dict) -> dict:
    """The documented JSON of one file (docs/check-json.md)."""
    return {k: v for k, v in report.items() if k not in ("exit", "titles")}


def write_csv(reports: list[dict], out) -> None:
    """One row per finding (one row for a file without findings, unreadable or skipped), with
    the file's instansi, pemda and tahun on every row, for a spreadsheet's filters."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for report in reports:
        base = {"file": report["file"], "instansi": report.get("instansi"),
                "pemda": report.get("pemda"), "tahun": report.get("tahun")}
        if "error" in report:
            rows = [{**base, "status": "tidak-terbaca", "message": report["error"]}]
        elif "skipped" in report:
            rows = [{**base, "status": "dilewati", "message": report["skipped"]}]
        elif not report["findings"]:
            rows = [{**base, "status": "diperiksa"}]
        else:
            rows = [{**base, "status": "diperiksa", **f} for f in report["findings"]]
        for row in rows:
            writer.writerow([_cell(row.get(column)) for column in CSV_COLUMNS])


def _cell(value: Any) -> Any:
    """A spreadsheet cell: None empty; text that a spreadsheet would run as a formula (=, +, -,
    @ first) gets a leading apostrophe, so a crafted instansi name cannot become a formula."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _print_text(reports: list[dict], single: bool) -> None:
    from .findings import SEVERITY_LABEL

    checked = [r for r in reports if "findings" in r]
    for report in checked:
        summary = report["summary"]
        print(f"{report['file']}: {summary['error']} galat, {summary['warning']} peringatan, "
              f"{summary['info']} info")
        current = None
        for finding in report["findings"]:
            if finding["chapter"] != current:
                current = finding["chapter"]
                print(f"\n== {report['titles'].get(current, f'Plugin {current}')} ==")
            where = finding["location"] or "(berkas)"
            if finding["line"] is not None:
                where += f"  (baris {finding['line']}, kolom {finding['column']})"
            print(f"{SEVERITY_LABEL[finding['severity']]:<10} {where}")
            print(f"           {finding['message']} [{finding['code']}]")
        if not report["findings"]:
            print("Tidak ada temuan.")
        if not single:
            print()
    if single:
        return
    totals = {s: sum(r["summary"][s] for r in checked) for s in ("error", "warning", "info")}
    unreadable = sum(1 for r in reports if "error" in r)
    skipped = sum(1 for r in reports if "skipped" in r)
    print(f"{len(checked) + unreadable} berkas: {totals['error']} galat, "
          f"{totals['warning']} peringatan, {totals['info']} info"
          + (f", {unreadable} tidak terbaca" if unreadable else "")
          + (f"; {skipped} berkas TOML lain dilewati" if skipped else ""))
