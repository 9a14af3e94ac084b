"""The report's building blocks, under the name plugins have always imported them by.

The model itself lives in `lakip_tui.dokumen` (plain data, for every writer); this module only
re-exports it, so `from lakip_tui.report import Section, TableBlock` keeps working.
"""

from __future__ import annotations

from .dokumen import (Batang, Block, Column, Figure, Grafik, Heading, ListBlock, Paragraph,
                      Raw, Row, Section, Signature, SignaturePair, TableBlock, _letter)

__all__ = ["Batang", "Block", "Column", "Figure", "Grafik", "Heading", "ListBlock", "Paragraph",
           "Raw", "Row", "Section", "Signature", "SignaturePair", "TableBlock"]
