"""Every Change tells the operation it applied, so a listener (the crash journal) can replay it."""

import copy

from lakip_tui.project import Project, _apply_to_data

TEXT = """format = 1

[profil]
nama = "Dinas Sosial"
tahun = 2024

[[anggaran.program]]
nama = "A"
pagu = 100

[[anggaran.program]]
nama = "B"
pagu = 200
"""


def test_replaying_the_ops_of_changes_gives_the_same_data():
    project = Project(TEXT)
    base = copy.deepcopy(project.data)
    ops = []
    project.subscribe(lambda change: ops.append(change.op) if change.op else None)
    project.set(("profil", "nama"), "Dinsos")
    project.set(("baru", "isi", "x"), 1)  # creates two tables on the way
    project.insert(("anggaran", "program"), 1, {"nama": "C", "pagu": 5})
    project.move(("anggaran", "program"), 0, 2)
    project.delete(("anggaran", "program"), 1)
    project.undo()
    project.undo()
    project.redo()
    project.set(("profil", "tahun"), None)
    replayed = copy.deepcopy(base)
    for op in ops:
        _apply_to_data(replayed, op)
    assert replayed == project.data
    assert replayed != base


def test_undo_reports_the_inverse_and_save_has_no_op():
    project = Project(TEXT)
    seen = []
    project.subscribe(seen.append)
    project.set(("profil", "tahun"), 2025)
    project.undo()
    assert seen[0].op == ("set", ("profil", "tahun"), (2024, 2025))
    assert seen[1].source == "undo"
    assert seen[1].op == ("set", ("profil", "tahun"), (2025, 2024))
    project.redo()
    assert seen[2].op == seen[0].op
