"""A key no chapter knows is a warning with a "did you mean": each chapter declares its keys
(Chapter.extra_keys plus what its screens name); the core knows only [meta], [plugins], format."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tomllib
from pathlib import Path

from lakip_tui.chapter import Bagian, Chapter, Isian, Kolom, Tabel
from lakip_tui.checks import run_checks
from lakip_tui.known_keys import kunci_dari_bagian, kunci_tidak_dikenal
from lakip_tui.plugins import load_registry

ROOT = Path(__file__).parent.parent
CONTOH = ROOT / "projects" / "dinsos-binjai-2024.toml"


def _contoh() -> dict:
    return tomllib.loads(CONTOH.read_text(encoding="utf-8"))


def _temuan(data: dict) -> list:
    return [f for f in run_checks(data, load_registry([])) if f.code.endswith("kunci-tidak-dikenal")]


def test_the_example_and_a_new_file_have_no_unknown_key(tmp_path):
    assert _temuan(_contoh()) == []
    baru = tmp_path / "baru.toml"
    subprocess.run([sys.executable, "-m", "lakip_tui", "new", str(baru), "--instansi", "Dinas X",
                    "--pemda", "Kota X", "--tahun", "2025"], check=True, capture_output=True)
    assert _temuan(tomllib.loads(baru.read_text(encoding="utf-8"))) == []


def test_the_issues_typos_are_found_with_a_suggestion():
    data = _contoh()
    data["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]["realiasi"] = 84
    data["meta"]["batas_atas"] = 100
    data["profil"]["dasar_hukm"] = []
    data["pmsk"] = {}
    temuan = {f.location: f for f in _temuan(data)}
    assert set(temuan) == {"anggaran.program[0].kegiatan[0].sub[0].realiasi", "meta.batas_atas",
                           "profil.dasar_hukm", "pmsk"}
    assert all(f.severity == "warning" for f in temuan.values())
    assert "Maksudnya 'realisasi'?" in temuan["anggaran.program[0].kegiatan[0].sub[0].realiasi"].message
    assert "Maksudnya 'batas_atas_capaian' di akuntabilitas?" in temuan["meta.batas_atas"].message
    assert "Maksudnya 'dasar_hukum'?" in temuan["profil.dasar_hukm"].message
    assert "Maksudnya 'pmks'?" in temuan["pmsk"].message
    assert temuan["pmsk"].chapter == "umum"
    assert temuan["profil.dasar_hukm"].chapter == "profil"


def test_a_chapter_that_declares_nothing_is_not_checked():
    bab = Chapter("lampiran", "Lampiran", 90)  # kunci None: a plugin written before the rule
    assert kunci_tidak_dikenal({"lampiran": {"apa_saja": 1}}, {"lampiran": bab}) == []
    bab = dataclasses.replace(bab, extra_keys=("judul",))
    temuan = kunci_tidak_dikenal({"lampiran": {"apa_saja": 1, "judul": "x"}}, {"lampiran": bab})
    assert [f.location for f in temuan] == ["lampiran.apa_saja"]


def test_keys_come_from_the_screens_rows_children_and_wildcards():
    bagian = (Bagian("a", "A", (
        Tabel("t", "T", ("bab", "program"), (Kolom("kode", "Kode"),),
              anak=Tabel("k", "K", ("kegiatan",), (Kolom("pagu", "Pagu"),))),
        Isian("i", "I", ("bab", "pegawai"), (Kolom("pns", "PNS"),)),
    )),)
    pola = kunci_dari_bagian(bagian, "bab")
    assert "program[].kode" in pola and "program[].kegiatan[].pagu" in pola
    assert "pegawai.pns" in pola
    bab = Chapter("bab", "Bab", 1, bagian=bagian, extra_keys=("peta.*",))
    data = {"bab": {"program": [{"kode": "1", "kegiatan": [{"pagu": 1, "pagu_": 2}]}],
                    "pegawai": {"pns": 1}, "peta": {"2024": 1, "2025": 2}}}
    assert [f.location for f in kunci_tidak_dikenal(data, {"bab": bab})] == \
        ["bab.program[0].kegiatan[0].pagu_"]
