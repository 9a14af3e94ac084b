"""Project.one_step: the edits made inside it are one undo step. Held by a model: random
edits, some grouped, undo and redo in any order, against a list of states kept by the test."""

from __future__ import annotations

import copy
import tomllib

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from lakip_tui.project import Project

TEKS = """\
format = 1  # versi

[meta]
tahun = 2024  # tahun anggaran

# baris anggaran
[[baris]]
kode = "1.06.01"
nilai = 10

[[baris]]
kode = "1.06.02"
nilai = 20
"""

_EDIT = st.tuples(st.sampled_from(["set", "insert", "delete"]), st.integers(0, 5),
                  st.integers(0, 999))


def _edit(project: Project, edit: tuple[str, int, int]) -> None:
    kind, index, value = edit
    rows = project.data["baris"]
    if kind == "set" and rows:
        project.set(("baris", index % len(rows), "nilai"), value)
    elif kind == "insert":
        project.insert(("baris",), index, {"kode": f"9.{value}", "nilai": value})
    elif kind == "delete" and len(rows) > 1:
        project.delete(("baris",), index % len(rows))


class OneStepMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.project = Project(TEKS)
        self.states = [copy.deepcopy(self.project.data)]  # state after each undo step
        self.position = 0
        self.changes = 0
        self.project.subscribe(self._count)

    def _count(self, change) -> None:
        self.changes += 1

    def _record(self) -> None:
        # a step is whatever changed something, even when its edits cancel out (insert, delete)
        if self.changes:
            del self.states[self.position + 1:]
            self.states.append(copy.deepcopy(self.project.data))
            self.position += 1
        self.changes = 0

    @rule(edit=_EDIT)
    def single_edit(self, edit) -> None:
        _edit(self.project, edit)
        self._record()

    @rule(edits=st.lists(_EDIT, min_size=0, max_size=6))
    def grouped_edits(self, edits) -> None:
        with self.project.one_step():
            for edit in edits:
                _edit(self.project, edit)
        self._record()

    @precondition(lambda self: self.position > 0)
    @rule()
    def undo(self) -> None:
        assert self.project.undo()
        self.position -= 1
        self.changes = 0

    @precondition(lambda self: self.position < len(self.states) - 1)
    @rule()
    def redo(self) -> None:
        assert self.project.redo()
        self.position += 1
        self.changes = 0

    @invariant()
    def data_is_the_state_of_this_step(self) -> None:
        assert self.project.data == self.states[self.position]
        assert self.project.can_undo == (self.position > 0)

    @invariant()
    def the_text_to_save_holds_the_data_and_the_comments(self) -> None:
        text = self.project.render_text()
        assert tomllib.loads(text) == self.project.data
        assert "# tahun anggaran" in text


TestOneStep = OneStepMachine.TestCase
TestOneStep.settings = settings(max_examples=40, stateful_step_count=12, deadline=None,
                                suppress_health_check=[HealthCheck.too_slow])


def test_an_import_is_one_undo_and_one_redo(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text(TEKS, encoding="utf-8")
    project = Project.load(path)
    seen = []
    project.subscribe(lambda change: seen.append((change.kind, change.path)))
    with project.one_step():
        project.set(("baris", 0, "nilai"), 11)
        project.set(("baris", 1, "nilai"), 21)
        project.insert(("baris",), 2, {"kode": "1.06.03", "nilai": 30})
    assert project.dirty and len(seen) == 3
    assert project.undo()
    assert project.data == tomllib.loads(TEKS) and not project.dirty
    assert not project.can_undo
    # each single edit is announced on undo, so an editor showing the rows stays right
    assert [k for k, _ in seen[3:]] == ["delete", "set", "set"]
    assert project.redo()
    assert [r["nilai"] for r in project.data["baris"]] == [11, 21, 30]
    project.save()
    assert tomllib.loads(path.read_text(encoding="utf-8")) == project.data
