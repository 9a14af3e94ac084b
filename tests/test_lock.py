"""The lock file beside a project: who holds it, stale locks, forced takeover, safe release."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from lakip_tui.lock import FileLock, Locked, LockInfo, lock_path, read_lock


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "dinsos-2024.toml"
    path.write_text("format = 1\n", encoding="utf-8")
    return path


def _write_lock(project_file, **fields):
    info = {"user": "budi", "host": socket.gethostname(), "pid": os.getppid(), "time": 1.0}
    info.update(fields)
    lock_path(project_file).write_text(json.dumps(info), encoding="utf-8")


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_file_is_hidden_next_to_the_project(project_file):
    assert lock_path(project_file) == project_file.parent / ".dinsos-2024.toml.lakip-lock"


def test_acquire_writes_user_host_pid_time(project_file):
    lock = FileLock(project_file)
    lock.acquire()
    data = json.loads(lock_path(project_file).read_text())
    assert data["host"] == socket.gethostname()
    assert data["pid"] == os.getpid()
    assert data["user"]
    assert data["time"] > 0
    lock.release()
    assert not lock_path(project_file).exists()


def test_live_session_of_another_process_is_reported(project_file):
    _write_lock(project_file, user="budi", pid=os.getppid())  # the parent process: alive
    with pytest.raises(Locked) as caught:
        FileLock(project_file).acquire()
    assert caught.value.holder.user == "budi"
    assert "budi di" in caught.value.holder.describe()
    # the other session's lock is untouched
    assert json.loads(lock_path(project_file).read_text())["user"] == "budi"


def test_stale_lock_of_dead_local_pid_is_taken_over(project_file):
    _write_lock(project_file, pid=_dead_pid())
    lock = FileLock(project_file)
    lock.acquire()
    assert read_lock(project_file).pid == os.getpid()


def test_lock_of_another_host_is_never_stale(project_file):
    _write_lock(project_file, host="server-bappeda-yang-lain", pid=_dead_pid())
    with pytest.raises(Locked):
        FileLock(project_file).acquire()


def test_force_takes_over_and_release_then_leaves_a_newer_holder_alone(project_file):
    _write_lock(project_file, user="budi")
    lock = FileLock(project_file)
    lock.acquire(force=True)
    assert read_lock(project_file).is_mine
    # budi chose "open anyway" in turn: his lock now; ours must not delete it on exit
    _write_lock(project_file, user="budi")
    lock.release()
    assert read_lock(project_file).user == "budi"


def test_garbled_lock_counts_as_held(project_file):
    lock_path(project_file).write_text("{ini bukan json", encoding="utf-8")
    holder = read_lock(project_file)
    assert holder == LockInfo("?", "?", 0, 0.0)
    with pytest.raises(Locked):
        FileLock(project_file).acquire()


def test_no_lock_reads_none(project_file):
    assert read_lock(project_file) is None
