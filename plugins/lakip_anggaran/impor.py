"""`lakip import`: a budget realisation report of the regional finance system (SIPD, or any
sheet with the columns kode, uraian, pagu/anggaran and realisasi in any order) into Tabel 3.7.

Rows are matched by Kepmendagri 050-5889 sub kegiatan code; program, kegiatan and total rows
(the report's subtotals) are skipped, because lakip sums them itself, and so are the account
rows (kode rekening 5.1.02...) some exports list under each sub kegiatan.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from lakip_tui.api import format_rupiah, parse_rupiah
from lakip_tui.api import AngkaError
from lakip_tui.api import BarisImpor, Impor, Lembar, Sisip, Ubah, kolom_huruf

from .chapter import CHAPTER_KEY

# urusan.bidang.program.kegiatan(2 parts).sub: 1.06.01.2.02.0001; an account code such as
# 5.1.02.01.01.0024 has a one-digit second part and does not match
KODE_SUB = re.compile(r"\d{1,2}\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}")
_SPASI = re.compile(r"\s+")


def _normal(teks: Any) -> str:
    return _SPASI.sub(" ", str(teks or "")).strip().casefold()


def _kode(nilai: Any) -> str:
    """"1 . 06 . 01 . 2 . 02 . 0001" and "1.06.01.2.02.0001 " -> "1.06.01.2.02.0001"."""
    return _SPASI.sub("", str(nilai or "")).strip(".")


def _cari_kolom(judul: list[str]) -> dict[str, int] | None:
    """The columns of a header row, or None when the row is not the header."""
    def satu(syarat) -> int | None:
        cocok = [i for i, j in enumerate(judul) if syarat(j)]
        return cocok[0] if cocok else None

    kode = satu(lambda j: j.startswith("kode") or j == "kd" or "kode rekening" in j)
    realisasi = satu(lambda j: "realisasi" in j and "%" not in j and "persen" not in j
                     and "sisa" not in j)
    pagu_semua = [i for i, j in enumerate(judul)
                  if ("pagu" in j or "anggaran" in j) and "%" not in j and "realisasi" not in j
                  and "sisa" not in j]
    # an export with the budget before and after its revision: the revised one counts
    berubah = [i for i in pagu_semua if "setelah" in judul[i] or "perubahan" in judul[i]]
    pagu = (berubah or pagu_semua or [None])[0]
    uraian = satu(lambda j: "uraian" in j or "nama" in j or "program/kegiatan" in j)
    if kode is None or realisasi is None or pagu is None:
        return None
    return {"kode": kode, "uraian": uraian if uraian is not None else -1, "pagu": pagu,
            "realisasi": realisasi}


def _rupiah(nilai: Any, lembar: Lembar, baris: int, kolom: int, nama: str) -> int | None:
    """Whole Rupiah from a cell: a number, or text written the Indonesian way (or 1234.00)."""
    tempat = f'lembar "{lembar.nama}" baris {baris} kolom {kolom_huruf(kolom)}'
    if nilai is None or (isinstance(nilai, str) and not nilai.strip()):
        return None
    if isinstance(nilai, bool):
        raise AngkaError(f"{tempat}: {nama} {nilai!r} bukan angka Rupiah")
    if isinstance(nilai, int):
        return nilai
    if isinstance(nilai, float):
        return round(nilai)
    teks = str(nilai).strip()
    if re.fullmatch(r"-?\d+\.\d{1,2}", teks):  # 1234567.00, as some exports write it
        return round(float(teks))
    try:
        return parse_rupiah(teks, negatif=True)
    except AngkaError as exc:
        raise AngkaError(f"{tempat}: {nama} \"{teks}\" bukan angka Rupiah ({exc})") from None


def _sub_di_berkas(data: Mapping) -> tuple[dict[str, list[tuple[tuple, dict]]],
                                          dict[str, tuple[tuple, int]]]:
    """Sub kegiatan by code (with their paths), and each kegiatan's sub list path and length."""
    sub: dict[str, list[tuple[tuple, dict]]] = {}
    kegiatan: dict[str, tuple[tuple, int]] = {}
    isi = data.get(CHAPTER_KEY) if isinstance(data.get(CHAPTER_KEY), dict) else {}
    for pi, program in enumerate(isi.get("program") or []):
        if not isinstance(program, dict):
            continue
        for ki, keg in enumerate(program.get("kegiatan") or []):
            if not isinstance(keg, dict):
                continue
            rows = keg.get("sub") if isinstance(keg.get("sub"), list) else []
            jalur = (CHAPTER_KEY, "program", pi, "kegiatan", ki, "sub")
            kegiatan.setdefault(_kode(keg.get("kode")), (jalur, len(rows)))
            for si, row in enumerate(rows):
                if isinstance(row, dict):
                    sub.setdefault(_kode(row.get("kode")), []).append(((*jalur, si), row))
    return sub, kegiatan


