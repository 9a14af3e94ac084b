"""Finding "Tahun 2023" in a 2024 report where the writer meant the fiscal year.

Reports are often started from last year's file, and the year in the kata pengantar is the
sentence most often left behind. A narrative also names other years on purpose, so a mention
is only reported when nothing around it says that another year is meant:
- a period: "Tahun 2021-2026", "Tahun 2021 s.d. 2026";
- a legal citation: "Nomor 29 Tahun 2010", "no.11 Tahun 2009", "Perpres 29 Tahun 2014";
- another planning or budget document in the same clause: "RKPD Tahun 2025",
  "Renstra ... Tahun 2022", "APBD Tahun 2025";
- a comparison: "sejak Tahun 2017", "dibandingkan Tahun 2023", "Tahun 2024 dengan Tahun 2022".
Only "Tahun <year>" (and "Tahun Anggaran <year>") is looked at; a bare year or a date is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEBUTAN = re.compile(r"\btahun(?:\s+anggaran)?\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_RENTANG = re.compile(
    r"\s*(?:[-\u2013\u2014/]|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*(?:tahun\s+)?(?:19|20)\d{2}",
    re.IGNORECASE,
)
# "Nomor 29 " / "no.11 " / "Nomor: 7 " / "Perpres 29 " right before "Tahun": a citation.
_SITASI = re.compile(r"\d+[a-z]?\s*$", re.IGNORECASE)
_PERBANDINGAN = re.compile(
    r"\b(?:sejak|semenjak|mulai|dibanding(?:kan)?(?:\s+dengan)?|dari|sampai(?:\s+dengan)?|"
    r"hingga|sebelum|setelah|sesudah|pasca|dengan|terhadap|vs\.?|versus)\s*$",
    re.IGNORECASE,
)
_BATAS_KLAUSA = re.compile(r"[.,;:()\[\]\n]")
DOKUMEN_LAIN = (
    "rkpd", "rkp", "rpjmd", "rpjpd", "rpjmn", "rpjpn", "rpjm", "rpjp", "renstra",
    "apbd", "apbn", "p-apbd", "kua", "ppas", "kua-ppas", "rencana kerja pemerintah",
    "rencana pembangunan jangka", "rencana strategis",
)
_KATA_KLAUSA = 8  # how far back in the clause a document name still governs the year


@dataclass(frozen=True)
class Sebutan:
    """One "Tahun <year>" that names a year other than the fiscal one."""

    tahun: int
    kutipan: str  # the words around it, as the planner will search for them


def tahun_lain(teks: str, tahun_anggaran: int) -> list[Sebutan]:
    """Every mention of another year where the fiscal year seems to be meant."""
    out = []
    for match in _SEBUTAN.finditer(teks):
        tahun = int(match.group(1))
        if tahun == tahun_anggaran or _disengaja(teks, match):
            continue
        out.append(Sebutan(tahun, _kutipan(teks, match)))
    return out


def _disengaja(teks: str, match: re.Match) -> bool:
    """Does the context say that this other year is meant?"""
    if _RENTANG.match(teks, match.end()):
        return True
    sebelum = teks[: match.start()]
    if _SITASI.search(sebelum) or _PERBANDINGAN.search(sebelum):
        return True
    klausa = _BATAS_KLAUSA.split(sebelum)[-1].lower()
    kata = " ".join(klausa.split()[-_KATA_KLAUSA:])
    return any(re.search(rf"(?<![\w-]){re.escape(nama)}(?![\w-])", kata) for nama in DOKUMEN_LAIN)


def _kutipan(teks: str, match: re.Match) -> str:
    sebelum = teks[: match.start()].split()[-4:]
    return " ".join([*sebelum, match.group(0)])
