"""The edit engine under random sequences (see engine_model.py). Small here; `make fuzz` runs
the same machine with the big profile (LAKIP_FUZZ=1)."""

from __future__ import annotations

from engine_model import SETTINGS, EngineMachine

TestEngine = EngineMachine.TestCase
TestEngine.settings = SETTINGS
