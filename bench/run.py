"""Benchmarks: how long the planner and the reviewer wait, at three file sizes.

    .venv/bin/python bench/run.py [--sizes small,city,huge] [--repeat 5] [--quick] [--profile]

Every measure runs in a fresh child process (cold caches of the interpreter, like a user's start),
repeated and reported as the median. The floor is measured in the same run: a fresh Python that
imports textual.app and parses the same file with tomllib, i.e. the least any first screen can
cost. Parts that are not built yet are reported as "belum ada" instead of failing the run.
Results: a table on stdout and bench/out/results.json (bench/out/ is git-ignored).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
SIZES = ("small", "city", "huge")
TERMINAL = (120, 40)  # headless terminal size for the TUI measures
KEYSTROKES = 40  # per repeat; more than a screen's height, so scrolling is measured too
CHILD_TIMEOUT = 600.0

BELUM_ADA = "belum ada"

# The targets (docs/performance.md). None: no target at that size.
TARGETS = {
    "first_screen_ratio": {"small": 1.25, "city": 1.25, "huge": 2.0},
    "keystroke_ms": {"small": 50.0, "city": 50.0, "huge": 50.0},
    "check_s": {"small": None, "city": 0.5, "huge": None},
    "export_s": {"small": None, "city": 1.0, "huge": 10.0},
    # issue 13: txt within 3x its floor (python + tomllib), pdf and docx within 3x the txt
    "export_ratio": {"small": None, "city": 3.0, "huge": None},
    "pdf_ratio": {"small": None, "city": 3.0, "huge": None},
    "docx_ratio": {"small": None, "city": 3.0, "huge": None},
    "save_ms": {"small": None, "city": 100.0, "huge": None},
    "save_ui_blocked_ms": {"small": 16.0, "city": 16.0, "huge": 16.0},
    "peak_mib": {"small": None, "city": None, "huge": 300.0},
}

# --- child programs -------------------------------------------------------------------------
# Written to a temp folder and run as scripts, so each measure starts a fresh interpreter.

FLOOR = r'''
import sys, tomllib
import textual.app
with open(sys.argv[1], "rb") as f:
    tomllib.load(f)
sys.stdout.write("SIAP\n")
sys.stdout.flush()
'''

# Reference, not a target: the least Textual itself costs to a first frame. The floor plus an
# App with one Static, exited when its first frame has been rendered.
BARE_APP = r'''
import os, sys, tomllib
from textual.app import App
from textual.widgets import Static

with open(sys.argv[1], "rb") as f:
    data = tomllib.load(f)


class Bare(App):
    def compose(self):
        yield Static(str(data.get("meta", {}).get("instansi", "")))

    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and screen.children and not getattr(self, "_marked", False):
            self._marked = True
            os.write(1, b"SIAP\n")
            self.exit()


Bare().run(headless=True, size=(int(os.environ["BENCH_W"]), int(os.environ["BENCH_H"])))
'''

# `lakip edit FILE` as a user runs it, with App.run forced headless; "SIAP" is written when the
# first frame that shows the main screen with its first chapter has been rendered. Textual is
# not imported here first: App.run is patched the moment `lakip` imports textual.app, so the
# start runs in the order (and with the collector settings) of the real command.
FIRST_SCREEN = r'''
import importlib.abc, importlib.machinery, os, sys


def _ready(app, screen):
    main = getattr(app, "layar_utama", None)
    if main is None:  # an app of another shape: the first frame of a screen with widgets
        return bool(screen.children)
    if screen is not main or not main.bab_aktif:
        return False
    panel = main.panels.get(main.bab_aktif)
    return panel is not None and panel.is_mounted and all(c.is_mounted for c in panel.children)


def patch(App):
    _run = App.run

    def run(self, **kwargs):
        kwargs.update(headless=True, size=(int(os.environ["BENCH_W"]), int(os.environ["BENCH_H"])))
        display = self._display
        done = False

        def display_then_mark(screen, renderable):
            nonlocal done
            display(screen, renderable)
            if not done and renderable is not None and _ready(self, screen):
                done = True
                os.write(1, b"SIAP\n")
                self.exit()

        self._display = display_then_mark
        return _run(self, **kwargs)

    App.run = run


class PatchOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "textual.app":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            patch(module.App)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, PatchOnImport())
from lakip_tui.cli import main
sys.exit(main(["edit", sys.argv[1]]))
'''

# Open the anggaran chapter in a headless app, focus its biggest table, press a cursor key
# many times; each time, the wait from the key to the next frame rendered.
KEYSTROKE = r'''
import asyncio, json, os, sys, time
from types import SimpleNamespace


def out(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


async def settle(app, pilot):
    await pilot.pause()
    while any(w.is_running for w in app.workers):  # the background check, on a thread
        await asyncio.sleep(0.02)
    await pilot.pause()


async def bench(path, count, key):
    from lakip_tui.tui.app import prepare
    from textual.widgets import DataTable
    try:
        from lakip_tui.tui.editors.table import TableGrid
        kinds = (TableGrid, DataTable)
    except ImportError:
        kinds = (DataTable,)
    app = prepare(SimpleNamespace(file=path, plugin=[], read_only=False, no_mouse=True))
    size = (int(os.environ["BENCH_W"]), int(os.environ["BENCH_H"]))
    frames = []
    event = asyncio.Event()
    try:
        async with app.run_test(size=size) as pilot:
            display = app._display

            def display_and_stamp(screen, renderable):
                display(screen, renderable)
                if renderable is not None:
                    frames.append(time.perf_counter())
                    event.set()

            app._display = display_and_stamp
            await settle(app, pilot)
            main = app.layar_utama
            if main is None or "anggaran" not in app.registry.chapters:
                out({"belum_ada": "bab anggaran tidak ada di aplikasi"})
                return
            # The biggest table of the chapter, whichever of its sections (bagian) holds it.
            best = None
            bagian = [b.key for b in app.registry.chapters["anggaran"].bagian] or [None]
            for bagian_key in bagian:
                await main.buka_bab("anggaran", bagian_key)
                await settle(app, pilot)
                for table in app.screen.query("*"):
                    if isinstance(table, kinds) and table.region.height > 0:
                        if best is None or table.virtual_size.height > best[1].virtual_size.height:
                            best = (bagian_key, table)
            if best is None:
                out({"belum_ada": "tabel anggaran belum ada di tampilan bab"})
                return
            await main.buka_bab("anggaran", best[0])
            table = best[1]
            table.focus()
            await settle(app, pilot)
            waits = []
            for _ in range(count):
                event.clear()
                start = time.perf_counter()
                await pilot.press(key)
                while not frames or frames[-1] < start:
                    event.clear()
                    await asyncio.wait_for(event.wait(), 10)
                waits.append(next(f for f in frames if f >= start) - start)
            # Then the user's first save in this session: tomlkit parses the file now, unless
            # the app prepared the document earlier; the process's peak memory includes it.
            save_s = None
            if hasattr(app, "simpan"):
                where = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0, "realisasi")
                app.project.set(where, app.project.get(where) + 1)
                start = time.perf_counter()
                if app.simpan() != "ok":
                    raise SystemExit("simpan dari aplikasi gagal")
                save_s = time.perf_counter() - start
            out({"waits": waits, "virtual_height": table.virtual_size.height,
                 "table": type(table).__name__, "tui_first_save_s": save_s})
    finally:
        if app.lock is not None:
            app.lock.release()


asyncio.run(bench(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
'''

# Project.set one value deep in the budget tree, then Project.save (render the new text, verify
# it with tomllib, atomic replace). "cold": the first save after opening (anything prepared
# lazily, e.g. a tomlkit document, is paid then); "warm": a second save in the same process.
SAVE = r'''
import json, sys, time
from lakip_tui.project import Project

path = sys.argv[1]
where = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0, "realisasi")
project = Project.load(path)
result = {}
for label in ("cold", "warm"):
    start = time.perf_counter()
    project.set(where, project.get(where) + 1)
    project.save()
    result[label] = time.perf_counter() - start
if Project.load(path).get(where) != project.get(where):
    raise SystemExit("nilai yang disimpan tidak terbaca kembali")
sys.stdout.write(json.dumps(result) + "\n")
'''

# The floor of `lakip export`: a fresh Python that parses the same file with tomllib.
EXPORT_FLOOR = r'''
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    tomllib.load(f)
'''

# A save started from the app (ctrl+s), right after a value edit and after a row insert (which
# needs tomlkit): the longest the screen's event loop could not run during it ("blocked"), next
# to the longest gap of the same loop idle for as long (what Textual itself costs meanwhile).
# An edit is made while the save runs: it must be accepted and leave the project unsaved.
SAVE_UI = r'''
import asyncio, json, os, sys, time
from types import SimpleNamespace


def out(value):
    sys.stdout.write(json.dumps(value) + "\n")
    sys.stdout.flush()


async def longest_gap(until):
    """Longest time between two turns of the event loop while `until()` is false, and the
    longest CPU time the loop's own thread used within one such gap (the rest of a gap is
    waiting: for the GIL, or for a core on a loaded machine)."""
    longest = busiest = 0.0
    last, last_cpu = time.perf_counter(), time.thread_time()
    while not until():
        await asyncio.sleep(0.001)
        now, cpu = time.perf_counter(), time.thread_time()
        longest, busiest = max(longest, now - last), max(busiest, cpu - last_cpu)
        last, last_cpu = now, cpu
    return longest, busiest


async def bench(path):
    from lakip_tui.tui.app import prepare
    app = prepare(SimpleNamespace(file=path, plugin=[], read_only=False, no_mouse=True))
    size = (int(os.environ["BENCH_W"]), int(os.environ["BENCH_H"]))
    project = app.project
    where = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0, "realisasi")
    rows = ("anggaran", "program", 0, "kegiatan", 0, "sub")
    result = {}
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            while any(w.is_running for w in app.workers):
                await asyncio.sleep(0.02)
            for label, edit in (
                    ("nilai", lambda: project.set(where, project.get(where) + 1)),
                    ("baris", lambda: project.insert(rows, 0, dict(project.get((*rows, 0)))))):
                edit()
                start = time.perf_counter()
                worker = app.alur_simpan()
                gap = asyncio.ensure_future(longest_gap(lambda: worker.is_finished))
                await asyncio.sleep(0.02)
                project.set(where, project.get(where) + 1)  # typed while the save runs
                edited = worker.is_running
                await worker.wait()
                took = time.perf_counter() - start
                blocked, busy = await gap
                if worker.result is not True:
                    raise SystemExit(f"simpan ({label}) gagal")
                idle_end = time.perf_counter() + min(took, 2.0)
                idle, _ = await longest_gap(lambda: time.perf_counter() >= idle_end)
                result[label] = {"blocked_ms": blocked * 1000, "busy_ms": busy * 1000,
                                 "idle_ms": idle * 1000,
                                 "save_s": took, "edited_during": edited,
                                 "dirty_after": project.dirty}
                while any(w.is_running for w in app.workers):
                    await asyncio.sleep(0.02)
                app.simpan()  # the edit made meanwhile, so the next round starts clean
    finally:
        if app.lock is not None:
            app.lock.release()
    out(result)


asyncio.run(bench(sys.argv[1]))
'''

PROGRAMS = {"export_floor": EXPORT_FLOOR, "floor": FLOOR, "bare_app": BARE_APP,
            "first_screen": FIRST_SCREEN, "keystroke": KEYSTROKE, "save": SAVE,
            "save_ui": SAVE_UI}


# --- running children -----------------------------------------------------------------------


class BelumAda(Exception):
    """The part of the app this measure needs is not built yet."""


class Gagal(Exception):
    """The measure ran but failed; the message says how."""


@dataclass
class Child:
    seconds: float  # wall time to the signal line, or to exit
    maxrss_mib: float
    stdout: str


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(BENCH_W=str(TERMINAL[0]), BENCH_H=str(TERMINAL[1]), PYTHONHASHSEED="0")
    # A user's install has bytecode (pip compiles it; an editable install writes it on the first
    # run). Without it every start compiles lakip_tui from source, which no user pays for twice.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    env.pop("LAKIP_LOAD_PLUGINS", None)
    env.pop("LAKIP_DISABLE_PLUGINS", None)
    env.pop("LAKIP_BACA_PARALEL", None)
    env.update(extra or {})
    return env


def run_child(argv: list[str], *, until_line: str | None = None, cwd: Path = ROOT,
              ok_codes: tuple[int, ...] = (0,), env: dict[str, str] | None = None) -> Child:
    """Run one child; time it from spawn to the line `until_line` (or to its exit)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=err, cwd=cwd, env=_env(env),
                                stdin=subprocess.DEVNULL, text=True)
        lines: list[str] = []
        seconds = None
        deadline = start + CHILD_TIMEOUT
        timer = _Watchdog(proc.pid, CHILD_TIMEOUT)
        try:
            for line in proc.stdout:
                if seconds is None and until_line is not None and line.strip() == until_line:
                    seconds = time.perf_counter() - start
                lines.append(line)
            _pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        if seconds is None and until_line is None:
            seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if time.perf_counter() > deadline:
        raise Gagal(f"waktu habis ({CHILD_TIMEOUT:.0f} s)")
    if proc.returncode not in ok_codes:
        raise Gagal(f"kode keluar {proc.returncode}: {_tail(stderr)}")
    if seconds is None:
        raise Gagal(f"tanda '{until_line}' tidak pernah muncul: {_tail(stderr)}")
    return Child(seconds, usage.ru_maxrss / 1024, "".join(lines))


