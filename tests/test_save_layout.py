"""Where a save puts what is new (issue 10 item 7): inside its table's block, above the comment
banner that opens the next section; text with line breaks as a \"\"\" block; inline tables keep
their spacing."""

from __future__ import annotations

import tomllib

from lakip_tui.project import Project

FILE = '''\
format = 1

[meta]
instansi = "Dinas Sosial"
renstra = { 2020 = 100 }

# ---- BAB II Perencanaan ----
[[sasaran]]
kode = "SS1"

[[sasaran]]
kode = "SS2"

# ---- BAB III Akuntabilitas ----
[akuntabilitas]
catatan = "ringkas"
'''


def _saved(tmp_path, edit) -> str:
    return _saved_text(tmp_path, FILE, edit)[0]


def test_a_new_key_goes_inside_its_table_above_the_next_banner(tmp_path):
    text = _saved(tmp_path, lambda p: p.set(("meta", "kepala"), "Budi"))
    assert 'renstra = { 2020 = 100 }\nkepala = "Budi"\n\n# ---- BAB II' in text


def test_a_new_row_follows_its_last_sibling_above_the_next_banner(tmp_path):
    text = _saved(tmp_path, lambda p: p.insert(("sasaran",), 2, {"kode": "SS3"}))
    assert ('kode = "SS2"\n\n[[sasaran]]\nkode = "SS3"\n\n# ---- BAB III Akuntabilitas ----\n'
            '[akuntabilitas]') in text


def test_a_new_table_goes_above_the_next_banner(tmp_path):
    text = _saved(tmp_path, lambda p: p.set(("sasaran", 1, "catatan"), {"isi": 1, "lain": [{"a": 1}]}))
    assert text.index("[sasaran.catatan]") < text.index("# ---- BAB III")


def test_a_narrative_with_line_breaks_is_written_as_a_block(tmp_path):
    narasi = "Paragraf pertama.\n\nParagraf kedua dengan \"kutip\"."
    text = _saved(tmp_path, lambda p: p.set(("akuntabilitas", "analisis"), narasi))
    assert 'analisis = """\nParagraf pertama.\n\nParagraf kedua dengan \\"kutip\\"."""' in text
    text = _saved(tmp_path, lambda p: (p.insert(("sasaran",), 0, {"kode": "SS0"}),
                                        p.set(("akuntabilitas", "catatan"), narasi)))
    assert 'catatan = """\nParagraf pertama.\n' in text  # through tomlkit too


def test_an_inline_table_keeps_its_spacing(tmp_path):
    text = _saved(tmp_path, lambda p: p.set(("meta", "renstra"), {"2020": 100, "2021": 110}))
    assert "renstra = { 2020 = 100, 2021 = 110 }" in text
    text = _saved(tmp_path, lambda p: p.set(("meta", "renstra", "2021"), 110))
    assert "renstra = { 2020 = 100, 2021 = 110 }" in text


def test_a_table_keeps_its_header_when_its_last_plain_key_goes(tmp_path):
    """Found by `make fuzz`: a `[table]` left holding only sub-tables lost its header line (tomlkit
    took it for an implicit "super table"); the data was the same, the layout was not."""
    def edit(project):
        project.set(("lampiran",), {"judul": "L1", "baris": [{"a": 1}]})  # a table made here
        project.save()
        project.set(("lampiran", "judul"), None)

    text = _saved(tmp_path, edit)
    assert "\n[lampiran]\n" in text
    assert "[[lampiran.baris]]\na = 1" in text


def test_the_banner_stays_when_the_table_above_it_becomes_a_value(tmp_path):
    """Found by `make fuzz`: a table made in the last row took the next section's banner along
    (rightly: it stays above the next section); when that table then became a value, or was
    replaced by another table, the banner was deleted with it."""
    banner = "# ---- BAB III Akuntabilitas ----\n[akuntabilitas]"

    def to_a_value(project):
        project.set(("sasaran", 1, "rincian"), {"a": {"b": 1}})
        project.save()
        project.set(("sasaran", 1, "rincian", "a"), 5)

    def to_another_table(project):
        project.set(("sasaran", 1, "rincian"), {"a": {"b": 1}})
        project.save()
        project.set(("sasaran", 1, "rincian"), {"c": {"d": 2}})

    for edit in (to_a_value, to_another_table):
        text = _saved(tmp_path, edit)
        assert banner in text, text
        assert text.index("[sasaran.rincian") < text.index(banner)


