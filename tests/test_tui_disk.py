"""A change on disk while the editor is open: noticed within 2 seconds, and merged three ways
when saving or reloading (only values changed on both sides are asked about)."""

from __future__ import annotations

import time
import tomllib

from lakip_tui.tui.screens.disk_changed import DiskChangedScreen
from lakip_tui.tui.screens.main import MainScreen
from lakip_tui.tui.screens.recover import ConflictQuestion

from test_tui_app import TampilanPalsu, teks_layar
from test_tui_app import tunggu_layar as _tunggu_layar
from tui_fixture import make_app, pilot_test


async def tunggu_layar(pilot, jenis):
    await _tunggu_layar(pilot, jenis)
    await pilot.pause()


def ubah_di_luar(path, lama, baru):
    path.write_text(path.read_text(encoding="utf-8").replace(lama, baru), encoding="utf-8")


async def tunggu(pilot, syarat, detik: float) -> float:
    mulai = time.monotonic()
    while not syarat():
        assert time.monotonic() - mulai < detik, "tidak terjadi dalam waktunya"
        await pilot.pause(0.05)
    return time.monotonic() - mulai


@pilot_test
async def test_a_change_on_disk_is_told_within_two_seconds_without_saving(tmp_path):
    app = make_app(tmp_path, view_factory=TampilanPalsu)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.project.set(("uji", "baris", 0, "nilai"), 77)
        ubah_di_luar(app.project.path, "Catatan awal", "Diubah orang lain")
        await tunggu(pilot, lambda: "diubah di luar aplikasi" in teks_layar(app), 2.0)
        assert app.project.get(("uji", "baris", 0, "nilai")) == 77  # nothing of ours touched
        assert app.project.dirty


@pilot_test
async def test_a_change_on_disk_with_nothing_unsaved_is_loaded(tmp_path):
    app = make_app(tmp_path, view_factory=TampilanPalsu)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        ubah_di_luar(app.project.path, "Catatan awal", "Diubah orang lain")
        await tunggu(pilot, lambda: app.project.get(("uji", "catatan")) == "Diubah orang lain",
                     2.0)
        assert not app.project.dirty


@pilot_test
async def test_our_own_save_is_not_taken_for_an_outside_change(tmp_path):
    app = make_app(tmp_path, view_factory=TampilanPalsu)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.project.set(("uji", "baris", 0, "nilai"), 77)
        await pilot.press("ctrl+s")
        await pilot.pause(1.5)
        assert "diubah di luar aplikasi" not in teks_layar(app)
        assert not isinstance(app.screen, DiskChangedScreen)


@pilot_test
async def test_merge_then_save_asks_per_conflicting_value_and_keeps_the_rest(tmp_path):
    app = make_app(tmp_path, view_factory=TampilanPalsu)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = app.project.path
        app.project.set(("uji", "baris", 0, "nilai"), 77)  # only ours
        app.project.set(("meta", "tahun"), 2025)  # both: a conflict
        app.project.set(("uji", "catatan"), "Catatan kami")  # both: a conflict
        ubah_di_luar(path, "tahun = 2024", "tahun = 2030")
        ubah_di_luar(path, "Catatan awal", "Catatan mereka")
        ubah_di_luar(path, 'nama = "Baris kedua"', 'nama = "Baris dua"')  # only theirs
        await pilot.press("ctrl+s")
        await tunggu_layar(pilot, DiskChangedScreen)
        await pilot.press("t")
        await tunggu_layar(pilot, ConflictQuestion)
        assert "meta.tahun" in teks_layar(app)
        await pilot.press("s")  # ours for meta.tahun
        await tunggu_layar(pilot, ConflictQuestion)
        assert "uji.catatan" in teks_layar(app)
        await pilot.press("d")  # theirs for uji.catatan
        await tunggu_layar(pilot, MainScreen)
        await pilot.pause(0.1)
        text = path.read_text(encoding="utf-8")
        on_disk = tomllib.loads(text)
        assert on_disk["meta"]["tahun"] == 2025
        assert on_disk["uji"]["catatan"] == "Catatan mereka"
        assert on_disk["uji"]["baris"][0]["nilai"] == 77
        assert on_disk["uji"]["baris"][1]["nama"] == "Baris dua"
        assert "# nilai pertama, komentar ini harus tetap ada" in text
        assert not app.project.dirty


@pilot_test
async def test_cancelling_a_conflict_question_changes_nothing(tmp_path):
    app = make_app(tmp_path, view_factory=TampilanPalsu)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        path = app.project.path
        app.project.set(("meta", "tahun"), 2025)
        ubah_di_luar(path, "tahun = 2024", "tahun = 2030")
        before = path.read_text(encoding="utf-8")
        await pilot.press("ctrl+s")
        await tunggu_layar(pilot, DiskChangedScreen)
        await pilot.press("t")
        await tunggu_layar(pilot, ConflictQuestion)
        await pilot.press("escape")
        await tunggu_layar(pilot, MainScreen)
        assert path.read_text(encoding="utf-8") == before
        assert app.project.get(("meta", "tahun")) == 2025 and app.project.dirty
