"""The crash journal: edits kept as they happen, read back after the session died."""

import datetime
import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from lakip_tui import journal
from lakip_tui.journal import (Journal, decode, encode, find_journals, plan_recovery,
                               read_journal, remove_journal)
from lakip_tui.merge import ABSENT, MEREKA, apply_ops
from lakip_tui.project import Project

TEXT = """format = 1

[meta]
instansi = "Dinas Sosial"  # nama resmi
tahun = 2024

[[anggaran.program]]
kode = "1"
pagu = 100

[[anggaran.program]]
kode = "2"
pagu = 200
"""


@pytest.fixture
def state(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    monkeypatch.setenv(journal.STATE_ENV, str(folder))
    return folder


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "proyek.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_values_keep_their_types_through_json():
    value = {"a": 1, "b": 1.0, "c": True, "$t": "x", "$$": [datetime.date(2024, 1, 2)],
             "d": datetime.datetime(2024, 1, 2, 3, 4, tzinfo=datetime.timezone.utc),
             "e": datetime.time(7, 30), "f": ABSENT, "g": 10**30}
    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value
    assert type(back["b"]) is float and type(back["c"]) is bool


def test_no_edit_no_file(state, project_file):
    project = Project.load(project_file)
    Journal(project_file, project.text).attach(project)
    assert not state.exists() or not list(state.iterdir())


def edit_three(project):
    project.set(("meta", "instansi"), "Dinas Sosial Kota Binjai")
    project.set(("anggaran", "program", 1, "pagu"), 250)
    project.insert(("anggaran", "program"), 2, {"kode": "3", "pagu": 5})
    project.set(("meta", "kepala"), {"nama": "Budi"})


def test_a_session_that_died_leaves_its_edits_and_they_replay_exactly(state, project_file):
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    edit_three(project)
    project.undo()
    project.set(("meta", "tahun"), 2025)
    # another session (this test) sees the journal only once its writer is gone
    assert find_journals(project_file) == []
    assert len(find_journals(project_file, include_live=True)) == 1
    writer.close()
    saved, = find_journals(project_file, include_live=True)
    assert oct(saved.path.stat().st_mode & 0o777) == "0o600"
    assert saved.header["berkas"] == str(project_file.resolve())
    fresh = Project.load(project_file)
    plan = plan_recovery(saved, fresh.data, fresh.text)
    assert plan.conflicts == [] and plan.base_matches
    apply_ops(fresh, plan.ops)
    assert fresh.data == project.data


def test_a_save_or_a_discard_clears_the_journal(state, project_file):
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    project.set(("meta", "tahun"), 2025)
    assert writer.path.exists() and writer.base_path.exists()
    project.save()
    assert not writer.path.exists() and not writer.base_path.exists()
    project.set(("meta", "tahun"), 2026)
    saved, = find_journals(project_file, include_live=True)
    assert saved.base_text == project_file.read_text(encoding="utf-8")  # the saved text now
    writer.clear()
    assert find_journals(project_file, include_live=True) == []


def test_a_journal_for_a_changed_file_replays_only_where_it_does_not_conflict(state,
                                                                              project_file):
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    project.set(("meta", "instansi"), "Punya saya")
    project.set(("anggaran", "program", 1, "pagu"), 250)
    writer.close()
    # meanwhile someone edits the file: another key, and the same key differently
    other = Project.load(project_file)
    other.insert(("anggaran", "program"), 0, {"kode": "0", "pagu": 1})
    other.set(("meta", "instansi"), "Punya orang lain")
    other.save()
    saved, = find_journals(project_file)
    disk = Project.load(project_file)
    plan = plan_recovery(saved, disk.data, disk.text)
    assert not plan.base_matches
    assert [(k.path, k.ours, k.theirs) for k in plan.conflicts] == [
        (("meta", "instansi"), "Punya saya", "Punya orang lain")]
    apply_ops(disk, plan.ops)
    assert disk.data["meta"]["instansi"] == "Punya saya"  # ours until decided otherwise
    assert [r["pagu"] for r in disk.data["anggaran"]["program"]] == [1, 100, 250]
    theirs = Project.load(project_file)
    apply_ops(theirs, plan_recovery(saved, theirs.data, theirs.text, [MEREKA]).ops)
    assert theirs.data["meta"]["instansi"] == "Punya orang lain"
    assert theirs.data["anggaran"]["program"][2]["pagu"] == 250


def test_a_line_cut_by_a_kill_is_ignored_with_a_note(state, project_file):
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    project.set(("meta", "tahun"), 2025)
    writer.close()
    with open(writer.path, "ab") as handle:
        handle.write(b'{"op":"set","path":["meta","ta')
    saved = read_journal(writer.path)
    assert len(saved.ops) == 1 and "baris 3" in saved.note


def test_the_journal_of_another_file_is_not_offered(state, project_file, tmp_path):
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    project.set(("meta", "tahun"), 2025)
    writer.close()
    other = tmp_path / "lain.toml"
    other.write_text(TEXT)
    assert find_journals(other) == []
    remove_journal(find_journals(project_file)[0])
    assert list(state.iterdir()) == []


SESSION = textwrap.dedent("""
    import os, sys, time
    from lakip_tui.journal import Journal
    from lakip_tui.project import Project
    project = Project.load(sys.argv[1])
    Journal(sys.argv[1], project.text).attach(project)
    project.set(("meta", "tahun"), 2031)
    project.set(("anggaran", "program", 0, "pagu"), 111)
    print("siap", flush=True)
    time.sleep(60)
""")


def test_edits_survive_a_kill_9_of_the_session(state, project_file):
    child = subprocess.Popen([sys.executable, "-c", SESSION, str(project_file)],
                             stdout=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert child.stdout.readline().strip() == "siap"
        assert find_journals(project_file) == []  # its session is alive: not offered
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    saved, = find_journals(project_file)
    fresh = Project.load(project_file)
    apply_ops(fresh, plan_recovery(saved, fresh.data, fresh.text).ops)
    assert fresh.data["meta"]["tahun"] == 2031
    assert fresh.data["anggaran"]["program"][0]["pagu"] == 111


def test_edits_are_fsynced_within_a_second(state, project_file, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(journal.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    project = Project.load(project_file)
    writer = Journal(project_file, project.text)
    writer.attach(project)
    project.set(("meta", "tahun"), 2025)
    before = len(synced)  # the base text is synced when the journal is created
    deadline = time.monotonic() + 1.0
    while len(synced) == before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert len(synced) > before
    writer.close()
