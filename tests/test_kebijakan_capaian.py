"""Capping and rating policy per file: [akuntabilitas] batas_atas_capaian and
capaian_negatif_nol bound every capaian before it is averaged, rated, used for efisiensi,
summarised, checked against the narrative, and the report says so under Tabel 3.1 and 3.2."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest

from lakip_akuntabilitas.hitung import evaluasi
from lakip_akuntabilitas.laporan import bagian_laporan
from lakip_akuntabilitas.ringkasan import grafik_capaian
from lakip_tui.checks import run_checks
from lakip_tui.kinerja import KebijakanCapaian, TakTerhitung, kebijakan_dari_data
from lakip_tui.plugins import load_registry
from lakip_tui.report import Paragraph

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"
AK = "akuntabilitas"


@pytest.fixture
def contoh() -> dict:
    data = tomllib.loads(CONTOH.read_text(encoding="utf-8"))
    # IKU2 over its target: 120 of 80 -> 150% unbounded
    data["perjanjian_kinerja"]["sasaran"][1]["indikator"][0]["target"] = 80
    data[AK]["realisasi"][1]["nilai"] = 120
    return data


def test_the_policy_bounds_and_floors():
    aturan = KebijakanCapaian(batas_atas=120, negatif_nol=True)
    assert aturan.terapkan(150.0) == 120.0
    assert aturan.terapkan(-12.5) == 0.0
    assert aturan.terapkan(98.82) == 98.82
    assert isinstance(aturan.terapkan(TakTerhitung("x")), TakTerhitung)
    assert KebijakanCapaian().terapkan(-5.0) == -5.0


def test_unreadable_policy_values_are_left_out_and_said():
    aturan, masalah = kebijakan_dari_data("seratus", "ya")
    assert aturan == KebijakanCapaian()
    assert len(masalah) == 2


def test_without_a_policy_the_seed_figures_stay(contoh):
    seed = tomllib.loads(CONTOH.read_text(encoding="utf-8"))
    hasil = evaluasi(seed)
    assert round(hasil.capaian, 2) == 99.41  # the seed's 99,41%
    assert not hasil.kebijakan.aktif
    assert evaluasi(contoh).per_kode()["IKU2"].capaian == 150.0


def test_a_cap_changes_every_figure(contoh):
    tanpa = evaluasi(contoh)
    contoh[AK]["batas_atas_capaian"] = 100
    dengan = evaluasi(contoh)
    iku2 = dengan.per_kode()["IKU2"]
    assert iku2.capaian == 100.0 and iku2.capaian_mentah == 150.0 and iku2.dibatasi
    # the overall mean (99,41 + the capped one) and with it efisiensi
    assert dengan.capaian == pytest.approx((84 * 100 / 85 + 100) / 2)
    assert tanpa.capaian == pytest.approx((84 * 100 / 85 + 150) / 2)
    assert dengan.efisiensi != tanpa.efisiensi
    # the rating of the sasaran follows the capped mean
    assert dengan.sasaran[1].capaian == 100.0


def test_a_negative_capaian_floors_at_zero(contoh):
    contoh["perjanjian_kinerja"]["sasaran"][0]["indikator"][0]["polaritas"] = "negatif"
    contoh[AK]["realisasi"][0]["nilai"] = 200  # (85 - (200 - 85)) / 85 < 0
    assert evaluasi(contoh).per_kode()["IKU1"].capaian < 0
    contoh[AK]["capaian_negatif_nol"] = True
    h = evaluasi(contoh).per_kode()["IKU1"]
    assert h.capaian == 0.0 and h.peringkat == "Sangat Rendah"


def test_the_summary_chart_uses_the_bounded_capaian(contoh):
    contoh[AK]["batas_atas_capaian"] = 120
    nilai = [b.persen for b in grafik_capaian(contoh).batang if "PSKS" in b.label]
    assert nilai == [120.0]


def test_the_report_states_the_policy_under_tables_3_1_and_3_2(contoh):
    contoh[AK]["batas_atas_capaian"] = 120
    teks = _paragraf(contoh)
    assert any("capaian di atas 120% dihitung 120%" in t for t in teks)
    assert any("menurut rumus 150%, dihitung 120%" in t for t in teks)


def test_the_seed_report_prints_no_policy_note():
    teks = _paragraf(tomllib.loads(CONTOH.read_text(encoding="utf-8")))
    assert not any("Capaian dibatasi" in t for t in teks)


def test_a_narrative_that_quotes_the_unbounded_value_is_a_finding(contoh):
    contoh[AK]["batas_atas_capaian"] = 100
    contoh[AK]["analisis"][1]["teks"] = "Capaian sasaran ini adalah sangat tinggi yaitu mencapai 150%."
    registry = load_registry([])
    kode = {f.code for f in run_checks(copy.deepcopy(contoh), registry)}
    assert f"{AK}.persen-narasi" in kode


def test_a_wrong_policy_value_is_an_error_at_its_key(contoh):
    contoh[AK]["batas_atas_capaian"] = "120%"
    registry = load_registry([])
    temuan = [f for f in run_checks(contoh, registry) if f.code == f"{AK}.kebijakan-capaian"]
    assert [f.path for f in temuan] == [(AK, "batas_atas_capaian")]
    assert temuan[0].severity == "error"


def _paragraf(data: dict) -> list[str]:
    return [b.text for s in bagian_laporan(data, 2024) for b in s.blocks
            if isinstance(b, Paragraph)]
