"""Crash test of the save: SIGKILL at random moments of saves of a big project file.

    python bench/crash_save.py [--kills 200] [--size huge] [--seed 1]

Each round a child process loads the file, changes one value, says "siap", and saves; the
parent kills it (SIGKILL) after a random delay between 0 and 1,3 times the time a whole save
takes (measured first), so the kills fall before, inside and after the write. After each kill:
- the file must be exactly the old text or exactly the new one (never a mix, never empty);
- the editor's start-up cleanup (`temp_files.remove_leftovers`) must leave no `.NAME.*.tmp`.
`--kills` counts the kills that landed before the save ended (the rounds whose save finished
first are counted apart). Prints the counts: kills, rounds, old/new outcomes, temp files found
and removed. Exit 1 on a failure. `make fuzz` runs it with 200 kills of the huge file;
tests/test_temp_files.py runs four kills of a city-size file in `make test`.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CHILD = r"""
import sys
from lakip_tui.project import Project
project = Project.load(sys.argv[1])
project.set(("meta", "instansi"), sys.argv[2])
print("siap", flush=True)
project.save()
print("selesai", flush=True)
"""


def expected_new_text(path: Path, value: str) -> bytes:
    from lakip_tui.project import Project

    project = Project.load(path)
    project.set(("meta", "instansi"), value)
    return project.render_text().encode("utf-8")


def start_child(path: Path, value: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path), value],
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = child.stdout.readline().strip()
    if line != "siap":
        child.kill()
        raise SystemExit(f"proses anak gagal memuat berkas: {line!r}")
    return child


def measure_save(path: Path) -> float:
    """Seconds from "siap" to the end of one whole save (the window the kills must cover)."""
    child = start_child(path, "Pengukuran")
    began = time.monotonic()
    child.wait()
    took = time.monotonic() - began
    assert child.returncode == 0, "simpan tanpa gangguan gagal"
    return took


def run(kills: int, size: str, seed: int, folder: Path, quiet: bool = False) -> dict:
    from gen import generate

    from lakip_tui.temp_files import leftovers, remove_leftovers

    rng = random.Random(seed)
    path = folder / "proyek-besar.toml"
    path.write_text(generate(size), encoding="utf-8")
    window = measure_save(path) * 1.3
    counts = {"kills": 0, "lama": 0, "baru": 0, "selesai_sebelum_kill": 0,
              "berkas_sementara_tertinggal": 0, "dihapus_saat_mulai": 0, "gagal": 0}
    round_no = 0
    # `kills` SIGKILLs that land before the save ended (a kill after it proves nothing); at most
    # three rounds per kill, should the saves keep ending first
    while counts["kills"] < kills and round_no < 3 * kills:
        round_no += 1
        old = path.read_bytes()
        value = f"Dinas Uji {round_no}-{rng.randrange(10**6)}"
        new = expected_new_text(path, value)
        child = start_child(path, value)
        time.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.returncode == 0:
            counts["selesai_sebelum_kill"] += 1
        else:
            counts["kills"] += 1
        now = path.read_bytes()
        if now == old:
            counts["lama"] += 1
        elif now == new:
            counts["baru"] += 1
        else:
            counts["gagal"] += 1
            print(f"putaran {round_no}: berkas bukan teks lama maupun baru "
                  f"({len(now)} byte)", file=sys.stderr)
        left = leftovers(path)
        counts["berkas_sementara_tertinggal"] += len(left)
        removed = remove_leftovers(path)  # what the editor does at its start
        counts["dihapus_saat_mulai"] += len(removed)
        if leftovers(path):
            counts["gagal"] += 1
            print(f"putaran {round_no}: berkas sementara tetap ada setelah mulai",
                  file=sys.stderr)
        if not quiet and round_no % 20 == 0:
            print(f"putaran {round_no}, {counts['kills']}/{kills} kill ...", flush=True)
    counts["putaran"] = round_no
    if counts["kills"] < kills:
        counts["gagal"] += 1
        print(f"hanya {counts['kills']} kill mengenai penyimpanan dalam {round_no} putaran",
              file=sys.stderr)
    counts["ukuran_mb"] = round(len(path.read_bytes()) / 1e6, 2)
    counts["jendela_detik"] = round(window, 3)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--size", default="huge", help="small, city atau huge (bench/gen.py)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lakip-crash-") as folder:
        began = time.monotonic()
        counts = run(args.kills, args.size, args.seed, Path(folder))
        took = time.monotonic() - began
    for key, value in counts.items():
        print(f"{key}: {value}")
    print(f"waktu: {took:.0f} detik")
    return 1 if counts["gagal"] else 0


if __name__ == "__main__":
    sys.exit(main())
