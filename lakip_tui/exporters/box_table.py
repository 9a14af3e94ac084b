"""A fast box-drawing table writer for the text and SVG exports.

Rich's Table measures and wraps every cell through its renderable machinery, which takes about
5 s for Tabel 3.7 of a city-size project (1.600 sub-kegiatan, 2.369 rows); this writer lays out
the same table in well under 0,1 s (see docs/export.md). Every TableBlock in a text or SVG export
goes through it, so all tables share one look: box.SQUARE lines, the caption centred above, the
"Sumber:" line below, the footer (JUMLAH/TOTAL) under its own rule, and a rule between body rows
when any row wraps onto several lines (otherwise the rows of a long name would run together).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..dokumen import TableBlock

_PAD = 1  # spaces either side of a cell's text
_FOLD_MIN = 10  # running text keeps at least this width before codes and amounts are folded
_BREAKS = re.compile(r"\s+|(?<=[/-])(?=.)")  # where a line may break: spaces, after "/" "-"


def cell_width(text: str) -> int:
    """Terminal cells taken by `text` (wide CJK characters count twice)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def _fold_word(word: str, limit: int) -> list[str]:
    """Fold one word that is wider than `limit` into pieces that fit, after a "/" or "-"
    where there is one ("Program/" "Kegiatan"), else anywhere."""
    pieces = []
    while cell_width(word) > limit:
        head = _fitting_start(word, limit)
        cut = max(head.rfind("/"), head.rfind("-"))
        if cut > 0:
            head = head[:cut + 1]
        pieces.append(head)
        word = word[len(head):]
    pieces.append(word)
    return pieces


def _fitting_start(word: str, limit: int) -> str:
    """The longest start of `word` that fits in `limit` cells (at least one character)."""
    if word.isascii():
        return word[:max(limit, 1)]
    used = 0
    for i, char in enumerate(word):
        used += cell_width(char)
        if used > limit:
            return word[:max(i, 1)]
    return word


def wrap(text: str, limit: int) -> list[str]:
    """Greedy word wrap of a cell's text into lines no wider than `limit`; newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        measure = len if paragraph.isascii() else cell_width
        if measure(paragraph) <= limit:
            lines.append(paragraph.rstrip())
            continue
        if measure is len:
            words = paragraph.split()
            if max(map(len, words), default=0) <= limit:  # no word to fold: lines of words
                start, used = 0, -1
                for j, word in enumerate(words):
                    used += 1 + len(word)
                    if used > limit:
                        lines.append(" ".join(words[start:j]))
                        start, used = j, len(word)
                lines.append(" ".join(words[start:]))
                continue
        current, used = "", 0
        for word in paragraph.split():
            w = measure(word)
            if w > limit:
                if current:
                    lines.append(current)
                *full, rest = _fold_word(word, limit)
                lines.extend(full)
                current, used = rest, measure(rest)
            elif not current:
                current, used = word, w
            elif used + 1 + w <= limit:
                current += " " + word
                used += 1 + w
            else:
                lines.append(current)
                current, used = word, w
        lines.append(current)
    return lines


def _measure(columns: list[list[str]],
             minimum: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Per column: its longest line, its longest word (at most the line; a word breaks after
    "/" or "-" too) and its widest character, all in terminal cells. Each distinct cell text
    is measured once (amounts, "-" and names repeat down a long table)."""
    distinct = [set(col) for col in columns]
    longest = [max([minimum[i], 1] + [_longest_line(cell) for cell in col])
               for i, col in enumerate(distinct)]
    words = [max([minimum[i], 1] + [_longest_word(cell) for cell in col])
             for i, col in enumerate(distinct)]
    return longest, [min(k, m) for k, m in zip(words, longest)], _widest_chars(distinct)


def _longest_line(cell: str) -> int:
    if cell.isascii() and "\n" not in cell:
        return len(cell)
    return max(cell_width(line) for line in cell.split("\n"))


def _longest_word(cell: str) -> int:
    if cell.isascii() and "/" not in cell and "-" not in cell:  # words end only at whitespace
        return max(map(len, cell.split()), default=0)
    return max(cell_width(word) for word in _BREAKS.split(cell))


