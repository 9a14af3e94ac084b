"""The Pemda's logo on the sampul (`[meta] logo = "logo-pemda.png"`): the one place its bytes
are read. A project file comes from someone else, so the path it names is data, not a command:
only a PNG or JPEG file of at most 2 MB inside the project file's folder is read. Anything
else leaves the report without a logo and is a warning of `lakip check`, never a crash."""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Mapping

from .findings import Finding, warning

CORE = "umum"
KUNCI = "logo"
LOKASI = ("meta", KUNCI)
BATAS_BYTE = 2 * 1024 * 1024
_TANDA = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))
_DI_FOLDER = "Logo harus berkas di folder berkas proyek"
_GAMBAR = "Logo harus gambar PNG atau JPEG"


@dataclass(frozen=True)
class Logo:
    """The logo's bytes as read, and what they are: "png" or "jpeg"."""

    data: bytes = b""
    jenis: str = "png"

    @property
    def mime(self) -> str:
        return f"image/{self.jenis}"


def baca_logo(data: Mapping, project_path: FsPath | None) -> tuple[Logo | None, list[Finding]]:
    """The logo `[meta] logo` names, or None and a warning saying why it is not used.
    Relative to the project file's folder (the working folder for a project not yet saved)."""
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    nama = meta.get(KUNCI)
    if nama is None or (isinstance(nama, str) and not nama.strip()):  # "": a field emptied
        return None, []
    if not isinstance(nama, str):
        return None, [_peringatan("Logo harus nama berkas PNG atau JPEG, mis. logo-pemda.png")]
    folder = FsPath(project_path).parent if project_path is not None else FsPath.cwd()
    hasil = _baca(nama.strip(), str(folder.resolve()))
    if isinstance(hasil, str):
        return None, [_peringatan(hasil)]
    return hasil, []


def _peringatan(pesan: str) -> Finding:
    return warning(f"{CORE}.logo", CORE, LOKASI, f"{pesan} (meta.logo)")


def _baca(nama: str, folder: str) -> Logo | str:
    """The logo, or the reason (Indonesian) it cannot be used."""
    if os.path.isabs(nama) or nama.startswith("~"):
        return f"{_DI_FOLDER}, bukan jalur absolut: {nama}"
    path = FsPath(folder, nama)
    try:
        nyata = path.resolve()  # symlinks followed: where the bytes really are
    except (OSError, RuntimeError):  # a symlink loop
        return f"Logo tidak ditemukan: {nama}"
    if not nyata.is_relative_to(folder):
        return f"{_DI_FOLDER}: {nama} ada di luar folder itu"
    try:
        st = nyata.stat()
    except OSError:
        return f"Logo tidak ditemukan: {nama}"
    if not stat.S_ISREG(st.st_mode):  # a folder, a pipe, a device: never opened
        return f"{_GAMBAR}: {nama} bukan berkas biasa"
    if st.st_size > BATAS_BYTE:
        return f"Logo lebih dari 2 MB: {nama}"
    return _isi(str(nyata), st.st_mtime_ns, st.st_size, nama)


@functools.lru_cache(maxsize=4)
def _isi(path: str, _mtime_ns: int, _size: int, nama: str) -> Logo | str:
    """The file's bytes checked, read once per change of the file (the checks and the export
    of one run, and every preview of the TUI, ask for it)."""
    try:
        # O_NONBLOCK: a pipe put in the file's place since it was looked at does not hang us
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as berkas:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return f"{_GAMBAR}: {nama} bukan berkas biasa"
            isi = berkas.read(BATAS_BYTE + 1)
    except OSError as exc:
        return f"Logo tidak dapat dibaca: {nama} ({exc.strerror or exc})"
    if len(isi) > BATAS_BYTE:  # grew since it was measured
        return f"Logo lebih dari 2 MB: {nama}"
    for tanda, jenis in _TANDA:
        if isi.startswith(tanda):
            return Logo(isi, jenis)
    return f"{_GAMBAR}: isi {nama} bukan PNG atau JPEG"
