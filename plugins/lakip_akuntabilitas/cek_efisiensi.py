"""3.2.4 efisiensi: a stated result, or percentages quoted in its text, against the computed
efisiensi and its two inputs; and a note when it cannot be computed at all."""

from __future__ import annotations

from typing import Mapping

from lakip_tui.angka import format_desimal, format_persen
from lakip_tui.findings import Finding, info, warning
from lakip_tui.kinerja import TakTerhitung

from . import narasi
from .data import BAB, tabel, teks
from .hitung import Evaluasi
from .tertulis import baca_desimal, cocok_desimal, cocok_persen


def periksa_efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
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
    terbaca = baca_desimal(tertulis)
    if terbaca is None:
        return temuan + [warning(f"{BAB}.efisiensi-tertulis", BAB, path,
                                 f"Efisiensi tertulis {tertulis!r} bukan angka; efisiensi "
                                 f"terhitung {format_desimal(dihitung)}")]
    nilai, desimal = terbaca
    if cocok_desimal(nilai, desimal, dihitung):
        return temuan
    return temuan + [warning(
        f"{BAB}.efisiensi-tertulis", BAB, path,
        f"Efisiensi tertulis {format_desimal(nilai, desimal)} berbeda dengan efisiensi terhitung "
        f"{format_desimal(dihitung, max(desimal, 2))} (1 - {format_persen(hasil.persen_anggaran)}"
        f" / {format_persen(hasil.capaian)}); laporan mencetak yang terhitung")]


def _persen_efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    """The efisiensi text quotes the two inputs; each quoted percentage must be one of them."""
    dihitung = [v for v in (hasil.persen_anggaran, hasil.capaian)
                if not isinstance(v, TakTerhitung)]
    if len(dihitung) < 2:
        return []
    isi = tabel(data, BAB)
    temuan = []
    for kunci in ("efisiensi_teks", "efisiensi_rumus_tertulis"):
        for s in narasi.semua_persen(teks(isi.get(kunci))):
            nilai, desimal = s.nilai
            if not cocok_persen(nilai, desimal, dihitung):
                temuan.append(warning(
                    f"{BAB}.persen-efisiensi", BAB, (BAB, kunci),
                    f"Teks efisiensi menyebut {s.kutipan}, padahal realisasi anggaran terhitung "
                    f"{format_persen(hasil.persen_anggaran)} dan rata-rata capaian kinerja "
                    f"{format_persen(hasil.capaian)}"))
    return temuan
