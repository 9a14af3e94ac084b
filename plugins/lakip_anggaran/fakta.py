"""The budget's facts as a tidy table (docs/data.md): one row per program, kegiatan and sub
kegiatan with its level, code, parent code, pagu, realisasi and percentage, and the agency's
totals on its instansi row.

Every figure comes from hitung.pohon (kinerja's roll-up), the one Tabel 3.6 and 3.7 print. A
tree that cannot be rolled up gives no rows and empty totals, as the report prints none.
"""

from __future__ import annotations

from typing import Any

from lakip_tui.api import FactColumn, FactTable
from lakip_tui.api import Rekap, TakTerhitung

from .hitung import AnggaranTakTerbaca, pohon

ANGGARAN = (
    FactColumn("urutan", "int", "the row's place in the file's budget tree (from 0)"),
    FactColumn("tingkat", "text", "level: program, kegiatan or sub"),
    FactColumn("kode", "text", "code (Kepmendagri 050-5889/2021), e.g. 1.06.01.2.02.0001"),
    FactColumn("kode_induk", "text", "code of the parent row (NULL for a program)"),
    FactColumn("nama", "text", "name as written"),
    FactColumn("indikator", "text", "the sub kegiatan's output indicator, as written"),
    FactColumn("pagu", "int", "pagu in whole Rupiah (for program and kegiatan: the sum below)"),
    FactColumn("realisasi", "int", "realisasi in whole Rupiah (summed the same way)"),
    FactColumn("persen", "float", "realisasi / pagu in percent; NULL when pagu is 0"),
)

INSTANSI = (
    FactColumn("pagu", "int", "total pagu of the agency, whole Rupiah (Tabel 3.7 total)"),
    FactColumn("realisasi", "int", "total realisasi of the agency, whole Rupiah"),
    FactColumn("persen_realisasi", "float", "total realisasi / pagu in percent"),
)


def tabel_fakta(data: Any) -> list[FactTable]:
    try:
        rekap = pohon(data)
    except AnggaranTakTerbaca:
        return [FactTable("anggaran", ANGGARAN, ()),
                FactTable("instansi", INSTANSI, ({},))]
    rows: list[dict] = []
    for program in rekap.program:
        rows.append(_baris(len(rows), "program", program.kode, None, program.nama, None,
                           program.rekap))
        for kegiatan in program.kegiatan:
            rows.append(_baris(len(rows), "kegiatan", kegiatan.kode, program.kode, kegiatan.nama,
                               None, kegiatan.rekap))
            for sub in kegiatan.sub:
                rows.append(_baris(len(rows), "sub", sub.kode, kegiatan.kode, sub.nama,
                                   sub.data.get("indikator"), sub.rekap))
    total = {"pagu": rekap.rekap.pagu, "realisasi": rekap.rekap.realisasi,
             "persen_realisasi": _persen(rekap.rekap)}
    return [FactTable("anggaran", ANGGARAN, tuple(rows)),
            FactTable("instansi", INSTANSI, (total,))]


def _baris(urutan: int, tingkat: str, kode: str, induk: str | None, nama: str, indikator: Any,
           rekap: Rekap) -> dict:
    return {"urutan": urutan, "tingkat": tingkat, "kode": kode.strip() or None,
            "kode_induk": induk.strip() or None if induk is not None else None,
            "nama": " ".join(nama.split()) or None,
            "indikator": indikator if isinstance(indikator, str) else None,
            "pagu": rekap.pagu, "realisasi": rekap.realisasi, "persen": _persen(rekap)}


def _persen(rekap: Rekap) -> float | None:
    persen = rekap.persen
    return None if isinstance(persen, TakTerhitung) else persen
