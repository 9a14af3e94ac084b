"""The main screen: header, navigation, the open chapter's view, findings panel, footer.

It wires the project's change events to the cheap things (the unsaved marker) at once, and to
the slow ones (the full check) through a debounce and a thread worker, so a keystroke never
pays for a re-check.
"""

from __future__ import annotations

import gc
import inspect
import re
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from ...chapter import Chapter
from ...checks import run_checks
from ...findings import Finding
from ...paths import format_path
from ...project import Change
from .. import clipboard
from ..actions import bindings
from ..drawing import LeanCompositor
from ..widgets.chapter_host import ChapterHost
from ..widgets.findings import FindingsPanel
from ..widgets.footer import LakipFooter
from ..widgets.header import AppHeader
from ..widgets.navigation import Navigation, Destination

if TYPE_CHECKING:
    from ..app import LakipApp

# Long enough that typing a number does not start a check per digit, short enough to feel live.
DEBOUNCE_SECONDS = 0.4
# How often a chapter's view is built again after an error inside it before it is switched off.
BATAS_BANGUN_ULANG = 3


def salin_data(value: Any) -> Any:
    """A copy of the project's plain data for a worker thread to read while edits go on.
    TOML data is only dicts, lists and immutable scalars, so this is 3x faster than deepcopy
    (21 ms instead of 68 ms for a 20.000-row file); it runs once per debounced check."""
    if type(value) is dict:
        return {key: salin_data(item) for key, item in value.items()}
    if type(value) is list:
        return [salin_data(item) for item in value]
    return value


def _widget_id(key: str) -> str:
    return "bab-" + re.sub(r"[^A-Za-z0-9_-]", "_", key)


def bekukan_objek_sesi(*, kumpulkan: bool = False) -> None:
    """Keep what exists now (the file's data, the screen's widgets; they live as long as the
    session) out of Python's full garbage collections, which otherwise scan all of it during some
    keystroke: 55-160 ms for a 20.000-row file, 1-6 ms once frozen (docs/performance.md).
    Frozen objects are still freed by reference counting; `cairkan_objek_sesi` undoes it.
    `kumpulkan` collects first, so no garbage is frozen; cheap once the bulk is frozen."""
    if kumpulkan:
        gc.collect()
    gc.freeze()
    gc.enable()  # `run_app` pauses the collector until the first screen is up


def cairkan_objek_sesi() -> None:
    """Let the collector see the frozen objects again (before they are thrown away)."""
    gc.unfreeze()


def kelas_ukuran(width: int, height: int) -> dict[str, bool]:
    """The screen's layout classes for a terminal size (app.tcss gives them their meaning)."""
    return {"-sempit": width < 100, "-lebar": width >= 120, "-pendek": height < 30}


