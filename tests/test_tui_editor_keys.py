"""Issue 14, part A, on the real chapters (the example project, every built-in chapter), at 80x24:
each crash and each wrong write the issue lists, and the spreadsheet keys.

Each test here failed on the code before its fix; the comment on top of each says what it saw.
"""

from __future__ import annotations

import tomllib

from textual.widgets import TextArea

from lakip_tui.tui.editors.form import FormGrid
from lakip_tui.tui.editors.table import TableEditor, TableGrid
from tui_fixture import pilot_test
from tui_nyata import CONTOH, buka, galat_tampilan, make_app_nyata, tunggu_dokumen

PK = ("perjanjian_kinerja", "sasaran")


def _editor(app) -> TableEditor:
    focused = app.layar_utama.focused
    assert isinstance(focused, TableGrid), focused
    return focused.editor


def _disimpan(app) -> dict:
    return tomllib.loads(app.project.path.read_text(encoding="utf-8"))


async def _simpan(pilot) -> None:
    await pilot.press("ctrl+s")
    for _ in range(50):
        await pilot.pause(0.02)
        if not pilot.app.project.dirty:
            return
    raise AssertionError("ctrl+s tidak menyimpan")


# -- 1. deleting a row just added ---------------------------------------------------------------


@pilot_test
async def test_deleting_a_row_just_added_in_bab_ii_does_not_crash(tmp_path):
    # was: IndexError (list assignment index out of range), BAB II switched off
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "perjanjian_kinerja", "pk")
        await pilot.press("tab")  # from the introduction to Tabel 2.2
        await pilot.press("end", "insert")
        await tunggu_dokumen(pilot)  # the document parsed in the background is taken meanwhile
        await pilot.press("end", "delete")
        await pilot.pause()
        assert galat_tampilan(app) == []
        sasaran = app.project.get(PK)
        assert [len(s["indikator"]) for s in sasaran] == [
            len(s["indikator"]) for s in tomllib.loads(CONTOH.read_text())["perjanjian_kinerja"]["sasaran"]]
        await _simpan(pilot)
        assert _disimpan(app)["perjanjian_kinerja"]["sasaran"] == sasaran


# -- 2. adding a row after a jump ---------------------------------------------------------------


@pilot_test
async def test_adding_a_row_after_a_jump_saves(tmp_path):
    # was: IndexError on Enter, BAB III switched off, every later save refused
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "akuntabilitas", "capaian")
        assert await app.layar_utama.lompat_ke(("akuntabilitas", "skala", 4, "nama"))
        await pilot.pause()
        await pilot.press("insert")
        await tunggu_dokumen(pilot)
        await pilot.press("enter", *"Istimewa", "enter")
        await pilot.pause()
        assert galat_tampilan(app) == []
        skala = app.project.get(("akuntabilitas", "skala"))
        assert skala[5] == {"nama": "Istimewa"}
        await _simpan(pilot)
        assert _disimpan(app)["akuntabilitas"]["skala"] == skala


# -- 3. the first row of a table the file does not have -------------------------------------------


def _tanpa_anggaran() -> str:
    text = CONTOH.read_text(encoding="utf-8")
    start = text.index("\n[anggaran]\n")
    end = text.index("\n[", text.index("\n[[anggaran.", start))
    while text[end + 1:].startswith("[anggaran") or text[end + 1:].startswith("[[anggaran"):
        end = text.index("\n[", end + 1)
    rest = text[:start] + text[end:]
    assert "anggaran" not in tomllib.loads(rest)
    return rest


@pilot_test
async def test_first_row_of_a_table_the_file_does_not_have(tmp_path):
    # was: TypeError ('NoneType' object does not support item assignment)
    app = make_app_nyata(tmp_path, text=_tanpa_anggaran())
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "anggaran", "rincian")
        await pilot.press("insert")
        await pilot.pause()
        assert galat_tampilan(app) == []
        program = app.project.get(("anggaran", "program"))
        assert isinstance(program, list) and len(program) == 1
        await pilot.press("enter", *"1.06.01", "enter")
        await pilot.pause()
        assert app.project.get(("anggaran", "program", 0, "kode")) == "1.06.01"
        await _simpan(pilot)
        assert _disimpan(app)["anggaran"]["program"][0]["kode"] == "1.06.01"


# -- the same two faults in the project alone ------------------------------------------------------


