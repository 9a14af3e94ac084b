"""The example plugin's own tests, written with lakip_tui.testing."""

from pathlib import Path

import lakip_inovasi
from lakip_tui.testing import check, edit, load, render_text

PROYEK = (Path(__file__).parent.parent / "contoh.toml").read_text(encoding="utf-8")


def test_the_chapter_registers_with_its_two_tables():
    registry = load(lakip_inovasi)
    assert registry.problems == []
    chapter = registry.chapters["inovasi"]
    assert [b.key for b in chapter.bagian] == ["pengantar", "daftar", "pengaduan"]


def test_the_checks():
    findings = check(load(lakip_inovasi), PROYEK)
    assert [(f.severity, f.code, f.path) for f in findings] == [
        ("warning", "inovasi.nama-kosong", ("inovasi", "daftar", 1, "nama")),
        ("info", "pengaduan.belum-selesai", ("inovasi", "pengaduan", 1, "selesai")),
    ]


def test_the_report_prints_both_tables():
    text = render_text(load(lakip_inovasi), "inovasi", PROYEK)
    assert "LAMPIRAN INOVASI DAN PENGADUAN" in text
    assert "Tabel L.1 Daftar Inovasi Daerah" in text and "Sapa Warga" in text
    assert "Tabel L.2 Pengaduan Masyarakat" in text
    assert "diterima 2 pengaduan; 1 di antaranya telah selesai" in text


def test_the_editor_names_the_nameless_innovation():
    result = edit(load(lakip_inovasi), PROYEK, "inovasi", ["down", "enter", *"Lapor Cepat", "enter"],
                  bagian="daftar")
    assert result.data["inovasi"]["daftar"][1]["nama"] == "Lapor Cepat"
    assert "inovasi.nama-kosong" not in {f.code for f in check(load(lakip_inovasi), result.text)}
