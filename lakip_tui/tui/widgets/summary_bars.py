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
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


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


def grafik_capaian(rows: list[BarisCapaian], width: int) -> Any:
    if not rows:
        return Text("Capaian kinerja: tidak ada data (bab Perjanjian Kinerja belum berisi indikator).",
                    style="italic")
    # The longest bar is 100% or the best capaian, whichever is larger: above-target shows.
    puncak = max([100.0] + [r.capaian for r in rows if isinstance(r.capaian, float)])
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Indikator", ratio=3, overflow="ellipsis", no_wrap=True)
    table.add_column("Target", justify="right", no_wrap=True)
    table.add_column("Realisasi", justify="right", no_wrap=True)
    table.add_column("Capaian", ratio=2, no_wrap=True)
    bar_width = max(6, width // 5)
    for row in rows:
        if isinstance(row.capaian, TakTerhitung):
            cell = Text(f"tidak dapat dihitung: {row.capaian.alasan}", style="italic")
        else:
            cell = _bar(row.capaian / puncak, bar_width)
            cell.append(f" {angka.format_persen(row.capaian)}")
            if isinstance(row.peringkat, str):
                cell.append(f" {row.peringkat}", style="dim")
        table.add_row(row.label, _nilai(row.target), _nilai(row.realisasi), cell)
    return Group(Text("Capaian per indikator", style="bold underline"), table)


def grafik_anggaran(rows: list[BarisAnggaran], jumlah: BarisAnggaran | None, width: int) -> Any:
    if not rows:
        return Text("Realisasi anggaran: tidak ada data (bab Anggaran belum berisi program).",
                    style="italic")
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("Program", ratio=3, overflow="ellipsis", no_wrap=True)
    table.add_column("Pagu", justify="right", no_wrap=True)
    table.add_column("Realisasi", justify="right", no_wrap=True)
    table.add_column("Realisasi / pagu", ratio=2, no_wrap=True)
    bar_width = max(6, width // 5)
    for row in rows + ([jumlah] if jumlah else []):
        if isinstance(row.persen, TakTerhitung):
            cell = Text(f"tidak dapat dihitung: {row.persen.alasan}", style="italic")
        else:
            cell = _bar(row.persen / max(100.0, row.persen), bar_width)
            cell.append(f" {angka.format_persen(row.persen)}")
        style = "bold" if row is jumlah else None
        table.add_row(row.label, angka.format_rupiah(row.pagu), angka.format_rupiah(row.realisasi),
                      cell, style=style)
    return Group(Text("Pagu dan realisasi per program", style="bold underline"), table)


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
