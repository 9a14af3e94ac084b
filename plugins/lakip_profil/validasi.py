"""The checks of BAB I: counts that disagree, stale years, the signature, missing narratives.

Every finding points at the field to fix and names the row in Indonesian. Counts the report
computes (the total of pegawai) are compared with what the file states; the report itself
always prints the computed figure.
"""

from __future__ import annotations

import re
from typing import Any

from lakip_tui.api import format_bilangan as _angka
from lakip_tui.api import Finding, error, info, warning

from .baca import CHAPTER_KEY, baris, bilangan, daftar_teks, tabel, teks
from .tahun import tahun_lain

# Narratives a report cannot go without, with the name the planner knows them by.
WAJIB = (("kata_pengantar", "Kata pengantar"), ("latar_belakang", "Latar belakang (A)"))
TEMPAT = {"kata_pengantar": "Kata Pengantar", "latar_belakang": "A. Latar Belakang"}
# Lists a report cannot go without: key, name, where the planner fills it in the editor.
WAJIB_DAFTAR = (("dasar_hukum", "Dasar hukum", "BAB I > B. Dasar Hukum"),)
# Narratives where "Tahun <year>" normally means the fiscal year.
TEKS_BERTAHUN = (("kata_pengantar", "Kata pengantar"), ("latar_belakang", "Latar belakang"))
DAFTAR_PEGAWAI = (("golongan", "Golongan"), ("pendidikan", "Pendidikan"), ("eselon", "Eselon"))
PANJANG_NIP = 18

# Every finding code of this chapter, with its severities (docs/chapters.md lists the same).
KODE_TEMUAN = {
    "profil.wajib-kosong": ("warning",),
    "profil.bukan-bilangan": ("error",),
    "profil.sarana-jumlah": ("warning",),
    "profil.pegawai-jumlah": ("error",),
    "profil.pegawai-golongan": ("error",),
    "profil.pegawai-pendidikan": ("error",),
    "profil.pegawai-tanpa-angka": ("info",),
    "profil.tahun-lain": ("warning",),
    "profil.tanggal-ttd": ("warning",),
    "profil.penandatangan-kosong": ("warning",),
    "profil.pegawai-belum-diisi": ("warning",),
    "profil.nip": ("warning",),
}


def periksa(data: dict, tahun: int | None) -> list[Finding]:
    tahun = bilangan(tahun)  # the core reports a bad [meta].tahun; here it only disables year checks
    profil = tabel(data, CHAPTER_KEY)
    meta = tabel(data, "meta")
    return [
        *_wajib(profil),
        *_sarana(profil),
        *_pegawai(tabel(profil, "pegawai")),
        *_tahun_di_teks(profil, tahun),
        *_penandatangan(meta, tahun, bool(teks(profil.get("kata_pengantar")))),
    ]


def _wajib(profil: dict) -> list[Finding]:
    out = [
        warning("profil.wajib-kosong", CHAPTER_KEY, (CHAPTER_KEY, key),
                f"{label} belum diisi; isi di BAB I > {TEMPAT[key]}.")
        for key, label in WAJIB
        if not teks(profil.get(key))
    ]
    out += [
        warning("profil.wajib-kosong", CHAPTER_KEY, (CHAPTER_KEY, key),
                f"{label} belum diisi; isi di {tempat}.")
        for key, label, tempat in WAJIB_DAFTAR
        if not daftar_teks(profil.get(key))
    ]
    return out


def _hitungan(table: dict, key: str, path: tuple, nama: str) -> tuple[int | None, list[Finding]]:
    """A count field: its value, or a finding when it is there but not a whole number >= 0."""
    if key not in table:
        return None, []
    value = bilangan(table[key])
    if value is None or value < 0:
        return None, [error("profil.bukan-bilangan", CHAPTER_KEY, (*path, key),
                            f"{nama}: {key} harus bilangan bulat 0 atau lebih "
                            f"(tertulis {table[key]!r}).")]
    return value, []


