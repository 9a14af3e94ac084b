"""Saves rendered in a child process (lakip_tui/save_process.py): the same text as a render in the
editor's own thread, a refusal comes back as the same LakipError, and a child that dies changes
nothing but where the work is done."""

from __future__ import annotations

import tomllib

import pytest

from lakip_tui.errors import LakipError
from lakip_tui.project import Project
from lakip_tui.save_process import SaveProcess

FILE = '''\
# contoh
format = 1

[meta]
instansi = "Dinas Sosial"  # nama resmi

[[baris]]
kode = "A"

# ---- penutup ----
[akhir]
x = 1
'''


@pytest.fixture
def helper():
    process = SaveProcess(min_chars=0)
    yield process
    process.close()


def _project(tmp_path) -> Project:
    path = tmp_path / "p.toml"
    path.write_text(FILE, encoding="utf-8")
    return Project.load(path)


def _save_with(project: Project, helper: SaveProcess) -> str:
    job = project.begin_save(snapshot=True)
    try:
        job.run(helper.render)
    finally:
        project.end_save(job)
    return project.path.read_text(encoding="utf-8")


def _render_here(project: Project) -> str:
    return project.render_text()


def test_the_child_renders_what_the_editor_would(tmp_path, helper):
    project = _project(tmp_path)
    project.set(("meta", "instansi"), "Dinas Sosial Kota")  # a value: spliced
    expected = _render_here(project)
    assert _save_with(project, helper) == expected
    assert helper.running

    project.insert(("baris",), 1, {"kode": "B"})  # structure: tomlkit, in the child
    helper.prepare(project.text)
    expected = _render_here(project)
    assert _save_with(project, helper) == expected
    project.insert(("baris",), 2, {"kode": "C"})  # continues from the child's document
    project.set(("akhir", "x"), 2)
    expected = _render_here(project)
    text = _save_with(project, helper)
    assert text == expected
    assert tomllib.loads(text) == project.data
    assert "# ---- penutup ----\n[akhir]" in text
    assert not project.dirty


def test_a_refusal_in_the_child_is_the_same_indonesian_error(tmp_path, helper):
    project = _project(tmp_path)
    project.set(("meta", "instansi"), "x")
    job = project.begin_save(snapshot=True)
    job.text, job.check_disk = "format = [1,\n", False  # a text no save can be computed from
    with pytest.raises(LakipError) as refused:
        job.run(helper.render)
    project.end_save(job)
    with pytest.raises(LakipError) as here:
        job.render()
    assert (refused.value.message, refused.value.where) == (here.value.message, here.value.where)
    assert helper.running  # a refusal is an answer, not a broken child
    assert project.dirty and project.path.read_text(encoding="utf-8") == FILE


def test_a_child_that_dies_leaves_the_work_to_the_editor(tmp_path, helper):
    project = _project(tmp_path)
    project.set(("meta", "instansi"), "satu")
    _save_with(project, helper)
    helper._child.kill()
    helper._child.wait()
    project.insert(("baris",), 0, {"kode": "0"})
    expected = _render_here(project)
    assert _save_with(project, helper) == expected
    assert not helper.running
    project.set(("meta", "instansi"), "dua")  # and from then on, without trying again
    assert 'instansi = "dua"' in _save_with(project, helper)


def test_a_small_file_starts_no_process(tmp_path):
    helper = SaveProcess()
    project = _project(tmp_path)
    project.set(("meta", "instansi"), "x")
    _save_with(project, helper)
    helper.prepare(project.text)
    assert helper._child is None


def test_a_lakip_tui_folder_beside_the_project_is_not_run(tmp_path, monkeypatch):
    """The child is started isolated: a received folder holding its own `lakip_tui/` (the
    planner runs lakip from there) is never imported in place of the real package."""
    bait = tmp_path / "kiriman" / "lakip_tui"
    bait.mkdir(parents=True)
    marker = tmp_path / "dijalankan"
    (bait / "__init__.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    (bait / "save_process.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
    monkeypatch.chdir(bait.parent)
    helper = SaveProcess(min_chars=0)
    try:
        project = _project(tmp_path)
        project.set(("meta", "instansi"), "aman")
        assert 'instansi = "aman"' in _save_with(project, helper)
        assert helper.running
    finally:
        helper.close()
    assert not marker.exists()


def test_closing_never_waits_for_a_request_in_flight(tmp_path):
    """Quitting the editor while the child parses or renders a huge file (seconds) used to wait
    for it without a word; now the child is killed and the request's caller goes on without it.
    The child is stopped here, so its request would never end."""
    import os
    import signal
    import threading

    helper = SaveProcess(min_chars=0)
    project = _project(tmp_path)
    project.set(("meta", "instansi"), "satu")
    _save_with(project, helper)
    child = helper._child
    os.kill(child.pid, signal.SIGSTOP)
    try:
        asking = threading.Thread(target=helper.prepare, args=(project.text + "\n",))
        asking.start()
        for _ in range(500):
            if helper._lock.locked():
                break
            threading.Event().wait(0.01)
        assert helper._lock.locked()
        closing = threading.Thread(target=helper.close)
        closing.start()
        closing.join(10)
        assert not closing.is_alive()
        asking.join(10)
        assert not asking.is_alive()
        assert child.wait(10) is not None
        assert not helper.running
    finally:
        if child.poll() is None:
            child.kill()
