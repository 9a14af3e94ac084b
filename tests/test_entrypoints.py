"""The entry-point reader gives what importlib.metadata gives, without its start-up cost."""

from __future__ import annotations

import sys
from pathlib import Path

from lakip_tui import entrypoints
from lakip_tui.entrypoints import entry_points


def _dist(folder: Path, dirname: str, entry_points_txt: str | None, version: str = "1.0",
          header: str = "METADATA") -> Path:
    meta = folder / dirname
    meta.mkdir(parents=True)
    (meta / header).write_text(f"Metadata-Version: 2.1\nName: x\nVersion: {version}\n\n"
                               "Version: 9.9 (in the description, not a header)\n",
                               encoding="utf-8")
    if entry_points_txt is not None:
        (meta / "entry_points.txt").write_text(entry_points_txt, encoding="utf-8")
    return meta


def _as_tuples(points) -> list[tuple[str, str, str]]:
    return sorted((p.name, p.value, p.version) for p in points)


def test_reads_the_group_and_nothing_else(tmp_path):
    _dist(tmp_path, "alpha_pkg-2.3.1.dist-info",
          "[console_scripts]\nalpha = alpha.cli:main\n\n"
          "# a comment\n[lakip_tui]\nbab_alpha = alpha_bab\n"
          "bab_beta = alpha.more:plugin.inner [extra]\n", version="2.3.1")
    _dist(tmp_path, "no_points-1.0.dist-info", None)
    _dist(tmp_path, "old_style.egg-info", "[lakip_tui]\nlama = old_style\n", version="0.5",
          header="PKG-INFO")
    found = _as_tuples(entry_points("lakip_tui", [str(tmp_path)]))
    assert found == [("bab_alpha", "alpha_bab", "2.3.1"),
                     ("bab_beta", "alpha.more:plugin.inner", "2.3.1"),
                     ("lama", "old_style", "0.5")]


def test_first_copy_of_a_package_on_the_path_wins(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    _dist(first, "Same_Pkg-2.0.dist-info", "[lakip_tui]\nbab = new_version\n", version="2.0")
    _dist(second, "same.pkg-1.0.dist-info", "[lakip_tui]\nbab = old_version\n"
          "only_old = old_extra\n", version="1.0")
    found = _as_tuples(entry_points("lakip_tui", [str(first), str(second)]))
    assert found == [("bab", "new_version", "2.0")]


def test_unreadable_path_entries_are_skipped(tmp_path):
    _dist(tmp_path, "p-1.dist-info", "[lakip_tui]\nx = p\n", version="1")
    paths = [str(tmp_path / "missing"), "__editable__.x.finder.__path_hook__", str(tmp_path)]
    assert _as_tuples(entry_points("lakip_tui", paths)) == [("x", "p", "1")]


def test_a_zip_on_the_path_hands_the_question_to_importlib(tmp_path, monkeypatch):
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + bytes(18))
    asked = []
    monkeypatch.setattr(entrypoints, "_from_importlib", lambda group: asked.append(group) or [])
    assert entry_points("lakip_tui", [str(archive)]) == []
    assert asked == ["lakip_tui"]


def test_load_follows_module_and_attribute(tmp_path, monkeypatch):
    package = tmp_path / "ep_probe_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("class plugin:\n    inner = 'isi'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    point = entrypoints.EntryPoint("probe", "ep_probe_pkg : plugin.inner", "1")
    assert point.load() == "isi"
    assert entrypoints.EntryPoint("probe", "ep_probe_pkg", "1").load() is sys.modules["ep_probe_pkg"]


def test_same_answer_as_importlib_metadata_here():
    for group in ("lakip_tui", "console_scripts", "pytest11"):
        assert _as_tuples(entry_points(group)) == _as_tuples(entrypoints._from_importlib(group))
    assert {p.name for p in entry_points("lakip_tui")} >= {
        "profil", "pmks", "perjanjian_kinerja", "akuntabilitas", "anggaran"}
