"""Text from a project never reaches a terminal, a clipboard or an exported file with control
characters in it (issue 12, item 2): `lakip_tui.clean` and the sinks of the command line."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip_tui.clean import clean_data, clean_text
from lakip_tui.cli import main

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "projects" / "dinsos-binjai-2024.toml"

# What an attacker puts in a field: set the reader's clipboard (OSC 52), ring, move the cursor
# with an 8-bit CSI, a lone CR that would overwrite the line on a terminal, and a right-to-left
# override that shows what follows reversed.
OSC52 = "\x1b]52;c;aGFjaw==\x07"
EVIL = f"{OSC52}\x9b2J\rX\x7f\u202e"
# Anything a terminal or an XML parser would act on, and the bidi controls that reorder what
# a reader sees; newline and tab are allowed.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def toml_escape(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f else c
                   for c in text)


@pytest.fixture
def evil_project(tmp_path: Path) -> Path:
    """The example project with the attack in the cover (instansi) and in a PMKS name that a
    check message quotes."""
    text = EXAMPLE.read_text(encoding="utf-8")
    bad = toml_escape(EVIL)
    for old in ('instansi = "Dinas Sosial Kota Binjai"',
                'jenis = "Wanita Pemimpin Kesejahteraan Sosial"'):
        assert old in text
        head, _, value = old.partition(' = "')
        text = text.replace(old, f'{head} = "{value[:-1]} {bad}"', 1)
    path = tmp_path / "kiriman.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_clean_text_removes_controls_and_keeps_newline_and_tab():
    assert clean_text(f"a{EVIL}b") == "a]52;c;aGFjaw==2JXb"
    assert clean_text("baris 1\nbaris 2\tkolom") == "baris 1\nbaris 2\tkolom"
    assert clean_text("windows\r\nbaris") == "windows\nbaris"
    assert clean_text("lone\rcr") == "lonecr"
    assert clean_text("Rp 1.000 ≤ 83,42% é") == "Rp 1.000 ≤ 83,42% é"


def test_clean_text_removes_bidi_overrides_that_would_show_another_number():
    # "RLO 008.3" is shown as "3.800" by a bidi-aware terminal, PDF or word processor
    assert clean_text("Rp \u202e008.3") == "Rp 008.3"
    assert clean_text("\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202c\u202d") == "abc"
    assert clean_text("عربى \u200f") == "عربى \u200f"  # ordinary RTL text and marks stay


def test_clean_text_returns_the_same_object_when_clean():
    text = "tidak ada yang dibuang"
    assert clean_text(text) is text


@given(st.text())
def test_clean_text_leaves_no_control_and_is_idempotent(text):
    once = clean_text(text)
    assert not FORBIDDEN.search(once)
    assert clean_text(once) == once


def test_clean_data_cleans_every_string_and_keeps_clean_containers():
    data = {"a": [f"x{OSC52}", {"k\x1b": "v"}], "n": 3, "t": ("ok",)}
    assert clean_data(data) == {"a": ["x]52;c;aGFjaw==", {"k": "v"}], "n": 3, "t": ("ok",)}
    clean = {"a": ["x", {"k": "v"}], "n": 3}
    assert clean_data(clean) is clean
    assert data["a"][0] == f"x{OSC52}"  # the project's own data is not changed


def test_check_text_output_has_no_control_characters(evil_project, capsys):
    main(["check", str(evil_project)])
    out = capsys.readouterr().out
    assert "Wanita Pemimpin Kesejahteraan Sosial ]52;c;aGFjaw==2JX" in out  # quoted, cleaned
    assert not FORBIDDEN.search(out)


def test_check_json_output_has_no_control_characters(evil_project, capsys):
    main(["check", "--json", str(evil_project)])
    out = capsys.readouterr().out
    assert not FORBIDDEN.search(out)
    assert "\\u001b" not in out and "\\u0007" not in out  # not even escaped by json
    messages = [f["message"] for f in json.loads(out)["findings"]]
    assert any("]52;c;aGFjaw==2JX" in m for m in messages)


def test_check_of_a_folder_has_no_control_characters(evil_project, capsys):
    main(["check", str(evil_project.parent)])
    main(["check", "--json", str(evil_project.parent)])
    assert not FORBIDDEN.search(capsys.readouterr().out)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_export_to_stdout_has_no_control_characters(evil_project, capfdbinary, fmt):
    assert main(["export", str(evil_project), "-f", fmt, "-o", "-"]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert "]52;c;aGFjaw==" in out
    assert not FORBIDDEN.search(out)


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_export_to_a_file_has_no_control_characters(evil_project, tmp_path, fmt):
    target = tmp_path / f"laporan.{fmt}"
    assert main(["export", str(evil_project), "-f", fmt, "-o", str(target)]) == 0
    assert not FORBIDDEN.search(target.read_text(encoding="utf-8"))


def test_svg_export_with_a_control_character_is_valid_xml(evil_project, tmp_path):
    target = tmp_path / "laporan.svg"
    assert main(["export", str(evil_project), "-f", "svg", "-o", str(target)]) == 0
    ET.parse(target)  # raised "not well-formed (invalid token)" before
    assert not FORBIDDEN.search(target.read_text(encoding="utf-8"))


def test_txt_table_borders_stay_aligned_after_cleaning(evil_project, capfdbinary):
    """The text is cleaned before the tables are laid out, so no line loses columns."""
    main(["export", str(evil_project), "-o", "-", "--width", "100"])
    lines = capfdbinary.readouterr().out.decode("utf-8").splitlines()
    table = [line for line in lines if "Wanita Pemimpin" in line]
    assert table
    assert all(len(line) <= 100 for line in lines)
    widths = {len(line) for line in lines if line.startswith("│") and line.rstrip().endswith("│")}
    assert len(widths) <= 3  # each table is one width; a cut character would add odd widths


def test_the_clipboard_never_receives_control_characters():
    from lakip_tui.tui import clipboard

    class App:
        copied: list[str] = []
        _driver = None

        def copy_to_clipboard(self, text: str) -> None:
            self.copied.append(text)

    app = App()
    assert clipboard.copy(app, f"nama {EVIL}", env={}) is None
    assert app.copied == ["nama ]52;c;aGFjaw==2JX"]
