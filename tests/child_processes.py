"""For tests of code that forks a helper process (forked.py and its users)."""

from __future__ import annotations

import os


def reaped(pid: int) -> bool:
    """The child `pid` was waited for: no zombie of it is left."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False
