"""`lakip check` for reviewers: folders walked recursively, non-project TOML skipped and listed,
files checked in parallel, each result with instansi/pemda/tahun, findings with line and column
and stated/computed values, CSV for a spreadsheet, and docs/check-json.md kept true."""

from __future__ import annotations

import csv
import importlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.check_command import CSV_COLUMNS, Target, check_all, collect
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
DOC = ROOT / "docs" / "check-json.md"
GOOD = """format = 1
[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Contoh"
tahun = 2024
"""


@pytest.fixture
def reviewer_folder(tmp_path):
    """The example, a broken file, a pyproject.toml and a hidden folder, some in a subfolder."""
    folder = tmp_path / "kota"
    (folder / "dinas" / "lain").mkdir(parents=True)
    (folder / ".git").mkdir()
    shutil.copy(EXAMPLE, folder / "dinsos.toml")
    (folder / "dinas" / "a.toml").write_text(GOOD, encoding="utf-8")
    (folder / "dinas" / "lain" / "rusak.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    (folder / "dinas" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (folder / ".git" / "config.toml").write_text("[core]\n", encoding="utf-8")
    return folder


def test_a_folder_is_walked_into_subfolders_skipping_hidden_ones(reviewer_folder):
    found = [t.path.relative_to(reviewer_folder).as_posix() for t in collect([str(reviewer_folder)])]
    assert found == ["dinas/a.toml", "dinas/lain/rusak.toml", "dinas/pyproject.toml",
                     "dinsos.toml"]


def test_batch_json_has_meta_skips_non_projects_and_survives_a_broken_file(reviewer_folder,
                                                                          capsys):
    assert main(["check", "--json", str(reviewer_folder)]) == 2
    out, err = capsys.readouterr()
    by_name = {Path(r["file"]).name: r for r in json.loads(out)}
    assert set(by_name) == {"a.toml", "rusak.toml", "pyproject.toml", "dinsos.toml"}
    assert "skipped" in by_name["pyproject.toml"] and "findings" not in by_name["pyproject.toml"]
    assert "rusak.toml:2:6" in by_name["rusak.toml"]["error"]
    dinsos = by_name["dinsos.toml"]
    assert (dinsos["instansi"], dinsos["pemda"], dinsos["tahun"]) == (
        "Dinas Sosial Kota Binjai", "Pemerintah Kota Binjai", 2024)
    assert dinsos["summary"]["error"] > 0
    assert "pyproject.toml: dilewati" in err and "rusak.toml:2:6" in err


def test_a_non_project_toml_named_on_its_own_is_still_checked(tmp_path, capsys):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["check", "--json", str(other)]) == 1
    assert "umum.meta-hilang" in {f["code"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_every_finding_has_the_line_and_column_where_its_path_is_written(capsys):
    assert main(["check", "--json", str(EXAMPLE)]) == 1
    report = json.loads(capsys.readouterr().out)
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert report["findings"]
    for finding in report["findings"]:
        line, column = finding["line"], finding["column"]
        assert line is not None, finding["location"]
        written = lines[line - 1][column - 1:]
        last_key = next((p for p in reversed(finding["path"]) if isinstance(p, str)), "")
        # the key itself, or the [[table]] header / array element standing for the path
        assert written.startswith((last_key, "[", "{", '"')) or written[:1].isdigit(), \
            (finding["location"], written[:40])
    kode = next(f for f in report["findings"] if f["code"] == "anggaran.kode-induk-tidak-cocok")
    assert lines[kode["line"] - 1].strip() == 'kode = "1.06.06.2.01"'


def test_a_written_figure_and_the_computed_one_are_separate_fields(capsys):
    main(["check", "--json", str(EXAMPLE)])
    report = json.loads(capsys.readouterr().out)
    stated = [f for f in report["findings"] if f["code"] == "anggaran.tertulis-berbeda"]
    assert stated and all(isinstance(f["computed"], int) for f in stated)
    first = next(f for f in stated if f["location"] == "anggaran.program[1].realisasi_tertulis")
    assert (first["stated"], first["computed"]) == (0, 66813800)
    div0 = next(f for f in report["findings"] if f["code"] == "anggaran.tertulis-div0")
    assert div0["stated"] == "#DIV/0!" and div0["computed"] is None
    others = [f for f in report["findings"] if "tertulis" not in f["code"]]
    assert all(f["stated"] is None and f["computed"] is None for f in others
               if f["code"].startswith("anggaran.kode"))


def test_parallel_check_gives_the_same_results_as_one_process(reviewer_folder):
    targets = collect([str(reviewer_folder)]) * 2
    serial = check_all(targets, workers=1)
    parallel = check_all(targets, workers=2)
    assert parallel == serial
    assert [r["file"] for r in parallel] == [str(t.path) for t in targets]


def test_csv_has_one_row_per_finding_and_the_agency_on_every_row(reviewer_folder, capsys):
    main(["check", "--format", "csv", str(reviewer_folder)])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    dinsos = [r for r in rows if r["file"].endswith("dinsos.toml")]
    findings = run_checks(Project.load(EXAMPLE).data, load_registry(), EXAMPLE)
    assert len(dinsos) == len(findings)
    assert {r["instansi"] for r in dinsos} == {"Dinas Sosial Kota Binjai"}
    status = {Path(r["file"]).name: r["status"] for r in rows}
    assert status["rusak.toml"] == "tidak-terbaca" and status["pyproject.toml"] == "dilewati"
    assert status["a.toml"] == "diperiksa"
    assert any(r["stated"] == "0" and r["computed"] == "66813800" for r in dinsos)


def test_csv_cells_that_would_be_formulas_are_defused_and_control_characters_removed(
        tmp_path, capsys):
    path = tmp_path / "jahat.toml"
    path.write_text(GOOD.replace('"Dinas Contoh"', '"=HYPERLINK(\\"x\\")\\u001b]52;c;AAA\\u0007"'),
                    encoding="utf-8")
    main(["check", "--format", "csv", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["instansi"].startswith("'=HYPERLINK") for row in rows)
    main(["check", "--json", str(path)])
    assert "\x1b" not in capsys.readouterr().out


def test_every_code_on_the_json_page_is_one_lakip_raises():
    """The page once showed `anggaran.kode-induk`, a code that never existed."""
    codes = set(re.findall(r'"code": "([a-z_]+\.[a-z0-9-]+)"', DOC.read_text(encoding="utf-8")))
    codes |= set(re.findall(r"`([a-z_]+\.[a-z0-9-]+)`", DOC.read_text(encoding="utf-8"))) - {
        "pyproject.toml"}
    raised = {f.code for f in run_checks(Project.load(EXAMPLE).data, load_registry(), EXAMPLE)}
    raised.add("plugin.gagal")  # raised by a broken plugin; the example has none
    for chapter in ("akuntabilitas", "anggaran", "perjanjian_kinerja", "pmks", "profil"):
        # the table of checks that fill stated/computed names codes the example does not raise
        raised |= set(importlib.import_module(f"lakip_{chapter}.validasi").KODE_TEMUAN)
    assert codes and codes <= raised, codes - raised


def test_the_page_example_matches_a_real_run(capsys):
    """The example's first finding is printed exactly as lakip prints it."""
    main(["check", "--json", str(EXAMPLE)])
    report = json.loads(capsys.readouterr().out)
    block = re.search(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S).group(1)
    shown = json.loads(block)
    assert shown["summary"] == report["summary"]
    real = {f["location"]: f for f in report["findings"]}
    first = shown["findings"][0]
    assert real[first["location"]] == first
    assert list(first) == list(real[first["location"]])  # same field order