def _rp(nilai: int | None) -> str:
    return "-" if nilai is None else format_rupiah(nilai)


def impor(lembar_semua: list[Lembar], data: Mapping) -> Impor | None:
    for lembar in lembar_semua:
        hasil = _impor_lembar(lembar, data)
        if hasil is not None:
            return hasil
    return None


def _impor_lembar(lembar: Lembar, data: Mapping) -> Impor | None:
    kolom = None
    mulai = 0
    for n, (nomor, sel) in enumerate(lembar.baris[:40]):
        kolom = _cari_kolom([_normal(s) for s in sel])
        if kolom is not None:
            mulai = n + 1
            break
    if kolom is None:
        return None
    try:
        return _banding(lembar, kolom, lembar.baris[mulai:], data)
    except AngkaError as exc:
        return Impor("realisasi anggaran", galat=str(exc))


def _banding(lembar: Lembar, kolom: dict[str, int], baris: list, data: Mapping) -> Impor:
    sub, kegiatan = _sub_di_berkas(data)
    hasil: list[BarisImpor] = []
    edit: list[Ubah | Sisip] = []
    dilewati = 0
    terlihat: set[str] = set()
    tambahan: dict[tuple, int] = {}

    def sel(isi: list, i: int) -> Any:
        return isi[i] if 0 <= i < len(isi) else None

    for nomor, isi in baris:
        kode = _kode(sel(isi, kolom["kode"]))
        if not KODE_SUB.fullmatch(kode):
            dilewati += 1
            continue
        uraian = str(sel(isi, kolom["uraian"]) or "").strip()
        pagu = _rupiah(sel(isi, kolom["pagu"]), lembar, nomor, kolom["pagu"], "pagu")
        realisasi = _rupiah(sel(isi, kolom["realisasi"]), lembar, nomor, kolom["realisasi"],
                            "realisasi")
        asal = f'lembar "{lembar.nama}" baris {nomor}'
        label = f"{kode} {uraian}".strip()
        if kode in terlihat:
            hasil.append(BarisImpor("tak-cocok", label, "kode ini sudah ada di baris lain "
                                                        "lembar ini; baris ini dilewati", asal))
            continue
        terlihat.add(kode)
        if kode in sub:
            for path, row in sub[kode]:
                ubah = []
                for kunci, baru in (("pagu", pagu), ("realisasi", realisasi)):
                    lama = row.get(kunci)
                    if baru is not None and lama != baru:
                        ubah.append(f"{kunci} {_rp(lama if isinstance(lama, int) else None)} "
                                    f"-> {_rp(baru)}")
                        edit.append(Ubah((*path, kunci), baru))
                hasil.append(BarisImpor("berubah" if ubah else "sama", label, "; ".join(ubah),
                                        asal))
            continue
        induk = kode.rsplit(".", 1)[0]
        if induk in kegiatan:
            jalur, panjang = kegiatan[induk]
            indeks = panjang + tambahan.get(jalur, 0)
            tambahan[jalur] = tambahan.get(jalur, 0) + 1
            row = {"kode": kode, "nama": uraian}
            row |= {k: v for k, v in (("pagu", pagu), ("realisasi", realisasi)) if v is not None}
            edit.append(Sisip(jalur, indeks, row))
            hasil.append(BarisImpor("baru", label, f"pagu {_rp(pagu)}; realisasi {_rp(realisasi)}; "
                                                   f"masuk ke kegiatan {induk}", asal))
        else:
            hasil.append(BarisImpor("tak-cocok", label, f"kegiatan {induk} tidak ada di berkas; "
                                                        "tambahkan dulu kegiatannya", asal))
    for kode, rows in sub.items():
        if kode and kode not in terlihat:
            for _path, row in rows:
                hasil.append(BarisImpor("tidak-di-lembar", f"{kode} {row.get('nama', '')}".strip(),
                                        "ada di berkas, tidak ada di lembar; tidak diubah", ""))
    catatan = f"{dilewati} baris jumlah, judul atau rekening dilewati" if dilewati else ""
    return Impor("realisasi anggaran", tuple(hasil), tuple(edit), catatan=catatan)
