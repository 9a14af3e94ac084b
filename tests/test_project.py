"""The user's file is sacred: loading errors, byte-identical round trips, edits, undo, atomic save."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest

from lakip_tui.errors import LakipError
from lakip_tui.project import ChangedOnDisk, Project

FIXTURES = Path(__file__).parent / "fixtures" / "roundtrip"
ROUNDTRIP = sorted(FIXTURES.glob("*.toml"))
EXAMPLE = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"


@pytest.fixture
def copy_of(tmp_path):
    def make(source: Path) -> Path:
        target = tmp_path / source.name
        shutil.copyfile(source, target)
        return target

    return make


def all_roundtrip_files() -> list[Path]:
    return ROUNDTRIP + ([EXAMPLE] if EXAMPLE.exists() else [])


# -- loading -----------------------------------------------------------------------------------


def test_malformed_file_names_file_line_and_column(tmp_path):
    bad = tmp_path / "rusak.toml"
    bad.write_text('format = 1\n[meta]\ntahun = \n', encoding="utf-8")
    with pytest.raises(LakipError) as caught:
        Project.load(bad)
    assert caught.value.where == f"{bad}:3:9"
    assert "baris 3 kolom 9" in caught.value.message
    assert "nilai tidak valid" in caught.value.message
    assert caught.value.exit_code == 2


def test_duplicate_key_is_explained_in_indonesian(tmp_path):
    bad = tmp_path / "dup.toml"
    bad.write_text('format = 1\nformat = 2\n', encoding="utf-8")
    with pytest.raises(LakipError, match="duplikat"):
        Project.load(bad)


def test_unterminated_file_is_reported_at_end(tmp_path):
    bad = tmp_path / "akhir.toml"
    bad.write_text('format = 1\nx = [1,\n', encoding="utf-8")
    with pytest.raises(LakipError, match="akhir berkas"):
        Project.load(bad)


def test_newer_format_is_refused(tmp_path):
    newer = tmp_path / "baru.toml"
    newer.write_text("format = 2\n", encoding="utf-8")
    with pytest.raises(LakipError, match="lebih baru"):
        Project.load(newer)


@pytest.mark.parametrize("value", ['"1"', "1.0", "true", "0"])
def test_format_must_be_a_known_whole_number(tmp_path, value):
    odd = tmp_path / "aneh.toml"
    odd.write_text(f"format = {value}\n", encoding="utf-8")
    with pytest.raises(LakipError):
        Project.load(odd)


def test_missing_file_and_folder_and_binary(tmp_path):
    with pytest.raises(LakipError, match="tidak ditemukan"):
        Project.load(tmp_path / "tidak-ada.toml")
    with pytest.raises(LakipError, match="folder"):
        Project.load(tmp_path)
    binary = tmp_path / "biner.toml"
    binary.write_bytes(b"format = 1\n\xff\xfe")
    with pytest.raises(LakipError, match="UTF-8"):
        Project.load(binary)


# -- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("source", all_roundtrip_files(), ids=lambda p: p.name)
def test_load_and_save_without_change_is_byte_identical(source, copy_of):
    target = copy_of(source)
    before = target.read_bytes()
    project = Project.load(target)
    assert project.render_text().encode("utf-8") == before
    project.adopt_document(*project.parse_document_text())  # even once tomlkit has parsed it
    assert project.render_text().encode("utf-8") == before
    project.save()
    assert target.read_bytes() == before


@pytest.mark.parametrize("source", all_roundtrip_files(), ids=lambda p: p.name)
def test_an_edit_changes_only_its_line(source, copy_of):
    target = copy_of(source)
    project = Project.load(target)
    project.set(("meta", "tahun"), 2031)
    project.save()
    old = source.read_text(encoding="utf-8").splitlines(keepends=True)
    new = target.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(old, new) if a != b]
    assert len(old) == len(new)
    assert len(changed) == 1
    assert "2031" in changed[0][1] and "2024" in changed[0][0]
    # the comment after the value, if any, is still there
    if "#" in changed[0][0]:
        assert changed[0][0].split("#", 1)[1] == changed[0][1].split("#", 1)[1]


def test_edits_keep_comments_everywhere(copy_of):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    sub = ("anggaran", "program", 0, "kegiatan", 0, "sub")
    project.set((*sub, 0, "realisasi"), 3100000000)
    project.set((*sub, 1, "realisasi"), 150000000)
    project.insert(sub, 2, {"kode": "1.06.01.2.02.0003", "nama": "Baru", "pagu": 5})
    project.save()
    text = target.read_text(encoding="utf-8")
    for comment in ("# Laporan Kinerja contoh kecil", "# versi format", "# nama pemda",
                    "# penandatangan", "# dua baris kosong", "# kegiatan pertama",
                    "pagu = 3190068739       # Rupiah"):
        assert comment in text
    assert "realisasi = 3100000000  # Rupiah" in text
    data = tomllib.loads(text)
    subs = data["anggaran"]["program"][0]["kegiatan"][0]["sub"]
    assert [s["kode"] for s in subs] == ["1.06.01.2.02.0001", "1.06.01.2.02.0002",
                                         "1.06.01.2.02.0003"]
    assert subs[1]["realisasi"] == 150000000


def test_edits_before_tomlkit_parse_are_replayed(copy_of):
    target = copy_of(FIXTURES / "tables.toml")
    project = Project.load(target)
    indikator = ("perjanjian_kinerja", "sasaran", 0, "indikator")
    project.set((*indikator, 0, "target"), 90)
    project.insert(indikator, 1, {"kode": "IKU2", "uraian": "Dua", "target": 100})
    project.move(indikator, 1, 0)
    project.delete(("akuntabilitas", "realisasi"), 0)
    assert project._cache is None  # nothing parsed by tomlkit yet
    project.save()
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert [i["kode"] for i in data["perjanjian_kinerja"]["sasaran"][0]["indikator"]] == ["IKU2", "IKU1"]
    assert data["perjanjian_kinerja"]["sasaran"][0]["indikator"][1]["target"] == 90
    assert data["akuntabilitas"]["realisasi"] == []
    assert "# skala dari Tabel 3.1" in target.read_text(encoding="utf-8")


def test_crlf_file_keeps_its_line_endings(copy_of):
    target = copy_of(FIXTURES / "crlf.toml")
    project = Project.load(target)
    project.set(("pmks", "pmks", 0, "p"), 0)
    project.save()
    raw = target.read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")


def test_setting_none_removes_the_key_and_undo_restores_it(copy_of):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    path = ("anggaran", "program", 0, "kegiatan", 0, "sub", 0, "realisasi")
    project.set(path, None)
    assert "realisasi" not in project.get(path[:-1])
    project.undo()
    assert project.get(path) == 3039121635
    project.save()
    assert target.read_bytes() == (FIXTURES / "comments.toml").read_bytes()


# -- undo, redo, dirty, events -----------------------------------------------------------------


def test_undo_redo_and_dirty_flag(copy_of):
    project = Project.load(copy_of(FIXTURES / "tables.toml"))
    events = []
    project.subscribe(events.append)
    assert not project.dirty
    project.set(("meta", "tahun"), 2025)
    project.set(("meta", "instansi"), "Dinas Baru")
    assert project.dirty and project.can_undo
    project.undo()
    assert project.get(("meta", "instansi")) == "Dinas"
    project.undo()
    assert project.get(("meta", "tahun")) == 2024
    assert not project.dirty
    project.redo()
    assert project.get(("meta", "tahun")) == 2025 and project.dirty
    assert [(e.kind, e.source) for e in events] == [
        ("set", "edit"), ("set", "edit"), ("set", "undo"), ("set", "undo"), ("set", "redo")]


def test_a_new_edit_clears_redo_and_unreachable_save_point_stays_dirty(copy_of):
    project = Project.load(copy_of(FIXTURES / "tables.toml"))
    project.set(("meta", "tahun"), 2025)
    project.save()
    project.undo()
    assert project.dirty
    project.set(("meta", "tahun"), 2026)
    assert not project.can_redo
    assert project.dirty


def test_setting_the_same_value_records_nothing(copy_of):
    project = Project.load(copy_of(FIXTURES / "tables.toml"))
    project.set(("meta", "tahun"), 2024)
    assert not project.can_undo and not project.dirty


def test_move_and_delete_undo(copy_of):
    project = Project.load(copy_of(FIXTURES / "comments.toml"))
    subs = ("anggaran", "program", 0, "kegiatan", 0, "sub")
    original = project.get(subs)
    project.move(subs, 0, 1)
    project.delete(subs, 0)
    project.undo()
    project.undo()
    assert project.get(subs) == original


def test_values_that_toml_cannot_hold_are_refused(copy_of):
    project = Project.load(copy_of(FIXTURES / "tables.toml"))
    with pytest.raises(LakipError):
        project.set(("meta", "tahun"), float("nan"))
    with pytest.raises(LakipError):
        project.set(("meta", "tahun"), object())
    with pytest.raises(LakipError):
        project.delete(("akuntabilitas", "realisasi"), 5)
    assert not project.can_undo


def test_edit_creates_a_missing_table(copy_of):
    target = copy_of(FIXTURES / "tables.toml")
    project = Project.load(target)
    project.set(("penutup", "teks"), "Penutup singkat.")
    project.save()
    assert tomllib.loads(target.read_text(encoding="utf-8"))["penutup"]["teks"] == "Penutup singkat."


# -- saving ------------------------------------------------------------------------------------


def test_save_refuses_when_the_file_changed_on_disk(copy_of):
    target = copy_of(FIXTURES / "tables.toml")
    project = Project.load(target)
    project.set(("meta", "tahun"), 2025)
    target.write_text(target.read_text(encoding="utf-8") + "\n# diubah orang lain\n",
                      encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        project.save()
    assert "# diubah orang lain" in target.read_text(encoding="utf-8")
    project.save(force=True)
    assert tomllib.loads(target.read_text(encoding="utf-8"))["meta"]["tahun"] == 2025


def test_save_as_writes_a_new_file_and_leaves_the_old(copy_of, tmp_path):
    source = copy_of(FIXTURES / "tables.toml")
    project = Project.load(source)
    project.set(("meta", "tahun"), 2025)
    other = tmp_path / "lain.toml"
    project.save(other)
    assert project.path == other
    assert tomllib.loads(other.read_text(encoding="utf-8"))["meta"]["tahun"] == 2025
    assert tomllib.loads(source.read_text(encoding="utf-8"))["meta"]["tahun"] == 2024


def test_save_verifies_and_never_writes_a_wrong_file(copy_of, monkeypatch):
    target = copy_of(FIXTURES / "tables.toml")
    before = target.read_bytes()
    project = Project.load(target)
    project.insert(("akuntabilitas", "realisasi"), 1, {"indikator": "IKU2", "nilai": 3})
    import tomlkit

    monkeypatch.setattr(tomlkit, "dumps", lambda doc: before.decode("utf-8"))  # a lying writer
    with pytest.raises(LakipError, match="tidak sama"):
        project.save()
    assert target.read_bytes() == before
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_save_keeps_file_mode_and_leaves_no_temp_files(copy_of):
    target = copy_of(FIXTURES / "tables.toml")
    os.chmod(target, 0o640)
    project = Project.load(target)
    project.set(("meta", "tahun"), 2025)
    project.save()
    assert target.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["tables.toml"]


def test_save_into_unwritable_folder_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    target = folder / "x.toml"
    target.write_text("format = 1\n", encoding="utf-8")
    os.chmod(folder, 0o500)
    try:
        project = Project.load(target)
        project.set(("a",), 1)
        with pytest.raises(LakipError, match="tidak dapat menulis"):
            project.save()
    finally:
        os.chmod(folder, 0o700)


def test_reload_discards_edits(copy_of):
    target = copy_of(FIXTURES / "tables.toml")
    project = Project.load(target)
    project.set(("meta", "tahun"), 2025)
    project.reload()
    assert project.get(("meta", "tahun")) == 2024
    assert not project.dirty and not project.can_undo


def test_a_new_file_gets_normal_permissions_and_a_symlink_is_followed(copy_of, tmp_path):
    source = copy_of(FIXTURES / "tables.toml")
    project = Project.load(source)
    project.set(("meta", "tahun"), 2025)
    umask = os.umask(0o022)
    try:
        fresh = project.save(tmp_path / "baru.toml")
    finally:
        os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o644
    link = tmp_path / "tautan.toml"
    link.symlink_to(fresh)
    linked = Project.load(link)
    linked.set(("meta", "tahun"), 2026)
    linked.save()
    assert link.is_symlink()
    assert tomllib.loads(fresh.read_text(encoding="utf-8"))["meta"]["tahun"] == 2026


def test_a_device_is_never_renamed_over(tmp_path):
    from lakip_tui.project import atomic_write

    with pytest.raises(LakipError, match="bukan berkas biasa"):
        atomic_write(Path("/dev/null"), "x = 1\n")
    assert Path("/dev/null").is_char_device()


def test_a_value_edit_is_spliced_into_the_text_without_tomlkit(copy_of, monkeypatch):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    import tomlkit

    def no_tomlkit(*args, **kwargs):
        raise AssertionError("tomlkit should not be needed for a value edit")

    monkeypatch.setattr(tomlkit, "parse", no_tomlkit)
    sub = ("anggaran", "program", 0, "kegiatan", 0, "sub", 1)
    project.set((*sub, "pagu"), 210000000)
    project.set((*sub, "nama"), 'Administrasi "baru" \\ lagi')
    project.save()
    text = target.read_text(encoding="utf-8")
    assert "pagu = 210000000\n" in text
    assert tomllib.loads(text) == project.data
    old = (FIXTURES / "comments.toml").read_text(encoding="utf-8").splitlines()
    assert [a for a, b in zip(old, text.splitlines()) if a != b] == [
        '    nama = "Administrasi"', "    pagu = 200040000"]
    project.undo()
    project.save()  # undo is spliced too
    assert tomllib.loads(target.read_text(encoding="utf-8"))["anggaran"]["program"][0][
        "kegiatan"][0]["sub"][1]["nama"] == "Administrasi"


def test_a_splice_that_misses_falls_back_to_tomlkit(copy_of, monkeypatch):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    import lakip_tui.save as module

    monkeypatch.setattr(module, "splice", lambda text, path, value: text)  # a lying splicer
    project.set(("meta", "tahun"), 2030)
    project.save()
    assert tomllib.loads(target.read_text(encoding="utf-8"))["meta"]["tahun"] == 2030
    assert "# nama pemda" in target.read_text(encoding="utf-8")


def test_a_structural_edit_needs_the_document_which_can_be_parsed_aside(copy_of):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    project.set(("meta", "tahun"), 2025)
    assert not project.needs_document  # a value edit is spliced
    subs = ("anggaran", "program", 0, "kegiatan", 0, "sub")
    project.insert(subs, 2, {"kode": "1.06.01.2.02.0003", "nama": "Baru", "pagu": 5})
    assert project.needs_document
    text, doc = project.parse_document_text()  # what a worker thread does
    project.set(("meta", "tahun"), 2026)  # editing goes on meanwhile
    assert project.adopt_document(text, doc)
    assert not project.needs_document
    project.save()
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["meta"]["tahun"] == 2026
    assert data["anggaran"]["program"][0]["kegiatan"][0]["sub"][2]["nama"] == "Baru"
    assert "# Laporan Kinerja contoh kecil" in target.read_text(encoding="utf-8")


def test_a_document_parsed_before_a_save_is_not_adopted_after_it(copy_of):
    project = Project.load(copy_of(FIXTURES / "comments.toml"))
    text, doc = project.parse_document_text()
    project.set(("meta", "tahun"), 2025)
    project.save()  # spliced: the text on disk is newer than the parsed one
    assert not project.adopt_document(text, doc)


def test_a_new_row_is_laid_out_like_its_neighbours(copy_of):
    target = copy_of(FIXTURES / "comments.toml")
    project = Project.load(target)
    subs = ("anggaran", "program", 0, "kegiatan", 0, "sub")
    project.insert(subs, 1, {"kode": "1.06.01.2.02.0003", "nama": "Baru", "pagu": 5})
    project.save()
    text = target.read_text(encoding="utf-8")
    assert ('    [[anggaran.program.kegiatan.sub]]\n    kode = "1.06.01.2.02.0003"\n'
            '    nama = "Baru"\n    pagu = 5\n\n    [[anggaran.program.kegiatan.sub]]\n') in text


def test_disk_changed_compares_the_file_with_what_was_loaded_or_saved(tmp_path):
    path = tmp_path / "p.toml"
    text = '# dengan CRLF\r\nformat = 1\r\n[meta]\r\ntahun = 2024\r\n'
    path.write_bytes(text.encode("utf-8"))
    project = Project.load(path)
    assert not project.disk_changed()
    path.write_bytes(text.encode("utf-8"))  # written again, same bytes: not a change
    assert not project.disk_changed()
    path.write_bytes(text.replace("2024", "2025").encode("utf-8"))
    assert project.disk_changed()
    project.reload()
    assert not project.disk_changed() and project.data["meta"]["tahun"] == 2025
    project.set(("meta", "tahun"), 2026)
    project.save()
    assert not project.disk_changed()
    assert path.read_bytes().startswith(b"# dengan CRLF\r\nformat = 1\r\n")
    path.unlink()
    assert project.disk_changed()


def test_a_file_with_a_byte_order_mark_opens_and_keeps_it(tmp_path):
    """Windows Notepad writes UTF-8 with a BOM; TOML does not allow one, the planner's file
    must still open, and saving must not take the mark away (nor add one to other files)."""
    path = tmp_path / "notepad.toml"
    path.write_bytes("\ufeff# dari Notepad\r\nformat = 1\r\n[meta]\r\ntahun = 2024\r\n"
                     .encode("utf-8"))
    project = Project.load(path)
    assert project.data["meta"]["tahun"] == 2024
    assert not project.disk_changed()
    project.set(("meta", "tahun"), 2025)
    project.save()
    assert path.read_bytes() == ("\ufeff# dari Notepad\r\nformat = 1\r\n[meta]\r\ntahun = 2025\r\n"
                                 .encode("utf-8"))
    assert not project.disk_changed()
    project.set(("meta", "instansi"), "Dinas Sosial")  # a structural edit: tomlkit renders it
    project.save()
    saved = path.read_bytes()
    assert saved.startswith("\ufeff# dari Notepad\r\n".encode("utf-8"))
    assert tomllib.loads(saved.decode("utf-8-sig"))["meta"] == {"tahun": 2025,
                                                                "instansi": "Dinas Sosial"}
    project.reload()
    assert project.data["meta"]["tahun"] == 2025 and not project.disk_changed()
    other = tmp_path / "lain.toml"
    project.save(other)
    assert other.read_bytes().startswith(b"\xef\xbb\xbf")  # save as keeps the file's form
    plain = tmp_path / "biasa.toml"
    plain.write_text("format = 1\n", encoding="utf-8")
    Project.load(plain).save(force=True)
    assert plain.read_bytes() == b"format = 1\n"
