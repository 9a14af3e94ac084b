"""`lakip` on the command line: exit codes, messages, JSON, `new`, `plugins`, import hygiene."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lakip_tui.cli import main

ROOT = Path(__file__).parent.parent
PLUGINS = Path(__file__).parent / "fixtures" / "plugins"
GOOD = """format = 1
[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Contoh"
tahun = 2024
"""


@pytest.fixture
def no_plugins(monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")


@pytest.fixture
def project(tmp_path):
    path = tmp_path / "contoh.toml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lakip_tui", *argv], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "LAKIP_LOAD_PLUGINS": ""})


def test_check_clean_project_exits_0(project, no_plugins, capsys):
    assert main(["check", str(project)]) == 0
    assert "0 galat" in capsys.readouterr().out


def test_check_with_errors_exits_1_and_groups_by_chapter(tmp_path, no_plugins, capsys):
    path = tmp_path / "x.toml"
    path.write_text('format = 1\n[meta]\npemda = ""\ninstansi = "Dinas"\ntahun = "2024"\n',
                    encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "== Umum ==" in out
    assert "meta.tahun" in out and "GALAT" in out
    assert "umum.tahun-tidak-valid" in out


def test_strict_turns_warnings_into_failure(tmp_path, no_plugins, capsys):
    path = tmp_path / "x.toml"
    path.write_text(GOOD.replace("format = 1\n", ""), encoding="utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1


def test_check_json_schema(project, no_plugins, capsys):
    assert main(["check", "--json", "--plugin", str(PLUGINS / "inovasi.py"), str(project)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == 1
    assert report["summary"] == {"error": 0, "warning": 1, "info": 0}
    (finding,) = report["findings"]
    assert finding == {
        "severity": "warning", "code": "inovasi.nama-kosong", "chapter": "inovasi",
        "path": ["inovasi", "nama"], "location": "inovasi.nama",
        "message": "Nama inovasi belum diisi",
        # [inovasi] is not written in the file, nor any ancestor: no line to point at
        "line": None, "column": None, "stated": None, "computed": None,
    }


def test_malformed_file_exits_2_without_traceback(tmp_path):
    bad = tmp_path / "rusak.toml"
    bad.write_text("format = 1\n[meta\n", encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{bad}:2:6" in result.stderr and "baris 2" in result.stderr


def test_missing_file_and_bad_arguments_exit_2(tmp_path):
    result = run("check", str(tmp_path / "tidak-ada.toml"))
    assert result.returncode == 2 and "tidak ditemukan" in result.stderr
    result = run("check")
    assert result.returncode == 2 and "argumen tidak valid" in result.stderr
    assert "Traceback" not in result.stderr


def test_help_and_check_never_import_textual(project):
    code = (
        "import sys\n"
        "from lakip_tui.cli import main\n"
        f"main(['check', {str(project)!r}])\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "main(['plugins'])\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('bersih')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "bersih" in result.stdout


def test_new_writes_a_parseable_commented_project(tmp_path, capsys):
    target = tmp_path / "baru.toml"
    assert main(["new", str(target), "--instansi", 'Dinas "Sosial"', "--pemda", "Kota X",
                 "--tahun", "2025"]) == 0
    text = target.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["format"] == 1
    assert data["meta"] == {**data["meta"], "instansi": 'Dinas "Sosial"', "pemda": "Kota X",
                            "tahun": 2025}
    assert "# " in text  # explained for the planner
    assert main(["check", str(target)]) in (0, 1)  # a fresh file is readable by check


def test_new_with_every_plugin_disabled_still_works(tmp_path, no_plugins):
    target = tmp_path / "kosong.toml"
    assert main(["new", str(target), "--instansi", "Dinas", "--pemda", "Kota", "--tahun",
                 "2025"]) == 0
    assert main(["check", str(target)]) == 0


def test_new_includes_plugin_defaults_and_refuses_to_overwrite(tmp_path, no_plugins, capsys):
    target = tmp_path / "baru.toml"
    args = ["new", str(target), "--instansi", "Dinas", "--pemda", "Kota", "--tahun", "2025",
            "--plugin", str(PLUGINS / "inovasi.py")]
    assert main(args) == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["inovasi"] == {"nama": ""}
    before = target.read_bytes()
    assert main(args) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert target.read_bytes() == before


def test_plugins_lists_status_and_hooks(no_plugins, capsys):
    assert main(["plugins", "--plugin", str(PLUGINS / "inovasi.py"),
                 "--plugin", str(PLUGINS / "rusak_impor.py")]) == 0
    out = capsys.readouterr().out
    assert "inovasi  [aktif]" in out and "bab:  inovasi" in out
    assert "lakip_validate" in out
    assert "rusak_impor  [gagal]" in out and "modul ini rusak" in out


def test_plugins_json(no_plugins, capsys):
    assert main(["plugins", "--json", "--plugin", str(PLUGINS / "inovasi.py")]) == 0
    infos = {i["name"]: i for i in json.loads(capsys.readouterr().out)}
    assert infos["inovasi"]["chapters"] == ["inovasi"] and infos["inovasi"]["status"] == "aktif"
    assert infos["profil"]["status"] == "dinonaktifkan"  # switched off by LAKIP_LOAD_PLUGINS=""


def test_check_reports_a_broken_plugin_as_error_exit_1(project, no_plugins, capsys):
    assert main(["check", "--plugin", str(PLUGINS / "rusak_hook.py"), str(project)]) == 1
    out = capsys.readouterr().out
    assert "== Plugin rusak_hook ==" in out and "ZeroDivisionError" in out


def test_editor_options_may_come_before_the_file(monkeypatch, project):
    import lakip_tui.cli as cli

    seen = {}
    monkeypatch.setitem(cli._COMMANDS, "edit", lambda args: seen.setdefault("args", args) and 0)
    assert main(["--no-mouse", str(project)]) == 0
    assert seen["args"].no_mouse and seen["args"].file == str(project)


def test_a_reviewer_checks_a_folder_and_a_bad_file_does_not_stop_the_rest(tmp_path, no_plugins,
                                                                           capsys):
    folder = tmp_path / "opd"
    folder.mkdir()
    (folder / "a.toml").write_text(GOOD, encoding="utf-8")
    (folder / "b.toml").write_text(GOOD.replace('tahun = 2024', 'tahun = "x"'), encoding="utf-8")
    (folder / "c.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    (folder / "catatan.txt").write_text("bukan proyek", encoding="utf-8")
    assert main(["check", str(folder)]) == 2  # the worst: one file cannot be read
    captured = capsys.readouterr()
    assert "a.toml: 0 galat" in captured.out and "b.toml: 1 galat" in captured.out
    assert "3 berkas: 1 galat, 0 peringatan, 0 info, 1 tidak terbaca" in captured.out
    assert "c.toml:2:6" in captured.err
    assert main(["check", str(folder / "a.toml"), str(folder / "b.toml")]) == 1


def test_a_batch_in_json_is_a_list_of_the_single_file_objects(tmp_path, no_plugins, capsys):
    (tmp_path / "a.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "c.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    assert main(["check", "--json", str(tmp_path)]) == 2
    reports = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in reports] == [str(tmp_path / "a.toml"), str(tmp_path / "c.toml")]
    assert reports[0]["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert reports[0]["findings"] == [] and reports[0]["schema"] == 1
    assert "baris 2" in reports[1]["error"]


def test_an_empty_folder_is_a_clear_error(tmp_path, no_plugins, capsys):
    assert main(["check", str(tmp_path)]) == 2
    assert "tidak berisi berkas .toml" in capsys.readouterr().err
