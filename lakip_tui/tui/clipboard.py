"""Copy to the clipboard of the user's own terminal, also over SSH, with OSC 52.

Textual's `App.copy_to_clipboard` writes a bare OSC 52 sequence. That reaches the terminal
directly and through tmux when tmux has `set-clipboard on`. tmux's default (`external`) and GNU
screen swallow it; for those the same sequence is sent again wrapped in the multiplexer's
passthrough (tmux also needs `allow-passthrough on` for that, tmux >= 3.3). Sending both is
harmless: the clipboard is set twice to the same text.
"""

from __future__ import annotations

import base64
import os
from typing import Mapping

from ..clean import clean_text

# Terminals cap OSC 52 payloads (xterm ~100 kB, some 74 kB); refuse clearly instead of failing
# silently.
MAX_BYTES = 74_000


def osc52(text: str) -> str:
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\x07"


def wrap_for_multiplexer(sequence: str, env: Mapping[str, str] | None = None) -> str | None:
    """The passthrough form of `sequence` for tmux or GNU screen, or None outside them."""
    env = os.environ if env is None else env
    if env.get("TMUX"):
        # tmux passthrough: every ESC inside is doubled
        return "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    if env.get("STY") or env.get("TERM", "").startswith("screen"):
        return "\x1bP" + sequence + "\x1b\\"
    return None


def copy(app, text: str, env: Mapping[str, str] | None = None) -> str | None:
    """Put `text` on the clipboard; returns a problem message in Indonesian, or None.

    The text is a project's: its control characters are dropped first, so a pasted cell can
    never carry an escape sequence into the user's next terminal or document."""
    text = clean_text(text)
    if len(text.encode("utf-8")) > MAX_BYTES:
        return f"Teks terlalu panjang untuk disalin lewat terminal (maks. {MAX_BYTES // 1000} kB)"
    app.copy_to_clipboard(text)  # also keeps it for pasting inside the app
    wrapped = wrap_for_multiplexer(osc52(text), env)
    driver = getattr(app, "_driver", None)
    if wrapped and driver is not None:
        driver.write(wrapped)
    return None
