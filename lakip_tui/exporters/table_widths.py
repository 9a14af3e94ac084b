"""How wide a table is on paper, shared by the page writers (pdf, docx): which columns size to
their content, how the rest share the width, and whether the table needs a landscape page.

A column whose longest line is short (amounts, percentages, codes, labels) sizes to its content
and is never wrapped, so an amount is never split across lines; running text shares the rest in
proportion to its length. The measure is in characters of the body text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dokumen import TableBlock

PORTRAIT_CHARS = 85  # 10 pt characters across the portrait text block (A4, 4 + 3 cm margins)
LANDSCAPE_CHARS = 125  # across a landscape page, before the font gets smaller
_SHORT = 18  # a column whose lines are all this short is sized to its content


@dataclass(frozen=True)
class TableWidths:
    shares: tuple[int | None, ...]  # per column: None = sized to content, else its share
    needed: int  # characters the table needs to keep its words and numbers whole
    longest: tuple[int, ...]  # per column: its longest line (for a writer that sets fixed widths)

    @property
    def landscape(self) -> bool:
        """The table goes on a landscape page."""
        return self.needed > PORTRAIT_CHARS


def measure(table: TableBlock) -> TableWidths:
    n = max(len(table.columns), 1)
    headers = [str(c.header) for c in table.columns] or [""]
    rows = [[str(c) for c in r.cells[:n]] for r in (*table.rows, *table.footer)]
    shares: list[int | None] = []
    longest: list[int] = []
    needed = 0
    for i in range(n):
        cells = [r[i] for r in rows if i < len(r)]
        line = max([len(x) for s in cells for x in s.split("\n")] + [0])
        word = max([len(w) for s in cells + [headers[i]] for w in s.split()] + [1])
        longest.append(max(line, word))
        if line <= _SHORT:
            shares.append(None)
            needed += max(line, word) + 2
        else:
            shares.append(min(line, 60))
            needed += max(word, min(line, 14)) + 2  # running text wraps to a few words
    return TableWidths(tuple(shares), needed, tuple(longest))
