"""Amounts: whole, non-negative Rupiah, stored only on sub kegiatan, realisasi within pagu."""

from __future__ import annotations

from lakip_tui.api import format_rupiah
from lakip_tui.api import Finding, error, warning

from .baris import CHAPTER_KEY, Baris, telusuri

JUMLAH = ("pagu", "realisasi")


def periksa(data: dict) -> list[Finding]:
    temuan: list[Finding] = []
    for baris in telusuri(data):
        if baris.tingkat != "sub":
            temuan.extend(_bukan_di_sub(baris))
            continue
        sah = {kunci: _nilai(baris, kunci, temuan) for kunci in JUMLAH}
        temuan.extend(_banding(baris, sah["pagu"], sah["realisasi"]))
    return temuan


def _nilai(baris: Baris, kunci: str, temuan: list[Finding]) -> int | None:
    """The amount if it is usable whole Rupiah; otherwise a finding and None."""
    nilai = baris.data.get(kunci)
    if nilai is None:
        return None
    path = (*baris.path, kunci)
    if isinstance(nilai, bool) or not isinstance(nilai, int):
        temuan.append(error(
            "anggaran.rupiah-tidak-valid", CHAPTER_KEY, path,
            f"{baris.sebut()}: {kunci} harus bilangan bulat Rupiah tanpa titik atau desimal, "
            f"misalnya {kunci} = 3190068739 (tertulis: {nilai!r})"))
        return None
    if nilai < 0:
        temuan.append(error(
            "anggaran.rupiah-negatif", CHAPTER_KEY, path,
            f"{baris.sebut()}: {kunci} tidak boleh negatif ({format_rupiah(nilai, prefix=True)})"))
        return None
    return nilai


def _banding(baris: Baris, pagu: int | None, realisasi: int | None) -> list[Finding]:
    data = baris.data
    if realisasi is not None and realisasi > 0 and not pagu and "pagu" not in _tak_sah(data):
        keadaan = "belum diisi" if data.get("pagu") is None else "0"
        return [error(
            "anggaran.realisasi-tanpa-pagu", CHAPTER_KEY, (*baris.path, "pagu"),
            f"{baris.sebut()}: ada realisasi {format_rupiah(realisasi, prefix=True)} "
            f"tetapi pagu {keadaan}; isi pagu sesuai DPA")]
    if realisasi is not None and pagu is not None and realisasi > pagu:
        return [error(
            "anggaran.realisasi-melebihi-pagu", CHAPTER_KEY, (*baris.path, "realisasi"),
            f"{baris.sebut()}: realisasi {format_rupiah(realisasi, prefix=True)} melebihi "
            f"pagu {format_rupiah(pagu, prefix=True)}", stated=realisasi, computed=pagu)]
    if pagu and data.get("realisasi") is None:
        return [warning(
            "anggaran.realisasi-kosong", CHAPTER_KEY, (*baris.path, "realisasi"),
            f"{baris.sebut()}: pagu {format_rupiah(pagu, prefix=True)} sudah diisi tetapi "
            f"realisasi belum; isi realisasi (0 bila tidak ada belanja)")]
    return []


def _tak_sah(data: dict) -> set[str]:
    """Amount keys present but unusable (already reported), so they are not judged twice."""
    return {k for k in JUMLAH if data.get(k) is not None
            and (isinstance(data[k], bool) or not isinstance(data[k], int) or data[k] < 0)}


def _bukan_di_sub(baris: Baris) -> list[Finding]:
    """Pagu on a program or kegiatan would be ignored: totals are always computed."""
    return [
        warning(
            "anggaran.rupiah-bukan-di-sub", CHAPTER_KEY, (*baris.path, kunci),
            f"{baris.sebut()}: {kunci} hanya diisi pada sub kegiatan; jumlah {baris.tingkat} "
            f"dihitung dari sub kegiatannya. Bila ini angka yang tercetak di dokumen lama, "
            f"ganti namanya menjadi {kunci}_tertulis")
        for kunci in JUMLAH if kunci in baris.data
    ]
