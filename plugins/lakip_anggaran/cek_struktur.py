"""Is the [anggaran] section shaped as the format says, and does it hold any program?"""

from __future__ import annotations

from lakip_tui.api import Finding, error, warning

from .baris import CHAPTER_KEY, LABEL, sebut
from .hitung import ANAK


def periksa(data: dict) -> list[Finding]:
    anggaran = data.get(CHAPTER_KEY)
    if anggaran is not None and not isinstance(anggaran, dict):
        return [error("anggaran.struktur", CHAPTER_KEY, (CHAPTER_KEY,),
                      "Bagian [anggaran] harus berupa tabel, bukan nilai tunggal")]
    program = (anggaran or {}).get("program")
    if program is None or program == []:
        return [warning("anggaran.kosong", CHAPTER_KEY, (CHAPTER_KEY, "program"),
                        "Bagian anggaran belum berisi program; Tabel 3.6 dan 3.7 akan kosong. "
                        "Tambahkan [[anggaran.program]] beserta kegiatan dan sub kegiatannya")]
    if not isinstance(program, list):
        return [error("anggaran.struktur", CHAPTER_KEY, (CHAPTER_KEY, "program"),
                      "anggaran.program harus berupa daftar tabel [[anggaran.program]]")]
    temuan: list[Finding] = []
    _daftar(program, "program", (CHAPTER_KEY, "program"), temuan)
    return temuan


def _daftar(rows: list, tingkat: str, path: tuple, temuan: list[Finding]) -> None:
    anak = ANAK.get(tingkat)
    for index, row in enumerate(rows):
        row_path = (*path, index)
        if not isinstance(row, dict):
            temuan.append(error("anggaran.struktur", CHAPTER_KEY, row_path,
                                f"{LABEL[tingkat]} ke-{index + 1} harus berupa tabel, "
                                f"bukan {row!r}"))
            continue
        if anak is None or anak not in row:
            continue
        if isinstance(row[anak], list):
            _daftar(row[anak], anak, (*row_path, anak), temuan)
        else:
            temuan.append(error("anggaran.struktur", CHAPTER_KEY, (*row_path, anak),
                                f"{sebut(tingkat, row)}: '{anak}' harus berupa daftar tabel "
                                f"[[...{anak}]]"))
