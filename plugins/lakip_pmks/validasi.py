"""The checks of the PMKS, PSKS and lembaga tables.

Rules: jumlah = L + P; a stated total (`*_jumlah_tertulis`) equals the sum of the rows and is
a valid Indonesian number; the table lists as many jenis as declared; counts are whole numbers
and never negative; row numbers are unique. Messages name the row as printed ("PMKS no. 21
"Korban Bencana Alam"") and paths point at the field to fix.
"""

from __future__ import annotations

from typing import Any

from lakip_tui.api import format_bilangan as angka
from lakip_tui.api import parse_bilangan
from lakip_tui.api import AngkaError
from lakip_tui.api import Finding, error, info, warning

from .baca import CHAPTER_KEY, TABEL_LEMBAGA, TABEL_PMKS, TABEL_PSKS, baris, bilangan, daftar_teks
from .baca import label_baris, nomor, tabel, teks
from .hitung import baris_utama, total_jumlah
from .jenis import JENIS_PMKS, JENIS_PSKS

KOLOM_HITUNGAN = ("jumlah", "l", "p")

# Every finding code of this chapter, with its severities (docs/chapters.md lists the same).
KODE_TEMUAN = {
    "pmks.bukan-bilangan": ("error",),
    "pmks.negatif": ("error",),
    "pmks.jenis-kosong": ("warning",),
    "pmks.jumlah-lp": ("error", "warning"),
    "pmks.lp-tanpa-jumlah": ("warning",),
    "pmks.nomor-ganda": ("error",),
    "pmks.banyak-jenis": ("info",),
    "pmks.total-tertulis": ("error",),
    "pmks.total-tidak-valid": ("error",),
    "pmks.lembaga-tanpa-nama": ("warning",),
}


def periksa(data: dict) -> list[Finding]:
    """Nothing to say about a file without [pmks]: an agency other than a Dinas Sosial has none."""
    if CHAPTER_KEY not in data:
        return []
    pmks = tabel(data, CHAPTER_KEY)
    out: list[Finding] = []
    for key, judul, definisi, baku in (
        (TABEL_PMKS, "PMKS", "pmks_definisi", JENIS_PMKS),
        (TABEL_PSKS, "PSKS", "psks_definisi", JENIS_PSKS),
    ):
        rows = list(baris(pmks, key))
        out += _baris(rows, key, judul)
        out += _nomor_ganda(rows, key, judul)
        out += _banyak_jenis(pmks, rows, key, judul, definisi, len(baku))
        total = total_jumlah(row for _, row in rows)
        out += _total_tertulis(pmks, f"{key}_jumlah_tertulis", judul, total, len(rows))
    out += _lembaga(pmks)
    return out


def _hitungan(rows: list[tuple[int, dict]], key: str, judul: str) -> tuple[dict, list[Finding]]:
    """The whole-number value of jumlah/l/p per row; bad values become findings, not values."""
    values: dict[tuple[int, str], int] = {}
    out: list[Finding] = []
    for i, row in rows:
        for kolom in KOLOM_HITUNGAN:
            if kolom not in row:
                continue
            path = (CHAPTER_KEY, key, i, kolom)
            value = bilangan(row[kolom])
            if value is None:
                out.append(error("pmks.bukan-bilangan", CHAPTER_KEY, path,
                                 f"{label_baris(judul, i, row)}: {kolom.upper()} harus bilangan bulat "
                                 f"(tertulis {row[kolom]!r}); kosongkan bila '-'."))
            elif value < 0:
                out.append(error("pmks.negatif", CHAPTER_KEY, path,
                                 f"{label_baris(judul, i, row)}: {kolom.upper()} tidak boleh negatif "
                                 f"({angka(value)})."))
            else:
                values[i, kolom] = value
    return values, out


def _baris(rows: list[tuple[int, dict]], key: str, judul: str) -> list[Finding]:
    values, out = _hitungan(rows, key, judul)
    for i, row in rows:
        nama = label_baris(judul, i, row)
        path = (CHAPTER_KEY, key, i)
        if not teks(row.get("jenis")):
            out.append(warning("pmks.jenis-kosong", CHAPTER_KEY, (*path, "jenis"),
                               f"{nama}: nama jenis belum diisi."))
        jumlah, l, p = (values.get((i, k)) for k in KOLOM_HITUNGAN)
        # A field that is there but invalid was reported above; do not guess around it.
        if any(k in row and values.get((i, k)) is None for k in KOLOM_HITUNGAN):
            continue
        out += _jumlah_lp(nama, path, jumlah, l, p)
    return out


