"""Narratives against the computed numbers: a rating verdict or a capaian percentage in an
analysis that the data contradicts, and a year named where the fiscal year is meant."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.api import format_persen
from lakip_tui.api import Finding, error, warning
from lakip_tui.api import TakTerhitung
from lakip_tui.api import Path

from . import narasi
from .data import CHAPTER_KEY, PENUTUP, PK, baris, tabel, teks
from .hitung import Evaluasi, HasilSasaran
from .tertulis import cocok_persen, terdekat


def periksa_analisis(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    per_sasaran = {s.sasaran.kode: s for s in hasil.sasaran if s.sasaran.kode}
    nama_peringkat = [t.nama for t in hasil.skala]
    temuan = []
    for path, row in baris(data, CHAPTER_KEY, "analisis"):
        kode = teks(row.get("sasaran"))
        hs = per_sasaran.get(kode)
        if hs is None:
            if isinstance(data.get(PK), dict):
                temuan.append(error(f"{CHAPTER_KEY}.analisis-sasaran-tidak-dikenal", CHAPTER_KEY,
                                    (*path, "sasaran"),
                                    f"Analisis untuk sasaran {kode or '(kosong)'}, yang tidak ada "
                                    "di Perjanjian Kinerja (BAB II)"))
            continue
        for kunci in ("teks", "iku"):
            isi = teks(row.get(kunci))
            if isi:
                temuan += _peringkat_narasi(isi, (*path, kunci), hs, nama_peringkat)
                temuan += _persen_narasi(isi, (*path, kunci), hs, hasil)
    return temuan


def _peringkat_narasi(isi: str, path: Path, hs: HasilSasaran,
                      nama_peringkat: list[str]) -> list[Finding]:
    """A verdict word ("adalah tinggi") must be the rating computed for the sasaran.

    In the "iku" paragraph a verdict may be about one indicator, so its ratings count too.
    """
    if isinstance(hs.peringkat, TakTerhitung):
        return []
    boleh = {hs.peringkat.casefold()}
    if path[-1] == "iku":
        boleh |= {h.peringkat.casefold() for h in hs.indikator if isinstance(h.peringkat, str)}
    temuan = []
    for s in narasi.peringkat_disebut(isi, nama_peringkat):
        if s.nilai.casefold() not in boleh:
            temuan.append(warning(
                f"{CHAPTER_KEY}.peringkat-narasi", CHAPTER_KEY, path,
                f"Analisis {hs.sasaran.sebut()} menyebut capaiannya \"{s.kutipan}\", padahal "
                f"capaian {format_persen(hs.capaian)} termasuk \"{hs.peringkat}\" menurut "
                "Tabel 3.1; perbaiki teksnya"))
    return temuan


def _persen_narasi(isi: str, path: Path, hs: HasilSasaran, hasil: Evaluasi) -> list[Finding]:
    """A capaian percentage in the text must be one the tool computes for that sasaran."""
    dihitung = [hs.capaian, hasil.capaian, *(h.capaian for h in hs.indikator)]
    dihitung = [v for v in dihitung if not isinstance(v, TakTerhitung)]
    if not dihitung:
        return []
    # a realisasi or target also quoted near "mencapai" is not a capaian claim
    lain = []
    for h in hs.indikator:
        lain += [h.indikator.target, h.nilai, *h.indikator.renstra.values()]
        if h.realisasi is not None:
            lain += list(h.realisasi.tahun_lalu.values())
    lain = [v for v in lain if isinstance(v, (int, float)) and not isinstance(v, bool)]
    temuan = []
    for s in narasi.persen_capaian(isi):
        nilai, desimal = s.nilai
        if cocok_persen(nilai, desimal, dihitung + lain):
            continue
        benar = ", ".join(dict.fromkeys(format_persen(v) for v in [hs.capaian] + dihitung[1:]
                                        if not isinstance(v, TakTerhitung)))
        temuan.append(warning(
            f"{CHAPTER_KEY}.persen-narasi", CHAPTER_KEY, path,
            f"Analisis {hs.sasaran.sebut()} menyebut capaian {s.kutipan}, yang tidak sama dengan "
            f"capaian terhitung ({benar}); perbaiki teksnya",
            stated=nilai, computed=terdekat(nilai, dihitung)))
    return temuan


def _narasi_akuntabilitas(data: Mapping) -> list[tuple[Path, str, str]]:
    """(path, text, what it is) of every BAB III narrative in which the fiscal year is meant."""
    isi = tabel(data, CHAPTER_KEY)
    out = []
    for path, row in baris(data, CHAPTER_KEY, "analisis"):
        kode = teks(row.get("sasaran")) or "?"
        for kunci in ("teks", "iku"):
            if teks(row.get(kunci)):
                out.append(((*path, kunci), row[kunci], f"Analisis sasaran {kode}"))
    for kunci, label in (("evaluasi_pengantar", "Pengantar evaluasi (3.2.1)"),
                         ("capaian_judul", "Judul Tabel 3.2"),
                         ("efisiensi_pengantar", "Pengantar efisiensi (3.2.4)"),
                         ("efisiensi_teks", "Teks efisiensi (3.2.4)"),
                         ("program_pendukung", "Analisis program pendukung (3.2.5)")):
        if teks(isi.get(kunci)):
            out.append(((CHAPTER_KEY, kunci), isi[kunci], label))
    return out


def _narasi_penutup(data: Mapping) -> list[tuple[Path, str, str]]:
    isi = tabel(data, PENUTUP)
    out = []
    for kunci in ("teks", "langkah_pengantar"):
        if teks(isi.get(kunci)):
            out.append(((PENUTUP, kunci), isi[kunci], "Penutup"))
    langkah = isi.get("langkah")
    if isinstance(langkah, list):
        for i, butir in enumerate(langkah):
            if teks(butir):
                out.append(((PENUTUP, "langkah", i), butir, f"Langkah ke-{i + 1} penutup"))
    return out


def _tahun_dalam(bab: str, bagian: list[tuple[Path, str, str]], tahun: int) -> list[Finding]:
    temuan = []
    for path, isi, label in bagian:
        for s in narasi.tahun_keliru(isi, tahun):
            temuan.append(warning(
                f"{bab}.tahun-narasi", bab, path,
                f"{label} menyebut \"{s.kutipan}\", padahal laporan ini untuk tahun anggaran "
                f"{tahun}; tulis \"Tahun {tahun}\" bila tahun ini yang dimaksud, atau sebut "
                "pembandingnya (mis. \"dibandingkan Tahun ...\")", stated=s.nilai, computed=tahun))
    return temuan


def periksa_tahun_bab_iii(data: Mapping, tahun: int) -> list[Finding]:
    return _tahun_dalam(CHAPTER_KEY, _narasi_akuntabilitas(data), tahun)


def periksa_tahun_penutup(data: Mapping, tahun: int) -> list[Finding]:
    return _tahun_dalam(PENUTUP, _narasi_penutup(data), tahun)
