"""The checks of BAB III and BAB IV: missing and unknown realisasi, the rating scale, capaian
that cannot be computed, and narratives or stated figures that the computed numbers contradict.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from lakip_tui.angka import format_desimal, format_persen, parse_desimal
from lakip_tui.errors import AngkaError
from lakip_tui.findings import Finding, error, info, warning
from lakip_tui.kinerja import Hasil, TakTerhitung, periksa_skala
from lakip_tui.paths import Path

from . import narasi
from .data import (
    BAB,
    PENUTUP,
    PK,
    baris,
    daftar_realisasi,
    daftar_sasaran,
    tabel,
    teks,
)
from .hitung import Evaluasi, HasilSasaran, evaluasi

# Every finding code this plugin raises (documented in docs/chapters.md).
KODE_TEMUAN = tuple(f"{BAB}.{k}" for k in (
    "bagian-kosong", "pk-tidak-ada", "realisasi-tanpa-indikator", "indikator-tidak-dikenal",
    "realisasi-ganda", "realisasi-kosong", "capaian-tak-terhitung", "capaian-tertulis",
    "skala-bawaan", "skala", "analisis-sasaran-tidak-dikenal", "peringkat-narasi",
    "persen-narasi", "efisiensi-tak-terhitung", "efisiensi-tertulis", "persen-efisiensi",
    "tahun-narasi",
)) + (f"{PENUTUP}.teks-kosong", f"{PENUTUP}.tahun-narasi")


def periksa(data: Mapping, tahun: int | None) -> list[Finding]:
    temuan: list[Finding] = []
    if isinstance(data.get(BAB), dict):
        hasil = evaluasi(data)
        temuan += _realisasi(data, hasil)
        temuan += _capaian_tertulis(hasil)
        temuan += _skala(data)
        temuan += _analisis(data, hasil)
        temuan += _efisiensi(data, hasil)
        if tahun is not None:
            temuan += _tahun_narasi(data, tahun)
    else:
        temuan.append(error(f"{BAB}.bagian-kosong", BAB, (BAB,),
                            "Bagian [akuntabilitas] belum ada: realisasi, capaian dan analisis "
                            "BAB III belum diisi"))
    temuan += periksa_penutup(data, tahun)
    return temuan


# --- realisasi and capaian -----------------------------------------------------------------


def _realisasi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    if not isinstance(data.get(PK), dict):
        return [info(f"{BAB}.pk-tidak-ada", BAB, (PK,),
                     "Bagian [perjanjian_kinerja] tidak ada: realisasi tidak dapat dicocokkan "
                     "dengan indikator, capaian BAB III tidak dapat dihitung")]
    temuan = []
    per_kode = hasil.per_kode()
    terlihat: set[str] = set()
    for r in daftar_realisasi(data):
        if not r.indikator:
            temuan.append(error(f"{BAB}.realisasi-tanpa-indikator", BAB, (*r.path, "indikator"),
                                "Baris realisasi belum menyebut kode indikator"))
        elif r.indikator not in per_kode:
            temuan.append(error(f"{BAB}.indikator-tidak-dikenal", BAB, (*r.path, "indikator"),
                                f"Realisasi untuk indikator {r.indikator}, yang tidak ada di "
                                "Perjanjian Kinerja (BAB II); periksa kodenya"))
        elif r.indikator in terlihat:
            temuan.append(error(f"{BAB}.realisasi-ganda", BAB, (*r.path, "indikator"),
                                f"Realisasi indikator {r.indikator} dicatat lebih dari sekali; "
                                "hanya yang pertama dipakai"))
        terlihat.add(r.indikator)
    for s in hasil.sasaran:
        for h in s.indikator:
            ind = h.indikator
            if h.realisasi is None or h.nilai is None:
                path = (*h.realisasi.path, "nilai") if h.realisasi else (BAB, "realisasi")
                temuan.append(warning(f"{BAB}.realisasi-kosong", BAB, path,
                                      f"Realisasi {ind.sebut()} ({s.sasaran.sebut()}) belum "
                                      "diisi: capaiannya belum dapat dihitung"))
            elif isinstance(h.capaian, TakTerhitung):
                temuan.append(error(f"{BAB}.capaian-tak-terhitung", BAB, _path_sebab(h),
                                    f"Capaian {ind.sebut()} ({s.sasaran.sebut()}) tidak dapat "
                                    f"dihitung: {h.capaian.alasan}"))
    return temuan


def _path_sebab(h) -> Path:
    """The field that stops the computation, read from the reason kinerja gives."""
    alasan = h.capaian.alasan
    for kunci in ("target", "polaritas", "jenis"):
        if alasan.startswith(kunci):
            return (*h.indikator.path, kunci)
    if alasan.startswith("realisasi"):
        return (*h.realisasi.path, "nilai")
    return (*h.indikator.path, "urutan")  # the qualitative scale itself is faulty


def _capaian_tertulis(hasil: Evaluasi) -> list[Finding]:
    """A stated capaian (Tabel 3.2 as printed in an older report) against the computed one."""
    temuan = []
    for s in hasil.sasaran:
        for h in s.indikator:
            if h.realisasi is None or "capaian_tertulis" not in h.realisasi.isi:
                continue
            tertulis = h.realisasi.isi["capaian_tertulis"]
            path = (*h.realisasi.path, "capaian_tertulis")
            terbaca = _baca_persen(tertulis)
            if isinstance(h.capaian, TakTerhitung):
                temuan.append(warning(f"{BAB}.capaian-tertulis", BAB, path,
                                      f"Capaian tertulis {h.indikator.sebut()} ({teks(tertulis)}) "
                                      f"tidak dapat diperiksa: {h.capaian.alasan}"))
            elif terbaca is None:
                temuan.append(warning(f"{BAB}.capaian-tertulis", BAB, path,
                                      f"Capaian tertulis {h.indikator.sebut()} ({tertulis!r}) bukan "
                                      f"persentase; capaian terhitung {format_persen(h.capaian)}"))
            elif not _cocok(terbaca[0], terbaca[1], [h.capaian]):
                temuan.append(warning(f"{BAB}.capaian-tertulis", BAB, path,
                                      f"Capaian tertulis {h.indikator.sebut()} {teks(tertulis)} "
                                      f"berbeda dengan capaian terhitung {format_persen(h.capaian)}; "
                                      "laporan mencetak yang terhitung"))
    return temuan


def _baca_persen(nilai: Any) -> tuple[float, int] | None:
    """A stated percentage and its decimals: 98.82, "98,82%", "100%"."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, (int, float)):
        return _baca_desimal(nilai)
    temuan = narasi.semua_persen(teks(nilai) if "%" in teks(nilai) else f"{teks(nilai)}%")
    if len(temuan) != 1:
        return None
    return temuan[0].nilai


