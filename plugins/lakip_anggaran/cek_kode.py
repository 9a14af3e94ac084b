"""Codes: well formed, under their parent's code, and each used once in the whole tree."""

from __future__ import annotations

from lakip_tui.api import Finding, error
from lakip_tui.api import format_path

from . import kode as pola
from .baris import CHAPTER_KEY, LABEL, Baris, sebut, telusuri
from .hitung import bagian_anggaran


def periksa(data: dict) -> list[Finding]:
    temuan: list[Finding] = []
    kode_urusan = _periksa_urusan(bagian_anggaran(data), temuan)
    pertama: dict[str, Baris] = {}
    for baris in telusuri(data):
        if not pola.sah(baris.tingkat, baris.data.get("kode")):
            temuan.append(_tidak_valid(baris))
            continue
        induk = baris.induk.kode if baris.induk is not None else kode_urusan
        # A malformed parent is already a finding of its own; its children are not blamed.
        induk_sah = baris.induk is None or pola.sah(baris.induk.tingkat, induk)
        if induk and induk_sah and not pola.turunan_dari(baris.kode, induk):
            temuan.append(_bukan_turunan(baris, induk))
        if baris.kode in pertama:
            temuan.append(_ganda(baris, pertama[baris.kode]))
        else:
            pertama[baris.kode] = baris
    return temuan


def _periksa_urusan(anggaran: dict, temuan: list[Finding]) -> str:
    """The urusan code programs must start with; "" when none is set (it is optional)."""
    urusan = anggaran.get("urusan")
    if not isinstance(urusan, dict):
        return ""
    kode = urusan.get("kode")
    if kode is None or kode == "":
        return ""
    if pola.sah("urusan", kode):
        return kode
    temuan.append(error(
        "anggaran.kode-tidak-valid", CHAPTER_KEY, (CHAPTER_KEY, "urusan", "kode"),
        f'{sebut("urusan", urusan)}: kode "{kode}" tidak sesuai bentuk Kepmendagri '
        f'050-5889/2021 (contoh: {pola.CONTOH["urusan"]})'))
    return ""


def _tidak_valid(baris: Baris) -> Finding:
    kode = baris.data.get("kode")
    contoh = pola.CONTOH[baris.tingkat]
    if kode is None or (isinstance(kode, str) and not kode.strip()):
        masalah = f"belum diberi kode (bentuk Kepmendagri 050-5889/2021, contoh: {contoh})"
    else:
        masalah = (f"kode {kode!r} tidak sesuai bentuk Kepmendagri 050-5889/2021 "
                   f"untuk {LABEL[baris.tingkat].lower()} (contoh: {contoh})")
    return error("anggaran.kode-tidak-valid", CHAPTER_KEY, (*baris.path, "kode"),
                 f"{baris.sebut()}: {masalah}")


def _bukan_turunan(baris: Baris, kode_induk: str) -> Finding:
    induk = baris.induk.sebut() if baris.induk is not None else f"urusan {kode_induk}"
    return error("anggaran.kode-induk-tidak-cocok", CHAPTER_KEY, (*baris.path, "kode"),
                 f"{baris.sebut()}: kode tidak diawali kode induknya {kode_induk} "
                 f"({induk}); periksa kodenya atau pindahkan baris ke induk yang benar")


def _ganda(baris: Baris, pertama: Baris) -> Finding:
    return error("anggaran.kode-ganda", CHAPTER_KEY, (*baris.path, "kode"),
                 f"{baris.sebut()}: kode {baris.kode} sudah dipakai oleh {pertama.sebut()} "
                 f"({format_path(pertama.path)}); setiap kode hanya boleh dipakai sekali")
