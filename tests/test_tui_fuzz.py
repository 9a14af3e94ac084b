"""Model-based UI test: random key sequences typed into the real chapters' editors (Pilot).

Hypothesis draws a terminal size (80x24 or 120x40), a built-in chapter and section of the
example project, and a sequence of steps: moving, typing text, Enter/Esc/Backspace, adding,
deleting and moving rows, folding, undo and redo, a jump from a finding, going through the
navigation to another section, saving. Whatever the sequence:

- no chapter's view fails (no error panel, no error notification);
- every value an editor writes lands on the row and column under that editor's cursor;
- ctrl+s answers and the saved file holds exactly the engine's data;
- ctrl+q answers (the app ends).

`make test` runs a small profile; `make fuzz` runs LAKIP_FUZZ_UI sequences (default 500) of 50
steps. The example project is read once; each sequence gets its own copy.
"""

from __future__ import annotations

import asyncio
import os
import time
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lakip_tui.plugins import load_registry
from lakip_tui.tui.editors import cells
from lakip_tui.tui.editors.form import FormEditor
from lakip_tui.tui.editors.table import TableEditor
from tui_nyata import CONTOH, buka, galat_tampilan, make_app_nyata

FUZZ = int(os.environ.get("LAKIP_FUZZ_UI", "0") or 0)
CONTOSO = CONTOH.read_text(encoding="utf-8")
SIZES = [(80, 24), (120, 40)]


def _bagian_semua() -> list[tuple[str, str]]:
    registry = load_registry(env={})
    return [(chapter.key, bagian.key) for chapter in registry.ordered_chapters()
            for bagian in chapter.bagian]


BAGIAN = _bagian_semua()

# -- steps ---------------------------------------------------------------------------------------

GERAK = ["up", "down", "left", "right", "home", "end", "pageup", "pagedown", "tab", "shift+tab"]
STRUKTUR = ["insert", "ctrl+n", "ctrl+r", "delete", "alt+d", "shift+up", "shift+down",
            "ctrl+up", "ctrl+down"]
LIPAT = ["ctrl+left", "ctrl+right", "alt+minus", "alt+plus"]
LAIN = ["enter", "escape", "backspace", "ctrl+z", "ctrl+y", "f5", "f6", "y", "n", "ctrl+e"]

teks = st.text(alphabet="aIK0123456789 ,.-%", min_size=1, max_size=6)
langkah = st.one_of(
    st.tuples(st.just("kunci"), st.sampled_from(GERAK)),
    st.tuples(st.just("kunci"), st.sampled_from(GERAK)),
    st.tuples(st.just("ketik"), teks),
    st.tuples(st.just("kunci"), st.sampled_from(STRUKTUR)),
    st.tuples(st.just("kunci"), st.sampled_from(LIPAT)),
    st.tuples(st.just("kunci"), st.sampled_from(LAIN)),
    st.tuples(st.just("temuan"), st.integers(0, 6)),
    st.tuples(st.just("navigasi"), st.integers(0, 12)),
    st.tuples(st.just("simpan"), st.just("")),
)

JUMLAH_LANGKAH = 50 if FUZZ else 20


def _kunci_teks(text: str) -> list[str]:
    return ["space" if ch == " " else ch for ch in text]


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


# -- one sequence ---------------------------------------------------------------------------------


async def _tekan(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)


async def _jalankan(folder: Path, size, bab: str, bagian: str, steps) -> None:
    app = make_app_nyata(folder, text=CONTOSO)
    pengawas = Pengawas(app)
    async with app.run_test(size=size) as pilot:
        app.project.subscribe(pengawas)
        await buka(pilot, bab, bagian)
        for number, (jenis, nilai) in enumerate(steps):
            where = f"langkah {number} {jenis} {nilai!r}"
            if jenis == "kunci":
                await _tekan(pilot, nilai)
            elif jenis == "ketik":
                await _tekan(pilot, *_kunci_teks(nilai))
            elif jenis == "temuan":
                await _tekan(pilot, "f8", *["down"] * nilai, "enter")
            elif jenis == "navigasi":
                await _tekan(pilot, "escape", "f7", "home", *["down"] * nilai, "enter")
            elif jenis == "simpan":
                await _tekan(pilot, "ctrl+s")
            await pilot.pause()
            assert galat_tampilan(app) == [], where
            assert pengawas.salah == [], where
        # whatever is on screen (a dialog, a window, an open cell): back to the main screen
        for _ in range(4):
            if app.screen is app.layar_utama:
                break
            await _tekan(pilot, "escape")
            await pilot.pause()
        assert app.screen is app.layar_utama, f"layar tertinggal: {app.screen}"
        await _tekan(pilot, "ctrl+s")
        for _ in range(100):
            await pilot.pause(0.02)
            if not app.project.dirty:
                break
        assert not app.project.dirty, "ctrl+s tidak menjawab"
        assert galat_tampilan(app) == []
        saved = tomllib.loads(app.project.path.read_text(encoding="utf-8"))
        assert saved == app.project.data
        await _tekan(pilot, "ctrl+q")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.return_code is not None:
                break
        assert app.return_code == 0, "ctrl+q tidak menjawab"


_contoh = {"n": 0, "mulai": time.monotonic()}


# A long run reports the first failing sequence as drawn (shrinking 50 keys of UI is slow).
@settings(max_examples=FUZZ or 2, deadline=None, database=None, derandomize=not FUZZ,
          suppress_health_check=list(HealthCheck),
          phases=[Phase.generate] if FUZZ else list(Phase))
@given(size=st.sampled_from(SIZES), tempat=st.sampled_from(BAGIAN),
       steps=st.lists(langkah, min_size=JUMLAH_LANGKAH, max_size=JUMLAH_LANGKAH))
def test_random_key_sequences_in_every_chapter(tmp_path_factory, size, tempat, steps):
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(_jalankan(folder, size, *tempat, steps))
    _contoh["n"] += 1
    if FUZZ and _contoh["n"] % 25 == 0:
        lama = time.monotonic() - _contoh["mulai"]
        print(f"\n{_contoh['n']} urutan, {lama:.0f} s", flush=True)
