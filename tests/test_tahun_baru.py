"""`lakip new FILE --from LAST.toml`: the example as last year gives a 2025 file whose BAB III
shows 2024's realisasi as last year's, with targets from the Renstra, cleared realisasi and
narratives, every comment kept, and a printed list of what was carried and cleared."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lakip_akuntabilitas.laporan import tabel_3_4
from lakip_akuntabilitas.hitung import evaluasi
from lakip_tui.checks import run_checks
from lakip_tui.cli import main
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tahun_baru import ganti_tahun

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"


@pytest.fixture
def baru(tmp_path, capsys):
    asal = tmp_path / "arsip" / "dinsos-binjai-2024.toml"
    asal.parent.mkdir()
    shutil.copy(CONTOH, asal)
    target = tmp_path / "2025.toml"
    assert main(["new", str(target), "--from", str(asal)]) == 0
    return target, capsys.readouterr().out


def test_the_new_file_is_2025_with_2024_realisasi_as_last_years(baru):
    target, _ = baru
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["meta"]["tahun"] == 2025
    assert data["meta"]["tahun_sebelumnya"] == ["arsip/dinsos-binjai-2024.toml"]
    realisasi = {r["indikator"]: r for r in data["akuntabilitas"]["realisasi"]}
    assert realisasi["IKU1"]["tahun_lalu"] == {"2024": 84} and "nilai" not in realisasi["IKU1"]
    assert realisasi["IKU2"]["tahun_lalu"] == {"2024": 100} and "nilai" not in realisasi["IKU2"]
    # BAB III's Tabel 3.4 prints 2024 as an earlier year, beside an empty 2025
    tabel = tabel_3_4(data, 2025, evaluasi(data))
    judul = [c.header for c in tabel.columns]
    assert "Realisasi 2024" in judul and "Realisasi 2025" in judul
    baris = tabel.rows[0].cells
    assert baris[judul.index("Realisasi 2024")] == "84%"
    assert baris[judul.index("Realisasi 2025")] == "-"


def test_targets_come_from_the_renstra_and_this_years_figures_are_cleared(baru):
    target, _ = baru
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    ind = [i for s in data["perjanjian_kinerja"]["sasaran"] for i in s["indikator"]]
    assert [i["target"] for i in ind] == [90, 100]  # Renstra 2025
    assert all(a["teks"] == "" for a in data["akuntabilitas"]["analisis"])
    assert "efisiensi_tertulis" not in data["akuntabilitas"]
    for program in data["anggaran"]["program"]:
        assert not any(k.endswith("_tertulis") for k in program)
        for keg in program["kegiatan"]:
            for sub in keg["sub"]:
                assert "realisasi" not in sub and not any(k.endswith("_tertulis") for k in sub)
    assert "ringkasan_tertulis" not in data["anggaran"]
    assert data["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]["pagu"] == 3190068739
    assert data["meta"]["tempat_tanggal"] == ""
    assert data["profil"]["pegawai"]["tanggal"] == "31 Desember 2025"
    assert data["perjanjian_kinerja"]["pk_sumber"] == "Perjanjian Kinerja Tahun 2025"
    assert data["profil"]["dasar_hukum"]  # the profile is carried


def test_comments_survive_and_what_was_done_is_printed(baru):
    target, keluaran = baru
    teks = target.read_text(encoding="utf-8")
    assert "# [asli] kode tercetak" in teks and "# Tabel 2.2 dan Tabel 3.2: 85%" in teks
    for kata in ("Dibawa:", "Diisi:", "Dikosongkan:", "target 2025 indikator IKU1: 90",
                 "realisasi 2024 indikator IKU1 (84)"):
        assert kata in keluaran


def test_the_new_file_has_no_figure_findings_only_what_is_not_filled_yet(baru):
    """What the roll-over itself leaves: no finding about a stated figure, a year, a capaian
    or a target; the [asli] oddities copied from the seed stay what they were."""
    target, _ = baru
    project = Project.load(target)
    temuan = run_checks(project.data, load_registry([]), project.path)
    kode = {f.code for f in temuan}
    for keluar in ("akuntabilitas.capaian-tertulis", "akuntabilitas.efisiensi-tertulis",
                   "anggaran.pagu-tertulis", "anggaran.realisasi-tertulis",
                   "perjanjian_kinerja.target-renstra", "umum.tahun-sebelumnya",
                   "umum.kunci-tidak-dikenal", "akuntabilitas.tahun-lalu-berbeda"):
        assert keluar not in kode, keluar
    assert "akuntabilitas.realisasi-kosong" in kode  # this year's realisasi is not filled yet


def test_a_clean_project_rolls_over_with_only_not_filled_yet_findings(tmp_path, capsys):
    asal = tmp_path / "2024.toml"
    assert main(["new", str(asal), "--instansi", "Dinas X", "--pemda", "Kota X",
                 "--tahun", "2024"]) == 0
    target = tmp_path / "2025.toml"
    assert main(["new", str(target), "--from", str(asal)]) == 0
    project = Project.load(target)
    before = {(f.code, f.path) for f in run_checks(Project.load(asal).data, load_registry([]),
                                                     asal)}
    after = {(f.code, f.path) for f in run_checks(project.data, load_registry([]), target)}
    # the placeholder Renstra period of a new file (2024-2024) has ended: that is said
    assert after - before == {("perjanjian_kinerja.renstra-periode",
                               ("perjanjian_kinerja", "renstra", "akhir"))}


def test_the_year_in_a_title_follows_but_a_regulation_or_a_period_does_not():
    assert ganti_tahun("Perjanjian Kinerja Tahun 2024", 2024, 2025) == \
        ("Perjanjian Kinerja Tahun 2025", 1)
    assert ganti_tahun("per 31 Desember 2024", 2024, 2025)[0] == "per 31 Desember 2025"
    teks = "Nomor 29 Tahun 2014; Renstra 2021-2026; RKPD 2024"
    assert ganti_tahun(teks, 2024, 2025) == (teks, 0)


def test_refusals_are_indonesian_and_write_nothing(tmp_path, capsys):
    target = tmp_path / "2025.toml"
    assert main(["new", str(target), "--from", str(tmp_path / "tidak-ada.toml")]) == 2
    assert not target.exists()
    target.write_text("x", encoding="utf-8")
    assert main(["new", str(target), "--from", str(CONTOH)]) == 2
    assert target.read_text(encoding="utf-8") == "x"
    assert "sudah ada" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "b.toml"), "--from", str(CONTOH), "--tahun", "2024"]) == 2


def test_new_without_from_still_needs_instansi_pemda_and_tahun(tmp_path, capsys):
    assert main(["new", str(tmp_path / "a.toml"), "--tahun", "2025"]) == 2
    assert "--instansi" in capsys.readouterr().err
