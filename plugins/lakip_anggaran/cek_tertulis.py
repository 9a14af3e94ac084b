"""Stated figures (`pagu_tertulis`, `realisasi_tertulis`, `persen_tertulis`) against the
computed roll-up, on the urusan total, every program and kegiatan, and every sub's percentage."""

from __future__ import annotations

from typing import Iterator

from lakip_tui.api import kinerja
from lakip_tui.api import Finding, warning
from lakip_tui.api import Path

from .baris import CHAPTER_KEY, sebut
from .hitung import AnggaranTakTerbaca, bagian_anggaran, daftar_program, pohon, pohon_program
from .tertulis import Selisih, banding_persen, banding_rupiah

LABEL_KUNCI = {
    "pagu_tertulis": "Pagu",
    "realisasi_tertulis": "Realisasi",
    "persen_tertulis": "Persentase realisasi",
}
KUNCI_SUB = ("persen_tertulis",)


def periksa(data: dict) -> list[Finding]:
    temuan: list[Finding] = []
    temuan.extend(_periksa_urusan(data))
    for i, program in enumerate(daftar_program(data)):
        rekap = pohon_program(program)
        if rekap is None:
            continue  # amounts that cannot be summed are reported by the Rupiah check
        path = (CHAPTER_KEY, "program", i)
        temuan.extend(_banding_baris("program", program, path, rekap.rekap))
        for j, kegiatan in enumerate(rekap.kegiatan):
            path_kegiatan = (*path, "kegiatan", j)
            temuan.extend(_banding_baris("kegiatan", kegiatan.data, path_kegiatan,
                                         kegiatan.rekap))
            for k, sub in enumerate(kegiatan.sub):
                temuan.extend(_banding_baris("sub", sub.data, (*path_kegiatan, "sub", k),
                                             sub.rekap, KUNCI_SUB))
    return temuan


def _periksa_urusan(data: dict) -> list[Finding]:
    """The urusan row / TOTAL of Tabel 3.7, stated on [anggaran] or on its urusan table."""
    anggaran = bagian_anggaran(data)
    urusan = anggaran.get("urusan") if isinstance(anggaran.get("urusan"), dict) else {}
    if not any(k in tempat for tempat in (anggaran, urusan) for k in LABEL_KUNCI):
        return []
    try:
        total = pohon(data).rekap
    except AnggaranTakTerbaca:
        return []
    nama = sebut("urusan", urusan) if urusan else "Total anggaran"
    return [
        *_banding_nilai(nama, anggaran, (CHAPTER_KEY,), total),
        *_banding_nilai(nama, urusan, (CHAPTER_KEY, "urusan"), total),
    ]


def _banding_baris(tingkat: str, row: dict, path: Path, rekap: kinerja.Rekap,
                   kunci=tuple(LABEL_KUNCI)) -> list[Finding]:
    if not any(key in row for key in kunci):  # most rows state nothing: no name to make
        return []
    return list(_banding_nilai(sebut(tingkat, row), row, path, rekap, kunci))


def _banding_nilai(nama: str, row: dict, path: Path, rekap: kinerja.Rekap,
                   kunci=tuple(LABEL_KUNCI)) -> Iterator[Finding]:
    dihitung = {"pagu_tertulis": rekap.pagu, "realisasi_tertulis": rekap.realisasi}
    for key in kunci:
        if key not in row:
            continue
        label = LABEL_KUNCI[key]
        if key == "persen_tertulis":
            selisih = banding_persen(row[key], rekap.persen, label)
        else:
            selisih = banding_rupiah(row[key], dihitung[key], label)
        if selisih is not None:
            yield _temuan(selisih, nama, (*path, key))


def _temuan(selisih: Selisih, nama: str, path: Path) -> Finding:
    saran = {
        "berbeda": "; laporan mencetak hasil hitung",
        "div0": "; laporan mencetak hasil hitung, bukan galat lembar kerja",
        "tidak-terbaca": "",
    }[selisih.jenis]
    return warning(f"anggaran.tertulis-{selisih.jenis}", CHAPTER_KEY, path,
                   f"{nama}: {selisih.pesan}{saran}",
                   stated=selisih.tertulis, computed=selisih.dihitung)