class _Watchdog:
    """Kill our own child (by pid) if it runs past the timeout."""

    def __init__(self, pid: int, timeout: float) -> None:
        import threading

        self._timer = threading.Timer(timeout, self._kill, args=(pid,))
        self._timer.daemon = True
        self._timer.start()

    @staticmethod
    def _kill(pid: int) -> None:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


def _tail(text: str, lines: int = 3) -> str:
    kept = [line for line in text.strip().splitlines() if line.strip()][-lines:]
    return " | ".join(kept) or "(tanpa pesan)"


def _last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise Gagal("anak proses tidak menulis hasil JSON")


# --- measures -------------------------------------------------------------------------------


@dataclass
class Measure:
    """One kind of measurement; `run(file, scripts, work)` returns (value, maxrss_mib, extra)."""

    key: str
    label: str
    unit: str  # "s" or "ms"
    needs: str = ""  # module that must exist, else "belum ada"


def _python() -> str:
    return sys.executable


def measure_floor(file: Path, scripts: Path, work: Path):
    child = run_child([_python(), str(scripts / "floor.py"), str(file)], until_line="SIAP")
    return child.seconds, child.maxrss_mib, {}


def measure_bare_app(file: Path, scripts: Path, work: Path):
    child = run_child([_python(), str(scripts / "bare_app.py"), str(file)], until_line="SIAP")
    return child.seconds, child.maxrss_mib, {}


