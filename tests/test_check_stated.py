"""`check --json`: every finding that compares a number carries both figures, `stated` (what the
file says at the finding's location) and `computed` (what it is compared with), so a reviewer's
spreadsheet can sort by the difference; docs/check-json.md lists those checks."""

from __future__ import annotations

import copy
import importlib
import json
import re
from pathlib import Path

import pytest

from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
DOC = ROOT / "docs" / "check-json.md"


@pytest.fixture(scope="module")
def registry():
    return load_registry(env={})


@pytest.fixture()
def data():
    return copy.deepcopy(Project.load(EXAMPLE).data)


def temuan(data, registry, code: str, path=None):
    found = [f for f in run_checks(data, registry, EXAMPLE) if f.code == code]
    assert found, f"no {code}"
    return found if path is None else [f for f in found if f.path == path]


def figures(findings) -> list[tuple]:
    return [(f.stated, f.computed) for f in findings]


def test_the_examples_numeric_findings_carry_both_figures(capsys):
    main(["check", "--json", str(EXAMPLE)])
    report = json.loads(capsys.readouterr().out)
    by = {}
    for f in report["findings"]:
        by.setdefault(f["code"], []).append((f["stated"], f["computed"]))
    assert by["profil.tanggal-ttd"] == [(2024, 2025)]  # signed in the fiscal year itself
    assert set(by["profil.tahun-lain"]) == {(2023, 2024)}
    assert by["pmks.total-tertulis"] == [(120460, 120498)]
    assert by["pmks.total-tidak-valid"] == [("120.40", 120498)]
    assert (2303, 26) in by["pmks.jumlah-lp"]
    (satuan,) = by["akuntabilitas.efisiensi-satuan"]
    assert satuan[0] == "0.16" and satuan[1] == pytest.approx(16.0858, abs=1e-4)
    assert by["anggaran.ringkasan-nomor"] == [("h", 6)]
    numeric = documented_codes()
    for code, pairs in by.items():
        if code in numeric and not code.endswith(("-div0", "-tak-terhitung", "-tidak-terbaca")):
            assert all(s is not None and c is not None for s, c in pairs), (code, pairs)


def test_profil_counts(data, registry):
    pegawai = data["profil"]["pegawai"]
    pegawai["jumlah_tertulis"] = 57
    assert figures(temuan(data, registry, "profil.pegawai-jumlah")) == [(57, 56)]
    data["profil"]["sarana"][0]["jumlah"] = 10
    assert figures(temuan(data, registry, "profil.sarana-jumlah")) == [(10, 9)]
    pegawai["golongan"][0]["jumlah"] = 6
    golongan = temuan(data, registry, "profil.pegawai-golongan", ("profil", "pegawai", "golongan"))
    assert figures(golongan) == [(25, 26)]
    pegawai["pendidikan"][0]["jumlah"] = 40
    pendidikan = temuan(data, registry, "profil.pegawai-pendidikan")
    assert [f.stated for f in pendidikan] == [25] and pendidikan[0].computed > 25


def test_budget_over_its_ceiling(data, registry):
    sub = data["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]
    sub["realisasi"] = sub["pagu"] + 1
    assert figures(temuan(data, registry, "anggaran.realisasi-melebihi-pagu")) == [
        (sub["pagu"] + 1, sub["pagu"])]


def test_renstra_target_of_the_year_against_the_pk(data, registry):
    data["perjanjian_kinerja"]["sasaran"][0]["indikator"][0]["renstra"]["2024"] = 88
    assert figures(temuan(data, registry, "perjanjian_kinerja.renstra-target-beda")) == [(88, 85)]


def test_percentages_and_years_quoted_in_the_texts(data, registry):
    analisis = data["akuntabilitas"]["analisis"][0]
    analisis["teks"] += "\n\nCapaian kinerja sasaran ini mencapai 97,5%."
    (narasi,) = temuan(data, registry, "akuntabilitas.persen-narasi")
    assert narasi.stated == 97.5
    assert narasi.computed == pytest.approx(98.82, abs=0.01)  # the nearest computed capaian
    data["akuntabilitas"]["efisiensi_teks"] = data["akuntabilitas"]["efisiensi_teks"].replace(
        "83,42%", "83,52%")
    efisiensi = temuan(data, registry, "akuntabilitas.persen-efisiensi")
    assert [f.stated for f in efisiensi] == [83.52]
    assert efisiensi[0].computed == pytest.approx(83.42, abs=0.01)
    data["penutup"]["teks"] += "\n\nKinerja Tahun 2019 menjadi pelajaran."
    tahun = temuan(data, registry, "penutup.tahun-narasi")
    assert figures(tahun) == [(2019, 2024)]


def test_an_earlier_years_figure_against_its_own_file(tmp_path, registry):
    text = EXAMPLE.read_text(encoding="utf-8")
    lalu = text.replace("tahun = 2024 ", "tahun = 2023 ", 1)
    (tmp_path / "dinsos-2023.toml").write_text(lalu, encoding="utf-8")
    text = text.replace('pemda = "Pemerintah Kota Binjai"\n',
                        'pemda = "Pemerintah Kota Binjai"\n'
                        'tahun_sebelumnya = ["dinsos-2023.toml"]\n', 1)
    text = text.replace('[[akuntabilitas.realisasi]]\nindikator = "IKU1"\n',
                        '[[akuntabilitas.realisasi]]\nindikator = "IKU1"\n'
                        'tahun_lalu = { 2023 = 80 }\n')
    path = tmp_path / "dinsos-2024.toml"
    path.write_text(text, encoding="utf-8")
    findings = [f for f in run_checks(Project.load(path).data, registry, path)
                if f.code == "akuntabilitas.tahun-lalu-berbeda"]
    assert figures(findings) == [(80, 84)]  # the 2023 file says IKU1 reached 84


def documented_codes() -> set[str]:
    doc = DOC.read_text(encoding="utf-8")
    table = doc[doc.index("| code | `stated` | `computed` |"):]
    table = table[:table.index("\n\n")]
    codes = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[1]
        prefix = ""
        for code in re.findall(r"`([a-z_.\-0-9]+)`", cell):
            if "." in code:
                prefix = code.split(".")[0]
                codes.add(code)
            elif code.startswith("-"):  # `-div0`: a suffix of the code before it
                codes.add(next(c for c in sorted(codes) if c.startswith(prefix)).rsplit("-", 1)[0]
                          + code)
            else:
                codes.add(f"{prefix}.{code}")
    return codes



def test_every_documented_code_is_a_finding_code_of_its_chapter():
    known: set[str] = set()
    for module, name in (("lakip_akuntabilitas.validasi", "KODE_TEMUAN"),
                         ("lakip_anggaran.validasi", "KODE_TEMUAN"),
                         ("lakip_perjanjian_kinerja.validasi", "KODE_TEMUAN"),
                         ("lakip_pmks.validasi", "KODE_TEMUAN"),
                         ("lakip_profil.validasi", "KODE_TEMUAN")):
        known |= set(getattr(importlib.import_module(module), name))
    codes = documented_codes()
    assert len(codes) >= 25
    assert codes <= known, codes - known
