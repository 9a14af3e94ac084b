"""Evidence for the LKE self-check (`lakip check --lke`) from BAB III and BAB IV: where the
report covers every indicator of the Perjanjian Kinerja, compares realisasi with the target, the Renstra and earlier years, analyses causes and
efficiency, and says what follows. Each piece names the place in the file it comes from.

The figures are hitung.evaluasi's, the ones Tabel 3.2 and 3.4 print.
"""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import Bukti, TakTerhitung

from .data import CHAPTER_KEY, PENUTUP, PK, baris, daftar_teks, periode_renstra, tabel, teks
from .hitung import evaluasi
from .tahun_lalu import dari_berkas


def bukti(data: Mapping, sebelumnya: Mapping[int, Mapping] | None = None) -> list[Bukti]:
    """`sebelumnya`: {year: data} of the earlier years' own files (konteks.sebelumnya)."""
    hasil = evaluasi(data)
    indikator = [h for s in hasil.sasaran for h in s.indikator]
    out = [
        _seluruh(indikator),
        _target(indikator),
        _renstra(data, indikator),
        _tahun_lalu(indikator, dari_berkas(sebelumnya or {})),
        *_analisis(data, hasil),
        _efisiensi(data, hasil),
        _tindak_lanjut(data),
    ]
    return out


def _status(baik: int, semua: int) -> str:
    return "tidak" if semua == 0 or baik == 0 else "ada" if baik == semua else "sebagian"


def _daftar(kode: list[str]) -> str:
    return ", ".join(kode[:8]) + (f" dan {len(kode) - 8} lainnya" if len(kode) > 8 else "")


def _seluruh(indikator) -> Bukti:
    """3.b.2: every indicator of the Perjanjian Kinerja has its realisasi reported (whether its
    capaian can be computed is 3.b.3's)."""
    ada = [h for h in indikator if h.realisasi is not None]
    kurang = [h.indikator.kode or h.indikator.sebut() for h in indikator if h not in ada]
    if not indikator:
        return Bukti("seluruh_kinerja", "tidak", (PK, "sasaran"),
                     "belum ada indikator kinerja di Perjanjian Kinerja")
    keterangan = (f"{len(ada)} dari {len(indikator)} indikator Perjanjian Kinerja punya baris "
                  "realisasi ([[akuntabilitas.realisasi]])")
    if kurang:
        keterangan += f"; tidak dilaporkan: {_daftar(kurang)}"
    return Bukti("seluruh_kinerja", _status(len(ada), len(indikator)), (CHAPTER_KEY, "realisasi"),
                 keterangan)


def _target(indikator) -> Bukti:
    baik = [h for h in indikator if not isinstance(h.capaian, TakTerhitung)]
    kurang = [h.indikator.kode or h.indikator.sebut() for h in indikator if h not in baik]
    keterangan = (f"{len(baik)} dari {len(indikator)} indikator punya target, realisasi dan "
                  "capaian terhitung (Tabel 3.2)")
    if kurang:
        keterangan += f"; belum: {_daftar(kurang)}"
    if not indikator:
        keterangan = "belum ada indikator kinerja di Perjanjian Kinerja"
    return Bukti("target", _status(len(baik), len(indikator)), (CHAPTER_KEY, "realisasi"), keterangan)


def _renstra(data: Mapping, indikator) -> Bukti:
    periode = periode_renstra(data)
    if periode is None:
        return Bukti("renstra", "tidak", (PK, "renstra"),
                     "periode Renstra (awal, akhir) tidak tertulis, jadi target akhir Renstra "
                     "tidak dapat dibandingkan (Tabel 3.4)")
    akhir = str(periode[1])
    ada = [h for h in indikator if h.indikator.renstra.get(akhir) is not None]
    kurang = [h.indikator.kode or h.indikator.sebut() for h in indikator if h not in ada]
    keterangan = (f"{len(ada)} dari {len(indikator)} indikator punya target Renstra {akhir} "
                  "untuk perbandingan (Tabel 3.4)")
    if kurang:
        keterangan += f"; belum: {_daftar(kurang)}"
    path = ada[0].indikator.path + ("renstra",) if ada else (PK, "sasaran")
    return Bukti("renstra", _status(len(ada), len(indikator)), path, keterangan)


