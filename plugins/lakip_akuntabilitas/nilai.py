"""How an indicator's target or realisasi is printed: "85%", "1.250 orang", "WTP"."""

from __future__ import annotations

from typing import Any

from lakip_tui.angka import format_bilangan, format_desimal, format_persen


def teks_nilai(nilai: Any, satuan: str = "") -> str:
    if nilai is None:
        return "-"
    if isinstance(nilai, str):
        return nilai.strip() or "-"  # a qualitative value ("WTP", "Ada") is printed as typed
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return str(nilai)
    satuan = satuan.strip()
    if satuan == "%":
        return format_persen(nilai)
    if float(nilai).is_integer():
        angka = format_bilangan(int(nilai))
    else:
        angka = format_desimal(nilai, 2)
    return f"{angka} {satuan}" if satuan else angka


def teks_peringkat(nilai: Any) -> str:
    """A rating name, or "tidak dapat dihitung" for a TakTerhitung."""
    return nilai if isinstance(nilai, str) else "tidak dapat dihitung"
