"""The PDF writer's line breaker (`exporters/linebreak.py`) against Typst's own breaking: on
random cell texts and column widths, every count it is sure of is the count Typst lays out, and
its glyph table is what the installed Typst measures."""

from __future__ import annotations

import json
import random
import re
import string

import pytest

typst = pytest.importorskip("typst", reason="typst (the PDF writer's dependency) is not installed")

from lakip_tui.exporters import linebreak  # noqa: E402

# Words like those of a LAKIP's tables: names with hyphens and slashes, codes, amounts, percents.
_WORDS = ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota Perencanaan,"
          " Penganggaran, dan Evaluasi Kinerja Perangkat RKA-SKPD DPA-SKPD Jumlah Dokumen"
          " (Laporan) Koordinasi 1.06.01.2.01.0001 11.099.880.428 63,98% 100% Rp PERANGKAT"
          " DAERAH KOTA TELUK DAMAR Penyusunan effisiensi fisik Wawancara AVTa. Lokasi: Tahun"
          " 2024; Perundang-undangan 2020-2024 Listrik/Penerangan Pengujian/Verifikasi SKPD/UPT"
          " a-1 b/2 x-/y Kab./Kota (-) - /").split()

_LINES = """
#set text(font: "Libertinus Serif", lang: "id")
#set par(justify: false, leading: 0.45em)
#let teks(s) = s.split("\\n").map(l => [#l]).join(linebreak())
#let cases = json(bytes(sys.inputs.cases))
#let lines(c) = {
  let sized(body) = text(size: c.size * 1pt, weight: if c.bold { "bold" } else { "regular" }, body)
  let one = measure(sized("X")).height
  let step = measure(sized(teks("X\\nX"))).height - one
  let h = measure(block(width: c.width * 1pt, sized(teks(c.text)))).height
  calc.round((h - one) / step) + 1
}
#context [#metadata(cases.map(lines)) <lines>]
"""


def _random_text(rng: random.Random) -> str:
    def word() -> str:
        if rng.random() < 0.2:
            return "".join(rng.choice(string.ascii_letters + string.digits + ".,-/()%")
                           for _ in range(rng.randint(1, 14)))
        return rng.choice(_WORDS)

    lines = [" ".join(word() for _ in range(rng.randint(1, 12))) for _ in range(rng.randint(1, 2))]
    return "\n".join(lines)


def _typst_lines(tmp_path, cases: list[dict]) -> list[int]:
    program = tmp_path / "baris.typ"
    program.write_text(_LINES, encoding="utf-8")
    return json.loads(typst.query(str(program), "<lines>", field="value", one=True,
                                  ignore_system_fonts=True,
                                  sys_inputs={"cases": json.dumps(cases)}))


def _case(rng: random.Random) -> dict:
    """A text, a size and a width: random, or exactly as wide as the text's first words (the
    edge where Typst's own tolerance decides)."""
    case = {"text": _random_text(rng), "size": rng.choice((8, 9, 10)), "bold": rng.random() < 0.3,
            "width": rng.uniform(30, 260)}
    if rng.random() < 0.5:
        font = linebreak.fonts()["bold" if case["bold"] else "regular"]
        words = case["text"].split("\n")[0].split(" ")
        first = font.width(" ".join(words[:rng.randint(1, len(words))]))
        if first:
            case["width"] = first * case["size"]
    return case


def test_line_counts_are_typsts_on_random_texts_and_widths(tmp_path):
    rng = random.Random(13)
    cases = [_case(rng) for _ in range(2000)]
    expected = _typst_lines(tmp_path, cases)
    fonts = linebreak.fonts()
    sure = 0
    for case, typst_lines in zip(cases, expected):
        font = fonts["bold" if case["bold"] else "regular"]
        ours = linebreak.count_lines(case["text"], case["width"] / case["size"], font)
        if ours is not None:
            sure += 1
            assert ours == typst_lines, case
    assert sure > len(cases) * 0.4  # sure of most of them (random words break at - and /)


