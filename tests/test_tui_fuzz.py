"""Model-based UI test: random key sequences typed into the real chapters' editors (Pilot).

Hypothesis draws a terminal size (80x24 or 120x40), one editor of a built-in chapter of the
example project to start in (every table, form and narrative, and every detail editor under a
table's row), and a sequence of steps: moving, typing text, Enter/Esc/Backspace, adding,
deleting and moving rows, folding, undo and redo, a jump from a finding, going through the
navigation to another section, saving, a rest; the sequence ends when it has typed its keys
(50 in `make fuzz`). Whatever the sequence:

- no chapter's view fails (no error panel, no error notification, no exception in the app),
  checked after every step;
- every value an editor writes lands on the row and column under that editor's cursor (checked
  at every write);
- at the end of the sequence: ctrl+q answers (asks, the project being unsaved), ctrl+s answers
  and the saved file holds exactly the engine's data, ctrl+q then ends the app (exit 0);
- then every edit is undone, which must give back the example's data exactly.

Speed (docs/reliability.md): one app per terminal size runs many sequences, each starting
where the last one's edits were all undone (the chapter views stay built, as in a long working
session). Keys go straight to the app's queue and the test waits until the app is quiet (every
message handled, the screen laid out and drawn, no thread or flow working), not for fixed
sleeps; the screen is drawn then, not by its 60-a-second timer. The app's own timers (the
details under a table, the narrative's save after a pause in typing, the debounced check) never
fire by the clock: they fire at a "rest" step, so a sequence runs the same way on a busy machine
and on a fast one.

A failure is run again in a fresh app: the report says whether the sequence fails on its own
(hypothesis prints it) or only after the earlier sequences of that app, which are then written
to a JSON file that `LAKIP_FUZZ_UI_ULANG=<file>` replays in one app.

`make test` runs a small profile; `make fuzz` runs LAKIP_FUZZ_UI sequences (default 500) of 50
keys and checks that every editor of every built-in chapter got keys.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import threading
import time
import tomllib
import unicodedata
import weakref
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual._queue import Queue
from textual.message_pump import MessagePump
from textual.screen import Screen

from lakip_tui.chapter import Tabel
from lakip_tui.plugins import load_registry
from lakip_tui.tui.chapter_view import BagianView
from lakip_tui.tui.editors import cells
from lakip_tui.paths import get_in
from lakip_tui.tui.editors.form import FormEditor
from lakip_tui.tui.editors.lokasi import kunci_rincian
from lakip_tui.tui.editors.narrative import NarrativeEditor
from lakip_tui.tui.editors.rincian import RincianPanel
from lakip_tui.tui.editors.table import TableEditor
from lakip_tui.tui.widgets.chapter_host import ChapterHost
from tui_nyata import CONTOH, galat_tampilan, make_app_nyata

FUZZ = int(os.environ.get("LAKIP_FUZZ_UI", "0") or 0)
ULANG = os.environ.get("LAKIP_FUZZ_UI_ULANG", "")
CONTOSO = CONTOH.read_text(encoding="utf-8")
ASLI = tomllib.loads(CONTOSO)
SIZES = [(80, 24), (120, 40)]
REGISTRY = load_registry(env={})

def _editor_semua() -> set[tuple]:
    """Every editor of every built-in chapter: (chapter, section, editor), and the details
    under a table as (chapter, section, table, detail)."""
    out: set[tuple] = set()
    for chapter in REGISTRY.ordered_chapters():
        for bagian in chapter.bagian:
            for isi in bagian.isi:
                out.add((chapter.key, bagian.key, isi.key))
                tabel = isi if isinstance(isi, Tabel) else None
                while tabel is not None:
                    out.update((chapter.key, bagian.key, isi.key, r.key) for r in tabel.rincian)
                    tabel = tabel.anak
    return out


EDITOR_SEMUA = _editor_semua()
TEMPAT = sorted(EDITOR_SEMUA)  # where a sequence starts: the focus on one of these editors


def _path_rincian(tabel: Tabel, rincian_key: str, data) -> tuple | None:
    """A path into the detail `rincian_key` of the first row (at its level) that has one."""
    lists = [(tabel.path, tabel)]
    while lists:
        list_path, level = lists.pop(0)
        rows = get_in(data, list_path)
        if not isinstance(rows, list):
            continue
        for index, row in enumerate(rows):
            row_path = (*list_path, index)
            for isi in level.rincian:
                if isi.key == rincian_key:
                    return (*row_path, sorted(kunci_rincian(isi))[0])
            if level.anak is not None and isinstance(row, dict):
                lists.append(((*row_path, *level.anak.path), level.anak))
    return None


def _fokus_awal(app, tempat: tuple) -> None:
    """Focus the editor a sequence starts in (for a detail: the first row that has it)."""
    bab, bagian, kunci = tempat[:3]
    view = app.layar_utama.panels[bab].view
    for editor in view._views[bagian].editors:
        if isinstance(editor, TableEditor) and editor.tabel.key == kunci:
            path = None
            if len(tempat) > 3:
                path = _path_rincian(editor.tabel, tempat[3], app.project.data)
            if path is not None:
                editor.fokus_ke(path)
            else:
                editor.grid.focus()
        elif isinstance(editor, FormEditor) and editor.isian.key == kunci:
            editor.grid.focus()
        elif isinstance(editor, NarrativeEditor) and editor.narasi.key == kunci:
            editor.area.focus()

# -- steps ---------------------------------------------------------------------------------------

GERAK = ["up", "down", "left", "right", "home", "end", "ctrl+home", "ctrl+end", "pageup",
         "pagedown", "tab", "shift+tab"]
STRUKTUR = ["insert", "ctrl+n", "ctrl+r", "alt+r", "delete", "alt+d", "shift+up", "shift+down",
            "ctrl+up", "ctrl+down"]
LIPAT = ["ctrl+left", "ctrl+right", "alt+minus", "alt+plus"]
LAIN = ["enter", "escape", "backspace", "ctrl+z", "ctrl+y", "f5", "f6", "y", "n", "ctrl+e",
        "ctrl+c", "alt+c"]

teks = st.text(alphabet="aIK0123456789 ,.-%", min_size=1, max_size=6)
_gerak = st.tuples(st.just("kunci"), st.sampled_from(GERAK))
_ketik = st.tuples(st.just("ketik"), teks)
_struktur = st.tuples(st.just("kunci"), st.sampled_from(STRUKTUR))
_lain = st.tuples(st.just("kunci"), st.sampled_from(LAIN))
_jeda = st.tuples(st.just("jeda"), st.just(""))
# Weighted towards what happens inside an editor: a jump from a finding, the navigation and a
# save rebuild or redraw much (each costs about ten keys), so each is one step in about forty.
langkah = st.one_of(
    *[_gerak] * 10, *[_ketik] * 8, *[_struktur] * 7, *[_lain] * 7, *[_jeda] * 4,
    *[st.tuples(st.just("kunci"), st.sampled_from(LIPAT))] * 2,
    *[st.tuples(st.just("temuan"), st.integers(0, 6))] * 2,
    st.tuples(st.just("navigasi"), st.integers(0, 12)),
    st.tuples(st.just("simpan"), st.just("")),
)

JUMLAH_KUNCI = 50 if FUZZ else 20  # keys a sequence types (drawn: as many steps as keys)


def _potong(steps, jumlah: int = JUMLAH_KUNCI) -> list:
    """The steps that type the first `jumlah` keys (the last one cut to fit)."""
    out = []
    for jenis, nilai in steps:
        if jumlah <= 0:
            break
        keys = _kunci_langkah(jenis, nilai)
        if len(keys) > jumlah:  # a jump or a navigation cut short: its keys are typed
            out.append(("kunci_kunci", tuple(keys[:jumlah])))
            break
        jumlah -= len(keys)
        out.append((jenis, nilai))
    return out


def _kunci_langkah(jenis: str, nilai) -> list[str]:
    if jenis == "kunci":
        return [nilai]
    if jenis == "ketik":
        return ["space" if ch == " " else ch for ch in nilai]
    if jenis == "temuan":
        return ["f8", *["down"] * nilai, "enter"]
    if jenis == "navigasi":
        return ["escape", "f7", "home", *["down"] * nilai, "enter"]
    if jenis == "simpan":
        return ["ctrl+s"]
    if jenis == "kunci_kunci":
        return list(nilai)
    return []  # jeda: no key, the app's timers fire


# -- the write-lands-under-the-cursor watcher ----------------------------------------------------


def _path_kursor(editor) -> tuple | None:
    """The path of the value under an editor's cursor, or None when it has no cell there."""
    if isinstance(editor, TableEditor):
        baris = editor.model.baris_kursor
        kolom = editor.model.kolom_kursor()
        if baris is None or kolom is None:
            return None
        return cells.path_nilai(baris.path, kolom)
    if isinstance(editor, FormEditor):
        kolom = editor.kolom_kursor()
        return None if kolom is None else editor.path_isian(kolom)
    return None


