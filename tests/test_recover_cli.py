"""`lakip recover FILE [--apply|--discard]`: unsaved edits of a session that died, from the
command line."""

import pytest

from lakip_tui import journal
from lakip_tui.cli import main
from lakip_tui.journal import Journal, find_journals
from lakip_tui.project import Project

TEXT = """format = 1

[meta]
instansi = "Dinas Sosial"  # nama resmi
tahun = 2024

[[anggaran.program]]
kode = "1"
pagu = 100
"""


@pytest.fixture
def left_behind(tmp_path, monkeypatch):
    """A project file and the journal of a session that ended without saving."""
    monkeypatch.setenv(journal.STATE_ENV, str(tmp_path / "state"))
    path = tmp_path / "proyek.toml"
    path.write_text(TEXT, encoding="utf-8")
    project = Project.load(path)
    writer = Journal(path, project.text)
    writer.attach(project)
    project.set(("meta", "tahun"), 2025)
    project.set(("anggaran", "program", 0, "pagu"), 150)
    project.set(("meta", "catatan"), "baris satu\n\x1b[31mbaris dua")
    writer.close()
    return path


def test_recover_lists_each_change_and_changes_nothing(left_behind, capsys):
    assert main(["recover", str(left_behind)]) == 0
    out = capsys.readouterr().out
    assert "meta.tahun: 2024 → 2025" in out
    assert "anggaran.program[0].pagu: 100 → 150" in out
    assert "meta.catatan: ditambahkan" in out and "\x1b" not in out
    assert "3 suntingan" in out and "--apply" in out
    assert left_behind.read_text(encoding="utf-8") == TEXT
    assert len(find_journals(left_behind)) == 1


def test_recover_apply_saves_the_edits_keeps_comments_and_clears_the_journal(left_behind,
                                                                              capsys):
    assert main(["recover", str(left_behind), "--apply"]) == 0
    text = left_behind.read_text(encoding="utf-8")
    assert 'instansi = "Dinas Sosial"  # nama resmi' in text
    data = Project.load(left_behind).data
    assert data["meta"]["tahun"] == 2025 and data["anggaran"]["program"][0]["pagu"] == 150
    assert find_journals(left_behind) == []
    assert not list(left_behind.parent.glob(".*lakip-lock"))
    assert main(["recover", str(left_behind)]) == 0
    assert "Tidak ada suntingan" in capsys.readouterr().out


def test_recover_apply_on_a_changed_file_keeps_conflicts_and_the_journal(left_behind, capsys):
    other = Project.load(left_behind)
    other.set(("meta", "tahun"), 2030)  # the same key: a conflict
    other.set(("meta", "instansi"), "Dinsos")  # another key: combined
    other.save()
    assert main(["recover", str(left_behind)]) == 0
    out = capsys.readouterr().out
    assert "Konflik" in out and "meta.tahun: semula 2024; di disk 2030; suntingan Anda 2025" in out
    assert main(["recover", str(left_behind), "--apply"]) == 1
    data = Project.load(left_behind).data
    assert data["meta"]["tahun"] == 2030 and data["meta"]["instansi"] == "Dinsos"
    assert data["anggaran"]["program"][0]["pagu"] == 150
    assert "1 konflik" in capsys.readouterr().err
    assert len(find_journals(left_behind)) == 1  # kept: nothing discarded without asking
    assert main(["recover", str(left_behind), "--discard"]) == 0
    assert find_journals(left_behind) == []
    assert Project.load(left_behind).data["meta"]["tahun"] == 2030


def test_recover_refuses_while_a_live_session_holds_the_lock(left_behind, capsys):
    from lakip_tui.lock import lock_path

    holder = lock_path(left_behind)
    holder.write_text('{"user": "budi", "host": "server-lain", "pid": 1, "time": 9e12}')
    assert main(["recover", str(left_behind), "--apply"]) == 2
    assert "sedang dibuka oleh budi" in capsys.readouterr().err
    assert left_behind.read_text(encoding="utf-8") == TEXT


def test_recover_of_a_missing_file_is_exit_2(tmp_path, capsys):
    assert main(["recover", str(tmp_path / "tidak-ada.toml")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_recover_never_imports_textual(left_behind):
    import subprocess
    import sys

    code = ("import sys\nfrom lakip_tui.cli import main\n"
            f"main(['recover', {str(left_behind)!r}])\n"
            "assert 'textual' not in sys.modules\nprint('bersih')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "bersih" in result.stdout
