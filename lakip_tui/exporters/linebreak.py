"""How many lines Typst breaks a table cell's text into, known before Typst sees it.

Typst's grid lays out an `auto` row twice (once to measure it, once to place it); a row whose
height is given is laid out once. The PDF writer gives Typst the height of every row it is sure
of, from the number of lines of its cells, and leaves the others `auto`.

A cell is ragged text (no justification, no hyphenation), which Typst breaks first-fit: each line
takes as many words as fit. Widths come from the advance widths and pair kerning of Libertinus
Serif, measured by Typst itself (`measure_glyphs`) and kept in `libertinus.json`, in thousandths
of an em. What this model does not know makes the answer None (`auto` in Typst): a character not
in the table, a line with a ligature within `MARGIN_EM` of the column's width, a word pushed to
the next line that Typst could break inside, a word wider than the column, empty lines, leading,
trailing or double spaces.
"""

from __future__ import annotations

import json
import math
import re
import string
from functools import lru_cache
from importlib import resources

# Typst's widths are the table's sums to the last bit, except after an "f" that starts a
# ligature with the next letter (ff, fi, fk, ffi, ...): up to 0,07 em off there. A line within
# MARGIN_EM of the width is left to Typst then; else only one within a float's noise, which
# Typst (1e-4 pt of tolerance) fits and this model too.
MARGIN_EM = 0.1
_NOISE_EM = 1e-7
_OVER_EM = 1e-4  # wider than the width by this: Typst breaks (its tolerance is 1e-4 pt)
_LIGATURE = re.compile(r"f[A-Za-z]")
# A run of text Typst never breaks inside (Unicode line breaking): letters and digits, joined by
# a point, comma or colon between letters or between digits, in parentheses, with a percent after
# digits, a point, comma, colon or semicolon after it, a hyphen or slash after a letter.
_WHOLE = re.compile(r"\(?[A-Za-z0-9]+(?:[.,:][A-Za-z0-9]+)*(?:(?<=[0-9])%)?\)?[.,:;]?"
                    r"(?:(?<=[A-Za-z])[-/])?")
_MIXED = re.compile(r"[A-Za-z][.,:][0-9]|[0-9][.,:][A-Za-z]")
_STARTS = frozenset(string.ascii_letters + string.digits + "(")  # a line may start with
CHARSET = "".join(chr(c) for c in range(0x20, 0x7F))  # the characters measured
_DATA = "libertinus.json"


class Font:
    """Advance widths and pair kerning of one weight, thousandths of an em, and the height of a
    line of it (Typst's from the baseline to the capitals' tops), in em."""

    def __init__(self, advances: dict[str, float], kerning: dict[str, float],
                 cap_height: float) -> None:
        self.advances = advances
        self.kerning = kerning
        self.cap_height = cap_height / 1000
        self._words: dict[str, float | None] = {}
        # Digits all as wide and never kerned (Libertinus' tabular figures): a text breaks as
        # its twin with every digit a 0 does, so "1.06.0001" and "2.17.0042" are counted once.
        alike = len({advances.get(d) for d in string.digits}) == 1 and not any(
            c in string.digits for pair in kerning for c in pair)
        self._zeros = bytes.maketrans(b"123456789", b"0" * 9) if alike else None

    def width(self, text: str) -> float | None:
        """Width of a run of text in em, None when a character is not measured. (Sums over
        maps, not a loop: 20.000 cells of a city's tables. The widths are whole thousandths,
        so the order of the sums does not change them.)"""
        try:
            advances = sum(map(self.advances.__getitem__, text))
        except KeyError:
            return None
        kerning = sum(filter(None, map(self.kerning.get, map(str.__add__, text, text[1:]))))
        return (advances + kerning) / 1000

    def twin(self, text: str) -> bytes:
        """The same key for texts as wide as `text` that break into lines where it does: its
        UTF-8 with each digit a 0 where this font's digits are alike. (Bytes: translated ten
        times faster than a str; a digit's byte is never part of another character's.)"""
        return text.encode().translate(self._zeros)

    def word(self, word: str) -> float | None:
        """`width` of a word, remembered: the same words fill a whole table."""
        try:
            return self._words[word]
        except KeyError:
            w = self._words[word] = self.width(word)
            return w

    def joined(self, left: str, right: str) -> float:
        """What a space between two words adds: its advance and its kerning on both sides."""
        space = self.advances[" "] + self.kerning.get(left[-1] + " ", 0.0) \
            + self.kerning.get(" " + right[0], 0.0)
        return space / 1000