class Pengawas:
    """Listens to the project: a `set` made while a cell or field editor is open must be the
    value that editor was opened on, and that must be the value under its cursor."""

    def __init__(self, app) -> None:
        self.app = app
        self.salah: list[str] = []

    def __call__(self, change) -> None:
        if change.kind != "set" or change.source:
            return
        main = self.app.layar_utama
        for panel in main.panels.values():
            view = panel.view
            if view is None or not hasattr(view, "editors"):
                continue
            for editor in self._semua_editor(view):
                sunting = getattr(editor, "_sunting", None)
                if sunting is None:
                    continue
                path = tuple(change.path)
                if path != sunting.path[: len(path)]:
                    self.salah.append(f"tulis ke {path}, penyunting terbuka di {sunting.path}")
                kursor = _path_kursor(editor)
                if kursor is not None and kursor != sunting.path:
                    self.salah.append(f"penyunting di {sunting.path}, kursor di {kursor}")

    @staticmethod
    def _semua_editor(view):
        for editor in view.editors():
            yield editor
            rincian = getattr(editor, "rincian", None)
            if rincian is not None:
                yield from rincian.editors


# -- driving the app without sleeps ---------------------------------------------------------------

# The app's own one-shot timers, held until a rest (see the module's docstring), per loop.
_tertunda: dict = {}
_set_timer_asli = MessagePump.set_timer