def _column_widths(columns: list[list[str]], available: int, ratios: list[int | None],
                   longest: list[int], words: list[int], chars: list[int]) -> list[int]:
    """Column widths that add up to `available` (or less when no column could use more).

    Each column wants its longest line. When they do not fit, every column starts from its
    longest word (`_floors` says which words fold when even those do not fit), short labels are
    kept whole, and the rest of the room goes where it saves the most lines (`_shortest_widths`).
    """
    n = len(ratios)
    if sum(longest) <= available:
        extra = available - sum(longest)
        weights = [r or 0 for r in ratios] if any(ratios) else longest
        total = sum(weights) or 1
        add = [extra * b // total for b in weights]
        left = extra - sum(add)
        for i in sorted(range(n), key=lambda i: -weights[i])[:left]:
            add[i] += 1
        return [m + t for m, t in zip(longest, add)]
    floors = _floors(columns, words, chars, available)
    widths = _shortest_widths(columns, longest, floors, available, words)
    while sum(widths) > available:  # not even a character per column fits: squeeze the widest
        shrinkable = [i for i in range(n) if widths[i] > chars[i]]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda i: widths[i])
        widths[i] -= 1
    left = available - sum(widths)
    for i in sorted(range(n), key=lambda i: -longest[i]):
        if left <= 0:
            break
        add = min(left, longest[i] - widths[i])
        widths[i] += add
        left -= add
    return widths


def _floors(columns: list[list[str]], words: list[int], chars: list[int],
            available: int) -> list[int]:
    """Each column's floor: its longest word, unless the words do not fit side by side. Then
    words give way in this order, each only as far as needed: running text down to 10 cells,
    codes (single tokens) down to 10, running text down to 6, and amounts last of all: a
    broken name reads better than a broken code, and a broken code better than a broken sum."""
    floors = list(words)
    if sum(floors) <= available:
        return floors
    kinds = [_kind(col[1:]) for col in columns]  # the header is not data
    for kind, limit in (("prose", _FOLD_MIN), ("code", _FOLD_MIN), ("prose", 6), (None, 1)):
        over = sum(floors) - available
        if over <= 0:
            break
        chosen = [i for i in range(len(floors)) if kind is None or kinds[i] == kind]
        if not chosen:
            continue
        current = [floors[i] for i in chosen]
        lowest = [max(chars[i], min(limit, floors[i])) for i in chosen]
        new = _water_fill(current, lowest, max(sum(current) - over, sum(lowest)))
        for i, w in zip(chosen, new):
            floors[i] = w
    return floors


# 4.277.622.800, 83,42%, 2024, -: an amount (a code like 1.06.01.2.02 is not one)
_AMOUNT = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?|-|")


def _kind(cells: list[str]) -> str:
    """"amount" (amounts, percentages, "-"), "code" (single tokens) or "prose" (running text)."""
    if all(_AMOUNT.fullmatch(c.strip()) for c in cells):
        return "amount"
    if all(len(c.split()) <= 1 for c in cells):
        return "code"
    return "prose"


# an amount, a percentage or a count; a code such as 1.06.01.2.02.0001 is not one (it folds)
_NUMBER = re.compile(r"[-+(]?(Rp\.?)?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?[),.;:]?")


_DIGIT = re.compile(r"\d")  # no cell without one holds a _NUMBER


def longest_numbers(columns: list[list[str]]) -> list[int]:
    """Per column, its longest number (4.277.622.800, 83,42%, 2024), in cells."""
    out = []
    for col in columns:
        longest = 0
        for cell in set(col):
            if _DIGIT.search(cell) is not None:
                for word in cell.split():
                    if len(word) > longest and _NUMBER.fullmatch(word):
                        longest = len(word)
        out.append(longest)
    return out


def _widest_chars(columns: list[set[str]]) -> list[int]:
    """Per column, the widest single character (2 for CJK), below which no column can go."""
    out = []
    for col in columns:
        widest = 1
        for cell in col:
            if not cell.isascii():
                widest = max([widest] + [cell_width(ch) for ch in cell if not ch.isascii()])
        out.append(widest)
    return out


_SAMPLE = 240  # rows sampled to judge the widths of a long table
_LOOKAHEAD = 16  # how many widths ahead a column is tried
_SHORT = 16  # a column no wider than this is a label, kept on one line when there is room
_CELL_WEIGHT = 1.0  # weight of a line saved inside one cell, against a line of the whole table


