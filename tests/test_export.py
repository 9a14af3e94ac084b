"""`lakip export`: assembly of the chapters into one report, the four formats, the command line.

The golden files under tests/golden/ hold the txt and md exports of the example project; after a
deliberate change to a chapter's rendering, regenerate them with
    LAKIP_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export.py
and read the diff before committing it.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakip_tui import exporters
from lakip_tui.chapter import Chapter
from lakip_tui.cli import main
from lakip_tui.errors import LakipError
from lakip_tui.export import Kemajuan, assemble, chapter_sections
from lakip_tui.exporters.box_table import cell_width, layout, wrap
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import Registry, load_registry
from lakip_tui.trust import TrustStore
from lakip_tui.report import (Column, Heading, ListBlock, Paragraph, Raw, Row, Section,
                              Signature, SignaturePair, TableBlock)

ROOT = Path(__file__).parent.parent
GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
UPDATE = os.environ.get("LAKIP_UPDATE_GOLDEN") == "1"

DATA = {
    "format": 1,
    "meta": {"pemda": "Pemerintah Kota Contoh", "instansi": "Dinas Contoh", "tahun": 2024,
             "tempat_tanggal": "Contoh, Maret 2025"},
    "contoh": {"nama": ["Panti Asuhan Al-Jam'iyatul Washliyah Putra | cabang <utama>",
                        "Yayasan *Sinar* Sejati"]},
}

LONG_NAME = ("Fasilitasi Pemulangan Warga Negara Migran Korban Tindak Kekerasan dari titik "
             "debarkasi di daerah Kab/Kota untuk dipulangkan ke Desa/kelurahan Asal")


def tabel(nomor: str = "2.1", rows: int = 3) -> TableBlock:
    return TableBlock(
        nomor, "Data Contoh",
        (Column("No", justify="right"), Column("Nama"), Column("Pagu (Rp)", justify="right")),
        tuple(Row((str(i), LONG_NAME if i == 2 else f"Kegiatan {i}", f"{i}.000.000"),
                  style="bold" if i == 1 else "") for i in range(1, rows + 1)),
        sumber="Data uji",
        footer=(Row(("", "JUMLAH", "6.000.000")),),
    )


class Pendahuluan:
    """Owns two chapters, like akuntabilitas (BAB III and BAB IV)."""

    @hookimpl
    def lakip_register_chapters(self, register):
        register(Chapter("pendahuluan", "BAB I Pendahuluan", 10))
        register(Chapter("penutup", "BAB IV Penutup", 40))

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        if chapter.key == "pendahuluan":
            return [
                Section("B. Dasar Hukum", (ListBlock(("UU 1", "UU 2")),), order=2),
                Section("KATA PENGANTAR", (
                    Paragraph("Puji syukur kita ucapkan."),
                    Signature(data["meta"]["tempat_tanggal"], "KEPALA DINAS CONTOH", "NAMA KEPALA",
                              "PEMBINA TK.I", "19751220 199801 1 001")), order=0,
                        key="kata-pengantar"),
                Section("A. Latar Belakang", (Paragraph("Paragraf satu.\n\nParagraf dua."),),
                        order=1),
            ]
        if chapter.key == "penutup":
            return [Section("", (Paragraph("Demikian."),), order=1)]
        return None


class Data:
    """A data plugin that puts its table into another plugin's chapter when it is present,
    like pmks (its own chapter otherwise), and a lampiran."""

    @hookimpl
    def lakip_register_chapters(self, register):
        register(Chapter("data", "Data Contoh", 15))

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        host = "pendahuluan" if konteks.has_chapter("pendahuluan") else "data"
        out = []
        if chapter.key == host:
            out.append(Section("", (Heading("a. Tabel data", 3), tabel(),
                                    ListBlock(tuple(data["contoh"]["nama"]), "-")), order=1.5))
        if chapter.key == "data":
            out.append(Section("Perjanjian Kinerja", (Paragraph("Ditandatangani."),), order=9,
                               key="lampiran-pk"))
        return out


class Rusak:
    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        raise RuntimeError("bug di plugin")


class Asing:
    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        return ["bukan section"]


def registry(*extra) -> Registry:
    reg = Registry()
    reg.load_object(Pendahuluan(), "pendahuluan")
    reg.load_object(Data(), "data")
    for plugin, name in extra:
        reg.load_object(plugin, name)
    return reg


def dokumen(reg: Registry | None = None, chapters=None):
    reg = reg or registry()
    return assemble(DATA, reg, reg.konteks(DATA), chapters)


# -- assembly -----------------------------------------------------------------------------


def test_assemble_lays_the_report_out_as_the_seed():
    doc = dokumen()
    assert doc.sampul.baris() == ["PEMERINTAH KOTA CONTOH", "LAPORAN KINERJA", "DINAS CONTOH",
                                  "TAHUN ANGGARAN 2024"]
    assert [s.title for s in doc.pengantar] == ["KATA PENGANTAR"]
    assert [b.judul for b in doc.bab] == ["BAB I PENDAHULUAN", "BAB IV PENUTUP", "LAMPIRAN"]
    bab1 = doc.bab[0]
    # sections of two plugins interleaved by order; the data chapter, emptied, is not printed
    assert [(s.title, s.plugin) for s in bab1.sections] == [
        ("A. Latar Belakang", "pendahuluan"), ("", "data"), ("B. Dasar Hukum", "pendahuluan")]
    assert [(e.tingkat, e.teks) for e in doc.daftar_isi] == [
        (1, "BAB I PENDAHULUAN"), (2, "A. Latar Belakang"), (2, "B. Dasar Hukum"),
        (1, "BAB IV PENUTUP"), (1, "LAMPIRAN"), (2, "Perjanjian Kinerja")]
    assert [t.caption for t in doc.tables()] == ["Tabel 2.1 Data Contoh"]


def test_preview_and_export_share_chapter_sections():
    reg = registry()
    konteks = reg.konteks(DATA)
    preview = chapter_sections(reg.chapters["pendahuluan"], DATA, reg, konteks)
    assert [s.order for s in preview] == [0, 1, 1.5, 2]
    doc = assemble(DATA, reg, konteks)
    assert doc.pengantar + doc.bab[0].sections == tuple(preview)


def test_chosen_chapters_count_as_the_only_ones_present():
    doc = dokumen(chapters=["data"])
    # without its host chapter the data plugin prints its table in its own chapter
    assert [b.judul for b in doc.bab] == ["DATA CONTOH", "LAMPIRAN"]
    assert doc.pengantar == ()
    assert [t.caption for t in doc.tables()] == ["Tabel 2.1 Data Contoh"]


def test_unknown_chapter_names_the_known_ones():
    with pytest.raises(LakipError) as info:
        dokumen(chapters=["pendahuluan", "bab9"])
    assert "bab9" in str(info.value)
    assert "pendahuluan, data, penutup" in str(info.value)


def test_a_plugin_that_raises_in_render_becomes_a_finding_and_the_rest_is_printed():
    reg = registry((Rusak(), "rusak"))
    doc = dokumen(reg)
    assert [b.judul for b in doc.bab] == ["BAB I PENDAHULUAN", "BAB IV PENUTUP", "LAMPIRAN"]
    # one finding per chapter it failed for, naming the plugin, the hook and the chapter
    assert {p.chapter for p in reg.problems} == {"rusak"}
    assert all("bug di plugin" in p.message and "lakip_render" in p.message
               for p in reg.problems)
    assert {f.chapter for f in reg.failures_of("lakip_render")} == {
        c.key for c in reg.ordered_chapters()}
    assert reg.infos["rusak"].status == "aktif"  # its failure stays local


def test_render_results_that_are_not_sections_are_skipped_and_reported():
    reg = registry((Asing(), "asing"))
    doc = dokumen(reg)
    assert len(doc.bab[0].sections) == 3
    assert {p.code for p in reg.problems} == {"plugin.render-tidak-valid"}
    assert all("asing" in p.message for p in reg.problems)


class Ceroboh:
    """Careless but not broken: None for a title and key, a string order, odd blocks."""

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        if chapter.key == "penutup":
            return [Section(None, [Paragraph("Teks ceroboh."), object(), Raw(object()),
                                   TableBlock("9.1", "Angka", (Column(7),), (Row((1,)),))],
                            order="akhir", key=None)]


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "svg"])
def test_a_careless_plugin_still_exports_in_every_format(fmt):
    reg = registry((Ceroboh(), "ceroboh"))
    doc = dokumen(reg)
    penutup = next(b for b in doc.bab if b.key == "penutup")
    assert [s.plugin for s in penutup.sections] == ["ceroboh", "pendahuluan"]  # order 0 first
    out = exporters.render(doc, fmt, width=80)
    if fmt == "html":
        parse_html(out)
    if fmt == "svg":  # the text is in <text> elements, spaces as no-break spaces
        root = ET.fromstring(out)
        out = "".join(el.text or "" for el in root.iter()).replace("\xa0", " ")
    assert "Tabel 9.1 Angka" in out and "Teks ceroboh." in out


def test_missing_meta_leaves_cover_lines_out():
    reg = registry()
    data = {**DATA, "meta": {"instansi": "Dinas Contoh"}}
    doc = assemble(data, reg, reg.konteks(data))
    assert doc.sampul.baris() == ["LAPORAN KINERJA", "DINAS CONTOH"]


# -- formats ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [50, 80, 100, 133])
def test_txt_lines_never_exceed_the_width(width):
    text = exporters.render(dokumen(), "txt", width=width)
    lines = text.splitlines()
    assert max(cell_width(line) for line in lines) <= width
    assert "Tabel 2.1 Data Contoh" in text
    assert "Sumber: Data uji" in text
    assert not any(line != line.rstrip() for line in lines)
    assert "\x1b" not in text


def test_txt_layout_order_and_long_names_wrap_inside_their_cell():
    text = exporters.render(dokumen(), "txt", width=80)
    front = ["PEMERINTAH KOTA CONTOH", "KATA PENGANTAR", "NIP. 19751220 199801 1 001",
             "DAFTAR ISI"]
    body = ["BAB I PENDAHULUAN", "A. Latar Belakang", "a. Tabel data", "B. Dasar Hukum",
            "BAB IV PENUTUP", "LAMPIRAN", "Perjanjian Kinerja", "Ditandatangani."]
    position = 0
    for marker in front:
        position = text.index(marker, position)
    position = text.index("═", position)  # the page turn after the daftar isi
    for marker in body:
        position = text.index(marker, position)
    table = [line for line in text.splitlines() if line.startswith("│")]
    name_lines = [line.split("│")[2].strip() for line in table]
    # the long name is spread over several lines of its own cell, none of it lost
    joined = " ".join(n for n in name_lines if n)
    assert LONG_NAME in joined
    assert sum(1 for line in table if line.split("│")[1].strip() == "2") == 1


def test_md_writes_headings_lists_and_escaped_pipe_tables():
    md = exporters.render(dokumen(), "md", width=80)
    assert "# LAPORAN KINERJA" in md
    assert "## BAB I PENDAHULUAN" in md and "### A. Latar Belakang" in md
    assert "#### a. Tabel data" in md
    assert "| No | Nama | Pagu (Rp) |\n| ---: | --- | ---: |" in md
    assert "| **1** | **Kegiatan 1** | **1.000.000** |" in md
    assert "|  | **JUMLAH** | **6.000.000** |" in md
    assert "*Sumber: Data uji*" in md
    # text is text: a pipe, angle brackets and asterisks a planner typed are escaped
    assert r"Washliyah Putra \| cabang \<utama\>" in md
    assert r"Yayasan \*Sinar\* Sejati" in md
    assert "1. UU 1\n2. UU 2" in md
    assert "Paragraf satu.\n\nParagraf dua." in md


def test_md_escapes_table_cells_and_line_starts():
    block = TableBlock("", "T", (Column("a|b"),), (Row(("x|y\nz",)),))
    section = Section("S", (block, Paragraph("1. bukan daftar\n# bukan judul"),
                            ListBlock(("satu",), "a.")))
    from lakip_tui.exporters.markdown import blocks

    out = "\n\n".join(blocks(section, 80))
    assert "| a\\|b |" in out and "| x\\|y<br>z |" in out
    assert "1\\. bukan daftar\\\n\\# bukan judul" in out
    assert out.endswith("\n\na. satu")  # "a." starts no list in CommonMark: left as typed


def test_raw_blocks_are_fenced_text_in_md_and_pre_in_html():
    from rich.text import Text

    reg = registry()

    class Mentah:
        @hookimpl
        def lakip_render(self, chapter, data, konteks):
            if chapter.key == "penutup":
                return [Section("C. Grafik", (Raw(Text("```x``` <b>")),), order=5)]

    reg.load_object(Mentah(), "mentah")
    doc = dokumen(reg)
    md = exporters.render(doc, "md", width=80)
    assert "````text\n```x``` <b>\n````" in md
    html = exporters.render(doc, "html", width=80)
    assert "<pre>```x``` &lt;b&gt;\n</pre>" in html


class StrictHTML(HTMLParser):
    """Every opened non-void element is closed, in order; nothing is left open at the end."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.captions: list[str] = []
        self._in_caption = False
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)
        if tag == "caption":
            self._in_caption = True
            self.captions.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in self.VOID:
            self.errors.append(f"<{tag}/> bukan elemen kosong")

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> menutup {self.stack[-1:] or 'tidak ada'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        if self._in_caption:
            self.captions[-1] += data


def parse_html(html: str) -> StrictHTML:
    parser = StrictHTML()
    parser.feed(html)
    parser.close()
    assert parser.errors == []
    assert parser.stack == []
    return parser


def test_html_is_well_formed_self_contained_and_escaped():
    html = exporters.render(dokumen(), "html", width=100)
    parser = parse_html(html)
    assert parser.captions == ["Tabel 2.1 Data Contoh"]
    assert parser.external == []
    assert "@media print" in html and "@page" in html and "size: A4" in html
    assert "thead { display: table-header-group; }" in html
    assert "&lt;utama&gt;" in html and "<utama>" not in html
    text = "".join(parser.text)
    assert "Panti Asuhan Al-Jam'iyatul Washliyah Putra | cabang <utama>" in text
    assert '<a href="#bab-pendahuluan">BAB I PENDAHULUAN</a>' in html
    assert '<tbody class="jumlah">' in html and "<tr class=\"tebal\">" in html


def test_svg_is_well_formed_and_needs_nothing_from_outside():
    svg = exporters.render(dokumen(), "svg", width=80)
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "cdnjs" not in svg and "url(\"http" not in svg
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "LAPORAN" in texts and "Data" in texts


def test_unknown_format_is_refused():
    with pytest.raises(LakipError) as info:
        exporters.normalise_format("odt")
    assert "txt, md, html, svg, pdf, docx" in str(info.value)
    assert exporters.normalise_format(".MD") == "md"
    assert exporters.normalise_format("PDF") == "pdf"


# -- the box-drawing table writer ------------------------------------------------------------


def test_amounts_stay_on_one_line_and_long_words_fold_at_a_slash():
    lines = [line for line, _ in layout(tabel(), 50)]
    assert max(cell_width(line) for line in lines) <= 50
    assert any("2.000.000" in line for line in lines)
    assert wrap("Program/Kegiatan", 10) == ["Program/", "Kegiatan"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("satu dua\ntiga", 20) == ["satu dua", "tiga"]


def test_when_words_do_not_fit_text_folds_before_codes_and_padding_goes_first():
    block = TableBlock("3.7", "Realisasi", (
        Column("Kode"), Column("Program/Kegiatan"), Column("Pagu", justify="right"),
        Column("Realisasi", justify="right"), Column("K", justify="right")),
        (Row(("1.06.01.2.02.0001", "Penyelenggaraan Pemberdayaan Masyarakat", "3.190.068.739",
              "3.039.121.635", "95,27%")),))
    lines = [line for line, _ in layout(block, 66)]
    assert max(cell_width(line) for line in lines) <= 66
    row = next(line for line in lines if "1.06" in line)
    assert row.startswith("│1.06.01.2.02.0001│")  # no padding, code whole
    assert "3.190.068.739" in row and "3.039.121.635" in row
    assert any("Penyelengg" in line for line in lines)  # the long word gave way
    # narrower still: the code is folded too, the amounts never
    lines = [line for line, _ in layout(block, 56)]
    assert max(cell_width(line) for line in lines) <= 56
    assert not any("1.06.01.2.02.0001" in line for line in lines)
    assert any("3.190.068.739│3.039.121.635│95,27%│" in line for line in lines)


def test_room_goes_where_it_saves_lines():
    block = TableBlock("3.2", "Capaian", (
        Column("Sasaran Strategis"), Column("Capaian", justify="right"), Column("Peringkat")),
        (Row(("Terwujudnya kebutuhan dasar perlindungan dan jaminan sosial serta perubahan "
              "perilaku bagi Penyandang Masalah Kesejahteraan Sosial (PMKS)", "98,82%",
              "Sangat Tinggi")),))
    lines = [line for line, _ in layout(block, 60)]
    assert any("│ Sangat Tinggi │" in line for line in lines)  # the label is not wrapped


def test_rows_are_ruled_apart_only_when_a_row_wraps():
    narrow = [line for line, _ in layout(tabel(), 60)]
    wide = [line for line, _ in layout(tabel(rows=1), 100)]
    assert sum(line.startswith("├") for line in narrow) == 4  # header, 2 between rows, footer
    assert sum(line.startswith("├") for line in wide) == 2  # header, footer


def test_wide_characters_count_double():
    block = TableBlock("", "Wide", (Column("名前"), Column("x")), (Row(("名前名前名前名前", "y")),))
    for width in (12, 14, 30):
        assert max(cell_width(line) for line, _ in layout(block, width)) <= width


words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P")),
                min_size=1, max_size=30)
cells = st.lists(words, min_size=0, max_size=8).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(width=st.integers(min_value=40, max_value=160),
       header=st.lists(cells, min_size=1, max_size=12),
       body=st.lists(st.lists(cells, min_size=0, max_size=14), max_size=6))
def test_any_table_fits_any_width_and_keeps_every_character(width, header, body):
    block = TableBlock("9.9", "Judul", tuple(Column(h) for h in header),
                       tuple(Row(tuple(r)) for r in body))
    lines = [line for line, _ in layout(block, width)]
    # numbers are never split: only when they alone cannot fit may the table be wider
    from lakip_tui.exporters.box_table import _widest_chars, longest_numbers
    n = len(header)
    isi = [[r[i] if i < len(r) else "" for r in [header] + body] for i in range(n)]
    lantai = [max(a, h) for a, h in zip(longest_numbers(isi), _widest_chars(isi))]
    assert max(cell_width(line) for line in lines) <= max(width, n + 1 + sum(lantai))
    for r in body:
        for c in r[:n]:
            for kata in c.split():
                if kata.isascii() and kata.isdigit():
                    assert any(kata in line for line in lines), kata  # whole on one line
    drawn = "".join(lines)
    for row in body:
        for cell in row[:len(header)]:
            assert all(ch in drawn for ch in cell.replace(" ", ""))


# -- the command line --------------------------------------------------------------------------


PLUGIN_FILE = '''
from lakip_tui.chapter import Chapter
from lakip_tui.hookspecs import hookimpl
from lakip_tui.report import Paragraph, Section


@hookimpl
def lakip_register_chapters(register):
    register(Chapter("inovasi", "Lampiran Inovasi Daerah", 20))


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == "inovasi":
        return [Section("A. Inovasi", (Paragraph("Aplikasi Cek Bansos."),), order=1)]
'''

RUSAK_FILE = '''
from lakip_tui.hookspecs import hookimpl


@hookimpl
def lakip_render(chapter, data, konteks):
    raise ValueError("rusak sekali")
'''

PROJECT = '''format = 1
[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Contoh"
tahun = 2024
[plugins]
files = ["contoh.py"]
'''


@pytest.fixture
def proyek(tmp_path, monkeypatch):
    """A small project whose chapters come from single-file plugins (no built-ins)."""
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "contoh")  # the project's own file, no built-in
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "contoh.py").write_text(CONTOH_FILE, encoding="utf-8")
    TrustStore().allow(tmp_path / "contoh.py", (tmp_path / "contoh.py").read_bytes())
    path = tmp_path / "kecil.toml"
    path.write_text(PROJECT, encoding="utf-8")
    return path


