"""forked.ForkedCall: a result computed in a forked child, or nothing (then the caller computes
it itself); never an exception from the child, never a child left behind."""

from __future__ import annotations

import os

import pytest

from child_processes import reaped
from lakip_tui import forked

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="perlu fork")


def test_the_childs_result_comes_back_and_the_child_is_waited_for():
    call = forked.ForkedCall(lambda: {"angka": [1, 2, 3], "teks": "Ä"})
    assert call.started
    pid = call._pid
    assert call.result() == {"angka": [1, 2, 3], "teks": "Ä"}
    assert not call.started and reaped(pid)
    assert call.result() is None  # taken already


def test_a_child_that_raises_hands_back_nothing():
    def boom():
        raise ValueError("rusak")

    call = forked.ForkedCall(boom)
    assert call.result() is None


def test_no_descriptor_left_means_no_child(monkeypatch):
    def no_pipe():
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(forked.os, "pipe", no_pipe)
    call = forked.ForkedCall(lambda: 1)
    assert not call.started and call.result() is None


def test_cancel_ends_a_child_still_working():
    import time

    call = forked.ForkedCall(lambda: time.sleep(60))
    pid = call._pid
    call.cancel()
    assert reaped(pid) and not call.started