def _shortest_widths(columns: list[list[str]], longest: list[int], floors: list[int],
                     budget: int, words: list[int]) -> list[int]:
    """Widths from the floors up, each step given to the column that shortens the printed table
    most (judged on a sample of rows), so the room goes where text actually wraps."""
    n = len(longest)
    rows = len(columns[0])
    picked = range(rows) if rows <= _SAMPLE else sorted(
        {round(k * (rows - 1) / (_SAMPLE - 1)) for k in range(_SAMPLE)})
    sample = [[col[r] for r in picked] for col in columns]
    # a sample cell's length when it is one ASCII line (one line at any width that long), else
    # a length no width reaches (its lines are counted): measured once, tried at many widths
    one_line = [[len(c) if c.isascii() and "\n" not in c else _UNREACHABLE for c in col]
                for col in sample]
    cache: dict[tuple[int, int], list[int]] = {}

    def heights(i: int, w: int) -> list[int]:
        result = cache.get((i, w))
        if result is None:
            result = cache[(i, w)] = [1 if p <= w else _line_count(c, w, word_lengths)
                                     for p, c in zip(one_line[i], sample[i])]
        return result

    word_lengths: dict[str, list | None] = {}

    widths = list(floors)
    left = budget - sum(widths)
    if left > 0 and widths != words:  # what rounding left over unfolds words first
        wanted = [max(k, w) for k, w in zip(words, widths)]
        widths = _water_fill(wanted, widths, budget)
        left = budget - sum(widths)
        for i in sorted(range(n), key=lambda i: widths[i] - wanted[i])[:left]:
            if widths[i] < wanted[i]:
                widths[i] += 1
        left = budget - sum(widths)
    # short labels ("Sangat Tinggi", "DINAS SOSIAL") are not wrapped while there is room
    for i in sorted(range(n), key=lambda i: longest[i] - widths[i]):
        if longest[i] <= _SHORT and 0 < longest[i] - widths[i] <= left:
            left -= longest[i] - widths[i]
            widths[i] = longest[i]
    while left > 0:
        growable = [i for i in range(n) if widths[i] < longest[i]]
        if not growable:
            break
        column_heights = [heights(i, widths[i]) for i in range(n)]
        total = sum(_tallest(column_heights, len(picked)))
        best, best_gain, best_step = -1, 0.0, 0
        for i in growable:
            others = None
            limit = min(longest[i], widths[i] + left)
            before = column_heights[i]
            cells_before = sum(before)
            # look ahead: a label saves nothing until it fits whole ("Sangat Tinggi")
            for w in sorted({*range(widths[i] + 1, min(limit, widths[i] + _LOOKAHEAD) + 1), limit}):
                after = heights(i, w)
                if after == before:  # the same lines as a narrower width: it gains no more
                    continue  # and costs more columns, so it cannot be the best step
                before = after
                if others is None:
                    others = _tallest(column_heights[:i] + column_heights[i + 1:], len(picked))
                step = w - widths[i]
                # lines saved in the table, and lines saved inside cells: a short label
                # that wraps where a long name already does is still worth unwrapping
                gain = (total - sum(map(max, others, after))
                        + _CELL_WEIGHT * (cells_before - sum(after))) / step
                if gain > best_gain:
                    best, best_gain, best_step = i, gain, step
        if best < 0:
            break  # no column would save a line: the rest is shared out below
        widths[best] += best_step
        left -= best_step
    return widths


_UNREACHABLE = 1 << 62  # a width no table reaches


def _tallest(columns: list[list[int]], rows: int) -> list[int]:
    """Per row, its most lines among these columns' cells (0 without columns); max over the
    columns at once, in C, rather than a slice and a max per row."""
    if len(columns) > 1:
        return list(map(max, *columns))
    return list(columns[0]) if columns else [0] * rows


def _line_count(text: str, limit: int, word_lengths: dict[str, list | None]) -> int:
    """`len(wrap(text, limit))`, counted on the lengths of the words (kept in `word_lengths`
    per text, as a column is tried at many widths): per paragraph its length with one space
    between words, its longest word and the words' lengths.

    The lines found at `limit` stay the same at every wider width until the first that would
    take a word back onto the line before it; the count is kept with that range, so the
    widths tried next (the search looks up to 16 ahead) cost a comparison."""
    kept = word_lengths.get(text, False)
    if kept is False:
        kept = word_lengths[text] = None if not text.isascii() else [[
            (sum(lengths) + len(lengths) - 1, max(lengths, default=0), lengths)
            for lengths in ([len(w) for w in p.split()] for p in text.split("\n"))], 0, -1, 0]
    if kept is None:
        return len(wrap(text, limit))
    paragraphs, low, high, count = kept
    if low <= limit <= high:
        return count
    count = 0
    high = _UNREACHABLE  # the widest width that gives these very lines
    for one_line, longest, lengths in paragraphs:
        if one_line <= limit:  # one line (also when written with more spaces)
            count += 1
        elif longest > limit:
            return len(wrap(text, limit))  # a word folds: as wrap does it
        else:
            count += 1
            used = -1
            for w in lengths:
                used += 1 + w
                if used > limit:  # the word starts a line; at `used` cells it would not
                    count += 1
                    if used <= high:
                        high = used - 1
                    used = w
    kept[1:] = (limit, high, count)
    return count


def _water_fill(wanted: list[int], floors: list[int], budget: int) -> list[int]:
    """Widths `max(floors, min(wanted, cap))` for the largest `cap` that fits `budget`:
    the widest columns give way first, none below its floor."""

    def capped(cap: int) -> list[int]:
        return [max(f, min(w, cap)) for w, f in zip(wanted, floors)]

    low, high = 0, max(wanted)
    while low < high:
        mid = (low + high + 1) // 2
        if sum(capped(mid)) <= budget:
            low = mid
        else:
            high = mid - 1
    return capped(low)


