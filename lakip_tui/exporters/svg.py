"""The report as an SVG picture of its text rendering (Rich's export_svg), e.g. for a preview.

Rich's SVG template asks for the Fira Code web font from a CDN; those addresses are taken out so
the file needs nothing from outside (the font is used when installed, else any monospace).
"""

from __future__ import annotations

import re

from ..dokumen import Document
from . import text

_WEB_FONT = re.compile(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def render(document: Document, *, width: int = 100) -> str:
    console = text.printed_console(text.renderables(document), width, record=True)
    svg = console.export_svg(title=document.judul)
    return _WEB_FONT.sub("", svg)
