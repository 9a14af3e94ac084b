"""Writers that lay an assembled Document out in one format each: txt, md, html, svg, pdf, docx.

Each module has `render(document, *, width) -> str` (bytes for pdf and docx); only the chosen
one is imported. A writer imports the document model (`lakip_tui.dokumen`), never `export.py`,
so any assembled Document can be written (`lakip rekap` builds its own).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..clean import clean_text
from ..errors import LakipError

if TYPE_CHECKING:
    from ..dokumen import Document

FORMATS = {"txt": ".txt", "md": ".md", "html": ".html", "svg": ".svg", "pdf": ".pdf",
           "docx": ".docx"}  # format -> extension
BINARY = frozenset({"pdf", "docx"})  # formats whose writer returns bytes
_MODULES = {"txt": "text", "md": "markdown", "html": "html", "svg": "svg", "pdf": "pdf",
            "docx": "docx"}


def normalise_format(name: str) -> str:
    """"TXT", ".md" -> "txt", "md"; anything unknown is a LakipError naming the choices."""
    fmt = (name or "").strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise LakipError(f"format '{name}' tidak dikenal; pilih salah satu: {', '.join(FORMATS)}")
    return fmt


def render(document: "Document", fmt: str, *, width: int = 100,
           tagged_pdf: bool = False) -> str | bytes:
    """The document in format `fmt`. A text format goes through `clean_text` whatever the
    writer did: none of these formats may hold a control character (a terminal reading a txt
    or md export, an XML parser reading the svg), and the project's text is in it. The binary
    formats (pdf, docx) get a Document whose every string `export.assemble` already cleaned.
    `tagged_pdf`: a PDF with the structure tags screen readers use (pdf.py)."""
    fmt = normalise_format(fmt)
    module = importlib.import_module(f".{_MODULES[fmt]}", __name__)
    if tagged_pdf and fmt != "pdf":
        raise LakipError(f"PDF bertanda hanya untuk format pdf, bukan {fmt}")
    out = module.render(document, width=width, **({"tagged": True} if tagged_pdf else {}))
    return out if isinstance(out, bytes) else clean_text(out)
