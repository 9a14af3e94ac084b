"""Text from a project file made safe to show: no control characters reach a terminal or a file.

A project file comes from someone else (an agency, a reviewer's inbox). A field holding
`ESC ] 52 ; c ; ...` would set the reader's clipboard when printed raw; a BEL or a form feed makes
an SVG export invalid XML; a lone CR overwrites the start of a line in a terminal. Every sink
(`lakip check` text and JSON, the TUI, the clipboard, every exporter) passes project text through
`clean_text` (or a whole structure through `clean_data`) before it is drawn or written.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls except TAB (09) and LF (0A), then DEL (7F) and the C1 controls (80-9F: 9B is CSI
# and 9D is OSC on terminals that read 8-bit controls). CR is handled apart: CRLF becomes LF.
# Also the bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they
# reorder what is shown without changing what is stored, so "RLO 008.3" reads as "3.800"
# ("Trojan Source", CVE-2021-42574).
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f{_BIDI}]")
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def clean_text(text: str) -> str:
    """`text` without control characters: newline and tab are kept, CRLF becomes LF, every other
    C0 control (ESC, BEL, a lone CR...), DEL, every C1 control and every bidirectional
    override, embedding or isolate is removed.

    Use it on any string that came from a project file (or from a plugin) right before it is
    drawn on a terminal, put on the clipboard, or written into a txt/md/html/svg/pdf/docx file.
    It is idempotent and returns the same object when there is nothing to remove (the usual
    case costs one regex scan).
    """
    if not isinstance(text, str):
        text = str(text)
    if _UNSAFE.search(text) is None:
        return text
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", ""))


def clean_data(value: Any) -> Any:
    """A copy of plain project data (dicts, lists, tuples, strings, numbers) with `clean_text`
    applied to every string, keys included. Containers with nothing to clean are returned as
    they are, so cleaning a big clean file does not copy it."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        cleaned = {clean_data(k): clean_data(v) for k, v in value.items()}
        same = all(ck is k and cv is v for (ck, cv), (k, v) in zip(cleaned.items(), value.items()))
        return value if same and len(cleaned) == len(value) else cleaned
    if isinstance(value, list):
        cleaned_list = [clean_data(v) for v in value]
        return value if all(a is b for a, b in zip(cleaned_list, value)) else cleaned_list
    if isinstance(value, tuple):
        cleaned_tuple = tuple(clean_data(v) for v in value)
        return value if all(a is b for a, b in zip(cleaned_tuple, value)) else cleaned_tuple
    return value
