"""`lakip check --lke`: each LKE criterion of the report with where its evidence is or what is
missing; the example lacks earlier years' realisasi, and removing evidence is noticed."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from lakip_tui.cli import main
from lakip_tui.lke import KRITERIA

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"


def lke(path: Path, capsys) -> tuple[int, dict]:
    code = main(["check", "--lke", "--json", str(path)])
    return code, json.loads(capsys.readouterr().out)


def status(report: dict) -> dict[str, str]:
    return {k["id"]: k["status"] for k in report["kriteria"]}


def test_the_example_meets_all_but_earlier_years_and_says_where(capsys):
    code, report = lke(EXAMPLE, capsys)
    assert code == 1  # one scored criterion is not met
    assert status(report) == {"struktur": "ada", "target": "ada", "renstra": "ada",
                              "tahun_lalu": "tidak", "analisis": "ada", "efisiensi": "ada",
                              "tindak_lanjut": "ada", "benchmark": "luar"}
    assert report["skor"] == pytest.approx(100 * 6 / 7, abs=0.05)
    tahun_lalu = next(k for k in report["kriteria"] if k["id"] == "tahun_lalu")
    (bukti,) = tahun_lalu["bukti"]
    assert "IKU1" in bukti["keterangan"] and "IKU2" in bukti["keterangan"]
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[bukti["line"] - 1].startswith("[[akuntabilitas.realisasi]]")
    assert "88 Tahun 2021" in report["sumber"]


def test_evidence_taken_away_is_missed(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^langkah = \[.*?^\]\n", "langkah = []\n", text, flags=re.S)
    text = text.replace("[[akuntabilitas.realisasi]]\nindikator = \"IKU2\"\nnilai = 100",
                        "[[akuntabilitas.realisasi]]\nindikator = \"IKU2\"")
    path = tmp_path / "kurang.toml"
    path.write_text(text, encoding="utf-8")
    tomllib.loads(text)
    _code, report = lke(path, capsys)
    assert status(report)["tindak_lanjut"] == "sebagian"  # a conclusion, no steps
    assert status(report)["target"] == "sebagian"
    target = next(k for k in report["kriteria"] if k["id"] == "target")
    assert "belum: IKU2" in target["bukti"][0]["keterangan"]


def test_earlier_years_written_make_the_example_whole(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    for kode in ("IKU1", "IKU2"):
        text = text.replace(f'[[akuntabilitas.realisasi]]\nindikator = "{kode}"\n',
                            f'[[akuntabilitas.realisasi]]\nindikator = "{kode}"\n'
                            'tahun_lalu = { 2023 = 80, 2022 = 75 }\n')
    path = tmp_path / "lengkap.toml"
    path.write_text(text, encoding="utf-8")
    code, report = lke(path, capsys)
    assert status(report)["tahun_lalu"] == "ada"
    assert code == 0 and report["skor"] == 100.0


def test_earlier_years_from_their_own_file_count_too(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "dinsos-2023.toml").write_text(text.replace("tahun = 2024 ", "tahun = 2023 "),
                                               encoding="utf-8")
    path = tmp_path / "dinsos-2024.toml"
    path.write_text(text.replace('pemda = "Pemerintah Kota Binjai"\n',
                                 'pemda = "Pemerintah Kota Binjai"\n'
                                 'tahun_sebelumnya = ["dinsos-2023.toml"]\n', 1),
                    encoding="utf-8")
    _code, report = lke(path, capsys)
    tahun_lalu = next(k for k in report["kriteria"] if k["id"] == "tahun_lalu")
    assert tahun_lalu["status"] == "ada", tahun_lalu
    assert tahun_lalu["bukti"][0]["location"] == "meta.tahun_sebelumnya"


def test_without_plugins_every_content_criterion_is_missing(monkeypatch, capsys):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")
    code, report = lke(EXAMPLE, capsys)
    assert code == 1
    assert all(s == "tidak" for i, s in status(report).items() if i not in ("struktur", "benchmark"))


def test_text_output_names_each_criterion_and_the_source(capsys):
    main(["check", "--lke", str(EXAMPLE)])
    out = capsys.readouterr().out
    for nomor, k in enumerate(KRITERIA, start=1):
        assert f"{nomor}. [" in out and k.judul in out
    assert "Permenpan RB Nomor 88 Tahun 2021" in out and "bukan nilai evaluator" in out


def test_every_criterion_is_documented():
    doc = (ROOT / "docs" / "lke.md").read_text(encoding="utf-8")
    assert "88 Tahun 2021" in doc
    for k in KRITERIA:
        assert f"| `{k.id}` |" in doc


def test_a_folder_is_scored_file_by_file_past_a_broken_one(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "dinsos.toml").write_text(EXAMPLE.read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    (tmp_path / "rusak.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert main(["check", "--lke", "--json", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    (report,) = json.loads(out)
    assert report["file"].endswith("dinsos.toml") and "rusak.toml:2:6" in err
