"""`lakip export -f pdf`: the example's report typeset by Typst, read back with pypdfium2.

What a reader checks on paper: the seed's numbers are in the tables where they belong, nothing
sticks out of the page, every page after the cover has its number in the footer (roman in the
front matter, arabic from BAB I), the daftar isi points at the pages where the chapters really
start, the wide Tabel 3.7 is on landscape pages with its header on each, and a project's text can
never run Typst code.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lakip_tui import exporters
from lakip_tui.dokumen import (Document, EntriIsi, Paragraph, Sampul, Section, TableBlock,
                               Column, Row, BabLaporan)
from lakip_tui.export import assemble
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test dependency) is not installed")

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"
ROMAN = re.compile(r"^[ivxlc]+$")


def _document(path: Path = EXAMPLE) -> Document:
    project = Project.load(path)
    registry = load_registry([], data=project.data, project_path=project.path)
    return assemble(project.data, registry, registry.konteks(project.data, project.path))


class Halaman:
    """One page as a reader sees it: its size, its text and its lines top to bottom."""

    def __init__(self, page) -> None:
        self.width, self.height = page.get_size()
        tp = page.get_textpage()
        self.text = tp.get_text_range().replace("\xa0", " ")
        self.boxes = [tp.get_charbox(i) for i in range(tp.count_chars())]
        self.lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        # the footer: the text lowest on the page
        lowest = [i for i, b in enumerate(self.boxes) if b[3] - b[1] > 0]
        bottom = min((self.boxes[i][1] for i in lowest), default=None)
        self.footer = "".join(self.text[i] for i in lowest
                              if bottom is not None and abs(self.boxes[i][1] - bottom) < 2
                              and i < len(self.text)).strip()


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return exporters.render(_document(), "pdf")


@pytest.fixture(scope="module")
def pages(pdf_bytes) -> list[Halaman]:
    doc = pdfium.PdfDocument(pdf_bytes)
    return [Halaman(doc[i]) for i in range(len(doc))]


def test_it_is_a_pdf_with_the_fonts_embedded(pdf_bytes):
    assert pdf_bytes.startswith(b"%PDF-")
    assert b"/FontFile" in pdf_bytes  # embedded font programs
    assert b"LibertinusSerif" in pdf_bytes


def test_every_glyph_is_inside_the_page(pages):
    for n, page in enumerate(pages, 1):
        for left, bottom, right, top in page.boxes:
            assert -0.5 <= left and right <= page.width + 0.5, f"halaman {n}: keluar kiri/kanan"
            assert -0.5 <= bottom and top <= page.height + 0.5, f"halaman {n}: keluar atas/bawah"


def test_a4_portrait_and_landscape_pages_for_the_wide_budget_table(pages):
    a4 = (595.3, 841.9)
    portrait = [p for p in pages if abs(p.width - a4[0]) < 1 and abs(p.height - a4[1]) < 1]
    landscape = [p for p in pages if abs(p.width - a4[1]) < 1 and abs(p.height - a4[0]) < 1]
    assert len(portrait) + len(landscape) == len(pages)
    t37 = [p for p in landscape if "Kode" in p.text and "Pagu Rp" in p.text
           and "Realisasi Rp" in p.text]
    assert len(t37) >= 3, "Tabel 3.7 spans several landscape pages"
    # the header row repeats on every page of the table
    for page in t37:
        assert "Program/Kegiatan/Sub Kegiatan" in page.text


def test_page_numbers_roman_for_the_front_matter_then_arabic(pages):
    assert pages[0].footer == "" or "PEMERINTAH" in pages[0].text  # the cover has no number
    footers = [p.footer for p in pages[1:]]
    bab1 = next(i for i, p in enumerate(pages) if p.lines and p.lines[0] == "BAB I PENDAHULUAN")
    front = footers[:bab1 - 1]
    assert front and all(ROMAN.match(f) for f in front), front
    assert front[0] == "i"
    body = footers[bab1 - 1:]
    assert body == [str(n) for n in range(1, len(body) + 1)], body


def test_the_seed_numbers_are_in_the_budget_table(pages):
    text = "\n".join(p.text for p in pages if "Pagu Rp" in p.text)
    # Urusan 1.06: pagu, realisasi and its percentage, as the seed's Tabel 3.7 has them
    for figure in ("5.732.972.977", "4.782.481.544", "83,42%", "4.277.622.800", "3.847.007.949",
                   "3.190.068.739", "3.039.121.635", "95,27%"):
        assert figure in text, figure
    capaian = "\n".join(p.text for p in pages if "Tabel 3.2" in p.text)
    assert "84" in capaian and "85" in capaian


def _daftar(pages, judul: str) -> dict[str, str]:
    """Entries of a daftar (title -> page label) from the pages that hold it."""
    out: dict[str, str] = {}
    mulai = next(i for i, p in enumerate(pages) if p.lines and p.lines[0] == judul)
    for page in pages[mulai:mulai + 3]:
        if page is not pages[mulai] and page.lines and page.lines[0].startswith("DAFTAR"):
            break
        for line in page.lines:
            m = re.match(r"^(.*?)[ .]*\s([ivxlc]+|\d+)$", line)
            if m and "." in line:
                out[m.group(1).strip()] = m.group(2)
    return out


def test_the_daftar_isi_gives_the_pages_the_chapters_are_on(pages):
    isi = _daftar(pages, "DAFTAR ISI")
    by_label = {p.footer: p for p in pages[1:]}
    for bab in ("BAB I PENDAHULUAN", "BAB II PERENCANAAN DAN PERJANJIAN KINERJA",
                "BAB III AKUNTABILITAS KINERJA", "BAB IV PENUTUP", "LAMPIRAN"):
        assert bab in isi, (bab, isi)
        assert by_label[isi[bab]].lines[0] == bab
    assert ROMAN.match(isi["KATA PENGANTAR"])


def test_daftar_tabel_lists_the_numbered_tables_with_pages(pages):
    bab1 = next(i for i, p in enumerate(pages) if p.lines and p.lines[0] == "BAB I PENDAHULUAN")
    text = "\n".join(p.text for p in pages[:bab1])
    assert "DAFTAR TABEL" in text
    for nomor in ("Tabel 2.1", "Tabel 3.2", "Tabel 3.7"):
        assert nomor in text


def test_project_text_is_shown_never_run():
    """Typst markup and code in a project's text print as they are written."""
    jahat = ('#read("/etc/passwd") ] #set page(width: 1cm) $x^2$ *tebal* _miring_ '
             '@label <tag> \\ // komentar #{ panic("x") }')
    doc = Document(Sampul("Pemda", "Dinas #{1+1}", "2024"), (), (EntriIsi(1, "BAB I"),), (
        BabLaporan("bab", "BAB I", (Section("A. Uji", (
            Paragraph(jahat),
            TableBlock("1.1", "Uji ]#x", (Column("A"), Column("B", justify="right")),
                       (Row((jahat, "1.000")),)),
        )),)),))
    data = exporters.render(doc, "pdf")
    pdf = pdfium.PdfDocument(data)
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", jahat) in flat
    assert "root:" not in text
    assert "Dinas#{1+1}" in flat.replace("DINAS", "Dinas")


