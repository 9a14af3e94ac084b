"""Is the process that wrote a lock or a journal still running? By pid and by its start time,
because a pid is reused: after a crash and a reboot, pid 4242 may be any other program.

Linux: /proc/PID/stat (start time in clock ticks since boot) with the boot id, so a pid and
start time from before a reboot never match. Other Unix: `ps -o lstart=`. Where neither can be
read the start time is None and only the pid is compared (the caller then also uses age).
"""

from __future__ import annotations

import os
import socket
import sys
from functools import lru_cache


@lru_cache(maxsize=1)
def host() -> str:
    return socket.gethostname()


@lru_cache(maxsize=1)
def _boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def start_time(pid: int) -> str | None:
    """When process `pid` started, as an opaque text that differs for any other process that
    has or had the same pid; None when it cannot be told (no such process, or no way to ask)."""
    if pid <= 0:
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read()
        # the command name (field 2) is in brackets and may hold spaces and brackets itself
        fields = stat[stat.rindex(b")") + 2:].split()
        return f"{_boot_id()}:{int(fields[19])}"
    except FileNotFoundError:
        if os.path.isdir("/proc/self"):
            return None  # /proc works, so this process does not exist
    except (OSError, ValueError, IndexError):
        pass
    if sys.platform.startswith("win"):
        return None
    import subprocess

    try:
        out = subprocess.run(["ps", "-o", "lstart=", "-p", str(pid)], capture_output=True,
                             text=True, timeout=2, env={**os.environ, "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def pid_alive(pid: int) -> bool | None:
    """True or False; None when it cannot be told here (Windows, where os.kill(pid, 0) would
    end the process instead of asking about it)."""
    if pid <= 0:
        return False
    if sys.platform.startswith("win"):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, it is just someone else's
        return True
    except OSError:
        return None
    return True


def running(pid: int, started: str | None) -> bool | None:
    """Is the process with this pid and start time (on this host) still running? None: unknown."""
    alive = pid_alive(pid)
    if not alive:
        return alive
    if not started:
        return True  # recorded without a start time: the pid alone has to do
    now = start_time(pid)
    if now is None:
        return True if alive else None
    return now == started


_MINE: dict[int, str | None] = {}


def my_start_time() -> str | None:
    """This process's start time (kept per pid: a forked child is another process)."""
    pid = os.getpid()
    if pid not in _MINE:
        _MINE[pid] = start_time(pid)
    return _MINE[pid]
