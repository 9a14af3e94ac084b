"""All checks of the [anggaran] section, in the order a planner would fix them.

Each check module reads plain data and returns findings; none raises on malformed data (the
structure check reports what the others skip).
"""

from __future__ import annotations

from lakip_tui.api import Finding

from . import cek_kode, cek_ringkasan, cek_rupiah, cek_struktur, cek_tertulis

PEMERIKSA = (cek_struktur, cek_kode, cek_rupiah, cek_tertulis, cek_ringkasan)

# Every finding code this chapter can produce (documented in docs/chapters.md).
KODE_TEMUAN = (
    "anggaran.kosong",
    "anggaran.struktur",
    "anggaran.kode-tidak-valid",
    "anggaran.kode-induk-tidak-cocok",
    "anggaran.kode-ganda",
    "anggaran.rupiah-tidak-valid",
    "anggaran.rupiah-negatif",
    "anggaran.rupiah-bukan-di-sub",
    "anggaran.realisasi-melebihi-pagu",
    "anggaran.realisasi-tanpa-pagu",
    "anggaran.realisasi-kosong",
    "anggaran.tertulis-berbeda",
    "anggaran.tertulis-div0",
    "anggaran.tertulis-tidak-terbaca",
    "anggaran.ringkasan-tidak-dikenal",
    "anggaran.ringkasan-nama-berbeda",
    "anggaran.ringkasan-ganda",
    "anggaran.ringkasan-berbeda",
    "anggaran.ringkasan-program-hilang",
    "anggaran.ringkasan-nomor",
)


def periksa(data: dict) -> list[Finding]:
    if not isinstance(data.get("anggaran"), (dict, type(None))):
        return cek_struktur.periksa(data)
    temuan: list[Finding] = []
    for pemeriksa in PEMERIKSA:
        temuan.extend(pemeriksa.periksa(data))
    return temuan
