"""How a table is drawn: headers that name their own column, numbers never cut, the cursor
cell always shown whole, columns that grow with the terminal (issue 14, items 6 and 8).

The world is the example project with the built-in chapters, as a planner sees it; amounts of
a ministry (10^11 to 10^15 rupiah) are written into it where a test needs them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.chapter_view import ChapterView
from lakip_tui.tui.editors import cells
from lakip_tui.tui.editors.table import TableEditor, TableGrid

from tui_fixture import pilot_test

CONTOH = Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml"
SUB = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0)


class AppBab(App):
    """One built-in chapter's view over the example project, nothing else on screen."""

    def __init__(self, project: Project, key: str, bagian: str) -> None:
        super().__init__()
        self.project = project
        self.registry = load_registry(env={})
        self.chapter = self.registry.chapters[key]
        self.bagian = bagian

    def compose(self) -> ComposeResult:
        self.view = ChapterView(self.chapter, self.project, self.registry,
                                lambda: self.registry.konteks(self.project.data))
        yield self.view

    def on_mount(self) -> None:
        self.view.show_bagian(self.bagian)


def contoh(tmp_path: Path) -> Project:
    path = tmp_path / "contoh.toml"
    shutil.copy(CONTOH, path)
    return Project.load(path)


async def buka(app: AppBab, pilot, tabel: str) -> TableEditor:
    await pilot.pause()
    editor = next(e for e in app.view.editors()
                  if isinstance(e, TableEditor) and e.tabel.key == tabel)
    editor.grid.focus()
    await pilot.pause()
    return editor


def layar(grid: TableGrid) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.size.height)]


def baris_kepala(grid: TableGrid) -> list[str]:
    """The header lines: every line above the first data row."""
    _, y, _ = grid.posisi_sel()
    pertama = y - (grid.model.kursor_baris - grid.scroll_offset.y)
    return layar(grid)[:pertama]


def kepala_sel_kursor(grid: TableGrid) -> list[str]:
    """What each header line shows over the cursor cell."""
    x, _, width = grid.posisi_sel()
    if grid.model.kursor_kolom == 0:  # the key column: its header starts left of the tree marks
        x, width = 0, grid.lebar_tetap
    return [line[x:x + width].strip() for line in baris_kepala(grid)]


def sama_atau_dipotong(tampil: str, teks: str) -> bool:
    """The cell shows the text whole, or cut at the end with a mark."""
    return tampil == teks or (tampil.endswith("…") and teks.startswith(tampil[:-1]))


def sel_kursor(grid: TableGrid) -> str:
    x, y, width = grid.posisi_sel()
    return layar(grid)[y][x:x + width].strip()


# -- item 6: headers that name their own column ----------------------------------------------------


@pytest.mark.parametrize("lebar", [80, 120, 200])
@pilot_test
async def test_every_cell_of_tabel_2_2_sits_under_its_own_header(tmp_path, lebar):
    app = AppBab(contoh(tmp_path), "perjanjian_kinerja", "pk")
    async with app.run_test(size=(lebar, 30)) as pilot:
        editor = await buka(app, pilot, "sasaran")
        grid, model = editor.grid, editor.model
        for baris in (0, 1):  # SS1 (a sasaran), then IKU1 (its indicator)
            for kolom in range(model.jumlah_kolom):
                grid.pindah(baris, kolom)
                await pilot.pause()
                label = model.kolom_kursor().label
                kepala = kepala_sel_kursor(grid)
                assert label in kepala, (baris, kolom, label, kepala)
                # the cell under it shows that column's value, the row's kode stays in view
                teks, _ = model.teks_sel(model.baris_kursor, kolom)
                assert sama_atau_dipotong(sel_kursor(grid), teks)
                if len(teks) <= 12:
                    assert sel_kursor(grid) == teks
                kode = model.baris_kursor.row["kode"]
                _, y, _ = grid.posisi_sel()
                assert kode in layar(grid)[y]


