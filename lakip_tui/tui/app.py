"""The Textual app: owns the project, the plugins, the lock, and every flow that must never lose
an edit (save, save as, changed on disk, reload, quit).

`run_app(args)` is what `lakip edit FILE` runs. It loads everything that can fail with a user
error before the app starts, so a bad file ends as one Indonesian line and exit code 2.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from textual import events, work
from textual.app import App
from textual.widget import Widget
from textual.widgets import Input

from ..chapter import Chapter
from ..clean import clean_data, clean_text
from ..errors import LakipError
from ..lock import FileLock, Locked, LockInfo
from ..plugins import Registry
from ..project import ChangedOnDisk, Project
from ..save_process import SaveProcess
from ..early_parse import load_project
from .actions import bindings
from .keymap import current_keys, load_user_keymap
from .screens.main import MainScreen, salin_data
from .screens.too_small import TooSmallScreen, terlalu_kecil
from .widgets.chapter_host import default_view_factory

if TYPE_CHECKING:
    from ..early_parse import EarlyParse
    from ..journal import Journal

# Screens other than the main one (dialogs, help, preview, summary, save as) and the command
# palette's provider are imported where they are opened: the first frame does not need them.

def _perintah_lakip():
    """The palette's provider, imported when the palette opens (Textual calls this)."""
    from .commands import LakipCommands

    return LakipCommands


async def _antrean_selesai(node: Widget) -> None:
    """Wait until `node` has handled every message queued to it so far."""
    done = asyncio.Event()
    node.call_later(done.set)
    try:
        await asyncio.wait_for(done.wait(), 1.0)
    except asyncio.TimeoutError:  # a widget that stopped processing; do not hang the save
        pass


PERIODE_JAGA = 1.0  # seconds between two looks at the file on disk (the promise: 2 seconds)
# How long a thread may hold the GIL while another waits (Python's default: 5 ms). The check runs
# in a thread for seconds on a big file; each turn of the screen's loop waits for it up to this
# long. Huge file, idle machine, save with an edit typed meanwhile: longest stall 9,6-16,6 ms at
# 5 ms, 8,5-12,4 ms at 2 ms (docs/performance.md).
SWITCH_INTERVAL = 0.002


def _stat_stamp(path: Path | None) -> tuple | None:
    """What tells cheaply that a file may have changed: inode, size, times."""
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return ("hilang",)
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


TEMA_BIASA = "textual-dark"
TEMA_RENDAH = "ansi-dark"  # the terminal's own 16 colours: readable on any palette