def test_the_glyph_table_is_what_typst_measures():
    shipped = json.loads((linebreak.resources.files(linebreak.__package__)
                          / "libertinus.json").read_text("utf-8"))
    assert linebreak.measure_glyphs() == shipped


def _glyphs(data: bytes) -> list[list[tuple]]:
    """Every page's characters with their boxes, rounded to a hundredth of a point."""
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test dependency) is not installed")
    pdf = pdfium.PdfDocument(data)
    pages = []
    for i in range(len(pdf)):
        text = pdf[i].get_textpage()
        pages.append([(text.get_text_range(j, 1), *(round(v, 2) for v in text.get_charbox(j)))
                      for j in range(text.count_chars())])
    return pages


def test_counted_row_heights_change_nothing_on_the_page(monkeypatch):
    """A table of random rows (one to six lines, hyphens, slashes, bold rows, a footer) over
    several pages, typeset with the row heights pdf.py counts and with every row `auto` (rows
    whole in both): the same pages, every character in the same place (a row too short or too
    tall would move all below it)."""
    from lakip_tui import exporters
    from lakip_tui.dokumen import (BabLaporan, Column, Document, EntriIsi, Row, Sampul, Section,
                                   TableBlock)
    from lakip_tui.exporters import pdf

    rng = random.Random(7)
    amounts = [f"{rng.randint(1, 10**11):,}".replace(",", ".") for _ in range(30)]
    def words(least: int, most: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(least, most)))

    rows = tuple(Row((f"1.06.{i:02d}", words(1, 9), words(0, 12), rng.choice(amounts),
                      f"{rng.randint(0, 100)},{rng.randint(0, 99):02d}%"),
                     style="bold" if rng.random() < 0.2 else "") for i in range(160))
    columns = (Column("Kode"), Column("Program/Kegiatan"), Column("Indikator"),
               Column("Pagu Rp", justify="right"), Column("%", justify="right"))
    table = TableBlock("3.7", "Uji", columns, rows,
                       footer=(Row(("", "JUMLAH", "", amounts[0], "50,00%")),))
    doc = Document(Sampul("Pemda", "Dinas", "2024"), (), (EntriIsi(1, "BAB I"),), (
        BabLaporan("bab", "BAB I", (Section("A. Uji", (table,)),)),))
    data = pdf._table(table)
    assert data["whole_rows"]
    assert sum(n is not None for n in data["row_lines"]) > 60  # most rows counted
    assert sum(n is not None and n >= 4 for n in data["row_lines"]) > 5  # tall ones too
    counted = _glyphs(exporters.render(doc, "pdf"))
    count = pdf._row_lines

    def uncounted(table: dict) -> dict:
        return {**count(table), "row_lines": [None] * len(table["rows"]),
                "footer_lines": [None] * len(table["footer"])}

    monkeypatch.setattr(pdf, "_row_lines", uncounted)
    assert pdf._table(table)["whole_rows"]
    measured_by_typst = _glyphs(exporters.render(doc, "pdf"))
    assert len(counted) == len(measured_by_typst) > 3
    for n, (a, b) in enumerate(zip(counted, measured_by_typst), 1):
        assert a == b, f"halaman {n}"


# Text the line breaker is not sure of: letters it has not measured, ligatures, double and
# leading spaces, empty lines, words wider than a column.
_ODD = ("Efisiensi effisien fiskal affiks difficult — “Kinerja” café Ñandú 名称 ✓ ½"
        " Kesejahteraan-Sosial/Pemberdayaan-Masyarakat-Desa-dan-Kelurahan").split()