def _sarana(profil: dict) -> list[Finding]:
    out: list[Finding] = []
    for i, row in baris(profil, "sarana"):
        path = (CHAPTER_KEY, "sarana", i)
        nama = f'Sarana sosial baris {i + 1} "{teks(row.get("jenis"))}"'
        jumlah, masalah = _hitungan(row, "jumlah", path, nama)
        out += masalah
        lembaga = daftar_teks(row.get("lembaga"))
        if jumlah is not None and lembaga and jumlah != len(lembaga):
            out.append(warning(
                "profil.sarana-jumlah", CHAPTER_KEY, (*path, "jumlah"),
                f"{nama}: jumlah {_angka(jumlah)} {teks(row.get('satuan'))}".rstrip()
                + f", tetapi lembaga yang disebut namanya {_angka(len(lembaga))}.",
                stated=jumlah, computed=len(lembaga),
            ))
    return out


def _pegawai(pegawai: dict) -> list[Finding]:
    if not pegawai:
        return []
    path = (CHAPTER_KEY, "pegawai")
    out: list[Finding] = []
    nilai = {}
    for key in ("jumlah_tertulis", "pns", "non_pns"):
        nilai[key], masalah = _hitungan(pegawai, key, path, "Keadaan pegawai")
        out += masalah
    pns, non_pns, tertulis = nilai["pns"], nilai["non_pns"], nilai["jumlah_tertulis"]
    for key, label in (("pns", "Jumlah pegawai PNS"), ("non_pns", "Jumlah pegawai non-PNS")):
        if key not in pegawai:
            out.append(warning("profil.pegawai-belum-diisi", CHAPTER_KEY, (*path, key),
                               f"{label} belum diisi; isi di BAB I > G. Keadaan Pegawai "
                               "(tulis 0 bila memang tidak ada)."))
    if tertulis is not None and pns is not None and non_pns is not None \
            and tertulis != pns + non_pns:
        out.append(error(
            "profil.pegawai-jumlah", CHAPTER_KEY, (*path, "jumlah_tertulis"),
            f"Jumlah pegawai tertulis {_angka(tertulis)} orang, tetapi PNS + non-PNS = "
            f"{_angka(pns)} + {_angka(non_pns)} = {_angka(pns + non_pns)}. "
            "Laporan mencetak hasil penjumlahan.",
            stated=tertulis, computed=pns + non_pns,
        ))
    rincian = {}
    for key, label in DAFTAR_PEGAWAI:
        rincian[key], masalah = _rincian(pegawai, key, label)
        if pns is not None or non_pns is not None:  # else the counts are simply not filled yet
            out += masalah
    out += _golongan(rincian["golongan"], pns, non_pns)
    out += _pendidikan(rincian["pendidikan"], pns, non_pns)
    return out


def _rincian(pegawai: dict, key: str, label: str) -> tuple[list[tuple[int, str, int]], list[Finding]]:
    """The numbered rows of a golongan / pendidikan / eselon list, and the rows without a number."""
    rows, out = [], []
    for i, row in baris(pegawai, key):
        path = (CHAPTER_KEY, "pegawai", key, i)
        nama = teks(row.get("nama")) or f"baris {i + 1}"
        if "jumlah" not in row:
            out.append(info("profil.pegawai-tanpa-angka", CHAPTER_KEY, (*path, "jumlah"),
                            f'{label} "{nama}" tidak berangka; tulis 0 bila memang tidak ada.'))
            continue
        jumlah, masalah = _hitungan(row, "jumlah", path, f'{label} "{nama}"')
        out += masalah
        if jumlah is not None:
            rows.append((i, nama, jumlah))
    return rows, out


def _non_golongan(nama: str) -> bool:
    return re.sub(r"[^a-z]", "", nama.lower()) == "nongolongan"


