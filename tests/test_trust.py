"""A received project file runs nothing until the user allowed its plugin files (issue 12, item 1).

The plugin of these tests leaves a marker file when its code runs at all (at import), so
"not run" means exactly that: not one line of it was executed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.trust import ALLOWED, CHANGED, DENIED, NOT_ALLOWED, TrustStore, store_path

ROOT = Path(__file__).parent.parent

PLUGIN = '''
from pathlib import Path
Path({marker!r}).write_text("dijalankan", encoding="utf-8")

from lakip_tui.chapter import Chapter
from lakip_tui.hookspecs import hookimpl
from lakip_tui.report import Paragraph, Section


@hookimpl
def lakip_register_chapters(register):
    register(Chapter(key="inovasi", title="Lampiran Inovasi Daerah", order=50))


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == "inovasi":
        return [Section("A. Inovasi", (Paragraph(data["inovasi"]["nama"]),))]
'''

PROJECT = '''format = 1
[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Contoh"
tahun = 2024

[plugins]
files = [{files}]

[inovasi]
nama = "Aplikasi Sapa Warga"  # data of the plugin's chapter: never lost
'''


@pytest.fixture
def env(tmp_path, monkeypatch):
    """No built-in chapter (their output is not the point), the user's config in tmp_path."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("LAKIP_LOAD_PLUGINS", raising=False)
    monkeypatch.setenv("LAKIP_DISABLE_PLUGINS", "profil,pmks,perjanjian_kinerja,akuntabilitas,"
                                                "anggaran")
    return tmp_path


def received(folder: Path, name: str = "inovasi.py", where: str = "relatif") -> tuple[Path, Path, Path]:
    """A project as received: (project file, plugin file, marker the plugin leaves)."""
    project_dir = folder / "kiriman"
    project_dir.mkdir(exist_ok=True)
    marker = folder / "DIJALANKAN"
    if where == "relatif":
        plugin, named = project_dir / name, name
    elif where == "naik":
        (folder / "lain").mkdir(exist_ok=True)
        plugin, named = folder / "lain" / name, f"../lain/{name}"
    else:
        plugin = folder / "mutlak" / name
        plugin.parent.mkdir(exist_ok=True)
        named = str(plugin)
    plugin.write_text(PLUGIN.format(marker=str(marker)), encoding="utf-8")
    project = project_dir / "dinas-2024.toml"
    project.write_text(PROJECT.format(files=json.dumps(named)), encoding="utf-8")
    return project, plugin, marker


@pytest.mark.parametrize("where", ["relatif", "naik", "mutlak"])
def test_check_of_a_received_project_runs_no_plugin_file(env, capsys, where):
    project, plugin, marker = received(env, where=where)
    code = main(["check", str(project)])
    out = capsys.readouterr().out
    assert not marker.exists()
    assert "Plugin 'inovasi'" in out and "tidak dimuat" in out
    assert "belum Anda izinkan" in out and "lakip allow" in out
    assert "Bagian [inovasi] tidak diperiksa dan tidak dicetak" in out
    assert code == 0  # a warning: the file itself is not wrong


def test_check_json_and_folder_checks_run_no_plugin_file(env, capsys):
    project, _plugin, marker = received(env)
    main(["check", "--json", str(project)])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert {"plugin.belum-diizinkan", "plugin.bagian-tanpa-plugin"} <= {f["code"] for f in findings}
    main(["check", str(project.parent)])
    main(["check", "--json", str(project.parent)])
    assert not marker.exists()


def test_export_runs_no_plugin_file_and_says_what_is_missing(env, capfd):
    project, _plugin, marker = received(env)
    assert main(["export", str(project), "-o", "-"]) == 0
    captured = capfd.readouterr()
    assert not marker.exists()
    assert "Plugin 'inovasi'" in captured.err and "tidak dimuat" in captured.err
    assert "Bagian [inovasi] tidak diperiksa dan tidak dicetak" in captured.err
    assert "Aplikasi Sapa Warga" not in captured.out


def test_the_read_only_editor_runs_no_plugin_file(env):
    import argparse

    from lakip_tui.tui.app import prepare

    project, _plugin, marker = received(env)
    app = prepare(argparse.Namespace(file=str(project), no_mouse=False, read_only=True, plugin=[]))
    assert not marker.exists()
    assert [u.name for u in app.registry.untrusted] == ["inovasi"]


