"""The report as a Word document (python-docx), for the planner to go on with in Word.

Real Word headings (Heading 1 for the chapters, Heading 2 for their sections), so Word's own
daftar isi works; the daftar isi, daftar tabel and daftar gambar are Word fields (TOC) that Word
fills with page numbers when the document opens (the file asks it to update its fields).
Tables are bordered, their header row repeats on every page, and a row is never split across
pages; a table too wide for the portrait page gets a landscape section of its own. Page numbers
are in the footer: none on the cover, i, ii, ... in the front matter, 1, 2, ... from BAB I.
Charts are pictures drawn by Typst exactly as in the PDF; where a second core is free they are
drawn in a forked child while this process builds the rest of the document (`_Charts`).
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..dokumen import (Document, Figure, Heading, ListBlock, Paragraph, Section, Signature,
                       SignaturePair, TableBlock)
from ..clean import clean_text
from .table_widths import measure

FONT = "Times New Roman"
TABLE_CAPTION_STYLE = "Judul Tabel"  # the paragraph styles daftar tabel / gambar are built from
FIGURE_CAPTION_STYLE = "Judul Gambar"


def render(document: Document, *, width: int = 100) -> bytes:
    charts = _Charts(list(document.figures()))
    try:
        return _render(document, width, charts)
    finally:
        charts.cancel()


def _render(document: Document, width: int, charts: "_Charts") -> bytes:
    word = WordDocument()
    _styles(word)
    _page_setup(word.sections[0], landscape=False)
    word.core_properties.title = document.judul
    word.core_properties.author = document.sampul.instansi
    _cover(word, document)
    # the front matter: its own section, numbered i, ii, ...
    front = word.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(front, landscape=False)
    _page_numbers(front, "lowerRoman")
    for i, section in enumerate(document.pengantar):
        if i:
            _page_break(word)
        _paragraph(word, section.title.upper(), "Heading 1")
        _blocks(word, section, width, charts)
    _page_break(word)
    _toc(word, "DAFTAR ISI", 'TOC \\o "1-2" \\h \\z \\u',
         [(e.teks, e.tingkat) for e in document.daftar_isi])
    table_captions = [t.caption for t in document.tables() if t.nomor]
    if table_captions:
        _page_break(word)
        _toc(word, "DAFTAR TABEL", f'TOC \\h \\z \\t "{TABLE_CAPTION_STYLE},1"',
             [(t, 1) for t in table_captions])
    figure_captions = [f.caption for f in document.figures()]
    if figure_captions:
        _page_break(word)
        _toc(word, "DAFTAR GAMBAR", f'TOC \\h \\z \\t "{FIGURE_CAPTION_STYLE},1"',
             [(f, 1) for f in figure_captions])
    # the chapters: numbered 1, 2, ... again
    for i, chapter in enumerate(document.bab):
        section = _new_section(word)
        _page_setup(section, landscape=False)
        if i == 0:
            _page_numbers(section, "decimal", start=1)
        _paragraph(word, chapter.judul, "Heading 1")
        for part in chapter.sections:
            if part.title:
                _paragraph(word, part.title, "Heading 2")
            _blocks(word, part, width, charts)
    _update_fields_on_open(word)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


# -- page setup --------------------------------------------------------------------------------


def _page_setup(section: Any, *, landscape: bool) -> None:
    """A4 with the margins agencies bind with (left 4 cm, the rest 3 cm); landscape turned."""
    width, height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(3), Cm(2.5)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        section.left_margin, section.right_margin = Cm(4), Cm(3)
        section.top_margin = section.bottom_margin = Cm(3)


def _new_section(word: Any) -> Any:
    """A new section on a new page whose page numbers go on from the previous one (Word
    copies the previous section's settings, its restart at 1 too).

    A section with nothing in it yet (the portrait one opened after a wide table that ended
    a chapter) is used as it is: another break would leave it as a blank page. The empty
    paragraph that keeps a table off the next text is dropped when a section ends there: the
    paragraph of the break does that, and the two together could spill onto a blank page."""
    body = word.element.body
    last = body[-2] if len(body) > 1 else None  # body[-1] is the last section's sectPr
    if last is not None and _is_empty_paragraph(last) and \
            last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        return word.sections[-1]
    if last is not None and _is_empty_paragraph(last) and len(body) > 2 and \
            body[-3].tag == qn("w:tbl") and last.find(qn("w:pPr")) is None:
        body.remove(last)
    section = word.add_section(WD_SECTION.NEW_PAGE)
    for pg in section._sectPr.findall(qn("w:pgNumType")):
        pg.attrib.pop(qn("w:start"), None)
    return section


def _is_empty_paragraph(el: Any) -> bool:
    """A w:p without text or anything drawn in it (its properties aside)."""
    return el.tag == qn("w:p") and all(child.tag == qn("w:pPr") for child in el)


def _page_numbers(section: Any, fmt: str, start: int | None = 1) -> None:
    """Page numbers in this section's footer (later sections inherit it) in `fmt`."""
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    pg = OxmlElement("w:pgNumType")
    pg.set(qn("w:fmt"), fmt)
    if start is not None:
        pg.set(qn("w:start"), str(start))
    sect.append(pg)
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.text = ""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(p, "PAGE", "1")


def _page_break(word: Any) -> None:
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _field(paragraph: Any, instr: str, result: str) -> None:
    """A Word field (PAGE, TOC...) with `result` shown until Word updates it."""
    def char(kind: str) -> Any:
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)
        return run

    char("begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instr} "
    run._r.append(text)
    char("separate")
    paragraph.add_run(result)
    char("end")


def _toc(word: Any, title: str, instr: str, entries: list[tuple[str, int]]) -> None:
    """A daftar as a TOC field; until Word fills in the page numbers it shows the entries."""
    heading = _paragraph(word, title, "TOC Heading")
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = word.add_paragraph()
    _field(p, instr, "")
    # the placeholder entries sit inside the field result: Word replaces them on update
    result = p.runs[-2]  # the empty result run between "separate" and "end"
    for i, (text, level) in enumerate(entries):
        if i:
            result.add_break()
        result.add_text(("    " if level > 1 else "") + text)


def _update_fields_on_open(word: Any) -> None:
    """Ask Word to update the fields (page numbers of the daftar isi) when it opens the file."""
    settings = word.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)


