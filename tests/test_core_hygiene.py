"""The core knows no chapter by name: no built-in chapter key appears as a string in its code."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).parent.parent / "lakip_tui"
CHAPTER_KEYS = {"profil", "pmks", "perjanjian_kinerja", "akuntabilitas", "anggaran", "penutup"}


def docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def test_core_code_names_no_chapter():
    found = []
    for file in sorted(CORE.rglob("*.py")):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        skip = docstring_nodes(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in skip and node.value in CHAPTER_KEYS):
                found.append(f"{file.relative_to(CORE)}:{node.lineno} {node.value!r}")
    assert found == []