def test_allowed_file_runs_and_a_changed_file_must_be_allowed_again(env, capsys):
    project, plugin, marker = received(env)
    assert main(["allow", str(plugin)]) == 0
    assert "Diizinkan" in capsys.readouterr().out
    stored = json.loads(store_path().read_text(encoding="utf-8"))
    assert stored["allowed"][0]["path"] == str(plugin.resolve())
    assert len(stored["allowed"][0]["sha256"]) == 64
    assert store_path().is_relative_to(env / "config")  # the user's config folder

    main(["check", str(project)])
    assert marker.exists()
    assert "tidak dimuat" not in capsys.readouterr().out

    marker.unlink()
    plugin.write_text(plugin.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    main(["check", str(project)])
    out = capsys.readouterr().out
    assert not marker.exists()
    assert "isinya berubah sejak Anda izinkan" in out


def test_deny_forgets_the_allowance(env, capsys):
    project, plugin, marker = received(env)
    main(["allow", str(plugin)])
    assert main(["deny", str(plugin)]) == 0
    main(["check", str(project)])
    assert not marker.exists()
    assert "Anda menolak menjalankannya" in capsys.readouterr().out
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == DENIED
    main(["allow", str(plugin)])  # undoes the refusal
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == ALLOWED


def test_allow_of_a_missing_file_is_one_indonesian_line_and_exit_2(env, capsys):
    assert main(["allow", str(env / "tidak-ada.py")]) == 2
    err = capsys.readouterr().err
    assert "berkas plugin tidak ditemukan" in err and "Traceback" not in err


@pytest.mark.parametrize("switch", [{"LAKIP_LOAD_PLUGINS": ""},
                                    {"LAKIP_DISABLE_PLUGINS": "inovasi"},
                                    {"LAKIP_LOAD_PLUGINS": "pmks"}])
def test_the_environment_switches_apply_to_project_files(env, switch):
    project, plugin, marker = received(env)
    TrustStore().allow(plugin, plugin.read_bytes())
    loaded = Project.load(project)
    registry = load_registry(data=loaded.data, project_path=loaded.path, env=switch)
    assert not marker.exists()
    assert registry.infos["inovasi"].status == "dinonaktifkan"
    assert registry.untrusted == []  # switched off: nothing to ask about either
    codes = [f.code for f in run_checks(loaded.data, registry)]
    assert "plugin.belum-diizinkan" not in codes  # switched off: the user's own choice
    assert "plugin.bagian-tanpa-plugin" not in codes


def test_a_file_given_on_the_command_line_is_the_users_own_choice(env, capsys):
    project, plugin, marker = received(env)
    main(["check", str(project), "--plugin", str(plugin)])
    assert marker.exists()
    assert "tidak dimuat" not in capsys.readouterr().out  # and not held back a second time


def test_allowing_runs_exactly_the_bytes_that_were_shown(env):
    project, plugin, marker = received(env)
    loaded = Project.load(project)
    registry = load_registry(data=loaded.data, project_path=loaded.path)
    [item] = registry.untrusted
    assert item.decision.state == NOT_ALLOWED
    plugin.write_text("raise SystemExit('kode lain diselipkan')\n", encoding="utf-8")
    registry.allow_untrusted(item)
    assert marker.exists() and "inovasi" in registry.chapters
    assert registry.untrusted == []
    assert not any(p.code == "plugin.belum-diizinkan" for p in registry.problems)
    # what was recorded is the content shown, so the swapped file is not allowed
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == CHANGED


def test_an_unreadable_store_allows_nothing(env):
    project, plugin, marker = received(env)
    store_path().parent.mkdir(parents=True)
    store_path().write_text("{ rusak", encoding="utf-8")
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == NOT_ALLOWED
    main(["check", str(project)])
    assert not marker.exists()


def test_lakip_help_lists_allow_and_deny():
    out = subprocess.run([sys.executable, "-m", "lakip_tui", "--help"], capture_output=True,
                         text=True, cwd=ROOT, env={**os.environ}).stdout
    assert "allow" in out and "deny" in out