class LakipApp(App):
    TITLE = "lakip"
    CSS_PATH = "app.tcss"
    BINDINGS = bindings("app")
    COMMANDS = {_perintah_lakip}
    COMMAND_PALETTE_BINDING = "ctrl+p"  # kept in sync with actions "palet"; remappable there

    def get_key_display(self, binding) -> str:
        """As Textual shows a key, "insert" shortened as keyboards print it (the footer at 80
        columns has room for every row command only so)."""
        shown = super().get_key_display(binding)
        return "ins" if shown == "insert" else shown

    def __init__(
        self,
        project: Project,
        registry: Registry,
        *,
        read_only: bool = False,
        lock: FileLock | None = None,
        lock_holder: LockInfo | None = None,
        view_factory: Callable[..., Any] | None = None,
        env: dict[str, str] | None = None,
        warna_rendah: bool = False,
        jurnal: "Journal | None" = None,
    ) -> None:
        super().__init__()
        self.project = project
        self.registry = registry
        # every unsaved edit goes to the crash journal as it is made (lakip_tui/journal.py)
        self.jurnal = jurnal
        self._jurnal_dibuang = False  # the user chose to discard the unsaved edits
        if jurnal is not None:
            jurnal.attach(project)
        self.lock = lock
        self.lock_holder = lock_holder  # another session holds the file: ask first
        self.view_factory = view_factory or default_view_factory()
        project.read_only = read_only
        keymap_file = load_user_keymap(os.environ if env is None else env)
        self.keymap_file = keymap_file
        self.user_keys: dict[str, str] = dict(keymap_file.keys)
        self.theme = TEMA_RENDAH if warna_rendah else TEMA_BIASA
        self._answered: set[str] = set()  # plugin files asked about in this session
        # saves are rendered in a child process: the screen never waits for them
        self.save_process = SaveProcess()

    def notify(self, message: str, *, title: str = "", severity: Any = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification of the app: messages quote the file's text (a finding, a copied
        cell), so control characters are left out and brackets are not read as markup."""
        super().notify(clean_text(str(message)), title=clean_text(str(title)), severity=severity,
                       timeout=timeout, markup=markup)

    # -- start -----------------------------------------------------------------------------

    def konteks(self):
        """What hooks get besides the data; made fresh because the data changes."""
        return self.registry.konteks(self.project.data, self.project.path)

    def current_keys(self, binding_id: str) -> list[str]:
        from .actions import BY_ID

        return current_keys(BY_ID[binding_id], self.user_keys) or [""]

    def get_default_screen(self) -> MainScreen:
        return MainScreen()  # the first screen on the stack: no empty screen pushed before it

    def on_mount(self) -> None:
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self.user_keys:
            self.set_keymap(self.user_keys)
        for problem in self.keymap_file.problems:
            self.notify(problem, title="Peta tombol", severity="warning", timeout=15)
        asked = {item.name for item in self._to_ask()}
        for problem in self.registry.problems:
            if problem.code == "plugin.belum-diizinkan" and problem.chapter in asked:
                continue  # the question says it
            self.notify(problem.message, title="Plugin", timeout=10,
                        severity="error" if problem.severity == "error" else "warning")
        self._ask_next_plugin()  # under the lock question when there is one: asked after it
        self._pasang_sinyal()
        self._mulai_penjaga()
        if self.lock_holder is not None:
            from .screens.lock_question import LockQuestion

            self.push_screen(LockQuestion(self._nama_berkas(), self.lock_holder),
                             self._answer_lock)
        elif self.jurnal is not None:
            self.call_after_refresh(self.alur_pulih)  # after the first frame, never before it
        if self.project.path is not None:
            self.call_after_refresh(self._bersihkan_sementara)
        # the terminal size is checked once the main screen is mounted (MainScreen.on_mount)

    # -- plugin files the project names, not allowed yet (trust.py) ------------------------

    def _to_ask(self) -> list:
        from ..trust import DENIED

        return [item for item in self.registry.untrusted if item.decision.state != DENIED
                and item.name not in self._answered]

    def _ask_next_plugin(self) -> None:
        pending = self._to_ask()
        if not pending:
            return
        from .screens.plugin_trust import TrustQuestion

        item = pending[0]
        self._answered.add(item.name)
        self.push_screen(TrustQuestion(item), lambda answer: self._answer_plugin(item, answer))

    def _answer_plugin(self, item, answer: str | None) -> None:
        try:
            if answer == "izinkan":
                self.registry.allow_untrusted(item)
                self.run_worker(self._chapters_changed(), group="plugin-diizinkan")
                problems = [p for p in self.registry.problems if p.chapter == item.name]
                if problems:
                    self.notify(problems[-1].message, title="Plugin", severity="error")
                else:
                    self.notify(f"Plugin '{item.name}' dijalankan.", title="Plugin")
            elif answer == "tolak":
                self.registry.deny_untrusted(item)
                self.notify(f"Plugin '{item.name}' tidak dijalankan dan tidak akan ditanyakan "
                            "lagi. Data babnya tetap utuh di berkas.", title="Plugin")
            else:
                self.notify(f"Plugin '{item.name}' tidak dijalankan. Data babnya tetap utuh.",
                            title="Plugin")
        except LakipError as exc:  # the trust store could not be written
            self.notify(str(exc), title=exc.title, severity="error", timeout=15)
        self._ask_next_plugin()

    async def _chapters_changed(self) -> None:
        from .widgets.navigation import Navigation

        main = self.layar_utama
        if main is None:
            return
        main.query_one(Navigation).set_chapters(self.registry.ordered_chapters())
        if main.bab_aktif is None and self.registry.chapters:
            await main.buka_bab(self.registry.ordered_chapters()[0].key)
        main.periksa_nanti(0.05)

    def _nama_berkas(self) -> str:
        return self.project.path.name if self.project.path else "(belum bernama)"

    def _answer_lock(self, jawaban: str | None) -> None:
        if jawaban == "keluar":
            self.exit(0)
            return
        if jawaban in ("buka_saja", "ambil_alih"):
            if jawaban == "ambil_alih" and self.lock is not None:
                try:
                    self.lock.acquire(force=True)  # explicit: the user chose to take it over
                except OSError as exc:
                    self.notify(f"Berkas kunci tidak dapat ditulis ({exc}); tetap dibuka.",
                                severity="warning")
            # "open anyway" leaves the other session's lock alone: never ours to remove
            self.project.read_only = False
            self.notify("Berkas dibuka untuk disunting. Sesi lain mungkin juga menyimpan.",
                        severity="warning")
            if self.jurnal is not None:
                self.alur_pulih()
        else:
            self.set_hanya_baca(True)
        self._perbarui_kepala()

    def set_hanya_baca(self, value: bool) -> None:
        self.project.read_only = value
        if value:
            self.notify("Dibuka hanya-baca: perubahan tidak diterima.", title="Hanya-baca")
        self._perbarui_kepala()

    def _perbarui_kepala(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen._perbarui_kepala()

    @property
    def layar_utama(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    # -- terminal size ---------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self.cek_ukuran()

    def cek_ukuran(self) -> None:
        if self.layar_utama is None:  # too early: the main screen checks once it is mounted
            return
        width, height = self.size
        kecil = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if terlalu_kecil(width, height):
            if kecil is None:
                self.push_screen(TooSmallScreen(width, height))
            else:
                kecil.perbarui(width, height)
        elif kecil is not None and self.screen is kecil:
            self.pop_screen()

    # -- a chapter view that fails ---------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An exception from inside a chapter view (its own compose or handlers) replaces that
        view with an error panel instead of ending the app; anything else is a real crash."""
        main = self.layar_utama
        panel = None
        if main is not None and error.__traceback__ is not None:
            for frame, _ in traceback.walk_tb(error.__traceback__):
                candidate = frame.f_locals.get("self")
                panel = main.panel_dari_widget(candidate)
                if panel is not None and panel.view is not None:
                    break
                panel = None
        if panel is None:
            super()._handle_exception(error)
            return
        main.tampilan_gagal(panel, error)

    # -- saving ----------------------------------------------------------------------------

    def _tolak_hanya_baca(self) -> bool:
        if self.project.read_only:
            self.notify("Berkas dibuka hanya-baca; tidak ada yang disimpan.", title="Hanya-baca",
                        severity="warning")
            return True
        return False

    def simpan(self, path: Path | None = None, *, force: bool = False) -> str:
        """"ok", "berubah" (changed on disk) or "gagal"; the user is told in every case."""
        try:
            target = self.project.save(path, force=force)
        except ChangedOnDisk:
            return "berubah"
        except LakipError as exc:
            self.notify(str(exc), title=exc.title, severity="error", timeout=15)
            return "gagal"
        except OSError as exc:
            self.notify(f"{exc.filename or ''}: {exc.strerror or exc}", title="Gagal menyimpan",
                        severity="error", timeout=15)
            return "gagal"
        if path is not None:
            self._move_lock(target)
        self.notify(f"Tersimpan: {target.name}", timeout=3)
        self._perbarui_kepala()
        return "ok"

    def _move_lock(self, target: Path) -> None:
        """After save as, the session edits the new file: hold its lock, drop the old one."""
        if self.lock is not None and self.lock.project_file.resolve() == target.resolve():
            return
        if self.lock is not None:
            self.lock.release()
        self.lock = FileLock(target)
        try:
            self.lock.acquire()
        except Locked as exc:
            self.notify(f"{target.name} juga sedang dibuka oleh {exc.holder.describe()}.",
                        severity="warning")
        except OSError:
            pass

    async def tuntaskan_ketikan(self) -> None:
        """Text being typed in a cell, field or narrative is written to the project when its
        editor gets Enter or loses focus; do that now, so a save or a quit never misses what is
        on screen. (A refused value stays in its editor, with the editor's message.)"""
        main = self.layar_utama
        focused = main.focused if main is not None else None
        panel = main.panel_dari_widget(focused) if focused is not None else None
        if focused is None or panel is None:
            return

        async def handled() -> None:
            # Submitted, Blur and DescendantBlur are queued messages that bubble up: wait until
            # every widget from the editor up to the chapter frame has handled its queue.
            chain = [n for n in focused.ancestors_with_self if isinstance(n, Widget)]
            chain = chain[: chain.index(panel) + 1] if panel in chain else chain[:1]
            for _ in range(2):
                for node in chain:
                    await _antrean_selesai(node)

        masukan = focused if isinstance(focused, Input) else None
        sel = getattr(getattr(focused, "editor", None), "cell_input", None)
        if isinstance(sel, Input) and sel.display:
            masukan = sel  # a cell being edited: the grid keeps the focus meanwhile
        if masukan is not None:
            # do what Enter does in this one-line editor (the cell and form editors commit)
            enter = masukan._bindings.key_to_bindings.get("enter") or []
            if enter:
                await masukan.run_action(enter[0].action)
            else:
                await masukan.action_submit()
            await handled()
        if main.focused is focused:
            main.set_focus(None)  # the narrative editor commits on blur
            await handled()
            if focused.is_attached and focused.display and focused.focusable:
                main.set_focus(focused)

    async def simpan_latar(self, path: Path | None = None, *, force: bool = False) -> str:
        """Like `simpan`, with the work (render, verify, write) in a thread: the screen and the
        keys go on meanwhile, and edits made during it stay unsaved for the next save. The save
        writes the edits as they were when it started. Also "hanya_baca" for a file nobody may
        write (the caller offers save as)."""
        project = self.project
        while project.saving:
            # ctrl+s twice in a row: the first flow's save is still being written (a flow is
            # cancelled only at its next pause); this one saves what is left after it
            await asyncio.sleep(0.01)
        try:
            job = project.begin_save(path, force=force, snapshot=True)
        except LakipError as exc:
            self.notify(str(exc), title=exc.title, severity="error", timeout=15)
            return "gagal"
        thread = asyncio.ensure_future(asyncio.to_thread(job.run, self.save_process.render))
        try:
            await asyncio.shield(thread)
        except asyncio.CancelledError:
            # this flow was cancelled (another one started): the thread still ends, and what it
            # did is taken in then, so the project never stays "saving"
            thread.add_done_callback(lambda _done: self._akhiri_simpan(job, path, thread))
            raise
        except Exception:
            pass
        return self._akhiri_simpan(job, path, thread)

    def _akhiri_simpan(self, job: Any, path: Path | None, thread: "asyncio.Future") -> str:
        if thread.cancelled():
            # only the event loop's end cancels it (the app ended on a signal): the thread
            # still finishes its write, as the loop waits for its threads; nobody takes it in
            return "gagal"
        self.project.end_save(job)
        error = thread.exception()
        if isinstance(error, ChangedOnDisk):
            return "berubah"
        if isinstance(error, LakipError):
            self.notify(str(error), title=error.title, severity="error", timeout=15)
            return "hanya_baca" if error.title == "Berkas hanya-baca" else "gagal"
        if isinstance(error, OSError):
            self.notify(f"{error.filename or ''}: {error.strerror or error}",
                        title="Gagal menyimpan", severity="error", timeout=15)
            return "gagal"
        if error is not None:
            raise error
        if path is not None:
            self._move_lock(job.target)
        self.notify(f"Tersimpan: {job.target.name}", timeout=3)
        self._perbarui_kepala()
        return "ok"

    def action_simpan(self) -> None:
        if self.project.saving:  # one save at a time; this one follows when it ends
            self._simpan_lagi = True
            return
        self.alur_simpan()

    @work(exclusive=True, group="simpan")
    async def alur_simpan(self, lalu_keluar: bool = False) -> bool:
        """Save; on a file changed on disk ask: merge then save, merge only, save as, or
        discard ours; a read-only file goes straight to save as. True when saved."""
        if self._tolak_hanya_baca():
            return False
        await self.tuntaskan_ketikan()
        hasil = await self.simpan_latar()
        if getattr(self, "_simpan_lagi", False) and hasil == "ok" and not lalu_keluar:
            self._simpan_lagi = False
            if self.project.dirty:
                hasil = await self.simpan_latar()
        if hasil == "hanya_baca":
            hasil = await self._tanya_simpan_sebagai()
        if hasil == "berubah":
            from .screens.disk_changed import DiskChangedScreen

            jawaban = await self.push_screen_wait(
                DiskChangedScreen(self._nama_berkas(), self.project.dirty))
            if jawaban == "timpa":
                if not await self.gabung_dengan_disk():
                    return False
                hasil = await self.simpan_latar()
                if hasil == "berubah":  # changed yet again meanwhile: nothing is overwritten
                    self.notify("Berkas berubah lagi di disk; simpan sekali lagi.",
                                severity="warning", timeout=8)
                    return False
            elif jawaban == "simpan_sebagai":
                hasil = await self._tanya_simpan_sebagai()
            elif jawaban == "muat_ulang":
                await self.gabung_dengan_disk()
                return False
            elif jawaban == "buang":
                self._muat_ulang()
                return False
            else:
                self.notify("Belum disimpan.", timeout=3)
                return False
        if hasil == "ok" and lalu_keluar:
            self.exit(0)
        return hasil == "ok"

    async def gabung_dengan_disk(self) -> bool:
        """Three-way merge (base = the last durable text, theirs = the file now on disk, ours
        = the data being edited): the file is read again, and the edits are put back on top
        of it as unsaved edits; edits to different keys or rows are combined, and each value
        changed on both sides is asked about. False when cancelled (nothing changed then)."""
        import copy

        from ..merge import apply_ops, diff, merge3
        from ..project import parse_toml

        path = self.project.path
        try:
            base = parse_toml(self.project.text, str(path))
            ours = copy.deepcopy(self.project.data)
            disk = Project.load(path)
        except LakipError as exc:
            self.notify(str(exc), title=exc.title, severity="error", timeout=15)
            return False
        hasil = merge3(base, ours, disk.data)
        pilihan = await self.tanya_konflik(hasil.konflik, "Suntingan Anda")
        if pilihan is None:
            self.notify("Tidak digabung; tidak ada yang berubah.", timeout=5)
            return False
        if hasil.konflik:
            hasil = merge3(base, ours, disk.data, pilihan)
        ops = diff(disk.data, hasil.data)
        try:  # tried on a copy first: the editor's edits are never dropped by a failed merge
            apply_ops(Project(disk.text, path), ops)
        except LakipError as exc:
            self.notify(f"Tidak dapat digabung ({exc}); tidak ada yang berubah.",
                        severity="error", timeout=15)
            return False
        self.project.reload(disk)  # the very text merged with; a later change is seen at save
        if not self.terapkan(ops):
            return False
        jumlah = len(hasil.konflik)
        self.notify("Digabung dengan versi di disk" + (f" ({jumlah} nilai dipilih)" if jumlah
                                                        else "") + "; belum disimpan.",
                    timeout=5)
        self._perbarui_kepala()
        return True

    async def _tanya_simpan_sebagai(self) -> str:
        from .screens.save_as import SaveAsScreen

        path = await self.push_screen_wait(SaveAsScreen(self.project.path))
        if path is None:
            self.notify("Belum disimpan.", timeout=3)
            return "batal"
        return await self.simpan_latar(path)

    def _muat_ulang(self, pesan: str = "Dimuat ulang dari disk.") -> None:
        try:
            self.project.reload()
        except LakipError as exc:
            self.notify(str(exc), title=exc.title, severity="error", timeout=15)
            return
        self.notify(pesan, timeout=5)

    @work(exclusive=True, group="simpan")
    async def action_simpan_sebagai(self) -> None:
        if self._tolak_hanya_baca():
            return
        await self._tanya_simpan_sebagai()

    @work(exclusive=True, group="impor")
    async def action_impor(self) -> None:
        if self._tolak_hanya_baca():
            return
        from ..impor import terapkan
        from .screens.import_sheet import ImportScreen

        hasil = await self.push_screen_wait(ImportScreen(self.project, self.registry))
        if hasil is None or not hasil.edit:
            return
        terapkan(self.project, hasil)
        self.notify(f"Impor: {len(hasil.edit)} perubahan diterapkan (belum disimpan); "
                    "ctrl+z membatalkan semuanya.", title="Impor")

    @work(exclusive=True, group="simpan")
    async def action_muat_ulang(self) -> None:
        if self.project.dirty:
            from .screens.disk_changed import DiskChangedScreen

            jawaban = await self.push_screen_wait(DiskChangedScreen(self._nama_berkas(), True))
            if jawaban == "timpa":
                if await self.gabung_dengan_disk():
                    await self.simpan_latar()
                return
            if jawaban == "simpan_sebagai":
                await self._tanya_simpan_sebagai()
                return
            if jawaban == "muat_ulang":
                await self.gabung_dengan_disk()
                return
            if jawaban != "buang":
                return
        self._muat_ulang()

    # -- watching the file and the lock ---------------------------------------------------

    def _mulai_penjaga(self) -> None:
        """A thread that, once a second, does only a stat of the file (and touches the lock
        every minute); the UI thread is called only when something changed. (A Textual interval
        timer would wake the app every second for nothing.)"""
        import threading

        self._penjaga_henti = threading.Event()
        self._disk_stamp = _stat_stamp(self.project.path)
        self._disk_berubah = False  # the change on disk has been told already
        self.project.subscribe(self._setelah_tulis)
        if self.project.path is None:
            return
        threading.Thread(target=self._penjaga, name="lakip-penjaga", daemon=True).start()

    def on_unmount(self) -> None:
        self._penjaga_henti.set()
        self._lepas_sinyal()
        self.save_process.close()

    def _penjaga(self) -> None:
        import time

        terakhir = time.monotonic()
        while not self._penjaga_henti.wait(PERIODE_JAGA):
            try:
                kunci = _stat_stamp(self.project.path)
                if kunci != self._disk_stamp:
                    self.call_from_thread(self._cek_disk, kunci)
                lock = self.lock
                if lock is None or self.project.read_only:
                    continue
                if lock.held and time.monotonic() - terakhir >= 60.0:
                    terakhir = time.monotonic()
                    lock.refresh()  # so a session on another host does not take it for stale
                elif not lock.held and self.lock_holder is not None and not lock.path.exists():
                    self.call_from_thread(self._ambil_kunci_bebas)
            except Exception:  # the app is ending (call_from_thread refuses): stop watching
                return

    def _setelah_tulis(self, change: Any) -> None:
        """Our own save or reload: the file on disk is the project's text now."""
        if change.kind in ("save", "reload"):
            self._disk_stamp = _stat_stamp(self.project.path)
            self._disk_berubah = False

    def _cek_disk(self, kunci: Any) -> None:
        """The file's stat changed: read it (only now) and say so when it is not our text."""
        if getattr(self.project, "saving", False):
            return  # our own save is being written: look again at the next tick
        self._disk_stamp = kunci
        if not self.project.disk_changed():
            self._disk_berubah = False
            return
        if self._disk_berubah:
            return
        self._disk_berubah = True
        if not self.project.dirty:
            self._muat_ulang(pesan="Berkas diubah di luar aplikasi; versi di disk dimuat "
                                   "(tidak ada perubahan Anda yang belum disimpan).")
            return
        self.notify("Berkas diubah di luar aplikasi. Perubahan Anda belum disimpan: Simpan "
                    "(Ctrl+S) menggabungkan keduanya, nilai yang bentrok ditanyakan.",
                    title="Berkas berubah di disk", severity="warning", timeout=20)

    def _bersihkan_sementara(self) -> None:
        """Temp files that a save killed earlier left beside the file (temp_files.py)."""
        from ..temp_files import remove_leftovers

        removed = remove_leftovers(self.project.path)
        if removed:
            self.notify(f"{len(removed)} berkas sementara dari penyimpanan yang terputus "
                        "dihapus.", timeout=5)

    def _ambil_kunci_bebas(self) -> None:
        """"Open anyway": the other session has ended, so this one holds the file now."""
        if self.lock is None or self.lock.held:
            return
        try:
            self.lock.acquire()
        except Exception:  # Locked (a third session was quicker) or an OSError
            return
        self.lock_holder = None

    # -- crash journal ---------------------------------------------------------------------

    @work(exclusive=True, group="pulih")
    async def alur_pulih(self) -> None:
        """Offer back the edits that sessions of this file left unsaved when they ended."""
        from ..journal import find_journals, plan_recovery, remove_journal

        if self.project.read_only or self.jurnal is None or self.project.path is None:
            return
        for saved in find_journals(self.project.path):
            try:
                rencana = plan_recovery(saved, self.project.data, self.project.text)
            except LakipError as exc:
                self.notify(str(exc), title=exc.title, severity="error", timeout=15)
                continue
            if not rencana.ops and not rencana.conflicts:
                remove_journal(saved)  # everything in it is in the file already
                continue
            from .screens.recover import RecoverOffer

            jawaban = await self.push_screen_wait(
                RecoverOffer(self._nama_berkas(), saved, rencana))
            if jawaban == "pulihkan":
                await self._pulihkan(saved, rencana)
            elif jawaban == "buang":
                remove_journal(saved)
                self.notify(f"{len(saved.ops)} suntingan dari sesi {saved.made} dibuang.",
                            timeout=5)
            else:
                self.notify("Suntingan itu tetap tersimpan; ditawarkan lagi saat berkas ini "
                            "dibuka, atau pulihkan dengan `lakip recover`.", timeout=8)

    async def _pulihkan(self, saved: Any, rencana: Any) -> None:
        from ..journal import plan_recovery, remove_journal

        pilihan = await self.tanya_konflik(rencana.conflicts, "Suntingan dipulihkan")
        if pilihan is None:
            self.notify("Pemulihan dibatalkan; suntingan tetap di jurnal.", timeout=5)
            return
        if rencana.conflicts:
            rencana = plan_recovery(saved, self.project.data, self.project.text, pilihan)
        if not self.terapkan(rencana.ops):
            return
        self.jurnal.sync()  # the edits are in this session's journal, durable, before...
        remove_journal(saved)  # ...the old one goes
        self.notify(f"{len(rencana.ops)} perubahan dipulihkan; belum disimpan (Ctrl+S).",
                    title="Dipulihkan", timeout=8)
        self._perbarui_kepala()

    async def tanya_konflik(self, konflik: list, asal: str) -> list[str] | None:
        """Ask per conflicting value which side stays; None when the user cancels."""
        from .screens.recover import ConflictQuestion

        pilihan = []
        for nomor, satu in enumerate(konflik, start=1):
            jawaban = await self.push_screen_wait(ConflictQuestion(satu, nomor, len(konflik), asal))
            if jawaban is None:
                return None
            pilihan.append(jawaban)
        return pilihan

    def terapkan(self, ops: list) -> bool:
        """Apply operations as ordinary edits; all or nothing. False (and said) on failure."""
        from ..merge import apply_ops

        dibuat: list = []
        lepas = self.project.subscribe(
            lambda change: dibuat.append(change) if change.source == "edit" else None)
        try:
            apply_ops(self.project, ops)
        except LakipError as exc:
            for _ in dibuat:
                self.project.undo()
            self.notify(str(exc), title="Tidak dapat diterapkan", severity="error", timeout=15)
            return False
        finally:
            lepas()
        return True

    def tutup_jurnal(self) -> None:
        """End of the session: unsaved edits stay in the journal for the next start, unless
        the user discarded them (or there are none)."""
        if self.jurnal is None:
            return
        if self.project.dirty and not self._jurnal_dibuang and not self.project.read_only:
            self.jurnal.close()
        else:
            self.jurnal.clear()
            self.jurnal.close()

    def _pasang_sinyal(self) -> None:
        """SIGHUP (the terminal or the SSH connection went away) and SIGTERM: make the journal
        durable, give the lock back, and end."""
        import signal

        self._sinyal: list = []
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._sinyal_akhir, sig)
                self._sinyal.append((loop, sig))
        except (AttributeError, NotImplementedError, RuntimeError, ValueError):
            pass  # Windows, or not the main thread (some tests)

    def _lepas_sinyal(self) -> None:
        """Give the signals back: once the app has ended a SIGTERM must end the process again
        (a handler left on a finished event loop would swallow it)."""
        for loop, sig in getattr(self, "_sinyal", []):
            try:
                loop.remove_signal_handler(sig)
            except (RuntimeError, ValueError):
                pass
        self._sinyal = []

    def _sinyal_akhir(self, sig: int) -> None:
        import threading

        self.tutup_jurnal()
        if self.lock is not None:
            self.lock.release()
        # the terminal may be gone: if Textual cannot end cleanly, end anyway
        watchdog = threading.Timer(3.0, os._exit, (128 + sig,))
        watchdog.daemon = True  # an app that ends in time ends the process at once
        watchdog.start()
        self.exit(return_code=128 + sig)

    # -- quitting --------------------------------------------------------------------------

    @work(exclusive=True, group="keluar")
    async def action_keluar(self) -> None:
        await self.tuntaskan_ketikan()
        if self.project.saving:
            # a save being written is finished first: what it writes may be all that is unsaved
            self.notify("Penyimpanan masih berjalan; keluar setelah selesai.", timeout=5)
            while self.project.saving:
                await asyncio.sleep(0.05)
        if not self.project.dirty or self.project.read_only:
            self.exit(0)
            return
        from .screens.confirm_quit import ConfirmQuitScreen

        jawaban = await self.push_screen_wait(ConfirmQuitScreen())
        if jawaban == "buang":
            self._jurnal_dibuang = True
            self.exit(0)
        elif jawaban == "simpan":
            self.alur_simpan(lalu_keluar=True)

    async def action_quit(self) -> None:  # Textual's own quit paths go through the guard too
        self.action_keluar()

    # -- other screens ---------------------------------------------------------------------

    def action_bantuan(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.user_keys, self.keymap_file.path,
                                      self.keymap_file.problems))

    def _bab_aktif(self) -> Chapter | None:
        main = self.layar_utama
        key = main.bab_aktif if main else None
        return self.registry.chapters.get(key) if key else None

    def action_pratinjau(self) -> None:
        chapter = self._bab_aktif()
        if chapter is None:
            self.notify("Tidak ada bab yang terbuka.", timeout=3)
            return
        from .screens.preview import PreviewScreen

        # the preview prints the file's text: control characters left out before layout
        self.push_screen(PreviewScreen(chapter, clean_data(salin_data(self.project.data)),
                                        self.registry, self.konteks()))

    def action_ringkasan(self) -> None:
        from .screens.summary import SummaryScreen

        meta = self.project.data.get("meta") if isinstance(self.project.data.get("meta"), dict) else {}
        judul = " ".join(str(meta.get(k, "")) for k in ("instansi", "tahun")).strip()
        from ..report import Grafik

        data = clean_data(salin_data(self.project.data))  # labels quote the file's text
        grafik = [g for _plugin, result in self.registry.call(
            "lakip_summary", data=data, konteks=self.konteks()) for g in result
            if isinstance(g, Grafik)]
        for failure in self.registry.failures_of("lakip_summary"):  # never a silent gap
            self.notify(failure.message, title="Ringkasan tidak lengkap", severity="error",
                        timeout=15)
        self.push_screen(SummaryScreen(grafik, clean_text(judul or self._nama_berkas())))

    def action_warna_rendah(self) -> None:
        self.theme = TEMA_BIASA if self.theme == TEMA_RENDAH else TEMA_RENDAH
        self.notify("Tema warna rendah." if self.theme == TEMA_RENDAH else "Tema biasa.",
                    timeout=3)

    # -- edits refused by a view -----------------------------------------------------------

    def on_chapter_view_edit_refused(self, event: Any) -> None:
        self.notify(getattr(event, "message", "Perubahan ditolak."), title="Tidak diubah",
                    severity="warning", timeout=6)


