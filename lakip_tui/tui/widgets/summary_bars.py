"""Bars for the summary screen: capaian per indikator, pagu vs realisasi per program.

The numbers come from `kinerja` (never computed here) and are written by `angka`. Data is read
defensively: a chapter that is missing, or a row that is malformed, gives "tidak ada data" or a
"tidak dapat dihitung" bar, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from ... import angka, kinerja
from ...errors import LakipError
from ...kinerja import Hasil, TakTerhitung


@dataclass(frozen=True)
class BarisCapaian:
    label: str
    target: Any
    realisasi: Any
    capaian: Hasil
    peringkat: str | TakTerhitung


@dataclass(frozen=True)
class BarisAnggaran:
    label: str
    pagu: int | None
    realisasi: int | None
    persen: Hasil


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _skala(data: dict) -> tuple[kinerja.Peringkat, ...]:
    rows = [r for r in _list(_dict(data.get("akuntabilitas")).get("skala")) if isinstance(r, dict)]
    if not rows:
        return kinerja.SKALA_BAKU
    try:
        return kinerja.skala_dari_data(rows)
    except LakipError:
        return kinerja.SKALA_BAKU  # the check reports the bad scale; the chart still draws


def _capaian(indikator: dict, realisasi: Any) -> Hasil:
    """The capaian function that fits the indicator's jenis (docs/format.md)."""
    jenis = str(indikator.get("jenis", "kuantitatif")).strip().lower()
    target = indikator.get("target")
    if jenis == "kualitatif":
        urutan = [str(u) for u in _list(indikator.get("urutan"))]
        return kinerja.capaian_kualitatif(target, realisasi, urutan)
    if jenis == "sesuai_target":
        return kinerja.capaian_sesuai_target(target, realisasi)
    return kinerja.capaian(target, realisasi, indikator.get("polaritas", "positif"))


def baris_capaian(data: dict) -> list[BarisCapaian]:
    """One row per indicator of every sasaran, in file order; [] when there is none."""
    realisasi: dict[str, Any] = {}
    for row in _list(_dict(data.get("akuntabilitas")).get("realisasi")):
        if isinstance(row, dict) and "indikator" in row:
            realisasi[str(row["indikator"])] = row.get("nilai")
    skala = _skala(data)
    out = []
    for sasaran in _list(_dict(data.get("perjanjian_kinerja")).get("sasaran")):
        for indikator in _list(_dict(sasaran).get("indikator")):
            if not isinstance(indikator, dict):
                continue
            kode = str(indikator.get("kode", "")).strip()
            nilai = realisasi.get(kode)
            hasil = _capaian(indikator, nilai)
            label = " ".join(p for p in (kode, str(indikator.get("uraian", "")).strip()) if p)
            out.append(BarisCapaian(label or "(indikator tanpa nama)", indikator.get("target"),
                                    nilai, hasil, kinerja.peringkat(hasil, skala)))
    return out


def baris_anggaran(data: dict) -> tuple[list[BarisAnggaran], BarisAnggaran | None]:
    """One row per program, and the total; ([], None) when there is no budget."""
    programs = [p for p in _list(_dict(data.get("anggaran")).get("program")) if isinstance(p, dict)]
    if not programs:
        return [], None
    out = []
    for program in programs:
        label = " ".join(p for p in (str(program.get("kode", "")), str(program.get("nama", ""))) if p)
        try:
            rekap = kinerja.rekap_program(program)
        except (LakipError, AttributeError, TypeError) as exc:
            alasan = exc.message if isinstance(exc, LakipError) else "struktur program tidak sah"
            out.append(BarisAnggaran(label, None, None, TakTerhitung(alasan)))
            continue
        out.append(BarisAnggaran(label, rekap.pagu, rekap.realisasi, rekap.persen))
    try:
        total = kinerja.rekap_total(programs)
        jumlah = BarisAnggaran("Jumlah", total.pagu, total.realisasi, total.persen)
    except (LakipError, AttributeError, TypeError):
        jumlah = None
    return out, jumlah


