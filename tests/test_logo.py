"""The Pemda's logo on the sampul (`[meta] logo`): on the cover of the PDF, the DOCX and the
HTML, its bytes unchanged where the format keeps them; and, the project file being someone
else's data, read only from a PNG or JPEG of at most 2 MB inside the project file's folder.
Anything else is a warning of `lakip check` and a report without a logo, never a traceback.
The pictures are made here by hand (zlib and struct): the tests need no Pillow."""

from __future__ import annotations

import io
import json
import os
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from lakip_tui import exporters
from lakip_tui.cli import main
from lakip_tui.dokumen import BabLaporan, Document, EntriIsi, Paragraph, Sampul, Section
from lakip_tui.logo import MAX_BYTES, Logo, read_logo

pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 (test dependency) is not installed")


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_2x2() -> bytes:
    """A valid 2x2 RGB PNG: red over blue."""
    ihdr = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    rows = b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2  # filter 0 per row
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", zlib.compress(rows))
            + _chunk(b"IEND", b""))


def jpeg_8x8() -> bytes:
    """A valid baseline JFIF JPEG, 8x8 grey: one block whose DC and AC codes are each the
    single one-bit code of its Huffman table (DC difference 0, then end of block)."""
    def seg(marker: int, body: bytes) -> bytes:
        return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body

    one_symbol = b"\x01" + b"\x00" * 15 + b"\x00"  # one code of length 1, for symbol 0
    return (b"\xff\xd8" + seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + seg(0xDB, b"\x00" + b"\x01" * 64)
            + seg(0xC0, b"\x08\x00\x08\x00\x08\x01\x01\x11\x00")
            + seg(0xC4, b"\x00" + one_symbol) + seg(0xC4, b"\x10" + one_symbol)
            + seg(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x3f" + b"\xff\xd9")


def _doc(logo: Logo | None) -> Document:
    return Document(Sampul("Pemerintah Kota Binjai", "Dinas Sosial", "2024", logo), (),
                    (EntriIsi(1, "BAB I"),),
                    (BabLaporan("bab", "BAB I", (Section("A", (Paragraph("isi"),)),)),))


def _cover_images(pdf: bytes) -> list:
    page = pdfium.PdfDocument(pdf)[0]
    return list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE]))


# -- the writers -----------------------------------------------------------------------------


def test_the_pdf_cover_has_the_logo_centred_and_4_cm_high():
    images = _cover_images(exporters.render(_doc(Logo(png_2x2(), "png")), "pdf"))
    assert len(images) == 1
    left, bottom, right, top = images[0].get_bounds()
    assert images[0].get_px_size() == (2, 2)
    assert abs((top - bottom) - 4 / 2.54 * 72) < 1  # 4 cm
    page_width = 595.28
    assert abs((left + right) / 2 - page_width / 2) < 1  # centred on the page
    assert top > 558  # above the cover's lines, in the upper half


def test_the_tagged_pdf_names_the_logo_for_screen_readers():
    pdf = exporters.render(_doc(Logo(png_2x2(), "png")), "pdf", tagged_pdf=True)
    assert len(_cover_images(pdf)) == 1
    assert b"Alt(Logo Pemerintah Kota Binjai)" in pdf


def test_no_logo_no_picture_in_the_pdf():
    assert _cover_images(exporters.render(_doc(None), "pdf")) == []


def test_a_jpeg_logo_reaches_the_pdf_byte_for_byte():
    jpeg = jpeg_8x8()
    pdf = exporters.render(_doc(Logo(jpeg, "jpeg")), "pdf")
    images = _cover_images(pdf)
    assert len(images) == 1 and images[0].get_filters() == ["DCTDecode"]
    assert bytes(images[0].get_data(decode_simple=False)) == jpeg


def test_a_logo_typst_cannot_decode_leaves_the_pdf_without_it():
    broken = Logo(b"\xff\xd8\xff\xdb" + b"rusak" * 10, "jpeg")
    pdf = exporters.render(_doc(broken), "pdf")
    assert _cover_images(pdf) == []
    assert pdf == exporters.render(_doc(None), "pdf")


@pytest.mark.parametrize("make, kind, media", [(png_2x2, "png", "image1.png"),
                                                  (jpeg_8x8, "jpeg", "image1.jpg")])
