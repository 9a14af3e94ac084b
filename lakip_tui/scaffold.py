"""`lakip plugin new NAME`: a chapter plugin package that installs, loads and passes its tests.

What it writes, in `lakip-NAME/`: `pyproject.toml` (the entry point in the `lakip_tui` group),
`lakip_NAME/__init__.py` (the hooks) and `lakip_NAME/chapter.py` (the chapter: a table, a
narrative, a check, a report section), `tests/test_NAME.py` (a test that passes, written with
`lakip_tui.testing`) and a `README.md` saying how to install, test and use it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import LakipError

_NAME = re.compile(r"[a-z][a-z0-9_]{1,30}")
_CORE_NAMES = {"format", "meta", "plugins", "umum"}


def _taken(name: str) -> bool:
    """A name the core, an installed plugin or one of its chapters already uses."""
    from .plugins import load_registry

    registry = load_registry(env={})
    return name in _CORE_NAMES or name in registry.infos or name in registry.chapters


def files_for(name: str) -> dict[str, str]:
    """The files of the package, path -> text."""
    title = name.replace("_", " ").title()
    values = {"name": name, "title": title, "package": f"lakip_{name}",
              "dist": f"lakip-{name.replace('_', '-')}", "upper": title.upper()}
    return {path.format(**values): text.replace("{{", "\x00").replace("}}", "\x01")
            .format(**values).replace("\x00", "{").replace("\x01", "}")
            for path, text in _FILES.items()}


def write(name: str, folder: Path) -> Path:
    if not _NAME.fullmatch(name):
        raise LakipError(f"nama plugin '{name}' tidak valid: pakai huruf kecil, angka dan garis "
                         "bawah, diawali huruf (mis. inovasi atau sumber_dana)")
    if _taken(name):
        raise LakipError(f"'{name}' sudah dipakai oleh lakip sendiri; pilih nama lain")
    root = folder / f"lakip-{name.replace('_', '-')}"
    if root.exists():
        raise LakipError("folder sudah ada; pilih nama atau tempat lain", where=str(root))
    for relative, text in files_for(name).items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def run_plugin(args: Any) -> int:
    """`lakip plugin new NAME [--folder DIR]`."""
    root = write(args.name, Path(args.folder))
    print(f"Paket plugin dibuat di {root}/. Langkah berikutnya:\n"
          f"  cd {root}\n"
          "  pip install -e .        # di lingkungan Python yang sama dengan lakip\n"
          "  python -m pytest        # ujinya lolos sejak awal\n"
          "  lakip plugins           # plugin baru tercantum, aktif\n"
          "Baca README.md di sana dan docs/plugins.md lakip-tui.")
    return 0


_FILES = {
    "pyproject.toml": '''\
[build-system]
requires = ["setuptools>=77"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "0.1.0"
description = "Bab {title} untuk lakip-tui (Laporan Kinerja)"
readme = "README.md"
requires-python = ">=3.11"
license = "MIT"
dependencies = ["lakip-tui"]

[project.optional-dependencies]
test = ["pytest>=8"]

# lakip finds the plugin through this entry point: the name is the plugin's name in
# `lakip plugins` and in LAKIP_LOAD_PLUGINS / LAKIP_DISABLE_PLUGINS.
[project.entry-points.lakip_tui]
{name} = "{package}"

[tool.setuptools]
packages = ["{package}"]

[tool.pytest.ini_options]
testpaths = ["tests"]
pythonpath = ["."]
''',
    "{package}/__init__.py": '''\
"""The {title} chapter for lakip-tui: the hooks lakip calls (docs/plugins.md of lakip-tui)."""

from lakip_tui.api import hookimpl

from .chapter import CHAPTER, periksa, susun_laporan


@hookimpl
def lakip_register_chapters(register):
    register(CHAPTER)


@hookimpl
def lakip_validate(data, konteks):
    return periksa(data)


@hookimpl
def lakip_render(chapter, data, konteks):
    if chapter.key == CHAPTER.key:
        return susun_laporan(data)
    return None
''',
    "{package}/chapter.py": '''\
"""What the chapter is (its table in the project file and how it is edited), what it checks and
what it prints. Import only from lakip_tui.api: the rest of lakip may change between versions."""

from lakip_tui.api import (Bagian, Chapter, Column, Kolom, Narasi, Paragraph, Row, Section,
                           Tabel, TableBlock, baca, warning)

CHAPTER_KEY = "{name}"  # the chapter's key, also its table in the project file: [{name}]

CHAPTER = Chapter(
    key=CHAPTER_KEY,
    title="Lampiran {title}",
    order=50,  # after BAB IV (40)
    default_section="""
