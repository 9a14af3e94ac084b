"""A figure that cannot be computed, with the reason: the one value type shared by the domain
math (kinerja) and the number formats (angka).

In a module of its own so that formatting numbers (which the editor's first screen does) does
not import all of the domain math with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class TakTerhitung:
    """'tidak dapat dihitung', with the reason in Indonesian for findings and tooltips."""

    alasan: str

    def __str__(self) -> str:
        return "tidak dapat dihitung"


Hasil: TypeAlias = float | TakTerhitung
