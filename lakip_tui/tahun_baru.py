"""`lakip new FILE --from LAST.toml`: next year's file starts as a copy of last year's, with
every comment, and each chapter says through `lakip_tahun_baru` what it carries, fills from the
Renstra, moves into a comparison field or clears. The core itself handles only [meta] and names
no chapter.
"""

from __future__ import annotations

import copy
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, Iterable

from .errors import LakipError
from .paths import Path, format_path

JENIS = ("bawa", "isi", "kosongkan")
JUDUL_JENIS = {"bawa": "Dibawa", "isi": "Diisi", "kosongkan": "Dikosongkan"}


@dataclass(frozen=True)
class Pindah:
    """One thing a chapter does when next year's file starts from this one.

    jenis "bawa": carried (a note only, or a value moved into a comparison field);
    "isi": a value filled in for the new year (a target from the Renstra, a year in a title);
    "kosongkan": cleared, to be filled this year. With `path`, the value there becomes `nilai`
    (None removes the key); without, it is only a line in what `lakip new` prints.
    """

    jenis: str
    keterangan: str
    path: Path | None = None
    nilai: Any = None

    def __post_init__(self) -> None:
        if self.jenis not in JENIS:
            raise ValueError(f"jenis pindah tidak dikenal: {self.jenis!r}")


_TAHUN_DISEBUT = r"(?P<awal>\b(?:tahun(?:\s+anggaran)?|desember|TA\.?)\s+){lama}\b"


def ganti_tahun(teks: str, lama: int, baru: int) -> tuple[str, int]:
    """"Tahun 2024", "Tahun Anggaran 2024", "31 Desember 2024" -> the new year; a bare year
    ("Renstra 2021-2026", "Nomor 29 Tahun 2014") is left alone. Returns the text and how many
    it changed."""
    pola = re.compile(_TAHUN_DISEBUT.format(lama=lama), re.IGNORECASE)
    return pola.subn(lambda m: f"{m.group('awal')}{baru}", teks)


def ganti_tahun_di(isi: dict, kunci: Iterable[str], path: Path, lama: int, baru: int,
                   label: str = "") -> list[Pindah]:
    """A Pindah "isi" for each text key of `isi` that names the old year as the fiscal year."""
    out = []
    for k in kunci:
        nilai = isi.get(k)
        if isinstance(nilai, str):
            teks, n = ganti_tahun(nilai, lama, baru)
            if n:
                out.append(Pindah("isi", f"{label or format_path((*path, k))}: tahun {lama} "
                                         f"menjadi {baru}", (*path, k), teks))
    return out


def _relatif(target: FsPath, berkas: FsPath) -> str:
    try:
        return os.path.relpath(berkas.resolve(), target.resolve().parent)
    except ValueError:  # another drive on Windows
        return str(berkas.resolve())


def _meta(data: dict, sumber: FsPath, target: FsPath, lama: int, baru: int) -> list[Pindah]:
    """The core's own part: the year, the signing date, and last year's file as an earlier one."""
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    sebelumnya = []
    for nama in meta.get("tahun_sebelumnya") or []:
        if isinstance(nama, str) and nama.strip():
            sebelumnya.append(_relatif(target, sumber.parent / nama))
    sebelumnya.append(_relatif(target, sumber))
    out = [
        Pindah("isi", f"tahun anggaran {lama} menjadi {baru}", ("meta", "tahun"), baru),
        Pindah("isi", "berkas tahun-tahun sebelumnya: " + ", ".join(dict.fromkeys(sebelumnya)),
               ("meta", "tahun_sebelumnya"), list(dict.fromkeys(sebelumnya))),
    ]
    if meta.get("tempat_tanggal"):
        out.append(Pindah("kosongkan", "tempat dan tanggal penandatanganan",
                          ("meta", "tempat_tanggal"), ""))
    return out


def buat_dari(target: FsPath, sumber: FsPath, tahun: int | None, plugin_files: list[str],
              *, force: bool = False, out=None) -> int:
    """Write `target` from `sumber`; print what was carried, filled and cleared."""
    from .clean import clean_text
    from .plugins import load_registry
    from .project import Project

    out = out or sys.stdout
    if target.exists() and not force:
        raise LakipError("berkas sudah ada; pakai --force untuk menimpanya", where=str(target))
    asal = Project.load(sumber)
    lama = (asal.data.get("meta") or {}).get("tahun")
    if not isinstance(lama, int) or isinstance(lama, bool):
        raise LakipError("tahun anggaran berkas asal tidak terbaca ([meta] tahun)",
                         where=f"{sumber}: meta.tahun")
    baru = lama + 1 if tahun is None else tahun
    if not 1900 <= baru <= 2200 or baru == lama:
        raise LakipError(f"tahun {baru} tidak masuk akal untuk berkas sesudah tahun {lama}")
    registry = load_registry(plugin_files, data=asal.data, project_path=asal.path)
    proyek = Project(asal.text, target)
    langkah = _meta(asal.data, sumber, target, lama, baru)
    for _plugin, hasil in registry.call("lakip_tahun_baru", data=copy.deepcopy(asal.data),
                                        lama=lama, baru=baru):
        langkah += [p for p in hasil if isinstance(p, Pindah)]
    with proyek.one_step():
        for p in langkah:
            if p.path is not None:
                proyek.set(p.path, p.nilai)
    proyek.save(target, force=True)
    print(clean_text(f"Berkas {target} dibuat dari {sumber} (tahun {lama} -> {baru})."), file=out)
    for jenis in JENIS:
        baris = [p.keterangan for p in langkah if p.jenis == jenis and p.keterangan]
        if baris:
            print(f"\n{JUDUL_JENIS[jenis]}:", file=out)
            for teks in baris:
                print(clean_text(f"  - {teks}"), file=out)
    for problem in registry.problems:
        print(clean_text(f"lakip: peringatan: {problem.message}"), file=sys.stderr)
    print(f"\nLangkah berikutnya: lakip check {target}", file=out)
    return 0
