"""The three-way merge and the diff between versions: pure functions over plain data."""

import copy

from hypothesis import given, settings, strategies as st

from lakip_tui.merge import ABSENT, KAMI, MEREKA, align, diff, merge3, same
from lakip_tui.project import Project

BASE = {
    "format": 1,
    "meta": {"instansi": "Dinsos", "tahun": 2024},
    "anggaran": {"program": [
        {"kode": "1", "nama": "A", "pagu": 100},
        {"kode": "2", "nama": "B", "pagu": 200},
        {"kode": "3", "nama": "C", "pagu": 300},
    ]},
}


def edited(**changes):
    data = copy.deepcopy(BASE)
    for fn in changes.values():
        fn(data)
    return data


def apply_plain(data, ops):
    """Apply diff's operations to plain data, as the project would."""
    data = copy.deepcopy(data)
    for kind, path, payload in ops:
        node = data
        for part in path[:-1]:
            node = node[part]
        if kind == "set":
            if payload[1] is ABSENT:
                del node[path[-1]]
            else:
                node[path[-1]] = copy.deepcopy(payload[1])
        else:
            items = node.setdefault(path[-1], [])
            if kind == "insert":
                items.insert(payload[0], copy.deepcopy(payload[1]))
            else:
                del items[payload[0]]
    return data


def test_edits_to_different_keys_are_combined():
    ours = edited(a=lambda d: d["meta"].__setitem__("instansi", "Dinas Sosial"))
    theirs = edited(a=lambda d: d["meta"].__setitem__("tahun", 2025))
    result = merge3(BASE, ours, theirs)
    assert result.konflik == []
    assert result.data["meta"] == {"instansi": "Dinas Sosial", "tahun": 2025}


def test_edits_to_different_rows_are_combined_also_when_a_row_was_inserted_before():
    ours = edited(a=lambda d: d["anggaran"]["program"][2].__setitem__("pagu", 333))
    theirs = edited(a=lambda d: d["anggaran"]["program"].insert(0, {"kode": "0", "nama": "Z",
                                                                     "pagu": 1}),
                    b=lambda d: d["anggaran"]["program"][1].__setitem__("nama", "AA"))
    result = merge3(BASE, ours, theirs)
    assert result.konflik == []
    rows = result.data["anggaran"]["program"]
    assert [r["kode"] for r in rows] == ["0", "1", "2", "3"]
    assert rows[1]["nama"] == "AA" and rows[3]["pagu"] == 333


def test_rows_added_on_both_sides_are_both_kept():
    ours = edited(a=lambda d: d["anggaran"]["program"].append({"kode": "4", "pagu": 4}))
    theirs = edited(a=lambda d: d["anggaran"]["program"].append({"kode": "5", "pagu": 5}))
    result = merge3(BASE, ours, theirs)
    assert result.konflik == []
    assert [r["kode"] for r in result.data["anggaran"]["program"]] == ["1", "2", "3", "4", "5"]


def test_a_value_changed_on_both_sides_is_a_conflict_decided_per_value():
    ours = edited(a=lambda d: d["meta"].__setitem__("tahun", 2025),
                  b=lambda d: d["meta"].__setitem__("instansi", "X"))
    theirs = edited(a=lambda d: d["meta"].__setitem__("tahun", 2026),
                    b=lambda d: d["meta"].__setitem__("instansi", "Y"))
    first = merge3(BASE, ours, theirs)
    assert [k.path for k in first.konflik] == [("meta", "instansi"), ("meta", "tahun")]
    assert first.data["meta"] == {"instansi": "X", "tahun": 2025}  # ours until decided
    chosen = merge3(BASE, ours, theirs, [KAMI, MEREKA])
    assert chosen.data["meta"] == {"instansi": "X", "tahun": 2026}


def test_types_are_told_apart():
    assert not same(1, 1.0) and not same(1, True) and same({"a": [1]}, {"a": [1]})
    result = merge3({"x": 1}, {"x": 1.0}, {"x": True})
    assert len(result.konflik) == 1


def test_a_row_removed_on_one_side_and_edited_on_the_other_is_a_conflict():
    ours = edited(a=lambda d: d["anggaran"]["program"].pop(1))
    theirs = edited(a=lambda d: d["anggaran"]["program"][1].__setitem__("pagu", 222))
    result = merge3(BASE, ours, theirs)
    assert len(result.konflik) == 1 and result.konflik[0].ours is ABSENT
    assert len(merge3(BASE, ours, theirs, [MEREKA]).data["anggaran"]["program"]) == 3
    assert len(result.data["anggaran"]["program"]) == 2


def test_align_matches_an_edited_row_in_place():
    mapping, inserted = align([{"a": 1, "b": 2}, {"a": 3, "b": 4}], [{"a": 1, "b": 9},
                                                                    {"a": 3, "b": 4}])
    assert mapping == [0, 1] and inserted == []


# -- properties over random data ------------------------------------------------------------

scalars = st.one_of(st.integers(-5, 5), st.booleans(), st.sampled_from(["a", "b", "c"]),
                    st.sampled_from([0.5, 1.0]))
keys = st.sampled_from(["k", "l", "m", "n"])
rows = st.lists(st.dictionaries(keys, scalars, min_size=1, max_size=3), max_size=4)
tables = st.dictionaries(keys, st.one_of(scalars, rows,
                                         st.dictionaries(keys, scalars, max_size=3)), max_size=4)


@settings(max_examples=300, deadline=None)
@given(tables, tables)
def test_diff_takes_one_version_to_the_other(old, new):
    assert same(apply_plain(old, diff(old, new)), new)


@settings(max_examples=100, deadline=None)
@given(tables, tables)
def test_diff_applied_through_the_project_gives_the_new_version(old, new):
    import tomlkit

    from lakip_tui.merge import apply_ops

    project = Project(tomlkit.dumps(old))
    apply_ops(project, diff(project.data, new))
    assert same(project.data, new)
    assert same(Project(project.render_text()).data, new)


@settings(max_examples=300, deadline=None)
@given(tables, tables)
def test_one_sided_changes_merge_to_that_side(base, other):
    assert same(merge3(base, other, base).data, other)
    assert same(merge3(base, base, other).data, other)
    result = merge3(base, other, other)
    assert same(result.data, other) and result.konflik == []


@settings(max_examples=300, deadline=None)
@given(tables, tables, tables)
def test_the_merge_keeps_what_only_one_side_changed(base, ours, theirs):
    result = merge3(base, ours, theirs)
    for key in set(base) | set(ours) | set(theirs):
        b, o, t = (d.get(key, ABSENT) for d in (base, ours, theirs))
        m = result.data.get(key, ABSENT)
        if same(b, o):
            assert same(m, t)
        elif same(b, t):
            assert same(m, o)
    # choosing theirs for every conflict and ours for every conflict both give valid data
    choices = [MEREKA] * len(result.konflik)
    assert len(merge3(base, ours, theirs, choices).konflik) == len(result.konflik)
