"""Reading the budget tree out of the project data and rolling it up with kinerja.

Every figure the chapter shows comes from `kinerja.rekap_pohon` on the stored sub-kegiatan
amounts; nothing here adds or divides on its own. A tree that kinerja cannot roll up (a row that
is not a table, an amount that is not whole Rupiah) raises `AnggaranTakTerbaca`, so a renderer
can say so instead of printing a wrong total; `lakip check` reports the same rows precisely.
"""

from __future__ import annotations

from typing import Any

from lakip_tui.api import kinerja
from lakip_tui.api import AngkaError, LakipError

# The child list of each level, from program down.
ANAK = {"program": "kegiatan", "kegiatan": "sub"}


class AnggaranTakTerbaca(LakipError):
    """The [anggaran] tree cannot be rolled up; the message says which row and why."""


def bagian_anggaran(data: Any) -> dict:
    """The [anggaran] table, or an empty one when it is missing or not a table."""
    anggaran = data.get("anggaran") if isinstance(data, dict) else None
    return anggaran if isinstance(anggaran, dict) else {}


def daftar_program(data: Any) -> list:
    """The program rows as stored (may hold malformed rows; see `pohon`)."""
    program = bagian_anggaran(data).get("program")
    return program if isinstance(program, list) else []


def _periksa_susunan(program: list) -> None:
    """Raise when a level is not a list of tables, which kinerja's roll-up assumes."""
    for i, baris_program in enumerate(program, start=1):
        if not isinstance(baris_program, dict):
            raise AnggaranTakTerbaca(f"program ke-{i} bukan tabel")
        kegiatan = baris_program.get("kegiatan", [])
        if not isinstance(kegiatan, list):
            raise AnggaranTakTerbaca(f"daftar kegiatan program ke-{i} bukan daftar")
        for j, baris_kegiatan in enumerate(kegiatan, start=1):
            if not isinstance(baris_kegiatan, dict):
                raise AnggaranTakTerbaca(f"kegiatan ke-{j} program ke-{i} bukan tabel")
            sub = baris_kegiatan.get("sub", [])
            if not isinstance(sub, list) or not all(isinstance(s, dict) for s in sub):
                raise AnggaranTakTerbaca(
                    f"daftar sub kegiatan kegiatan ke-{j} program ke-{i} tidak valid"
                )


def pohon(data: Any) -> kinerja.RekapPohon:
    """The whole roll-up (total, programs, kegiatan, subs) in one linear pass."""
    program = daftar_program(data)
    _periksa_susunan(program)
    try:
        return kinerja.rekap_pohon(program)
    except AngkaError as exc:
        raise AnggaranTakTerbaca(str(exc)) from exc


def persen_realisasi(data: Any) -> kinerja.Hasil:
    """Total realisasi anggaran in percent (83,42% on the seed), for efisiensi in BAB III.

    Pure: plain project data in, a number or `TakTerhitung` out, never an exception. The
    akuntabilitas plugin may call this, or do the same with
    `kinerja.rekap_total(programs).persen` to stay independent of this plugin.
    """
    program = daftar_program(data)
    try:
        _periksa_susunan(program)
        return kinerja.rekap_total(program).persen
    except (AnggaranTakTerbaca, AngkaError) as exc:
        return kinerja.TakTerhitung(f"data anggaran tidak valid: {exc}")


def rekap_baris(baris: Any, tingkat: str) -> kinerja.Rekap | None:
    """Pagu and realisasi of one row of any level (for the editor's computed columns);
    None when the row's amounts cannot be rolled up."""
    if not isinstance(baris, dict):
        return None
    try:
        if tingkat == "program":
            _periksa_susunan([baris])
            return kinerja.rekap_program(baris)
        if tingkat == "kegiatan":
            _periksa_susunan([{"kegiatan": [baris]}])
            return kinerja.rekap_kegiatan(baris)
        return kinerja.rekap_sub(baris)
    except (AnggaranTakTerbaca, AngkaError):
        return None


def pohon_program(program: Any) -> kinerja.RekapProgram | None:
    """One program's roll-up, or None when its rows cannot be rolled up (reported elsewhere);
    lets the checks go on with the other programs."""
    try:
        _periksa_susunan([program])
        return kinerja.rekap_pohon([program]).program[0]
    except (AnggaranTakTerbaca, AngkaError):
        return None