# --- Tabel 3.1 -----------------------------------------------------------------------------


def _skala(data: Mapping) -> list[Finding]:
    """One finding per problem kinerja.periksa_skala names, at the row (and bound) concerned."""
    rows = tabel(data, BAB).get("skala")
    if rows is None:
        return [info(f"{BAB}.skala-bawaan", BAB, (BAB, "skala"),
                     "Tabel 3.1 skala peringkat tidak diisi; dipakai skala baku "
                     "(Sangat Tinggi >= 91, Tinggi >= 76, Sedang >= 66, Rendah >= 51)")]
    if not isinstance(rows, list):
        return [error(f"{BAB}.skala", BAB, (BAB, "skala"),
                      "akuntabilitas.skala harus berupa daftar [[akuntabilitas.skala]]")]
    nama_ke_baris = {}
    for i, row in enumerate(rows):
        if isinstance(row, dict):
            nama_ke_baris.setdefault(teks(row.get("nama")).casefold(), i)
    temuan = []
    for masalah in periksa_skala(rows):
        temuan.append(warning(f"{BAB}.skala", BAB, _path_masalah_skala(masalah, nama_ke_baris),
                              f"Tabel 3.1: {masalah}"))
    return temuan


_BARIS_KE = re.compile(r"^Baris (\d+)")
_NAMA = re.compile(r"'([^']+)'")


def _path_masalah_skala(masalah: str, nama_ke_baris: dict[str, int]) -> Path:
    nomor = _BARIS_KE.match(masalah)
    if nomor:
        return (BAB, "skala", int(nomor.group(1)) - 1)
    nama = [n for n in _NAMA.findall(masalah) if n.casefold() in nama_ke_baris]
    if not nama:
        return (BAB, "skala")
    if "dipakai lebih dari sekali" in masalah:
        return (BAB, "skala")  # both rows carry the name; the first would mislead
    baris_ke = nama_ke_baris[nama[0].casefold()]
    if "batas bawah" in masalah and "terendah" in masalah or "batas bawah yang sama" in masalah:
        kunci = "min"
    elif "harus angka" in masalah:
        kunci = "min" if "batas min" in masalah else "max"
    else:  # gaps, overlaps and a ceiling on the top tier are all fixed at the lower tier's max
        kunci = "max"
    return (BAB, "skala", baris_ke, kunci)


# --- analyses ------------------------------------------------------------------------------


