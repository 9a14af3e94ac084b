"""The public plugin API and the layers (issue 12): plugins import only `lakip_tui.api`; the core
never imports the TUI or a plugin; `lakip check` and `lakip export` never import Textual."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import lakip_tui.api as api

ROOT = Path(__file__).parent.parent
CORE = ROOT / "lakip_tui"
PLUGINS = ROOT / "plugins"
BUILT_IN_PACKAGES = ("lakip_profil", "lakip_pmks", "lakip_perjanjian_kinerja",
                     "lakip_akuntabilitas", "lakip_anggaran")


def imported_modules(file: Path) -> list[tuple[int, str]]:
    """Every module a file imports, at any depth (also inside functions), absolute names;
    relative imports resolved against the file's package."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append((node.lineno, "." * node.level + (node.module or "")))
            else:
                found += [(node.lineno, node.module or "")]
                if node.module == "lakip_tui":  # from lakip_tui import kinerja
                    found += [(node.lineno, f"lakip_tui.{a.name}") for a in node.names]
    return found


def resolve(file: Path, name: str) -> str:
    """A relative import as an absolute module name."""
    if not name.startswith("."):
        return name
    level = len(name) - len(name.lstrip("."))
    parts = list(file.relative_to(CORE.parent).with_suffix("").parts)
    base = parts[: len(parts) - level]
    rest = name.lstrip(".")
    return ".".join(base + ([rest] if rest else []))


def test_every_built_in_plugin_imports_only_the_public_api():
    offences = []
    for package in BUILT_IN_PACKAGES:
        for file in sorted((PLUGINS / package).rglob("*.py")):
            for line, name in imported_modules(file):
                if name.startswith("lakip_tui") and name != "lakip_tui.api":
                    offences.append(f"{file.relative_to(ROOT)}:{line}: {name}")
    assert not offences, "plugins may import only lakip_tui.api:\n" + "\n".join(offences)


def test_the_core_never_imports_the_tui_or_a_plugin():
    offences = []
    for file in sorted(CORE.rglob("*.py")):
        if file.is_relative_to(CORE / "tui"):
            continue
        for line, name in imported_modules(file):
            module = resolve(file, name)
            if file.name in ("cli.py", "testing.py") and module == "lakip_tui.tui.app":
                continue  # `lakip edit` and testing.edit run the editor: imported only then
            textual = module == "textual" or module.startswith("textual.")  # not textual_serve
            if module.startswith("lakip_tui.tui") or textual or \
                    module.split(".")[0] in BUILT_IN_PACKAGES:
                offences.append(f"{file.relative_to(ROOT)}:{line}: {module}")
    assert not offences, "the core imports the TUI or a plugin:\n" + "\n".join(offences)


def test_check_and_export_with_every_plugin_never_import_textual(tmp_path):
    example = ROOT / "projects" / "dinsos-binjai-2024.toml"
    code = (
        "import sys\n"
        "from lakip_tui.cli import main\n"
        f"main(['check', {str(example)!r}])\n"
        f"main(['check', '--json', {str(example)!r}])\n"
        "for fmt in ('txt', 'md', 'html', 'svg'):\n"
        f"    main(['export', {str(example)!r}, '-f', fmt, '-o', {str(tmp_path / 'x')!r} + '.' + fmt])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr[-2000:]


def test_the_api_exports_what_it_lists_and_says_its_version():
    assert re.fullmatch(r"\d+\.\d+", api.API_VERSION)
    missing = [name for name in api.__all__ if not hasattr(api, name)]
    assert not missing
    assert len(set(api.__all__)) == len(api.__all__)
    assert (CORE / "py.typed").is_file()  # PEP 561: type checkers read the annotations


@pytest.mark.parametrize("name", ["Chapter", "Section", "TableBlock", "Finding", "Konteks",
                                  "Grafik", "FactTable", "hookimpl", "clean_text"])
def test_the_api_objects_are_the_cores_own(name):
    """One object per concept: the API re-exports, it does not copy."""
    module = {"Chapter": "chapter", "Section": "report", "TableBlock": "report",
              "Finding": "findings", "Konteks": "context", "Grafik": "report",
              "FactTable": "facts", "hookimpl": "hookspecs", "clean_text": "clean"}[name]
    core = __import__(f"lakip_tui.{module}", fromlist=[name])
    assert getattr(api, name) is getattr(core, name)


def test_the_compatibility_promise_is_in_the_docs():
    text = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert "lakip_tui.api" in text and "API_VERSION" in text
    assert "## Compatibility" in text