def test_the_docx_cover_holds_the_logo_as_an_inline_picture(make, kind, media):
    data = make()
    out = exporters.render(_doc(Logo(data, kind)), "docx")
    word = docx.Document(io.BytesIO(out))
    assert len(word.inline_shapes) == 1
    assert abs(word.inline_shapes[0].height.cm - 4) < 0.01
    first = word.paragraphs[0]
    assert first.text == "" and first.alignment == 1  # centred, before the cover's lines
    assert first._element.xpath(".//pic:pic")
    assert word.paragraphs[1].text == "PEMERINTAH KOTA BINJAI"
    assert zipfile.ZipFile(io.BytesIO(out)).read(f"word/media/{media}") == data


def test_a_logo_python_docx_cannot_read_leaves_the_docx_cover_as_without():
    broken = Logo(b"\xff\xd8\xff\xdb" + b"rusak" * 10, "jpeg")  # no JFIF or Exif part
    word = docx.Document(io.BytesIO(exporters.render(_doc(broken), "docx")))
    plain = docx.Document(io.BytesIO(exporters.render(_doc(None), "docx")))
    assert len(word.inline_shapes) == 0
    assert [(p.text, p.paragraph_format.space_before) for p in word.paragraphs] == \
        [(p.text, p.paragraph_format.space_before) for p in plain.paragraphs]


def test_the_html_cover_has_the_logo_as_a_data_uri():
    import base64

    png = png_2x2()
    html = exporters.render(_doc(Logo(png, "png")), "html")
    uri = "data:image/png;base64," + base64.b64encode(png).decode()
    assert f'<img src="{uri}" alt="Logo Pemerintah Kota Binjai"' in html
    assert html.index(uri) < html.index("PEMERINTAH KOTA BINJAI")
    assert "<img" not in exporters.render(_doc(None), "html")


@pytest.mark.parametrize("fmt", ["txt", "md", "svg"])
def test_txt_md_and_svg_are_the_same_with_or_without_a_logo(fmt):
    assert exporters.render(_doc(Logo(png_2x2(), "png")), fmt) == \
        exporters.render(_doc(None), fmt)


# -- what is read, and what is refused -------------------------------------------------------


def _project(folder: Path, logo: str | None) -> Path:
    line = "" if logo is None else f"logo = {json.dumps(logo)}\n"
    path = folder / "proyek.toml"
    path.write_text('format = 1\n\n[meta]\npemda = "Pemerintah Kota Binjai"\n'
                    f'instansi = "Dinas Sosial"\ntahun = 2024\n{line}', encoding="utf-8")
    return path


def _findings(path: Path) -> list:
    import tomllib

    return read_logo(tomllib.loads(path.read_text("utf-8")), path)[1]


def test_a_logo_in_the_projects_folder_is_read_as_it_is(tmp_path):
    """In a subfolder, through a symlink that stays inside, or with `..` that stays inside."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "logo.png").write_bytes(png_2x2())
    (tmp_path / "logo.jpg").write_bytes(jpeg_8x8())
    (tmp_path / "tautan.png").symlink_to(tmp_path / "sub" / "logo.png")  # stays inside
    import tomllib

    for name, data, kind in (("sub/logo.png", png_2x2(), "png"),
                             ("logo.jpg", jpeg_8x8(), "jpeg"),
                             ("tautan.png", png_2x2(), "png"),
                             ("./sub/../logo.jpg", jpeg_8x8(), "jpeg")):
        path = _project(tmp_path, name)
        logo, findings = read_logo(tomllib.loads(path.read_text("utf-8")), path)
        assert findings == [] and logo == Logo(data, kind)


def test_no_logo_named_no_finding(tmp_path):
    assert _findings(_project(tmp_path, None)) == []
    assert _findings(_project(tmp_path, "  ")) == []  # an emptied field


def _refused(tmp_path: Path, name: str) -> Path:
    """Each way a named logo is refused, made on disk; the project file's path."""
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "x.png").write_bytes(png_2x2())
    project = tmp_path / "proyek"
    project.mkdir()
    (project / "teks.png").write_text("bukan gambar", encoding="utf-8")
    (project / "besar.png").write_bytes(png_2x2() + b"\x00" * MAX_BYTES)
    (project / "folder.png").mkdir()
    (project / "tautan.png").symlink_to(outside / "x.png")
    os.mkfifo(project / "pipa.png")  # opening it would wait for a writer forever
    huge = png_2x2().replace(struct.pack(">II", 2, 2), struct.pack(">II", 20000, 20000), 1)
    (project / "raksasa.png").write_bytes(huge)  # 74 bytes that say 20.000 x 20.000 pixels
    (project / "rusak.jpg").write_bytes(b"\xff\xd8\xff\xdb" + b"rusak" * 10)
    if name == "ABSOLUT":
        name = str(outside / "x.png")
    return _project(project, name)