def _saved_text(tmp_path, text: str, edit) -> tuple[str, Project]:
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    project = Project.load(path)
    edit(project)
    project.save()
    saved = path.read_text(encoding="utf-8")
    assert tomllib.loads(saved) == project.data
    return saved, project


def test_a_row_added_after_a_last_line_without_newline_is_a_line_of_its_own(tmp_path):
    """Found by make fuzz: a file whose last line has no newline (Notepad writes them so) got a
    row appended onto that line (`kode = "1"[[anggaran.program]]`), and the save was refused.
    The new row has lines of its own, and the file still ends without a newline."""
    text = 'format = 1\n\n[meta]\ninstansi = "x"\n\n[[anggaran.program]]\nkode = "1"'
    saved, _ = _saved_text(tmp_path, text,
                           lambda p: p.insert(("anggaran", "program"), 1, {"kode": "2"}))
    assert saved == text + '\n[[anggaran.program]]\nkode = "2"'
    header = text + "\n[anggaran.program.kegiatan]"
    saved, _ = _saved_text(tmp_path, header,
                           lambda p: p.insert(("anggaran", "program"), 1, {"kode": "2"}))
    assert saved.startswith(header + "\n") and not saved.endswith("\n")
    # a closing comment stays last (it opens what would follow), still without a newline
    saved, _ = _saved_text(tmp_path, text + "\n\n# akhir",
                           lambda p: p.insert(("anggaran", "program"), 1, {"kode": "2"}))
    assert saved == text + '\n\n[[anggaran.program]]\nkode = "2"\n\n# akhir'


def test_a_value_inserted_into_an_emptied_array_of_tables(tmp_path):
    """Found by make fuzz: an array of tables whose rows were all deleted stays in the document
    as an empty one; a value that is not a table inserted into it could not be written ("tidak
    dapat diterapkan"). The list becomes an inline array."""
    text = 'format = 1\n\n[[anggaran.program]]\nkode = "1"\n'

    def edit(project):
        project.delete(("anggaran", "program"), 0)
        project.insert(("anggaran", "program"), 0, "teks")

    saved, project = _saved_text(tmp_path, text, edit)
    assert project.data["anggaran"]["program"] == ["teks"]
    assert 'program = ["teks"]' in saved


def test_a_table_removed_and_put_back_keeps_the_blank_line_and_the_last_newline(tmp_path):
    """Found by make fuzz: an array of tables at the end of the file replaced by an empty
    table lost the file's last newline; removing it and undoing put the table back above the
    blank line that had stood before it."""
    text = ('format = 1\n\n[[anggaran.program]]\nkode = "1"\npagu = 10\n\n'
            '  [[anggaran.program.kegiatan]]\n  kode = "1.1"\n')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    project = Project.load(path)
    project.set(("anggaran", "program", 0, "kegiatan"), {})
    project.save()
    assert path.read_text(encoding="utf-8").endswith("pagu = 10\n\n[anggaran.program.kegiatan]\n")
    project.set(("anggaran", "program", 0, "kegiatan"), None)
    project.save()
    assert path.read_text(encoding="utf-8").endswith("pagu = 10\n\n")
    project.undo()
    project.save()
    saved = path.read_text(encoding="utf-8")
    assert saved.endswith("pagu = 10\n\n[anggaran.program.kegiatan]\n")
    assert tomllib.loads(saved) == project.data


def test_nested_tables_made_and_undone_give_the_banner_back(tmp_path):
    """Found by make fuzz: a value set three tables deep in the last row before a banner, then
    undone step by step, lost the `# ---- BAB ... ----` banner (a deleted key leaves an empty
    placeholder in tomlkit's body, which hid the comments behind it)."""
    text = ('format = 1\n\n[[pmks]]\njenis = "Anak"\njumlah = 3\n\n# ---- BAB III ----\n'
            '[anggaran]\ntotal = 1\n')
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    project = Project.load(path)
    project.set(("pmks", 0, "renstra", "x", "y"), "nilai")
    while project.can_undo:
        project.undo()
    project.set(("anggaran", "total"), 2)  # a value edit, so that the save writes
    project.save()
    assert path.read_text(encoding="utf-8") == text.replace("total = 1", "total = 2")
