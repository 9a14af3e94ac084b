"""Signing blocks from [meta], the report-wide data the core owns: the head of the agency (under
the kata pengantar, at the end of the report, as pihak pertama of the Perjanjian Kinerja) and
the kepala daerah (pihak kedua)."""

from __future__ import annotations

from typing import Any

from .baca import tabel, teks
from .dokumen import Signature


def _nip(nilai: Any) -> str:
    if isinstance(nilai, (str, int)) and not isinstance(nilai, bool):
        return str(nilai).strip()
    return ""


def kepala(meta: Any, tempat_tanggal: str | None = None) -> Signature | None:
    """The head of the agency's signing block; None without a name to sign."""
    meta = meta if isinstance(meta, dict) else {}
    orang = tabel(meta, "kepala")
    if not teks(orang.get("nama")):
        return None
    jabatan = teks(orang.get("jabatan")) or f"Kepala {teks(meta.get('instansi'))}".strip()
    return Signature(
        tempat_tanggal=teks(meta.get("tempat_tanggal")) if tempat_tanggal is None
        else tempat_tanggal,
        jabatan=jabatan, nama=teks(orang.get("nama")), pangkat=teks(orang.get("pangkat")),
        nip=_nip(orang.get("nip")))


KOSONG = "(.................................)"  # a name to be written in by hand


def jabatan_kepala_daerah(meta: Any) -> str:
    """"WALI KOTA BINJAI" from "Pemerintah Kota Binjai" (BUPATI, GUBERNUR likewise)."""
    pemda = teks(meta.get("pemda") if isinstance(meta, dict) else "")
    nama = pemda.removeprefix("Pemerintah").strip()
    for awal, jabatan in (("Kota", "WALI KOTA"), ("Kabupaten", "BUPATI"),
                          ("Provinsi", "GUBERNUR")):
        if nama.lower().startswith(awal.lower()):
            return f"{jabatan} {nama[len(awal):].strip().upper()}".strip()
    return "KEPALA DAERAH"


def kepala_daerah(meta: Any) -> Signature:
    """The kepala daerah ([meta] kepala_daerah = { jabatan, nama }); without a name the block
    leaves a line to write it in by hand, and the jabatan comes from [meta] pemda."""
    meta = meta if isinstance(meta, dict) else {}
    orang = tabel(meta, "kepala_daerah")
    return Signature(tempat_tanggal="",
                     jabatan=teks(orang.get("jabatan")) or jabatan_kepala_daerah(meta),
                     nama=teks(orang.get("nama")) or KOSONG, pangkat=teks(orang.get("pangkat")),
                     nip=_nip(orang.get("nip")))
