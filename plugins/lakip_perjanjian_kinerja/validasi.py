"""The checks of BAB II: what a Perjanjian Kinerja needs before BAB III can be computed from it.

Every finding names the sasaran or indicator by its kode and points at the field to fix.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from lakip_tui.api import Finding, error, warning

from .data import (
    CHAPTER_KEY,
    JENIS,
    POLARITAS,
    Indikator,
    bagian,
    daftar_sasaran,
    daftar_teks,
    teks,
)

# Every finding code this chapter raises (documented in docs/chapters.md).
KODE_TEMUAN = tuple(f"{CHAPTER_KEY}.{k}" for k in (
    "bagian-kosong", "visi-kosong", "misi-kosong", "sasaran-kosong", "renstra-periode",
    "kode-kosong", "kode-ganda", "uraian-kosong", "sasaran-tanpa-indikator",
    "polaritas-tidak-dikenal", "jenis-tidak-dikenal", "target-kosong", "target-bukan-angka",
    "urutan-kosong", "target-di-luar-urutan", "renstra-target-beda",
    "tujuan-sasaran-tidak-dikenal",
))


def periksa(data: Mapping, tahun: int | None) -> list[Finding]:
    if not isinstance(data.get(CHAPTER_KEY), dict):
        return [error(f"{CHAPTER_KEY}.bagian-kosong", CHAPTER_KEY, (CHAPTER_KEY,),
                      "Bagian [perjanjian_kinerja] belum ada: visi, misi, sasaran dan "
                      "Perjanjian Kinerja (BAB II) belum diisi")]
    temuan: list[Finding] = []
    temuan += _wajib(data)
    temuan += _periode(data, tahun)
    temuan += _sasaran(data)
    temuan += _indikator(data, tahun)
    temuan += _tujuan(data)
    return temuan


def _wajib(data: Mapping) -> list[Finding]:
    isi = bagian(data)
    temuan = []
    if not teks(isi.get("visi")):
        temuan.append(error(f"{CHAPTER_KEY}.visi-kosong", CHAPTER_KEY, (CHAPTER_KEY, "visi"), "Visi belum diisi; isi di BAB II > A. Rencana Strategis"))
    if not daftar_teks(isi.get("misi")):
        temuan.append(error(f"{CHAPTER_KEY}.misi-kosong", CHAPTER_KEY, (CHAPTER_KEY, "misi"),
                            "Misi belum diisi (daftar misi kosong); isi di BAB II > "
                            "A. Rencana Strategis"))
    if not daftar_sasaran(data):
        temuan.append(error(f"{CHAPTER_KEY}.sasaran-kosong", CHAPTER_KEY, (CHAPTER_KEY, "sasaran"),
                            "Belum ada sasaran strategis: Tabel 2.2 dan capaian BAB III kosong. "
                            "Tambahkan [[perjanjian_kinerja.sasaran]]"))
    return temuan


def _periode(data: Mapping, tahun: int | None) -> list[Finding]:
    path = (CHAPTER_KEY, "renstra")
    renstra = bagian(data).get("renstra")
    if not isinstance(renstra, dict):
        return [error(f"{CHAPTER_KEY}.renstra-periode", CHAPTER_KEY, path,
                      "Periode Renstra belum diisi, mis. renstra = { awal = 2021, akhir = 2026 }")]
    temuan = []
    batas = {}
    for kunci in ("awal", "akhir"):
        nilai = renstra.get(kunci)
        if isinstance(nilai, int) and not isinstance(nilai, bool):
            batas[kunci] = nilai
        else:
            temuan.append(error(f"{CHAPTER_KEY}.renstra-periode", CHAPTER_KEY, (*path, kunci),
                                f"Tahun {kunci} periode Renstra harus bilangan tahun "
                                f"(tertulis: {nilai!r})"))
    if temuan:
        return temuan
    awal, akhir = batas["awal"], batas["akhir"]
    if awal > akhir:
        return [error(f"{CHAPTER_KEY}.renstra-periode", CHAPTER_KEY, (*path, "awal"),
                      f"Periode Renstra terbalik: awal {awal} sesudah akhir {akhir}")]
    if tahun is not None and not awal <= tahun <= akhir:
        ujung = "awal" if tahun < awal else "akhir"
        return [error(f"{CHAPTER_KEY}.renstra-periode", CHAPTER_KEY, (*path, ujung),
                      f"Periode Renstra {awal}-{akhir} tidak mencakup tahun anggaran {tahun}")]
    return []


def _sasaran(data: Mapping) -> list[Finding]:
    temuan = []
    terlihat: dict[str, int] = {}
    for sasaran in daftar_sasaran(data):
        nama = sasaran.sebut()
        if not sasaran.kode:
            temuan.append(error(f"{CHAPTER_KEY}.kode-kosong", CHAPTER_KEY, (*sasaran.path, "kode"),
                                f"Sasaran ke-{sasaran.nomor} belum punya kode (mis. "
                                f"\"SS{sasaran.nomor}\"); kode dipakai Tabel 2.1 dan analisis "
                                "BAB III"))
        elif sasaran.kode in terlihat:
            temuan.append(error(f"{CHAPTER_KEY}.kode-ganda", CHAPTER_KEY, (*sasaran.path, "kode"),
                                f"Kode sasaran {sasaran.kode} sudah dipakai sasaran ke-"
                                f"{terlihat[sasaran.kode]}; setiap sasaran perlu kode sendiri"))
        else:
            terlihat[sasaran.kode] = sasaran.nomor
        if not sasaran.uraian:
            temuan.append(error(f"{CHAPTER_KEY}.uraian-kosong", CHAPTER_KEY, (*sasaran.path, "uraian"),
                                f"Uraian {nama} belum diisi"))
        if not sasaran.indikator:
            temuan.append(error(f"{CHAPTER_KEY}.sasaran-tanpa-indikator", CHAPTER_KEY, (*sasaran.path, "indikator"),
                                f"{_besar(nama)} belum punya indikator kinerja: capaiannya "
                                "tidak dapat diukur. Tambahkan "
                                "[[perjanjian_kinerja.sasaran.indikator]]"))
    return temuan


def _indikator(data: Mapping, tahun: int | None) -> list[Finding]:
    temuan = []
    terlihat: dict[str, str] = {}
    for sasaran in daftar_sasaran(data):
        for ind in sasaran.indikator:
            if not ind.kode:
                temuan.append(error(f"{CHAPTER_KEY}.kode-kosong", CHAPTER_KEY, (*ind.path, "kode"),
                                    f"{_besar(ind.sebut())} belum punya kode (mis. \"IKU1\"); "
                                    "realisasi di BAB III dicatat per kode indikator"))
            elif ind.kode in terlihat:
                temuan.append(error(f"{CHAPTER_KEY}.kode-ganda", CHAPTER_KEY, (*ind.path, "kode"),
                                    f"Kode indikator {ind.kode} sudah dipakai di "
                                    f"{terlihat[ind.kode]}; realisasinya tidak dapat dibedakan"))
            else:
                terlihat[ind.kode] = sasaran.sebut()
            if not ind.uraian:
                temuan.append(error(f"{CHAPTER_KEY}.uraian-kosong", CHAPTER_KEY, (*ind.path, "uraian"),
                                    f"Uraian {ind.sebut()} belum diisi"))
            temuan += _jenis_dan_target(ind)
            temuan += _renstra_tahun_ini(ind, tahun)
    return temuan


def _jenis_dan_target(ind: Indikator) -> list[Finding]:
    temuan = []
    nama = ind.sebut()
    if ind.polaritas not in POLARITAS:
        temuan.append(error(f"{CHAPTER_KEY}.polaritas-tidak-dikenal", CHAPTER_KEY, (*ind.path, "polaritas"),
                            f"Polaritas {nama} tidak dikenal: {ind.isi.get('polaritas')!r}; "
                            "pilih \"positif\" atau \"negatif\""))
    jenis_dikenal = ind.jenis in JENIS
    if not jenis_dikenal:
        temuan.append(error(f"{CHAPTER_KEY}.jenis-tidak-dikenal", CHAPTER_KEY, (*ind.path, "jenis"),
                            f"Jenis {nama} tidak dikenal: {ind.isi.get('jenis')!r}; pilih "
                            "\"kuantitatif\", \"kualitatif\" atau \"sesuai_target\""))
    target = ind.target
    if target is None or (isinstance(target, str) and not target.strip()):
        temuan.append(error(f"{CHAPTER_KEY}.target-kosong", CHAPTER_KEY, (*ind.path, "target"),
                            f"Target {nama} belum diisi: capaiannya tidak dapat dihitung"))
        target = None
    if ind.jenis == "kuantitatif" and target is not None and not _angka(target):
        temuan.append(error(f"{CHAPTER_KEY}.target-bukan-angka", CHAPTER_KEY, (*ind.path, "target"),
                            f"Target {nama} harus angka untuk indikator kuantitatif "
                            f"(tertulis: {target!r}); untuk nilai seperti \"WTP\" pakai "
                            "jenis = \"kualitatif\" atau \"sesuai_target\""))
    if ind.jenis == "kualitatif":
        if not ind.urutan:
            temuan.append(error(f"{CHAPTER_KEY}.urutan-kosong", CHAPTER_KEY, (*ind.path, "urutan"),
                                f"{_besar(nama)} kualitatif belum punya urutan nilai "
                                "(dari terendah ke tertinggi, mis. "
                                "urutan = [\"C\", \"B\", \"A\"]); tanpa urutan capaiannya "
                                "tidak dapat dihitung"))
        elif target is not None and _normal(target) not in {_normal(u) for u in ind.urutan}:
            temuan.append(error(f"{CHAPTER_KEY}.target-di-luar-urutan", CHAPTER_KEY, (*ind.path, "target"),
                                f"Target {nama} ({target!r}) tidak ada dalam urutan "
                                f"{', '.join(ind.urutan)}"))
    return temuan


def _renstra_tahun_ini(ind: Indikator, tahun: int | None) -> list[Finding]:
    """The Renstra target for the fiscal year should be the target promised in the PK."""
    if tahun is None or ind.target is None:
        return []
    renstra = ind.renstra
    if str(tahun) not in renstra:
        return []
    target_renstra = renstra[str(tahun)]
    if _sama(target_renstra, ind.target):
        return []
    return [warning(f"{CHAPTER_KEY}.renstra-target-beda", CHAPTER_KEY, (*ind.path, "renstra", str(tahun)),
                    f"Target Renstra {tahun} {ind.sebut()} ({target_renstra!r}) berbeda dengan "
                    f"target Perjanjian Kinerja ({ind.target!r}); samakan, atau jelaskan "
                    "perubahan target di narasi", stated=target_renstra, computed=ind.target)]


def _tujuan(data: Mapping) -> list[Finding]:
    """Tabel 2.1 names sasaran by kode; each must exist in Tabel 2.2."""
    rows = bagian(data).get("tujuan")
    if not isinstance(rows, list):
        return []
    dikenal = {s.kode for s in daftar_sasaran(data) if s.kode}
    temuan = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            continue
        nilai = row.get("sasaran")
        if isinstance(nilai, list):
            rujukan = [((CHAPTER_KEY, "tujuan", i, "sasaran", j), teks(k)) for j, k in enumerate(nilai)]
        else:  # "SS1, SS2" typed in one cell
            rujukan = [((CHAPTER_KEY, "tujuan", i, "sasaran"), k.strip())
                       for k in teks(nilai).split(",") if k.strip()]
        for path, kode in rujukan:
            if kode and kode not in dikenal:
                temuan.append(error(f"{CHAPTER_KEY}.tujuan-sasaran-tidak-dikenal", CHAPTER_KEY, path,
                                    f"Tujuan ke-{i + 1} (Tabel 2.1) menyebut sasaran {kode}, "
                                    "yang tidak ada di Perjanjian Kinerja"))
    return temuan


def _angka(nilai: Any) -> bool:
    return (isinstance(nilai, (int, float)) and not isinstance(nilai, bool)
            and math.isfinite(nilai))


def _normal(nilai: Any) -> str:
    return " ".join(str(nilai).split()).casefold()


def _sama(a: Any, b: Any) -> bool:
    if _angka(a) and _angka(b):
        return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    return _normal(a) == _normal(b)


def _besar(kalimat: str) -> str:
    """Capitalise the first letter only ("sasaran SS1" -> "Sasaran SS1", kode untouched)."""
    return kalimat[:1].upper() + kalimat[1:]