def _set_timer_ditahan(self, delay, callback=None, *, name=None, pause=False):
    target = getattr(callback, "__func__", callback)
    if not getattr(target, "__module__", "").startswith("lakip"):
        return _set_timer_asli(self, delay, callback, name=name, pause=pause)
    timer = _set_timer_asli(self, delay, callback, name=name, pause=True)
    _tertunda.setdefault(asyncio.get_running_loop(), []).append(timer)
    return timer


# The pumps a message was posted to, per event loop (one per app); and the queues whose pump
# waits for a message (it has handled everything before, also its idle work).
_berisi: dict = {}
_menunggu: "weakref.WeakSet[Queue]" = weakref.WeakSet()
_post_asli = MessagePump.post_message
_get_asli = Queue.get


def _loop():
    try:
        return asyncio.get_running_loop()
    except RuntimeError:  # posted from a thread: looked at by every app
        return None


def _post_dicatat(self, message):
    posted = _post_asli(self, message)
    if posted:
        loop = _loop()
        if loop not in _berisi:
            _berisi[loop] = weakref.WeakSet()
        _berisi[loop].add(self)
    return posted


async def _get_dicatat(self):
    if not self.values:
        _menunggu.add(self)
        try:
            return await _get_asli(self)
        finally:
            _menunggu.discard(self)
    return await _get_asli(self)