def measure_first_screen(file: Path, scripts: Path, work: Path):
    copy = _copy(file, work)
    child = run_child([_python(), str(scripts / "first_screen.py"), str(copy)],
                      until_line="SIAP")
    return child.seconds, child.maxrss_mib, {}


def measure_first_screen_sequential(file: Path, scripts: Path, work: Path):
    """The same start with the file parsed in the editor's own process (lakip_tui/early_parse.py
    switched off): the app's own cost over the floor, without the overlap of the parse."""
    copy = _copy(file, work)
    child = run_child([_python(), str(scripts / "first_screen.py"), str(copy)],
                      until_line="SIAP", env={"LAKIP_BACA_PARALEL": "0"})
    return child.seconds, child.maxrss_mib, {}


def measure_keystroke(file: Path, scripts: Path, work: Path, count: int = KEYSTROKES):
    copy = _copy(file, work)
    child = run_child([_python(), str(scripts / "keystroke.py"), str(copy), str(count), "down"])
    result = _last_json(child.stdout)
    if "belum_ada" in result:
        raise BelumAda(result["belum_ada"])
    waits = result["waits"]
    save = result.get("tui_first_save_s")
    return statistics.median(waits) * 1000, child.maxrss_mib, {
        "waits_ms": [round(w * 1000, 2) for w in waits],
        "virtual_height": result["virtual_height"],
        "table": result["table"], "tui_first_save_ms": save * 1000 if save is not None else None}


