"""Keys no chapter knows: a misspelt `realiasi = 84` or a `batas_atas` in the wrong table would
otherwise vanish without a word. Each chapter declares the keys of its table (`Chapter.extra_keys`,
plus everything its editing screens name); the core knows only its own ([meta], [plugins],
`format`) and names no chapter.

A declared key is a dotted pattern relative to the chapter's table:
    "latar_belakang"            a key holding any value
    "pegawai.tanggal"           a key of the table [chapter.pegawai]
    "sarana[].jenis"            a key of each row of [[chapter.sarana]]
    "renstra.*"                 any key under renstra (years, say)
A chapter whose `kunci` is None (a plugin written before this) is not checked.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .findings import Finding, warning
from .paths import Path, format_path

if TYPE_CHECKING:
    from .chapter import Bagian, Chapter

CORE = "umum"

# the keys the core itself reads; `tahun_sebelumnya` names earlier years' files, `logo` the
# cover's picture
KUNCI_INTI = (
    "format", "plugins.files",
    "meta.pemda", "meta.instansi", "meta.tahun", "meta.tempat_tanggal",
    "meta.kepala.jabatan", "meta.kepala.nama", "meta.kepala.pangkat", "meta.kepala.nip",
    "meta.tahun_sebelumnya", "meta.logo",
    # pihak kedua of the Perjanjian Kinerja in the report's lampiran (lakip_tui/ttd.py)
    "meta.kepala_daerah.jabatan", "meta.kepala_daerah.nama", "meta.kepala_daerah.pangkat",
    "meta.kepala_daerah.nip",
)


@dataclass
class _Simpul:
    """What may stand at one place of the file: named children, rows, or anything."""

    anak: dict[str, "_Simpul"] = field(default_factory=dict)
    baris: bool = False      # a list of tables whose rows have `anak`
    bebas: bool = False      # any key, any value below ("*")
    daun: bool = False       # a key that may hold any value

    def tambah(self, bagian: list[str]) -> None:
        if not bagian:
            self.daun = True
            return
        kepala, sisa = bagian[0], bagian[1:]
        if kepala == "*":
            self.bebas = True
            return
        baris = kepala.endswith("[]")
        nama = kepala[:-2] if baris else kepala
        anak = self.anak.setdefault(nama, _Simpul())
        if baris:
            anak.baris = True
            if not sisa:
                anak.daun = True
                return
        anak.tambah(sisa)


def _pohon(pola: Iterable[str]) -> _Simpul:
    akar = _Simpul()
    for p in pola:
        akar.tambah([b for b in p.split(".") if b])
    return akar


def kunci_dari_bagian(bagian: "Iterable[Bagian]", akar: str) -> list[str]:
    """The keys a chapter's editing screens name, as patterns relative to `akar` (its table)."""
    from .chapter import Isian, Narasi, Tabel

    out: list[str] = []

    def relatif(path: Path) -> str | None:
        if not path or path[0] != akar:
            return None
        return ".".join(str(p) for p in path[1:])

    def tabel(t: "Tabel", awalan: str, jalur: str) -> None:
        dasar = f"{awalan}{jalur}[]"
        out.append(dasar)
        for k in t.kolom:
            out.append(f"{dasar}.{k.key}")
        for r in t.rincian:
            tambahan = ".".join(str(p) for p in r.path)
            tempat = f"{dasar}.{tambahan}" if tambahan else dasar
            if isinstance(r, Isian):
                out.extend(f"{tempat}.{k.key}" for k in r.kolom)
            else:
                out.append(tempat)
        if t.anak is not None:
            tabel(t.anak, f"{dasar}.", ".".join(str(p) for p in t.anak.path))

    for b in bagian:
        for isi in b.isi:
            if isinstance(isi, Tabel):
                jalur = relatif(isi.path)
                if jalur:
                    tabel(isi, "", jalur)
            elif isinstance(isi, Narasi):
                jalur = relatif(isi.path)
                if jalur:
                    out.append(jalur)
            elif isinstance(isi, Isian):
                jalur = relatif(isi.path)
                if jalur is not None:
                    out.extend(f"{jalur}.{k.key}" if jalur else k.key for k in isi.kolom)
    return out