@lru_cache(maxsize=None)
def fonts() -> dict[str, Font]:
    """The measured table, per weight ("regular", "bold")."""
    data = json.loads(resources.files(__package__).joinpath(_DATA).read_text("utf-8"))
    return {weight: Font(table["advances"], table["kerning"], table["cap_height"])
            for weight, table in data.items()}


def count_lines(text: str, width_em: float, font: Font) -> int | None:
    """Lines of `text` (lines split at "\\n", each broken first-fit) in a column `width_em`
    wide, or None when Typst might break it otherwise."""
    total = 0
    for segment in text.split("\n"):
        lines = _segment_lines(segment, width_em, font)
        if lines is None:
            return None
        total += lines
    return total


# A character not in the table (another script, a symbol Typst takes from another font) is
# counted this wide by `most_lines`: wider than any character of Libertinus Serif.
_UNMEASURED_EM = 1.5


def most_lines(text: str, width_em: float, font: Font) -> int:
    """At most how many lines Typst breaks `text` into: `count_lines` where it is sure, else a
    count that errs high. (The PDF writer plans pages with it, where a line too many costs a
    little room and a line too few a page.)"""
    total = 0
    for segment in text.split("\n"):
        lines = _segment_lines(segment, width_em, font) if segment else 1
        if lines is None:  # a ligature near the edge: no line is wider than MARGIN_EM more
            lines = _first_fit(segment, width_em - MARGIN_EM, font)
        total += lines if lines is not None else _lines_at_most(segment, width_em, font)
    return total


def _lines_at_most(segment: str, width_em: float, font: Font) -> int:
    """First fit breaking only at spaces, every word a fifth wider than measured, a word wider
    than the column over as many lines as it would fill half full, and a line more. (Typst also
    breaks after hyphens and slashes, which takes no more lines, but not at a space before
    closing punctuation: the fifth and the line more are for that; tests/test_pdf_linebreak.py
    holds the bound against Typst's own count on random texts.)"""
    def wide(text: str) -> float:
        return 1.2 * sum(font.advances.get(c, _UNMEASURED_EM * 1000) for c in text) / 1000

    space = wide(" ")
    lines, line = 1, 0.0
    for word in segment.split(" "):
        w = wide(word)
        if line and line + space + w > width_em:
            lines += 1
            line = 0.0
        if w > width_em:
            lines += math.ceil(2 * w / width_em) - 1
            line = width_em
        else:
            line += (space if line else 0.0) + w
    return lines + 1


def _segment_lines(segment: str, width_em: float, font: Font) -> int | None:
    if not segment or segment[0] == " " or segment[-1] == " " or "  " in segment:
        return None  # empty line, leading, trailing or double spaces: not modelled
    if _LIGATURE.search(segment):
        fits, overflows = width_em - MARGIN_EM, width_em + MARGIN_EM
    else:
        fits, overflows = width_em + _NOISE_EM, width_em + _OVER_EM
    whole = font.width(segment)
    if whole is None:
        return None
    if whole <= fits:  # most cells: one line
        return 1
    return _broken_lines(_pieces(segment), font, fits, overflows)


def _first_fit(segment: str, width_em: float, font: Font) -> int | None:
    """`_segment_lines` with the widths taken as they are, ligatures too."""
    whole = font.width(segment)
    if whole is None or not segment or segment[0] == " " or segment[-1] == " " or "  " in segment:
        return None
    if whole <= width_em + _NOISE_EM:
        return 1
    return _broken_lines(_pieces(segment), font, width_em + _NOISE_EM, width_em + _OVER_EM)


