"""For plugin authors (issue 12): `lakip plugin new NAME` writes a package whose own test passes,
`lakip_tui.testing` gives that test its helpers, and the example third-party plugin in
examples/ (Inovasi dan Pengaduan) works in check, export and the editor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from lakip_tui.cli import main
from lakip_tui.testing import check, edit, load, render_text

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "lakip-inovasi"


def run_pytest(folder: Path) -> subprocess.CompletedProcess:
    """The package's own tests, run as its author runs them (from its folder)."""
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                          cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def test_plugin_new_writes_a_package_whose_test_passes(tmp_path, capsys):
    assert main(["plugin", "new", "sumber_dana", "--folder", str(tmp_path)]) == 0
    root = tmp_path / "lakip-sumber-dana"
    assert "pip install -e ." in capsys.readouterr().out
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == ["README.md", "lakip_sumber_dana/__init__.py", "lakip_sumber_dana/chapter.py",
                     "pyproject.toml", "tests/test_sumber_dana.py"]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '[project.entry-points.lakip_tui]\nsumber_dana = "lakip_sumber_dana"' in pyproject
    code = "\n".join(p.read_text(encoding="utf-8") for p in (root / "lakip_sumber_dana").glob("*.py"))
    assert "from lakip_tui.api import" in code and "lakip_tui." not in code.replace("lakip_tui.api", "")
    done = run_pytest(root)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout


@pytest.mark.parametrize("name, message", [("Inovasi", "tidak valid"), ("anggaran", "sudah dipakai"),
                                           ("1x", "tidak valid")])
def test_plugin_new_refuses_a_bad_name(tmp_path, capsys, name, message):
    assert main(["plugin", "new", name, "--folder", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


def test_plugin_new_never_overwrites(tmp_path, capsys):
    assert main(["plugin", "new", "inovasi", "--folder", str(tmp_path)]) == 0
    assert main(["plugin", "new", "inovasi", "--folder", str(tmp_path)]) == 2
    assert "folder sudah ada" in capsys.readouterr().err


# -- the example third-party plugin ---------------------------------------------------------------


@pytest.fixture
def inovasi(monkeypatch):
    monkeypatch.syspath_prepend(str(EXAMPLE))
    import lakip_inovasi

    return lakip_inovasi


def test_the_example_plugin_passes_its_own_tests():
    done = run_pytest(EXAMPLE)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_the_example_imports_only_the_public_api():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (EXAMPLE / "lakip_inovasi").glob("*.py"))
    imports = [line for line in code.splitlines() if "lakip_tui" in line and "import" in line]
    assert imports and all("lakip_tui.api" in line for line in imports)


def test_the_example_works_beside_the_built_ins(inovasi):
    registry = load(inovasi, built_ins=["profil", "anggaran"])
    assert {"inovasi", "anggaran"} <= set(registry.chapters)
    assert not registry.problems
    project = (EXAMPLE / "contoh.toml").read_text(encoding="utf-8")
    codes = {f.code for f in check(registry, project)}
    assert "pengaduan.belum-selesai" in codes
    text = render_text(registry, "inovasi", project)
    assert "Tabel L.2 Pengaduan Masyarakat" in text
    result = edit(load(inovasi), project, "inovasi", ["down", "enter", *"Sapa Warga 2", "enter"],
                  bagian="daftar")
    assert result.data["inovasi"]["daftar"][1]["nama"] == "Sapa Warga 2"
