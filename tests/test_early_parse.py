"""A big file is parsed beside the start by a helper process; what comes back must be exactly
what tomllib gives, and anything wrong must fall back to the editor's own parse."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from child_processes import reaped
from lakip_tui import early_parse, forked
from lakip_tui.early_parse import EarlyParse
from lakip_tui.errors import LakipError

BISA_PARALEL = forked.can_fork({}, early_parse.SWITCH)
perlu_paralel = pytest.mark.skipif(not BISA_PARALEL, reason="perlu fork dan lebih dari satu inti")


def _teks_besar(rows: int = 4000) -> str:
    lines = ["# proyek besar\nformat = 1\n\n[meta]\ninstansi = \"Dinas Uji\"\ntahun = 2024\n",
             "dibuat = 2025-01-31T08:00:00+07:00\n"]
    for i in range(rows):
        lines.append(f'\n[[anggaran.sub]]\nkode = "1.06.01.2.02.{i:04d}"\n'
                     f'nama = "Sub kegiatan nomor {i} — Ä"\npagu = {1_000_000 + i}\n'
                     f"realisasi = {i * 0.5}\ntanggal = 2024-12-{1 + i % 28:02d}\n")
    text = "".join(lines)
    assert len(text.encode("utf-8")) >= early_parse.MIN_SIZE
    return text


@perlu_paralel
def test_a_big_file_comes_back_exactly_as_tomllib_reads_it(tmp_path):
    path = tmp_path / "besar.toml"
    text = _teks_besar()
    path.write_text(text, encoding="utf-8")
    awal = EarlyParse(path, env={})
    assert awal.parallel and awal.raw == path.read_bytes()
    pid = awal._child._pid
    data = awal.data()
    assert data == tomllib.loads(text)  # dates, times with offsets and floats included
    assert reaped(pid)  # the helper was waited for: no zombie left
    assert awal.data() is None  # handed over once


@perlu_paralel
def test_a_byte_order_mark_is_read_past_as_the_editor_does(tmp_path):
    path = tmp_path / "notepad.toml"
    text = _teks_besar()
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    assert EarlyParse(path, env={}).data() == tomllib.loads(text)


@perlu_paralel
def test_a_broken_big_file_falls_back_to_the_editors_own_message(tmp_path):
    from lakip_tui.early_parse import load_project

    path = tmp_path / "rusak.toml"
    path.write_text(_teks_besar() + "\n[meta\n", encoding="utf-8")
    awal = EarlyParse(path, env={})
    assert awal.parallel
    with pytest.raises(LakipError) as caught:
        load_project(path, awal)
    assert f"{path}:" in str(caught.value)  # file, line and column, as without the helper


def test_small_files_and_the_switch_parse_in_the_editor(tmp_path):
    small = tmp_path / "kecil.toml"
    small.write_text("format = 1\n", encoding="utf-8")
    assert not EarlyParse(small, env={}).parallel
    big = tmp_path / "besar.toml"
    big.write_text(_teks_besar(), encoding="utf-8")
    awal = EarlyParse(big, env={early_parse.SWITCH: "0"})
    assert not awal.parallel and awal.data() is None


def test_a_very_big_file_is_parsed_in_the_editor_too(tmp_path, monkeypatch):
    monkeypatch.setattr(early_parse, "MAX_SIZE", early_parse.MIN_SIZE + 1)
    big = tmp_path / "besar.toml"
    big.write_text(_teks_besar(), encoding="utf-8")
    assert not EarlyParse(big, env={}).parallel


def test_an_unreadable_file_is_left_to_the_editor_to_report(tmp_path):
    from lakip_tui.early_parse import load_project

    awal = EarlyParse(tmp_path / "tidak-ada.toml", env={})
    assert awal.raw is None and awal.data() is None
    with pytest.raises(LakipError, match="tidak ditemukan"):
        load_project(tmp_path / "tidak-ada.toml", awal)


@perlu_paralel
def test_the_project_gets_the_files_text_and_the_helpers_data(tmp_path):
    from lakip_tui.early_parse import load_project

    path = tmp_path / "besar.toml"
    text = _teks_besar()
    path.write_text(text, encoding="utf-8")
    project = load_project(path, EarlyParse(path, env={}))
    assert project.text == text and project.data == tomllib.loads(text)
    project.set(("meta", "tahun"), 2025)  # and it edits and saves as any project
    project.save()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["meta"]["tahun"] == 2025


@perlu_paralel
def test_a_start_given_up_early_leaves_no_helper_behind(tmp_path):
    path = tmp_path / "besar.toml"
    path.write_text(_teks_besar(), encoding="utf-8")
    awal = EarlyParse(path, env={})
    pid = awal._child._pid
    awal.cancel()
    assert reaped(pid) and not awal.parallel


@perlu_paralel
def test_the_export_of_a_big_file_parsed_beside_its_imports_is_the_same(tmp_path, monkeypatch):
    """`lakip export` starts the parse of a big file in a child while it imports the writers
    and the plugins; the report is the same as with the file parsed in its own process."""
    from lakip_tui.cli import main

    example = (Path(__file__).resolve().parents[1] / "projects" / "dinsos-binjai-2024.toml")
    path = tmp_path / "besar.toml"
    # the example with a long comment: big enough for a child, the same report
    path.write_text(example.read_text(encoding="utf-8") + "\n# " + "x" * early_parse.MIN_SIZE
                    + "\n", encoding="utf-8")
    handed = []
    original = EarlyParse.data

    def data(self):
        parallel = self.parallel
        result = original(self)
        handed.append(parallel and result is not None)
        return result

    monkeypatch.setattr(EarlyParse, "data", data)
    reports = {}
    for switch in ("1", "0"):
        monkeypatch.setenv(early_parse.SWITCH, switch)
        out = tmp_path / f"laporan-{switch}.txt"
        assert main(["export", str(path), "-f", "txt", "-o", str(out)]) == 0
        reports[switch] = out.read_text(encoding="utf-8")
    assert handed == [True, False]
    assert reports["1"] == reports["0"]
