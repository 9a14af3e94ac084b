"""Input the engine refuses with exit 2 and an Indonesian message instead of a crash (exit 3
"galat internal"), and values TOML cannot hold (issue 10 item 8)."""

from __future__ import annotations

import errno
import os

import pytest

from lakip_tui.cli import main
from lakip_tui.errors import LakipError
from lakip_tui.project import Project

DEEP_ARRAY = "format = 1\nx = " + "[" * 500 + "]" * 500 + "\n"
DEEP_TABLE = "format = 1\nx = " + "{a = " * 500 + "1" + "}" * 500 + "\n"
NOT_TABLES = ["format = 1\nmeta = \"x\"\n", "format = 1\nplugins = \"x\"\n",
              "format = 1\n[plugins]\nfiles = \"bab.py\"\n"]


@pytest.mark.parametrize("text", [DEEP_ARRAY, DEEP_TABLE, "format = 1\nx = " + "[" * 70
                                  + "1" + "]" * 70 + "\n", *NOT_TABLES,
                                  "format = 1\n[meta]\npagu = 1000000000000000000000000000000\n"],
                         ids=["array500", "table500", "array70", "meta", "plugins",
                              "plugins-files", "10^30"])
@pytest.mark.parametrize("command", ["check", "export"])
def test_bad_shapes_exit_2_with_an_indonesian_line(tmp_path, capsys, text, command):
    path = tmp_path / "p.toml"
    path.write_text(text, encoding="utf-8")
    assert main([command, str(path), *(["-o", str(tmp_path / "x.txt")]
                                      if command == "export" else [])]) == 2
    err = capsys.readouterr().err
    assert "galat internal" not in err and str(path) in err
    assert any(word in err for word in ("terlalu", "harus berupa"))


def test_a_big_integer_is_named_with_its_place(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text("format = 1\n[[anggaran.program]]\npagu = 10000000000000000000\n")
    with pytest.raises(LakipError, match="terlalu besar") as refused:
        Project.load(path)
    assert "anggaran.program[0].pagu" in refused.value.where


def test_a_value_beyond_64_bits_is_refused_by_the_engine(tmp_path):
    project = Project("format = 1\n[meta]\npagu = 1\n")
    for value in (10 ** 30, 2 ** 63, -(2 ** 63) - 1, [1, 10 ** 30], {"a": 10 ** 19}):
        with pytest.raises(LakipError, match="terlalu besar"):
            project.set(("meta", "pagu"), value)
    project.set(("meta", "pagu"), 2 ** 63 - 1)  # the largest TOML integer is fine
    assert not project.can_redo and project.get(("meta", "pagu")) == 2 ** 63 - 1


def test_lakip_new_turns_a_write_error_into_exit_2(tmp_path, capsys, monkeypatch):
    target = tmp_path / "baru.toml"

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code = main(["new", str(target), "--instansi", "Dinas Sosial", "--pemda", "Kota X",
                 "--tahun", "2025"])
    err = capsys.readouterr().err
    assert code == 2 and "galat internal" not in err and "gagal menulis" in err
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
