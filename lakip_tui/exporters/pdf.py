"""The report as PDF, typeset by Typst (the `typst` package: a self-contained wheel, no system
libraries, nothing fetched at run time).

The layout is a fixed Typst program (`laporan.typ`, shipped with the package); the Document is
handed to it as JSON through `sys.inputs`, so every text from the project is data that the program
shows as text, never markup or code it runs. Only the fonts Typst carries inside the wheel are used
(Libertinus Serif, DejaVu Sans Mono): the PDF looks the same on every machine and embeds them.

A4 portrait, margins 4-3-3-3 cm (left, top, right, bottom) as agencies bind their reports; a
table too wide for the portrait page is set on landscape pages of its own; a table header repeats
on every page; the front matter is numbered i, ii, ... and the chapters 1, 2, ...; daftar isi,
daftar tabel and daftar gambar carry page numbers.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..dokumen import (Document, Figure, Heading, ListBlock, Paragraph, Section, Signature,
                       SignaturePair, TableBlock)
from .. import grafik as grafik_
from ..clean import clean_text
from ..errors import LakipError
from .lebar import MUAT_MENDATAR, ukur

def render(document: Document, *, width: int = 100) -> bytes:
    return _typst("laporan.typ", _dokumen(document, width), "pdf")


def gambar_png(figure: Figure, *, ppi: int = 200) -> bytes:
    """One chart drawn as in the PDF, as a PNG picture (the DOCX export embeds it)."""
    return _typst("grafik.typ", _grafik(figure), "png", ppi=ppi)


def gambar_png_per_halaman(figure: Figure, *, tinggi_cm: float, lebar_cm: float,
                           ppi: int = 200) -> list[bytes]:
    """The chart as PNG pictures that each fit `tinggi_cm` when shown `lebar_cm` wide: a
    chart of 143 programs is one picture 1,3 m tall, which no page holds. Each picture has the
    header row, and every bar keeps the scale of the whole chart."""
    import struct

    data = _grafik(figure)
    batang = data["batang"]

    def gambar(bagian: list) -> list[bytes]:
        png = _typst("grafik.typ", {**data, "batang": bagian}, "png", ppi=ppi)
        lebar, tinggi = struct.unpack(">II", png[16:24])  # the IHDR chunk
        if len(bagian) > 1 and tinggi * lebar_cm / lebar > tinggi_cm:
            tengah = len(bagian) // 2
            return gambar(bagian[:tengah]) + gambar(bagian[tengah:])
        return [png]

    if not batang:
        return [_typst("grafik.typ", data, "png", ppi=ppi)]
    per = 20  # about 16 cm of bars at 14 cm wide; a chunk too tall is halved again
    return [png for i in range(0, len(batang), per) for png in gambar(batang[i:i + per])]


def _typst(program: str, data: dict, fmt: str, **options: Any) -> bytes:
    import typst

    folder = resources.files(__package__)
    try:
        compiler = typst.Compiler(root=str(folder), ignore_system_fonts=True)
        return compiler.compile(input=str(folder / program), format=fmt, timestamp=0,
                                sys_inputs={"dokumen": json.dumps(data, ensure_ascii=False)},
                                **options)
    except typst.TypstError as exc:  # a bug of ours, never the user's text: say so plainly
        raise LakipError(f"{fmt.upper()} tidak dapat disusun oleh Typst: {exc.message}") from None


def _dokumen(document: Document, width: int) -> dict:
    return {
        "judul": document.judul,
        "instansi": document.sampul.instansi,
        "sampul": document.sampul.baris(),
        "pengantar": [_section(s, width) for s in document.pengantar],
        "bab": [{"judul": b.judul, "sections": [_section(s, width) for s in b.sections]}
                for b in document.bab],
        "ada_tabel": any(t.nomor for t in document.tables()),
        "ada_gambar": any(True for _ in document.figures()),
    }


def _section(section: Section, width: int) -> dict:
    return {"title": section.title, "blocks": [_blok(b, width) for b in section.blocks]}


def _blok(block: Any, width: int) -> dict:
    if isinstance(block, Heading):
        return {"t": "heading", "text": block.text, "level": block.level}
    if isinstance(block, Paragraph):
        return {"t": "para", "paras": block.paragraphs()}
    if isinstance(block, ListBlock):
        return {"t": "list", "marker": block.marker, "labels": block.labels(),
                "items": [str(i) for i in block.items]}
    if isinstance(block, TableBlock):
        return _tabel(block)
    if isinstance(block, Signature):
        return _ttd(block)
    if isinstance(block, SignaturePair):
        return {"t": "sigpair", "kiri": _ttd(block.kiri), "kanan": _ttd(block.kanan)}
    if isinstance(block, Figure):
        return _grafik(block)
    from .text import blok, teks_polos  # Raw, or anything else: drawn by Rich as plain text

    return {"t": "pre", "text": clean_text(teks_polos(blok(block), width))}


def _ttd(block: Signature) -> dict:
    lines = block.lines()
    return {"t": "sig", "lines": lines, "nama": lines.index(block.nama) if block.nama else -1}


def _tabel(block: TableBlock) -> dict:
    n = max(len(block.columns), 1)
    columns = [{"header": c.header, "justify": c.justify} for c in block.columns] or \
        [{"header": "", "justify": "left"}]

    def row(r: Any, bold_default: bool = False) -> dict:
        cells = [str(c) for c in r.cells[:n]]
        cells += [""] * (n - len(cells))
        bold = "bold" in (r.style or ("bold" if bold_default else "")).split()
        return {"cells": cells, "bold": bold}

    rows = [row(r) for r in block.rows]
    footer = [row(r, True) for r in block.footer]
    ukuran = ukur(block)
    wide = ukuran.mendatar
    size = 10 if not wide else (9 if ukuran.perlu <= MUAT_MENDATAR else 8)
    widths = [0 if w is None else float(w) for w in ukuran.bagian]
    biasa, tebal = _terpanjang(columns, rows, footer, widths)
    return {"t": "table", "nomor": block.nomor, "judul": block.judul, "sumber": block.sumber,
            "columns": columns, "rows": rows, "footer": footer, "widths": widths,
            "wide": wide, "size": size, "biasa": biasa, "tebal": tebal}


_CALON = 24  # lines per column and weight measured by Typst for a column sized to content


def _terpanjang(columns: list[dict], rows: list[dict], footer: list[dict],
                widths: list[float]) -> tuple[list[list[str]], list[list[str]]]:
    """Per column sized to its content (width 0): its longest lines in regular and in bold
    text (the header is bold), the ones Typst measures to size the column (blok.typ)."""
    biasa: list[list[str]] = []
    tebal: list[list[str]] = []
    for i, w in enumerate(widths):
        if w != 0:
            biasa.append([])
            tebal.append([])
            continue
        garis = {False: set(), True: set(columns[i]["header"].split("\n"))}
        for r in (*rows, *footer):
            garis[r["bold"]].update(r["cells"][i].split("\n"))
        biasa.append(sorted(garis[False], key=lambda g: (-len(g), g))[:_CALON])
        tebal.append(sorted(garis[True], key=lambda g: (-len(g), g))[:_CALON])
    return biasa, tebal


def _grafik(figure: Figure) -> dict:
    g = figure.grafik
    return {"t": "figure", "nomor": figure.nomor, "judul": g.judul, "kolom": list(g.kolom),
            "keterangan": g.keterangan, "kosong": g.kosong,
            "batang": [{"label": b.label, "kolom": [str(k) for k in b.kolom[:len(g.kolom)]]
                        + [""] * (len(g.kolom) - len(b.kolom[:len(g.kolom)])),
                        "panjang": grafik_.panjang(g, b), "alasan": grafik_.alasan(b),
                        "keterangan": b.keterangan, "tebal": b.tebal} for b in g.batang]}
