"""A fast box-drawing table writer for the text and SVG exports.

Rich's Table measures and wraps every cell through its renderable machinery, which takes about
5 s for Tabel 3.7 of a city-size project (1.600 sub-kegiatan, 2.369 rows); this writer lays out
the same table in well under 0,1 s (see docs/export.md). Every TableBlock in a text or SVG export
goes through it, so all tables share one look: box.SQUARE lines, the caption centred above, the
"Sumber:" line below, the footer (JUMLAH/TOTAL) under its own rule, and a rule between body rows
when any row wraps onto several lines (otherwise the rows of a long name would run together).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..dokumen import TableBlock

_PAD = 1  # spaces either side of a cell's text
_LIPAT = 10  # running text keeps at least this width before codes and amounts are folded
_PENGGAL = re.compile(r"\s+|(?<=[/-])(?=.)")  # where a line may break: spaces, after "/" "-"


def lebar(teks: str) -> int:
    """Terminal cells taken by `teks` (wide CJK characters count twice)."""
    if teks.isascii():
        return len(teks)
    from rich.cells import cell_len

    return cell_len(teks)


def _potong(kata: str, batas: int) -> list[str]:
    """Fold one word that is wider than `batas` into pieces that fit, after a "/" or "-"
    where there is one ("Program/" "Kegiatan"), else anywhere."""
    potongan = []
    while lebar(kata) > batas:
        depan = _muat(kata, batas)
        jeda = max(depan.rfind("/"), depan.rfind("-"))
        if jeda > 0:
            depan = depan[:jeda + 1]
        potongan.append(depan)
        kata = kata[len(depan):]
    potongan.append(kata)
    return potongan


def _muat(kata: str, batas: int) -> str:
    """The longest start of `kata` that fits in `batas` cells (at least one character)."""
    if kata.isascii():
        return kata[:max(batas, 1)]
    terpakai = 0
    for i, huruf in enumerate(kata):
        terpakai += lebar(huruf)
        if terpakai > batas:
            return kata[:max(i, 1)]
    return kata


def bungkus(teks: str, batas: int) -> list[str]:
    """Greedy word wrap of a cell's text into lines no wider than `batas`; newlines are kept."""
    baris: list[str] = []
    for paragraf in teks.split("\n"):
        ukur = len if paragraf.isascii() else lebar
        if ukur(paragraf) <= batas:
            baris.append(paragraf.rstrip())
            continue
        if ukur is len:
            semua = paragraf.split()
            if max(map(len, semua), default=0) <= batas:  # no word to fold: lines of words
                awal, terpakai = 0, -1
                for j, kata in enumerate(semua):
                    terpakai += 1 + len(kata)
                    if terpakai > batas:
                        baris.append(" ".join(semua[awal:j]))
                        awal, terpakai = j, len(kata)
                baris.append(" ".join(semua[awal:]))
                continue
        sekarang, terpakai = "", 0
        for kata in paragraf.split():
            w = ukur(kata)
            if w > batas:
                if sekarang:
                    baris.append(sekarang)
                *penuh, sisa = _potong(kata, batas)
                baris.extend(penuh)
                sekarang, terpakai = sisa, ukur(sisa)
            elif not sekarang:
                sekarang, terpakai = kata, w
            elif terpakai + 1 + w <= batas:
                sekarang += " " + kata
                terpakai += 1 + w
            else:
                baris.append(sekarang)
                sekarang, terpakai = kata, w
        baris.append(sekarang)
    return baris


def _ukur(isi: list[list[str]], minimum: list[int]) -> tuple[list[int], list[int], list[int]]:
    """Per column: its longest line, its longest word (at most the line; a word breaks after
    "/" or "-" too) and its widest character, all in terminal cells. Each distinct cell text
    is measured once (amounts, "-" and names repeat down a long table)."""
    beda = [set(kol) for kol in isi]
    maks = [max([minimum[i], 1] + [_baris_terpanjang(sel) for sel in kol])
            for i, kol in enumerate(beda)]
    kata = [max([minimum[i], 1] + [_kata_terpanjang(sel) for sel in kol])
            for i, kol in enumerate(beda)]
    return maks, [min(k, m) for k, m in zip(kata, maks)], _huruf_terlebar(beda)


def _baris_terpanjang(sel: str) -> int:
    if sel.isascii() and "\n" not in sel:
        return len(sel)
    return max(lebar(b) for b in sel.split("\n"))


