"""Where the columns of a table editor go: their widths and which of them are on screen.

Pure functions over lists of widths (no Textual), so the rules can be tested on their own:
- a column's width starts from Kolom.lebar (or what its first rows hold) and never goes under
  its header or its widest number, so a header names its own column and a number is never cut;
- room the terminal has left over goes to the columns whose content is wider than they are;
- the first column (the row's key) stays put; the others scroll sideways by whole columns, so
  the column at the left edge is never shown cut, and the cursor's column is always whole.

A column on screen is drawn as "│ text │": PEMISAH_LEBAR cells around its text width.
"""

from __future__ import annotations

PEMISAH_LEBAR = 3  # the separator and a space either side of the text


def bagi_lebar(dasar: list[int], alami: list[int], ruang: int) -> list[int]:
    """Widths: `dasar` plus a share of `ruang` left over, given to the columns whose content
    (`alami`) is wider, each up to its content and in proportion to what it lacks."""
    lebar = list(dasar)
    sisa = ruang - sum(w + PEMISAH_LEBAR for w in lebar)
    kurang = [max(0, a - d) for a, d in zip(alami, dasar)]
    total = sum(kurang)
    if sisa <= 0 or total == 0:
        return lebar
    if sisa >= total:
        return [d + k for d, k in zip(dasar, kurang)]
    bagian = [k * sisa // total for k in kurang]
    # the cells a floor division left over go to the columns that still lack the most
    for index in sorted(range(len(kurang)), key=lambda i: bagian[i] - kurang[i])[:sisa - sum(bagian)]:
        bagian[index] += 1
    return [d + b for d, b in zip(dasar, bagian)]


def kolom_tampak(lebar: list[int], pertama: int, ruang: int) -> list[tuple[int, int, int]]:
    """(column, x, width) of the scrolling columns drawn in `ruang` cells, from column
    `pertama` on: whole columns, then the last one cut to the cells that are left."""
    tampak = []
    x = 0
    for kolom in range(pertama, len(lebar)):
        if x >= ruang:
            break
        penuh = lebar[kolom] + PEMISAH_LEBAR
        tampak.append((kolom, x, min(penuh, ruang - x)))
        x += penuh
    return tampak


def pertama_untuk(lebar: list[int], pertama: int, kursor: int, ruang: int) -> int:
    """The first scrolling column to show (columns 1.. scroll; 0 stays put) so that column
    `kursor` is on screen whole, moving as little as possible from `pertama`."""
    jumlah = len(lebar)
    if jumlah <= 1:
        return 1
    if sum(w + PEMISAH_LEBAR for w in lebar[1:]) <= ruang:
        return 1  # everything fits: nothing is hidden on the left
    pertama = min(max(pertama, 1), jumlah - 1)
    if kursor < 1:
        return pertama
    if kursor < pertama:
        return kursor
    while pertama < kursor and sum(lebar[k] + PEMISAH_LEBAR
                                   for k in range(pertama, kursor + 1)) > ruang:
        pertama += 1
    return pertama