class _TanpaJam:
    """Stands in for a screen's 60-a-second refresh timer: the screen is laid out and drawn
    when the app is quiet (`_tenang`), once per key, not by the clock halfway through."""

    def pause(self) -> None:
        pass

    def resume(self) -> None:
        pass


_TANPA_JAM = _TanpaJam()
_update_timer_asli = Screen._update_timer


def _pasang() -> None:
    """Hold the app's timers and count the messages being handled (undone by _lepas)."""
    MessagePump.set_timer = _set_timer_ditahan
    MessagePump.post_message = _post_dicatat
    Queue.get = _get_dicatat
    Screen._update_timer = property(lambda self: _TANPA_JAM)


def _lepas() -> None:
    MessagePump.set_timer = _set_timer_asli
    MessagePump.post_message = _post_asli
    Queue.get = _get_asli
    Screen._update_timer = _update_timer_asli
    _tertunda.clear()
    _berisi.clear()


def _kirim(app, key: str) -> None:
    """The key event Pilot.press makes, posted without Pilot's sleeps."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    app.post_message(event)


def _sibuk() -> bool:
    """A pump of this app that was posted to has not yet handled everything (its queue, its
    idle work) and gone back to waiting."""
    loop = asyncio.get_running_loop()
    for pumps in (_berisi.get(loop, ()), _berisi.get(None, ())):
        for pump in list(pumps):
            queue = pump._message_queue
            if not pump._closed and (queue.values or pump._next_callbacks
                                     or (pump._running and queue not in _menunggu)):
                return True
            pumps.discard(pump)
    return False


def _menanti_jawaban(worker) -> bool:
    """Is this (async) worker waiting for a dialog's answer (App.push_screen_wait)?"""
    task = worker._task
    coro = task.get_coro() if task is not None else None
    while coro is not None:
        frame = getattr(coro, "cr_frame", None)
        if frame is not None and frame.f_code.co_name == "push_screen_wait":
            return True
        coro = getattr(coro, "cr_await", None)
    return False


def _bekerja(app) -> bool:
    """Work going on outside the message queues: a save, a worker (a thread: the check, the
    background parse; or a flow such as saving), unless it waits for the user's answer."""
    if app.project.saving:
        return True
    return any(not worker.is_finished and (worker._thread_worker or not _menanti_jawaban(worker))
               for worker in app.workers)


BATAS_TENANG = 60.0  # seconds: an app busy longer than this after one key does not answer


async def _tenang(app) -> None:
    """Until every message is handled, the screen drawn (with what runs after a refresh) and no
    thread is working; the app's held timers do not fire."""
    batas = time.monotonic() + BATAS_TENANG
    putaran = 0
    while time.monotonic() < batas:
        if app._exception is not None:
            raise AssertionError(f"galat di aplikasi: {app._exception!r}") from app._exception
        putaran += 1
        await asyncio.sleep(0 if putaran < 200 else 0.001)
        if _sibuk():
            continue
        if _bekerja(app):
            await asyncio.sleep(0.002)
            continue
        screen = app.screen
        if (screen._layout_required or screen._scroll_required or screen._repaint_required
                or screen._dirty_widgets or screen._recompose_required or screen._callbacks):
            screen._on_timer_update()
            continue
        if app._exit or not app._running:
            return
        return
    loop = asyncio.get_running_loop()
    sibuk = [f"{pump!r} {list(pump._message_queue.values)[:3]} {pump._next_callbacks[:3]}"
             for pump in _berisi.get(loop, ()) if not pump._closed]
    kerja = [repr(worker) for worker in app.workers if not worker.is_finished]
    raise AssertionError(f"aplikasi tidak pernah tenang: antrean "
                         f"{sibuk}, pekerja {kerja}, menyimpan {app.project.saving}")


