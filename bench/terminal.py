"""Bytes the app writes to the terminal per action, as over a slow link (ssh, tmux).

    .venv/bin/python bench/terminal.py [--size 80x24] [--file FILE] [--repeat 5] [--dump DIR]

The real app runs in a pseudo-terminal (its own driver, TERM=tmux-256color and no COLORTERM,
as inside tmux), with the example project, on the anggaran table (Tabel 3.7), then again in a
narrative (BAB II, Renstra). Keys are written
to the terminal as a user types them; after each, everything the app writes until it has been
quiet for a moment is counted. Reported per action: median, min and max bytes. Also run by
`make bench` (bench/run.py). Numbers in docs/performance.md.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"
TENANG = 0.4  # seconds without output that end an action
BATAS = 5.0  # at most this long per action

# The goals of issue 14 (docs/performance.md), bytes per action.
TARGET = {"kursor turun/naik": 500, "kursor kanan/kiri": 500, "ketik satu angka": 200,
          "buka penyunting sel": 2000, "tutup penyunting sel (Esc)": 2000,
          "simpan sel (Enter)": 2000}
TARGET_NARASI = {"narasi: ketik satu huruf": 200, "narasi: kursor kanan/kiri": 500,
                 "narasi: kursor turun/naik": 500}

# Run in the child: the real app on a real terminal, the anggaran table focused, then a file
# written so the parent knows the start is over (stdout is the terminal, so not there).
CHILD = r'''
import sys
from types import SimpleNamespace
from lakip_tui.tui.app import prepare
from lakip_tui.tui.editors.table import TableEditor

path, siap, tempat = sys.argv[1], sys.argv[2], sys.argv[3]
app = prepare(SimpleNamespace(file=path, plugin=[], read_only=False, no_mouse=True))


async def ke_anggaran():
    main = app.layar_utama
    await main.buka_bab("anggaran", "rincian")
    editor = next(e for e in main.panels["anggaran"].view.editors()
                  if isinstance(e, TableEditor) and e.tabel.key == "rincian")
    editor.grid.focus()
    app.call_after_refresh(lambda: open(siap, "w").close())


async def ke_narasi():
    # the first narrative of BAB II's Renstra; its cursor does not blink (a blink is a line
    # repainted twice a second, which would mix into the counts)
    from textual.widgets import TextArea
    main = app.layar_utama
    await main.buka_bab("perjanjian_kinerja", "renstra")
    area = next(iter(main.panels["perjanjian_kinerja"].view.query(TextArea)))
    area.cursor_blink = False
    area.focus()
    app.call_after_refresh(lambda: open(siap, "w").close())


def mulai():
    app.call_later(ke_narasi if tempat == "narasi" else ke_anggaran)

app.call_after_refresh(mulai)
app.run(mouse=False)
'''

KEYS = {"down": b"\x1b[B", "up": b"\x1b[A", "right": b"\x1b[C", "left": b"\x1b[D",
        "enter": b"\r", "escape": b"\x1b", "ctrl+q": b"\x11"}


class Terminal:
    """The app in a pseudo-terminal of the given size; reads what it writes."""

    def __init__(self, argv: list[str], size: tuple[int, int], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes the app
            os.execvpe(argv[0], argv, env)
        width, height = size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        os.kill(self.pid, signal.SIGWINCH)

    def baca(self, tenang: float = TENANG, batas: float = BATAS) -> int:
        """Bytes written until the app has been quiet for `tenang` seconds (kept in
        `self.terakhir`, to see which lines an action repaints: --dump)."""
        total = 0
        self.terakhir = b""
        mulai = time.monotonic()
        while time.monotonic() - mulai < batas:
            ready, _, _ = select.select([self.fd], [], [], tenang)
            if not ready:
                break
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                break
            if not data:
                break
            total += len(data)
            self.terakhir += data
        return total

    def tekan(self, key: str) -> int:
        os.write(self.fd, KEYS.get(key, key.encode()))
        return self.baca()

    def tutup(self) -> None:
        try:
            os.write(self.fd, KEYS["ctrl+q"])
            self.baca(0.5, 3.0)
        except OSError:
            pass
        try:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid == 0:
                os.kill(self.pid, signal.SIGTERM)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


_POSISI = re.compile(rb"\x1b\[(\d+);(\d+)H")


def per_baris(data: bytes) -> dict[int, int]:
    """{screen line (1-based): bytes written after a cursor move to it}: where an action's
    bytes go. Bytes before the first move count under line 0."""
    out: dict[int, int] = {}
    line, start = 0, 0
    for match in _POSISI.finditer(data):
        out[line] = out.get(line, 0) + match.start() - start
        line, start = int(match.group(1)), match.start()
    out[line] = out.get(line, 0) + len(data) - start
    return {k: v for k, v in out.items() if v}


def _jalankan(size: tuple[int, int], file: Path, tempat: str, work: Path) -> tuple:
    """The app started in a pseudo-terminal, on `tempat` ("anggaran" or "narasi"); (terminal,
    bytes of the first screen)."""
    project = work / file.name
    shutil.copy(file, project)
    script = work / "anak.py"
    script.write_text(CHILD, encoding="utf-8")
    siap = work / "siap"
    env = dict(os.environ, TERM="tmux-256color", HOME=str(work),
               XDG_CONFIG_HOME=str(work / "config"), LINES=str(size[1]),
               COLUMNS=str(size[0]))
    env.pop("COLORTERM", None)
    env.pop("TEXTUAL", None)
    term = Terminal([sys.executable, str(script), str(project), str(siap), tempat], size, env)
    mulai = time.monotonic()
    awal = 0
    while not siap.exists() and time.monotonic() - mulai < 60:
        awal += term.baca(0.2, 1.0)
    awal += term.baca(1.0, 10.0)  # the background check, the first repaints
    return term, awal


def ukur_narasi(size: tuple[int, int], file: Path, repeat: int) -> dict:
    """{action: [bytes, ...]} typing into and moving in a narrative (BAB II, Renstra)."""
    work = Path(tempfile.mkdtemp(prefix="lakip-bench-term-"))
    try:
        term, _ = _jalankan(size, file, "narasi", work)
        hasil: dict[str, list[int]] = {name: [] for name in TARGET_NARASI}
        try:
            for putaran in range(repeat):
                for char in "kata ":
                    hasil["narasi: ketik satu huruf"].append(term.tekan(char))
                for key in ("left", "right"):
                    hasil["narasi: kursor kanan/kiri"].append(term.tekan(key))
                for key in ("down", "up"):
                    hasil["narasi: kursor turun/naik"].append(term.tekan(key))
        finally:
            term.tutup()
        return hasil
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ukur(size: tuple[int, int], file: Path, repeat: int, dump: Path | None = None) -> dict:
    """{action: [bytes, ...]} over `repeat` rounds in the anggaran table; with `dump`, the
    bytes of each action of the first round are written there and summed per screen line."""
    work = Path(tempfile.mkdtemp(prefix="lakip-bench-term-"))
    try:
        term, awal = _jalankan(size, file, "anggaran", work)
        hasil: dict[str, list[int]] = {name: [] for name in TARGET}
        try:
            hasil["layar pertama"] = [awal]
            # to the first sub kegiatan's pagu: two rows down, four columns right
            for key in ("down", "down"):
                term.tekan(key)
            for _ in range(4):
                hasil["kursor kanan/kiri"].append(term.tekan("right"))
            for putaran in range(repeat):
                langkah = [("kursor turun/naik", "down"), ("kursor turun/naik", "up"),
                           ("kursor kanan/kiri", "left"), ("kursor kanan/kiri", "right"),
                           ("buka penyunting sel", "enter")]
                langkah += [("ketik satu angka", digit) for digit in "123"]
                langkah.append(("tutup penyunting sel (Esc)", "escape"))
                # a value written: the cell, the sums over it, the header's check count
                langkah += [("buka penyunting sel", "enter"), ("ketik satu angka", str(putaran + 4)),
                            ("simpan sel (Enter)", "enter")]
                for nomor, (name, key) in enumerate(langkah):
                    hasil[name].append(term.tekan(key))
                    if dump is not None and putaran == 0:
                        dump.mkdir(parents=True, exist_ok=True)
                        (dump / f"{nomor:02d}-{key}.bin").write_bytes(term.terakhir)
                        print(f"{name} ({key}): {len(term.terakhir)} B, per baris "
                              f"{per_baris(term.terakhir)}")
        finally:
            term.tutup()
        return hasil
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ringkas(hasil: dict[str, list[int]]) -> dict[str, dict]:
    out = {}
    for name, values in hasil.items():
        if not values:
            continue
        out[name] = {"median": statistics.median(values), "min": min(values),
                     "max": max(values), "n": len(values),
                     "target": TARGET.get(name, TARGET_NARASI.get(name))}
    return out


def cetak(size: tuple[int, int], ringkasan: dict[str, dict]) -> None:
    print(f"Bytes ke terminal per aksi, tabel anggaran, {size[0]}x{size[1]} (TERM=tmux-256color)")
    print(f"{'aksi':30} {'median':>8} {'min':>8} {'max':>8} {'target':>8}")
    for name, row in ringkasan.items():
        target = f"<= {row['target']}" if row["target"] else ""
        print(f"{name:30} {row['median']:8.0f} {row['min']:8d} {row['max']:8d} {target:>8}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--file", type=Path, default=CONTOH)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the summary here")
    parser.add_argument("--dump", type=Path,
                        help="write each action's bytes (first round) here, and print them "
                             "per screen line: which lines an action repaints")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.split("x"))
    hasil = ukur((width, height), args.file, args.repeat, args.dump)
    hasil.update(ukur_narasi((width, height), args.file, args.repeat))
    ringkasan = ringkas(hasil)
    cetak((width, height), ringkasan)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(ringkasan, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