def test_most_lines_is_never_fewer_than_typsts(tmp_path):
    """The upper bound pdf.py plans a wide table's pages with: never under Typst's count (a
    part would run onto a page more), and the count itself wherever `count_lines` is sure."""
    rng = random.Random(29)
    cases = []
    for _ in range(1500):
        case = _case(rng)
        if rng.random() < 0.6:
            words = case["text"].split(" ")
            for _ in range(rng.randint(1, 4)):
                words.insert(rng.randint(0, len(words)), rng.choice(_ODD + ["", " "]))
            case["text"] = " ".join(words) + rng.choice(("", "", "\n", "\n\nakhir"))
        cases.append(case)
    expected = _typst_lines(tmp_path, cases)
    fonts = linebreak.fonts()
    unsure = 0
    for case, typst_lines in zip(cases, expected):
        font = fonts["bold" if case["bold"] else "regular"]
        width = case["width"] / case["size"]
        most = linebreak.most_lines(case["text"], width, font)
        assert most >= typst_lines, case
        exact = linebreak.count_lines(case["text"], width, font)
        if exact is None:
            unsure += 1
        else:
            assert most == exact, case
    assert unsure > 300  # the bound is tried where it matters


def _wide_report(rows: tuple, footer: tuple = ()):
    from lakip_tui.dokumen import (BabLaporan, Column, Document, EntriIsi, Sampul, Section,
                                   TableBlock)

    columns = (Column("Kode"), Column("Program/Kegiatan/Sub Kegiatan"), Column("Indikator"),
               Column("Satuan"), Column("Target"), Column("Realisasi"),
               Column("Pagu (Rp)", justify="right"), Column("Realisasi (Rp)", justify="right"),
               Column("Capaian", justify="right"), Column("Perangkat Daerah"))
    table = TableBlock("3.7", "Realisasi Anggaran per Sub Kegiatan Tahun 2024", columns, rows,
                       footer=footer, sumber="Laporan Monitoring Evaluasi Realisasi Anggaran")
    return table, Document(Sampul("Pemda", "Dinas", "2024"), (), (EntriIsi(1, "BAB III"),), (
        BabLaporan("bab", "BAB III", (Section("A. Uji", (table,)),)),))


def _wide_rows(rng: random.Random, n: int, words: tuple, most: int = 16) -> tuple:
    from lakip_tui.dokumen import Row

    amounts = [f"{rng.randint(1, 10**11):,}".replace(",", ".") for _ in range(30)]

    def text(least: int, most: int) -> str:
        return " ".join(rng.choice(words) for _ in range(rng.randint(least, most)))

    return tuple(Row((f"1.06.{i:04d}", text(1, 14), text(0, most), "Dokumen",
                      str(rng.randint(1, 9)), str(rng.randint(0, 9)),
                      rng.choice(amounts), rng.choice(amounts),
                      f"{rng.randint(0, 100)},{rng.randint(0, 99):02d}%",
                      "PERANGKAT DAERAH KOTA TELUK DAMAR"),
                     style="bold" if rng.random() < 0.15 else "") for i in range(n))


def test_a_wide_table_in_parts_is_laid_out_as_one_table(monkeypatch):
    """A long wide table cut into parts (each on pages of its own, laid out side by side by
    Typst) against the same table in one piece: the same pages, every character in the same
    place. A page counted one row too full or too short would move every row after it; so would
    a row of four lines or more split across two pages in one and not in the other."""
    from lakip_tui import exporters
    from lakip_tui.dokumen import Row
    from lakip_tui.exporters import pdf

    monkeypatch.setattr(pdf, "_PAGES_PER_PART", 2)
    rng = random.Random(11)
    # words the line breaker is sure of: no hyphen, slash or parenthesis, no "f" ligature
    plain = tuple(w for w in _WORDS if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9.,%;:]*", w)
                  and not linebreak._LIGATURE.search(w))
    table, doc = _wide_report(_wide_rows(rng, 200, plain, most=40),
                              footer=(Row(("", "JUMLAH", "", "", "", "", "1.000", "900", "90,00%",
                                           "")),))
    data = pdf._table(table)
    assert len(data["parts"]) >= 4  # three parts or more
    assert sum(n is not None and n >= 4 for n in data["row_lines"]) > 20  # tall rows, fixed
    in_parts = _glyphs(exporters.render(doc, "pdf"))
    monkeypatch.setattr(pdf, "_MOST_PARTS", 1)
    in_one = _glyphs(exporters.render(doc, "pdf"))
    assert len(in_parts) == len(in_one) > 8
    for n, (a, b) in enumerate(zip(in_parts, in_one), 1):
        assert a == b, f"halaman {n}"