def test_edits_made_before_the_background_document_was_taken_are_replayed_on_it():
    from lakip_tui.project import Project

    project = Project.load(CONTOH)
    rows = ("akuntabilitas", "skala")
    project.insert(rows, 5, {"nama": ""})
    project.adopt_document(*project.parse_document_text())
    project.set((*rows, 5, "nama"), "Istimewa")
    project.delete(rows, 5)
    project.insert(rows, 5, {"nama": "Lagi"})
    saved = tomllib.loads(project.render_text())  # what a save would write
    assert [r["nama"] for r in saved["akuntabilitas"]["skala"]][-1] == "Lagi"
    assert tomllib.loads(project.render_text())["akuntabilitas"] == project.data["akuntabilitas"]


def test_inserting_into_a_table_the_file_does_not_have_makes_its_parents():
    from lakip_tui.project import Project

    project = Project.from_bytes(b'format = 1\n[meta]\ntahun = 2024\n', None)
    project.insert(("anggaran", "program"), 0, {"kode": "1"})
    assert project.data["anggaran"] == {"program": [{"kode": "1"}]}
    assert tomllib.loads(project.render_text())["anggaran"] == {"program": [{"kode": "1"}]}


# -- 4. letters typed into a grid type; they never run a command ----------------------------------


async def _tabel_pk(pilot) -> TableEditor:
    await buka(pilot, "perjanjian_kinerja", "pk")
    await pilot.press("tab")  # from the introduction to Tabel 2.2
    await pilot.pause()
    return _editor(pilot.app)


def _kode_pk(app) -> list:
    return [(s["kode"], [i["kode"] for i in s["indikator"]]) for s in app.project.get(PK)]


@pilot_test
async def test_letters_typed_on_a_kode_cell_type_into_it(tmp_path):
    # was: "K" of "IKU9" moved the indicator row up
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("down")  # SS1's first indicator, column Kode
        assert editor.model.baris_kursor.tingkat == 1 and editor.model.kursor_kolom == 0
        await pilot.press(*"IKU9", "enter")
        await pilot.pause()
        assert _kode_pk(app) == [("SS1", ["IKU9"]), ("SS2", ["IKU2"])]
        assert galat_tampilan(app) == []


@pilot_test
async def test_a_word_typed_on_a_computed_cell_changes_nothing_and_says_why(tmp_path):
    # was: r, e, d, a ran commands (a new indicator, a deleted row, ...)
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("right", "right")  # SS1, "Indikator" (computed)
        assert editor.model.kolom_kursor().computed
        await pilot.press(*"reda", "?", "K", "space", "minus")
        await pilot.pause()
        assert not app.project.dirty
        assert _kode_pk(app) == [("SS1", ["IKU1"]), ("SS2", ["IKU2"])]
        assert "dihitung otomatis" in str(editor.pesan.render())
        assert app.layar_utama.focused is editor.grid  # "?" did not open the help screen


@pilot_test
async def test_a_character_on_a_pilihan_cell_opens_its_list_on_the_matching_choice(tmp_path):
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("down", "right", "right", "right")  # IKU1, Polaritas
        await pilot.press("n")
        await pilot.pause()
        assert editor.pilihan.display
        assert str(editor.pilihan.get_option_at_index(editor.pilihan.highlighted).prompt) == "negatif"
        await pilot.press("enter")
        await pilot.pause()
        assert app.project.get((*PK, 0, "indikator", 0, "polaritas")) == "negatif"


# -- 5. Left and Right stay on the row --------------------------------------------------------------


@pilot_test
async def test_left_in_a_child_rows_first_column_stays_on_that_row(tmp_path):
    # was: Left went to the parent sasaran, and Enter and typing overwrote SS2's kode
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("end")  # SS2's indicator IKU2
        baris = editor.model.kursor_baris
        await pilot.press("left", "left", "right", "left")
        assert editor.model.kursor_baris == baris and editor.model.kursor_kolom == 0
        await pilot.press("enter", *"IKU7", "enter")
        await pilot.pause()
        assert _kode_pk(app) == [("SS1", ["IKU1"]), ("SS2", ["IKU7"])]
        await pilot.press(*["right"] * 10)  # the last column, still the same row
        assert editor.model.kursor_baris == baris and editor.model.kursor_kolom == 5


# -- 7. F7 in a narrative ------------------------------------------------------------------------


@pilot_test
async def test_f7_then_a_key_in_a_narrative_keeps_its_text(tmp_path):
    # was: F7 selected the whole text (TextArea's own binding) and "x" replaced it
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "perjanjian_kinerja", "renstra")
        await pilot.press("tab", "tab")  # from the period form to a narrative
        area = app.layar_utama.focused
        assert isinstance(area, TextArea)
        before = area.text
        await pilot.press("f7", "x")
        await pilot.pause()
        assert area.text == before
        assert app.project.get(area.parent.narasi.path).rstrip() == before.rstrip()
        assert type(app.layar_utama.focused).__name__ == "Navigation"  # F7 is the app's


