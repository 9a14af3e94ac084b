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
    several pages, typeset with the row heights pdf.py counts and with every row `auto`: the
    same pages, every character in the same place (a row too short or too tall would move all
    below it; one that cannot split across pages would move a page break)."""
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
    assert sum(n is not None for n in pdf._table(table)["row_lines"]) > 60  # most rows counted
    counted = _glyphs(exporters.render(doc, "pdf"))
    monkeypatch.setattr(pdf, "_row_lines", lambda table: {})
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
    assert data["row_lines"].count(None) > 20  # rows of four lines or more, Typst measures them
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
    planned = len(pdf._page_starts(data))
    assert len(data["parts"]) == planned + 1  # a part a page: each page's count is tried
    document = pdfium.PdfDocument(exporters.render(doc, "pdf"))
    landscape = [i for i in range(len(document))
                 if document[i].get_width() > document[i].get_height()]
    assert len(landscape) == planned
    text = "".join(document[i].get_textpage().get_text_range() for i in landscape)
    codes = [f"1.06.{i:04d}" for i in range(200)]
    assert [text.count(c) for c in codes] == [1] * 200
    assert sorted(codes, key=text.index) == codes
