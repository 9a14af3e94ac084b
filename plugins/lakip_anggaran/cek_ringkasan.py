"""Tabel 3.6 as printed (`ringkasan_tertulis`) against the programs and their computed figures.

A printed row is matched to a program by name, case-insensitively and ignoring the word
"Program"; a printed name that is a shortened form of exactly one program's name ("Program Taman
Makam Pahlawan" for "Program Pengelolaan Taman Makam Pahlawan") is matched too, with a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lakip_tui.api import kinerja
from lakip_tui.api import format_rupiah
from lakip_tui.api import Finding, error, info, warning
from lakip_tui.api import Path

from .baris import CHAPTER_KEY, sebut
from .hitung import AnggaranTakTerbaca, bagian_anggaran, daftar_program, pohon, pohon_program
from .tertulis import Selisih, banding_persen, banding_rupiah

RINGKASAN_KEY = "ringkasan_tertulis"
ANGKA = (("pagu", "Pagu"), ("realisasi", "Realisasi"), ("persen", "Persentase realisasi"))


@dataclass
class _Program:
    index: int
    data: dict
    kata: tuple[str, ...]
    rekap: kinerja.Rekap | None
    baris_ringkasan: int | None = None  # the printed row matched to it


def kata_nama(nama: object) -> tuple[str, ...]:
    """A name as comparable words: lower case, punctuation and the word "program" dropped."""
    if not isinstance(nama, str):
        return ()
    return tuple(k for k in re.findall(r"\w+", nama.casefold()) if k != "program")


def baris_total(row: dict) -> bool:
    """The TOTAL row, however the print split it ("TOT" | "AL")."""
    teks = re.sub(r"\s+", "", f"{row.get('no', '')}{row.get('nama', '')}").upper()
    return teks in ("TOTAL", "JUMLAH", "JUMLAHTOTAL")


def periksa(data: dict) -> list[Finding]:
    anggaran = bagian_anggaran(data)
    if RINGKASAN_KEY not in anggaran:
        return []
    rows = anggaran[RINGKASAN_KEY]
    path = (CHAPTER_KEY, RINGKASAN_KEY)
    if not isinstance(rows, list):
        return [error("anggaran.struktur", CHAPTER_KEY, path,
                      "ringkasan_tertulis harus berupa daftar tabel [[anggaran.ringkasan_tertulis]]")]
    programs = [
        _Program(i, p, kata_nama(p.get("nama")), _rekap(p))
        for i, p in enumerate(daftar_program(data)) if isinstance(p, dict)
    ]
    cocok = _cocokkan_semua(rows, programs)
    tercantum = {id(program) for program, _ in cocok.values()}
    tanpa_baris = [p for p in programs if id(p) not in tercantum]
    temuan: list[Finding] = []
    nomor = 0
    for n, row in enumerate(rows):
        row_path = (*path, n)
        if not isinstance(row, dict):
            temuan.append(error("anggaran.struktur", CHAPTER_KEY, row_path,
                                f"Baris ke-{n + 1} Tabel 3.6 tertulis harus berupa tabel"))
            continue
        if baris_total(row):
            temuan.extend(_periksa_total(data, row, row_path))
            continue
        nomor += 1
        temuan.extend(_periksa_nomor(row, row_path, nomor))
        temuan.extend(_periksa_baris(row, row_path, n, cocok.get(n), tanpa_baris, anggaran))
    for program in programs:
        if program.baris_ringkasan is None:
            temuan.append(warning(
                "anggaran.ringkasan-program-hilang", CHAPTER_KEY, path,
                f"{sebut('program', program.data)} tidak ada di Tabel 3.6 tertulis"
                + _angka_program(program)))
    return temuan


def _cocokkan_semua(rows: list, programs: list[_Program]) -> dict[int, tuple[_Program, bool]]:
    """Printed row index -> (program, matched by a shortened name). Exact names first, so a
    shortened name can only take a program that no row names in full."""
    menurut_kata: dict[tuple[str, ...], _Program] = {}
    for program in programs:
        menurut_kata.setdefault(program.kata, program)
    cocok: dict[int, tuple[_Program, bool]] = {}
    sisa: list[tuple[int, tuple[str, ...]]] = []
    for n, row in enumerate(rows):
        if not isinstance(row, dict) or baris_total(row):
            continue
        kata = kata_nama(row.get("nama"))
        if kata and kata in menurut_kata:
            cocok[n] = (menurut_kata[kata], False)
        elif kata:
            sisa.append((n, kata))
    bernama = {id(program) for program, _ in cocok.values()}
    bebas = [p for p in programs if id(p) not in bernama]
    for n, kata in sisa:
        memuat = [p for p in bebas if _berurutan(kata, p.kata)]
        if len(memuat) == 1:
            cocok[n] = (memuat[0], True)
    return cocok


def _rekap(program: dict) -> kinerja.Rekap | None:
    rekap = pohon_program(program)
    return rekap.rekap if rekap is not None else None


def _nama_baris(row: dict) -> str:
    nama = row.get("nama")
    nama = " ".join(nama.split()) if isinstance(nama, str) else ""
    return f'Baris {row.get("no", "?")} Tabel 3.6 "{nama}"'


def _periksa_nomor(row: dict, path: Path, nomor: int) -> list[Finding]:
    tertulis = row.get("no")
    if str(tertulis).strip() == str(nomor):
        return []
    return [warning("anggaran.ringkasan-nomor", CHAPTER_KEY, (*path, "no"),
                    f"{_nama_baris(row)}: nomor tertulis {tertulis!r}, seharusnya {nomor}",
                    stated=tertulis, computed=nomor)]


def _periksa_baris(row: dict, path: Path, n: int, cocok: tuple[_Program, bool] | None,
                   tanpa_baris: list[_Program], anggaran: dict) -> list[Finding]:
    if cocok is None:
        return [warning("anggaran.ringkasan-tidak-dikenal", CHAPTER_KEY, (*path, "nama"),
                        f"{_nama_baris(row)}: nama ini tidak sesuai dengan program mana pun"
                        + _petunjuk(row, tanpa_baris, anggaran))]
    program, disingkat = cocok
    if program.baris_ringkasan is not None:
        return [warning("anggaran.ringkasan-ganda", CHAPTER_KEY, (*path, "nama"),
                        f"{_nama_baris(row)}: {sebut('program', program.data)} sudah tercantum "
                        f"pada baris ke-{program.baris_ringkasan + 1}")]
    program.baris_ringkasan = n
    temuan: list[Finding] = []
    if disingkat:
        temuan.append(info("anggaran.ringkasan-nama-berbeda", CHAPTER_KEY, (*path, "nama"),
                           f"{_nama_baris(row)}: dianggap {sebut('program', program.data)}; "
                           f"nama tertulis tidak sama persis dengan nama program"))
    if program.rekap is not None:
        nama = f"{_nama_baris(row)} ({sebut('program', program.data)})"
        temuan.extend(_banding(row, path, program.rekap, nama, "anggaran.ringkasan-berbeda"))
    return temuan


def _berurutan(bagian: tuple[str, ...], utuh: tuple[str, ...]) -> bool:
    """`bagian` appears as consecutive words inside `utuh`."""
    panjang = len(bagian)
    return any(utuh[i:i + panjang] == bagian for i in range(len(utuh) - panjang + 1))


def _petunjuk(row: dict, tanpa_baris: list[_Program], anggaran: dict) -> str:
    """A hint for an unknown row: is it the urusan's name, does its pagu fit a program that
    no printed row names?"""
    kata = kata_nama(row.get("nama"))
    petunjuk = []
    urusan = anggaran.get("urusan")
    if isinstance(urusan, dict) and kata and kata == kata_nama(urusan.get("nama")):
        petunjuk.append("ini nama urusan, bukan nama program")
    pagu = row.get("pagu")
    serupa = [p for p in tanpa_baris if p.rekap is not None and p.rekap.pagu == pagu]
    if len(serupa) == 1:
        petunjuk.append(f"pagunya sama dengan {sebut('program', serupa[0].data)}")
    return f" ({'; '.join(petunjuk)})" if petunjuk else ""


def _periksa_total(data: dict, row: dict, path: Path) -> list[Finding]:
    try:
        total = pohon(data).rekap
    except AnggaranTakTerbaca:
        return []
    return _banding(row, path, total, "Baris TOTAL Tabel 3.6", "anggaran.ringkasan-berbeda")


def _banding(row: dict, path: Path, rekap: kinerja.Rekap, nama: str,
             kode_berbeda: str) -> list[Finding]:
    temuan = []
    dihitung = {"pagu": rekap.pagu, "realisasi": rekap.realisasi}
    for key, label in ANGKA:
        if key not in row:
            continue
        if key == "persen":
            selisih = banding_persen(row[key], rekap.persen, label)
        else:
            selisih = banding_rupiah(row[key], dihitung[key], label)
        if selisih is not None:
            temuan.append(_temuan(selisih, nama, (*path, key), kode_berbeda))
    return temuan


def _temuan(selisih: Selisih, nama: str, path: Path, kode_berbeda: str) -> Finding:
    kode = kode_berbeda if selisih.jenis == "berbeda" else f"anggaran.tertulis-{selisih.jenis}"
    return warning(kode, CHAPTER_KEY, path, f"{nama}: {selisih.pesan}",
                   stated=selisih.tertulis, computed=selisih.dihitung)


def _angka_program(program: _Program) -> str:
    if program.rekap is None:
        return ""
    return (f" (pagu {format_rupiah(program.rekap.pagu, prefix=True)}, realisasi "
            f"{format_rupiah(program.rekap.realisasi, prefix=True)})")
