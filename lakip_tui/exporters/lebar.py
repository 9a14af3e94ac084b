"""How wide a table is on paper, shared by the page writers (pdf, docx): which columns size to
their content, how the rest share the width, and whether the table needs a landscape page.

A column whose longest line is short (amounts, percentages, codes, labels) sizes to its content
and is never wrapped, so an amount is never split across lines; running text shares the rest in
proportion to its length. The measure is in characters of the body text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dokumen import TableBlock

MUAT_TEGAK = 85  # characters of 10 pt text across the portrait text block (A4, 4 + 3 cm margins)
MUAT_MENDATAR = 125  # across a landscape page, before the font gets smaller
_PENDEK = 18  # a column whose lines are all this short is sized to its content


@dataclass(frozen=True)
class Ukuran:
    bagian: tuple[int | None, ...]  # per column: None = sized to content, else its share
    perlu: int  # characters the table needs to keep its words and numbers whole
    isi: tuple[int, ...]  # per column: its longest line (for a writer that sets fixed widths)

    @property
    def mendatar(self) -> bool:
        """The table goes on a landscape page."""
        return self.perlu > MUAT_TEGAK


def ukur(tabel: TableBlock) -> Ukuran:
    n = max(len(tabel.columns), 1)
    headers = [str(c.header) for c in tabel.columns] or [""]
    rows = [[str(c) for c in r.cells[:n]] for r in (*tabel.rows, *tabel.footer)]
    bagian: list[int | None] = []
    isi: list[int] = []
    perlu = 0
    for i in range(n):
        sel = [r[i] for r in rows if i < len(r)]
        baris = max([len(x) for s in sel for x in s.split("\n")] + [0])
        kata = max([len(w) for s in sel + [headers[i]] for w in s.split()] + [1])
        isi.append(max(baris, kata))
        if baris <= _PENDEK:
            bagian.append(None)
            perlu += max(baris, kata) + 2
        else:
            bagian.append(min(baris, 60))
            perlu += max(kata, min(baris, 14)) + 2  # running text wraps to a few words
    return Ukuran(tuple(bagian), perlu, tuple(isi))
