"""The export prints no empty heading without a marker, also when the content under a heading
comes from the next section (another plugin's table)."""

from __future__ import annotations

import subprocess
import sys

from lakip_tui.judul_kosong import PENANDA, tandai
from lakip_tui.report import Heading, Paragraph, Section, TableBlock


def _teks(sections):
    return [(type(b).__name__, getattr(b, "text", "")) for s in sections for b in s.blocks]


def test_a_heading_followed_by_its_peer_or_the_end_gets_the_marker():
    sections = [Section("A. Rencana Strategis", (
        Heading("1. Visi", 5), Heading("2. Misi", 5), Paragraph("Misi satu"),
        Heading("3. Kendala", 5)), 1, "a")]
    assert _teks(tandai(sections)) == [
        ("Heading", "1. Visi"), ("Paragraph", PENANDA), ("Heading", "2. Misi"),
        ("Paragraph", "Misi satu"), ("Heading", "3. Kendala"), ("Paragraph", PENANDA)]


def test_content_from_the_next_section_fills_the_heading():
    tabel = TableBlock("3.6", "Realisasi per program", (), ())
    sections = [Section("", (Heading("3.2.4 Efisiensi", 4),), 2, "b"),
                Section("", (tabel,), 2.5, "c"),
                Section("B. Realisasi Anggaran", (), 4, "d")]
    hasil = tandai(sections)
    assert _teks(hasil)[0] == ("Heading", "3.2.4 Efisiensi") and len(hasil[0].blocks) == 1
    assert hasil[2].blocks == (Paragraph(PENANDA),)


def test_a_sub_heading_does_not_count_as_content(tmp_path):
    sections = [Section("", (Heading("1. Tujuan", 4), Heading("a. Rinci", 5)), 1, "x")]
    assert _teks(tandai(sections))[-1] == ("Paragraph", PENANDA)
    assert _teks(tandai(sections))[1] == ("Heading", "a. Rinci")


def test_a_new_files_export_marks_visi_misi_kendala_and_solusi(tmp_path):
    baru = tmp_path / "baru.toml"
    subprocess.run([sys.executable, "-m", "lakip_tui", "new", str(baru), "--instansi", "Dinas X",
                    "--pemda", "Kota X", "--tahun", "2025"], check=True, capture_output=True)
    md = subprocess.run([sys.executable, "-m", "lakip_tui", "export", str(baru), "-f", "md",
                         "-o", "-"], capture_output=True, text=True).stdout
    for judul in ("1. Visi", "2. Misi", "3.2.3.1 Kendala", "3.2.3.2 Solusi"):
        sesudah = md.split(judul, 1)[1].split("\n#", 1)[0]
        assert PENANDA in sesudah, judul
