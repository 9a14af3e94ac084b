"""Every narrative of the bundled example reaches the report: nothing the planner typed is dropped.

The seed is the product's test of truth; its transcription lives in the example project. This walks
every text in the file and looks for it in the assembled report (the Document every export format
and the TUI preview are laid out from).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from lakip_tui.export import assemble
from lakip_tui.plugins import load_registry
from lakip_tui.report import Heading, ListBlock, Paragraph, Raw, Signature, TableBlock

EXAMPLE = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"

# Stated figures are kept for the check only; the report prints the computed ones.
STATED = re.compile(r"(_tertulis$|^ringkasan_tertulis$)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def texts_in_file(node, path=()):
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            if not STATED.search(key):
                yield from texts_in_file(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts_in_file(value, (*path, index))


def internal(path: tuple) -> bool:
    """Identifiers and switches that the report does not print as such."""
    keys = [p for p in path if isinstance(p, str)]
    if keys[-1] in {"format", "files", "polaritas"}:
        return True
    if keys[0] == "perjanjian_kinerja" and keys[-1] in {"kode", "jenis"}:
        return True  # sasaran/indikator codes (SS1, IKU1) and the indicator kind
    if keys[-1] == "sasaran" and keys[0] in {"perjanjian_kinerja", "akuntabilitas"}:
        return True  # references to a sasaran by its code
    return keys[:2] == ["pmks", "psks"] and keys[-1] == "no"  # "10a" is printed as "a."


def texts_in_report(document) -> str:
    parts = [*document.sampul.baris()]
    for section in document.sections():
        parts.append(section.title)
        for block in section.blocks:
            if isinstance(block, (Heading,)):
                parts.append(block.text)
            elif isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, ListBlock):
                parts.extend(block.items)
            elif isinstance(block, TableBlock):
                parts.extend([block.caption, block.sumber])
                for row in (*block.rows, *block.footer):
                    parts.extend(row.cells)
            elif isinstance(block, Signature):
                parts.extend(block.lines())
            elif isinstance(block, Raw):
                parts.append(str(block.renderable))
    return "\n".join(_norm(p) for p in parts)


def test_every_text_of_the_example_is_in_the_report():
    data = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    registry = load_registry(env={})
    document = assemble(data, registry, registry.konteks(data, EXAMPLE))
    assert not registry.problems
    report = texts_in_report(document)
    missing = [
        (".".join(map(str, path)), text[:60])
        for path, text in texts_in_file(data)
        if not internal(path) and _norm(text) and _norm(text) not in report
    ]
    assert missing == []
