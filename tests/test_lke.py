"""`lakip check --lke`: each LKE criterion of Pelaporan Kinerja (Permenpan RB 88/2021) under its
LKE number and sub-component, with its weight, where its evidence is or what is missing, or why a
file cannot show it; the example lacks earlier years' realisasi, and removing evidence is
noticed."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from lakip_tui.cli import main
from lakip_tui.lke import KOMPONEN, KRITERIA, PELAPORAN, PREDIKAT, SUB_KOMPONEN

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"


def lke(path: Path, capsys) -> tuple[int, dict]:
    code = main(["check", "--lke", "--json", str(path)])
    return code, json.loads(capsys.readouterr().out)


def status(report: dict) -> dict[str, str]:
    return {k["id"]: k["status"] for k in report["kriteria"]}


LUAR = {"berkala", "reviu", "publikasi", "tepat_waktu", "benchmark", "perhatian_pimpinan",
        "kepedulian_pegawai", "penyesuaian_aktivitas", "penyesuaian_anggaran",
        "evaluasi_keberhasilan", "penyesuaian_perencanaan", "budaya_kinerja"}


def test_the_example_meets_all_but_earlier_years_and_says_where(capsys):
    code, report = lke(EXAMPLE, capsys)
    assert code == 1  # one scored criterion is not met
    assert status(report) == {"disusun": "ada", "formal": "ada", "struktur": "ada",
                              "seluruh_kinerja": "ada", "target": "ada", "renstra": "ada",
                              "tahun_lalu": "tidak", "analisis": "ada", "efisiensi": "ada",
                              "tindak_lanjut": "ada", **{i: "luar" for i in LUAR}}
    # ten criteria of half a point each can be shown; nine and a half are
    assert (report["poin"], report["poin_berkas"], report["skor"]) == (4.5, 5.0, 90.0)
    tahun_lalu = next(k for k in report["kriteria"] if k["id"] == "tahun_lalu")
    assert (tahun_lalu["lke"], tahun_lalu["sub_komponen"], tahun_lalu["bobot"]) == (
        "3.b.5", "kualitas", 0.5)
    (bukti,) = tahun_lalu["bukti"]
    assert "IKU1" in bukti["keterangan"] and "IKU2" in bukti["keterangan"]
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[bukti["line"] - 1].startswith("[[akuntabilitas.realisasi]]")
    assert "88 Tahun 2021" in report["sumber"]
    formal = next(k for k in report["kriteria"] if k["id"] == "formal")
    assert "TRIONO" in formal["bukti"][0]["keterangan"]
    assert lines[formal["bukti"][0]["line"] - 1].startswith("kepala = ")


def test_weights_follow_the_components_and_sub_components():
    assert sum(k.bobot for k in KOMPONEN) == 100
    assert PELAPORAN.nama == "Pelaporan Kinerja" and PELAPORAN.bobot == 15
    assert [(s.kode, s.nama, s.bobot) for s in SUB_KOMPONEN] == [
        ("3.a", "keberadaan", 3.0), ("3.b", "kualitas", 4.5), ("3.c", "pemanfaatan", 7.5)]
    assert sum(k.bobot for k in KRITERIA) == pytest.approx(15)
    per_sub = {s.kode: [k for k in KRITERIA if k.sub_komponen is s] for s in SUB_KOMPONEN}
    assert {kode: len(ks) for kode, ks in per_sub.items()} == {"3.a": 6, "3.b": 9, "3.c": 7}
    for s in SUB_KOMPONEN:
        for nomor, k in enumerate(per_sub[s.kode], start=1):
            assert k.lke == f"{s.kode}.{nomor}"  # in the LKE's order, none skipped
            assert k.bobot == pytest.approx(s.bobot / len(per_sub[s.kode]))
    # what happens with a report after it is handed in is not in the file: no pemanfaatan
    # criterion is scored, and each one that is not scored says why
    assert not any(k.dinilai for k in per_sub["3.c"])
    assert all(k.luar for k in KRITERIA if not k.dinilai)
    assert [p[0] for p in PREDIKAT] == ["AA", "A", "BB", "B", "CC", "C", "D"]


def test_json_names_component_sub_component_and_weight(capsys):
    _code, report = lke(EXAMPLE, capsys)
    assert report["komponen"] == {"kode": "3", "nama": "Pelaporan Kinerja", "bobot": 15}
    assert [s["bobot"] for s in report["sub_komponen"]] == [3.0, 4.5, 7.5]
    for k in report["kriteria"]:
        assert k["lke"].startswith("3.") and k["sub_komponen"] in (
            "keberadaan", "kualitas", "pemanfaatan")
        assert (k["status"] == "luar") == (k["luar"] is not None)
        if k["status"] == "luar":
            assert k["bukti"] == []
    pemanfaatan = [k for k in report["kriteria"] if k["sub_komponen"] == "pemanfaatan"]
    assert len(pemanfaatan) == 7 and {k["status"] for k in pemanfaatan} == {"luar"}
    assert sum(k["bobot"] for k in pemanfaatan) == pytest.approx(7.5, abs=0.001)


def test_an_unsigned_report_is_not_formalised(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('tempat_tanggal = "Binjai, Maret 2024"\n', "")
    path = tmp_path / "tanpa-tanggal.toml"
    path.write_text(text, encoding="utf-8")
    _code, report = lke(path, capsys)
    assert status(report)["formal"] == "sebagian"
    text = "\n".join(line for line in text.splitlines() if not line.startswith("kepala = "))
    path.write_text(text, encoding="utf-8")
    _code, report = lke(path, capsys)
    assert status(report)["formal"] == "tidak"
    assert report["skor"] == pytest.approx(100 * 4.0 / 5)  # half a point less


def test_an_indicator_left_out_of_the_realisasi_is_missed(tmp_path, capsys):
    text = EXAMPLE.read_text(encoding="utf-8")
    blok = ('[[akuntabilitas.realisasi]]\nindikator = "IKU2"\nnilai = 100\n'
            'capaian_tertulis = "100%"\n')
    assert blok in text
    path = tmp_path / "tanpa-iku2.toml"
    path.write_text(text.replace(blok, ""), encoding="utf-8")
    _code, report = lke(path, capsys)
    seluruh = next(k for k in report["kriteria"] if k["id"] == "seluruh_kinerja")
    assert seluruh["status"] == "sebagian"
    assert "1 dari 2" in seluruh["bukti"][0]["keterangan"]
    assert "tidak dilaporkan: IKU2" in seluruh["bukti"][0]["keterangan"]


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
    assert code == 0 and report["skor"] == 100.0 and report["poin"] == report["poin_berkas"]


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
    # only the signature, in [meta], is the core's own; no chapter is registered to fill
    assert {i: s for i, s in status(report).items() if i not in LUAR} == {
        "formal": "ada", **{i: "tidak" for i in ("disusun", "struktur", "seluruh_kinerja",
                                                 "target", "renstra", "tahun_lalu", "analisis",
                                                 "efisiensi", "tindak_lanjut")}}


def test_text_output_names_each_criterion_its_sub_component_and_the_source(capsys):
    main(["check", "--lke", str(EXAMPLE)])
    out = capsys.readouterr().out
    for k in KRITERIA:
        assert f"  {k.lke} [" in out and k.judul in out
    assert "3.a Keberadaan: bobot 3,00, 6 kriteria (0,50 masing-masing)" in out
    assert "3.c Pemanfaatan: bobot 7,50, 7 kriteria (1,07 masing-masing)" in out
    assert "komponen 3 Pelaporan Kinerja (bobot 15,00 dari 100)" in out
    assert "3.c.2 [DI LUAR BERKAS]" in out and "lihat 3.c.1" in out
    assert "Swa-nilai: 4,50 dari 5,00 poin" in out and "10,00 dari 15,00 poin" in out
    assert "Permenpan RB Nomor 88 Tahun 2021" in out and "bukan nilai evaluator" in out


def test_every_criterion_is_documented():
    doc = (ROOT / "docs" / "lke.md").read_text(encoding="utf-8")
    assert "88 Tahun 2021" in doc
    for k in KRITERIA:
        assert f"| {k.lke} | `{k.id}` |" in doc
    for kode, batas, nama in PREDIKAT:
        assert f"| {kode} |" in doc and nama in doc


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
