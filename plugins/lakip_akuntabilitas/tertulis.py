"""Reading a stated figure (a `*_tertulis` field or a number quoted in a narrative) and
comparing it with the computed one at the precision it was written with: "98,8%" agrees with
98,8235..., "0.16" with 0,1608...
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from lakip_tui.api import format_desimal, format_persen, parse_desimal
from lakip_tui.api import AngkaError

from . import narasi
from .data import teks


def cocok_persen(nilai: float, desimal: int, pembanding: Iterable[float]) -> bool:
    """Equal at the precision the text wrote it ("98,8%" matches 98,8235...)."""
    tertulis = format_persen(nilai, desimal)
    return any(format_persen(v, desimal) == tertulis for v in pembanding)


def terdekat(nilai: float, dihitung: Iterable[float]) -> float | None:
    """Of the figures a quoted number may stand for, the nearest: the one it most likely meant
    (the `computed` of a finding, so a reviewer can sort by the difference)."""
    return min(dihitung, key=lambda v: abs(v - nilai), default=None)


def cocok_desimal(nilai: float, desimal: int, dihitung: float) -> bool:
    """Equal at the precision written ("0,16" matches 0,1608...)."""
    return format_desimal(nilai, desimal) == format_desimal(dihitung, desimal)


def baca_desimal(nilai: Any) -> tuple[float, int] | None:
    """A stated number and the decimals it was written with: 0.16, "0,16", or "0.16"."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, (int, float)):
        tulisan = repr(float(nilai)).rstrip("0").rstrip(".")
        return float(nilai), len(tulisan.partition(".")[2])
    if not isinstance(nilai, str):
        return None
    text = nilai.strip()
    try:
        hasil = parse_desimal(text)
        if hasil is not None:
            return hasil, len(text.partition(",")[2])
    except AngkaError:
        pass
    if re.fullmatch(r"-?\d+\.\d+", text):  # "0.16" as printed in the seed
        return float(text), len(text.partition(".")[2])
    return None


def baca_persen(nilai: Any) -> tuple[float, int] | None:
    """A stated percentage and its decimals: 98.82, "98,82%", "100%"."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, (int, float)):
        return baca_desimal(nilai)
    temuan = narasi.semua_persen(teks(nilai) if "%" in teks(nilai) else f"{teks(nilai)}%")
    if len(temuan) != 1:
        return None
    return temuan[0].nilai