def _align(text: str, w: int, justify: str) -> str:
    """`text` padded to `w` cells: left, right or centred."""
    if text.isascii():
        if justify == "right":
            return text.rjust(w)
        if justify != "center":
            return text.ljust(w)
    gap = w - (len(text) if text.isascii() else cell_width(text))
    if gap <= 0:
        return text
    if justify == "right":
        return " " * gap + text
    if justify == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap


def layout(table: TableBlock, width: int) -> list[tuple[str, str]]:
    """The table as (line, style) pairs, each line at most `width` cells; style "" or "bold"."""
    specs = table.columns
    n = max(len(specs), 1)
    header = [str(c.header) for c in specs] or [""]

    def cells_of(row: Any) -> list[str]:
        cells = [str(c) for c in row.cells[:n]]
        return cells + [""] * (n - len(cells))

    body_rows = [cells_of(r) for r in table.rows]
    footer_rows = [cells_of(r) for r in table.footer]
    all_rows = [header] + body_rows + footer_rows
    columns = [[row[i] for row in all_rows] for i in range(n)]
    justify = [c.justify for c in specs] or ["left"]
    ratios = [c.ratio for c in specs] or [None]
    longest, words, chars = _measure(columns, [c.min_width or 0 for c in specs] or [0])
    # a number is never split across lines: no column goes below its longest number, even
    # when the table then cannot fit the width (text columns give way first, down to a letter)
    chars = [max(c, m) for c, m in zip(chars, longest_numbers(columns))]
    pad = _PAD
    if width - (n + 1) - 2 * pad * n < sum(words):
        pad = 0  # words would have to be folded: the padding goes to the text first
    available = width - (n + 1) - 2 * pad * n
    widths = _column_widths(columns, available, ratios, longest, words, chars)
    gap = " " * pad
    start, middle, end = "│" + gap, gap + "│" + gap, gap + "│"

    def rule(left: str, middle: str, right: str) -> str:
        return left + middle.join("─" * (w + 2 * pad) for w in widths) + right

    blank = [" " * w for w in widths]

    wrapped: dict[tuple[str, int, str], list[str]] = {}

    def row_lines(cells: list[str], aligns: list[str]) -> list[str]:
        cell_lines = []
        for c, w, r, k in zip(cells, widths, aligns, blank):
            if not c:
                cell_lines.append((k,))
            elif c.isascii() and len(c) <= w and "\n" not in c:
                cell_lines.append((c.rjust(w) if r == "right" else c.ljust(w) if r != "center"
                                    else _align(c, w, r),))
            else:  # wrapped once per text and width: a unit's name repeats down Tabel 3.7
                key = (c, w, r)
                folded = wrapped.get(key)
                if folded is None:
                    folded = wrapped[key] = [_align(b, w, r) for b in wrap(c, w)]
                cell_lines.append(folded)
        height = max(map(len, cell_lines))
        if height == 1:
            return [start + middle.join([p[0] for p in cell_lines]) + end]
        padded = [p if len(p) == height else [*p, *[k] * (height - len(p))]
                  for p, k in zip(cell_lines, blank)]
        return [start + middle.join(parts) + end for parts in zip(*padded)]

    table_width = sum(widths) + (n + 1) + 2 * pad * n
    out: list[tuple[str, str]] = []
    for b in wrap(table.caption, table_width):
        out.append((_align(b, table_width, "center").rstrip(), "bold"))
    out.append((rule("┌", "┬", "┐"), ""))
    out.extend((b, "bold") for b in row_lines(header, ["center"] * n))
    body = [(row_lines(c, justify), r.style) for c, r in zip(body_rows, table.rows)]
    ruled = any(len(b) > 1 for b, _ in body)
    between = (rule("├", "┼", "┤"), "")  # drawn once: it goes between all the body rows
    for i, (lines, style) in enumerate(body):
        if i == 0 or ruled:
            out.append(between)
        out.extend([(b, style) for b in lines])
    if footer_rows:
        out.append(between)
        for c, r in zip(footer_rows, table.footer):
            out.extend((b, r.style or "bold") for b in row_lines(c, justify))
    out.append((rule("└", "┴", "┘"), ""))
    if table.sumber:
        out.extend((b, "italic") for b in wrap(f"Sumber: {table.sumber}", width))
    return out


class BoxTable:
    """A TableBlock drawn by this writer, as a Rich renderable (for the console and SVG)."""

    def __init__(self, table: TableBlock) -> None:
        self.table = table

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment
        from rich.style import Style

        styles: dict[str, Any] = {"": None}
        for text, name in layout(self.table, options.max_width):
            if name not in styles:
                try:
                    styles[name] = Style.parse(name)
                except Exception:  # a plugin's unknown style name only loses its emphasis
                    styles[name] = None
            yield Segment(text, styles[name])
            yield Segment.line()