CONTOH_FILE = '''
from lakip_tui.chapter import Chapter
from lakip_tui.hookspecs import hookimpl
from lakip_tui.report import Column, ListBlock, Paragraph, Row, Section, TableBlock


@hookimpl
def lakip_register_chapters(register):
    register(Chapter("satu", "BAB I Pendahuluan", 10))
    register(Chapter("tiga", "BAB III Akuntabilitas Kinerja", 30))


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == "satu":
        return [Section("A. Latar Belakang", (Paragraph("Latar " * 60),), order=1)]
    if chapter.key == "tiga":
        rows = tuple(Row((str(i), "Sub kegiatan dengan nama yang cukup panjang " * 2,
                          "1.000.000")) for i in range(1, 30))
        return [Section("A. Capaian", (TableBlock("3.7", "Realisasi Anggaran",
                (Column("No"), Column("Nama"), Column("Pagu", justify="right")), rows,
                "Laporan uji"),), order=1)]
'''


def test_export_writes_beside_the_project_by_default(proyek, capsys):
    assert main(["export", str(proyek)]) == 0
    out = proyek.with_suffix(".txt")
    text = out.read_text(encoding="utf-8")
    assert "BAB III AKUNTABILITAS KINERJA" in text and "Tabel 3.7 Realisasi Anggaran" in text
    captured = capsys.readouterr()
    assert captured.out == ""
    assert str(out) in captured.err
    assert main(["export", str(proyek), "-f", "html"]) == 0
    parse_html(proyek.with_suffix(".html").read_text(encoding="utf-8"))