# -- styles --------------------------------------------------------------------------------------


def _styles(word: Any) -> None:
    normal = word.styles["Normal"]
    _font(normal, 12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 14), (2, 12), (3, 12)):
        style = word.styles[f"Heading {level}"]
        _font(style, size, bold=True)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        if level == 1:
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(word.styles["TOC Heading"], 14, bold=True)
    for name in (TABLE_CAPTION_STYLE, FIGURE_CAPTION_STYLE):
        style = word.styles.add_style(name, 1)
        style.base_style = word.styles["Normal"]
        _font(style, 11, bold=True)
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.paragraph_format.keep_with_next = name == TABLE_CAPTION_STYLE
        style.paragraph_format.space_before = Pt(6)


def _font(style: Any, size: int, *, bold: bool = False) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


# -- blocks --------------------------------------------------------------------------------------


def _cover(word: Any, document: Document) -> None:
    with_logo = _cover_logo(word, document.sampul.logo)
    for i, line in enumerate(document.sampul.baris()):
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_before = Pt(120 if i == 0 and not with_logo else 36)
        run = p.add_run(line)
        run.bold = True
        run.font.size = Pt(24 if line == "LAPORAN KINERJA" else 16)


def _cover_logo(word: Any, logo: Any) -> bool:
    """The Pemda's logo, 4 cm high, centred above the cover's lines; False when there is none
    or python-docx cannot read its header (a JPEG without a JFIF or Exif part, a cut file):
    the report goes on without it. The bytes go into the file as they are."""
    if logo is None:
        return False
    p = word.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(72)
    try:
        p.add_run().add_picture(io.BytesIO(logo.data), height=Cm(4))
    except Exception:  # any way a header can be wrong; the cover's text matters more
        p._element.getparent().remove(p._element)
        return False
    return True


def _paragraph(word: Any, text: str, style: str) -> Any:
    """`word.add_paragraph(text, style=style)` (and `add_heading`, which is that with "Heading
    N"), with the style's id looked up once per document: python-docx searches the styles for
    the name, and then for the default style, each time (about 1,5 ms; a city's report asks 180
    times)."""
    cache = word.__dict__.setdefault("_lakip_styles", {})
    if style not in cache:
        cache[style] = word.styles[style].style_id
    paragraph = word.add_paragraph(text)
    paragraph._p.style = cache[style]
    return paragraph


