"""bench/gen.py writes files that `lakip check` accepts, the same bytes for the same seed.

Only the small size is generated here; the benchmarks themselves run from `make bench`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path

import pytest
import tomlkit

from lakip_tui.cli import main

GEN_PATH = Path(__file__).parent.parent / "bench" / "gen.py"


def _load_gen():
    spec = importlib.util.spec_from_file_location("bench_gen", GEN_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


gen = _load_gen()


@pytest.fixture(scope="module")
def small_text() -> str:
    return gen.generate("small")


def _subs(data: dict) -> list[dict]:
    return [sub for program in data["anggaran"]["program"]
            for kegiatan in program["kegiatan"] for sub in kegiatan["sub"]]


def test_small_passes_lakip_check_without_errors(small_text, tmp_path, capsys):
    path = tmp_path / "small.toml"
    path.write_text(small_text, encoding="utf-8")
    exit_code = main(["check", str(path), "--json"])
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert errors == [], "\n".join(f"{f['location']}: {f['message']}" for f in errors)
    assert exit_code == 0


def test_small_is_one_agency_with_about_forty_sub_kegiatan(small_text):
    data = tomllib.loads(small_text)
    subs = _subs(data)
    assert 35 <= len(subs) <= 45
    assert len({sub["kode"] for sub in subs}) == len(subs)
    bidang = {program["kode"].rsplit(".", 1)[0] for program in data["anggaran"]["program"]}
    assert bidang == {data["anggaran"]["urusan"]["kode"]}
    assert all(isinstance(sub["pagu"], int) and 0 <= sub["realisasi"] <= sub["pagu"]
               for sub in subs)


def test_every_chapter_section_is_filled(small_text):
    data = tomllib.loads(small_text)
    for key in ("meta", "profil", "pmks", "perjanjian_kinerja", "akuntabilitas", "penutup",
                "anggaran"):
        assert data.get(key), key
    indikator = [i["kode"] for s in data["perjanjian_kinerja"]["sasaran"] for i in s["indikator"]]
    assert sorted(r["indikator"] for r in data["akuntabilitas"]["realisasi"]) == sorted(indikator)
    assert len(data["pmks"]["pmks"]) == 26


def test_same_seed_same_bytes_and_seed_matters():
    assert gen.generate("small", seed=7) == gen.generate("small", seed=7)
    assert gen.generate("small", seed=7) != gen.generate("small", seed=8)


def test_cli_writes_what_generate_returns(tmp_path):
    out = tmp_path / "kecil.toml"
    assert gen.main(["small", "-o", str(out), "--seed", "3"]) == 0
    assert out.read_bytes() == gen.generate("small", seed=3).encode("utf-8")


def test_tomlkit_reads_the_same_data_as_tomllib(small_text):
    # Saving goes through tomlkit; a file the two parsers read differently could not be saved.
    assert tomlkit.parse(small_text).unwrap() == tomllib.loads(small_text)


def test_unknown_size_is_refused():
    with pytest.raises(ValueError, match="ukuran tidak dikenal"):
        gen.generate("sedang")