def measure_check(file: Path, scripts: Path, work: Path):
    child = run_child([_python(), "-m", "lakip_tui", "check", str(file)], ok_codes=(0, 1))
    return child.seconds, child.maxrss_mib, {}


def measure_export(file: Path, scripts: Path, work: Path):
    target = work / "laporan.txt"
    child = run_child([_python(), "-m", "lakip_tui", "export", "-f", "txt", str(file),
                       "-o", str(target)])
    size = target.stat().st_size
    target.unlink()
    return child.seconds, child.maxrss_mib, {"output_bytes": size}


def measure_export_floor(file: Path, scripts: Path, work: Path):
    child = run_child([_python(), str(scripts / "export_floor.py"), str(file)])
    return child.seconds, child.maxrss_mib, {}


def _measure_export_as(fmt: str):
    def measure(file: Path, scripts: Path, work: Path):
        target = work / f"laporan.{fmt}"
        child = run_child([_python(), "-m", "lakip_tui", "export", "-f", fmt, str(file),
                           "-o", str(target)])
        size = target.stat().st_size
        target.unlink()
        return child.seconds, child.maxrss_mib, {"output_bytes": size}

    return measure


def measure_save(file: Path, scripts: Path, work: Path):
    copy = _copy(file, work)
    child = run_child([_python(), str(scripts / "save.py"), str(copy)])
    result = _last_json(child.stdout)
    return result["warm"] * 1000, child.maxrss_mib, {"cold_ms": result["cold"] * 1000}


def measure_save_ui(file: Path, scripts: Path, work: Path):
    copy = _copy(file, work)
    child = run_child([_python(), str(scripts / "save_ui.py"), str(copy)])
    result = _last_json(child.stdout)
    worst = max(r["blocked_ms"] for r in result.values())
    return worst, child.maxrss_mib, result


def _copy(file: Path, work: Path) -> Path:
    """A fresh copy per run: saves change it, and the TUI takes a lock beside it."""
    folder = Path(tempfile.mkdtemp(dir=work))
    target = folder / file.name
    shutil.copyfile(file, target)
    return target


