"""The plugin author's guide is true: every hook is documented, and its example plugin works."""

from __future__ import annotations

import re
from pathlib import Path

from lakip_tui import hookspecs
from lakip_tui.checks import run_checks
from lakip_tui.plugins import load_registry

GUIDE = Path(__file__).parent.parent / "docs" / "plugins.md"


def hook_names() -> list[str]:
    return [name for name in dir(hookspecs) if name.startswith("lakip_")]


def test_every_hook_is_documented_in_the_guide():
    text = GUIDE.read_text(encoding="utf-8")
    for name in hook_names():
        assert f"### `{name}(" in text, f"{name} is not documented in docs/plugins.md"


def test_the_guide_example_plugin_loads_validates_and_renders(tmp_path):
    code = re.search(r"```python\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.S).group(1)
    plugin = tmp_path / "inovasi.py"
    plugin.write_text(code, encoding="utf-8")
    registry = load_registry([plugin], env={"LAKIP_LOAD_PLUGINS": ""})
    assert registry.infos["inovasi"].status == "aktif", registry.infos["inovasi"].problem
    chapter = registry.chapters["inovasi"]
    data = {"format": 1, "meta": {"pemda": "P", "instansi": "I", "tahun": 2024},
            "inovasi": {"pengantar": "Pembuka.", "daftar": [{"nama": "Cek Bansos", "tahun": 2024},
                                                          {"tahun": 2024}]}}
    findings = run_checks(data, registry)
    assert [(f.code, f.path) for f in findings] == [
        ("inovasi.nama-kosong", ("inovasi", "daftar", 1, "nama"))]
    ((_, sections),) = registry.call("lakip_render", chapter=chapter, data=data,
                                     konteks=registry.konteks(data))
    table = sections[0].blocks[1]
    assert table.caption == "Tabel L.1 Daftar Inovasi Daerah"
    assert table.rows[0].cells == ("1", "Cek Bansos", "2024")
