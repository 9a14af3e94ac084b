"""3.2.4 efisiensi: a stated result, or percentages quoted in its text, against the computed
efisiensi and its two inputs; a formula whose brackets do not close, or that multiplies by 100%
while its result is written as a fraction; and a note when it cannot be computed at all."""

from __future__ import annotations

import re
from typing import Mapping

from lakip_tui.api import format_desimal, format_persen
from lakip_tui.api import Finding, info, warning
from lakip_tui.api import TakTerhitung

from . import narasi
from .data import CHAPTER_KEY, tabel, teks
from .hitung import Evaluasi
from .tertulis import baca_desimal, cocok_desimal, cocok_persen, terdekat


def periksa_efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    isi = tabel(data, CHAPTER_KEY)
    path = (CHAPTER_KEY, "efisiensi_tertulis")
    tertulis = isi.get("efisiensi_tertulis")
    dihitung = hasil.efisiensi
    if isinstance(dihitung, TakTerhitung):
        pesan = f"Efisiensi (3.2.4) tidak dapat dihitung: {dihitung.alasan}"
        if tertulis is None:
            return [info(f"{CHAPTER_KEY}.efisiensi-tak-terhitung", CHAPTER_KEY, (CHAPTER_KEY,), pesan)]
        return [warning(f"{CHAPTER_KEY}.efisiensi-tak-terhitung", CHAPTER_KEY, path,
                        f"{pesan}; efisiensi tertulis {teks(tertulis)!r} tidak dapat diperiksa",
                        stated=tertulis)]
    temuan = _persen_efisiensi(data, hasil) + _kurung_rumus(isi)
    if tertulis is None:
        return temuan
    temuan += _satuan(isi, tertulis, dihitung)
    terbaca = baca_desimal(tertulis)
    if terbaca is None:
        return temuan + [warning(f"{CHAPTER_KEY}.efisiensi-tertulis", CHAPTER_KEY, path,
                                 f"Efisiensi tertulis {tertulis!r} bukan angka; efisiensi "
                                 f"terhitung {format_desimal(dihitung)}",
                                 stated=tertulis, computed=dihitung)]
    nilai, desimal = terbaca
    if cocok_desimal(nilai, desimal, dihitung):
        return temuan
    return temuan + [warning(
        f"{CHAPTER_KEY}.efisiensi-tertulis", CHAPTER_KEY, path,
        f"Efisiensi tertulis {format_desimal(nilai, desimal)} berbeda dengan efisiensi terhitung "
        f"{format_desimal(dihitung, max(desimal, 2))} (1 - {format_persen(hasil.persen_anggaran)}"
        f" / {format_persen(hasil.capaian)}); laporan mencetak yang terhitung",
        stated=tertulis, computed=dihitung)]


def _persen_efisiensi(data: Mapping, hasil: Evaluasi) -> list[Finding]:
    """The efisiensi text quotes the two inputs; each quoted percentage must be one of them."""
    dihitung = [v for v in (hasil.persen_anggaran, hasil.capaian)
                if not isinstance(v, TakTerhitung)]
    if len(dihitung) < 2:
        return []
    isi = tabel(data, CHAPTER_KEY)
    temuan = []
    for kunci in ("efisiensi_teks", "efisiensi_rumus_tertulis"):
        for s in narasi.semua_persen(teks(isi.get(kunci))):
            nilai, desimal = s.nilai
            if not cocok_persen(nilai, desimal, dihitung):
                temuan.append(warning(
                    f"{CHAPTER_KEY}.persen-efisiensi", CHAPTER_KEY, (CHAPTER_KEY, kunci),
                    f"Teks efisiensi menyebut {s.kutipan}, padahal realisasi anggaran terhitung "
                    f"{format_persen(hasil.persen_anggaran)} dan rata-rata capaian kinerja "
                    f"{format_persen(hasil.capaian)}",
                    stated=nilai, computed=terdekat(nilai, dihitung)))
    return temuan


_TEKS_RUMUS = ("efisiensi_teks", "efisiensi_rumus_tertulis")
# a formula that multiplies by 100%: the report then prints the efisiensi as a percentage
KALI_100_PERSEN = re.compile(r"[x×*]\s*100\s*%")
# a line that computes something: a percent sign, a bracket and an operator between terms
_OPERATOR = re.compile(r"(?:^|[\s\d\])])[x×*/](?:$|[\s\d(\[%])")
_PASANGAN = {")": "(", "]": "[", "}": "{"}


def _satuan(isi: Mapping, tertulis: object, dihitung: float) -> list[Finding]:
    """The seed's "1 - [a x (1/c)] x 100%" printed as "0.16": a percent formula, a fraction."""
    rumus = "\n".join(teks(isi.get(kunci)) for kunci in _TEKS_RUMUS)
    if "%" in teks(tertulis) or not KALI_100_PERSEN.search(rumus):
        return []
    return [warning(
        f"{CHAPTER_KEY}.efisiensi-satuan", CHAPTER_KEY, (CHAPTER_KEY, "efisiensi_tertulis"),
        f"Rumus efisiensi dikali 100%, tetapi hasilnya tertulis {teks(tertulis)!r}, bukan persen "
        f"(dengan rumus itu hasilnya {format_persen(dihitung * 100)}); laporan mencetak efisiensi "
        f"sebagai persen seperti rumusnya ({format_persen(dihitung * 100)})",
        stated=tertulis, computed=dihitung * 100)]


def _kurung_rumus(isi: Mapping) -> list[Finding]:
    """Every bracket a formula opens is closed, in order."""
    temuan = []
    for kunci in _TEKS_RUMUS:
        for baris in teks(isi.get(kunci)).splitlines():
            baris = baris.strip()
            if "%" in baris and _OPERATOR.search(baris) and not _kurung_seimbang(baris):
                temuan.append(warning(f"{CHAPTER_KEY}.rumus-kurung", CHAPTER_KEY, (CHAPTER_KEY, kunci),
                                      f"Kurung pada rumus efisiensi {baris!r} tidak seimbang: "
                                      "setiap kurung yang dibuka harus ditutup"))
    return temuan


def _kurung_seimbang(teks_rumus: str) -> bool:
    terbuka: list[str] = []
    for huruf in teks_rumus:
        if huruf in "([{":
            terbuka.append(huruf)
        elif huruf in _PASANGAN:
            if not terbuka or terbuka.pop() != _PASANGAN[huruf]:
                return False
    return not terbuka