def test_a_part_never_runs_onto_a_page_more_with_text_not_counted(monkeypatch):
    """Rows full of text the line breaker is not sure of are counted at their most: no part
    takes more pages than counted, and every row is there once, in order."""
    from lakip_tui import exporters
    from lakip_tui.exporters import pdf

    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test dependency) is not installed")
    monkeypatch.setattr(pdf, "_PAGES_PER_PART", 1)
    monkeypatch.setattr(pdf, "_MOST_PARTS", 10_000)
    rng = random.Random(5)
    table, doc = _wide_report(_wide_rows(rng, 200, tuple(_WORDS) + tuple(_ODD) * 3))
    data = pdf._table(table)
    planned = len(pdf._page_starts(pdf._row_heights(data)))
    assert len(data["parts"]) == planned + 1  # a part a page: each page's count is tried
    document = pdfium.PdfDocument(exporters.render(doc, "pdf"))
    landscape = [i for i in range(len(document))
                 if document[i].get_width() > document[i].get_height()]
    assert len(landscape) == planned
    text = "".join(document[i].get_textpage().get_text_range() for i in landscape)
    codes = [f"1.06.{i:04d}" for i in range(200)]
    assert [text.count(c) for c in codes] == [1] * 200
    assert sorted(codes, key=text.index) == codes


def _portrait_report(*blocks):
    from lakip_tui.dokumen import BabLaporan, Document, EntriIsi, Sampul, Section

    return Document(Sampul("Pemda", "Dinas", "2024"), (), (EntriIsi(1, "BAB II"),), (
        BabLaporan("bab", "BAB II", (Section("A. Uji", tuple(blocks)),)),))


def _tall_rows(rng: random.Random, n: int, least: int, most: int) -> tuple:
    """Rows whose middle cell runs from `Awal###` to `Akhir###` over many lines."""
    from lakip_tui.dokumen import Row

    return tuple(Row((f"{i + 1}.", f"Awal{i:03d} " + " ".join(
        rng.choice(_WORDS) for _ in range(rng.randint(least, most))) + f" Akhir{i:03d}",
        f"{rng.randint(0, 100)},{rng.randint(0, 99):02d}%")) for i in range(n))


def _pages_text(data: bytes) -> list[str]:
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test dependency) is not installed")
    pdf = pdfium.PdfDocument(data)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def test_rows_never_split_across_pages_in_a_portrait_table():
    """As in the HTML and DOCX, a row of a portrait table is on one page whole, also a row of
    many lines (Typst split those at a page's foot before): every row's first and last word
    are on the same page."""
    from lakip_tui import exporters
    from lakip_tui.dokumen import Column, TableBlock
    from lakip_tui.exporters import pdf

    rng = random.Random(3)
    table = TableBlock("2.1", "Uraian panjang", (Column("No"), Column("Uraian"),
                                                 Column("Capaian", justify="right")),
                       _tall_rows(rng, 70, 8, 40))
    data = pdf._table(table)
    assert data["whole_rows"] and not data["wide"]
    assert sum(n is not None and n >= 4 for n in data["row_lines"]) > 15
    pages = _pages_text(exporters.render(_portrait_report(table), "pdf"))
    for i in range(70):
        first = [n for n, text in enumerate(pages) if f"Awal{i:03d}" in text]
        last = [n for n, text in enumerate(pages) if f"Akhir{i:03d}" in text]
        assert first == last and len(first) == 1, f"baris {i + 1}: halaman {first} dan {last}"