@pilot_test
async def test_f7_in_the_window_for_long_text_goes_to_navigation_keeping_the_text(tmp_path):
    # was: the window's text area kept TextArea's F7 (select all): F7 then a key replaced the
    # whole text, as item 7 did in a narrative. F7 goes to the navigation (docs/tui.md): the
    # window writes its text and closes first.
    from lakip_tui.tui.editors import cells
    from lakip_tui.tui.editors.long_text import LongTextScreen

    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await buka(pilot, "perjanjian_kinerja", "pk")
        main = app.layar_utama
        editor = next(e for e in main.panels["perjanjian_kinerja"].view.editors()
                      if isinstance(e, TableEditor) and e.tabel.key == "sasaran")
        editor.grid.focus()
        await pilot.pause()
        model = editor.model
        kolom = next(i for i in range(model.jumlah_kolom)
                     if (k := model.kolom_di(model.baris_kursor, i)) is not None
                     and k.jenis == "teks" and not k.computed)
        editor.grid.pindah(kolom=kolom)
        path = cells.path_nilai(model.baris_kursor.path, model.kolom_kursor())
        before = app.project.get(path)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, LongTextScreen)
        await pilot.press("end", "f7", "x")
        await pilot.pause()
        assert not isinstance(app.screen, LongTextScreen)
        assert app.project.get(path) == before
        assert type(main.focused).__name__ == "Navigation"


# -- 9. an error inside an editor ----------------------------------------------------------------


@pilot_test
async def test_an_error_inside_an_editor_rebuilds_the_chapter_from_the_project(tmp_path, monkeypatch):
    # was: the chapter was switched off for the session (error panel instead of the editors)
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("down", *"IKU9", "enter")  # an edit before the error is kept
        await pilot.pause()
        asli = TableEditor.tambah_baris

        def rusak(self):
            raise RuntimeError("galat uji")

        monkeypatch.setattr(TableEditor, "tambah_baris", rusak)
        await pilot.press("insert")
        for _ in range(50):
            await pilot.pause(0.02)
            panel = app.layar_utama.panels.get("perjanjian_kinerja")
            if panel is not None and panel.view is not None and editor not in panel.view.editors():
                break
        panel = app.layar_utama.panels["perjanjian_kinerja"]
        assert panel.view is not None and panel.view.bagian_aktif == "pk"
        pesan = [n.message for n in app._notifications if n.severity == "error"]
        assert len(pesan) == 1 and "dibangun ulang" in pesan[0] and "galat uji" in pesan[0]
        monkeypatch.setattr(TableEditor, "tambah_baris", asli)
        await pilot.pause(0.1)
        # the focus is back in the chapter (its first editor), and the editors work
        assert app.layar_utama.panel_dari_widget(app.layar_utama.focused) is panel
        await pilot.press("tab")
        assert app.layar_utama.focused.editor in panel.view.editors()
        await pilot.press("insert")
        await pilot.pause()
        assert _kode_pk(app) == [("SS1", ["IKU9"]), ("", []), ("SS2", ["IKU2"])]
        await _simpan(pilot)
        assert _disimpan(app)["perjanjian_kinerja"]["sasaran"] == app.project.get(PK)


# -- the key scheme: registry, key map, palette, footer --------------------------------------------


def test_no_table_or_form_command_sits_on_a_printable_key():
    from lakip_tui.tui.actions import AKSI, SCOPES_KETIK
    from lakip_tui.tui.keymap import tombol_cetak

    for aksi in AKSI:
        if aksi.scope in SCOPES_KETIK:
            assert not [k for k in aksi.keys.split(",") if tombol_cetak(k)], aksi.id
    for grid in (TableGrid, FormGrid):
        keys = grid._merge_bindings().key_to_bindings
        assert not [k for k in keys if tombol_cetak(k)], grid.__name__