def _text(paragraph: Any, text: str, *, bold: bool = False, size: float | None = None) -> None:
    """Text with its line breaks kept as Word line breaks."""
    for i, line in enumerate(str(text).split("\n")):
        run = paragraph.add_run(line)
        if i:
            run._r.addprevious(OxmlElement("w:br"))
        if bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def _blocks(word: Any, section: Section, width: int, charts: "_Charts") -> None:
    for block in section.blocks:
        if isinstance(block, Heading):
            _paragraph(word, block.text, "Heading 3")
        elif isinstance(block, Paragraph):
            for text in block.paragraphs():
                p = word.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                _text(p, text)
        elif isinstance(block, ListBlock):
            for label, item in zip(block.labels(), block.items):
                p = word.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                if label:
                    p.paragraph_format.left_indent = Cm(0.8)
                    p.paragraph_format.first_line_indent = Cm(-0.8)
                    p.add_run(f"{label}\t")
                _text(p, item)
        elif isinstance(block, TableBlock):
            _table(word, block)
        elif isinstance(block, Signature):
            _signature_table(word, [None, block])
        elif isinstance(block, SignaturePair):
            _signature_table(word, [block.kiri, block.kanan])
        elif isinstance(block, Figure):
            _figure(word, block, charts)
        else:  # Raw, or anything else a plugin gave: drawn by Rich as plain text
            from .text import block_renderable, plain_text

            p = word.add_paragraph()
            _text(p, clean_text(plain_text(block_renderable(block), width)).rstrip("\n"), size=8)
            for run in p.runs:
                run.font.name = "Courier New"


def _table(word: Any, block: TableBlock) -> None:
    measured = measure(block)
    if measured.landscape:  # a landscape section of its own, then portrait again
        _page_setup(_new_section(word), landscape=True)
    if block.caption:
        _paragraph(word, block.caption, TABLE_CAPTION_STYLE)
    n = max(len(block.columns), 1)
    table = word.add_table(rows=1, cols=n)
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = 10 if not measured.landscape else 8
    justify = [c.justify for c in block.columns] or ["left"]
    header = table.rows[0]
    _header_row(header)
    for cell, column in zip(header.cells, block.columns):
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _text(p, column.header, bold=True, size=size)
        _shade(cell)
    body_rows = []
    for rows, bold_default in ((block.rows, False), (block.footer, True)):
        for row in rows:
            cells = [str(c) for c in row.cells[:n]] + [""] * (n - len(row.cells[:n]))
            bold = "bold" in (row.style or ("bold" if bold_default else "")).split()
            body_rows.append((cells, bold))
    table._tbl.extend(_rows_xml(body_rows, justify, size))
    _column_widths(table, measured, word.sections[-1], block)
    if block.sumber:
        p = word.add_paragraph()
        run = p.add_run(f"Sumber: {block.sumber}")
        run.italic = True
        run.font.size = Pt(10)
    else:
        word.add_paragraph()
    if measured.landscape:
        _page_setup(_new_section(word), landscape=False)


_JC = {"right": "right", "center": "center"}