MEASURES = [
    (Measure("floor", "floor (import textual.app + tomllib)", "s"), measure_floor),
    (Measure("bare_app", "bare Textual app, first frame (reference)", "s"), measure_bare_app),
    (Measure("first_screen", "first screen, cold", "s", "lakip_tui.tui.app"),
     measure_first_screen),
    (Measure("first_screen_seq", "first screen, parse not overlapped (reference)", "s",
             "lakip_tui.tui.app"), measure_first_screen_sequential),
    (Measure("keystroke", "keystroke -> repaint, anggaran table", "ms", "lakip_tui.tui.app"),
     measure_keystroke),
    (Measure("check", "lakip check (process)", "s"), measure_check),
    (Measure("export_floor", "export floor (python + tomllib parse)", "s"),
     measure_export_floor),
    (Measure("export", "lakip export -f txt (process)", "s", "lakip_tui.export"),
     measure_export),
    (Measure("export_pdf", "lakip export -f pdf (process)", "s", "lakip_tui.exporters.pdf"),
     _measure_export_as("pdf")),
    (Measure("export_docx", "lakip export -f docx (process)", "s", "lakip_tui.exporters.docx"),
     _measure_export_as("docx")),
    (Measure("save", "save: set + save, warm", "ms"), measure_save),
    (Measure("save_ui", "save from the app: longest UI stall", "ms", "lakip_tui.tui.app"),
     measure_save_ui),
]


def _tidak_dijalankan(file: Path, scripts: Path, work: Path, *_: object):
    raise BelumAda("tidak dijalankan (--only)")


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


# --- collecting -----------------------------------------------------------------------------


@dataclass
class Series:
    """The repeats of one measure at one size."""

    values: list[float] = field(default_factory=list)
    maxrss: list[float] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    status: str = "ok"  # "ok", BELUM_ADA, "gagal"
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values and self.status == "ok" else None

    def as_json(self, unit: str) -> dict:
        out = {"status": self.status, "unit": unit, "median": self.median,
               "min": min(self.values) if self.values else None, "runs": self.values,
               "maxrss_mib": self.maxrss}
        if self.note:
            out["note"] = self.note
        if self.extra:
            out["extra"] = self.extra
        return out


def run_size(size: str, repeat: int, keystrokes: int, scripts: Path, work: Path) -> dict:
    file = prepare_file(size)
    series = {m.key: Series() for m, _ in MEASURES}
    for m, _ in MEASURES:
        if m.needs and not _module_exists(m.needs):
            series[m.key].status = BELUM_ADA
            series[m.key].note = f"{m.needs} belum ada"
    for rep in range(-1, repeat):  # run -1 warms bytecode and the disk cache; not counted
        for m, fn in MEASURES:  # interleaved, so a slow moment of the machine hits all alike
            s = series[m.key]
            if s.status != "ok":
                continue
            try:
                if m.key == "keystroke":
                    value, rss, extra = fn(file, scripts, work, keystrokes)
                else:
                    value, rss, extra = fn(file, scripts, work)
            except BelumAda as exc:
                s.status, s.note = BELUM_ADA, str(exc)
                continue
            except Gagal as exc:
                s.status, s.note = "gagal", str(exc)
                continue
            label = "warm-up" if rep < 0 else f"#{rep + 1}"
            print(f"  {size:<6} {label:<7} {m.key:<13} {value:10.3f} {m.unit:<2} "
                  f"{rss:7.1f} MiB", file=sys.stderr, flush=True)
            if rep < 0:
                continue
            s.values.append(value)
            s.maxrss.append(rss)
            if extra:
                s.extra.append(extra)
    return {"file": file_info(file), "series": series}


def prepare_file(size: str) -> Path:
    """bench/out/<size>.toml from gen.py, rewritten only when its content would change."""
    sys.path.insert(0, str(BENCH))
    try:
        from gen import generate
    finally:
        sys.path.remove(str(BENCH))
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{size}.toml"
    text = generate(size)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8", newline="\n")
    return path


def file_info(path: Path) -> dict:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    programs = data.get("anggaran", {}).get("program", [])
    kegiatan = [k for p in programs for k in p.get("kegiatan", [])]
    subs = [s for k in kegiatan for s in k.get("sub", [])]
    indikator = [i for s in data.get("perjanjian_kinerja", {}).get("sasaran", [])
                 for i in s.get("indikator", [])]
    return {"path": str(path.relative_to(ROOT)), "bytes": path.stat().st_size,
            "program": len(programs), "kegiatan": len(kegiatan), "sub_kegiatan": len(subs),
            "indikator": len(indikator)}


# --- reporting ------------------------------------------------------------------------------