def _jumlah_lp(nama: str, path: tuple, jumlah: int | None, l: int | None, p: int | None) -> list[Finding]:
    if jumlah is None:
        if l is None and p is None:
            return []
        isi = " dan ".join(f"{k} = {angka(v)}" for k, v in (("L", l), ("P", p)) if v is not None)
        return [warning("pmks.lp-tanpa-jumlah", CHAPTER_KEY, (*path, "jumlah"),
                        f"{nama}: {isi}, tetapi jumlah kosong; baris ini tidak ikut dijumlahkan.")]
    if l is not None and p is not None:
        if l + p == jumlah:
            return []
        return [error("pmks.jumlah-lp", CHAPTER_KEY, (*path, "jumlah"),
                      f"{nama}: jumlah {angka(jumlah)}, tetapi L + P = {angka(l)} + {angka(p)} "
                      f"= {angka(l + p)}.", stated=jumlah, computed=l + p)]
    if l is None and p is None:
        return []
    kolom, nilai, lain = ("L", l, "P") if l is not None else ("P", p, "L")
    if nilai == jumlah:
        return []
    if nilai > jumlah:
        return [error("pmks.jumlah-lp", CHAPTER_KEY, (*path, "jumlah"),
                      f"{nama}: {kolom} = {angka(nilai)} lebih besar dari jumlah {angka(jumlah)}.",
                      stated=jumlah, computed=nilai)]
    return [warning("pmks.jumlah-lp", CHAPTER_KEY, (*path, "jumlah"),
                    f"{nama}: jumlah {angka(jumlah)}, tetapi hanya {kolom} = {angka(nilai)} yang "
                    f"diisi; {lain} seharusnya {angka(jumlah - nilai)}.",
                    stated=jumlah, computed=nilai)]


def _nomor_ganda(rows: list[tuple[int, dict]], key: str, judul: str) -> list[Finding]:
    out = []
    pertama: dict[str, int] = {}
    for i, row in rows:
        no = nomor(row)
        if not no:
            continue
        if no in pertama:
            out.append(error("pmks.nomor-ganda", CHAPTER_KEY, (CHAPTER_KEY, key, i, "no"),
                             f"{label_baris(judul, i, row)}: nomor {no} sudah dipakai baris ke-"
                             f"{pertama[no] + 1}."))
        else:
            pertama[no] = i
    return out


def _banyak_jenis(pmks: dict, rows: list, key: str, judul: str, definisi: str, baku: int) -> list[Finding]:
    """The table should list every jenis its definitions (or Permensos 08/2012) declare."""
    if not rows:
        return []
    daftar = daftar_teks(pmks.get(definisi))
    harap = len(daftar) or baku
    sumber = f"{len(daftar)} definisi di {definisi}" if daftar else "Permensos 08/2012"
    ada = baris_utama(row for _, row in rows)
    if ada == harap:
        return []
    return [info("pmks.banyak-jenis", CHAPTER_KEY, (CHAPTER_KEY, key),
                 f"Tabel {judul} memuat {ada} jenis, sedangkan menurut {sumber} ada {harap} jenis.")]


def _entri_tertulis(pmks: dict, key: str) -> list[tuple[tuple, str, Any]]:
    """(path of the value, where it was printed, value): a list of {tempat, nilai} or one value."""
    value = pmks.get(key)
    if value is None:
        return []
    if isinstance(value, list):
        out = []
        for i, entri in enumerate(value):
            if isinstance(entri, dict):
                out.append(((CHAPTER_KEY, key, i, "nilai"), teks(entri.get("tempat")), entri.get("nilai")))
            else:
                out.append(((CHAPTER_KEY, key, i), "", entri))
        return out
    return [((CHAPTER_KEY, key), "", value)]


def _total_tertulis(pmks: dict, key: str, judul: str, total: int, n_baris: int) -> list[Finding]:
    out = []
    for path, tempat, nilai in _entri_tertulis(pmks, key):
        di = f" di {tempat}" if tempat else ""
        if isinstance(nilai, str):
            try:
                nilai = parse_bilangan(nilai)
            except AngkaError as exc:
                out.append(error("pmks.total-tidak-valid", CHAPTER_KEY, path,
                                 f"Jumlah {judul} tertulis{di} bukan angka yang valid: {exc.message} "
                                 f"Hasil penjumlahan {n_baris} baris: {angka(total)}.",
                                 stated=nilai, computed=total))
                continue
            if nilai is None:
                continue
        if bilangan(nilai) is None:
            out.append(error("pmks.total-tidak-valid", CHAPTER_KEY, path,
                             f"Jumlah {judul} tertulis{di} harus bilangan (tertulis {nilai!r}).",
                             stated=nilai, computed=total))
            continue
        if nilai != total:
            out.append(error("pmks.total-tertulis", CHAPTER_KEY, path,
                             f"Jumlah {judul} tertulis{di} {angka(nilai)}, tetapi hasil penjumlahan "
                             f"{n_baris} baris {angka(total)} (selisih {angka(abs(nilai - total))}). "
                             f"Laporan mencetak {angka(total)}.", stated=nilai, computed=total))
    return out


def _lembaga(pmks: dict) -> list[Finding]:
    return [
        warning("pmks.lembaga-tanpa-nama", CHAPTER_KEY, (CHAPTER_KEY, TABEL_LEMBAGA, i, "nama"),
                f"Lembaga sosial baris ke-{i + 1}"
                + (f" (kelompok {teks(row.get('kelompok'))})" if teks(row.get("kelompok")) else "")
                + ": nama lembaga belum diisi.")
        for i, row in baris(pmks, TABEL_LEMBAGA)
        if not teks(row.get("nama"))
    ]
