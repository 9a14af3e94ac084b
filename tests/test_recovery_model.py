"""Model-based test of crash recovery and outside changes (hypothesis RuleBasedStateMachine).

A session edits a project file with its journal attached; at any moment someone else may change
the file on disk, the session may merge with the disk's version (what reload and overwrite do
now), save, or be killed and recovered by the next session. Invariants after every step:
- the journal on disk, replayed by a new session, gives exactly what the killed session showed
  (merged three ways when the file changed on disk since, with our side kept in conflicts);
- a merge keeps every value only one side changed, and takes the disk's text as its base;
- a save writes exactly the session's data.
The same sequences run in `make test` (a small derandomized profile); `make fuzz` runs more.
"""

from __future__ import annotations

import atexit
import copy
import os
import sys

import tomlkit
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from lakip_tui.journal import Journal, find_journals, plan_recovery, remove_journal
from lakip_tui.merge import ABSENT, apply_ops, merge3, same
from lakip_tui.project import ChangedOnDisk, Project

START = """# proyek uji pemulihan
format = 1

[meta]
a = 1
b = "dua"  # komentar b
c = 3

[[baris]]
x = 1
y = "satu"

[[baris]]
x = 2
y = "dua"
"""

KEYS = ("a", "b", "c", "d")
VALUES = st.one_of(st.integers(-3, 30), st.sampled_from(["satu", "dua", "tiga", "á\nb"]))
# make fuzz (LAKIP_FUZZ=1): 1.000 new random sequences of 30 steps; LAKIP_FUZZ_RECOVERY changes
# the count of sequences
FUZZ = bool(os.environ.get("LAKIP_FUZZ"))
SEQUENCES = int(os.environ.get("LAKIP_FUZZ_RECOVERY", 1000)) if FUZZ else 10
STEPS = {"runs": 0, "steps": 0}


def _report_steps() -> None:
    if FUZZ and STEPS["steps"]:
        print(f"\nmodel pemulihan: {STEPS['runs']} urutan, {STEPS['steps']} langkah",
              file=sys.stderr)


atexit.register(_report_steps)


class RecoveryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        import tempfile

        STEPS["runs"] += 1
        self.folder = tempfile.mkdtemp(prefix="lakip-pulih-")
        self.state = os.path.join(self.folder, "state")
        self.path = os.path.join(self.folder, "proyek.toml")
        with open(self.path, "w", encoding="utf-8") as handle:
            handle.write(START)
        self.open_session()

    def open_session(self) -> None:
        self.project = Project.load(self.path)
        self.journal = Journal(self.path, self.project.text, folder=_folder(self.state))
        self.journal.attach(self.project)

    def teardown(self) -> None:
        import shutil

        self.journal.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- edits ----------------------------------------------------------------------------

    @rule(key=st.sampled_from(KEYS), value=VALUES)
    def set_meta(self, key, value):
        self.project.set(("meta", key), value)

    @rule(key=st.sampled_from(KEYS))
    def remove_meta(self, key):
        self.project.set(("meta", key), None)

    @rule(index=st.integers(0, 3), field=st.sampled_from(["x", "y"]), value=VALUES)
    def set_row(self, index, field, value):
        rows = self.project.get(("baris",)) or []
        if index < len(rows):
            self.project.set(("baris", index, field), value)

    @rule(index=st.integers(0, 3), x=st.integers(0, 9))
    def insert_row(self, index, x):
        self.project.insert(("baris",), index, {"x": x, "y": "baru"})

    @rule(index=st.integers(0, 3))
    def delete_row(self, index):
        rows = self.project.get(("baris",)) or []
        if index < len(rows):
            self.project.delete(("baris",), index)

    @rule()
    def undo(self):
        self.project.undo()

    @rule()
    def redo(self):
        self.project.redo()

    # -- someone else, saving and merging -------------------------------------------------

    @rule(key=st.sampled_from(KEYS), value=VALUES, row=st.booleans())
    def outside_change(self, key, value, row):
        other = Project.load(self.path)
        if row and other.get(("baris",)):
            other.set(("baris", 0, "y"), value)
        else:
            other.set(("meta", key), value)
        other.save()

    @rule()
    def save(self):
        try:
            self.project.save()
        except ChangedOnDisk:
            self.merge_with_disk()
            self.project.save()
        assert same(Project.load(self.path).data, self.project.data)
        assert find_journals(self.path, folder=_folder(self.state), include_live=True) == []

    @rule()
    def merge_with_disk(self):
        """What the editor's reload and overwrite do: three-way merge, ours in conflicts."""
        from lakip_tui.merge import diff
        from lakip_tui.project import parse_toml

        base = parse_toml(self.project.text, "base")
        ours = copy.deepcopy(self.project.data)
        disk = Project.load(self.path)
        result = merge3(base, ours, disk.data)
        self.project.reload(disk)
        apply_ops(self.project, diff(self.project.data, result.data))
        assert self.project.text == disk.text
        assert same(self.project.data, result.data)
        # every value of [meta] one side alone changed has that side's value; where both
        # changed it differently (a conflict), ours stays
        for key in KEYS:
            b, o, t, m = (d.get("meta", {}).get(key, ABSENT)
                          for d in (base, ours, disk.data, result.data))
            if same(b, o):
                assert same(m, t), key
            else:
                assert same(m, o), key

    # -- kill and recover -----------------------------------------------------------------

    @rule()
    def kill_and_recover(self):
        shown = copy.deepcopy(self.project.data)
        base = Project(self.project.text).data
        self.journal.close()  # the process ends: nothing more is written, nothing cleared
        self.open_session()
        saved = find_journals(self.path, folder=_folder(self.state))
        if not saved:  # the killed session had nothing unsaved: the new one shows the disk
            assert same(shown, base)
            assert same(self.project.data, Project.load(self.path).data)
            return
        assert len(saved) == 1
        plan = plan_recovery(saved[0], self.project.data, self.project.text)
        apply_ops(self.project, plan.ops)
        remove_journal(saved[0])
        if plan.base_matches:
            assert same(self.project.data, shown)
        else:
            assert same(self.project.data, merge3(base, shown, Project.load(self.path).data).data)

    @invariant()
    def journal_replays_to_what_is_shown(self):
        STEPS["steps"] += 1
        saved = find_journals(self.path, folder=_folder(self.state), include_live=True)
        if not saved:  # no edit since the text was loaded, saved or merged
            assert same(self.project.data, Project(self.project.text).data)
            return
        assert len(saved) == 1
        current = Project(saved[0].base_text)
        apply_ops(current, saved[0].ops)
        assert same(current.data, self.project.data)


def _folder(state: str):
    from pathlib import Path

    return Path(state)


RecoveryMachine.TestCase.settings = settings(
    max_examples=SEQUENCES,
    stateful_step_count=30 if FUZZ else 25,
    deadline=None,
    derandomize=not FUZZ,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_recovery_model = RecoveryMachine.TestCase