def summarize(size: str, result: dict) -> dict:
    """Medians, ratios to the floor, peak memory, and each target met or missed."""
    s = result["series"]
    floor = s["floor"].median
    first = s["first_screen"].median
    ratio = first / floor if first is not None and floor else None
    save_cold = [e["cold_ms"] for e in s["save"].extra] if s["save"].status == "ok" else []
    tui_save = [e["tui_first_save_ms"] for e in s["keystroke"].extra
                if e.get("tui_first_save_ms") is not None]
    waits = [w for e in s["keystroke"].extra for w in e.get("waits_ms", [])]
    peaks = {k: max(v.maxrss) for k, v in s.items()
             if v.maxrss and k not in ("floor", "bare_app", "first_screen_seq")}
    values = {
        "first_screen_ratio": ratio,
        "keystroke_ms": statistics.median(waits) if waits else None,
        "check_s": s["check"].median,
        "export_s": s["export"].median,
        "export_ratio": _rasio(s["export"].median, s["export_floor"].median),
        "pdf_ratio": _rasio(s["export_pdf"].median, s["export"].median),
        "docx_ratio": _rasio(s["export_docx"].median, s["export"].median),
        "save_ms": s["save"].median,
        "save_ui_blocked_ms": s["save_ui"].median,
        "peak_mib": max(peaks.values()) if peaks else None,
    }
    verdicts = {}
    for key, value in values.items():
        target = TARGETS[key][size]
        if target is None or value is None:
            verdicts[key] = None
        else:
            verdicts[key] = {"target": target, "value": value, "met": value <= target,
                             "over_by": value / target}
    return {
        "file": result["file"],
        "floor_s": floor,
        "first_screen_s": first,
        "bare_app_s": s["bare_app"].median,
        "first_screen_ratio": ratio,
        "first_screen_seq_s": s["first_screen_seq"].median,
        "first_screen_seq_ratio": (s["first_screen_seq"].median / floor
                                   if s["first_screen_seq"].median is not None and floor
                                   else None),
        "keystroke_ms": values["keystroke_ms"],
        "keystroke_p95_ms": _percentile(waits, 95) if waits else None,
        "keystroke_max_ms": max(waits) if waits else None,
        "check_s": values["check_s"],
        "export_s": values["export_s"],
        "export_floor_s": s["export_floor"].median,
        "export_ratio": values["export_ratio"],
        "export_pdf_s": s["export_pdf"].median,
        "pdf_ratio": values["pdf_ratio"],
        "export_docx_s": s["export_docx"].median,
        "docx_ratio": values["docx_ratio"],
        "save_warm_ms": values["save_ms"],
        "save_cold_ms": statistics.median(save_cold) if save_cold else None,
        "tui_first_save_ms": statistics.median(tui_save) if tui_save else None,
        "save_ui_blocked_ms": values["save_ui_blocked_ms"],
        "save_ui": _save_ui(s["save_ui"]),
        "peak_mib": values["peak_mib"],
        "peak_mib_by_measure": peaks,
        "targets": verdicts,
        "measures": {m.key: s[m.key].as_json(m.unit) for m, _ in MEASURES},
    }


def _rasio(value: float | None, base: float | None) -> float | None:
    return value / base if value is not None and base else None


def _save_ui(series: "Series") -> dict | None:
    """Per kind of edit (nilai, baris): the median blocked and idle gaps and the save's time."""
    if series.status != "ok" or not series.extra:
        return None
    kinds = series.extra[0].keys()
    return {kind: {key: statistics.median(e[kind][key] for e in series.extra)
                   for key in ("blocked_ms", "busy_ms", "idle_ms", "save_s")} for kind in kinds}


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def _fmt(value: float | None, unit: str, series: Series | None = None) -> str:
    if series is not None and series.status != "ok":
        return series.status
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "MiB":
        return f"{value:.0f} MiB"
    return f"{value}"


def _mark(verdict: dict | None) -> str:
    if not verdict:
        return ""
    return " ok" if verdict["met"] else " MISS"