def _broken_lines(pieces: list[tuple[str, bool]], font: Font, fits: float,
                  overflows: float) -> int | None:
    """First fit: each line takes pieces while they fit."""
    lines = 1
    line = _alone(pieces[0][0], font, fits)
    if line is None:
        return None
    for (before, _), (piece, spaced) in zip(pieces, pieces[1:]):
        alone = _alone(piece, font, fits)
        if alone is None:
            return None
        longer = line + _join(before, piece, spaced, font) + alone
        if longer <= fits:
            line = longer
        elif longer > overflows and _breaks_before(before, piece, spaced):
            lines += 1
            line = alone
        else:
            return None
    return lines


# After a hyphen or a slash between two letters Typst may break a line (Unicode line breaking)
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z][-/])(?=[A-Za-z])")


def _pieces(segment: str) -> list[tuple[str, bool]]:
    """The runs of text between the places a line may break, each with whether a space comes
    before it."""
    words = segment.split(" ")
    return [(piece, i > 0 and j == 0) for i, word in enumerate(words)
            for j, piece in enumerate(_HYPHEN_BREAK.split(word))]


def _join(before: str, piece: str, spaced: bool, font: Font) -> float:
    if spaced:
        return font.joined(before, piece)
    return font.kerning.get(before[-1] + piece[0], 0.0) / 1000


def _alone(word: str, font: Font, fits: float) -> float | None:
    """The word's width when it fits a line by itself, else None."""
    w = font.word(word)
    return w if w is not None and w <= fits else None


def _breaks_before(before: str, piece: str, spaced: bool) -> bool:
    """Typst breaks a line before `piece` and nowhere inside it: after a space when no closing
    punctuation is glued to the piece and no opening one to the word before; after a hyphen or
    slash between letters; the piece has no other break (a hyphen or slash elsewhere)."""
    if spaced and (piece[0] not in _STARTS or before[-1] == "("):
        return False
    return _WHOLE.fullmatch(piece) is not None and _MIXED.search(piece) is None


# --- measuring the font with Typst ------------------------------------------------------------

_MEASURE = """
#set text(font: "Libertinus Serif", size: 1000pt, lang: "id")
#let chars = json(bytes(sys.inputs.chars))
#let lebar(weight, s) = measure(text(weight: weight, s)).width / 1pt
#context [#metadata(("regular", "bold").map(weight => (weight, (
  advances: chars.map(c => lebar(weight, c)),
  pairs: chars.map(a => chars.map(b => lebar(weight, a + b))),
  cap_height: measure(text(weight: weight, "X")).height / 1pt,
)))) <glyphs>]
"""


def measure_glyphs() -> dict:
    """The table `libertinus.json` holds, measured now by the installed Typst: per weight, each
    character's advance and each pair's kerning (the width of the pair less both advances),
    only the pairs that kern, and the height of a line."""
    import tempfile
    from pathlib import Path

    import typst

    with tempfile.TemporaryDirectory() as folder:
        program = Path(folder) / "measure.typ"
        program.write_text(_MEASURE, encoding="utf-8")
        measured = typst.query(str(program), "<glyphs>", field="value", one=True,
                               ignore_system_fonts=True,
                               sys_inputs={"chars": json.dumps(list(CHARSET))})
    return {weight: _table(values) for weight, values in json.loads(measured)}


def _table(values: dict) -> dict:
    advances = dict(zip(CHARSET, values["advances"]))
    kerning = {}
    for a, row in zip(CHARSET, values["pairs"]):
        for b, pair in zip(CHARSET, row):
            kern = pair - advances[a] - advances[b]
            if kern:
                kerning[a + b] = kern
    return {"advances": advances, "kerning": kerning, "cap_height": values["cap_height"]}


if __name__ == "__main__":  # regenerate the table: python -m lakip_tui.exporters.linebreak
    path = resources.files(__package__).joinpath(_DATA)
    with open(str(path), "w", encoding="utf-8") as out:
        json.dump(measure_glyphs(), out, ensure_ascii=False, sort_keys=True, indent=0)
        out.write("\n")
