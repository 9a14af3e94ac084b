"""`lakip import FILE.toml SOURCE.xlsx|.csv`: numbers that come from outside (the budget
realisation report of the regional finance system) into the project, shown as a diff first and
written only after a yes, as one undoable step.

The core reads the sheet (openpyxl for .xlsx, the csv module for .csv) into plain rows; a chapter
recognises the sheet and says what to change (`lakip_impor`). The core names no chapter.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, NamedTuple, TextIO

from .errors import LakipError
from .paths import Path

STATUS = ("berubah", "baru", "sama", "tak-cocok", "tidak-di-lembar")
JUDUL_STATUS = {
    "berubah": "berubah", "baru": "baru", "sama": "sama",
    "tak-cocok": "tak cocok", "tidak-di-lembar": "tidak di lembar",
}


class Lembar(NamedTuple):
    """One sheet: its name and its rows as (row number from 1, cells)."""

    nama: str
    baris: list[tuple[int, list[Any]]]


class Ubah(NamedTuple):
    """Set the value at `path` (None removes the key)."""

    path: Path
    nilai: Any


class Sisip(NamedTuple):
    """Insert `nilai` (a row) at `indeks` of the list at `path`."""

    path: Path
    indeks: int
    nilai: Any


@dataclass(frozen=True)
class BarisImpor:
    """One row of the diff: its status, what it is, what changes, where it came from."""

    status: str
    label: str
    rincian: str = ""
    asal: str = ""


@dataclass(frozen=True)
class Impor:
    """What a chapter makes of a sheet. `galat`: the sheet is this chapter's but cannot be read
    (a message naming sheet, row and column); nothing is then changed."""

    judul: str
    baris: tuple[BarisImpor, ...] = ()
    edit: tuple[Ubah | Sisip, ...] = ()
    catatan: str = ""
    galat: str = ""

    def hitung(self, status: str) -> int:
        return sum(1 for b in self.baris if b.status == status)


def kolom_huruf(indeks: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how a spreadsheet names a column."""
    huruf = ""
    n = indeks + 1
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(ord("A") + sisa) + huruf
    return huruf


def baca_lembar(path: FsPath) -> list[Lembar]:
    """Every sheet of an .xlsx file, or the one table of a .csv file."""
    if not path.is_file():
        raise LakipError("berkas sumber tidak ada", where=str(path))
    akhiran = path.suffix.lower()
    if akhiran in (".xlsx", ".xlsm"):
        return _baca_xlsx(path)
    if akhiran in (".csv", ".txt"):
        return [_baca_csv(path)]
    raise LakipError("jenis berkas sumber tidak dikenal; pakai .xlsx atau .csv "
                     "(lembar .xls lama: simpan dulu sebagai .xlsx)", where=str(path))


def _baca_xlsx(path: FsPath) -> list[Lembar]:
    import openpyxl

    # whatever a damaged or foreign file makes the reader raise, the planner gets one sentence
    try:
        buku = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return [Lembar(ws.title, [(i, list(r)) for i, r in
                                      enumerate(ws.iter_rows(values_only=True), start=1)])
                    for ws in buku.worksheets]
        finally:
            buku.close()
    except Exception as exc:  # noqa: BLE001 - input boundary
        raise LakipError(f"berkas Excel tidak dapat dibaca ({type(exc).__name__}: {exc})",
                         where=str(path)) from None


def _baca_csv(path: FsPath) -> Lembar:
    raw = path.read_bytes()
    for pengodean in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 reads any byte
        try:
            teks = raw.decode(pengodean)
            break
        except UnicodeDecodeError:
            continue
    rows = csv.reader(teks.splitlines(), delimiter=_pemisah(teks))
    return Lembar(path.name, [(i, [c if c.strip() else None for c in r])
                              for i, r in enumerate(rows, start=1)])


def _pemisah(teks: str) -> str:
    """The delimiter of the header line (the first that names a kode): an Indonesian Excel
    writes ";" because "," is its decimal mark; names with commas in them must not mislead."""
    for baris in teks.splitlines()[:40]:
        if "kode" in baris.casefold():
            return max(";\t,", key=baris.count)
    return max(";\t,", key=teks[:4096].count)


def cari_impor(lembar: list[Lembar], data: dict, registry) -> Impor:
    """The first chapter that recognises the sheet; none: a LakipError (exit 2)."""
    for _plugin, hasil in registry.call("lakip_impor", lembar=lembar, data=data):
        if isinstance(hasil, Impor):
            if hasil.galat:
                raise LakipError(hasil.galat)
            return hasil
    raise LakipError("lembar tidak dikenali: tidak ada baris judul kolom dengan kode, uraian, "
                     "pagu/anggaran dan realisasi (dicari di 40 baris pertama tiap lembar)")


def terapkan(project, impor: Impor) -> None:
    """Every change of `impor` as one undo step."""
    with project.one_step():
        for e in impor.edit:
            if isinstance(e, Sisip):
                project.insert(e.path, e.indeks, e.nilai)
            else:
                project.set(e.path, e.nilai)


def ringkasan(impor: Impor, sumber: str, tujuan: str, *, rinci: bool = True) -> list[str]:
    """The diff as lines of text: counts per status, then the rows that matter."""
    out = [f"Impor {impor.judul} dari {sumber} ke {tujuan}"]
    for status in STATUS:
        n = impor.hitung(status)
        if n:
            out.append(f"  {JUDUL_STATUS[status]:<16} {n} baris")
    if impor.catatan:
        out.append(f"  ({impor.catatan})")
    if rinci:
        for status in ("berubah", "baru", "tak-cocok", "tidak-di-lembar"):
            rows = [b for b in impor.baris if b.status == status]
            if rows:
                out.append(f"\n{JUDUL_STATUS[status].capitalize()}:")
                for b in rows:
                    asal = f" [{b.asal}]" if b.asal else ""
                    out.append(f"  {b.label}{asal}")
                    if b.rincian:
                        out.append(f"      {b.rincian}")
    return out


def jalankan(file: str, sumber: str, *, ya: bool, plugin_files: list[str],
             masukan: TextIO | None = None, keluaran: TextIO | None = None) -> int:
    """The command: read, compare, show, ask, write. 0 written or nothing to do, 1 declined,
    2 (LakipError) unreadable input."""
    from .clean import clean_text
    from .plugins import load_registry
    from .project import Project

    masukan = masukan or sys.stdin
    keluaran = keluaran or sys.stdout
    project = Project.load(file)
    lembar = baca_lembar(FsPath(sumber))
    registry = load_registry(plugin_files, data=project.data, project_path=project.path)
    hasil = cari_impor(lembar, project.data, registry)
    for baris in ringkasan(hasil, sumber, file):
        print(clean_text(baris), file=keluaran)
    if not hasil.edit:
        print("\nTidak ada yang berubah; berkas tidak ditulis.", file=keluaran)
        return 0
    if not ya:
        if not masukan.isatty():
            print("\nBerkas tidak ditulis: tambahkan --yes untuk menulis tanpa bertanya.",
                  file=keluaran)
            return 1
        print(f"\nTulis {len(hasil.edit)} perubahan ke {file}? [y/T] ", end="", file=keluaran,
              flush=True)
        jawab = masukan.readline().strip().lower()
        if jawab not in ("y", "ya", "yes"):
            print("Dibatalkan; berkas tidak diubah.", file=keluaran)
            return 1
    terapkan(project, hasil)
    project.save()
    print(f"Berkas {file} disimpan ({len(hasil.edit)} perubahan).", file=keluaran)
    return 0