# -- entry point ---------------------------------------------------------------------------------


def prepare(args: Any, env: dict[str, str] | None = None,
            awal: "EarlyParse | None" = None) -> LakipApp:
    """Everything that can fail with a user error, before any terminal output: load the file
    (tomllib only), the plugins, take the lock. Raises LakipError."""
    from ..plugins import load_registry

    project = load_project(args.file, awal)
    registry = load_registry(getattr(args, "plugin", []) or [], data=project.data,
                             project_path=project.path)
    read_only = bool(getattr(args, "read_only", False))
    lock = None
    holder = None
    if not read_only:
        lock = FileLock(project.path)
        try:
            lock.acquire()
        except Locked as exc:
            holder = exc.holder
        except OSError as exc:  # a read-only folder: edit anyway, say so in the app
            lock = None
            print(f"lakip: peringatan: berkas kunci tidak dapat dibuat ({exc.strerror or exc})",
                  file=sys.stderr)
    environ = dict(os.environ if env is None else env)
    warna_rendah = environ.get("LAKIP_WARNA", "").lower() == "rendah"
    jurnal = None
    if not read_only and project.path is not None:
        from ..journal import Journal

        jurnal = Journal(project.path, project.text)
    return LakipApp(project, registry, read_only=read_only, lock=lock, lock_holder=holder,
                    env=environ, warna_rendah=warna_rendah, jurnal=jurnal)


def run_app(args: Any, awal: "EarlyParse | None" = None) -> int:
    """`lakip edit FILE`: exit code 0, or a LakipError (exit 2) raised before the app starts."""
    # The collector is paused until the first screen is up (see cli.cmd_edit, which pauses it
    # before Textual is imported); MainScreen then freezes what exists and resumes it.
    gc.disable()
    try:
        app = prepare(args, awal=awal)
        try:
            app.run(mouse=not getattr(args, "no_mouse", False))
        finally:
            app.tutup_jurnal()
            if app.lock is not None:
                app.lock.release()
    finally:
        gc.enable()
    return app.return_code or 0
