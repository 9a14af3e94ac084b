"""Realisasi against the indicators of the Perjanjian Kinerja: missing, unknown, doubled,
capaian that cannot be computed, and a stated capaian that differs from the computed one."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import format_persen
from lakip_tui.api import Finding, error, info, warning
from lakip_tui.api import TakTerhitung
from lakip_tui.api import Path

from .data import CHAPTER_KEY, PK, daftar_realisasi, teks
from .hitung import Evaluasi, HasilIndikator
from .tertulis import baca_persen, cocok_persen


# Causes that lie in an indicator's own definition, which the Perjanjian Kinerja chapter reports
# at the same field (target-kosong, target-bukan-angka, polaritas- and jenis-tidak-dikenal).
SEBAB_DI_PK = ("target belum diisi", "target bukan angka", "polaritas tidak dikenal",
               "jenis indikator tidak dikenal")


def periksa_realisasi(data: Mapping, hasil: Evaluasi, *, pk_diperiksa: bool = False
                      ) -> list[Finding]:
    """`pk_diperiksa`: the Perjanjian Kinerja chapter is present and checks its indicators, so
    a capaian that cannot be computed for a cause it reports is not reported twice."""
    if not isinstance(data.get(PK), dict):
        return [info(f"{CHAPTER_KEY}.pk-tidak-ada", CHAPTER_KEY, (PK,),
                     "Bagian [perjanjian_kinerja] tidak ada: realisasi tidak dapat dicocokkan "
                     "dengan indikator, capaian BAB III tidak dapat dihitung")]
    temuan = []
    per_kode = hasil.per_kode()
    terlihat: set[str] = set()
    for r in daftar_realisasi(data):
        if not r.indikator:
            temuan.append(error(f"{CHAPTER_KEY}.realisasi-tanpa-indikator", CHAPTER_KEY, (*r.path, "indikator"),
                                "Baris realisasi belum menyebut kode indikator"))
        elif r.indikator not in per_kode:
            temuan.append(error(f"{CHAPTER_KEY}.indikator-tidak-dikenal", CHAPTER_KEY, (*r.path, "indikator"),
                                f"Realisasi untuk indikator {r.indikator}, yang tidak ada di "
                                "Perjanjian Kinerja (BAB II); periksa kodenya"))
        elif r.indikator in terlihat:
            temuan.append(error(f"{CHAPTER_KEY}.realisasi-ganda", CHAPTER_KEY, (*r.path, "indikator"),
                                f"Realisasi indikator {r.indikator} dicatat lebih dari sekali; "
                                "hanya yang pertama dipakai"))
        terlihat.add(r.indikator)
    for s in hasil.sasaran:
        for h in s.indikator:
            ind = h.indikator
            if h.realisasi is None or h.nilai is None:
                path = (*h.realisasi.path, "nilai") if h.realisasi else (CHAPTER_KEY, "realisasi")
                temuan.append(warning(f"{CHAPTER_KEY}.realisasi-kosong", CHAPTER_KEY, path,
                                      f"Realisasi {ind.sebut()} ({s.sasaran.sebut()}) belum "
                                      "diisi: capaiannya belum dapat dihitung"))
            elif isinstance(h.capaian, TakTerhitung):
                if pk_diperiksa and h.capaian.alasan.startswith(SEBAB_DI_PK):
                    continue
                temuan.append(error(f"{CHAPTER_KEY}.capaian-tak-terhitung", CHAPTER_KEY, _path_sebab(h),
                                    f"Capaian {ind.sebut()} ({s.sasaran.sebut()}) tidak dapat "
                                    f"dihitung: {h.capaian.alasan}"))
    return temuan


def _path_sebab(h: HasilIndikator) -> Path:
    """The field that stops the computation, read from the reason kinerja gives."""
    alasan = h.capaian.alasan
    for kunci in ("target", "polaritas", "jenis"):
        if alasan.startswith(kunci):
            return (*h.indikator.path, kunci)
    if alasan.startswith("realisasi"):
        return (*h.realisasi.path, "nilai")
    return (*h.indikator.path, "urutan")  # the qualitative scale itself is faulty


def periksa_capaian_tertulis(hasil: Evaluasi) -> list[Finding]:
    """A stated capaian (Tabel 3.2 as printed in an older report) against the computed one."""
    temuan = []
    for s in hasil.sasaran:
        for h in s.indikator:
            if h.realisasi is None or "capaian_tertulis" not in h.realisasi.isi:
                continue
            tertulis = h.realisasi.isi["capaian_tertulis"]
            path = (*h.realisasi.path, "capaian_tertulis")
            terbaca = baca_persen(tertulis)
            if isinstance(h.capaian, TakTerhitung):
                temuan.append(warning(f"{CHAPTER_KEY}.capaian-tertulis", CHAPTER_KEY, path,
                                      f"Capaian tertulis {h.indikator.sebut()} ({teks(tertulis)}) "
                                      f"tidak dapat diperiksa: {h.capaian.alasan}",
                                      stated=tertulis))
            elif terbaca is None:
                temuan.append(warning(f"{CHAPTER_KEY}.capaian-tertulis", CHAPTER_KEY, path,
                                      f"Capaian tertulis {h.indikator.sebut()} ({tertulis!r}) "
                                      "bukan persentase; capaian terhitung "
                                      f"{format_persen(h.capaian)}",
                                      stated=tertulis, computed=h.capaian))
            elif not cocok_persen(terbaca[0], terbaca[1], [h.capaian]):
                temuan.append(warning(f"{CHAPTER_KEY}.capaian-tertulis", CHAPTER_KEY, path,
                                      f"Capaian tertulis {h.indikator.sebut()} {teks(tertulis)} "
                                      "berbeda dengan capaian terhitung "
                                      f"{format_persen(h.capaian)}; laporan mencetak yang "
                                      "terhitung", stated=tertulis, computed=h.capaian))
    return temuan
