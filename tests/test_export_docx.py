"""`lakip export -f docx`: the example's report reopened with python-docx, as Word would read it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from lakip_tui import exporters
from lakip_tui.cli import main
from lakip_tui.dokumen import BabLaporan, Column, Document, EntriIsi, Row, Sampul, Section, TableBlock
from lakip_tui.export import assemble
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"


def _document() -> Document:
    project = Project.load(EXAMPLE)
    registry = load_registry([], data=project.data, project_path=project.path)
    return assemble(project.data, registry, registry.konteks(project.data, project.path))


@pytest.fixture(scope="module")
def contoh() -> Document:
    return _document()


@pytest.fixture(scope="module")
def word(contoh):
    return docx.Document(io.BytesIO(exporters.render(contoh, "docx")))


def _teks_tabel(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_every_table_comes_back_with_the_same_cells(contoh, word):
    tables = [_teks_tabel(t) for t in word.tables]
    for block in contoh.tables():
        n = len(block.columns)
        expected = [[c.header for c in block.columns]]
        expected += [[str(c) for c in r.cells[:n]] + [""] * (n - len(r.cells[:n]))
                     for r in (*block.rows, *block.footer)]
        assert expected in tables, block.caption


def test_header_rows_repeat_and_rows_do_not_split(contoh, word):
    grids = [t for t in word.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grids) >= len(list(contoh.tables()))
    for table in grids:
        trpr = table.rows[0]._tr.trPr
        assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def test_real_word_headings(word):
    h1 = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert h1[:3] == ["KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN"]
    assert "BAB III AKUNTABILITAS KINERJA" in h1 and "LAMPIRAN" in h1
    h2 = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert "A. Latar Belakang" in h2


def test_the_wide_budget_table_gets_a_landscape_section(word):
    body = word.element.body
    sections = word.sections
    assert any(s.orientation == WD_ORIENT.LANDSCAPE and s.page_width > s.page_height
               for s in sections)
    # Tabel 3.7's caption is in a landscape section: find the section that follows it
    children = list(body.iterchildren())
    caption = next(i for i, el in enumerate(children)
                   if el.tag == qn("w:p") and "Tabel 3.7 Realisasi Anggaran" ==
                   "".join(t.text or "" for t in el.iter(qn("w:t"))))
    for el in children[caption:]:
        sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el.tag == qn("w:p") else None
        if sect is not None:
            size = sect.find(qn("w:pgSz"))
            assert size.get(qn("w:orient")) == "landscape"
            break
    else:
        pytest.fail("no section break after Tabel 3.7")


def test_page_numbers_in_the_footer_and_daftar_isi_as_a_field(word):
    xml = word.element.xml
    assert 'TOC \\o "1-2"' in xml
    assert "Judul Tabel" in xml
    footers = [s.footer for s in word.sections if not s.footer.is_linked_to_previous]
    assert any(" PAGE " in f._element.xml for f in footers)
    nomor = []
    for section in word.sections:
        pg = section._sectPr.find(qn("w:pgNumType"))
        nomor.append(None if pg is None else (pg.get(qn("w:fmt")), pg.get(qn("w:start"))))
    # the cover has none; the front matter starts at i; BAB I starts again at 1; every later
    # section (the next chapters, the landscape pages) goes on counting
    assert nomor[0] is None and nomor[1] == ("lowerRoman", "1")
    mulai = [n for n in nomor if n and n[1] is not None]
    assert mulai == [("lowerRoman", "1"), ("decimal", "1")]
    assert all(n == ("decimal", None) for n in nomor[nomor.index(("decimal", "1")) + 1:])
    assert word.settings.element.find(qn("w:updateFields")) is not None


def test_a4_with_the_binding_margin(word):
    portrait = word.sections[1]
    assert abs(portrait.page_width.cm - 21.0) < 0.05 and abs(portrait.page_height.cm - 29.7) < 0.05
    assert abs(portrait.left_margin.cm - 4) < 0.05


def test_cli_writes_a_docx_that_reopens(tmp_path, capsys):
    out = tmp_path / "laporan.docx"
    assert main(["export", str(EXAMPLE), "-f", "docx", "-o", str(out)]) == 0
    assert len(docx.Document(str(out)).tables) > 5
    assert list(tmp_path.iterdir()) == [out]  # no temp file left


def test_text_with_xml_and_field_syntax_is_kept_as_text():
    jahat = '<w:t>{ PAGE } & "kutip" ]]>'
    doc = Document(Sampul("Pemda", "Dinas", "2024"), (), (EntriIsi(1, "BAB I"),),
                   (BabLaporan("bab", "BAB I", (Section("A", (
                       TableBlock("1.1", jahat, (Column(jahat),), (Row((jahat,)),)),)),)),))
    word = docx.Document(io.BytesIO(exporters.render(doc, "docx")))
    assert word.tables[0].rows[1].cells[0].text == jahat


def test_control_characters_from_a_plugin_never_reach_the_docx_or_pdf():
    """A plugin's own text with ESC and BEL in it: the assembly cleans every block."""
    from lakip_tui.chapter import Chapter
    from lakip_tui.context import Konteks
    from lakip_tui.dokumen import Paragraph
    from lakip_tui.hookspecs import hookimpl
    from lakip_tui.plugins import Registry

    class Kotor:
        @hookimpl
        def lakip_register_chapters(self, register):
            register(Chapter("kotor", "BAB I Kotor\x1b[2J", 10))

        @hookimpl
        def lakip_render(self, chapter, data, konteks):
            return [Section("A. Judul\x07", (
                Paragraph("teks\x1b]52;c;aGFoYQ==\x07 biasa"),
                TableBlock("1.1", "Tabel\x1b[31m", (Column("A\x9b"),), (Row(("sel\x1b[0m",)),)),
            ))]

    registry = Registry()
    registry.load_object(Kotor(), "kotor")
    doc = assemble({"meta": {"instansi": "Dinas\x1b[5m"}}, registry, registry.konteks({}))
    data = exporters.render(doc, "docx")
    word = docx.Document(io.BytesIO(data))
    import zipfile
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    for bad in ("\x1b", "\x07", "\x9b"):
        assert bad not in xml
    assert word.tables[-1].rows[1].cells[0].text == "sel[0m"
    pdf = exporters.render(doc, "pdf")
    import pypdfium2 as pdfium
    pages = pdfium.PdfDocument(pdf)
    text = "".join(pages[i].get_textpage().get_text_range() for i in range(len(pages)))
    assert "\x1b" not in text and "teks]52;c;aGFoYQ== biasa" in text


