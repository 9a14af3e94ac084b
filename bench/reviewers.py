"""Throughput of the reviewers' commands: `lakip check` and `lakip data` over a generated city
(40 agency files) and province (10 cities, 400 files), in files per second per core.

    python bench/reviewers.py [--sizes kota,provinsi] [--repeat 3] [--jobs 1,0]

Each run is a fresh `lakip` process (start-up included, as a reviewer runs it), timed by wall
clock; the median of the repeats is kept. `--jobs 0` means one process per available core. Files
per second per core = files / seconds / processes used. Results: a table on stdout and
bench/out/reviewers.json; docs/scale.md reads them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
OUT = ROOT / "bench" / "out" / "reviewers"
LAKIP = [sys.executable, "-m", "lakip_tui"]
SIZES = {"kota": 1, "provinsi": 10}  # cities of 40 agencies each


def _gen():
    spec = importlib.util.spec_from_file_location("bench_gen", ROOT / "bench" / "gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def folder_for(size: str) -> tuple[Path, int]:
    folder = OUT / size
    if folder.exists():
        shutil.rmtree(folder)
    files = _gen().generate_folder(folder, SIZES[size])
    return folder, len(files)


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} gagal ({result.returncode}): {result.stderr[-500:]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="kota,provinsi")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="1,0", help="process counts; 0 = every core")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in args.sizes.split(","):
        folder, n = folder_for(size)
        for jobs in (int(j) for j in args.jobs.split(",")):
            used = min(jobs or cores(), n)
            commands = {
                "check": [*LAKIP, "check", "--format", "json", str(folder), "--jobs", str(used)],
                "data": [*LAKIP, "data", str(folder), "-o", str(OUT / f"{size}-data"),
                         "--jobs", str(used)],
            }
            for name, command in commands.items():
                timed(command)  # warm-up: page cache, bytecode
                times = [timed(command) for _ in range(args.repeat)]
                seconds = statistics.median(times)
                row = {"size": size, "files": n, "command": name, "processes": used,
                       "seconds": round(seconds, 3),
                       "files_per_second": round(n / seconds, 1),
                       "files_per_second_per_core": round(n / seconds / used, 1)}
                results.append(row)
                print(f"{size:<9} {n:>4} berkas  {name:<6} {used} proses  {seconds:7.2f} s  "
                      f"{row['files_per_second']:7.1f} berkas/s  "
                      f"{row['files_per_second_per_core']:6.1f} berkas/s/inti", flush=True)
    report = {"machine": {"cpu": platform.processor() or platform.machine(), "cores": cores(),
                          "python": platform.python_version(),
                          "load": os.getloadavg() if hasattr(os, "getloadavg") else None},
              "results": results}
    (OUT.parent / "reviewers.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