REFUSED = {
    "../luar/x.png": "di luar folder itu",
    "ABSOLUT": "bukan jalur absolut",
    "hilang.png": "Logo tidak ditemukan: hilang.png",
    "nul\x00.png": "Logo tidak ditemukan: nul",
    "teks.png": "Logo harus gambar PNG atau JPEG: isi teks.png bukan PNG atau JPEG",
    "besar.png": "Logo lebih dari 2 MB: besar.png",
    "folder.png": "bukan berkas biasa",
    "pipa.png": "Logo harus gambar PNG atau JPEG: pipa.png bukan berkas biasa",
    "raksasa.png": "Logo terlalu besar: raksasa.png 20000 x 20000 piksel "
                   "(paling besar 5000 x 5000)",
    "rusak.jpg": "Logo harus gambar PNG atau JPEG: rusak.jpg rusak (ukurannya tidak terbaca)",
    "tautan.png": "Logo harus berkas di folder berkas proyek: tautan.png ada di luar folder itu",
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_refused_logo_is_a_warning_and_the_export_goes_on_without_it(tmp_path, capsys, name):
    path = _refused(tmp_path, name)
    [finding] = _findings(path)
    assert finding.severity == "warning" and finding.path == ("meta", "logo")
    assert REFUSED[name] in finding.message and "meta.logo" in finding.message

    out = path.with_suffix(".html")
    capsys.readouterr()
    assert main(["export", str(path), "-f", "html", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert REFUSED[name] in err and "Traceback" not in err
    assert "<img" not in out.read_text("utf-8")

    main(["check", "--json", str(path)])
    report = json.loads(capsys.readouterr().out)
    found = [f for f in _json_findings(report) if f["path"] == ["meta", "logo"]]
    assert [f["severity"] for f in found] == ["warning"]


def _json_findings(report) -> list[dict]:
    """Every finding in `lakip check --json`'s output, whatever its nesting."""
    if isinstance(report, dict):
        if "severity" in report and "path" in report:
            return [report]
        return [f for v in report.values() for f in _json_findings(v)]
    if isinstance(report, list):
        return [f for v in report for f in _json_findings(v)]
    return []


def test_the_export_of_a_project_with_a_logo_has_it_on_the_cover(tmp_path, capsys):
    (tmp_path / "logo-pemda.png").write_bytes(png_2x2())
    path = _project(tmp_path, "logo-pemda.png")
    for fmt in ("pdf", "docx", "html"):
        out = tmp_path / f"laporan.{fmt}"
        assert main(["export", str(path), "-f", fmt, "-o", str(out)]) == 0
    assert len(_cover_images(tmp_path.joinpath("laporan.pdf").read_bytes())) == 1
    assert docx.Document(str(tmp_path / "laporan.docx")).paragraphs[0]._element.xpath(".//pic:pic")
    assert 'alt="Logo Pemerintah Kota Binjai"' in tmp_path.joinpath("laporan.html").read_text()
    assert "logo" not in capsys.readouterr().err.lower()



# -- the editor ------------------------------------------------------------------------------


def test_the_logo_typed_in_the_cover_form_is_checked_in_the_findings_bar(tmp_path):
    """BAB I's "Sampul dan penanda tangan" form has the field; a name typed there is
    `meta.logo`, and a missing file is a warning in the findings bar."""
    import asyncio

    from lakip_tui.tui.editors.form import LEBAR_LABEL, FormEditor
    from lakip_tui.tui.widgets.findings import FindingsPanel
    from tui_nyata import buka, make_app_nyata, tunggu_periksa

    async def run() -> None:
        app = make_app_nyata(tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            await tunggu_periksa(pilot)
            await buka(pilot, "profil", "sampul")
            form = next(f for f in app.screen.query(FormEditor) if f.display)
            form.grid.focus()
            await pilot.pause()
            lines = [form.grid.render_line(i).text for i in range(4)]
            assert lines[3].startswith("Logo (berkas PNG/JPEG)")
            await pilot.press("down", "down", "down", *"hilang.png", "enter")
            await pilot.pause()
            assert app.project.data["meta"]["logo"] == "hilang.png"
            assert form.grid.render_line(3).text[LEBAR_LABEL:].strip() == "hilang.png"
            await tunggu_periksa(pilot)
            panel = app.screen.query_one(FindingsPanel)
            [found] = [f for f in panel.findings if f.path == ("meta", "logo")]
            assert found.severity == "warning"
            assert "Logo tidak ditemukan: hilang.png" in found.message

    asyncio.run(run())