def test_no_section_is_left_empty(word):
    """A wide table that ends a chapter (Tabel 3.7 ends BAB III) used to leave an empty
    portrait section before the next chapter's: a blank page in Word and LibreOffice. Every
    section has something in it before its break."""
    body = word.element.body
    kosong = []
    sebelumnya = None
    for i, el in enumerate(body):
        pecah = el.tag == qn("w:p") and el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        if pecah and sebelumnya is not None and sebelumnya.tag == qn("w:p") and \
                sebelumnya.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            kosong.append(i)
        sebelumnya = el
    assert not kosong


def test_columns_hold_their_longest_word_with_the_cell_margins(word):
    """"No", "Target" and "98,82%" used to wrap inside their cells: the widths left out Word's
    0,19 cm cell margins."""
    from docx.shared import Cm

    data = [t for t in word.tables if t._tbl.find(f".//{qn('w:tblHeader')}") is not None]
    assert len(data) > 10
    for table in data:
        lebar = [int(c.get(qn("w:w"))) * 635 for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for i, w in enumerate(lebar):
            kata = max((len(x) for row in _teks_tabel(table) if i < len(row)
                        for x in row[i].split()), default=1)
            assert w >= (kata + 1) * Cm(0.19) + Cm(0.38) - 635 or sum(lebar) > Cm(24), (i, kata)


def test_a_long_chart_is_cut_into_pictures_that_fit_the_page():
    """A city's chart of 143 programs was one picture 1,1 m tall in Word: cut between its bars,
    every piece 14 cm wide and at most 20 cm tall, the caption once, under the last."""
    from docx.shared import Cm

    from lakip_tui.dokumen import Batang, Figure, Grafik

    batang = tuple(Batang(f"Program nomor {i} dengan nama yang cukup panjang", 40.0 + i % 60,
                          (f"{i}.000.000",)) for i in range(90))
    gambar = Figure("3.2", Grafik("Pagu dan realisasi per program", ("Pagu",), batang))
    doc = Document(Sampul("Kota", "Dinas", "2024"), (), (EntriIsi(1, "BAB III"),),
                   (BabLaporan("bab", "BAB III", (Section("Grafik", (gambar,)),)),))
    word = docx.Document(io.BytesIO(exporters.render(doc, "docx")))
    gambar_gambar = word.inline_shapes
    assert len(gambar_gambar) >= 5
    for shape in gambar_gambar:
        assert abs(shape.width - Cm(14)) < Cm(0.01) and shape.height <= Cm(20)
    from lakip_tui.exporters.docx import FIGURE_CAPTION_STYLE

    judul = [p.text for p in word.paragraphs if p.style.name == FIGURE_CAPTION_STYLE]
    assert judul == ["Gambar 3.2 Pagu dan realisasi per program"]


# -- the charts drawn beside the document -------------------------------------------------------


def _members(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_charts_drawn_in_a_child_give_the_same_document(tmp_path):
    """`lakip export -f docx` draws the charts in a forked child while it builds the document
    (a fresh process: no Typst pool started yet); every part of the file is the same as when
    they are drawn in the export's own process (only the zip's timestamps may differ)."""
    import os
    import subprocess
    import sys

    outputs = {}
    for switch in ("1", "0"):
        out = tmp_path / f"contoh-{switch}.docx"
        env = {**os.environ, "LAKIP_EXPORT_PARALEL": switch}
        done = subprocess.run([sys.executable, "-m", "lakip_tui", "export", str(EXAMPLE),
                               "-f", "docx", "-o", str(out)], env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs[switch] = _members(out)
    assert outputs["1"] == outputs["0"]
    assert any(name.startswith("word/media/") for name in outputs["1"])


def test_charts_are_drawn_here_when_the_child_hands_back_nothing(contoh):
    from lakip_tui.exporters import docx as writer

    class Silent:  # a child that died: nothing comes back
        def result(self):
            return None

        def cancel(self):
            pass

    figures = list(contoh.figures())
    assert figures
    charts = writer._Charts(figures)
    charts.cancel()
    charts._child = Silent()
    pictures = charts.pictures(figures[0])
    assert pictures and all(png.startswith(b"\x89PNG") for png in pictures)
    assert pictures == writer._draw(figures[0])


def test_no_child_is_forked_beside_other_threads():
    """A child forked beside a thread (Typst's pool once a PDF was made, a database's) could
    wait forever on what only the parent's threads would release."""
    import threading

    from lakip_tui import forked

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.single_threaded()
    finally:
        stop.set()
        thread.join()