[{name}]
pengantar = ""          # paragraf pembuka
[[{name}.daftar]]       # satu baris per butir
nama = ""
tahun = $tahun
""",
    bagian=(
        Bagian("pengantar", "Pengantar", (Narasi("pengantar", "Pengantar", (CHAPTER_KEY, "pengantar")),)),
        Bagian("daftar", "Daftar {title}", (
            Tabel("daftar", "Daftar {title}", (CHAPTER_KEY, "daftar"), (
                Kolom("nama", "Nama", lebar=40, wajib=True),
                Kolom("tahun", "Tahun", jenis="tahun", lebar=6),
            ), baris_baru=lambda: {{"nama": "", "tahun": 0}}),
        )),
    ),
)


def periksa(data):
    """Findings: a row without a name."""
    for index, row in baca.baris(baca.tabel(data, CHAPTER_KEY), "daftar"):
        if not baca.teks(row.get("nama")):
            yield warning(f"{{CHAPTER_KEY}}.nama-kosong", CHAPTER_KEY, (CHAPTER_KEY, "daftar", index, "nama"),
                          f"Baris {{index + 1}} daftar {title}: nama belum diisi")


def susun_laporan(data):
    """The chapter's sections: the opening paragraph and the numbered table."""
    bagian = baca.tabel(data, CHAPTER_KEY)
    rows = tuple(Row((str(nomor), baca.teks(row.get("nama")), baca.teks(row.get("tahun"))))
                 for nomor, (_i, row) in enumerate(baca.baris(bagian, "daftar"), start=1))
    table = TableBlock("L.1", "Daftar {title}",
                       (Column("No", "right"), Column("Nama", ratio=4), Column("Tahun", "right")),
                       rows, sumber="Data instansi")
    blocks = (Paragraph(baca.teks(bagian.get("pengantar"))), table) \\
        if baca.teks(bagian.get("pengantar")) else (table,)
    return [Section("A. Daftar {title}", blocks, order=1)]
''',
    "tests/test_{name}.py": '''\
"""The chapter's tests, written with lakip_tui.testing (no installed lakip plugin is needed)."""

import {package}
from lakip_tui.testing import check, edit, load, render_text

PROYEK = """format = 1
[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Contoh"
tahun = 2025

[{name}]
pengantar = "Pengantar contoh."

[[{name}.daftar]]
nama = "Butir pertama"
tahun = 2025

[[{name}.daftar]]
nama = ""
tahun = 2025
"""


def test_the_chapter_registers():
    registry = load({package})
    assert registry.problems == []
    assert registry.chapters["{name}"].title == "Lampiran {title}"


def test_a_row_without_a_name_is_a_warning():
    findings = check(load({package}), PROYEK)
    assert [(f.code, f.path) for f in findings] == [
        ("{name}.nama-kosong", ("{name}", "daftar", 1, "nama"))]


def test_the_report_prints_the_table():
    text = render_text(load({package}), "{name}", PROYEK)
    assert "LAMPIRAN {upper}" in text
    assert "Tabel L.1 Daftar {title}" in text and "Butir pertama" in text


def test_the_editor_fills_in_the_missing_name():
    result = edit(load({package}), PROYEK, "{name}", ["down", "enter", *"Butir kedua", "enter"],
                  bagian="daftar")
    assert result.data["{name}"]["daftar"][1]["nama"] == "Butir kedua"
    assert 'nama = "Butir kedua"' in result.text
''',
    "README.md": '''\
# {dist}

Bab **Lampiran {title}** untuk [lakip-tui](https://example.invalid/lakip-tui): tabel
`[{name}]` di berkas proyek, pemeriksaan, dan bagian laporannya.

## Pasang

```sh
pip install -e .          # di lingkungan Python yang sama dengan lakip
lakip plugins             # {name} tercantum, status aktif
```

Sebagai paket terpasang (entry point `lakip_tui`), plugin ini dipercaya sebagaimana dipasang:
tidak perlu `lakip allow`.

## Pakai

Tambahkan ke berkas proyek (atau buat proyek baru dengan `lakip new`, yang menuliskannya):

```toml
[{name}]
pengantar = "..."
[[{name}.daftar]]
nama = "..."
tahun = 2025
```

`lakip check proyek.toml`, `lakip export proyek.toml` dan editor (`lakip proyek.toml`) kini
menampilkan bab ini.

## Uji

```sh
pip install -e '.[test]'
python -m pytest
```

Ujinya memakai `lakip_tui.testing` (`load`, `check`, `render_text`, `edit`). Impor hanya dari
`lakip_tui.api`; kontrak hook dan semua blok laporan ada di docs/plugins.md lakip-tui.
''',
}
