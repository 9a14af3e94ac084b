"""Temp files of saves: the ones a killed save left are removed at the next start or save;
the one a living save is writing never is (issue 10, item 3)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from lakip_tui.project import Project
from lakip_tui.temp_files import leftovers, remove_leftovers, saving

TEXT = 'format = 1\n\n[meta]\ninstansi = "Dinas Sosial"\n'


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "proyek.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def left_by_a_killed_save(path, name="abcd1234"):
    temp = path.with_name(f".{path.name}.{name}.tmp")
    temp.write_text(TEXT * 100, encoding="utf-8")
    return temp


def test_only_this_projects_temp_files_are_taken(project_file):
    mine = left_by_a_killed_save(project_file)
    other = project_file.with_name(".lain.toml.abcd1234.tmp")
    other.write_text("x")
    odd = project_file.with_name(f".{project_file.name}.catatan.tmp")  # not mkstemp's shape
    odd.write_text("x")
    assert leftovers(project_file) == [mine]
    assert remove_leftovers(project_file) == [mine]
    assert other.exists() and odd.exists() and not mine.exists()


def test_a_save_removes_what_a_killed_save_left(project_file):
    temp = left_by_a_killed_save(project_file)
    project = Project.load(project_file)
    project.set(("meta", "instansi"), "Dinsos")
    project.save()
    assert not temp.exists()
    assert leftovers(project_file) == []


def test_the_temp_file_of_a_living_save_is_left_alone(project_file):
    inside, release = threading.Event(), threading.Event()

    def a_save_in_progress():
        with saving(project_file):
            left_by_a_killed_save(project_file, "living01")
            inside.set()
            release.wait(10)

    saver = threading.Thread(target=a_save_in_progress)
    saver.start()
    try:
        assert inside.wait(10)
        assert remove_leftovers(project_file) == []  # never waits, never removes
        assert len(leftovers(project_file)) == 1
    finally:
        release.set()
        saver.join(10)
    assert len(remove_leftovers(project_file)) == 1  # the save ended without renaming it


HOLDS = """
import sys, time
from lakip_tui.temp_files import saving
with saving(sys.argv[1]):
    open(sys.argv[2], "w").write("x")
    print("menyimpan", flush=True)
    time.sleep(60)
"""


def test_a_living_save_in_another_process_is_seen_and_its_death_frees_the_file(project_file):
    temp = project_file.with_name(f".{project_file.name}.other001.tmp")
    child = subprocess.Popen([sys.executable, "-c", HOLDS, str(project_file), str(temp)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "menyimpan"
        assert remove_leftovers(project_file) == [] and temp.exists()
        child.kill()  # kill -9 in the middle of the save
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    assert remove_leftovers(project_file) == [temp]


def test_kill_9_during_saves_of_a_file_leaves_old_or_new_and_no_temp_file(tmp_path):
    """The crash test of bench/crash_save.py, small: a few kills of a city-size file."""
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "bench"))
    import crash_save

    counts = crash_save.run(4, "city", seed=7, folder=tmp_path, quiet=True)
    assert counts["gagal"] == 0, counts
    assert counts["kills"] == 4 and counts["lama"] + counts["baru"] == counts["putaran"]