@pilot_test
async def test_a_long_indicator_name_is_shown_under_its_header_and_satuan_under_satuan(tmp_path):
    project = contoh(tmp_path)
    nama = ("Persentase penyandang masalah kesejahteraan sosial yang tertangani melalui "
            "rehabilitasi sosial dasar di panti")
    assert len(nama) > 100
    project.set(("perjanjian_kinerja", "sasaran", 0, "indikator", 0, "uraian"), nama)
    app = AppBab(project, "perjanjian_kinerja", "pk")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await buka(app, pilot, "sasaran")
        grid = editor.grid
        grid.pindah(1, 2)  # IKU1, Satuan
        await pilot.pause()
        assert "Satuan" in kepala_sel_kursor(grid)
        assert sel_kursor(grid) == "%"
        grid.pindah(1, 1)
        await pilot.pause()
        assert "Indikator Kinerja" in kepala_sel_kursor(grid)
        assert sel_kursor(grid).startswith("Persentase penyandang")
        # the line under the table gives the whole name, which the cell shows cut
        assert nama in str(editor.pesan.render())


@pytest.mark.parametrize("bab,bagian,tabel", [
    ("perjanjian_kinerja", "pk", "sasaran"),
    ("perjanjian_kinerja", "renstra", "visi_makna"),
    ("anggaran", "rincian", "rincian"),
])
@pilot_test
async def test_columns_share_the_width_of_the_terminal(tmp_path, bab, bagian, tabel):
    async def lihat(lebar: int) -> list[int]:
        app = AppBab(contoh(tmp_path), bab, bagian)
        async with app.run_test(size=(lebar, 30)) as pilot:
            grid = (await buka(app, pilot, tabel)).grid
            # the columns on screen reach the right edge, unless every cell is shown whole
            _, x, w = grid.kolom_tampak()[-1]
            assert x + w <= grid.ruang_geser
            if x + w < grid.ruang_geser - 1:
                assert not any("…" in line for line in layar(grid)), layar(grid)
                assert "›" not in layar(grid)[0]
            return list(grid.lebar_kolom)

    lebar = [await lihat(n) for n in (80, 120, 200)]
    for kecil, besar in zip(lebar, lebar[1:]):
        assert all(a <= b for a, b in zip(kecil, besar))  # no column narrower on a wider screen
    assert sum(lebar[2]) > sum(lebar[0])  # and at 200 columns they grew


# -- item 8: amounts never cut ---------------------------------------------------------------------

ANGKA = re.compile(r"\d[\d.,]*%?")


def periksa_angka_utuh(grid: TableGrid) -> None:
    """Every number on screen is a whole number of one of its row's cells."""
    model = grid.model
    kepala = len(baris_kepala(grid))
    for y, line in enumerate(layar(grid)[kepala:]):
        index = grid.scroll_offset.y + y
        if index >= len(model.rows):
            break
        baris = model.rows[index]
        utuh = set()
        for kolom in range(model.jumlah_kolom):
            teks, _ = model.teks_sel(baris, kolom)
            utuh.update(ANGKA.findall(teks))
        for match in ANGKA.finditer(line):
            if line[match.end():match.end() + 1] == "…":
                continue  # text cut with a mark
            assert match.group() in utuh, (line, match.group(), sorted(utuh))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pilot_test
