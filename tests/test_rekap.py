"""`lakip rekap`: the Pemda recap by SQL over the tidy tables; its totals are exactly the sums of
the agencies' own totals; the SQL in docs/rekap.md is the SQL that runs."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

from lakip_tui import kinerja
from lakip_tui.cli import main
from lakip_tui.rekap import queries, run_queries
from lakip_tui.tidy import gather

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"


def _load_gen():
    spec = importlib.util.spec_from_file_location("bench_gen", ROOT / "bench" / "gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_gen()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Five generated agencies of one city (a subfolder), the example, a broken file and a
    pyproject.toml."""
    root = tmp_path_factory.mktemp("bappeda")
    (root / "opd").mkdir()
    for bidang in range(5):
        (root / "opd" / f"opd-{bidang}.toml").write_text(gen.generate_agency(bidang),
                                                         encoding="utf-8")
    shutil.copy(EXAMPLE, root / "dinsos.toml")
    (root / "opd" / "rusak.toml").write_text("format = 1\n[meta\n", encoding="utf-8")
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def answers(folder):
    return run_queries(gather([str(folder)], workers=1))


def rows(answer) -> list[dict]:
    return [dict(zip(answer.columns, row)) for row in answer.rows]


def own_totals(folder: Path) -> dict[str, tuple[str, kinerja.Rekap]]:
    """Each readable file's pemda and its own Tabel 3.7 total, as the agency's report has it."""
    out = {}
    for path in folder.rglob("*.toml"):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue
        if "meta" in data:
            out[str(path)] = (data["meta"]["pemda"],
                              kinerja.rekap_total(data["anggaran"]["program"]))
    return out


def test_pemda_totals_are_exactly_the_sum_of_the_agencies_own_totals(folder, answers):
    totals = own_totals(folder)
    by_pemda = {r["pemda"]: r for r in rows(answers["pemda"])}
    assert set(by_pemda) == {"Pemerintah Kota Teluk Damar", "Pemerintah Kota Binjai"}
    for pemda, row in by_pemda.items():
        mine = [rekap for p, rekap in totals.values() if p == pemda]
        assert row["jumlah_instansi"] == len(mine)
        assert row["pagu"] == sum(r.pagu for r in mine)  # whole Rupiah, exact
        assert row["realisasi"] == sum(r.realisasi for r in mine)
        assert isinstance(row["pagu"], int)
    binjai = by_pemda["Pemerintah Kota Binjai"]
    assert (binjai["pagu"], binjai["realisasi"]) == (5732972977, 4782481544)
    assert round(binjai["persen_realisasi"], 2) == 83.42


def test_each_agency_line_is_its_own_report(folder, answers):
    totals = own_totals(folder)
    budget = rows(answers["anggaran_instansi"])
    assert len(budget) == len(totals) == 6
    by_total = sorted((r["pagu"], r["realisasi"]) for r in budget)
    assert by_total == sorted((t.pagu, t.realisasi) for _p, t in totals.values())
    persen = [r["persen_realisasi"] for r in budget]
    assert persen == sorted(persen)  # lowest absorption first
    capaian = {r["instansi"]: r["capaian"] for r in rows(answers["capaian_instansi"])}
    assert round(capaian["Dinas Sosial Kota Binjai"], 2) == 99.41  # its own BAB III


def test_sasaran_daerah_groups_the_sasaran_that_name_it(answers):
    groups = rows(answers["capaian_sasaran_daerah"])
    assert groups and all(g["pemda"] == "Pemerintah Kota Teluk Damar" for g in groups)
    assert sum(g["jumlah_instansi"] for g in groups) == 5  # the example names none
    assert all(g["capaian_terendah"] <= g["rata_rata_capaian"] for g in groups)


def test_the_example_has_the_most_findings(answers):
    first = rows(answers["temuan_terbanyak"])[0]
    assert first["instansi"] == "Dinas Sosial Kota Binjai" and first["galat"] == 11


def test_the_docs_print_the_sql_that_runs():
    doc = (ROOT / "docs" / "rekap.md").read_text(encoding="utf-8")
    block = re.search(r"```sql\n(.*?)```", doc, re.S).group(1)
    sql = (ROOT / "lakip_tui" / "rekap.sql").read_text(encoding="utf-8")
    assert block == sql
    assert set(queries()) == {"pemda", "capaian_instansi", "capaian_sasaran_daerah",
                              "anggaran_instansi", "temuan_terbanyak"}


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_rekap_command_writes_each_format_and_names_the_broken_file(folder, tmp_path, capsys,
                                                                    fmt):
    out = tmp_path / f"rekap.{fmt}"
    assert main(["rekap", str(folder), "-f", fmt, "-o", str(out), "--jobs", "1"]) == 2
    text = out.read_text(encoding="utf-8")
    for title in ("Ringkasan Pemerintah Daerah", "Capaian per Sasaran Daerah",
                  "Penyerapan Anggaran per Perangkat Daerah", "Temuan Terbanyak"):
        assert title in text
    assert "5.732.972.977" in text and "83,42%" in text
    assert "rusak.toml" in text  # the closing note names it
    assert "rusak.toml:2:6" in capsys.readouterr().err


def test_rekap_as_pdf_through_the_report_writer(folder, tmp_path):
    pdfium = pytest.importorskip("pypdfium2")
    out = tmp_path / "rekap.pdf"
    assert main(["rekap", str(folder), "-f", "pdf", "-o", str(out), "--jobs", "1"]) == 2
    assert out.read_bytes().startswith(b"%PDF")
    pdf = pdfium.PdfDocument(str(out))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    assert "Ringkasan Pemerintah Daerah" in text and "5.732.972.977" in text
    assert "Temuan Terbanyak" in text


def test_without_the_chapter_plugins_the_recap_says_what_it_cannot_make(monkeypatch, capsys):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "")
    assert main(["rekap", str(EXAMPLE), "-f", "md"]) == 0
    out = capsys.readouterr().out
    assert "Tidak dapat disusun" in out and "Temuan Terbanyak" in out


def test_an_unknown_format_is_refused_before_any_work(capsys):
    assert main(["rekap", str(EXAMPLE), "-f", "odt"]) == 2
    assert "format 'odt' tidak dikenal" in capsys.readouterr().err
