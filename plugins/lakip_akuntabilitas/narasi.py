"""Reading the planner's narratives for claims that the data can contradict.

Three scanners, pure functions over one text:
- years named where the fiscal year is meant ("Pada Tahun 2023 ..." in a 2024 report);
- rating words stated for a capaian ("... adalah tinggi yaitu mencapai 98,82%");
- percentages stated as a capaian ("sehingga capaiannya 98,82%").
Each one is tuned to say nothing rather than guess: a reviewer will read a false alarm in every
agency's file, so anything that may legitimately name another year or value is let through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from lakip_tui.api import AngkaError
from lakip_tui.api import parse_persen


@dataclass(frozen=True)
class Sebutan:
    """One claim found in a text: the words as written and the value read from them."""

    kutipan: str
    nilai: object
    posisi: int


# --- years ---------------------------------------------------------------------------------

_TAHUN = re.compile(r"\btahun(?:\s+anggaran)?\s+(\d{4})\b", re.IGNORECASE)
# "Tahun 2021-2026", "tahun 2021 s.d. 2026", "Tahun Anggaran 2024/2025": a period, not a year.
_RENTANG_SESUDAH = re.compile(
    r"\s*(?:[-\u2013\u2014/]|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*(?:tahun\s+)?\d{4}",
    re.IGNORECASE)
_RENTANG_SEBELUM = re.compile(
    r"\d{4}\s*(?:[-\u2013\u2014/]|s\.?\s*d\.?|sampai(?:\s+dengan)?|hingga)\s*$", re.IGNORECASE)
# "Nomor 29 Tahun 2014", "No. 53 Tahun 2014", "UU 23 Tahun 2014": the year of a regulation.
_REGULASI = re.compile(
    r"(?:\b(?:nomor|nmr|no)\b\.?\s*:?\s*[\w./-]+|\b(?:uu|pp|perpres|keppres|inpres|perda|"
    r"perwal|perwako|permen\w*|kepmen\w*|sk|se)\s+[\w./-]+)\s*$",
    re.IGNORECASE)
# "RKPD Tahun 2025", "Renja Dinas Sosial Tahun 2025": a plan for a later year.
_RENCANA = re.compile(
    r"\b(?:rkpd|renja|rka|rka-skpd|dpa|dpa-skpd|apbd|p-apbd|apbn|kua|ppas|kua-ppas|rkt|"
    r"rencana\s+kerja|rencana\s+kinerja)\b(?:\s+[\w/.-]+){0,5}\s*$",
    re.IGNORECASE)
# A sentence comparing with an earlier year may name it.
_BANDING = re.compile(
    r"\b(?:dibanding\w*|perbandingan|membandingkan|sebelum\w*|lalu|sejak|semula|"
    r"meningkat|menurun|peningkatan|penurunan|kenaikan|naik|turun|tren|trend|renstra|"
    r"(?:dengan|terhadap|dari)\s+tahun)\b",
    re.IGNORECASE)
# A sentence about the future may name a later year.
_MENDATANG = re.compile(
    r"\b(?:akan|rencana\w*|direncanakan|mendatang|ke\s?depan\w*|target\w*|proyeksi|"
    r"berikutnya|selanjutnya|renstra|diharapkan)\b",
    re.IGNORECASE)
# Sentence ends: a full stop before a capital (not "No. 53") or a line break.
_AKHIR_KALIMAT = re.compile(r"[.!?](?=\s+[A-Z\"\u201c(])|\n")


def _kalimat(teks: str, awal: int, akhir: int) -> str:
    """The sentence around teks[awal:akhir]."""
    mulai = 0
    for m in _AKHIR_KALIMAT.finditer(teks, 0, awal):
        mulai = m.end()
    m = _AKHIR_KALIMAT.search(teks, akhir)
    return teks[mulai:m.start() if m else len(teks)]


def tahun_keliru(teks: str, tahun: int) -> list[Sebutan]:
    """Mentions of "Tahun NNNN" where NNNN is not the fiscal year and nothing says why."""
    out = []
    for m in _TAHUN.finditer(teks):
        disebut = int(m.group(1))
        if disebut == tahun:
            continue
        sebelum = teks[max(0, m.start() - 60):m.start()]
        if _RENTANG_SESUDAH.match(teks, m.end()) or _RENTANG_SEBELUM.search(sebelum):
            continue
        if _REGULASI.search(sebelum):
            continue
        kalimat = _kalimat(teks, m.start(), m.end())
        if disebut > tahun and (_RENCANA.search(sebelum) or _MENDATANG.search(kalimat)):
            continue
        if disebut < tahun and _BANDING.search(kalimat):
            continue
        out.append(Sebutan(m.group(0), disebut, m.start()))
    return out


# --- rating words --------------------------------------------------------------------------

_PENGANTAR_PERINGKAT = (
    r"\b(?:adalah|ialah|yaitu|termasuk|tergolong|berkategori|berpredikat|kategori|kriteria|"
    r"predikat|peringkat)\b"
    r"(?:\s+(?:dalam|pada|sebagai|kategori|kriteria|predikat|peringkat|nilai))*\s+[\"'\u201c]?"
)


def peringkat_disebut(teks: str, nama_peringkat: Iterable[str]) -> list[Sebutan]:
    """Rating names stated as a verdict ("adalah tinggi", "kategori Sangat Tinggi").

    A bare "tinggi" elsewhere ("semakin tinggi realisasi") is not a verdict and is ignored.
    """
    nama = sorted({n.strip() for n in nama_peringkat if n and n.strip()}, key=len, reverse=True)
    if not nama:
        return []
    pola = re.compile(
        _PENGANTAR_PERINGKAT + r"(" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nama)
        # not a comparison ("tinggi dari"), nor "sedang" as "currently" ("sedang berjalan")
        + r")\b(?!\s+(?:dari|daripada|dibanding\w*|dalam|proses|di\w+|ber\w+|me\w+|ter\w+))",
        re.IGNORECASE,
    )
    out = []
    for m in pola.finditer(teks):
        kata = " ".join(m.group(1).split())
        cocok = next(n for n in nama if n.casefold() == kata.casefold())
        out.append(Sebutan(kata, cocok, m.start(1)))
    return out


# --- percentages ---------------------------------------------------------------------------

_PERSEN = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)\s?%")
_KATA_CAPAIAN = re.compile(r"\b(?:capaian\w*|mencapai|tercapai|dicapai|capai)\b", re.IGNORECASE)
# Words after which a percentage is a target, a realisasi or a budget figure, not a capaian.
_KATA_LAIN = re.compile(
    r"\b(?:target\w*|realisasi\w*|sebanyak|sebesar|anggaran|pagu|dari|yaitu|ditetapkan)\b",
    re.IGNORECASE)


def persen_capaian(teks: str) -> list[Sebutan]:
    """Percentages the text states as a capaian, with the number of decimals written.

    The nearest keyword before the number decides: "capaiannya 98,82%" is a capaian claim,
    "sebanyak 84% dari target ... 85%" is not.
    """
    out = []
    awal = 0
    for m in _PERSEN.finditer(teks):
        # only the words since the previous percentage, within this sentence
        mulai = max(awal, m.start() - 120)
        for akhir in _AKHIR_KALIMAT.finditer(teks, mulai, m.start()):
            mulai = akhir.end()
        potongan = teks[mulai:m.start()]
        awal = m.end()
        capaian = [k.end() for k in _KATA_CAPAIAN.finditer(potongan)]
        lain = [k.end() for k in _KATA_LAIN.finditer(potongan)]
        if not capaian or (lain and max(lain) > max(capaian)):
            continue
        try:
            nilai = parse_persen(m.group(0))
        except AngkaError:
            continue
        if nilai is None:
            continue
        desimal = len(m.group(1).partition(",")[2])
        out.append(Sebutan(m.group(0), (nilai, desimal), m.start()))
    return out


_KALI = re.compile(r"[x\u00d7*]\s*\]?\s*$", re.IGNORECASE)


def semua_persen(teks: str) -> list[Sebutan]:
    """Every percentage in a text, with its decimals (for texts that only quote results).

    The "x 100%" of a formula is a unit conversion, not a quoted figure, and is skipped.
    """
    out = []
    for m in _PERSEN.finditer(teks):
        if _KALI.search(teks, max(0, m.start() - 4), m.start()):
            continue
        try:
            nilai = parse_persen(m.group(0))
        except AngkaError:
            continue
        if nilai is not None:
            out.append(Sebutan(m.group(0), (nilai, len(m.group(1).partition(",")[2])), m.start()))
    return out