def test_a_new_report_gets_ordinary_permissions_and_an_old_one_keeps_its_own(proyek):
    old = os.umask(0o022)
    try:
        assert main(["export", str(proyek), "-f", "md"]) == 0
        out = proyek.with_suffix(".md")
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o600)
        assert main(["export", str(proyek), "-f", "md"]) == 0
        assert out.stat().st_mode & 0o777 == 0o600
        assert [p.name for p in proyek.parent.iterdir() if p.name.startswith(".")] == []
    finally:
        os.umask(old)


def test_a_device_is_written_through_and_a_symlink_is_kept(proyek, tmp_path):
    import stat

    assert main(["export", str(proyek), "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)  # renamed over, it would be a plain file
    real = tmp_path / "arsip" / "laporan.txt"
    real.parent.mkdir()
    real.write_text("lama", encoding="utf-8")
    link = tmp_path / "terbaru.txt"
    link.symlink_to(real)
    assert main(["export", str(proyek), "-o", str(link)]) == 0
    assert link.is_symlink()
    assert "LAPORAN KINERJA" in real.read_text(encoding="utf-8")
    assert main(["export", str(proyek), "-o", str(tmp_path / "kecil.toml")]) == 2


def test_export_to_stdout_writes_only_the_report(proyek, capsys):
    assert main(["export", str(proyek), "-o", "-", "-f", "md", "--width", "80"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("**PEMERINTAH KOTA CONTOH**")
    assert "## BAB I PENDAHULUAN" in captured.out
    assert "Mengekspor" not in captured.out


def test_chapters_option_picks_chapters_and_refuses_unknown_ones(proyek, capsys):
    assert main(["export", str(proyek), "-o", "-", "--chapters", "tiga"]) == 0
    out = capsys.readouterr().out
    assert "BAB III AKUNTABILITAS KINERJA" in out and "BAB I PENDAHULUAN" not in out
    assert main(["export", str(proyek), "-o", "-", "--chapters", "satu,empat"]) == 2
    err = capsys.readouterr().err
    assert "bab tidak dikenal: empat" in err and "Bab yang ada: satu, tiga" in err


@pytest.mark.parametrize("argv, message", [
    (["-f", "odt"], "format 'odt' tidak dikenal"),
    (["--width", "10"], "--width harus antara"),
    (["-o", "/tidak/ada/folder/laporan.txt"], "folder keluaran tidak ada"),
    (["-o", "."], "keluaran adalah folder"),
])
def test_bad_input_is_one_indonesian_line_and_exit_2(proyek, capsys, argv, message):
    assert main(["export", str(proyek), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_project_file_exits_2(tmp_path, capsys):
    assert main(["export", str(tmp_path / "tidak-ada.toml")]) == 2
    assert "berkas tidak ditemukan" in capsys.readouterr().err


def test_third_party_plugin_takes_its_place_in_the_order(proyek, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LAKIP_LOAD_PLUGINS", "contoh,inovasi")
    plugin = tmp_path / "inovasi.py"
    plugin.write_text(PLUGIN_FILE, encoding="utf-8")
    assert main(["export", str(proyek), "-o", "-", "--plugin", str(plugin)]) == 0
    out = capsys.readouterr().out
    assert out.index("BAB I PENDAHULUAN") < out.index("LAMPIRAN INOVASI DAERAH") \
        < out.index("BAB III AKUNTABILITAS KINERJA", out.index("DAFTAR ISI") + 10)
    # named in the project file instead
    proyek.write_text(PROJECT.replace('["contoh.py"]', '["contoh.py", "inovasi.py"]'),
                      encoding="utf-8")
    TrustStore().allow(plugin, plugin.read_bytes())
    assert main(["export", str(proyek), "-o", "-", "-f", "md"]) == 0
    md = capsys.readouterr().out
    assert md.index("## BAB I PENDAHULUAN") < md.index("## LAMPIRAN INOVASI DAERAH") \
        < md.index("## BAB III AKUNTABILITAS KINERJA")
    assert "### A. Inovasi" in md


def test_a_broken_plugin_is_named_on_stderr_and_the_export_completes(proyek, tmp_path, capsys):
    plugin = tmp_path / "rusak.py"
    plugin.write_text(RUSAK_FILE, encoding="utf-8")
    # a chapter's part is missing: the report is written, said to be incomplete, exit 1
    assert main(["export", str(proyek), "-o", "-", "--plugin", str(plugin)]) == 1
    captured = capsys.readouterr()
    assert "BAB I PENDAHULUAN" in captured.out and "Tabel 3.7" in captured.out
    warnings = [line for line in captured.err.splitlines() if "rusak" in line]
    assert warnings and warnings[0].startswith("lakip: peringatan: Plugin 'rusak'")
    assert "rusak sekali" in warnings[0] and "lakip_render" in warnings[0]
    assert "LAPORAN TIDAK LENGKAP" in captured.err


def test_a_plugin_that_fails_its_checks_keeps_its_chapter_in_the_report(proyek, tmp_path,
                                                                        capsys):
    """Issue 12 item 4: a raising lakip_validate used to cost the whole chapter (exit 0)."""
    plugin = tmp_path / "inovasi.py"
    plugin.write_text(PLUGIN_FILE + "\n\n@hookimpl\ndef lakip_validate(data, konteks):\n"
                      "    raise KeyError('kunci')\n", encoding="utf-8")
    assert main(["export", str(proyek), "-o", "-", "--plugin", str(plugin)]) == 0
    captured = capsys.readouterr()
    assert "BAB I PENDAHULUAN" in captured.out and "LAMPIRAN INOVASI DAERAH" in captured.out
    assert "proyek memiliki 1 galat" in captured.err
    assert "lakip: peringatan: Plugin 'inovasi' gagal di lakip_validate: KeyError" in captured.err
    assert main(["export", str(proyek), "-o", "-", "--plugin", str(plugin),
                 "--chapters", "inovasi"]) == 0
    assert "LAMPIRAN INOVASI DAERAH" in capsys.readouterr().out


def test_a_project_with_errors_still_exports_with_a_warning(proyek, capsys):
    proyek.write_text(PROJECT.replace("tahun = 2024", 'tahun = "dua ribu"'), encoding="utf-8")
    assert main(["export", str(proyek), "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert "proyek memiliki 1 galat; laporan tetap diekspor" in captured.err
    assert "BAB I PENDAHULUAN" in captured.out


def test_progress_goes_to_stderr_on_a_terminal_or_after_a_second():
    chapter = Chapter("satu", "BAB I Pendahuluan", 10)

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    quiet = io.StringIO()
    Kemajuan(quiet)(chapter)
    assert quiet.getvalue() == ""
    late = io.StringIO()
    Kemajuan(late, sabar=-1)(chapter)  # as if more than the patience had already passed
    assert late.getvalue() == "Mengekspor bab BAB I Pendahuluan...\n"
    tty = Terminal()
    Kemajuan(tty)(chapter)
    assert "Mengekspor bab BAB I Pendahuluan..." in tty.getvalue()


def test_export_never_imports_textual(proyek, tmp_path):
    code = (
        "import sys\n"
        "from lakip_tui.cli import main\n"
        "for fmt in ('txt', 'md', 'html', 'svg'):\n"
        f"    assert main(['export', {str(proyek)!r}, '-f', fmt, '-o', {str(tmp_path / 'x')!r} + '.' + fmt]) == 0\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('bersih')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "LAKIP_LOAD_PLUGINS": ""})
    assert result.returncode == 0, result.stderr
    assert "bersih" in result.stdout


def test_export_of_the_example_with_every_plugin_never_imports_textual(tmp_path):
    code = (
        "import sys\n"
        "from lakip_tui.cli import main\n"
        f"assert main(['export', {str(EXAMPLE)!r}, '-o', {str(tmp_path / 'x.txt')!r}]) == 0\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
        "print('bersih')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAKIP_")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert "bersih" in result.stdout


# -- the example project: golden files ----------------------------------------------------------


@pytest.fixture(scope="module")
def contoh():
    """The example project assembled with every built-in chapter (entry points only)."""
    from lakip_tui.project import Project

    project = Project.load(EXAMPLE)
    reg = load_registry(data=project.data, project_path=project.path, env={})
    return assemble(project.data, reg, reg.konteks(project.data, project.path))


@pytest.mark.parametrize("fmt, name", [("txt", "dinsos-binjai-2024.txt"),
                                       ("md", "dinsos-binjai-2024.md")])
def test_golden_export_of_the_example(contoh, fmt, name):
    text = exporters.render(contoh, fmt, width=100)
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} belum ada: jalankan dengan LAKIP_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    assert text == expected, (
        f"{fmt} ekspor contoh berbeda dari {golden}; bila perubahan itu disengaja, jalankan "
        "LAKIP_UPDATE_GOLDEN=1 pytest tests/test_export.py dan periksa diff-nya")


@pytest.mark.parametrize("width", [80, 100])
def test_example_txt_fits_the_width(contoh, width):
    text = exporters.render(contoh, "txt", width=width)
    assert max(cell_width(line) for line in text.splitlines()) <= width


def test_example_html_parses_and_carries_every_table_caption(contoh):
    html = exporters.render(contoh, "html", width=100)
    parser = parse_html(html)
    captions = [t.caption for t in contoh.tables()]
    assert captions and parser.captions == captions
    assert parser.external == []


def test_example_svg_is_well_formed(contoh):
    ET.fromstring(exporters.render(contoh, "svg", width=100))


def test_writers_import_the_model_never_the_orchestrator():
    """One direction: export.py imports the writers; a writer imports only the document model
    (and its neighbours), so the data no longer climbs back up into export.py."""
    import ast
    import pathlib

    folder = pathlib.Path(exporters.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module not in ("export", "lakip_tui.export"), path.name
                assert not (node.level == 2 and node.module == "export"), path.name
    dokumen_src = (folder.parent / "dokumen.py").read_text(encoding="utf-8")
    assert "import rich" not in dokumen_src and "from rich" not in dokumen_src
    assert "from .exporters" not in dokumen_src and "import exporters" not in dokumen_src


def test_txt_never_splits_a_number_even_when_the_width_is_small(contoh):
    """At the narrowest width the budget table's amounts stay whole; names wrap instead."""
    import re as _re

    text = exporters.render(contoh, "txt", width=50)
    amounts = {"5.732.972.977", "4.782.481.544", "3.190.068.739", "83,42%", "95,27%"}
    lines = text.splitlines()
    for amount in amounts:
        assert any(amount in line for line in lines), amount
    # no line ends in the middle of an Indonesian amount ("4.277.622." then "800")
    for line in (line for line in lines if line.startswith("│")):
        for cell in line.split("│"):
            assert not _re.search(r"\d{1,3}(\.\d{3})+\.$", cell.strip()), line


def test_default_width_follows_the_terminal_only_when_writing_to_one(monkeypatch):
    from lakip_tui.export import lebar_bawaan

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setenv("COLUMNS", "132")
    assert lebar_bawaan("-", Terminal()) == 132
    monkeypatch.setenv("COLUMNS", "20")
    assert lebar_bawaan("-", Terminal()) == 50  # never below the narrowest width
    assert lebar_bawaan("-", io.StringIO()) == 100  # a pipe
    assert lebar_bawaan("laporan.txt", Terminal()) == 100  # a file


# -- txt: text and lists are written without Rich, as the very lines Rich prints ------------------

_WORDS = st.sampled_from(["a", "di", "Dinas", "Sosial", "1.06.01.2.02.0001", "Rp4.277.622.800",
                          "Kab/Kota", "tindak-lanjut", "x" * 23, "kesejahteraan", "(83,42%)", ""])
_GAPS = st.sampled_from([" ", "  ", "\n", "\n\n", " \n", "\n  ", "   "])


@st.composite
def _plain_texts(draw) -> str:
    words = draw(st.lists(_WORDS, max_size=40))
    gaps = draw(st.lists(_GAPS, min_size=len(words), max_size=len(words)))
    start = draw(st.sampled_from(["", " ", "  ", "\n"]))
    return start + "".join(w + g for w, g in zip(words, gaps))


def _dengan_rich(renderable, width: int) -> str:
    from lakip_tui.exporters.text import plain_console, tidy

    console = plain_console(width)
    console.print(renderable)
    return tidy(console.file.getvalue())


@settings(max_examples=400, deadline=None)
@given(text=_plain_texts(), width=st.integers(1, 60),
       bentuk=st.sampled_from(["teks", "1.", "a.", "-", "", "tengah", "menjorok", "garis",
                               "tanda tangan", "pasangan"]),
       banyak=st.integers(1, 12))
def test_txt_blocks_without_rich_are_what_rich_prints(text, width, bentuk, banyak):
    """The txt export writes text, titles, lists and signatures itself (exporters/text.py
    `_plain`); Rich draws the same renderables for the SVG export and the TUI preview. Both must
    give the same lines, whatever the text and the width."""
    from lakip_tui.exporters.text import _plain, tidy
    from lakip_tui.terminal import (Daftar, Garis, Menjorok, Pasangan, TandaTangan, Teks,
                                    Tengah)

    potong = [text[i::banyak] for i in range(banyak)]  # pieces of every length, "" too
    tanda = Signature(potong[0].replace("\n", " ")[:30], "\n".join(potong[1:3])[:40],
                      potong[-1][:20], nip="19700101 199001 1 001" if banyak % 2 else "")
    item = {"teks": lambda: Teks(text, "bold"),
            "tengah": lambda: Tengah(text.replace("\n", " ")[:width + 3]),
            "menjorok": lambda: Menjorok(text, 4),
            "garis": lambda: Garis("═"),
            "tanda tangan": lambda: TandaTangan(tanda),
            "pasangan": lambda: Pasangan(SignaturePair(
                tanda, Signature("Kota, 2 Januari 2025", potong[0][:25], "Nama Kepala"))),
            }.get(bentuk, lambda: Daftar(ListBlock(tuple(potong), bentuk)))()
    lines = _plain(item, width)
    if lines is None:  # drawn by Rich then: nothing to compare
        return
    assert tidy("".join(f"{b}\n" for b in lines)) == _dengan_rich(item, width)


@settings(max_examples=300, deadline=None)
@given(text=_plain_texts(), width=st.integers(1, 40))
def test_txt_breaks_lines_where_rich_does(text, width):
    from rich._wrap import divide_line

    from lakip_tui.exporters.text import _line_breaks

    for line in text.split("\n"):
        assert _line_breaks(line, width) == divide_line(line, width, fold=True)


def test_txt_export_of_the_example_needs_no_rich(tmp_path):
    """Rich's console, text and tables cost about 45 ms to import; the txt export of a report
    with only built-in blocks writes every line itself (it measures wide characters with
    rich.cells, which is small)."""
    out = tmp_path / "laporan.txt"
    code = ("import sys; from lakip_tui.cli import main; main(sys.argv[1:]); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))")
    result = subprocess.run([sys.executable, "-c", code, "export", str(EXAMPLE), "-f", "txt",
                             "-o", str(out)], capture_output=True, text=True, check=True)
    rich = set(eval(result.stdout))
    assert not rich & {"rich.console", "rich.text", "rich.table", "rich.segment"}, rich
    assert out.read_text(encoding="utf-8") == (GOLDEN / "dinsos-binjai-2024.txt").read_text(
        encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(isi=st.text(st.sampled_from(['a', ' ', '\\', 'n', 't', 'b', 'f', 'r', 'u', 'U', '0', '7',
                                    '1', 'B', 'e', 'x', '"', "'", '\x1b', '\x85', '\r', '\t']),
                   max_size=14),
       kutip=st.sampled_from(['"', "'", '"""', "'''"]))
def test_export_skips_cleaning_only_data_that_cannot_hold_a_control_character(isi, kutip):
    import tomllib

    from lakip_tui.clean import clean_data
    from lakip_tui.export import tanpa_kendali

    text = f"[meta]\ninstansi = {kutip}{isi}{kutip}\n"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    if tanpa_kendali(text):
        assert clean_data(data) is data


def test_export_of_escaped_control_characters_is_clean(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('format = 1\n[meta]\npemda = "Kota \\u001b]52;c;aGk=\\u0007X"\n'
                    'instansi = "Dinas\\bSosial"\ntahun = 2024\n', encoding="utf-8")
    out = tmp_path / "p.txt"
    main(["export", str(path), "-f", "txt", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "KOTA ]52;C;AGK=X" in text and "DINASSOSIAL" in text
    assert not any(ord(c) < 32 and c not in "\n" for c in text)


def test_errors_counted_beside_the_export_say_what_counting_first_said(proyek, tmp_path, capsys,
                                                                       monkeypatch):
    """The checks run in a forked child while the report is assembled (export.ErrorCount):
    the count, a plugin's failed lakip_validate and every other message are the same as with
    the checks run first in the export's own process (LAKIP_EXPORT_PARALEL=0)."""
    from lakip_tui import export, forked

    proyek.write_text(PROJECT.replace("tahun = 2024", 'tahun = "dua ribu"'), encoding="utf-8")
    plugin = tmp_path / "inovasi.py"
    plugin.write_text(PLUGIN_FILE + "\n\n@hookimpl\ndef lakip_validate(data, konteks):\n"
                      "    raise KeyError('kunci')\n", encoding="utf-8")
    hasil = {}
    for paralel in ("1", "0"):
        monkeypatch.setenv("LAKIP_EXPORT_PARALEL", paralel)
        if paralel == "0":
            assert not forked.can_fork(os.environ, export.ErrorCount.SWITCH)
        assert main(["export", str(proyek), "-o", "-", "--plugin", str(plugin)]) == 0
        hasil[paralel] = capsys.readouterr()
    assert hasil["1"].out == hasil["0"].out
    assert sorted(hasil["1"].err.splitlines()) == sorted(hasil["0"].err.splitlines())
    assert "proyek memiliki 2 galat" in hasil["1"].err
    assert "Plugin 'inovasi' gagal di lakip_validate: KeyError" in hasil["1"].err


def test_errors_are_counted_here_when_the_child_hands_back_nothing(proyek, capsys, monkeypatch):
    from lakip_tui import export

    proyek.write_text(PROJECT.replace("tahun = 2024", 'tahun = "dua ribu"'), encoding="utf-8")
    monkeypatch.setattr(export.ErrorCount, "_child_payload", lambda self: os._exit(0))
    assert main(["export", str(proyek), "-o", "-"]) == 0
    assert "proyek memiliki 1 galat" in capsys.readouterr().err


def test_a_failed_export_leaves_no_child_counting_errors(proyek, monkeypatch):
    import os

    from lakip_tui import export

    anak = []
    asli = export.ErrorCount.__init__

    def mulai(self, *args):
        asli(self, *args)
        anak.append(self._child._pid)

    def gagal(*args, **kwargs):
        raise LakipError("uji: penyusunan gagal")

    monkeypatch.setenv("LAKIP_EXPORT_PARALEL", "1")
    monkeypatch.setattr(export.ErrorCount, "__init__", mulai)
    monkeypatch.setattr(export, "assemble", gagal)
    with pytest.raises(LakipError):
        export.run_export(argparse_namespace(proyek))
    for pid in anak:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already waited for


def argparse_namespace(path):
    import argparse

    return argparse.Namespace(file=str(path), format="txt", output="-", width=100,
                              chapters=None, plugin=[])


# -- the txt writer tidies only what needs it ---------------------------------------------------
# text.render leaves a table's lines as layout writes them (tidy would change nothing in
# them) unless they hold a character splitlines breaks at; both ways must give tidy's text.

_SEL = st.text(alphabet=st.sampled_from(list("ab Rp.,-/19\n\t") + ["\xa0", "\u3000", "\u2028",
                                                                   "\x1c", "\x85", "\u4e2d"]),
               max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_SEL, _SEL, _SEL), min_size=1, max_size=6), _SEL, _SEL,
       st.integers(min_value=20, max_value=160))
def test_table_lines_never_end_in_whitespace(baris, judul, sumber, width):
    block = TableBlock("1.1", judul, (Column("A"), Column("B", justify="right"),
                                      Column("C", justify="center")),
                       tuple(Row(cells) for cells in baris), sumber)
    for line, _style in layout(block, width):
        assert line == line.rstrip()
        assert "\n" not in line


def _render_lama(items: list, width: int) -> str:
    """text.render as it was: everything into one buffer, then tidy over all of it."""
    from lakip_tui.exporters import text as teks_writer
    from lakip_tui.exporters.box_table import BoxTable

    out = io.StringIO()
    console = None
    for item in items:
        if isinstance(item, BoxTable):
            out.write("".join(f"{line}\n" for line, _ in layout(item.table, width)))
            continue
        lines = teks_writer._plain(item, width)
        if lines is not None:
            out.write("".join(f"{line}\n" for line in lines))
            continue
        if console is None:
            console = teks_writer.plain_console(width, file=out)
        console.print(item)
    return teks_writer.tidy(out.getvalue())


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_SEL, _SEL), min_size=1, max_size=5), _SEL, _SEL,
       st.integers(min_value=30, max_value=120))
def test_txt_with_tables_is_tidy_of_all_its_lines(baris, teks, teks_lain, width):
    from unittest import mock

    from lakip_tui.exporters import text as teks_writer
    from lakip_tui.exporters.box_table import BoxTable
    from lakip_tui.terminal import Teks

    block = TableBlock("1.1", "T", (Column("A"), Column("B", justify="right")),
                       tuple(Row(cells) for cells in baris), teks)
    items = [Teks(teks), BoxTable(block), Teks(teks_lain), Teks("  "), BoxTable(block), Teks(teks)]
    with mock.patch.object(teks_writer, "renderables", lambda _doc: iter(items)):
        assert teks_writer.render(None, width=width) == _render_lama(items, width)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab cdefg-/\n") + ["Kegiatan", "  ", "\u4e2d"]),
                max_size=40).map("".join),
       st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=30))
def test_line_count_is_the_count_of_wrap_at_any_width_in_any_order(teks, widths):
    """One store of word lengths (and of the widths a count holds for) per text, asked at many
    widths in any order, as the width search does: always wrap's count."""
    from lakip_tui.exporters.box_table import _line_count

    kata_kata: dict = {}
    for w in [*widths, *sorted(widths)]:
        assert _line_count(teks, w, kata_kata) == len(wrap(teks, w))
