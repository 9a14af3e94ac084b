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
KEY = "logo"
WHERE = ("meta", KEY)
MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 5000  # a side; a 4 cm logo printed at 600 dpi needs about 950
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"))
_IN_FOLDER = "Logo harus berkas di folder berkas proyek"
_PICTURE = "Logo harus gambar PNG atau JPEG"


@dataclass(frozen=True)
class Logo:
    """The logo's bytes as read, and what they are: "png" or "jpeg"."""

    data: bytes = b""
    kind: str = "png"

    @property
    def mime(self) -> str:
        return f"image/{self.kind}"


def read_logo(data: Mapping, project_path: FsPath | None) -> tuple[Logo | None, list[Finding]]:
    """The logo `[meta] logo` names, or None and a warning saying why it is not used.
    Relative to the project file's folder (the working folder for a project not yet saved)."""
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    name = meta.get(KEY)
    if name is None or (isinstance(name, str) and not name.strip()):  # "": a field emptied
        return None, []
    if not isinstance(name, str):
        return None, [_warning("Logo harus nama berkas PNG atau JPEG, mis. logo-pemda.png")]
    folder = FsPath(project_path).parent if project_path is not None else FsPath.cwd()
    result = _read(name.strip(), str(folder.resolve()))
    if isinstance(result, str):
        return None, [_warning(result)]
    return result, []


def _warning(reason: str) -> Finding:
    return warning(f"{CORE}.logo", CORE, WHERE, f"{reason} (meta.logo)")


def _read(name: str, folder: str) -> Logo | str:
    """The logo, or the reason (Indonesian) it cannot be used."""
    if os.path.isabs(name) or name.startswith("~"):
        return f"{_IN_FOLDER}, bukan jalur absolut: {name}"
    path = FsPath(folder, name)
    try:
        real = path.resolve()  # symlinks followed: where the bytes really are
    except (OSError, RuntimeError, ValueError):  # a symlink loop; a NUL in the name
        return f"Logo tidak ditemukan: {name}"
    if not real.is_relative_to(folder):
        return f"{_IN_FOLDER}: {name} ada di luar folder itu"
    try:
        st = real.stat()
    except (OSError, ValueError):
        return f"Logo tidak ditemukan: {name}"
    if not stat.S_ISREG(st.st_mode):  # a folder, a pipe, a device: never opened
        return f"{_PICTURE}: {name} bukan berkas biasa"
    if st.st_size > MAX_BYTES:
        return f"Logo lebih dari 2 MB: {name}"
    return _read_bytes(str(real), st.st_mtime_ns, st.st_size, name)


@functools.lru_cache(maxsize=4)
def _read_bytes(path: str, _mtime_ns: int, _size: int, name: str) -> Logo | str:
    """The file's bytes checked, read once per change of the file (the checks and the export
    of one run, and every preview of the TUI, ask for it)."""
    try:
        # O_NONBLOCK: a pipe put in the file's place since it was looked at does not hang us
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return f"{_PICTURE}: {name} bukan berkas biasa"
            content = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return f"Logo tidak dapat dibaca: {name} ({exc.strerror or exc})"
    if len(content) > MAX_BYTES:  # grew since it was measured
        return f"Logo lebih dari 2 MB: {name}"
    for signature, kind in _SIGNATURES:
        if content.startswith(signature):
            return _checked(Logo(content, kind), name)
    return f"{_PICTURE}: isi {name} bukan PNG atau JPEG"


def _checked(logo: Logo, name: str) -> Logo | str:
    """The logo, when its header gives a size the writers can afford: a 2 MB PNG can hold
    20.000 x 20.000 pixels, which Typst would decode into more than a gigabyte."""
    size = _png_size(logo.data) if logo.kind == "png" else _jpeg_size(logo.data)
    if size is None:
        return f"{_PICTURE}: {name} rusak (ukurannya tidak terbaca)"
    width, height = size
    if not (0 < width <= MAX_PIXELS and 0 < height <= MAX_PIXELS):
        return (f"Logo terlalu besar: {name} {width} x {height} piksel "
                f"(paling besar {MAX_PIXELS} x {MAX_PIXELS})")
    return logo


def _png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the IHDR chunk, which a PNG must start with."""
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


# the JPEG markers of a frame header (SOF0-SOF15 but DHT, JPG and DAC), which hold the size
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the frame header, found by walking the segments before the
    scan; None when there is none."""
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end, or the scan: no frame header came before
            return None
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if marker in _SOF:
            if at + 9 > len(data):
                return None
            return int.from_bytes(data[at + 7:at + 9], "big"), \
                int.from_bytes(data[at + 5:at + 7], "big")
        at += 2 + length
    return None