def _rows_xml(rows: list[tuple[list[str], bool]], justify: list[str], size: int) -> list[Any]:
    """The body rows (cells, bold) as WordprocessingML, written as one XML text and parsed
    once: python-docx's cell objects cost about a millisecond a cell (Tabel 3.7 of a city has
    20.000), and building the elements one by one in Python still 0,6 s for that table."""
    from xml.sax.saxutils import escape

    from docx.oxml import parse_xml

    sz = f'<w:sz w:val="{size * 2}"/></w:rPr>'
    run_start = {False: "<w:r><w:rPr>" + sz, True: "<w:r><w:rPr><w:b/>" + sz}
    cell_start = {j: '<w:tc><w:p><w:pPr><w:spacing w:after="0"/>'
                     + (f'<w:jc w:val="{_JC[j]}"/>' if j in _JC else "") + "</w:pPr>"
                  for j in set(justify)}
    parts = [f'<w:tbl xmlns:w="{_W}">']
    for cells, bold in rows:
        parts.append('<w:tr><w:trPr><w:cantSplit w:val="true"/></w:trPr>')
        for text, j in zip(cells, justify):
            parts.append(cell_start[j])
            for i, line in enumerate(text.split("\n")):
                parts.append(run_start[bold])
                if i:
                    parts.append("<w:br/>")
                parts.append(f'<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
            parts.append("</w:p></w:tc>")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return list(parse_xml("".join(parts)))


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _column_widths(table: Any, measured: Any, section: Any, block: TableBlock) -> None:
    """Column widths in Word's cells (text plus 0,19 cm margins either side). Every column
    gets at least its longest word or number, so none is split ("No", "Target", "98,82%");
    short columns (amounts, codes, labels) then grow to their longest line while there is room,
    and running text shares the rest in proportion to its length."""
    available = section.page_width - section.left_margin - section.right_margin
    per_char, cell_margins = Cm(0.19), Cm(0.38)

    def cm(chars: int) -> int:
        return int((chars + 1) * per_char + cell_margins)

    n = len(measured.shares)
    texts = [[str(c.header) for c in block.columns]] + [
        [str(c) for c in r.cells[:n]] for r in (*block.rows, *block.footer)]
    longest_words = [max([len(w) for r in texts if i < len(r) for w in r[i].split()] + [1])
                     for i in range(n)]
    widths = [cm(chars) for chars in longest_words]
    for i in sorted(range(n), key=lambda i: measured.longest[i]):  # short columns whole, if room
        if measured.shares[i] is None:
            extra = cm(measured.longest[i]) - widths[i]
            if extra > 0 and sum(widths) + extra <= available:
                widths[i] += extra
    room_left = available - sum(widths)
    total_share = sum(share for share in measured.shares if share) or 1
    if room_left > 0:
        widths = [w + (int(room_left * share / total_share) if share else 0)
                  for w, share in zip(widths, measured.shares)]
    table.autofit = False
    # the grid and the header row carry the widths; Word lays out the body by the grid
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(int(w) // 635))  # EMU -> twentieths of a point
    for cell, w in zip(table.rows[0].cells, widths):
        cell.width = int(w)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _header_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _keep_whole(row: Any) -> None:
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _shade(cell: Any) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "E8E8E8")
    cell._tc.get_or_add_tcPr().append(shd)


def _signature_table(word: Any, signatures: list[Signature | None]) -> None:
    """Signing blocks side by side in a borderless table (empty left half for one block)."""
    table = word.add_table(rows=1, cols=len(signatures))
    for cell, signature in zip(table.rows[0].cells, signatures):
        if signature is None:
            continue
        first = True
        for line in signature.lines():
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            run = p.add_run(line)
            if line and line == signature.nama:
                run.bold = True
                run.underline = True
    _keep_whole(table.rows[0])
    word.add_paragraph()


def _figure(word: Any, figure: Figure, charts: "_Charts") -> None:
    """The chart as pictures 14 cm wide, each at most 20 cm tall (a long chart is cut between
    its bars, the header row on each piece), the caption under the last."""
    for png in charts.pictures(figure):
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        p.add_run().add_picture(io.BytesIO(png), width=Cm(14))
    _paragraph(word, figure.caption, FIGURE_CAPTION_STYLE)


def _draw(figure: Figure) -> list[bytes]:
    from .pdf import chart_pngs_per_page

    return chart_pngs_per_page(figure, height_cm=20, width_cm=14)


class _Charts:
    """The charts' PNG pictures. Typst rasterising them is a third of the city's DOCX (0,5 s of
    1,7 s) and needs nothing of the Word document, so where a second core is free they are
    drawn in a forked child meanwhile (LAKIP_EXPORT_PARALEL=0 draws them here, for measuring).
    A child that hands back nothing changes only the time: the charts are drawn here then."""

    SWITCH = "LAKIP_EXPORT_PARALEL"

    def __init__(self, figures: list[Figure]) -> None:
        import os

        from ..forked import ForkedCall, can_fork, single_threaded

        self._figures = figures
        self._drawn: dict[int, list[bytes]] | None = None
        wanted = figures and can_fork(os.environ, self.SWITCH) and single_threaded()
        self._child = ForkedCall(self._draw_all) if wanted else None

    def _draw_all(self) -> list[list[bytes]]:
        return [_draw(figure) for figure in self._figures]

    def pictures(self, figure: Figure) -> list[bytes]:
        if self._drawn is None:
            drawn = self._child.result() if self._child is not None else None
            if not isinstance(drawn, list) or len(drawn) != len(self._figures):
                drawn = []
            self._drawn = {id(f): pictures for f, pictures in zip(self._figures, drawn)}
        pictures = self._drawn.get(id(figure))
        return pictures if pictures is not None else _draw(figure)

    def cancel(self) -> None:
        if self._child is not None:
            self._child.cancel()
