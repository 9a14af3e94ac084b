"""Earlier years' files named by a project (`[meta] tahun_sebelumnya`): their data, read once
per change of the file, so BAB III can compare with the realisasi each of them holds instead of
figures typed again by hand. A file that cannot be read is a finding, never a crash."""

from __future__ import annotations

import functools
from pathlib import Path as FsPath
from typing import Any, Mapping

from .errors import LakipError
from .findings import Finding, warning

CORE = "umum"
KUNCI = "tahun_sebelumnya"


def _nama_berkas(data: Mapping) -> list[tuple[int, str]]:
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    nilai = meta.get(KUNCI)
    if isinstance(nilai, str):
        nilai = [nilai]
    if not isinstance(nilai, list):
        return []
    return [(i, n.strip()) for i, n in enumerate(nilai) if isinstance(n, str) and n.strip()]


@functools.lru_cache(maxsize=32)
def _baca(path: str, _mtime_ns: int, _size: int) -> dict | LakipError:
    from .project import Project

    try:
        return Project.load(path).data
    except LakipError as exc:
        return exc
    except OSError as exc:
        return LakipError(f"berkas tidak dapat dibaca ({exc.strerror or exc})", where=path)


def _muat(path: FsPath) -> dict | LakipError:
    try:
        st = path.stat()
    except OSError:
        return LakipError("berkas tidak ada", where=str(path))
    return _baca(str(path), st.st_mtime_ns, st.st_size)


def baca_semua(data: Mapping, project_path: FsPath | None) -> tuple[dict[int, Mapping], list[Finding]]:
    """{fiscal year: data} of every earlier file that could be read, and a finding for each
    that could not (or is not an earlier year)."""
    tahun_ini = (data.get("meta") or {}).get("tahun") if isinstance(data.get("meta"), Mapping) \
        else None
    folder = FsPath(project_path).parent if project_path is not None else FsPath.cwd()
    hasil: dict[int, Mapping] = {}
    temuan: list[Finding] = []
    for i, nama in _nama_berkas(data):
        path = (folder / nama)
        lokasi = ("meta", KUNCI, i)
        isi = _muat(path)
        if isinstance(isi, LakipError):
            temuan.append(warning(f"{CORE}.tahun-sebelumnya", CORE, lokasi,
                                  f"Berkas tahun sebelumnya '{nama}' tidak dapat dibaca: {isi}"))
            continue
        tahun: Any = (isi.get("meta") or {}).get("tahun") if isinstance(isi.get("meta"), dict) \
            else None
        if not isinstance(tahun, int) or isinstance(tahun, bool):
            temuan.append(warning(f"{CORE}.tahun-sebelumnya", CORE, lokasi,
                                  f"Berkas '{nama}' tidak menyebut tahun anggarannya ([meta] tahun)"))
        elif isinstance(tahun_ini, int) and tahun >= tahun_ini:
            temuan.append(warning(f"{CORE}.tahun-sebelumnya", CORE, lokasi,
                                  f"Berkas '{nama}' adalah laporan tahun {tahun}, bukan tahun "
                                  f"sebelum {tahun_ini}"))
        else:
            hasil[tahun] = isi
    return hasil, temuan