class MainScreen(Screen):
    BINDINGS = bindings("main")
    # Screen.focused repaints the whole screen whenever focus moves (25-27 KB to the terminal
    # each time the cell editor opens or closes, docs/performance.md). The widgets that gain
    # and lose focus repaint themselves, and so do the ones their :focus styles touch.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self._compositor = LeanCompositor()  # only the changed cells of a line are sent
        self.panels: dict[str, ChapterHost] = {}
        self.bab_aktif: str | None = None
        self._timer_periksa: Timer | None = None
        self._worker_periksa: Worker | None = None
        self._versi_data = 0  # counts the edits; the check's thread compares it (_periksa_salinan)
        self._unsubscribe = None
        self.findings: list[Finding] = []
        self.perubahan_terakhir: Change | None = None
        self._worker_dokumen: Worker | None = None
        self._sudah_dilanjutkan = False
        self._jumlah_gagal: dict[str, int] = {}  # chapter key -> views rebuilt after an error
        self._dibangun_ulang: set[str] = set()  # chapters whose view is being rebuilt now
        # Set before the first layout: a class changed after mount restyles the whole screen.
        self._atur_kelas_ukuran(*self.app.size, update=False)

    @property
    def lakip(self) -> "LakipApp":
        return self.app  # type: ignore[return-value]

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        chapters = self.lakip.registry.ordered_chapters()
        # The first chapter is part of the first layout, not mounted after it (one layout pass).
        first = self._panel_baru(chapters[0]) if chapters else None
        yield AppHeader(id="kepala")
        with Horizontal(id="tengah"):
            yield Navigation(chapters, id="navigasi")
            # the chapters' panels sit beside the navigation, one shown at a time (a switcher
            # around them would be one more level to mount before the first frame)
            if first is not None:
                self.bab_aktif = first.chapter.key
                yield first
        yield FindingsPanel(id="temuan")
        yield LakipFooter(id="kaki")

    def on_mount(self) -> None:
        self._perbarui_kepala()
        temuan, bantuan = (self.lakip.current_keys(i)[0] for i in ("ke_temuan", "bantuan"))
        self.query_one(FindingsPanel).petunjuk = \
            f"({temuan.upper()} lalu Enter: lompat · {bantuan.upper()}: bantuan)"
        self._unsubscribe = self.lakip.project.subscribe(self._berubah)
        if self.bab_aktif is not None:
            self.query_one(Navigation).tandai(Destination(self.bab_aktif))
        self.app.call_after_refresh(self.lakip.cek_ukuran)
        # Checks are slow: start them only after the first frame is on screen.
        self.call_after_refresh(self.periksa_nanti, 0.05)
        self.call_after_refresh(bekukan_objek_sesi)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler (Textual calls each class's handler along the MRO).
        # That handler styles the whole screen again whenever it is resumed, also right after
        # the mount that has just styled every widget (the focus it gives restyles what it
        # touches on its own): 3-4 ms of the first screen. Later resumes, after a dialog or a
        # theme change, restyle as usual.
        if not self._sudah_dilanjutkan:
            self._sudah_dilanjutkan = True
            event.refresh_styles = False

    def _atur_kelas_ukuran(self, width: int, height: int, *, update: bool = True) -> None:
        for kelas, aktif in kelas_ukuran(width, height).items():
            self.set_class(aktif, kelas, update=update)  # a no-op when nothing changes

    def on_resize(self, event) -> None:
        # The terminal's size, not the event's: a screen under a modal can be sent a Resize with
        # its stale size after a class change relaid it out, and classes following that size
        # flipped back and forth for ever (-pendek at 70x20, not at 79x30).
        self._atur_kelas_ukuran(*self.app.size)
        # every screen of the stack is told of a resize, even under the "too small" one
        self.app.call_later(self.lakip.cek_ukuran)

    def on_unmount(self) -> None:
        cairkan_objek_sesi()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _perbarui_kepala(self) -> None:
        kepala = self.query_one(AppHeader)
        meta = self.lakip.project.data.get("meta")
        meta = meta if isinstance(meta, dict) else {}
        kepala.instansi = str(meta.get("instansi") or "")
        kepala.tahun = str(meta.get("tahun") or "")
        path = self.lakip.project.path
        kepala.berkas = path.name if path else "(belum bernama)"
        kepala.belum_disimpan = self.lakip.project.dirty
        kepala.hanya_baca = self.lakip.project.read_only

    # -- chapters --------------------------------------------------------------------------

    def _chapter(self, key: str) -> Chapter | None:
        return self.lakip.registry.chapters.get(key) or next(
            (panel.chapter for k, panel in self.panels.items() if k == key), None)

    async def buka_bab(self, key: str, bagian: str | None = None) -> ChapterHost | None:
        """Show the chapter's view (made on first use, kept afterwards so the cursor stays)."""
        chapter = self._chapter(key)
        if chapter is None:
            return None
        panel = self.panels.get(key)
        dibangun = panel is None
        if panel is None:
            panel = self._panel_baru(chapter)
            await self.query_one("#tengah").mount(panel)
        for other in self.panels.values():
            other.display = other is panel
        self.bab_aktif = key
        self.query_one(Navigation).tandai(Destination(key, bagian))
        if bagian is not None:
            mounting = self.panggil_tampilan(key, "show_bagian", bagian)
            if inspect.isawaitable(mounting):  # a section built now: its editors exist after
                await mounting
                dibangun = True
        if dibangun:
            # A view is kept for the session: freeze it too, or every later full collection
            # scans it (city: 11-28 ms each; with this, 4-7 ms).
            self.call_after_refresh(bekukan_objek_sesi, kumpulkan=True)
        return panel

    def _panel_baru(self, chapter: Chapter) -> ChapterHost:
        """Make the chapter's panel and remember it (the caller mounts it)."""
        panel = self._buat_panel(chapter)
        self.panels[chapter.key] = panel
        return panel

    def _buat_panel(self, chapter: Chapter) -> ChapterHost:
        lakip = self.lakip
        try:
            view = lakip.view_factory(chapter, lakip.project, lakip.registry, lakip.konteks)
        except Exception as exc:  # a broken chapter must not take the app or the edits down
            return ChapterHost(chapter, None, f"{type(exc).__name__}: {exc}", id=_widget_id(chapter.key))
        return ChapterHost(chapter, view, id=_widget_id(chapter.key))

    def panggil_tampilan(self, key: str | None, method: str, *args: Any) -> Any:
        """Call a ChapterView method; a view that raises is replaced by its error panel."""
        panel = self.panels.get(key) if key else None
        view = panel.view if panel else None
        if view is None or not hasattr(view, method):
            return None
        try:
            return getattr(view, method)(*args)
        except Exception as exc:
            self.tampilan_gagal(panel, exc)
            return None

    def tampilan_gagal(self, panel: ChapterHost, exc: BaseException) -> None:
        """An error inside a chapter's view: the project's data is intact (every edit goes
        through it), so the view is built again from it and the user told once. A view that
        keeps failing (BATAS_BANGUN_ULANG times in a session) is switched off instead."""
        key = panel.chapter.key
        if panel.view is None or key in self._dibangun_ulang:
            return  # already being replaced: the same failure seen from another widget
        problem = f"{type(exc).__name__}: {exc}"
        jumlah = self._jumlah_gagal[key] = self._jumlah_gagal.get(key, 0) + 1
        # a view that never got mounted failed while being built: building it again fails too
        dibangun = bool(getattr(panel.view, "is_mounted", False))
        if not dibangun or jumlah > BATAS_BANGUN_ULANG or self.panels.get(key) is not panel:
            lagi = " lagi" if jumlah > 1 else ""
            self.app.notify(f"{panel.chapter.title}: tampilan gagal{lagi} ({problem}) dan "
                            "dimatikan untuk sesi ini. Bab lain tetap bisa disunting dan "
                            "disimpan.", title="Tampilan bab gagal", severity="error",
                            timeout=10)
            self.run_worker(panel.gagal(problem), group="gagal")
            return
        self.app.notify(f"{panel.chapter.title}: terjadi galat di penyunting ({problem}). "
                        "Tampilannya dibangun ulang dari data proyek; tidak ada perubahan yang "
                        "hilang, dan semuanya tetap bisa disimpan.", title="Tampilan dibangun ulang",
                        severity="error", timeout=10)
        self._dibangun_ulang.add(key)
        self.run_worker(self._bangun_ulang_bab(panel), group="gagal")

    async def _bangun_ulang_bab(self, panel: ChapterHost) -> None:
        """Replace one chapter's panel by a new one built from the project, on the same
        section; the focus goes into it when it was there."""
        key = panel.chapter.key
        try:
            view = panel.view
            bagian = getattr(view, "bagian_aktif", None)
            fokus = self.focused
            # a focus left on a widget already taken out of the failed view counts as the view's
            punya_fokus = fokus is not None and (
                self.panel_dari_widget(fokus) is panel or not fokus.is_attached)
            aktif = self.bab_aktif == key
            if punya_fokus:
                self.set_focus(None)
            del self.panels[key]
            await panel.remove()
            baru = self._panel_baru(panel.chapter)
            baru.display = aktif
            await self.query_one("#tengah").mount(baru)
            if aktif:
                await self.buka_bab(key, bagian)
                if punya_fokus:
                    self.call_after_refresh(self.fokus_ke_tampilan)
        finally:
            self._dibangun_ulang.discard(key)

    def panel_dari_widget(self, widget: Any) -> ChapterHost | None:
        node = widget
        while isinstance(node, Widget):
            if isinstance(node, ChapterHost):
                return node
            node = node.parent
        return None

    @property
    def tampilan_aktif(self) -> Widget | None:
        panel = self.panels.get(self.bab_aktif) if self.bab_aktif else None
        return panel.view if panel else None

    @on(Navigation.Dibuka)
    async def _navigasi_dibuka(self, event: Navigation.Dibuka) -> None:
        await self.buka_bab(event.tujuan.bab, event.tujuan.bagian)
        self.call_after_refresh(self.fokus_ke_tampilan)

    def fokus_ke_tampilan(self, coba: int = 3) -> None:
        """Enter on a chapter means "I want to edit it": focus its first visible editor (the
        editor itself, not the scrolling container around it)."""
        panel = self.panels.get(self.bab_aktif) if self.bab_aktif else None
        if panel is None:
            return

        def bisa(widget: Widget) -> bool:
            return widget.focusable and all(
                node.display for node in widget.ancestors_with_self if isinstance(node, Widget))

        candidates = [w for w in panel.query("*") if bisa(w)]
        inner = [w for w in candidates if not any(o is not w and w in o.ancestors
                                                  for o in candidates)]
        from textual.containers import ScrollableContainer

        if coba > 0 and all(isinstance(w, ScrollableContainer) for w in inner):
            # the section's editors are still being mounted: try again after the next frame
            self.call_after_refresh(self.fokus_ke_tampilan, coba - 1)
            return
        if inner:
            inner[0].focus()

    async def bangun_ulang(self) -> None:
        """After a reload: every view shows new data, so all are made again."""
        cairkan_objek_sesi()  # the old views and data, frozen at start, must be collectable
        await self.query_one("#tengah").remove_children(ChapterHost)
        self.panels.clear()
        current = self.bab_aktif
        self.bab_aktif = None
        if current:
            await self.buka_bab(current)
        # the old views are freed by this collection, then what remains is frozen again
        self.call_after_refresh(bekukan_objek_sesi, kumpulkan=True)

    # -- changes and checks ----------------------------------------------------------------

    def _berubah(self, change: Change) -> None:
        """Every edit passes here: only cheap work, the check is debounced."""
        self.perubahan_terakhir = change
        self.query_one(AppHeader).belum_disimpan = self.lakip.project.dirty
        if change.kind == "save":
            self._perbarui_kepala()  # a save-as changes the file name
            return
        if change.kind == "reload":
            self._perbarui_kepala()
            self.run_worker(self.bangun_ulang(), group="bangun-ulang", exclusive=True)
        elif self.lakip.project.needs_document:
            self.siapkan_dokumen()
        self.periksa_nanti()

    def siapkan_dokumen(self) -> None:
        """A row was added, deleted or moved: the next save needs tomlkit's document, which takes
        long to parse on a big file (city 0,7 s, 20.000 rows 8 s). The save process parses it
        now, while the planner goes on editing (save_process.py)."""
        if self._worker_dokumen is not None and self._worker_dokumen.is_running:
            return
        text = self.lakip.project.text
        if not self.app.save_process.wants_document(text):
            return
        prepare = partial(self.app.save_process.prepare, text)
        self._worker_dokumen = self.run_worker(prepare, name="dokumen", group="dokumen",
                                               description="siapkan dokumen", thread=True,
                                               exit_on_error=False)

    def periksa_nanti(self, delay: float = DEBOUNCE_SECONDS) -> None:
        self._versi_data += 1  # a check copying the data now must not trust its copy
        if self._timer_periksa is not None:
            self._timer_periksa.stop()
        self._timer_periksa = self.set_timer(delay, self.periksa)

    def periksa(self) -> None:
        """Run every check in a thread on a snapshot of the data (edits go on meanwhile)."""
        self._timer_periksa = None
        self.query_one(FindingsPanel).memeriksa()
        self._worker_periksa = self.run_worker(
            self._periksa_salinan,
            # a description of its own: Textual's default is repr(work)
            name="periksa", group="periksa", description="pemeriksaan", thread=True,
            exclusive=True, exit_on_error=False)

    def _periksa_salinan(self) -> list | None:
        """In the check's thread: copy the data (35-75 ms for 20.000 rows: too long for the
        screen's thread), then check the copy. An edit made while it was copied may have torn
        the copy: it is dropped (None) and the check that edit scheduled runs instead."""
        lakip = self.lakip
        versi = self._versi_data
        try:
            data = salin_data(lakip.project.data)
        except RuntimeError:  # a table changed size while it was copied
            return None
        if versi != self._versi_data:
            return None
        return run_checks(data, lakip.registry, lakip.project.path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "periksa" or worker is not self._worker_periksa:
            return
        if event.state == WorkerState.SUCCESS and worker.result is None:
            return  # its copy was torn by an edit; the check that edit scheduled follows
        if event.state == WorkerState.SUCCESS:
            self.findings = list(worker.result)
            titles = {c.key: c.title for c in self.lakip.registry.ordered_chapters()}
            titles["umum"] = "Umum"
            self.query_one(FindingsPanel).tampilkan(self.findings, titles)
            # Computed columns (capaian, totals) follow the data; the view decides what to redraw.
            self.panggil_tampilan(self.bab_aktif, "refresh_computed")
        elif event.state == WorkerState.ERROR:
            self.app.notify(f"Pemeriksaan gagal: {worker.error}", title="Pemeriksaan",
                            severity="error")

    # -- findings --------------------------------------------------------------------------

    def bab_untuk_path(self, path: tuple, hint: str = "") -> list[str]:
        """Chapters that may show `path`, most likely first: the one named like the top-level
        table, the finding's own chapter, then any chapter with an editor on a prefix of it."""
        chapters = self.lakip.registry.ordered_chapters()
        keys = {c.key for c in chapters}
        out: list[str] = []
        if path and path[0] in keys:
            out.append(path[0])
        if hint in keys and hint not in out:
            out.append(hint)
        for chapter in chapters:
            if chapter.key in out:
                continue
            for bagian in chapter.bagian:
                if any(tuple(isi.path) == tuple(path[: len(isi.path)]) for isi in bagian.isi
                       if getattr(isi, "path", None)):
                    out.append(chapter.key)
                    break
        return out

    async def lompat_ke(self, path: tuple, hint: str = "") -> bool:
        for key in self.bab_untuk_path(path, hint):
            await self.buka_bab(key)
            if self.panggil_tampilan(key, "jump_to", tuple(path)):
                return True
        return False

    @on(FindingsPanel.Dipilih)
    async def _temuan_dipilih(self, event: FindingsPanel.Dipilih) -> None:
        finding = event.finding
        if not finding.path:
            self.app.notify(finding.message, title="Temuan tentang berkas secara umum")
            return
        if not await self.lompat_ke(finding.path, finding.chapter):
            self.app.notify(f"Lokasi {format_path(finding.path)} tidak ada di tampilan bab mana "
                            "pun; sunting langsung di berkas TOML.", title="Tidak dapat melompat",
                            severity="warning")

    # -- actions ---------------------------------------------------------------------------

    async def _setelah_urung(self, ok: bool, kata: str) -> None:
        project = self.lakip.project
        if not ok:
            self.app.notify(f"Tidak ada yang bisa di{kata}.", timeout=3)
            return
        change = self.perubahan_terakhir
        if change is not None and change.path:
            await self.lompat_ke(change.path)
        self.panggil_tampilan(self.bab_aktif, "refresh_computed")
        where = format_path(change.path) if change is not None else ""
        self.app.notify(f"Di{kata}: {where}" if where else f"Di{kata}.", timeout=3)
        self.query_one(AppHeader).belum_disimpan = project.dirty

    async def action_urungkan(self) -> None:
        # text still being typed becomes an edit first, so undo takes back exactly that
        await self.lakip.tuntaskan_ketikan()
        await self._setelah_urung(self.lakip.project.undo(), "urungkan")

    async def action_ulangi(self) -> None:
        await self.lakip.tuntaskan_ketikan()
        await self._setelah_urung(self.lakip.project.redo(), "ulangi")

    def action_ke_navigasi(self) -> None:
        navigasi = self.query_one(Navigation)
        if not navigasi.display:
            navigasi.display = True
        navigasi.focus()

    def action_ke_temuan(self) -> None:
        panel = self.query_one(FindingsPanel)
        panel.display = True
        panel.daftar.focus()

    def action_panel_navigasi(self) -> None:
        navigasi = self.query_one(Navigation)
        navigasi.display = not navigasi.display

    def action_panel_temuan(self) -> None:
        panel = self.query_one(FindingsPanel)
        panel.display = not panel.display

    def action_periksa(self) -> None:
        self.periksa_nanti(0)

    def action_salin(self) -> None:
        selected = self.get_selected_text()
        text = selected if selected else self.panggil_tampilan(self.bab_aktif, "current_cell_text")
        if not text:
            self.app.notify("Tidak ada sel atau isian terpilih untuk disalin.", timeout=3)
            return
        problem = clipboard.copy(self.app, text)
        if problem:
            self.app.notify(problem, severity="warning")
            return
        shown = text if len(text) <= 40 else text[:39] + "…"
        self.app.notify(f"Disalin: {shown}", timeout=3)