async def _jeda(app) -> None:
    """A person's pause: the app's timers that are due fire, in the order they were set."""
    for _ in range(10):
        await _tenang(app)
        pending = _tertunda.pop(asyncio.get_running_loop(), [])
        timers = [timer for timer in pending if timer._task is not None]
        if not timers:
            return
        for timer in timers:
            timer.stop()
            timer._callback()
    await _tenang(app)


# -- where the keys went --------------------------------------------------------------------------

KENA: Counter = Counter()  # keys per editor (the keys of _editor_semua), over the whole run
KENA_BAB: Counter = Counter()  # keys per chapter into one of its editors
WAKTU: Counter = Counter()  # seconds per kind of step (and "mulai", "akhir")


def _catat_fokus(app) -> None:
    focused = app.focused
    if focused is None or app.screen is not app.layar_utama:
        return
    editor = bagian = panel = rincian = None
    for node in focused.ancestors_with_self:
        if editor is None and isinstance(node, (TableEditor, FormEditor, NarrativeEditor)):
            editor = node
        elif isinstance(node, RincianPanel) and rincian is None:
            rincian = node
        elif isinstance(node, BagianView):
            bagian = node.bagian.key
        elif isinstance(node, ChapterHost):
            panel = node.chapter.key
            break
    if editor is None or bagian is None or panel is None:
        return
    spec = getattr(editor, "tabel", None) or getattr(editor, "isian", None) or editor.narasi
    if rincian is not None:
        KENA[(panel, bagian, rincian.editor.tabel.key, spec.key)] += 1
    else:
        KENA[(panel, bagian, spec.key)] += 1
    KENA_BAB[panel] += 1


# -- a running app, kept over many sequences -----------------------------------------------------


class Sesi:
    """One app at one size in its own event loop, kept running between sequences."""

    def __init__(self, size) -> None:
        self.size = size
        self.folder = Path(tempfile.mkdtemp(prefix="lakip-fuzz-ui-"))
        self.loop = asyncio.new_event_loop()
        self.app = make_app_nyata(self.folder, text=CONTOSO)
        self.app.animation_level = "none"
        self.pengawas = Pengawas(self.app)
        self.riwayat: list = []  # the sequences this app ran, in order
        self._task = self.jalan(self._mulai())
        self.app.project.subscribe(self.pengawas)
        self.jalan(_jeda(self.app))

    def jalan(self, coro):
        async def dalam():
            with self.app._context():
                return await coro
        return self.loop.run_until_complete(dalam())

    async def _mulai(self):
        """What App.run_test does, without its context manager (that must end in the task
        that began it; here every sequence is its own task)."""
        app = self.app
        app._disable_tooltips = True
        siap = asyncio.Event()

        async def run_app() -> None:
            with app._context():
                try:
                    app._loop = asyncio.get_running_loop()
                    app._thread_id = threading.get_ident()
                    await app._process_messages(ready_callback=siap.set, headless=True,
                                                terminal_size=self.size)
                finally:
                    siap.set()

        task = asyncio.create_task(run_app(), name="lakip fuzz")
        await siap.wait()
        return task

    async def _akhiri(self) -> None:
        await asyncio.sleep(0)
        await self.app._shutdown()
        await self._task

    def tutup(self) -> None:
        try:
            self.jalan(self._akhiri())
        except BaseException:  # noqa: BLE001 - a broken app is thrown away with its loop
            pass
        finally:
            self.loop.close()
            for held in (_tertunda, _berisi):
                held.pop(self.loop, None)

    async def urutan(self, tempat: tuple, steps) -> None:
        app = self.app
        main = app.layar_utama
        mulai = time.perf_counter()
        if self.riwayat:  # back to the example: every edit undone (the views stay built)
            project = app.project
            while project.can_undo:
                project.undo()
            assert project.data == ASLI, "urung semua tidak kembali ke data contoh"
            app.clear_notifications()
            await _jeda(app)
            galat = galat_tampilan(app)
            assert galat == [], f"urung semua: {galat}"
        steps = _potong(steps)
        self.riwayat.append([list(tempat), [list(step) for step in steps]])
        await main.buka_bab(*tempat[:2])
        await _tenang(app)
        main.fokus_ke_tampilan()
        await _jeda(app)
        _fokus_awal(app, tempat)
        await _jeda(app)
        WAKTU["mulai"] += time.perf_counter() - mulai
        for number, (jenis, nilai) in enumerate(steps):
            where = f"langkah {number} {jenis} {nilai!r}"
            mulai = time.perf_counter()
            for key in _kunci_langkah(jenis, nilai):
                _catat_fokus(app)
                _kirim(app, key)
                await _tenang(app)
            if jenis == "jeda":
                await _jeda(app)
            WAKTU[jenis] += time.perf_counter() - mulai
            galat = galat_tampilan(app)
            assert galat == [], f"{where}: {galat}"
            assert self.pengawas.salah == [], f"{where}: {self.pengawas.salah}"
        mulai = time.perf_counter()
        await self.akhir()
        WAKTU["akhir"] += time.perf_counter() - mulai

    async def akhir(self) -> None:
        """Back on the main screen, ctrl+q asks, ctrl+s saves exactly the data, ctrl+q ends."""
        app = self.app
        for _ in range(4):
            if app.screen is app.layar_utama:
                break
            _kirim(app, "escape")
            await _tenang(app)
        assert app.screen is app.layar_utama, f"layar tertinggal: {app.screen}"
        keluar: list = []
        exit_asli = app.exit
        app.exit = lambda *args, **kwargs: keluar.append((args, kwargs))
        try:
            await _tenang(app)
            if app.project.dirty:
                _kirim(app, "ctrl+q")
                await _tenang(app)
                assert app.screen is not app.layar_utama and not keluar, \
                    "ctrl+q tidak bertanya (ada perubahan belum disimpan)"
                _kirim(app, "escape")
                await _tenang(app)
                assert app.screen is app.layar_utama and not keluar
            _kirim(app, "ctrl+s")
            await _tenang(app)
            assert not app.project.dirty, "ctrl+s tidak menjawab"
            assert galat_tampilan(app) == []
            saved = tomllib.loads(app.project.path.read_text(encoding="utf-8"))
            assert saved == app.project.data
            _kirim(app, "ctrl+q")
            await _tenang(app)
            assert keluar and keluar[0][0][:1] in ((), (0,)), "ctrl+q tidak menjawab"
        finally:
            app.exit = exit_asli


