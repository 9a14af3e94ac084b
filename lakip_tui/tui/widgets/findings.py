"""The findings panel: every problem `lakip check` would report, live, with Enter to jump there."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...clean import clean_text
from ...findings import SEVERITY_LABEL, Finding, count
from ..drawing import QuietScrollbars

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
# A marker that still says the severity without colour (NO_COLOR, monochrome terminals).
_MARK = {"error": "✖", "warning": "▲", "info": "·"}


def ringkas(findings: list[Finding], petunjuk: str = "") -> str:
    galat, peringatan, info = (count(findings, s) for s in ("error", "warning", "info"))
    if not findings:
        return f"Temuan: tidak ada. Semua pemeriksaan lolos.  {petunjuk}".rstrip()
    return f"Temuan: {galat} galat · {peringatan} peringatan · {info} info  {petunjuk}".rstrip()


def _prompt(finding: Finding, titles: dict[str, str]) -> Text:
    text = Text(no_wrap=False)
    text.append(f"{_MARK[finding.severity]} {SEVERITY_LABEL[finding.severity]:<10} ",
                style=_STYLE[finding.severity])
    text.append(clean_text(finding.message))  # messages quote the file's text
    where = finding.location or titles.get(finding.chapter, finding.chapter)
    text.append(clean_text(f"  [{where}]"), style="dim")
    return text


class FindingsList(QuietScrollbars, OptionList):
    """The findings, one a line (its scrollbar is not drawn again on every layout)."""


class FindingsPanel(Vertical):
    """A count line and the list. Updating keeps the highlighted finding when it still exists."""

    DEFAULT_CSS = """
    FindingsPanel {
        height: 8;
    }
    FindingsPanel > #temuan-ringkas {
        height: 1;
        padding: 0 1;
        text-style: bold;
        background: $panel;
    }
    FindingsPanel > OptionList, FindingsPanel > OptionList:focus {
        height: 1fr;
        border: none;
        padding: 0;
    }
    /* no border to spare rows at 80x24: focus shows on the count line instead */
    FindingsPanel:focus-within > #temuan-ringkas {
        background: $primary;
        color: $text;
    }
    """

    class Dipilih(Message):
        """Enter on a finding: the app jumps to its row or field."""

        def __init__(self, finding: Finding) -> None:
            super().__init__()
            self.finding = finding

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.findings: list[Finding] = []
        self.titles: dict[str, str] = {}
        self.petunjuk = ""  # which keys lead here and to help (they may be remapped)
        self._daftar: OptionList | None = None

    def compose(self) -> ComposeResult:
        yield Static("Temuan: memeriksa…", id="temuan-ringkas")

    @property
    def daftar(self) -> OptionList:
        """The list, mounted when the first findings come (or the user goes to it): the check
        runs after the first frame, which need not pay for an empty list."""
        if self._daftar is None:
            self._daftar = FindingsList(id="temuan-daftar")
            self.mount(self._daftar)
        return self._daftar

    def memeriksa(self) -> None:
        self.query_one("#temuan-ringkas", Static).update(
            ringkas(self.findings) + "  (memeriksa…)" if self.findings else "Temuan: memeriksa…")


    def tampilkan(self, findings: list[Finding], titles: dict[str, str]) -> None:
        daftar = self.daftar
        previous = None
        if daftar.highlighted is not None and daftar.highlighted < len(self.findings):
            previous = self.findings[daftar.highlighted]
        self.findings, self.titles = list(findings), dict(titles)
        self.query_one("#temuan-ringkas", Static).update(ringkas(self.findings, self.petunjuk))
        daftar.set_options(Option(_prompt(f, titles)) for f in self.findings)
        if previous in self.findings:
            daftar.highlighted = self.findings.index(previous)
        elif self.findings:
            daftar.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.findings):
            self.post_message(self.Dipilih(self.findings[event.option_index]))
