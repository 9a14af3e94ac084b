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


# -- issue 10, item 5: a session never removes a lock it does not own; pid reuse ---------------

HOLDER = """
import sys, time
from lakip_tui.lock import FileLock
lock = FileLock(sys.argv[1])
lock.acquire()
print("pegang", flush=True)
sys.stdin.readline()
lock.release()
"""


def test_a_second_session_that_opened_anyway_leaves_the_first_sessions_lock(project_file):
    first = subprocess.Popen([sys.executable, "-c", HOLDER, str(project_file)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert first.stdout.readline().strip() == "pegang"
        held = lock_path(project_file).read_text()
        second = FileLock(project_file)
        with pytest.raises(Locked):
            second.acquire()
        second.release()  # "open anyway", then quit
        assert lock_path(project_file).read_text() == held
        third = FileLock(project_file)
        with pytest.raises(Locked):  # a third session is still warned
            third.acquire()
    finally:
        first.stdin.close()
        first.wait(10)
    assert not lock_path(project_file).exists()  # the first session removed its own lock


def test_the_same_process_in_two_sessions_is_told_apart_by_token(project_file):
    first, second = FileLock(project_file), FileLock(project_file)
    first.acquire()
    with pytest.raises(Locked):
        second.acquire()
    second.release()
    assert lock_path(project_file).exists()
    second.acquire(force=True)  # taking over is explicit...
    first.release()  # ...and the first session then leaves the new holder's lock alone
    assert read_lock(project_file).token == second.token
    second.release()
    assert not lock_path(project_file).exists()


def test_a_reused_pid_with_another_start_time_is_stale(project_file):
    # the parent process is alive, but it is not the process that wrote this lock
    _write_lock(project_file, pid=os.getppid(), start="boot-lain:123")
    holder = read_lock(project_file)
    assert holder.is_stale and holder.surely_stale
    FileLock(project_file).acquire()  # taken over quietly
    assert read_lock(project_file).is_mine


def test_a_live_pid_with_its_own_start_time_is_not_stale(project_file):
    from lakip_tui import processes

    _write_lock(project_file, pid=os.getppid(), start=processes.start_time(os.getppid()))
    assert not read_lock(project_file).is_stale
    with pytest.raises(Locked):
        FileLock(project_file).acquire()


def test_another_hosts_lock_is_stale_by_age_but_taken_over_only_when_asked(project_file):
    from lakip_tui.lock import STALE_AGE

    _write_lock(project_file, host="server-lain", pid=_dead_pid())
    assert not read_lock(project_file).is_stale  # touched just now
    old = os.path.getmtime(lock_path(project_file)) - STALE_AGE - 60
    os.utime(lock_path(project_file), (old, old))
    holder = read_lock(project_file)
    assert holder.is_stale and not holder.surely_stale
    with pytest.raises(Locked):
        FileLock(project_file).acquire()
    lock = FileLock(project_file)
    lock.acquire(force=True)
    assert read_lock(project_file).is_mine


def test_refresh_touches_only_our_own_lock(project_file):
    lock = FileLock(project_file)
    lock.acquire()
    old = os.path.getmtime(lock.path) - 600
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert os.path.getmtime(lock.path) > old + 500
    _write_lock(project_file, user="budi")
    os.utime(lock.path, (old, old))
    lock.refresh()
    assert os.path.getmtime(lock.path) == old