def _analisis(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    per_sasaran = {s.sasaran.kode: s for s in hasil.sasaran if s.sasaran.kode}
    nama_peringkat = [t.nama for t in hasil.skala]
    temuan = []
    for path, row in baris(data, BAB, "analisis"):
        kode = teks(row.get("sasaran"))
        hs = per_sasaran.get(kode)
        if hs is None:
            if isinstance(data.get(PK), dict):
                temuan.append(error(f"{BAB}.analisis-sasaran-tidak-dikenal", BAB,
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
                f"{BAB}.peringkat-narasi", BAB, path,
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
        if _cocok(nilai, desimal, dihitung + lain):
            continue
        benar = ", ".join(dict.fromkeys(format_persen(v) for v in [hs.capaian] + dihitung[1:]
                                        if not isinstance(v, TakTerhitung)))
        temuan.append(warning(
            f"{BAB}.persen-narasi", BAB, path,
            f"Analisis {hs.sasaran.sebut()} menyebut capaian {s.kutipan}, yang tidak sama dengan "
            f"capaian terhitung ({benar}); perbaiki teksnya"))
    return temuan


def _cocok(nilai: float, desimal: int, pembanding: Iterable[float]) -> bool:
    """Equal at the precision the text wrote it ("98,8%" matches 98,8235...)."""
    tertulis = format_persen(nilai, desimal)
    return any(format_persen(v, desimal) == tertulis for v in pembanding)


# --- efisiensi -----------------------------------------------------------------------------


def _efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    isi = tabel(data, BAB)
    path = (BAB, "efisiensi_tertulis")
    tertulis = isi.get("efisiensi_tertulis")
    dihitung = hasil.efisiensi
    if isinstance(dihitung, TakTerhitung):
        pesan = f"Efisiensi (3.2.4) tidak dapat dihitung: {dihitung.alasan}"
        if tertulis is None:
            return [info(f"{BAB}.efisiensi-tak-terhitung", BAB, (BAB,), pesan)]
        return [warning(f"{BAB}.efisiensi-tak-terhitung", BAB, path,
                        f"{pesan}; efisiensi tertulis {teks(tertulis)!r} tidak dapat diperiksa")]
    temuan = _persen_efisiensi(data, hasil)
    if tertulis is None:
        return temuan
    terbaca = _baca_desimal(tertulis)
    if terbaca is None:
        return temuan + [warning(f"{BAB}.efisiensi-tertulis", BAB, path,
                                 f"Efisiensi tertulis {tertulis!r} bukan angka; efisiensi "
                                 f"terhitung {format_desimal(dihitung)}")]
    nilai, desimal = terbaca
    if format_desimal(nilai, desimal) == format_desimal(dihitung, desimal):
        return temuan
    return temuan + [warning(f"{BAB}.efisiensi-tertulis", BAB, path,
                    f"Efisiensi tertulis {format_desimal(nilai, desimal)} berbeda dengan efisiensi "
                    f"terhitung {format_desimal(dihitung, max(desimal, 2))} (1 - "
                    f"{format_persen(hasil.persen_anggaran)} / {format_persen(hasil.capaian)}); "
                    "laporan mencetak yang terhitung")]


def _persen_efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    """The efisiensi text quotes the two inputs; each quoted percentage must be one of them."""
    dihitung = [v for v in (hasil.persen_anggaran, hasil.capaian) if not isinstance(v, TakTerhitung)]
    if len(dihitung) < 2:
        return []
    isi = tabel(data, BAB)
    temuan = []
    for kunci in ("efisiensi_teks", "efisiensi_rumus_tertulis"):
        for s in narasi.semua_persen(teks(isi.get(kunci))):
            nilai, desimal = s.nilai
            if not _cocok(nilai, desimal, dihitung):
                temuan.append(warning(
                    f"{BAB}.persen-efisiensi", BAB, (BAB, kunci),
                    f"Teks efisiensi menyebut {s.kutipan}, padahal realisasi anggaran terhitung "
                    f"{format_persen(hasil.persen_anggaran)} dan rata-rata capaian kinerja "
                    f"{format_persen(hasil.capaian)}"))
    return temuan


def _baca_desimal(nilai: Any) -> tuple[float, int] | None:
    """A stated number and the decimals it was written with: 0.16, "0,16", or "0.16"."""
    if isinstance(nilai, bool):
        return None
    if isinstance(nilai, (int, float)):
        tulisan = repr(float(nilai)).rstrip("0").rstrip(".")
        return float(nilai), len(tulisan.partition(".")[2])
    if not isinstance(nilai, str):
        return None
    text = nilai.strip()
    try:
        hasil = parse_desimal(text)
        if hasil is not None:
            return hasil, len(text.partition(",")[2])
    except AngkaError:
        pass
    if re.fullmatch(r"-?\d+\.\d+", text):  # "0.16" as printed in the seed
        return float(text), len(text.partition(".")[2])
    return None


# --- years in narratives -------------------------------------------------------------------


def _narasi_akuntabilitas(data: Mapping) -> list[tuple[Path, str, str]]:
    """(path, text, what it is) of every BAB III narrative in which the fiscal year is meant."""
    isi = tabel(data, BAB)
    out = []
    for path, row in baris(data, BAB, "analisis"):
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
            out.append(((BAB, kunci), isi[kunci], label))
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
                "pembandingnya (mis. \"dibandingkan Tahun ...\")"))
    return temuan


def _tahun_narasi(data: Mapping, tahun: int) -> list[Finding]:
    return _tahun_dalam(BAB, _narasi_akuntabilitas(data), tahun)


# --- BAB IV --------------------------------------------------------------------------------


def periksa_penutup(data: Mapping, tahun: int | None) -> list[Finding]:
    isi = tabel(data, PENUTUP)
    temuan = []
    if not teks(isi.get("teks")):
        temuan.append(warning(f"{PENUTUP}.teks-kosong", PENUTUP, (PENUTUP, "teks"),
                              "BAB IV Penutup belum diisi"))
    if tahun is not None:
        temuan += _tahun_dalam(PENUTUP, _narasi_penutup(data), tahun)
    return temuan
