"""Which editor of a chapter holds a path from a finding (pure: declarations and paths only)."""

from __future__ import annotations

from typing import Iterable

from lakip_tui.chapter import Bagian, Isi, Isian, Narasi, Tabel
from lakip_tui.paths import Path

from .cells import kunci_path


def _awalan(prefix: Path, path: Path) -> bool:
    return path[: len(prefix)] == prefix


def skor_isi(isi: Isi, path: Path) -> int:
    """How closely `isi` holds `path`: 0 not at all; higher is more specific.

    A path inside the isi scores twice the length it shares, plus one; a path that only names a
    table above the isi (a finding about a whole section) scores less than any exact match.
    """
    if isinstance(isi, Isian):
        best = 0
        for kolom in isi.kolom:
            field = (*isi.path, *kunci_path(kolom.key))
            if _awalan(field, path):
                best = max(best, 2 * len(field) + 1)
            elif len(path) > len(isi.path) and _awalan(path, field):
                best = max(best, 2 * len(path) + 1)
        if not best and path == isi.path:
            best = 2 * len(path) + 1
        return best or (2 * len(path) if path and _awalan(path, isi.path) else 0)
    own = isi.path
    if _awalan(own, path):
        bonus = _bonus_tabel(isi, path[len(own):]) if isinstance(isi, Tabel) else 0
        return 2 * len(own) + 1 + bonus
    if path and _awalan(path, own):
        return 2 * len(path)
    return 0


def _bonus_tabel(tabel: Tabel, rest: Path) -> int:
    """1 for a path into a row of this table, 2 when its field is one of the table's columns
    or rincian (two tables may show the same rows: Tabel 2.2 and the penjelasan beside it)."""
    if not rest or not isinstance(rest[0], int):
        return 0
    level = tabel
    rest = rest[1:]
    while level.anak is not None and rest[: len(level.anak.path)] == level.anak.path \
            and len(rest) > len(level.anak.path) and isinstance(rest[len(level.anak.path)], int):
        rest = rest[len(level.anak.path) + 1:]
        level = level.anak
    if rest and any(kolom.key.split(".")[0] == rest[0] for kolom in level.kolom):
        return 2
    if rest and any(rest[0] in kunci_rincian(isi) for isi in level.rincian):
        return 2
    return 1


def kunci_rincian(isi: Narasi | Isian) -> set[str]:
    """The first keys below a row that one of its rincian edits."""
    if isi.path:
        return {str(isi.path[0])}
    if isinstance(isi, Isian):
        return {kolom.key.split(".")[0] for kolom in isi.kolom}
    return set()


def cari_isi(bagian: Iterable[Bagian], path: Path) -> tuple[int, int] | None:
    """(bagian index, isi index) of the editor that holds `path` most closely; the first wins a tie."""
    best: tuple[int, int] | None = None
    best_score = 0
    for b_index, item in enumerate(bagian):
        for i_index, isi in enumerate(item.isi):
            score = skor_isi(isi, path)
            if score > best_score:
                best, best_score = (b_index, i_index), score
    return best


def kolom_isian(isian: Isian, path: Path) -> int:
    """The index of the field of `isian` that `path` points at (0 when none does)."""
    best, best_len = 0, -1
    for index, kolom in enumerate(isian.kolom):
        field = (*isian.path, *kunci_path(kolom.key))
        if (_awalan(field, path) or _awalan(path, field)) and len(field) > best_len:
            best, best_len = index, len(field)
    return best


def baris_narasi(narasi: Narasi, path: Path) -> int | None:
    """The line of a list narrative that `path` points at (item index), else None."""
    rest = path[len(narasi.path):]
    if narasi.daftar and rest and isinstance(rest[0], int):
        return rest[0]
    return None
