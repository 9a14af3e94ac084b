"""Switching off any one built-in chapter leaves the others checking and exporting the example."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
BUILT_INS = ["profil", "pmks", "perjanjian_kinerja", "akuntabilitas", "anggaran"]


def lakip(*argv: str, disable: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LAKIP_DISABLE_PLUGINS": disable}
    env.pop("LAKIP_LOAD_PLUGINS", None)
    return subprocess.run([sys.executable, "-m", "lakip_tui", *argv], capture_output=True,
                          text=True, cwd=ROOT, env=env)


@pytest.mark.parametrize("disabled", BUILT_INS)
def test_the_rest_still_checks_and_exports(disabled):
    check = lakip("check", "--json", str(EXAMPLE), disable=disabled)
    assert check.returncode == 1, check.stderr  # the seed's own errors, not a crash (2 or 3)
    assert '"plugin.gagal"' not in check.stdout
    chapters = {line.split('"')[3] for line in check.stdout.splitlines() if '"chapter"' in line}
    assert disabled not in chapters
    export = lakip("export", str(EXAMPLE), "-f", "md", "-o", "-", disable=disabled)
    assert export.returncode == 0, export.stderr
    assert "Traceback" not in export.stderr and "gagal" not in export.stderr
    # every other chapter's part of the report is still there
    expected = {"profil": "\n## BAB I PENDAHULUAN\n",
                "perjanjian_kinerja": "\n## BAB II PERENCANAAN DAN PERJANJIAN KINERJA\n",
                "akuntabilitas": "\n## BAB III AKUNTABILITAS KINERJA\n",
                "anggaran": "Tabel 3.7", "pmks": "Tabel 2.3"}
    for key, marker in expected.items():
        assert (marker in export.stdout) == (key != disabled), (key, marker)
