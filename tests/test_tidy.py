"""`lakip data`: one tidy table per kind of fact, the same rows in Parquet, CSV and JSON Lines,
the figures the plugins compute, every column documented in docs/data.md."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from lakip_tui import kinerja
from lakip_tui.cli import main
from lakip_tui.tidy import gather

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
TABLES = {"instansi", "sasaran", "indikator", "anggaran", "temuan"}


def _load_gen():
    spec = importlib.util.spec_from_file_location("bench_gen", ROOT / "bench" / "gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_gen()


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """Three generated agencies in a subfolder, the example, a broken file, a pyproject.toml."""
    folder = tmp_path_factory.mktemp("kota")
    (folder / "opd").mkdir()
    for bidang in range(3):
        (folder / "opd" / f"opd-{bidang}.toml").write_text(gen.generate_agency(bidang),
                                                          encoding="utf-8")
    shutil.copy(EXAMPLE, folder / "dinsos.toml")
    (folder / "opd" / "rusak.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def parquet(city, tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    assert main(["data", str(city), "-o", str(out)]) == 2  # the broken file, named on stderr
    return out


def read(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


def test_one_table_per_kind_of_fact_and_nothing_from_broken_or_foreign_files(parquet):
    assert {p.stem for p in parquet.iterdir()} == TABLES
    assert not [p for p in parquet.iterdir() if p.name.startswith(".")]  # no temp file left
    mask = os.umask(0)
    os.umask(mask)
    assert all(p.stat().st_mode & 0o777 == 0o666 & ~mask for p in parquet.iterdir())
    files = {Path(r["file"]).name for r in read(parquet, "instansi")}
    assert files == {"opd-0.toml", "opd-1.toml", "opd-2.toml", "dinsos.toml"}


def test_instansi_totals_are_the_agency_own_totals(parquet):
    for row in read(parquet, "instansi"):
        data = tomllib.loads(Path(row["file"]).read_text(encoding="utf-8"))
        total = kinerja.rekap_total(data["anggaran"]["program"])
        assert (row["pagu"], row["realisasi"]) == (total.pagu, total.realisasi)
        assert row["persen_realisasi"] == total.persen
        assert row["tahun"] == data["meta"]["tahun"] and row["instansi"] == data["meta"]["instansi"]
    dinsos = next(r for r in read(parquet, "instansi") if r["file"].endswith("dinsos.toml"))
    assert round(dinsos["persen_realisasi"], 2) == 83.42  # the seed's Tabel 3.6 total
    assert round(dinsos["capaian"], 2) == 99.41 and round(dinsos["efisiensi"], 2) == 0.16


def test_budget_rows_have_level_code_and_parent_and_add_up(parquet):
    rows = [r for r in read(parquet, "anggaran") if r["file"].endswith("dinsos.toml")]
    assert {r["tingkat"] for r in rows} == {"program", "kegiatan", "sub"}
    gaji = next(r for r in rows if r["kode"] == "1.06.01.2.02.0001")
    assert (gaji["tingkat"], gaji["kode_induk"], gaji["pagu"], gaji["realisasi"]) == (
        "sub", "1.06.01.2.02", 3190068739, 3039121635)
    programs = [r for r in rows if r["tingkat"] == "program"]
    subs = [r for r in rows if r["tingkat"] == "sub"]
    assert sum(r["pagu"] for r in programs) == sum(r["pagu"] for r in subs)
    assert sum(r["realisasi"] for r in programs) == sum(r["realisasi"] for r in subs)
    assert programs[0]["pagu"] == 4277622800  # Program Penunjang, as Tabel 3.6 prints it


def test_indicators_carry_target_realisasi_and_capaian(parquet):
    rows = {r["indikator_kode"]: r for r in read(parquet, "indikator")
            if r["file"].endswith("dinsos.toml")}
    iku1 = rows["IKU1"]
    assert (iku1["sasaran_kode"], iku1["target"], iku1["polaritas"]) == ("SS1", 85.0, "positif")
    assert iku1["capaian"] == pytest.approx(iku1["realisasi"] / iku1["target"] * 100)
    generated = [r for r in read(parquet, "sasaran") if "opd-" in r["file"]]
    assert generated and all(r["sasaran_daerah"] for r in generated)


def test_findings_table_is_the_check(parquet, capsys):
    rows = [r for r in read(parquet, "temuan") if r["file"].endswith("dinsos.toml")]
    main(["check", "--json", str(EXAMPLE)])
    report = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["line"]) for r in rows] == [
        (f["code"], f["line"]) for f in report["findings"]]
    stated = next(r for r in rows if r["location"] == "anggaran.program[1].realisasi_tertulis")
    assert (stated["stated"], stated["computed"]) == ("0", 66813800.0)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_hold_the_same_rows(city, parquet, tmp_path, fmt):
    assert main(["data", str(city), "-o", str(tmp_path), "--format", fmt, "--jobs", "1"]) == 2
    for name in TABLES:
        expected = read(parquet, name)
        path = tmp_path / f"{name}.{fmt}"
        if fmt == "csv":
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            assert [r["file"] for r in rows] == [r["file"] for r in expected]
            assert [r.get("pagu") or "" for r in rows] == [
                "" if r.get("pagu") is None else str(r["pagu"]) for r in expected]
        else:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            assert rows == expected


def test_every_column_is_documented(parquet):
    doc = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    for name in TABLES:
        section = re.search(rf"### `{name}`\n(.*?)(?=\n### |\n## |\Z)", doc, re.S)
        assert section, f"table {name} is not documented"
        documented = re.findall(r"^\| `([a-z_]+)` \| (text|int|float) \|", section.group(1), re.M)
        schema = pq.read_schema(parquet / f"{name}.parquet")
        types = {"string": "text", "int64": "int", "double": "float"}
        assert documented == [(f.name, types[str(f.type)]) for f in schema], name


def test_control_characters_never_reach_the_tables(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        'instansi = "Dinas Sosial Kota Binjai"', 'instansi = "Dinas\\u001b]52;c;AAA\\u0007 Sosial"')
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.toml").write_text(text, encoding="utf-8")
    assert main(["data", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                 "--format", "jsonl"]) == 0
    out = (tmp_path / "out" / "instansi.jsonl").read_text(encoding="utf-8")
    assert "\x1b" not in out and "\x07" not in out and "Dinas]52;c;AAA Sosial" in out


def test_without_plugins_the_core_tables_are_still_written(tmp_path, monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")
    facts = gather([str(EXAMPLE)])
    assert set(facts.tables) == {"instansi", "temuan"}
    assert facts.tables["instansi"].rows[0]["instansi"] == "Dinas Sosial Kota Binjai"


def test_nothing_readable_is_a_clear_error_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "rusak.toml"
    bad.write_text("format = 1\n[meta\n", encoding="utf-8")
    assert main(["data", str(bad), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "rusak.toml:2:6" in err and "tidak ada berkas proyek" in err
    assert not (tmp_path / "out").exists()
