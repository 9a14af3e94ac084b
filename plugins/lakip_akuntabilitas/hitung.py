"""Every number BAB III prints, computed once from the data by lakip_tui.kinerja.

Nothing is stored or rounded here; laporan.py formats, validasi.py compares.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from lakip_tui.api import LakipError
from lakip_tui.api import (
    KEBIJAKAN_BAKU,
    SKALA_BAKU,
    Hasil,
    KebijakanCapaian,
    Peringkat,
    TakTerhitung,
    capaian,
    capaian_kualitatif,
    capaian_sesuai_target,
    efisiensi,
    kebijakan_dari_data,
    peringkat,
    rata_rata,
    rekap_total,
    skala_dari_data,
)

from .data import CHAPTER_KEY, Indikator, Realisasi, Sasaran, daftar_sasaran, realisasi_per_kode, tabel


# The file's capping policy (docs/format.md): keys of [akuntabilitas].
KUNCI_BATAS_ATAS = "batas_atas_capaian"
KUNCI_NEGATIF_NOL = "capaian_negatif_nol"


def kebijakan(data: Mapping) -> tuple[KebijakanCapaian, list[str]]:
    """The capping policy written in the file, and what is wrong in it."""
    isi = tabel(data, CHAPTER_KEY)
    return kebijakan_dari_data(isi.get(KUNCI_BATAS_ATAS), isi.get(KUNCI_NEGATIF_NOL))


def capaian_terhadap(ind: Indikator, target: Any, realisasi: Any,
                     aturan: KebijakanCapaian = KEBIJAKAN_BAKU) -> Hasil:
    """Capaian of one indicator against `target`, by its jenis (and polaritas), bounded by
    the file's policy."""
    return aturan.terapkan(capaian_mentah(ind, target, realisasi))


def capaian_mentah(ind: Indikator, target: Any, realisasi: Any) -> Hasil:
    """Capaian as the formula gives it, before the file's policy bounds it."""
    if realisasi is None:
        return TakTerhitung("realisasi belum diisi")
    if ind.jenis == "kualitatif":
        return capaian_kualitatif(target, realisasi, ind.urutan)
    if ind.jenis == "sesuai_target":
        return capaian_sesuai_target(target, realisasi)
    if ind.jenis != "kuantitatif":
        return TakTerhitung(f"jenis indikator tidak dikenal: {ind.jenis!r}")
    return capaian(target, realisasi, ind.polaritas)


@dataclass(frozen=True)
class HasilIndikator:
    indikator: Indikator
    realisasi: Realisasi | None
    capaian: Hasil  # bounded by the file's policy: what is averaged, rated and printed
    peringkat: str | TakTerhitung
    capaian_mentah: Hasil = None  # before the policy; differs only where the policy bit

    @property
    def dibatasi(self) -> bool:
        return not isinstance(self.capaian_mentah, TakTerhitung) and \
            self.capaian_mentah is not None and self.capaian_mentah != self.capaian

    @property
    def nilai(self) -> Any:
        return self.realisasi.nilai if self.realisasi is not None else None


@dataclass(frozen=True)
class HasilSasaran:
    sasaran: Sasaran
    indikator: tuple[HasilIndikator, ...]
    capaian: Hasil  # mean of its indicators
    peringkat: str | TakTerhitung


@dataclass(frozen=True)
class Evaluasi:
    sasaran: tuple[HasilSasaran, ...]
    capaian: Hasil  # mean over every indicator of every sasaran (the seed's 99,41%)
    skala: tuple[Peringkat, ...]
    skala_berkas: bool  # False when the file's scale is missing or unreadable
    persen_anggaran: Hasil
    efisiensi: Hasil
    kebijakan: KebijakanCapaian = KEBIJAKAN_BAKU

    def per_kode(self) -> dict[str, HasilIndikator]:
        return {h.indikator.kode: h for s in self.sasaran for h in s.indikator if h.indikator.kode}


def skala(data: Mapping) -> tuple[tuple[Peringkat, ...], bool]:
    """The file's Tabel 3.1 as a rating scale, or SKALA_BAKU when it has none usable."""
    rows = [r for r in tabel(data, CHAPTER_KEY).get("skala") or [] if isinstance(r, dict)] \
        if isinstance(tabel(data, CHAPTER_KEY).get("skala"), list) else []
    if not rows:
        return SKALA_BAKU, False
    try:
        hasil = skala_dari_data(rows)
    except LakipError:
        return SKALA_BAKU, False
    if not any(t.nama for t in hasil):
        return SKALA_BAKU, False
    return hasil, True


def persen_anggaran(data: Mapping) -> Hasil:
    """Total budget realisation in percent, from [anggaran]; absent data is not an error here."""
    anggaran = data.get("anggaran")
    if not isinstance(anggaran, dict):
        return TakTerhitung("data anggaran tidak ada")
    program = anggaran.get("program")
    if not isinstance(program, list) or not program:
        return TakTerhitung("data anggaran belum berisi program")
    try:
        return rekap_total([p for p in program if isinstance(p, dict)]).persen
    except (LakipError, TypeError, AttributeError, ValueError) as exc:
        return TakTerhitung(f"data anggaran tidak valid ({exc})")


def evaluasi(data: Mapping) -> Evaluasi:
    tingkat, dari_berkas = skala(data)
    aturan, _masalah = kebijakan(data)
    realisasi = realisasi_per_kode(data)
    hasil_sasaran = []
    for s in daftar_sasaran(data):
        hasil_ind = []
        for ind in s.indikator:
            r = realisasi.get(ind.kode) if ind.kode else None
            mentah = capaian_mentah(ind, ind.target, r.nilai if r else None)
            nilai = aturan.terapkan(mentah)
            hasil_ind.append(HasilIndikator(ind, r, nilai, peringkat(nilai, tingkat), mentah))
        rata = rata_rata(h.capaian for h in hasil_ind)
        hasil_sasaran.append(HasilSasaran(s, tuple(hasil_ind), rata, peringkat(rata, tingkat)))
    semua = rata_rata(h.capaian for s in hasil_sasaran for h in s.indikator)
    anggaran = persen_anggaran(data)
    return Evaluasi(tuple(hasil_sasaran), semua, tingkat, dari_berkas, anggaran,
                    efisiensi(anggaran, semua), aturan)
