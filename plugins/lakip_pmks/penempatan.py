"""Where each part of pmks goes in the report.

Each part has a host chapter and an order inside it, between the host's own sections. When the
host is not loaded (a built-in switched off, or replaced by an agency's own chapter under another
key) the part goes into pmks's own chapter instead, so no table is lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from lakip_tui.api import Konteks
from lakip_tui.api import Section

from .baca import CHAPTER_KEY
from .laporan import blok


@dataclass(frozen=True)
class Tempat:
    bagian: str  # the part, as laporan.blok knows it
    host: str  # key of the chapter it is printed in
    order: float  # Section.order inside the host
    judul_sendiri: str  # its title when printed in pmks's own chapter


TEMPAT = (
    Tempat("data-bab1", "profil", 3.5, "Data Penyandang Masalah Kesejahteraan Sosial"),
    Tempat("pmks", "perjanjian_kinerja", 3.1, "Penyandang Masalah Kesejahteraan Sosial (PMKS)"),
    Tempat("psks", "perjanjian_kinerja", 3.3, "Potensi dan Sumber Kesejahteraan Sosial (PSKS)"),
    Tempat("lembaga", "akuntabilitas", 1.5, "Lembaga Sosial yang Diberdayakan"),
)


def sections(chapter_key: str, data: dict, konteks: Konteks) -> list[Section]:
    if CHAPTER_KEY not in data:
        return []
    if chapter_key == CHAPTER_KEY:
        # Numbered after each other in our own chapter; titled, since nothing precedes them.
        chosen = [(t, t.judul_sendiri, float(n)) for n, t in enumerate(TEMPAT, 1)
                  if not konteks.has_chapter(t.host)]
    else:
        # Inside the host an empty title continues the host's section before it.
        chosen = [(t, "", t.order) for t in TEMPAT if t.host == chapter_key]
    out = []
    for tempat, title, order in chosen:
        blocks = blok(tempat.bagian, data)
        if blocks:
            out.append(Section(title, tuple(blocks), order, f"{CHAPTER_KEY}-{tempat.bagian}"))
    return out