def _tahun_lalu(indikator, dari_file: Mapping[str, Mapping]) -> Bukti:
    """Earlier years' realisasi typed in `tahun_lalu`, or read from the earlier years' own
    files ([meta] tahun_sebelumnya), as Tabel 3.4 takes them."""
    def ada_lalu(h) -> bool:
        typed = h.realisasi is not None and h.realisasi.tahun_lalu
        return bool(typed) or bool(dari_file.get(h.indikator.kode))

    ada = [h for h in indikator if ada_lalu(h)]
    kurang = [h.indikator.kode or h.indikator.sebut() for h in indikator if h not in ada]
    keterangan = (f"{len(ada)} dari {len(indikator)} indikator punya realisasi tahun "
                  "sebelumnya (tahun_lalu di [[akuntabilitas.realisasi]], atau berkas tahun "
                  "sebelumnya di [meta] tahun_sebelumnya)")
    if kurang:
        keterangan += f"; belum: {_daftar(kurang)}"
    dengan_kunci = [h for h in ada if h.realisasi is not None and h.realisasi.tahun_lalu]
    path = (dengan_kunci[0].realisasi.path + ("tahun_lalu",) if dengan_kunci
            else ("meta", "tahun_sebelumnya") if ada else (CHAPTER_KEY, "realisasi"))
    return Bukti("tahun_lalu", _status(len(ada), len(indikator)), path, keterangan)


def _analisis(data: Mapping, hasil) -> list[Bukti]:
    rows = baris(data, CHAPTER_KEY, "analisis")
    dianalisis = {teks(r.get("sasaran")) for _p, r in rows if teks(r.get("teks")).strip()}
    kode = [s.sasaran.kode for s in hasil.sasaran]
    kurang = [k or "(tanpa kode)" for k in kode if k not in dianalisis]
    keterangan = f"{len(kode) - len(kurang)} dari {len(kode)} sasaran punya analisis capaian"
    if kurang:
        keterangan += f"; belum: {_daftar(kurang)}"
    out = [Bukti("analisis", _status(len(kode) - len(kurang), len(kode)),
                 rows[0][0] if rows else (CHAPTER_KEY, "analisis"), keterangan)]
    isi = tabel(data, CHAPTER_KEY)
    for kunci, apa in (("kendala", "hambatan/kendala"), ("solusi", "upaya/solusi")):
        daftar = daftar_teks(isi.get(kunci))
        out.append(Bukti("analisis", "ada" if daftar else "tidak", (CHAPTER_KEY, kunci),
                         f"{len(daftar)} butir {apa}" if daftar else f"daftar {apa} kosong"))
    return out


def _efisiensi(data: Mapping, hasil) -> Bukti:
    uraian = teks(tabel(data, CHAPTER_KEY).get("efisiensi_teks")).strip()
    if isinstance(hasil.efisiensi, TakTerhitung):
        return Bukti("efisiensi", "sebagian" if uraian else "tidak", (CHAPTER_KEY, "efisiensi_teks"),
                     f"efisiensi tidak dapat dihitung ({hasil.efisiensi.alasan})"
                     + ("; ada uraiannya" if uraian else ""))
    if not uraian:
        return Bukti("efisiensi", "sebagian", (CHAPTER_KEY, "efisiensi_teks"),
                     "efisiensi terhitung dari anggaran dan capaian, tetapi uraiannya kosong")
    return Bukti("efisiensi", "ada", (CHAPTER_KEY, "efisiensi_teks"),
                 "efisiensi terhitung (anggaran dan capaian) dan diuraikan (3.2.4)")


def _tindak_lanjut(data: Mapping) -> Bukti:
    langkah = daftar_teks(tabel(data, PENUTUP).get("langkah"))
    if langkah:
        return Bukti("tindak_lanjut", "ada", (PENUTUP, "langkah"),
                     f"{len(langkah)} langkah ke depan di BAB IV Penutup")
    if teks(tabel(data, PENUTUP).get("teks")).strip():
        return Bukti("tindak_lanjut", "sebagian", (PENUTUP, "teks"),
                     "BAB IV berisi kesimpulan, tetapi daftar langkah ke depan kosong")
    return Bukti("tindak_lanjut", "tidak", (PENUTUP,),
                 "BAB IV Penutup tidak menyebut langkah perbaikan ke depan")
