"""Earlier years from their own files: `[meta] tahun_sebelumnya` names them; Tabel 3.4 reads
their realisasi (and a Renstra end target this file lacks) from them; a typed figure that
disagrees with its year's file is a finding; a file that cannot be read is one too."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"
AK = "akuntabilitas"


@pytest.fixture
def tahun_2025(tmp_path, capsys) -> Path:
    shutil.copy(CONTOH, tmp_path / "2024.toml")
    target = tmp_path / "2025.toml"
    assert main(["new", str(target), "--from", str(tmp_path / "2024.toml")]) == 0
    capsys.readouterr()
    return target


def _tabel_3_4(path: Path):
    project = Project.load(path)
    registry = load_registry([])
    konteks = registry.konteks(project.data, project.path)
    chapter = registry.chapters[AK]
    ((_, sections),) = [r for r in registry.call("lakip_render", chapter=chapter,
                                                  data=project.data, konteks=konteks)
                        if r[0] == "akuntabilitas"]
    tabel = next(b for s in sections for b in s.blocks if getattr(b, "nomor", "") == "3.4")
    judul = [c.header for c in tabel.columns]
    return judul, [r.cells for r in tabel.rows]


def _temuan(path: Path, kode: str):
    project = Project.load(path)
    return [f for f in run_checks(project.data, load_registry([]), project.path) if f.code == kode]


def _ubah(path: Path, ubah) -> None:
    project = Project.load(path)
    ubah(project)
    project.save()


def test_last_years_realisasi_comes_from_its_file_even_when_not_typed(tahun_2025):
    _ubah(tahun_2025, lambda p: [p.set((AK, "realisasi", i, "tahun_lalu"), None) for i in (0, 1)])
    assert "tahun_lalu" not in tomllib.loads(tahun_2025.read_text())[AK]["realisasi"][0]
    judul, baris = _tabel_3_4(tahun_2025)
    assert baris[0][judul.index("Realisasi 2024")] == "84%"
    assert baris[1][judul.index("Realisasi 2024")] == "100%"


def test_a_typed_figure_that_disagrees_is_a_finding_and_the_file_wins(tahun_2025):
    _ubah(tahun_2025, lambda p: p.set((AK, "realisasi", 0, "tahun_lalu"), {"2024": 80}))
    (temuan,) = _temuan(tahun_2025, f"{AK}.tahun-lalu-berbeda")
    assert temuan.severity == "warning"
    assert temuan.path == (AK, "realisasi", 0, "tahun_lalu", "2024")
    assert "tertulis 80%" in temuan.message and "mencatat 84%" in temuan.message
    judul, baris = _tabel_3_4(tahun_2025)
    assert baris[0][judul.index("Realisasi 2024")] == "84%"


def test_the_renstra_end_target_comes_from_the_earlier_file(tahun_2025):
    _ubah(tahun_2025, lambda p: p.set(("perjanjian_kinerja", "sasaran", 0, "indikator", 0,
                                       "renstra"), {"2025": 90}))
    judul, baris = _tabel_3_4(tahun_2025)
    kolom = judul.index("Capaian thd Target 2026")
    # no realisasi 2025 yet; the target 2026 (100) is known from the earlier file, so not "-"
    assert baris[0][kolom] == "tidak dapat dihitung"
    _ubah(tahun_2025, lambda p: p.set((AK, "realisasi", 0, "nilai"), 95))
    judul, baris = _tabel_3_4(tahun_2025)
    assert baris[0][judul.index("Capaian thd Target 2026")] == "95%"


def test_an_unreadable_or_later_file_is_a_finding_not_a_crash(tahun_2025, tmp_path):
    (tmp_path / "rusak.toml").write_text("[meta\n", encoding="utf-8")
    shutil.copy(tahun_2025, tmp_path / "juga-2025.toml")
    _ubah(tahun_2025, lambda p: p.set(("meta", "tahun_sebelumnya"),
                                      ["2024.toml", "rusak.toml", "hilang.toml", "juga-2025.toml"]))
    temuan = _temuan(tahun_2025, "umum.tahun-sebelumnya")
    assert [f.path for f in temuan] == [("meta", "tahun_sebelumnya", i) for i in (1, 2, 3)]
    assert "bukan tahun sebelum 2025" in temuan[2].message
    judul, baris = _tabel_3_4(tahun_2025)  # the readable one is still used
    assert baris[0][judul.index("Realisasi 2024")] == "84%"