def _kata_terpanjang(sel: str) -> int:
    if sel.isascii() and "/" not in sel and "-" not in sel:  # words end only at whitespace
        return max(map(len, sel.split()), default=0)
    return max(lebar(k) for k in _PENGGAL.split(sel))


def _lebar_kolom(isi: list[list[str]], tersedia: int, rasio: list[int | None],
                 maks: list[int], kata: list[int], huruf: list[int]) -> list[int]:
    """Column widths that add up to `tersedia` (or less when no column could use more).

    Each column wants its longest line. When they do not fit, every column starts from its
    longest word (`_lantai` says which words fold when even those do not fit), short labels are
    kept whole, and the rest of the room goes where it saves the most lines (`_paling_pendek`).
    """
    n = len(rasio)
    if sum(maks) <= tersedia:
        lebih = tersedia - sum(maks)
        berat = [r or 0 for r in rasio] if any(rasio) else maks
        total = sum(berat) or 1
        tambah = [lebih * b // total for b in berat]
        sisa = lebih - sum(tambah)
        for i in sorted(range(n), key=lambda i: -berat[i])[:sisa]:
            tambah[i] += 1
        return [m + t for m, t in zip(maks, tambah)]
    lantai = _lantai(isi, kata, huruf, tersedia)
    lebar_ = _paling_pendek(isi, maks, lantai, tersedia, kata)
    while sum(lebar_) > tersedia:  # not even a character per column fits: squeeze the widest
        lebih = [i for i in range(n) if lebar_[i] > huruf[i]]
        if not lebih:
            break
        i = max(lebih, key=lambda i: lebar_[i])
        lebar_[i] -= 1
    sisa = tersedia - sum(lebar_)
    for i in sorted(range(n), key=lambda i: -maks[i]):
        if sisa <= 0:
            break
        tambah = min(sisa, maks[i] - lebar_[i])
        lebar_[i] += tambah
        sisa -= tambah
    return lebar_


def _lantai(isi: list[list[str]], kata: list[int], huruf: list[int], tersedia: int) -> list[int]:
    """Each column's floor: its longest word, unless the words do not fit side by side. Then
    words give way in this order, each only as far as needed: running text down to 10 cells,
    codes (single tokens) down to 10, running text down to 6, and amounts last of all: a
    broken name reads better than a broken code, and a broken code better than a broken sum."""
    lantai = list(kata)
    if sum(lantai) <= tersedia:
        return lantai
    jenis = [_jenis(kol[1:]) for kol in isi]  # the header is not data
    for kelas, batas in (("prosa", _LIPAT), ("kode", _LIPAT), ("prosa", 6), (None, 1)):
        kurang = sum(lantai) - tersedia
        if kurang <= 0:
            break
        ikut = [i for i in range(len(lantai)) if kelas is None or jenis[i] == kelas]
        if not ikut:
            continue
        sekarang = [lantai[i] for i in ikut]
        bawah = [max(huruf[i], min(batas, lantai[i])) for i in ikut]
        baru = _isi_air(sekarang, bawah, max(sum(sekarang) - kurang, sum(bawah)))
        for i, w in zip(ikut, baru):
            lantai[i] = w
    return lantai


# 4.277.622.800, 83,42%, 2024, -: an amount (a code like 1.06.01.2.02 is not one)
_ANGKA = re.compile(r"[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?|-|")


def _jenis(sel: list[str]) -> str:
    """"angka" (amounts, percentages, "-"), "kode" (single tokens) or "prosa" (running text)."""
    if all(_ANGKA.fullmatch(c.strip()) for c in sel):
        return "angka"
    if all(len(c.split()) <= 1 for c in sel):
        return "kode"
    return "prosa"


# an amount, a percentage or a count; a code such as 1.06.01.2.02.0001 is not one (it folds)
_BILANGAN = re.compile(r"[-+(]?(Rp\.?)?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?[),.;:]?")


_DIGIT = re.compile(r"\d")  # no cell without one holds a _BILANGAN


def angka_terpanjang(isi: list[list[str]]) -> list[int]:
    """Per column, its longest number (4.277.622.800, 83,42%, 2024), in cells."""
    out = []
    for kol in isi:
        terpanjang = 0
        for sel in set(kol):
            if _DIGIT.search(sel) is not None:
                for kata in sel.split():
                    if len(kata) > terpanjang and _BILANGAN.fullmatch(kata):
                        terpanjang = len(kata)
        out.append(terpanjang)
    return out


def _huruf_terlebar(isi: list[set[str]]) -> list[int]:
    """Per column, the widest single character (2 for CJK), below which no column can go."""
    out = []
    for kol in isi:
        lebar_huruf = 1
        for sel in kol:
            if not sel.isascii():
                lebar_huruf = max([lebar_huruf] + [lebar(h) for h in sel if not h.isascii()])
        out.append(lebar_huruf)
    return out


_CONTOH = 240  # rows sampled to judge the widths of a long table
_LIHAT = 16  # how many widths ahead a column is tried
_PENDEK = 16  # a column no wider than this is a label, kept on one line when there is room
_SEL = 1.0  # weight of a line saved inside one cell, against a line of the whole table


def _paling_pendek(isi: list[list[str]], maks: list[int], lantai: list[int],
                   anggaran: int, kata: list[int]) -> list[int]:
    """Widths from the floors up, each step given to the column that shortens the printed table
    most (judged on a sample of rows), so the room goes where text actually wraps."""
    n = len(maks)
    baris = len(isi[0])
    pilih = range(baris) if baris <= _CONTOH else sorted(
        {round(k * (baris - 1) / (_CONTOH - 1)) for k in range(_CONTOH)})
    contoh = [[kol[r] for r in pilih] for kol in isi]
    # a sample cell's length when it is one ASCII line (one line at any width that long), else
    # a length no width reaches (its lines are counted): measured once, tried at many widths
    satu_baris = [[len(c) if c.isascii() and "\n" not in c else _TAK_TERJANGKAU for c in kol]
                  for kol in contoh]
    cache: dict[tuple[int, int], list[int]] = {}

    def tinggi(i: int, w: int) -> list[int]:
        hasil = cache.get((i, w))
        if hasil is None:
            hasil = cache[(i, w)] = [1 if p <= w else _jumlah_baris(c, w, kata_kata)
                                     for p, c in zip(satu_baris[i], contoh[i])]
        return hasil

    kata_kata: dict[str, list | None] = {}

    lebar_ = list(lantai)
    sisa = anggaran - sum(lebar_)
    if sisa > 0 and lebar_ != kata:  # what rounding left over unfolds words first
        ingin = [max(k, w) for k, w in zip(kata, lebar_)]
        lebar_ = _isi_air(ingin, lebar_, anggaran)
        sisa = anggaran - sum(lebar_)
        for i in sorted(range(n), key=lambda i: lebar_[i] - ingin[i])[:sisa]:
            if lebar_[i] < ingin[i]:
                lebar_[i] += 1
        sisa = anggaran - sum(lebar_)
    # short labels ("Sangat Tinggi", "DINAS SOSIAL") are not wrapped while there is room
    for i in sorted(range(n), key=lambda i: maks[i] - lebar_[i]):
        if maks[i] <= _PENDEK and 0 < maks[i] - lebar_[i] <= sisa:
            sisa -= maks[i] - lebar_[i]
            lebar_[i] = maks[i]
    while sisa > 0:
        bebas = [i for i in range(n) if lebar_[i] < maks[i]]
        if not bebas:
            break
        kolom = [tinggi(i, lebar_[i]) for i in range(n)]
        total = sum(_tertinggi(kolom, len(pilih)))
        terbaik, untung_terbaik, maju_terbaik = -1, 0.0, 0
        for i in bebas:
            lain = None
            batas = min(maks[i], lebar_[i] + sisa)
            sebelum = kolom[i]
            sel_sebelum = sum(sebelum)
            # look ahead: a label saves nothing until it fits whole ("Sangat Tinggi")
            for w in sorted({*range(lebar_[i] + 1, min(batas, lebar_[i] + _LIHAT) + 1), batas}):
                baru = tinggi(i, w)
                if baru == sebelum:  # the same lines as a narrower width: it gains no more
                    continue  # and costs more columns, so it cannot be the best step
                sebelum = baru
                if lain is None:
                    lain = _tertinggi(kolom[:i] + kolom[i + 1:], len(pilih))
                maju = w - lebar_[i]
                # lines saved in the table, and lines saved inside cells: a short label
                # that wraps where a long name already does is still worth unwrapping
                untung = (total - sum(map(max, lain, baru))
                          + _SEL * (sel_sebelum - sum(baru))) / maju
                if untung > untung_terbaik:
                    terbaik, untung_terbaik, maju_terbaik = i, untung, maju
        if terbaik < 0:
            break  # no column would save a line: the rest is shared out below
        lebar_[terbaik] += maju_terbaik
        sisa -= maju_terbaik
    return lebar_


_TAK_TERJANGKAU = 1 << 62  # a width no table reaches


def _tertinggi(kolom: list[list[int]], baris: int) -> list[int]:
    """Per row, its most lines among these columns' cells (0 without columns); max over the
    columns at once, in C, rather than a slice and a max per row."""
    if len(kolom) > 1:
        return list(map(max, *kolom))
    return list(kolom[0]) if kolom else [0] * baris


def _jumlah_baris(teks: str, batas: int, kata_kata: dict[str, list | None]) -> int:
    """`len(bungkus(teks, batas))`, counted on the lengths of the words (kept in `kata_kata`
    per text, as a column is tried at many widths): per paragraph its length with one space
    between words, its longest word and the words' lengths.

    The lines found at `batas` stay the same at every wider width until the first that would
    take a word back onto the line before it; the count is kept with that range, so the
    widths tried next (the search looks up to 16 ahead) cost a comparison."""
    simpan = kata_kata.get(teks, False)
    if simpan is False:
        simpan = kata_kata[teks] = None if not teks.isascii() else [[
            (sum(panjang) + len(panjang) - 1, max(panjang, default=0), panjang)
            for panjang in ([len(k) for k in p.split()] for p in teks.split("\n"))], 0, -1, 0]
    if simpan is None:
        return len(bungkus(teks, batas))
    paragraf, dari, sampai, jumlah = simpan
    if dari <= batas <= sampai:
        return jumlah
    jumlah = 0
    sampai = _TAK_TERJANGKAU  # the widest width that gives these very lines
    for satu_baris, terpanjang, panjang in paragraf:
        if satu_baris <= batas:  # one line (also when written with more spaces)
            jumlah += 1
        elif terpanjang > batas:
            return len(bungkus(teks, batas))  # a word folds: as bungkus does it
        else:
            jumlah += 1
            terpakai = -1
            for w in panjang:
                terpakai += 1 + w
                if terpakai > batas:  # the word starts a line; at `terpakai` cells it would not
                    jumlah += 1
                    if terpakai <= sampai:
                        sampai = terpakai - 1
                    terpakai = w
    simpan[1:] = (batas, sampai, jumlah)
    return jumlah


def _isi_air(ingin: list[int], lantai: list[int], anggaran: int) -> list[int]:
    """Widths `max(lantai, min(ingin, batas))` for the largest `batas` that fits `anggaran`:
    the widest columns give way first, none below its floor."""

    def dengan(batas: int) -> list[int]:
        return [max(f, min(w, batas)) for w, f in zip(ingin, lantai)]

    rendah, tinggi = 0, max(ingin)
    while rendah < tinggi:
        tengah = (rendah + tinggi + 1) // 2
        if sum(dengan(tengah)) <= anggaran:
            rendah = tengah
        else:
            tinggi = tengah - 1
    return dengan(rendah)


def _rata(teks: str, w: int, justify: str) -> str:
    """`teks` padded to `w` cells: left, right or centred."""
    if teks.isascii():
        if justify == "right":
            return teks.rjust(w)
        if justify != "center":
            return teks.ljust(w)
    kurang = w - (len(teks) if teks.isascii() else lebar(teks))
    if kurang <= 0:
        return teks
    if justify == "right":
        return " " * kurang + teks
    if justify == "center":
        kiri = kurang // 2
        return " " * kiri + teks + " " * (kurang - kiri)
    return teks + " " * kurang


def tata_letak(tabel: TableBlock, width: int) -> list[tuple[str, str]]:
    """The table as (line, style) pairs, each line at most `width` cells; style "" or "bold"."""
    kolom = tabel.columns
    n = max(len(kolom), 1)
    kepala = [str(c.header) for c in kolom] or [""]

    def sel(row: Any) -> list[str]:
        cells = [str(c) for c in row.cells[:n]]
        return cells + [""] * (n - len(cells))

    badan = [sel(r) for r in tabel.rows]
    kaki = [sel(r) for r in tabel.footer]
    semua = [kepala] + badan + kaki
    isi = [[baris[i] for baris in semua] for i in range(n)]
    justify = [c.justify for c in kolom] or ["left"]
    rasio = [c.ratio for c in kolom] or [None]
    maks, kata, huruf = _ukur(isi, [c.min_width or 0 for c in kolom] or [0])
    # a number is never split across lines: no column goes below its longest number, even
    # when the table then cannot fit the width (text columns give way first, down to a letter)
    huruf = [max(h, a) for h, a in zip(huruf, angka_terpanjang(isi))]
    pad = _PAD
    if width - (n + 1) - 2 * pad * n < sum(kata):
        pad = 0  # words would have to be folded: the padding goes to the text first
    tersedia = width - (n + 1) - 2 * pad * n
    lebar_ = _lebar_kolom(isi, tersedia, rasio, maks, kata, huruf)
    celah = " " * pad
    awal, tengah, akhir = "│" + celah, celah + "│" + celah, celah + "│"

    def garis(kiri: str, tengah: str, kanan: str) -> str:
        return kiri + tengah.join("─" * (w + 2 * pad) for w in lebar_) + kanan

    kosong = [" " * w for w in lebar_]

    terbungkus: dict[tuple[str, int, str], list[str]] = {}

    def baris_data(cells: list[str], rata: list[str]) -> list[str]:
        kolom_baris = []
        for c, w, r, k in zip(cells, lebar_, rata, kosong):
            if not c:
                kolom_baris.append((k,))
            elif c.isascii() and len(c) <= w and "\n" not in c:
                kolom_baris.append((c.rjust(w) if r == "right" else c.ljust(w) if r != "center"
                                    else _rata(c, w, r),))
            else:  # wrapped once per text and width: a unit's name repeats down Tabel 3.7
                kunci = (c, w, r)
                isi = terbungkus.get(kunci)
                if isi is None:
                    isi = terbungkus[kunci] = [_rata(b, w, r) for b in bungkus(c, w)]
                kolom_baris.append(isi)
        tinggi = max(map(len, kolom_baris))
        if tinggi == 1:
            return [awal + tengah.join([p[0] for p in kolom_baris]) + akhir]
        penuh = [p if len(p) == tinggi else [*p, *[k] * (tinggi - len(p))]
                 for p, k in zip(kolom_baris, kosong)]
        return [awal + tengah.join(bagian) + akhir for bagian in zip(*penuh)]

    lebar_tabel = sum(lebar_) + (n + 1) + 2 * pad * n
    out: list[tuple[str, str]] = []
    for b in bungkus(tabel.caption, lebar_tabel):
        out.append((_rata(b, lebar_tabel, "center").rstrip(), "bold"))
    out.append((garis("┌", "┬", "┐"), ""))
    out.extend((b, "bold") for b in baris_data(kepala, ["center"] * n))
    body = [(baris_data(c, justify), r.style) for c, r in zip(badan, tabel.rows)]
    pisah = any(len(b) > 1 for b, _ in body)
    antara = (garis("├", "┼", "┤"), "")  # drawn once: it goes between all the body rows
    for i, (isi_baris, gaya) in enumerate(body):
        if i == 0 or pisah:
            out.append(antara)
        out.extend([(b, gaya) for b in isi_baris])
    if kaki:
        out.append(antara)
        for c, r in zip(kaki, tabel.footer):
            out.extend((b, r.style or "bold") for b in baris_data(c, justify))
    out.append((garis("└", "┴", "┘"), ""))
    if tabel.sumber:
        out.extend((b, "italic") for b in bungkus(f"Sumber: {tabel.sumber}", width))
    return out


class Kotak:
    """A TableBlock drawn by this writer, as a Rich renderable (for the console and SVG)."""

    def __init__(self, tabel: TableBlock) -> None:
        self.tabel = tabel

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment
        from rich.style import Style

        gaya: dict[str, Any] = {"": None}
        for teks, nama in tata_letak(self.tabel, options.max_width):
            if nama not in gaya:
                try:
                    gaya[nama] = Style.parse(nama)
                except Exception:  # a plugin's unknown style name only loses its emphasis
                    gaya[nama] = None
            yield Segment(teks, gaya[nama])
            yield Segment.line()