def _golongan(rows: list, pns: int | None, non_pns: int | None) -> list[Finding]:
    if not rows:
        return []
    path = (CHAPTER_KEY, "pegawai", "golongan")
    out = []
    bergolongan = [r for r in rows if not _non_golongan(r[1])]
    jumlah = sum(r[2] for r in bergolongan)
    if pns is not None and bergolongan and jumlah != pns:
        out.append(error(
            "profil.pegawai-golongan", CHAPTER_KEY, path,
            f"PNS tertulis {_angka(pns)} orang, tetapi jumlah per golongan "
            f"({', '.join(f'{r[1]} {_angka(r[2])}' for r in bergolongan)}) = {_angka(jumlah)}.",
            stated=pns, computed=jumlah,
        ))
    for i, nama, n in rows:
        if _non_golongan(nama) and non_pns is not None and n != non_pns:
            out.append(error(
                "profil.pegawai-golongan", CHAPTER_KEY, (*path, i, "jumlah"),
                f'"{nama}" {_angka(n)} orang, tetapi pegawai non-PNS tertulis {_angka(non_pns)}.',
                stated=n, computed=non_pns,
            ))
    return out


def _pendidikan(rows: list, pns: int | None, non_pns: int | None) -> list[Finding]:
    """The list may cover the PNS only (as the seed's does) or every pegawai: both are right."""
    if not rows or pns is None:
        return []
    jumlah = sum(r[2] for r in rows)
    benar = {pns} | ({pns + non_pns} if non_pns is not None else set())
    if jumlah in benar:
        return []
    return [error(
        "profil.pegawai-pendidikan", CHAPTER_KEY, (CHAPTER_KEY, "pegawai", "pendidikan"),
        f"Jumlah pegawai menurut pendidikan ({', '.join(f'{r[1]} {_angka(r[2])}' for r in rows)})"
        f" = {_angka(jumlah)}, tidak sama dengan PNS ({_angka(pns)})"
        + (f" maupun seluruh pegawai ({_angka(pns + non_pns)})." if non_pns is not None else "."),
        stated=pns, computed=jumlah,
    )]


def _tahun_di_teks(profil: dict, tahun: int | None) -> list[Finding]:
    if tahun is None:
        return []
    out = []
    for key, label in TEKS_BERTAHUN:
        for sebutan in tahun_lain(teks(profil.get(key)), tahun):
            out.append(warning(
                "profil.tahun-lain", CHAPTER_KEY, (CHAPTER_KEY, key),
                f'{label} menyebut "{sebutan.kutipan}", padahal laporan ini untuk tahun '
                f"anggaran {tahun}. Bila yang dimaksud tahun laporan, ganti menjadi Tahun {tahun}.",
                stated=sebutan.tahun, computed=tahun,
            ))
    return out


def _penandatangan(meta: dict, tahun: int | None, ada_pengantar: bool) -> list[Finding]:
    out = []
    tempat_tanggal = teks(meta.get("tempat_tanggal"))
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", tempat_tanggal)]
    if tahun is not None and years and years[-1] < tahun + 1:
        out.append(warning(
            "profil.tanggal-ttd", CHAPTER_KEY, ("meta", "tempat_tanggal"),
            f'Tanggal penandatanganan "{tempat_tanggal}" bertahun {years[-1]}; laporan tahun '
            f"anggaran {tahun} baru dapat ditandatangani pada {tahun + 1}.",
            stated=years[-1], computed=tahun + 1,
        ))
    kepala = tabel(meta, "kepala")
    for key, label in (("nama", "Nama"), ("nip", "NIP")):
        if not teks(kepala.get(key)):
            out.append(warning("profil.penandatangan-kosong", CHAPTER_KEY, ("meta", "kepala", key),
                               f"{label} kepala yang menandatangani laporan belum diisi; isi di "
                               "BAB I > Sampul dan penanda tangan."))
    nip = _nip_salah(kepala.get("nip"))
    if nip:
        out.append(warning("profil.nip", CHAPTER_KEY, ("meta", "kepala", "nip"), nip))
    return out


def _nip_salah(nip: Any) -> str:
    """The problem with a NIP, or "" if it is fine or not filled in."""
    if nip is None or (isinstance(nip, str) and not nip.strip()):
        return ""
    text = str(nip).strip()
    digits = text.replace(" ", "")
    if not digits.isdigit():
        return f'NIP kepala "{text}" hanya boleh berisi angka dan spasi.'
    if len(digits) != PANJANG_NIP:
        return (f'NIP kepala "{text}" berisi {len(digits)} angka; NIP harus {PANJANG_NIP} angka '
                "(spasi boleh, mis. 19751220 199801 1 001).")
    return ""