# Sequences one app runs before a fresh one takes over: an app kept for the whole run grew to
# 1,8 GB after 325 sequences and each key cost twice as much; this also bounds the sequences a
# failure that needs its app's history has to replay.
SEGAR = 50


class Sesi2:
    """The apps of a run, one per size; a failing one is thrown away."""

    def __init__(self) -> None:
        self.sesi: dict = {}

    def ambil(self, size) -> Sesi:
        if size in self.sesi and len(self.sesi[size].riwayat) >= SEGAR:
            self.buang(size)
        if size not in self.sesi:
            self.sesi[size] = Sesi(size)
        return self.sesi[size]

    def buang(self, size) -> None:
        sesi = self.sesi.pop(size, None)
        if sesi is not None:
            sesi.tutup()

    def tutup(self) -> None:
        for size in list(self.sesi):
            self.buang(size)


def _jalankan(semua: Sesi2, size, tempat: tuple, steps) -> None:
    sesi = semua.ambil(size)
    try:
        sesi.jalan(sesi.urutan(tempat, steps))
        return
    except BaseException as first:  # noqa: BLE001 - decided below
        riwayat = sesi.riwayat
        semua.buang(size)
        if len(riwayat) <= 1:
            raise
        baru = Sesi(size)  # the same sequence alone, in a fresh app
        try:
            baru.jalan(baru.urutan(tempat, steps))
        except BaseException:
            baru.tutup()
            raise  # fails on its own: hypothesis prints it
        baru.tutup()
        berkas = Path(tempfile.mkstemp(prefix="lakip-fuzz-ui-", suffix=".json")[1])
        berkas.write_text(json.dumps({"size": list(size), "urutan": riwayat}), encoding="utf-8")
        raise AssertionError(
            f"gagal hanya setelah {len(riwayat) - 1} urutan sebelumnya di aplikasi yang sama; "
            f"ulangi: LAKIP_FUZZ_UI_ULANG={berkas} pytest tests/test_tui_fuzz.py") from first