def _bar(fraction: float, width: int) -> Text:
    """A bar in two characters, so it reads without colour too."""
    filled = max(0, min(width, round(fraction * width)))
    bar = Text()
    bar.append("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


def _lebar_bar(width: int) -> int:
    return max(8, min(30, width // 7))


def _nilai(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return angka.format_bilangan(value)
    if isinstance(value, float):
        return angka.format_desimal(value)
    return str(value)


def _tabel(bar_width: int, *columns: tuple[str, str]) -> Table:
    """The name takes what is left and is cut, never the numbers; "" is the bar column, of a
    fixed width (a reason that replaces the bar wraps inside it)."""
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    for index, (header, justify) in enumerate(columns):
        if index == 0:
            table.add_column(header, ratio=1, overflow="ellipsis", no_wrap=True)
        elif header == "":
            table.add_column(header, width=bar_width, overflow="fold")
        else:
            table.add_column(header, justify=justify, no_wrap=True)
    return table


def _alasan(hasil: TakTerhitung) -> Text:
    return Text(f"({hasil.alasan})", style="italic")


_CATATAN = Text("-: tidak dapat dihitung; alasannya di kolom grafik.", style="dim italic")


def grafik_capaian(rows: list[BarisCapaian], width: int) -> Any:
    if not rows:
        return Text("Capaian kinerja: tidak ada data (bab Perjanjian Kinerja belum berisi indikator).",
                    style="italic")
    # The longest bar is 100% or the best capaian, whichever is larger: above-target shows.
    puncak = max([100.0] + [r.capaian for r in rows if isinstance(r.capaian, float)])
    bar_width = _lebar_bar(width)
    table = _tabel(bar_width, ("Indikator", "left"), ("Target", "right"), ("Realisasi", "right"),
                   ("Capaian", "right"), ("", "left"), ("Peringkat", "left"))
    for row in rows:
        if isinstance(row.capaian, TakTerhitung):
            persen, bar = "-", _alasan(row.capaian)
        else:
            persen, bar = angka.format_persen(row.capaian), _bar(row.capaian / puncak, bar_width)
        rating = row.peringkat if isinstance(row.peringkat, str) else "-"
        table.add_row(row.label, _nilai(row.target), _nilai(row.realisasi), persen, bar, rating)
    parts = [Text("Capaian per indikator", style="bold underline"), table]
    if any(isinstance(r.capaian, TakTerhitung) for r in rows):
        parts.append(_CATATAN)
    return Group(*parts)


def grafik_anggaran(rows: list[BarisAnggaran], jumlah: BarisAnggaran | None, width: int) -> Any:
    if not rows:
        return Text("Realisasi anggaran: tidak ada data (bab Anggaran belum berisi program).",
                    style="italic")
    bar_width = _lebar_bar(width)
    table = _tabel(bar_width, ("Program", "left"), ("Pagu", "right"), ("Realisasi", "right"),
                   ("%", "right"), ("", "left"))
    for row in rows + ([jumlah] if jumlah else []):
        if isinstance(row.persen, TakTerhitung):
            persen, bar = "-", _alasan(row.persen)
        else:
            persen = angka.format_persen(row.persen)
            bar = _bar(row.persen / max(100.0, row.persen), bar_width)
        style = "bold" if row is jumlah else None
        table.add_row(row.label, angka.format_rupiah(row.pagu), angka.format_rupiah(row.realisasi),
                      persen, bar, style=style)
    parts = [Text("Pagu dan realisasi per program", style="bold underline"), table]
    if any(isinstance(r.persen, TakTerhitung) for r in rows):
        parts.append(_CATATAN)
    return Group(*parts)


class GrafikRingkasan(Widget):
    """Both charts, drawn from the project data each time it is shown."""

    DEFAULT_CSS = """
    GrafikRingkasan { height: auto; padding: 0 1; }
    """

    def __init__(self, data: dict, **kwargs) -> None:
        super().__init__(**kwargs)
        self.capaian = baris_capaian(data)
        self.anggaran, self.jumlah = baris_anggaran(data)

    def render(self) -> Any:
        width = self.size.width or 80
        return Group(grafik_capaian(self.capaian, width), Text(""),
                     grafik_anggaran(self.anggaran, self.jumlah, width))