def test_a_caption_is_never_left_alone_at_the_foot_of_a_page():
    """A table's caption stays with its first row: with rows that never split, a tall first row
    that does not fit under the caption moves to the next page, and the caption goes with it.
    Tables come after text of every length, so captions fall at every height of a page."""
    from lakip_tui import exporters
    from lakip_tui.dokumen import Column, Paragraph, TableBlock

    rng = random.Random(8)
    blocks = []
    for k in range(24):
        blocks.append(Paragraph(" ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 160)))))
        rows = _tall_rows(rng, 2, 30, 60)
        blocks.append(TableBlock(f"2.{k + 1}", f"Tabel uji {k + 1}",
                                 (Column("No"), Column("Uraian"), Column("Capaian")),
                                 tuple(r.__class__((f"T{k:02d}", *r.cells[1:])) for r in rows)))
    pages = _pages_text(exporters.render(_portrait_report(*blocks), "pdf"))
    for k in range(24):
        caption = [n for n, text in enumerate(pages) if f"Tabel 2.{k + 1} Tabel uji" in text]
        first_row = [n for n, text in enumerate(pages) if f"T{k:02d}" in text]
        assert caption and caption[0] == first_row[0], f"Tabel 2.{k + 1}: {caption} {first_row}"


def test_a_row_taller_than_a_page_leaves_the_table_to_split_its_rows():
    """A row no page holds: the table is typeset as before, its long rows split across pages,
    each left to Typst (no height given), and every word is there."""
    from lakip_tui import exporters
    from lakip_tui.dokumen import Column, Row, TableBlock
    from lakip_tui.exporters import pdf

    rng = random.Random(4)
    rows = _tall_rows(rng, 6, 8, 30) + (Row(("7.", "Awal006 " + " ".join(
        f"kata{j}" for j in range(900)) + " Akhir006", "1,00%")),)
    table = TableBlock("2.1", "Satu baris sangat panjang", (Column("No"), Column("Uraian"),
                                                           Column("Capaian")), rows)
    data = pdf._table(table)
    assert "whole_rows" not in data and "column_widths_pt" in data
    assert all(n is None or n < 4 for n in data["row_lines"])
    pages = _pages_text(exporters.render(_portrait_report(table), "pdf"))
    text = "".join(pages)
    assert all(f"kata{j} " in text.replace("\r\n", " ") + " " for j in range(900))
    assert [n for n, t in enumerate(pages) if "Awal006" in t] != \
        [n for n, t in enumerate(pages) if "Akhir006" in t]


@pytest.mark.parametrize("digits", ["0123456789", "1"])
def test_a_texts_twin_breaks_into_as_many_lines(digits):
    """Amounts and codes of one shape are counted once (pdf._row_lines): a text's twin, its
    digits made 0, breaks into the same lines in Libertinus, whose digits are all as wide and
    never kerned. A font whose digits differ gets no twin."""
    rng = random.Random(17)
    fonts = linebreak.fonts()
    for _ in range(3000):
        text = _random_text(rng)
        text = re.sub(r"[0-9]", lambda _: rng.choice(digits), text)
        font = fonts[rng.choice(("regular", "bold"))]
        width = rng.uniform(3, 30)
        twin = font.twin(text).decode()
        assert re.sub(r"[0-9]", "0", text) == twin
        assert linebreak.count_lines(twin, width, font) == linebreak.count_lines(text, width, font)
        assert linebreak.most_lines(twin, width, font) == linebreak.most_lines(text, width, font)
    regular = fonts["regular"]
    odd = linebreak.Font({**regular.advances, "1": 300.0}, regular.kerning, 700.0)
    assert odd.twin("Rp 1.234,56").decode() == "Rp 1.234,56"
    kerned = linebreak.Font(regular.advances, {**regular.kerning, "1.": -20.0}, 700.0)
    assert kerned.twin("1.06") == b"1.06"


_AUTO_COLUMNS = """
#import "blocks.typ": *
#let b = json(bytes(sys.inputs.table))
#set text(font: "Libertinus Serif", size: 12pt, lang: "id")
#set page(paper: "a4", flipped: b.wide, margin: if b.wide {
  (top: 3cm, bottom: 2.5cm, left: 2.5cm, right: 2.5cm) } else {
  (top: 3cm, bottom: 3cm, left: 4cm, right: 3cm) })
#set table(stroke: 0.5pt, inset: cell-inset)
#if sys.inputs.how == "auto" {
  set text(size: b.size * 1pt)
  set par(justify: false, leading: 0.45em)
  set table.cell(breakable: false) if b.at("whole_rows", default: false)
  table(columns: b.widths.map(w => if w == 0 { auto } else { w * 1fr }),
    align: b.columns.map(c => alignment-of(c.justify)),
    table.header(..b.columns.map(c => table.cell(align: center + horizon, fill: luma(232),
      text(weight: "bold", lines-of(c.header))))),
    ..b.rows.map(r => r.cells.map(c => if r.bold { text(weight: "bold", c) } else { c })).flatten())
} else { table-body(b) }
"""


@pytest.mark.parametrize("amounts, digits, wide, share", [
    (2, 13, False, 0.57), (3, 10, False, 0.83), (7, 7, True, 0.96), (8, 10, True, 0.99),
    (9, 10, True, None)])
def test_columns_sized_to_content_are_as_wide_as_typsts_auto_makes_them(tmp_path, amounts, digits,
                                                                       wide, share):
    """Columns of amounts that take half the width or nearly all of it, portrait and landscape:
    pdf.py counts the rows at the widths Typst's own `auto` columns get, and blocks.typ lays the
    table out with them: the same glyph for glyph. Wider than the page, Typst's `auto` decides
    (it shrinks them) and pdf.py counts nothing."""
    import shutil

    from lakip_tui.dokumen import Column, Row, TableBlock
    from lakip_tui.exporters import pdf

    rng = random.Random(amounts * 100 + digits)
    numbers = [f"{rng.randint(10 ** (digits - 1), 10 ** digits - 1):,}".replace(",", ".")
               for _ in range(40)]
    rows = tuple(Row((f"{i + 1}.", " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 9))),
                      *(rng.choice(numbers) for _ in range(amounts))),
                     style="bold" if rng.random() < 0.2 else "") for i in range(30))
    table = TableBlock("2.1", "Uji", (Column("No"), Column("Uraian"), *(
        Column(f"Realisasi Anggaran {j}", justify="right") for j in range(amounts))), rows)
    data = pdf._table(table)
    assert data["wide"] == wide and data["widths"][2:] == [0] * amounts
    if share is None:
        assert "column_widths_pt" not in data
    else:
        widths = data["column_widths_pt"]
        content = sum(w for w, part in zip(widths, data["widths"]) if part == 0)
        assert content / pdf._TEXT_WIDTH_PT[wide] == pytest.approx(share, abs=0.05)
    exporters = linebreak.resources.files(linebreak.__package__)
    shutil.copy(str(exporters / "blocks.typ"), tmp_path / "blocks.typ")
    (tmp_path / "t.typ").write_text(_AUTO_COLUMNS, encoding="utf-8")

    def glyphs(how: str) -> list[list[tuple]]:
        out = typst.Compiler(root=str(tmp_path), ignore_system_fonts=True).compile(
            input=str(tmp_path / "t.typ"), format="pdf",
            sys_inputs={"table": json.dumps(data), "how": how})
        return _glyphs(out)

    ours, typsts = glyphs("ours"), glyphs("auto")
    assert len(ours) == len(typsts)
    for n, (a, b) in enumerate(zip(ours, typsts), 1):
        assert a == b, f"halaman {n}"