def _saran(kunci: str, simpul: _Simpul, di_tempat_lain: Mapping[str, str]) -> str:
    """The closest key known here; else a close key known elsewhere in the file, with where."""
    mirip = difflib.get_close_matches(kunci, list(simpul.anak), n=1, cutoff=0.6)
    if mirip:
        return f" Maksudnya '{mirip[0]}'?"
    mirip = [k for k in di_tempat_lain if k.startswith(f"{kunci}_")] or \
        difflib.get_close_matches(kunci, list(di_tempat_lain), n=1, cutoff=0.75)
    if mirip:
        return f" Maksudnya '{mirip[0]}' di {di_tempat_lain[mirip[0]]}?"
    return ""


def _semua(simpul: _Simpul, awalan: str, out: dict[str, str]) -> None:
    """Every single-value key of a table (not of rows), with its table: what a key written in
    the wrong table most likely meant (`batas_atas` in [meta])."""
    for nama, anak in simpul.anak.items():
        if anak.baris:
            continue
        if anak.daun and not anak.anak:
            out.setdefault(nama, awalan or "berkas")
        _semua(anak, f"{awalan}.{nama}" if awalan else nama, out)


def _jelajahi(nilai: Any, simpul: _Simpul, path: Path, bab: str, out: list[Finding],
              lain: Mapping[str, str] = {}) -> None:
    if simpul.bebas or not isinstance(nilai, Mapping):
        return
    if simpul.daun and not simpul.anak:
        return
    for kunci, isi in nilai.items():
        anak = simpul.anak.get(kunci)
        tempat = (*path, kunci)
        if anak is None:
            out.append(warning(
                f"{bab}.kunci-tidak-dikenal", bab, tempat,
                f"Kunci '{kunci}' tidak dikenal di {format_path(path) or 'berkas'}; isinya "
                f"tidak dipakai.{_saran(str(kunci), simpul, lain)}"))
        elif anak.baris and isinstance(isi, list):
            for i, row in enumerate(isi):
                _jelajahi(row, anak, (*tempat, i), bab, out, lain)
        else:
            _jelajahi(isi, anak, tempat, bab, out, lain)


def kunci_tidak_dikenal(data: Mapping, chapters: "Mapping[str, Chapter]") -> list[Finding]:
    """One warning per key that neither the core nor the chapter owning the table knows,
    with the closest known key as a suggestion."""
    out: list[Finding] = []
    inti = _pohon(KUNCI_INTI)
    pohon = {c.key: _pohon([*c.extra_keys, *kunci_dari_bagian(c.bagian, c.key)])
             for c in chapters.values() if c.extra_keys is not None}
    lain: dict[str, str] = {}
    _semua(inti, "", lain)
    for kunci, simpul in pohon.items():
        _semua(simpul, kunci, lain)
    atas = set(inti.anak) | set(chapters)
    for kunci in data:
        # A top-level table of a plugin that is not loaded (switched off, or not installed
        # here) is not a mistake: only a near miss of a known name is reported.
        mirip = difflib.get_close_matches(str(kunci), sorted(atas), n=1, cutoff=0.75)
        if kunci not in atas and mirip:
            out.append(warning(f"{CORE}.kunci-tidak-dikenal", CORE, (kunci,),
                               f"Bagian [{kunci}] tidak dikenal oleh bab mana pun; isinya "
                               f"tidak dipakai. Maksudnya '{mirip[0]}'?"))
    for kunci, simpul in inti.anak.items():
        if kunci in data and kunci not in chapters:
            _jelajahi(data[kunci], simpul, (kunci,), CORE, out, lain)
    for kunci, simpul in pohon.items():
        if isinstance(data.get(kunci), Mapping):
            _jelajahi(data[kunci], simpul, (kunci,), kunci, out, lain)
    return out
