"""Writers that lay an assembled Document out in one format each: txt, md, html, svg.

Each module has `render(document, *, width) -> str`; only the chosen one is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from ..errors import LakipError

if TYPE_CHECKING:
    from ..export import Document

FORMATS = {"txt": ".txt", "md": ".md", "html": ".html", "svg": ".svg"}  # format -> extension
_MODULES = {"txt": "text", "md": "markdown", "html": "html", "svg": "svg"}


def normalise_format(name: str) -> str:
    """"TXT", ".md" -> "txt", "md"; anything unknown is a LakipError naming the choices."""
    fmt = (name or "").strip().lower().lstrip(".")
    if fmt not in FORMATS:
        raise LakipError(f"format '{name}' tidak dikenal; pilih salah satu: {', '.join(FORMATS)}")
    return fmt


def render(document: "Document", fmt: str, *, width: int = 100) -> str:
    module = importlib.import_module(f".{_MODULES[normalise_format(fmt)]}", __name__)
    return module.render(document, width=width)
