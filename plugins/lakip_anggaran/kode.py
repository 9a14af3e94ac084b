"""Budget codes per Kepmendagri 050-5889/2021: urusan 1, bidang 06, program 01, kegiatan 2.02,
sub kegiatan 0001, written together as 1.06.01.2.02.0001."""

from __future__ import annotations

import re

POLA = {
    "urusan": re.compile(r"\d\.\d{2}"),
    "program": re.compile(r"\d\.\d{2}\.\d{2}"),
    "kegiatan": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}"),
    "sub": re.compile(r"\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}"),
}

CONTOH = {
    "urusan": "1.06",
    "program": "1.06.01",
    "kegiatan": "1.06.01.2.02",
    "sub": "1.06.01.2.02.0001",
}


def sah(tingkat: str, kode: object) -> bool:
    return isinstance(kode, str) and POLA[tingkat].fullmatch(kode) is not None


def turunan_dari(kode_anak: str, kode_induk: str) -> bool:
    """A child's code is its parent's code plus one more part."""
    return kode_anak.startswith(kode_induk + ".")