def test_columns_sized_to_content_hold_their_widest_line_and_fit_the_page():
    """Columns of short lines get the width Typst's `auto` would give them, measured on their
    longest lines only (pdf._longest_lines, blocks.typ `widest`); a table whose short columns
    would take the page leaves it to `auto`. Either way no amount breaks and nothing leaves
    the page."""
    from lakip_tui.exporters.pdf import _longest_lines

    kolom = [{"header": "Kode", "justify": "left"}, {"header": "Pagu\nRp", "justify": "right"}]
    baris = [{"cells": ["1.06", "4.277.622.800"], "bold": True},
             {"cells": ["1.06.01.2.02.0001", "-"], "bold": False}]
    biasa, tebal = _longest_lines(kolom, baris, [], [0, 0])
    assert biasa == [["1.06.01.2.02.0001"], ["-"]]
    assert tebal == [["1.06", "Kode"], ["4.277.622.800", "Pagu", "Rp"]]

    angka = [f"{n * 1_234_567:,}".replace(",", ".") for n in range(1, 12)]
    sempit = TableBlock("1.1", "Tabel sempit", (Column("No", justify="right"), Column("Uraian"),
                                                 Column("Jumlah", justify="right")),
                        tuple(Row((str(i), "Uraian kegiatan yang cukup panjang " * 3, a))
                              for i, a in enumerate(angka, 1)))
    lebar = TableBlock("1.2", "Tabel penuh angka", tuple(Column(f"Kolom {i}", justify="right")
                                                         for i in range(11)),
                       (Row(tuple(angka)), Row(tuple(reversed(angka)), style="bold")))
    doc = Document(Sampul("Pemda", "Dinas", "2024"), (), (EntriIsi(1, "BAB I"),), (
        BabLaporan("bab", "BAB I", (Section("A. Uji", (sempit, lebar)),)),))
    pdf = pdfium.PdfDocument(exporters.render(doc, "pdf"))
    for i in range(len(pdf)):
        page = Halaman(pdf[i])
        for left, bottom, right, top in page.boxes:
            assert -0.5 <= left and right <= page.width + 0.5, f"halaman {i + 1}"
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for a in angka:
        assert a in text.replace("\r\n", "\n")  # every amount on one line


def test_the_pdf_is_untagged_unless_pdf_tags_is_asked_and_the_pages_are_the_same(tmp_path,
                                                                                   capsys):
    """Tags (for screen readers) make the file several times bigger, so they are asked for with
    --pdf-tags; the pages are the same either way. --pdf-tags with another format is an error."""
    import pypdfium2.raw as pdfium_c
    from lakip_tui.cli import main

    plain, tagged = tmp_path / "biasa.pdf", tmp_path / "bertanda.pdf"
    assert main(["export", str(EXAMPLE), "-f", "pdf", "-o", str(plain)]) == 0
    assert main(["export", str(EXAMPLE), "-f", "pdf", "--pdf-tags", "-o", str(tagged)]) == 0
    documents = [pdfium.PdfDocument(path) for path in (plain, tagged)]
    assert [pdfium_c.FPDFCatalog_IsTagged(d.raw) for d in documents] == [0, 1]
    assert tagged.stat().st_size > 2 * plain.stat().st_size
    texts = [[d[i].get_textpage().get_text_range() for i in range(len(d))] for d in documents]
    assert texts[0] == texts[1] and len(texts[0]) > 40
    capsys.readouterr()

    assert main(["export", str(EXAMPLE), "-f", "txt", "--pdf-tags",
                 "-o", str(tmp_path / "x.txt")]) == 2
    assert "--pdf-tags hanya untuk format pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.txt").exists()