def table(summaries: dict[str, dict], repeat: int) -> str:
    sizes = list(summaries)
    rows: list[list[str]] = [["", *[
        f"{s} ({summaries[s]['file']['bytes'] / 1024:.0f} KiB, "
        f"{summaries[s]['file']['sub_kegiatan']} sub)" for s in sizes]]]

    def series(size: str, key: str) -> Series:
        return _SERIES[size][key]

    def row(label: str, cell) -> None:
        rows.append([label, *[cell(s) for s in sizes]])

    row("floor (python + textual.app + tomllib)",
        lambda s: _fmt(summaries[s]["floor_s"], "s", series(s, "floor")))
    row("bare Textual app + tomllib, first frame (reference)",
        lambda s: _fmt(summaries[s]["bare_app_s"], "s", series(s, "bare_app")))
    row("first screen, cold",
        lambda s: _fmt(summaries[s]["first_screen_s"], "s", series(s, "first_screen")))
    row("  ratio to floor [<=1.25x; huge <=2x]",
        lambda s: _fmt(summaries[s]["first_screen_ratio"], "x", series(s, "first_screen"))
        + _mark(summaries[s]["targets"]["first_screen_ratio"]))
    row("  first screen, parse not overlapped (reference)",
        lambda s: _fmt(summaries[s]["first_screen_seq_s"], "s", series(s, "first_screen_seq"))
        + " = " + _fmt(summaries[s]["first_screen_seq_ratio"], "x",
                       series(s, "first_screen_seq")))
    row("keystroke -> repaint, median [<=50 ms]",
        lambda s: _fmt(summaries[s]["keystroke_ms"], "ms", series(s, "keystroke"))
        + _mark(summaries[s]["targets"]["keystroke_ms"]))
    row("  keystroke p95 / max",
        lambda s: (f"{summaries[s]['keystroke_p95_ms']:.1f} / "
                   f"{summaries[s]['keystroke_max_ms']:.1f} ms"
                   if summaries[s]["keystroke_p95_ms"] is not None
                   else series(s, "keystroke").status if series(s, "keystroke").status != "ok"
                   else "-"))
    row("lakip check [city <=0.5 s]",
        lambda s: _fmt(summaries[s]["check_s"], "s", series(s, "check"))
        + _mark(summaries[s]["targets"]["check_s"]))
    row("lakip export -f txt [city <=1 s, huge <=10 s]",
        lambda s: _fmt(summaries[s]["export_s"], "s", series(s, "export"))
        + _mark(summaries[s]["targets"]["export_s"]))
    row("  export floor (python + tomllib)",
        lambda s: _fmt(summaries[s]["export_floor_s"], "s", series(s, "export_floor")))
    row("  txt / its floor [city <=3x]",
        lambda s: _fmt(summaries[s]["export_ratio"], "x", series(s, "export"))
        + _mark(summaries[s]["targets"]["export_ratio"]))
    row("lakip export -f pdf, = x txt [city <=3x]",
        lambda s: _fmt(summaries[s]["export_pdf_s"], "s", series(s, "export_pdf")) + " = "
        + _fmt(summaries[s]["pdf_ratio"], "x", series(s, "export_pdf"))
        + _mark(summaries[s]["targets"]["pdf_ratio"]))
    row("lakip export -f docx, = x txt [city <=3x]",
        lambda s: _fmt(summaries[s]["export_docx_s"], "s", series(s, "export_docx")) + " = "
        + _fmt(summaries[s]["docx_ratio"], "x", series(s, "export_docx"))
        + _mark(summaries[s]["targets"]["docx_ratio"]))
    row("save, warm (set + save) [city <=100 ms]",
        lambda s: _fmt(summaries[s]["save_warm_ms"], "ms", series(s, "save"))
        + _mark(summaries[s]["targets"]["save_ms"]))
    row("  save, cold (first save after opening)",
        lambda s: _fmt(summaries[s]["save_cold_ms"], "ms", series(s, "save")))
    row("  first save in the TUI (blocks the screen)",
        lambda s: _fmt(summaries[s]["tui_first_save_ms"], "ms", series(s, "keystroke")))
    row("save from the app: longest UI stall [<=16 ms]",
        lambda s: _fmt(summaries[s]["save_ui_blocked_ms"], "ms", series(s, "save_ui"))
        + _mark(summaries[s]["targets"]["save_ui_blocked_ms"]))

    def save_ui_cell(size: str, kind: str) -> str:
        info = (summaries[size]["save_ui"] or {}).get(kind)
        if info is None:
            return series(size, "save_ui").status
        return (f"{info['blocked_ms']:.1f} ms (busy {info['busy_ms']:.1f}, idle"
                f" {info['idle_ms']:.1f} ms), save {info['save_s']:.2f} s")

    row("  after a value edit: stall (UI thread busy, idle loop), save time",
        lambda s: save_ui_cell(s, "nilai"))
    row("  after a row insert (tomlkit): stall (busy, idle loop), save time",
        lambda s: save_ui_cell(s, "baris"))
    row("peak memory, any child [huge <=300 MiB]",
        lambda s: _fmt(summaries[s]["peak_mib"], "MiB")
        + _mark(summaries[s]["targets"]["peak_mib"]))
    for key, label in (("first_screen", "first screen"), ("keystroke", "TUI: table + save"),
                       ("check", "check"), ("export", "export"), ("save", "save")):
        row(f"  memory: {label}",
            lambda s, key=key: _fmt(summaries[s]["peak_mib_by_measure"].get(key), "MiB",
                                    series(s, key)))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"Median of {repeat} run(s) per measure; keystroke: median of all keys of all runs."]
    for n, r in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    notes = [f"{s}/{k}: {v.status}: {v.note}" for s in sizes for k, v in _SERIES[s].items()
             if v.note]
    if notes:
        lines.append("")
        lines.extend(notes)
    return "\n".join(lines)


_SERIES: dict[str, dict[str, Series]] = {}


def machine() -> dict:
    from importlib import metadata

    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for name in ("textual", "rich", "tomlkit", "pluggy", "lakip-tui"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                                    cwd=ROOT, capture_output=True, text=True).stdout.strip())
    except OSError:
        commit, dirty = "", False
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "loadavg_at_end": _loadavg(),
            "platform": platform.platform(), "packages": versions,
            "git": commit + ("+perubahan" if dirty else ""),
            "date": time.strftime("%Y-%m-%d %H:%M:%S %z")}


