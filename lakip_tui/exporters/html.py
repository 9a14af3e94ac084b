"""The report as one self-contained HTML file that prints well on A4.

Inline CSS only (no fonts, scripts or images from elsewhere; the cover's logo is a data URI, so it
opens the same offline and on the agency's server); every chapter starts a new page; table headers
repeat on each printed page; every text a plugin gave is escaped. Printed (Chromium 131 and later
reads the page-margin boxes): A4 with the page number in the footer (roman on the front matter from
i, none on the cover, arabic from 1 again at BAB I), and a table too wide for portrait on landscape
pages of its own (`exporters/table_widths.py` decides, as for the PDF). The numbers are two
counters of our own, each counted by the pages of its kind (`counter-increment` in the named
`@page` rules), since the built-in page counter counts every page and Chromium cannot reset it
where a chapter starts.
The daftar isi links to the chapters but shows no page numbers: that needs `target-counter()`,
which Chromium does not implement; the PDF export (`-f pdf`) has them.
"""

from __future__ import annotations

import re
from html import escape

from .. import grafik as grafik_
from ..dokumen import (Document, Figure, Heading, ListBlock, Paragraph, Sampul, Section,
                       Signature, SignaturePair, TableBlock)

CSS = """
@page { size: A4 portrait; margin: 3cm 3cm 3cm 4cm; counter-increment: halaman-bab;
        @bottom-center { content: counter(halaman-bab); font: 10pt "Times New Roman", serif; } }
@page sampul { counter-increment: none; @bottom-center { content: none; } }
@page depan { counter-increment: halaman-depan;
        @bottom-center { content: counter(halaman-depan, lower-roman); } }
@page lebar { size: A4 landscape; margin: 2.5cm 2.5cm 2.5cm 2.5cm; }
@page lebar-depan { size: A4 landscape; margin: 2.5cm 2.5cm 2.5cm 2.5cm;
        counter-increment: halaman-depan;
        @bottom-center { content: counter(halaman-depan, lower-roman); } }
.sampul { page: sampul; }
.depan { page: depan; }
.tabel.lebar { page: lebar; break-before: page; break-after: page; }
.depan .tabel.lebar { page: lebar-depan; }
.tabel.lebar table { font-size: 8pt; }
html { background: #fff; color: #000; }
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.45;
       max-width: 17cm; margin: 1.5cm auto; padding: 0 1cm; }
h1, h2, h3, h4, h5, h6 { font-family: Arial, Helvetica, sans-serif; line-height: 1.25;
       break-after: avoid; page-break-after: avoid; }
h1 { font-size: 20pt; margin: 1.2em 0; }
h2 { font-size: 14pt; text-align: center; margin: 0 0 1.2em; }
h3 { font-size: 12pt; margin: 1.4em 0 0.6em; }
h4, h5, h6 { font-size: 12pt; margin: 1em 0 0.4em; }
p { margin: 0 0 0.7em; text-align: justify; }
ol, ul { margin: 0 0 0.7em; padding-left: 2em; }
li { margin-bottom: 0.2em; }
ul.label { list-style: none; padding-left: 0.5em; }
ul.label .penanda { display: inline-block; min-width: 2em; }
.sampul { text-align: center; padding: 4cm 0; }
.sampul p { text-align: center; font-family: Arial, Helvetica, sans-serif; font-size: 15pt;
       font-weight: bold; margin: 1.2em 0; }
.sampul .pemda { margin-bottom: 3cm; }
.halaman { break-before: page; page-break-before: always; margin-top: 2cm; }
nav ul { list-style: none; padding-left: 0; }
nav ul ul { padding-left: 2em; }
nav a { color: inherit; text-decoration: none; }
.tabel { margin: 1em 0 1.2em; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.3; }
caption { caption-side: top; font-weight: bold; padding-bottom: 0.4em; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left;
       overflow-wrap: break-word; hyphens: manual; }
th { background: #e8e8e8; text-align: center; vertical-align: middle; }
td.kanan { text-align: right; white-space: nowrap; }
td.tengah { text-align: center; }
tr.tebal td, tbody.jumlah td { font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.sumber { font-size: 10pt; font-style: italic; margin-top: 0.3em; text-align: left; }
.ttd { width: 50%; margin: 2em 0 0 auto; text-align: center; break-inside: avoid;
       page-break-inside: avoid; }
.ttd p { text-align: center; margin: 0; }
.ttd .ruang { height: 3.5em; }
.ttd-pasangan { display: flex; gap: 2em; break-inside: avoid; page-break-inside: avoid; }
.ttd-pasangan .ttd { width: 50%; margin: 2em 0 0; }
figure.gambar { margin: 1em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
figure.gambar figcaption { text-align: center; font-weight: bold; font-size: 11pt;
       margin-top: 0.4em; }
table.grafik td, table.grafik th { border: none; background: none; }
table.grafik svg { display: block; }
pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt;
       white-space: pre-wrap; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .halaman { margin-top: 0; }
  th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def _lines(text: object) -> str:
    return "<br>".join(esc(line.strip()) for line in str(text).strip().split("\n"))


def _anchor(*parts: object) -> str:
    return "-".join(re.sub(r"[^A-Za-z0-9_-]+", "-", str(p)).strip("-") or "x" for p in parts)


def _cell(tag: str, text: str, justify: str) -> str:
    kelas = {"right": ' class="kanan"', "center": ' class="tengah"'}.get(justify, "")
    return f"<{tag}{kelas}>{_lines(str(text))}</{tag}>"


def _table(block: TableBlock) -> str:
    n = max(len(block.columns), 1)
    justify = [c.justify for c in block.columns] or ["left"]

    def rows(items, default_style: str = "") -> list[str]:
        out = []
        for row in items:
            cells = [str(c) for c in row.cells[:n]]
            cells += [""] * (n - len(cells))
            kelas = ' class="tebal"' if "bold" in (row.style or default_style).split() else ""
            out.append(f"<tr{kelas}>" + "".join(_cell("td", c, j) for c, j in zip(cells, justify))
                       + "</tr>")
        return out

    from .table_widths import measure

    kelas = "tabel lebar" if measure(block).landscape else "tabel"
    parts = [f'<div class="{kelas}">', "<table>", f"<caption>{esc(block.caption)}</caption>",
             "<thead><tr>" + "".join(f"<th>{_lines(c.header)}</th>" for c in block.columns)
             + "</tr></thead>", "<tbody>", *rows(block.rows), "</tbody>"]
    if block.footer:  # a tbody, not a tfoot: the total is printed once, not on every page
        parts += ['<tbody class="jumlah">', *rows(block.footer, "bold"), "</tbody>"]
    parts.append("</table>")
    if block.sumber:
        parts.append(f'<p class="sumber">Sumber: {esc(block.sumber)}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def _list(block: ListBlock) -> str:
    items = [_lines(item) for item in block.items]
    if block.marker == "1.":
        return "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
    if block.marker == "a.":
        return '<ol type="a">' + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
    if block.marker == "-":
        return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    return '<ul class="label">' + "".join(
        f'<li><span class="penanda">{esc(label)}</span> {item}</li>'
        for label, item in zip(block.labels(), items)) + "</ul>"


def _signature(block: Signature) -> str:
    lines = [f"<p>{esc(line)}</p>" if line.strip() else '<div class="ruang"></div>'
             for line in block.lines()]
    return '<div class="ttd">' + "".join(lines) + "</div>"


def _pair(block: SignaturePair) -> str:
    def kolom(ttd: Signature) -> str:
        return "".join(f"<p>{esc(line)}</p>" if line.strip() else '<div class="ruang"></div>'
                       for line in ttd.lines())

    return (f'<div class="ttd-pasangan"><div class="ttd">{kolom(block.kiri)}</div>'
            f'<div class="ttd">{kolom(block.kanan)}</div></div>')


def _figure(block: Figure) -> str:
    """The chart as the summary screen draws it: a row per bar with its figures, the bar an
    inline SVG (no script, no image file), the reason where a value cannot be computed."""
    g = block.grafik
    head = "".join(f"<th>{esc(k)}</th>" for k in g.kolom)
    ket = f"<th>{esc(g.keterangan)}</th>" if g.keterangan else ""
    rows = []
    skala = grafik_.puncak(g)  # read once per chart, not once per bar
    for b in g.batang:
        fraksi = grafik_.panjang(g, b, skala)
        if fraksi is None:
            bar = f"<em>({esc(grafik_.alasan(b))})</em>"
        else:
            w = round(fraksi * 200, 1)
            bar = (f'<svg width="200" height="12" viewBox="0 0 200 12" role="img" '
                   f'aria-label="{esc(b.kolom[-1] if b.kolom else "")}">'
                   f'<rect width="200" height="12" fill="#e1e1e1"></rect>'
                   f'<rect width="{w}" height="12" fill="#2e7d32"></rect></svg>')
        figures = list(b.kolom[:len(g.kolom)])
        figures += [""] * (len(g.kolom) - len(figures))
        cells = "".join(f'<td class="kanan">{esc(k)}</td>' for k in figures)
        extra = f"<td>{esc(b.keterangan)}</td>" if g.keterangan else ""
        kelas = ' class="tebal"' if b.tebal else ""
        rows.append(f"<tr{kelas}><td>{esc(b.label)}</td>{cells}<td>{bar}</td>{extra}</tr>")
    isi = ("<table class=\"grafik\"><thead><tr><th></th>" + head + "<th></th>" + ket
           + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>") if rows else \
        f"<p><em>{esc(g.kosong)}</em></p>"
    return (f'<figure class="gambar">{isi}<figcaption>{esc(block.caption)}</figcaption>'
            "</figure>")


def _block(block: object, width: int) -> str:
    if isinstance(block, Heading):
        level = min(6, max(block.level, 1) + 1)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return "\n".join(f"<p>{_lines(p)}</p>"
                         for p in re.split(r"\n\s*\n", block.text.strip()) if p.strip())
    if isinstance(block, ListBlock):
        return _list(block)
    if isinstance(block, TableBlock):
        return _table(block)
    if isinstance(block, Signature):
        return _signature(block)
    if isinstance(block, SignaturePair):
        return _pair(block)
    if isinstance(block, Figure):
        return _figure(block)
    # Raw, or anything else: drawn by Rich as plain text
    from .text import block_renderable, plain_text

    return f"<pre>{esc(plain_text(block_renderable(block), width))}</pre>"


def _section(section: Section, anchor: str, width: int) -> str:
    parts = [f'<section id="{anchor}">']
    if section.title:
        parts.append(f"<h3>{esc(section.title)}</h3>")
    parts.extend(_block(b, width) for b in section.blocks)
    parts.append("</section>")
    return "\n".join(parts)


def _logo(sampul: Sampul) -> str:
    """The Pemda's logo, 4 cm high, in the page itself (a data URI): the HTML stays one file.
    Styled inline, so a report without a logo keeps its style sheet byte for byte."""
    import base64

    uri = f"data:{sampul.logo.mime};base64,{base64.b64encode(sampul.logo.data).decode('ascii')}"
    alt = f"Logo {sampul.pemda}".strip()
    return (f'<p class="logo"><img src="{uri}" alt="{esc(alt)}" '
            'style="height: 4cm; width: auto;"></p>')


def render(document: Document, *, width: int = 100) -> str:
    body: list[str] = []
    sampul = document.sampul
    body.append('<header class="sampul">')
    if sampul.logo is not None:
        body.append(_logo(sampul))
    for teks in sampul.baris():
        if teks == "LAPORAN KINERJA":
            body.append(f"<h1>{esc(teks)}</h1>")
        else:
            kelas = ' class="pemda"' if teks == sampul.pemda.upper() else ""
            body.append(f"<p{kelas}>{esc(teks)}</p>")
    body.append("</header>")
    for i, section in enumerate(document.pengantar):
        body.append(f'<section class="halaman depan" id="{_anchor("pengantar", i)}">')
        if section.title:
            body.append(f"<h2>{esc(section.title.upper())}</h2>")
        body.extend(_block(b, width) for b in section.blocks)
        body.append("</section>")

    anchors = [[_anchor("bab", bab.key, i) for i in range(len(bab.sections))]
               for bab in document.bab]
    if document.daftar_isi:
        body += ['<nav class="halaman depan" id="daftar-isi">', "<h2>DAFTAR ISI</h2>", "<ul>"]
        for bab, ids in zip(document.bab, anchors):
            body.append(f'<li><a href="#{_anchor("bab", bab.key)}">{esc(bab.judul)}</a>')
            titled = [(s, a) for s, a in zip(bab.sections, ids) if s.title.strip()]
            if titled:
                body.append("<ul>" + "".join(f'<li><a href="#{a}">{esc(s.title)}</a></li>'
                                             for s, a in titled) + "</ul>")
            body.append("</li>")
        body += ["</ul>", "</nav>"]
    for bab, ids in zip(document.bab, anchors):
        body.append(f'<section class="halaman bab" id="{_anchor("bab", bab.key)}">')
        body.append(f"<h2>{esc(bab.judul)}</h2>")
        body.extend(_section(s, a, width) for s, a in zip(bab.sections, ids))
        body.append("</section>")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="lakip-tui">',
        f"<title>{esc(document.judul)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]) + "\n"