async def test_amounts_are_never_cut_when_scrolling_sideways(tmp_path, size):
    project = contoh(tmp_path)
    project.set((*SUB, "pagu"), 428_746_038_370)
    project.set((*SUB, "realisasi"), 428_746_038_370)
    project.set(("anggaran", "program", 0, "kegiatan", 0, "sub", 1, "pagu"), 1_234_567_890_123_456)
    app = AppBab(project, "anggaran", "rincian")
    async with app.run_test(size=size) as pilot:
        editor = await buka(app, pilot, "rincian")
        grid, model = editor.grid, editor.model
        grid.pindah(2, 0)  # the sub kegiatan of 428 billion
        await pilot.pause()
        for kolom in range(model.jumlah_kolom):
            grid.pindah(2, kolom)
            await pilot.pause()
            periksa_angka_utuh(grid)
            # the cursor cell and its header are shown whole, and the row's kode with them
            label = model.kolom_kursor().label
            assert label in kepala_sel_kursor(grid)
            teks, _ = model.teks_sel(model.baris_kursor, kolom)
            if cells.rata_kanan(model.kolom_kursor()):
                assert sel_kursor(grid) == teks
            else:
                assert sama_atau_dipotong(sel_kursor(grid), teks)
            _, y, _ = grid.posisi_sel()
            assert "1.06.01.2.02.0001" in layar(grid)[y]
        for kolom in range(model.jumlah_kolom - 1, -1, -1):  # and back to the left
            grid.pindah(2, kolom)
            await pilot.pause()
            periksa_angka_utuh(grid)


@pilot_test
async def test_a_number_too_wide_for_its_column_widens_it(tmp_path):
    project = contoh(tmp_path)
    app = AppBab(project, "anggaran", "rincian")
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await buka(app, pilot, "rincian")
        grid = editor.grid
        grid.pindah(2, 4)  # the first sub kegiatan's pagu
        await pilot.pause()
        project.set((*SUB, "pagu"), 987_654_321_098_765_432)  # 23 characters as rupiah
        await pilot.pause()
        await pilot.pause()
        assert sel_kursor(grid) == "987.654.321.098.765.432"
        periksa_angka_utuh(grid)


@pilot_test
async def test_a_form_shows_a_number_whole_or_marks_it_never_cut(tmp_path):
    from lakip_tui.tui.editors.form import FormEditor

    project = contoh(tmp_path)
    project.set(("anggaran", "pagu_tertulis"), 428_746_038_370)
    app = AppBab(project, "anggaran", "tertulis")
    for lebar, harap in ((80, "428.746.038.370"), (36, "#")):
        async with app.run_test(size=(lebar, 24)) as pilot:
            await pilot.pause(0.1)
            form = next(e for e in app.view.editors()
                        if isinstance(e, FormEditor) and e.isian.key == "total_tertulis")
            line = form.grid.render_line(0).text
            assert line.startswith("Total pagu tertulis")
            isi = line[24:].strip()
            assert isi == harap or (harap == "#" and isi and set(isi) == {"#"}), line
        app = AppBab(project, "anggaran", "tertulis")


# -- the layout rules on their own ----------------------------------------------------------------


def test_spare_room_goes_to_the_columns_that_lack_it():
    from lakip_tui.tui.editors.tata_kolom import bagi_lebar

    assert bagi_lebar([10, 10], [10, 30], 100) == [10, 30]  # all it wants, the rest stays free
    assert bagi_lebar([10, 10, 10], [20, 30, 10], 3 * 13 + 6) == [12, 14, 10]  # in proportion
    assert bagi_lebar([10, 10], [20, 30], 10) == [10, 10]  # no room: as they were
    assert sum(bagi_lebar([8, 8, 8], [9, 50, 70], 60)) + 9 == 60  # every cell handed out


def test_columns_scroll_whole_and_the_cursor_column_is_always_on_screen():
    from lakip_tui.tui.editors.tata_kolom import kolom_tampak, pertama_untuk

    lebar = [6, 10, 10, 10, 10]  # column 0 stays put
    assert kolom_tampak(lebar, 1, 30) == [(1, 0, 13), (2, 13, 13), (3, 26, 4)]
    pertama = 1
    for kursor in range(1, 5):
        pertama = pertama_untuk(lebar, pertama, kursor, 30)
        tampak = {k: w for k, _, w in kolom_tampak(lebar, pertama, 30)}
        assert tampak[kursor] == 13  # whole
    assert pertama == 3
    assert pertama_untuk(lebar, pertama, 1, 30) == 1  # back left: the column comes back whole
    assert pertama_untuk(lebar, 3, 4, 60) == 1  # everything fits: nothing hidden on the left
