"""Shared by every test: nothing a test does reaches the user's own state folder."""

import pytest


@pytest.fixture(autouse=True)
def _private_state_folder(tmp_path_factory, monkeypatch):
    # the crash journal (lakip_tui/journal.py) of any editor a test starts goes here
    monkeypatch.setenv("LAKIP_STATE_DIR", str(tmp_path_factory.mktemp("state")))
