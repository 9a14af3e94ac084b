"""How a rating is printed."""

from __future__ import annotations

from typing import Any


def teks_peringkat(nilai: Any) -> str:
    """A rating name, or "tidak dapat dihitung" for a TakTerhitung."""
    return nilai if isinstance(nilai, str) else "tidak dapat dihitung"
