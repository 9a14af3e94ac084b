"""The rows a table editor shows: a flat list of the visible rows of a (nested) Tabel.

No Textual here, so it can be tested and timed on its own. The flat list is rebuilt only when
the structure changes (insert, delete, move, fold, reload); a value change only needs a repaint.
Computed cells are computed on demand, for the rows being drawn, and cached until the next
change of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from lakip_tui.chapter import Kolom, Tabel
from lakip_tui.paths import Path, get_in

from . import cells

TEKS_GALAT = "galat"


@dataclass(slots=True)
class TableRow:
    """One visible row: where it lives in the file, how deep it is, and whether it has children."""

    path: Path  # path of the row dict
    row: dict
    tingkat: int  # 0 for the top level
    jumlah_anak: int

    @property
    def list_path(self) -> Path:
        return self.path[:-1]

    @property
    def index(self) -> int:
        return self.path[-1]


def tingkat_tabel(tabel: Tabel) -> list[Tabel]:
    """[program, kegiatan, sub]: the Tabel of each level, top first."""
    levels = [tabel]
    while levels[-1].anak is not None:
        levels.append(levels[-1].anak)
    return levels


class TableModel:
    """Rows, folding and cursor of one table editor, over the project's plain data."""

    def __init__(self, tabel: Tabel, data_getter: Callable[[], dict],
                 konteks_getter: Callable[[], Any]) -> None:
        self.tabel = tabel
        self.levels = tingkat_tabel(tabel)
        for level in self.levels:
            if not level.kolom:
                raise ValueError(f"tabel '{level.key}' tidak punya kolom")
        self._data = data_getter
        self._konteks = konteks_getter
        self.jumlah_kolom = max(len(level.kolom) for level in self.levels)
        self._rows: list[TableRow] = []
        self._stale = True
        # Folded rows by identity: row dicts survive edits and moves, and keeping a reference
        # means an id is never reused for another row while it is remembered.
        self._folded: dict[int, dict] = {}
        self._computed: dict[tuple[int, int], tuple[str, bool]] = {}
        self._konteks_cache: Any = None
        self.kursor_baris = 0
        self.kursor_kolom = 0
        self._kursor_row: dict | None = None  # the row under the cursor, kept across rebuilds
        self.jumlah_bangun = 0  # how often the flat list was rebuilt (for tests and benches)
        self.jumlah_hitung = 0  # how many computed cells were computed

    # -- the flat list -------------------------------------------------------------------------

    @property
    def rows(self) -> list[TableRow]:
        if self._stale:
            self._bangun()
        return self._rows

    def __len__(self) -> int:
        return len(self.rows)

    def tandai_struktur_berubah(self) -> None:
        self._stale = True
        self._computed.clear()
        self._konteks_cache = None

    def tandai_nilai_berubah(self) -> None:
        self._computed.clear()
        self._konteks_cache = None

    def lupakan_lipatan(self) -> None:
        """After a reload every row is a new dict: old fold marks mean nothing."""
        self._folded.clear()
        self._kursor_row = None
        self.tandai_struktur_berubah()

    def _bangun(self) -> None:
        rows: list[TableRow] = []
        levels = self.levels
        folded = self._folded
        data = self._data()
        cursor_row = self._kursor_row
        found = -1

        def walk(list_path: Path, items: Any, depth: int) -> None:
            nonlocal found
            if not isinstance(items, list):
                return
            anak = levels[depth].anak
            for index, row in enumerate(items):
                if not isinstance(row, dict):
                    continue  # a malformed row is the check's business; it cannot be edited here
                children = get_in(row, anak.path) if anak is not None else None
                count = len(children) if isinstance(children, list) else 0
                path = (*list_path, index)
                if row is cursor_row:
                    found = len(rows)
                rows.append(TableRow(path, row, depth, count))
                if count and folded.get(id(row)) is not row:
                    walk((*path, *anak.path), children, depth + 1)

        walk(self.tabel.path, get_in(data, self.tabel.path), 0)
        self._rows = rows
        self._stale = False
        self.jumlah_bangun += 1
        if found >= 0:
            self.kursor_baris = found
        self._jepit_kursor()

    def _jepit_kursor(self) -> None:
        count = len(self._rows)
        self.kursor_baris = min(max(self.kursor_baris, 0), max(count - 1, 0))
        self.kursor_kolom = min(max(self.kursor_kolom, 0), self.jumlah_kolom - 1)
        self._kursor_row = self._rows[self.kursor_baris].row if count else None

    # -- cursor --------------------------------------------------------------------------------

    def pindah_kursor(self, baris: int | None = None, kolom: int | None = None) -> None:
        rows = self.rows
        if baris is not None:
            self.kursor_baris = baris
        if kolom is not None:
            self.kursor_kolom = kolom
        self._rows = rows
        self._jepit_kursor()

    @property
    def baris_kursor(self) -> TableRow | None:
        rows = self.rows
        return rows[self.kursor_baris] if rows else None

    def kolom_di(self, baris: TableRow, index: int) -> Kolom | None:
        kolom = self.levels[baris.tingkat].kolom
        return kolom[index] if index < len(kolom) else None

    def kolom_kursor(self) -> Kolom | None:
        baris = self.baris_kursor
        return self.kolom_di(baris, self.kursor_kolom) if baris else None

    def cari_row(self, row: dict) -> int:
        for index, baris in enumerate(self.rows):
            if baris.row is row:
                return index
        return -1

    # -- folding -------------------------------------------------------------------------------

    def terlipat(self, row: dict) -> bool:
        return self._folded.get(id(row)) is row

    def lipat(self, baris: TableRow, terlipat: bool) -> bool:
        """Fold or unfold one row; False when nothing changed (a leaf, or already so)."""
        if not baris.jumlah_anak or self.terlipat(baris.row) == terlipat:
            return False
        if terlipat:
            self._folded[id(baris.row)] = baris.row
        else:
            del self._folded[id(baris.row)]
        self._kursor_row = self.baris_kursor.row if self.rows else None
        self._stale = True
        return True

    def lipat_semua(self, terlipat: bool) -> None:
        """Fold every row that has children (all levels), or unfold everything."""
        keep = self.baris_kursor
        self._folded.clear()
        if terlipat:
            data = self._data()

            def walk(items: Any, depth: int) -> None:
                anak = self.levels[depth].anak
                if anak is None or not isinstance(items, list):
                    return
                for row in items:
                    if isinstance(row, dict):
                        children = get_in(row, anak.path)
                        if isinstance(children, list) and children:
                            self._folded[id(row)] = row
                            walk(children, depth + 1)

            walk(get_in(data, self.tabel.path), 0)
            # the cursor goes to the top-level row it was in
            if keep is not None:
                top = get_in(data, keep.path[: len(self.tabel.path) + 1])
                self._kursor_row = top if isinstance(top, dict) else None
        else:
            self._kursor_row = keep.row if keep else None
        self._stale = True

    def buka_jalur(self, row_path: Path) -> None:
        """Unfold every ancestor of the row at `row_path`, so that it becomes visible."""
        data = self._data()
        depth_path = len(self.tabel.path) + 1
        for level in self.levels[:-1]:
            if depth_path >= len(row_path):
                break
            ancestor = get_in(data, row_path[:depth_path])
            if isinstance(ancestor, dict) and self.terlipat(ancestor):
                del self._folded[id(ancestor)]
                self._stale = True
            depth_path += len(level.anak.path) + 1

    # -- cell text -------------------------------------------------------------------------------

    def teks_sel(self, baris: TableRow, index: int) -> tuple[str, bool]:
        """(text, is_error) of a cell; computed cells are computed here, once per change."""
        kolom = self.kolom_di(baris, index)
        if kolom is None:
            return "", False
        if kolom.hitung is None:
            return cells.teks_tampil(kolom, cells.nilai_di(baris.row, kolom)), False
        key = (id(baris.row), index)
        cached = self._computed.get(key)
        if cached is None:
            cached = self._hitung(kolom, baris.row)
            self._computed[key] = cached
        return cached

    def _hitung(self, kolom: Kolom, row: dict) -> tuple[str, bool]:
        self.jumlah_hitung += 1
        if self._konteks_cache is None:
            self._konteks_cache = self._konteks()
        try:
            value = kolom.hitung(row, self._konteks_cache)
        except Exception as exc:  # a plugin's bug shows in its cell, never takes the table down
            return f"{TEKS_GALAT}: {type(exc).__name__}", True
        return ("" if value is None else cells.teks_hitung(value)), False

    # -- what a change means for this table -------------------------------------------------

    def jenis_perubahan(self, kind: str, path: Path) -> str:
        """"struktur" (rebuild the rows), "nilai" (repaint) or "luar" (not this table's data)."""
        if kind == "reload":
            return "struktur"
        root = self.tabel.path
        if path[: len(root)] != root:
            return "struktur" if root[: len(path)] == path else "luar"
        if kind in ("insert", "delete", "move"):
            return "struktur"
        rest = path[len(root):]
        depth = 0
        while True:
            if not rest or not isinstance(rest[0], int):
                return "struktur"
            rest = rest[1:]
            if not rest:
                return "struktur"  # a whole row replaced
            anak = self.levels[depth].anak
            if anak is not None and rest[: len(anak.path)] == anak.path:
                rest = rest[len(anak.path):]
                depth += 1
                continue
            return "nilai"

    # -- finding a path ------------------------------------------------------------------------

    def urai_path(self, path: Path) -> tuple[Path | None, str | None]:
        """The deepest existing row on `path` and the field key after it, if any.

        ("anggaran", "program", 0, "kegiatan", 1, "sub", 2, "pagu") gives the sub row's path and
        "pagu"; a path that stops at a row gives (row path, None).
        """
        root = self.tabel.path
        if path[: len(root)] != root:
            return None, None
        data = self._data()
        rest = path[len(root):]
        list_path = root
        found: Path | None = None
        depth = 0
        while rest and isinstance(rest[0], int):
            row_path = (*list_path, rest[0])
            if not isinstance(get_in(data, row_path), dict):
                break
            found = row_path
            rest = rest[1:]
            anak = self.levels[depth].anak
            if anak is not None and rest[: len(anak.path)] == anak.path and len(rest) > len(anak.path):
                list_path = (*row_path, *anak.path)
                rest = rest[len(anak.path):]
                depth += 1
                continue
            break
        field = None
        if found is not None and rest and isinstance(rest[0], str):
            field = rest[0]
        return found, field

    def tingkat_path(self, row_path: Path) -> int:
        """The level of the row at `row_path` (0 for a top-level row)."""
        depth = 0
        length = len(self.tabel.path) + 1
        for level in self.levels[:-1]:
            length += len(level.anak.path) + 1
            if len(row_path) < length:
                break
            depth += 1
        return depth

    def indeks_kolom(self, tingkat: int, key: str | None) -> int:
        """The column of `key` (its first dotted part may match too), else the first editable."""
        kolom = self.levels[tingkat].kolom
        if key is not None:
            for index, item in enumerate(kolom):
                if item.key == key or item.key.split(".")[0] == key:
                    return index
        for index, item in enumerate(kolom):
            if not item.computed:
                return index
        return 0

    # -- new rows ------------------------------------------------------------------------------

    def baris_baru(self, tingkat: int) -> dict:
        maker = self.levels[tingkat].baris_baru
        row = maker() if maker is not None else {}
        return dict(row) if isinstance(row, dict) else {}

    def berisi(self, baris: TableRow) -> bool:
        """Has the row anything a person typed (beyond what a new row starts with)?"""
        if baris.jumlah_anak:
            return True
        fresh = self.baris_baru(baris.tingkat)
        for key, value in baris.row.items():
            if value in (None, "", [], {}):
                continue
            if fresh.get(key) == value:
                continue
            return True
        return False