def test_an_old_key_map_keeps_its_ids_and_a_letter_for_a_table_command_is_refused(tmp_path):
    from lakip_tui.tui.keymap import load_user_keymap

    folder = tmp_path / "lakip-tui"
    folder.mkdir()
    (folder / "keymap.toml").write_text(
        '[keys]\ntabel_lipat = "space"\ntabel_hapus_baris = "d,ctrl+x"\n'
        'tabel_tambah_baris = "ctrl+t"\nnavigasi_lipat = "z"\nsimpan = "f2"\n', encoding="utf-8")
    result = load_user_keymap({"XDG_CONFIG_HOME": str(tmp_path)})
    assert result.keys == {"tabel_hapus_baris": "ctrl+x", "tabel_tambah_baris": "ctrl+t",
                           "navigasi_lipat": "z", "simpan": "f2"}
    assert len(result.problems) == 2
    assert "tabel_lipat: tombol 'space' diabaikan" in result.problems[0]
    assert "tombol bawaan dipakai: ctrl+left" in result.problems[0]
    assert "tabel_hapus_baris: tombol 'd' diabaikan" in result.problems[1]


@pilot_test
async def test_at_80_columns_the_footer_shows_the_row_commands_whole(tmp_path):
    # was: Textual's footer listed the table's keys in order and cut the line at the edge:
    # "... del Hapus baris shift+" and neither Simpan nor Urungkan
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _tabel_pk(pilot)
        await pilot.pause(0.1)
        keys = list(app.layar_utama.query_one("#kaki").query("FooterKey"))
        palette = next(k for k in keys if k.has_class("-command-palette"))
        others = [k for k in keys if k is not palette]
        for key in others:  # each whole, left of the palette's key
            assert key.region.width == len(key.key_display) + 1 + len(key.description), key
            assert key.region.right <= palette.region.x, (key.key_display, key.description)
        shown = [(k.key_display, k.description) for k in others]
        assert shown == [("⏎", "Sunting"), ("ins", "Tambah"), ("^r", "Tambah rincian"),
                         ("del", "Hapus"), ("^s", "Simpan"), ("^z", "Urungkan")], shown
        assert (palette.key_display, palette.description) == ("^p", "Palet")


@pilot_test
async def test_row_commands_are_in_the_footer_and_the_palette(tmp_path):
    from textual.command import CommandPalette
    from textual.widgets import Footer

    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.pause()
        footer = app.layar_utama.query_one(Footer)
        shown = {item.description for item in footer.query("FooterKey")}
        # the footer's short labels (Aksi.kaki); the palette and the help say "Tambah baris"
        assert {"Tambah", "Tambah rincian", "Hapus", "Naikkan", "Turunkan"} <= shown, shown
        await pilot.press("ctrl+p")
        for _ in range(50):
            await pilot.pause(0.02)
            if isinstance(app.screen, CommandPalette):
                break
        await pilot.press(*"tambah rincian")
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.project.dirty:
                break
        assert _kode_pk(app) == [("SS1", ["IKU1", ""]), ("SS2", ["IKU2"])]
        assert app.layar_utama.focused is editor.grid


@pilot_test
async def test_keys_typed_right_after_picking_a_choice_reach_the_next_cell(tmp_path):
    # seen in the tmux trial: Enter on the list, then Right and a target typed at once were lost
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("down", "right", "right", "right", "right")  # IKU1, Jenis
        await pilot.press("k", "down", "enter", "right", "B", "enter")
        await pilot.pause()
        indikator = app.project.get((*PK, 0, "indikator", 0))
        assert indikator["jenis"] == "kualitatif" and indikator["target"] == "B"
        assert editor.model.kursor_kolom == 5


@pilot_test
async def test_the_details_title_names_a_new_row_once_its_kode_is_typed(tmp_path):
    # seen in the tmux trial: the title of a new indicator's details said "“% positif”"
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.press("down", "insert")
        await pilot.pause(0.3)
        await pilot.press(*"IKU8", "enter")
        await pilot.pause(0.3)
        assert "IKU8" in str(editor.rincian.judul.render())


@pilot_test
async def test_the_cell_editor_keeps_the_users_key_map_while_the_grid_has_the_focus(tmp_path):
    # the grid keeps the focus while a cell is edited and hands the keys to the cell editor
    # (bytes over a slow link, docs/performance.md): a key map file still applies there
    config = tmp_path / "config" / "lakip-tui"
    config.mkdir(parents=True)
    (config / "keymap.toml").write_text('[keys]\ntabel_batal_sunting = "f12"\n',
                                        encoding="utf-8")
    app = make_app_nyata(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await _tabel_pk(pilot)
        await pilot.pause()
        sebelum = _kode_pk(app)
        await pilot.press("enter", "x")
        assert editor.cell_input.display and app.layar_utama.focused is editor.grid
        await pilot.press("escape")  # no longer the key: nothing happens in the editor
        await pilot.pause()
        assert editor.cell_input.display
        await pilot.press("f12")
        await pilot.pause()
        assert not editor.cell_input.display and _kode_pk(app) == sebelum
