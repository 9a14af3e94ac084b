"""A heading with nothing under it says so: the report never prints "Visi", "Misi" or
"Kendala" followed by silence, which reads like a printing error. The marker is what the
planner sees in the preview too, so the gap is found before the report is submitted."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from .report import Heading, Paragraph, Section

PENANDA = "(belum diisi)"
_JUDUL_BAGIAN = 2  # a section's own title stands as a level-2 heading


def tandai(sections: Sequence[Section]) -> list[Section]:
    """One chapter's sections, in print order, with a marker under every heading that has no
    content before the next heading of the same or a higher level; the content may come from
    the next section (another plugin's table under a heading of this one)."""
    urutan = [(s, b) for s in sections for b in
              ([Heading(s.title, _JUDUL_BAGIAN)] if s.title else []) + list(s.blocks)]
    kosong = {id(b) for i, (_s, b) in enumerate(urutan)
              if isinstance(b, Heading) and _kosong_sesudah(urutan, i)}
    out = []
    for s in sections:
        if s.title and not s.blocks and _judul_kosong(urutan, s):
            out.append(replace(s, blocks=(Paragraph(PENANDA),)))
            continue
        blocks = []
        for b in s.blocks:
            blocks.append(b)
            if id(b) in kosong:
                blocks.append(Paragraph(PENANDA))
        out.append(replace(s, blocks=tuple(blocks)) if len(blocks) != len(s.blocks) else s)
    return out


def _judul_kosong(urutan: list, section: Section) -> bool:
    i = next(i for i, (s, _b) in enumerate(urutan) if s is section)
    return _kosong_sesudah(urutan, i)


def _kosong_sesudah(urutan: list, i: int) -> bool:
    if i + 1 >= len(urutan):
        return True
    berikut = urutan[i + 1][1]
    return isinstance(berikut, Heading) and berikut.level <= urutan[i][1].level