def _loadavg() -> list[float] | None:
    """Other work on the machine skews every number; the report says how busy it was."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# --- profiling ------------------------------------------------------------------------------


def profile(size: str, scripts: Path, work: Path) -> None:
    """One extra run of each measure under cProfile; top costs to bench/out/profile-*.txt."""
    import io
    import pstats

    file = prepare_file(size)
    jobs = {
        "first_screen": [str(scripts / "first_screen.py"), str(_copy(file, work))],
        "check": ["-m", "lakip_tui", "check", str(file)],
        "export": ["-m", "lakip_tui", "export", "-f", "txt", str(file), "-o",
                   str(work / "profil.txt")],
        "save": [str(scripts / "save.py"), str(_copy(file, work))],
    }
    for name, argv in jobs.items():
        if name == "first_screen" and not _module_exists("lakip_tui.tui.app"):
            continue
        stats_file = work / f"{size}-{name}.prof"
        try:
            run_child([_python(), "-m", "cProfile", "-o", str(stats_file), *argv],
                      ok_codes=(0, 1))
        except Gagal as exc:
            print(f"profile {size}/{name}: {exc}", file=sys.stderr)
            continue
        for sort in ("cumulative", "tottime"):
            buffer = io.StringIO()
            pstats.Stats(str(stats_file), stream=buffer).sort_stats(sort).print_stats(30)
            target = OUT / f"profile-{size}-{name}-{sort}.txt"
            target.write_text(buffer.getvalue(), encoding="utf-8")
        print(f"profile {size}/{name}: bench/out/profile-{size}-{name}-*.txt", file=sys.stderr)


# --- main -----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark lakip-tui at three file sizes.")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated: small,city,huge (default all; --quick: small,city)")
    parser.add_argument("--repeat", type=int, default=None,
                        help="runs per measure, reported as the median (default 5; --quick: 1)")
    parser.add_argument("--quick", action="store_true",
                        help="a fast look: one run, small and city, 10 keystrokes")
    parser.add_argument("--profile", action="store_true",
                        help="also run each measure once under cProfile (bench/out/profile-*)")
    parser.add_argument("--only", default=None,
                        help="comma-separated measures to run (e.g. export_floor,export,"
                        "export_pdf,export_docx); the others are reported as not run")
    parser.add_argument("--no-terminal", action="store_true",
                        help="skip bench/terminal.py (bytes written to a terminal per action)")
    args = parser.parse_args(argv)
    sizes = (args.sizes or ("small,city" if args.quick else ",".join(SIZES))).split(",")
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"ukuran tidak dikenal: {', '.join(unknown)}")
    repeat = args.repeat or (1 if args.quick else 5)
    if args.only:
        known = {m.key for m, _ in MEASURES}
        only = set(args.only.split(","))
        if only - known:
            parser.error(f"ukuran tidak dikenal: {', '.join(sorted(only - known))}")
        MEASURES[:] = [(m, fn) if m.key in only else (m, _tidak_dijalankan) for m, fn in MEASURES]
    keystrokes = 10 if args.quick else KEYSTROKES

    OUT.mkdir(parents=True, exist_ok=True)
    load_start = _loadavg()
    summaries: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="lakip-bench-") as tmp:
        work = Path(tmp)
        scripts = work / "anak"
        scripts.mkdir()
        for name, code in PROGRAMS.items():
            (scripts / f"{name}.py").write_text(code.lstrip(), encoding="utf-8")
        for size in sizes:
            print(f"{size}: {repeat} run(s)...", file=sys.stderr, flush=True)
            result = run_size(size, repeat, keystrokes, scripts, work)
            _SERIES[size] = result["series"]
            summaries[size] = summarize(size, result)
            if args.profile:
                profile(size, scripts, work)
    report = {"machine": {**machine(), "loadavg_at_start": load_start}, "repeat": repeat,
              "keystrokes_per_run": keystrokes,
              "terminal": list(TERMINAL), "targets": TARGETS, "sizes": summaries}
    results = OUT / "results.json"
    results.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    m = report["machine"]
    print(f"\n{m['cpu']}, {m['nproc']} CPU, Python {m['python']}, "
          + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
          + f", git {m['git']}, load {m['loadavg_at_start']} -> {m['loadavg_at_end']}")
    print(table(summaries, repeat))
    print("\nbench/out/results.json ditulis.")
    if not args.no_terminal:  # bytes over a slow link: the real app in a pseudo-terminal
        print(flush=True)
        subprocess.run([sys.executable, str(BENCH / "terminal.py"), "--size", "80x24",
                        "--json", str(OUT / "terminal.json")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