@pytest.fixture(scope="module")
def apps():
    _pasang()
    semua = Sesi2()
    try:
        yield semua
    finally:
        semua.tutup()
        _lepas()


_hitung = {"urutan": 0, "kunci": 0, "mulai": time.monotonic()}


# A long run reports the first failing sequence as drawn (shrinking 50 keys of UI is slow).
@settings(max_examples=FUZZ or 10, deadline=None, database=None, derandomize=not FUZZ,
          suppress_health_check=list(HealthCheck),
          phases=[Phase.generate] if FUZZ else list(Phase))
@given(size=st.sampled_from(SIZES), tempat=st.sampled_from(TEMPAT),
       steps=st.lists(langkah, min_size=JUMLAH_KUNCI, max_size=JUMLAH_KUNCI))
def test_random_key_sequences_in_every_chapter(apps, size, tempat, steps):
    if FUZZ:
        # hypothesis draws the same start again and again (53 of the 98 editors in 500 draws):
        # a long run goes round them all and both sizes in turn, and says which on a failure
        n = _hitung["urutan"]
        size, tempat = SIZES[n % len(SIZES)], TEMPAT[(n // len(SIZES)) % len(TEMPAT)]
    note(f"ukuran {size}, mulai di {tempat}")
    _jalankan(apps, size, tempat, steps)
    _hitung["urutan"] += 1
    _hitung["kunci"] += sum(len(_kunci_langkah(*step)) for step in _potong(steps))
    if FUZZ and _hitung["urutan"] % 25 == 0:
        lama = time.monotonic() - _hitung["mulai"]
        print(f"\n{_hitung['urutan']} urutan, {_hitung['kunci']} tombol, {lama:.0f} s",
              flush=True)


def test_every_editor_of_every_chapter_got_keys():
    """After the long run: every built-in chapter's editors were typed into."""
    if not FUZZ or _hitung["urutan"] < max(FUZZ, len(SIZES) * len(TEMPAT)):
        pytest.skip("hanya setelah LAKIP_FUZZ_UI urutan, sekali di tiap penyunting dan ukuran")
    lama = time.monotonic() - _hitung["mulai"]
    print(f"\nUI fuzz: {_hitung['urutan']} urutan, {_hitung['kunci']} tombol, {lama:.0f} s; "
          f"{len(set(KENA) & EDITOR_SEMUA)} dari {len(EDITOR_SEMUA)} penyunting mendapat "
          f"tombol", flush=True)
    print("detik per jenis langkah: " + ", ".join(f"{jenis} {detik:.0f}"
                                                   for jenis, detik in WAKTU.most_common()))
    bab = {chapter.key for chapter in REGISTRY.ordered_chapters()}
    assert bab <= set(KENA_BAB), f"bab tanpa tombol: {sorted(bab - set(KENA_BAB))}"
    assert EDITOR_SEMUA <= set(KENA), f"penyunting tanpa tombol: {sorted(EDITOR_SEMUA - set(KENA))}"


@pytest.mark.skipif(not ULANG, reason="LAKIP_FUZZ_UI_ULANG=<berkas json> mengulang satu run")
def test_replay_recorded_sequences(apps):
    rekaman = json.loads(Path(ULANG).read_text(encoding="utf-8"))
    sesi = Sesi(tuple(rekaman["size"]))
    try:
        for tempat, steps in rekaman["urutan"]:
            sesi.jalan(sesi.urutan(tuple(tempat), [tuple(step) for step in steps]))
    finally:
        sesi.tutup()
