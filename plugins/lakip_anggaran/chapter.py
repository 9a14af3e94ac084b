"""The chapter's identity and its editing structure (plain data; the core TUI builds the view).

Only sub kegiatan hold pagu and realisasi; on program and kegiatan rows the same columns show
totals computed from the subs, read-only, so the levels line up in one foldable table.
"""

from __future__ import annotations

from typing import Any, Callable

from lakip_tui.api import format_persen, format_rupiah
from lakip_tui.api import Bagian, Chapter, Isian, Kolom, Tabel
from lakip_tui.api import TakTerhitung

from .bawaan import BAGIAN_BAWAAN

CHAPTER_KEY = "anggaran"
JUDUL = "Realisasi Anggaran"
URUTAN = 35

_TAK_VALID = TakTerhitung("angka Rupiah di bawahnya tidak valid")


def _rupiah_dihitung(tingkat: str, kunci: str) -> Callable[[dict, Any], str]:
    def hitung(row: dict, konteks: Any) -> str:
        from .hitung import rekap_baris  # the budget math, when a total is first shown

        rekap = rekap_baris(row, tingkat)
        return format_rupiah(_TAK_VALID if rekap is None else getattr(rekap, kunci))

    return hitung


def _persen_dihitung(tingkat: str) -> Callable[[dict, Any], str]:
    def hitung(row: dict, konteks: Any) -> str:
        from .hitung import rekap_baris

        rekap = rekap_baris(row, tingkat)
        return format_persen(_TAK_VALID if rekap is None else rekap.persen)

    return hitung


def _kolom(tingkat: str) -> tuple[Kolom, ...]:
    if tingkat == "sub":
        jumlah = (
            Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=15,
                  bantuan="Pagu sub kegiatan sesuai DPA, Rupiah bulat"),
            Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=15,
                  bantuan="Realisasi belanja sub kegiatan; 0 bila tidak ada"),
        )
    else:
        jumlah = (
            Kolom("pagu", "Pagu (Rp)", "rupiah", lebar=15, hitung=_rupiah_dihitung(tingkat, "pagu"),
                  bantuan=f"Jumlah pagu sub kegiatan {tingkat} ini (dihitung)"),
            Kolom("realisasi", "Realisasi (Rp)", "rupiah", lebar=15,
                  hitung=_rupiah_dihitung(tingkat, "realisasi"),
                  bantuan=f"Jumlah realisasi sub kegiatan {tingkat} ini (dihitung)"),
        )
    return (
        Kolom("kode", "Kode", lebar=18, wajib=True,
              bantuan="Kode Kepmendagri 050-5889/2021, mis. 1.06.01.2.02.0001"),
        Kolom("nama", "Program / Kegiatan / Sub Kegiatan", lebar=40, wajib=True),
        Kolom("indikator", "Indikator", lebar=30,
              bantuan="Indikator kinerja program (outcome), kegiatan atau sub kegiatan (output)"),
        Kolom("target", "Target K", lebar=8, bantuan='Target kinerja seperti tercetak, mis. "100%"'),
        *jumlah,
        Kolom("persen", "Realisasi (%)", "persen", lebar=12, hitung=_persen_dihitung(tingkat),
              bantuan="Realisasi / pagu x 100% (dihitung)"),
    )


def _baris_baru() -> dict:
    return {"kode": "", "nama": ""}


TABEL_RINCIAN = Tabel(
    "rincian", "Tabel 3.7 Realisasi Anggaran", ("anggaran", "program"), _kolom("program"),
    anak=Tabel(
        "kegiatan", "Kegiatan", ("kegiatan",), _kolom("kegiatan"),
        anak=Tabel("sub", "Sub Kegiatan", ("sub",), _kolom("sub"), baris_baru=_baris_baru),
        baris_baru=_baris_baru,
    ),
    baris_baru=_baris_baru,
)

TABEL_RINGKASAN = Tabel(
    "ringkasan_tertulis", "Tabel 3.6 seperti tercetak (untuk pemeriksaan)",
    ("anggaran", "ringkasan_tertulis"),
    (
        Kolom("no", "No", lebar=4),
        Kolom("nama", "Nama Program", lebar=40),
        Kolom("pagu", "Pagu Anggaran", "rupiah", lebar=15),
        Kolom("realisasi", "Realisasi Anggaran", "rupiah", lebar=15),
        Kolom("persen", "% Realisasi", lebar=10, bantuan='Seperti tercetak, mis. "83,42%"'),
    ),
    baris_baru=lambda: {"no": "", "nama": ""},
)

BAGIAN = (
    Bagian("umum", "Urusan dan sumber data", (
        Isian("urusan", "Urusan", ("anggaran", "urusan"), (
            Kolom("kode", "Kode urusan", bantuan="mis. 1.06"),
            Kolom("nama", "Nama urusan", bantuan="mis. Urusan Pemerintah Bidang Sosial"),
        )),
        Isian("sumber", "Unit, judul dan sumber", ("anggaran",), (
            Kolom("target", "Target K urusan", bantuan='Seperti tercetak, mis. "100%"'),
            Kolom("unit", "Unit penanggung jawab", bantuan="mis. DINAS SOSIAL"),
            Kolom("judul", "Judul Tabel 3.7", bantuan="Kosong: Realisasi Anggaran"),
            Kolom("sumber", "Sumber Tabel 3.7"),
            Kolom("ringkasan_judul", "Judul Tabel 3.6",
                  bantuan="Kosong: Realisasi Anggaran Per Program Tahun <tahun>"),
            Kolom("ringkasan_sumber", "Sumber Tabel 3.6"),
        )),
    )),
    Bagian("rincian", "Program, kegiatan dan sub kegiatan", (TABEL_RINCIAN,)),
    Bagian("tertulis", "Angka tertulis dokumen lama", (
        Isian("total_tertulis", "Total tertulis", ("anggaran",), (
            Kolom("pagu_tertulis", "Total pagu tertulis", "rupiah"),
            Kolom("realisasi_tertulis", "Total realisasi tertulis", "rupiah"),
            Kolom("persen_tertulis", "Persentase tertulis", bantuan='mis. "83,42%"'),
        )),
        TABEL_RINGKASAN,
    )),
)

# stated figures kept for the record at every level (lakip_tui.known_keys)
_TERTULIS = ("pagu_tertulis", "realisasi_tertulis", "persen_tertulis")
EXTRA_KEYS = tuple(f"{tingkat}{k}" for tingkat in
                   ("", "program[].", "program[].kegiatan[].", "program[].kegiatan[].sub[].")
                   for k in _TERTULIS)
CHAPTER = Chapter(CHAPTER_KEY, JUDUL, URUTAN, BAGIAN_BAWAAN, BAGIAN, extra_keys=EXTRA_KEYS)
