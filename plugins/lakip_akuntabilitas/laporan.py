"""BAB III in the report, in four sections that leave room for the other plugins' tables:
1 capaian (3.1 Tabel 3.1, 3.2.1 Tabel 3.2, analyses; pmks puts Tabel 3.3 at 1.5),
2 Tabel 3.4, kendala, solusi and the 3.2.4 intro (anggaran puts Tabel 3.6 at 2.5),
3 the efisiensi computation and 3.2.5, 4 B. Realisasi Anggaran (anggaran puts Tabel 3.7 at 4.5).
Every number is computed by hitung.evaluasi; nothing printed here is read from a stated field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from lakip_tui.api import format_desimal, format_nilai, format_persen
from lakip_tui.api import TakTerhitung, peringkat
from lakip_tui.api import (Block, Column, Figure, Heading, ListBlock, Paragraph, Row, Section,
                              TableBlock)

from .data import CHAPTER_KEY, baris, daftar_teks, periode_renstra, tabel, teks
from .hitung import Evaluasi, HasilSasaran, capaian_terhadap, evaluasi
from .nilai import teks_peringkat

# The formulas kinerja.capaian computes, per polaritas: (condition, formula).
RUMUS = {
    "positif": ("Apabila semakin tinggi realisasi menunjukkan semakin tingginya kinerja atau "
                "semakin rendah realisasi menunjukkan semakin rendahnya kinerja, digunakan rumus:",
                "% Capaian indikator kinerja = Realisasi / Rencana x 100%"),
    "negatif": ("Apabila semakin tinggi realisasi menunjukkan semakin rendahnya kinerja atau "
                "semakin rendah realisasi menunjukkan semakin tingginya kinerja, digunakan rumus:",
                "% Capaian indikator kinerja = (Rencana - (Realisasi - Rencana)) / Rencana x 100%"),
}
RUMUS_EFISIENSI = "Efisiensi = 1 - (% realisasi anggaran x 1 / % capaian kinerja)"


def bagian_laporan(data: Mapping, tahun: int | None,
                   sebelumnya: Mapping[int, Mapping] | None = None) -> list[Section]:
    """`sebelumnya`: {year: data} of the earlier years' files (konteks.sebelumnya)."""
    hasil = evaluasi(data)
    return [
        Section("A. Capaian Kinerja Organisasi", tuple(_capaian(data, tahun, hasil)), 1, "capaian"),
        Section("", tuple(_perbandingan_kendala(data, tahun, hasil, sebelumnya or {})), 2,
                "perbandingan"),
        Section("", tuple(_efisiensi(data, hasil)), 3, "efisiensi"),
        Section("B. Realisasi Anggaran", tuple(_paragraf(tabel(data, CHAPTER_KEY).get(
            "realisasi_anggaran_pengantar"))), 4, "realisasi-anggaran"),
        ikhtisar(data, tahun, hasil),
    ]


def _paragraf(nilai: object) -> list[Block]:
    isi = teks(nilai)
    return [Paragraph(isi)] if isi else []


def _instansi(data: Mapping) -> str:
    return teks(tabel(data, "meta").get("instansi"))


def _tahun(tahun: int | None) -> str:
    return f" Tahun {tahun}" if tahun else ""


# --- section 1 -----------------------------------------------------------------------------


def _capaian(data: Mapping, tahun: int | None, hasil: Evaluasi) -> list[Block]:
    isi = tabel(data, CHAPTER_KEY)
    instansi = _instansi(data)
    blocks: list[Block] = _paragraf(isi.get("pengantar"))
    blocks.append(Heading("3.1 Kerangka Pengukuran Kinerja", 3))
    blocks += _paragraf(isi.get("kerangka_pengukuran"))
    blocks.append(ListBlock(tuple(_rumus(data)), "1."))
    blocks += _paragraf(isi.get("kerangka_penutup"))
    blocks.append(tabel_3_1(data, hasil))
    if hasil.kebijakan.aktif:
        blocks.append(Paragraph(hasil.kebijakan.uraian()))
    blocks += _paragraf(isi.get("skala_penutup"))
    blocks.append(Heading(f"3.2 Evaluasi dan Analisis Capaian Kinerja {instansi}{_tahun(tahun)}"
                          .replace("  ", " "), 3))
    blocks.append(Heading(f"3.2.1 Perbandingan Target dan Realisasi Kinerja{_tahun(tahun)}", 4))
    blocks += _paragraf(isi.get("evaluasi_pengantar"))
    blocks.append(tabel_3_2(data, tahun, hasil))
    blocks += _catatan_batas(hasil)
    from .ringkasan import grafik_capaian

    blocks.append(Figure("3.1", grafik_capaian(data)))  # the summary screen's chart
    blocks += _analisis(data, hasil)
    return blocks


def _catatan_batas(hasil: Evaluasi) -> list[Block]:
    """Under Tabel 3.2: the policy, and each capaian it changed with its value before."""
    if not hasil.kebijakan.aktif:
        return []
    kalimat = [hasil.kebijakan.uraian()]
    for s in hasil.sasaran:
        for h in s.indikator:
            if h.dibatasi:
                kalimat.append(f"Capaian {h.indikator.uraian} menurut rumus "
                               f"{format_persen(h.capaian_mentah)}, dihitung "
                               f"{format_persen(h.capaian)}.")
    return [Paragraph(" ".join(kalimat))]


IKHTISAR = "ikhtisar-eksekutif"  # Section.key the export prints in the front matter


def ikhtisar(data: Mapping, tahun: int | None, hasil: Evaluasi | None = None) -> Section:
    """The Ikhtisar Eksekutif's part of this chapter: the planner's narrative (or a computed
    one), then every indicator's target, realisasi, capaian and kriteria: Tabel 3.2's figures,
    from the same computation, not typed twice (`hasil`: that computation, when the caller
    has it)."""
    if hasil is None:
        hasil = evaluasi(data)
    isi = tabel(data, CHAPTER_KEY)
    blocks: list[Block] = _paragraf(isi.get("ikhtisar"))
    if not blocks:
        indikator = sum(len(s.indikator) for s in hasil.sasaran)
        kalimat = (f"Pada{_tahun(tahun) or ' tahun ini'}, {_instansi(data) or 'instansi'} "
                   f"menetapkan {len(hasil.sasaran)} sasaran strategis dengan {indikator} "
                   "indikator kinerja dalam Perjanjian Kinerja.")
        if not isinstance(hasil.capaian, TakTerhitung):
            kalimat += (f" Rata-rata capaian seluruh indikator sebesar "
                        f"{format_persen(hasil.capaian)} dengan kriteria "
                        f"{teks_peringkat(_peringkat_semua(hasil))}.")
        blocks.append(Paragraph(kalimat))
    t32 = tabel_3_2(data, tahun, hasil)
    blocks.append(replace(t32, nomor="", judul=f"Capaian Indikator Kinerja{_tahun(tahun)}",
                          sumber=""))
    return Section("IKHTISAR EKSEKUTIF", tuple(blocks), 1, IKHTISAR)


def _rumus(data: Mapping) -> list[str]:
    """3.1's numbered formulas: the file's wording where it has one; a formula the file leaves
    out (the seed never printed the positive one) is the one the tool computes with."""
    rows = [r for _, r in baris(data, CHAPTER_KEY, "rumus_capaian")]
    if not rows:
        return [f"{syarat}\n{rumus}" for syarat, rumus in RUMUS.values()]
    out = []
    for row in rows:
        syarat_baku, rumus_baku = RUMUS.get(teks(row.get("polaritas")).lower(), ("", ""))
        syarat = teks(row.get("syarat")) or syarat_baku
        rumus = teks(row.get("rumus")) or rumus_baku
        out.append("\n".join(b for b in (syarat, rumus) if b))
    return out


def _interval(row: Mapping, atas_berikut: float | None) -> str:
    """The printed interval of one scale row: "76% - 90%", ">= 91%", "<= 50%"."""
    def pct(v: float) -> str:
        return format_persen(v)

    bawah, atas = row.get("min"), row.get("max")
    bawah = bawah if isinstance(bawah, (int, float)) and not isinstance(bawah, bool) else None
    atas = atas if isinstance(atas, (int, float)) and not isinstance(atas, bool) else None
    if bawah is not None and atas is not None:
        return f"{pct(bawah)} - {pct(atas)}"
    if bawah is not None:
        return f">= {pct(bawah)} dan < {pct(atas_berikut)}" if atas_berikut is not None \
            else f">= {pct(bawah)}"
    if atas is not None:
        return f"<= {pct(atas)}"
    return f"< {pct(atas_berikut)}" if atas_berikut is not None else "-"


def tabel_3_1(data: Mapping, hasil: Evaluasi) -> TableBlock:
    """The scale as the file writes it (the check reports its gaps), or the standard one."""
    if hasil.skala_berkas:
        rows = [r for _, r in baris(data, CHAPTER_KEY, "skala")]
    else:
        rows = [{"nama": t.nama, "min": t.min} for t in hasil.skala]
    mins = sorted(r["min"] for r in rows if isinstance(r.get("min"), (int, float))
                  and not isinstance(r.get("min"), bool))
    out = []
    for i, row in enumerate(rows, start=1):
        bawah = row.get("min")
        lebih = [m for m in mins
                 if bawah is None or (isinstance(bawah, (int, float)) and m > bawah)]
        interval = _interval(row, lebih[0] if lebih else None)
        out.append(Row((f"{i}", interval, teks(row.get("nama")))))
    sumber = teks(tabel(data, CHAPTER_KEY).get("skala_sumber"))
    if not hasil.skala_berkas:
        sumber = sumber or "skala baku lakip (skala peringkat belum diisi di berkas)"
    return TableBlock(
        "3.1", teks(tabel(data, CHAPTER_KEY).get("skala_judul")) or "Skala Nilai Peringkat Kinerja",
        (Column("No.", justify="right"), Column("Interval Nilai Realisasi Kinerja", ratio=1),
         Column("Kriteria Penilaian Realisasi Kinerja", ratio=1)),
        tuple(out), sumber=sumber,
    )


def tabel_3_2(data: Mapping, tahun: int | None, hasil: Evaluasi) -> TableBlock:
    rows: list[Row] = []
    for s in hasil.sasaran:
        for j, h in enumerate(s.indikator):
            ind = h.indikator
            rows.append(Row((
                f"{s.sasaran.nomor}." if j == 0 else "",
                s.sasaran.uraian if j == 0 else "",
                ind.uraian,
                format_nilai(ind.target, ind.satuan),
                format_nilai(h.nilai, ind.satuan),
                format_persen(h.capaian),
                teks_peringkat(h.peringkat),
            )))
        if not s.indikator:
            rows.append(Row((f"{s.sasaran.nomor}.", s.sasaran.uraian, "-", "-", "-", "-", "-")))
        rows.append(Row(("", "", f"Rata-rata capaian sasaran {s.sasaran.nomor}", "", "",
                         format_persen(s.capaian), teks_peringkat(s.peringkat)), style="bold"))
    judul = teks(tabel(data, CHAPTER_KEY).get("capaian_judul")) or (
        f"Realisasi Sasaran/Indikator Kinerja Utama {_instansi(data)}{_tahun(tahun)}"
        .replace("  ", " "))
    footer = (Row(("", "", "Rata-rata capaian seluruh indikator", "", "",
                   format_persen(hasil.capaian), teks_peringkat(_peringkat_semua(hasil)))),)
    return TableBlock(
        "3.2", judul.strip(),
        (Column("No.", justify="right"), Column("Sasaran Strategis", ratio=3),
         Column("Indikator Kinerja", ratio=3), Column("Target", justify="right"),
         Column("Realisasi", justify="right"), Column("Capaian (%)", justify="right"),
         Column("Peringkat")),
        tuple(rows), sumber=teks(tabel(data, CHAPTER_KEY).get("capaian_sumber")), footer=footer,
    )


def _peringkat_semua(hasil: Evaluasi):
    return peringkat(hasil.capaian, hasil.skala)


def _analisis(data: Mapping, hasil: Evaluasi) -> list[Block]:
    """Each sasaran's analysis under its heading; where none is written, the computed verdict."""
    tertulis: dict[str, list[Mapping]] = {}
    for _, row in baris(data, CHAPTER_KEY, "analisis"):
        tertulis.setdefault(teks(row.get("sasaran")), []).append(row)
    blocks: list[Block] = []
    for s in hasil.sasaran:
        no = s.sasaran.nomor
        rows = tertulis.pop(s.sasaran.kode, []) if s.sasaran.kode else []
        judul = next((teks(r.get("judul")) for r in rows if teks(r.get("judul"))),
                     f'Analisis Sasaran Strategis {no}: "{s.sasaran.uraian}"')
        blocks.append(Heading(f"{no}. {judul}", 4))
        isi = [b for row in rows for b in _isi_analisis(row)]
        blocks += isi or [Paragraph(_vonis(s))]
    for kode, rows in tertulis.items():  # analyses of a sasaran not in the PK (a finding)
        blocks.append(Heading(f"Analisis sasaran {kode or '(tanpa kode)'}", 4))
        blocks += [b for row in rows for b in _isi_analisis(row)]
    return blocks


def _isi_analisis(row: Mapping) -> list[Block]:
    blocks = _paragraf(row.get("teks"))
    if teks(row.get("iku_judul")):
        blocks.append(Heading(f"a. {teks(row.get('iku_judul'))}", 5))
    return blocks + _paragraf(row.get("iku"))


def _vonis(s: HasilSasaran) -> str:
    if isinstance(s.capaian, TakTerhitung):
        return (f'Capaian indikator kinerja sasaran "{s.sasaran.uraian}" belum dapat dihitung '
                f"({s.capaian.alasan}).")
    return (f'Capaian indikator kinerja sasaran "{s.sasaran.uraian}" adalah '
            f"{teks_peringkat(s.peringkat).lower()} yaitu mencapai {format_persen(s.capaian)}.")


# --- section 2 -----------------------------------------------------------------------------


def _perbandingan_kendala(data: Mapping, tahun: int | None, hasil: Evaluasi,
                          sebelumnya: Mapping[int, Mapping]) -> list[Block]:
    isi = tabel(data, CHAPTER_KEY)
    blocks: list[Block] = [
        Heading(f"3.2.2 Perbandingan Realisasi Kinerja{_tahun(tahun)} dengan Tahun Sebelumnya "
                "dan Target Renstra", 4),
        tabel_3_4(data, tahun, hasil, sebelumnya),
        Heading("3.2.3 Analisis Penyebab Keberhasilan/Kegagalan atau Peningkatan/Penurunan "
                "Kinerja", 4),
        Heading("3.2.3.1 Kendala / Hambatan dalam Pencapaian Target", 5),
    ]
    blocks += _paragraf(isi.get("kendala_pengantar"))
    if daftar_teks(isi.get("kendala")):
        blocks.append(ListBlock(tuple(daftar_teks(isi.get("kendala"))), "a."))
    blocks.append(Heading("3.2.3.2 Solusi / Harapan dalam Pencapaian Target", 5))
    blocks += _paragraf(isi.get("solusi_pengantar"))
    if daftar_teks(isi.get("solusi")):
        blocks.append(ListBlock(tuple(daftar_teks(isi.get("solusi"))), "1."))
    blocks.append(Heading("3.2.4 Analisis atas Efisiensi Penggunaan Sumber Daya", 4))
    blocks += _paragraf(isi.get("efisiensi_pengantar"))
    return blocks


def _tahun_kunci(kunci: str) -> int | None:
    return int(kunci) if kunci.isdigit() else None


def _lalu(h, berkas: Mapping[str, Mapping]) -> dict[str, object]:
    """Earlier years' realisasi of one indicator: typed in `tahun_lalu`, overridden by what
    the earlier years' own files hold (a disagreement is a finding of validasi)."""
    ketik = h.realisasi.tahun_lalu if h.realisasi is not None else {}
    return {**ketik, **berkas.get(h.indikator.kode, {})} if h.indikator.kode else dict(ketik)


def tabel_3_4(data: Mapping, tahun: int | None, hasil: Evaluasi,
              sebelumnya: Mapping[int, Mapping] | None = None) -> TableBlock:
    """Realisasi of earlier years and this year beside every Renstra target, and the capaian
    against the target at the end of the Renstra period. Earlier years come from their own
    files where the project names them."""
    from .tahun_lalu import dari_berkas, renstra_dari_berkas, target_tahun as target_dari

    sebelumnya = sebelumnya or {}
    berkas, renstra_lain = dari_berkas(sebelumnya), renstra_dari_berkas(sebelumnya)
    semua = [h for s in hasil.sasaran for h in s.indikator]
    lalu = sorted({t for h in semua for t in map(_tahun_kunci, _lalu(h, berkas))
                   if t is not None and (tahun is None or t < tahun)})
    target_tahun = sorted({t for h in semua for t in map(_tahun_kunci, h.indikator.renstra)
                           if t is not None})
    periode = periode_renstra(data) or next(
        (p for p in (periode_renstra(sebelumnya[t]) for t in sorted(sebelumnya, reverse=True))
         if p), None)
    akhir = periode[1] if periode else (target_tahun[-1] if target_tahun else None)
    columns = [Column("No.", justify="right"), Column("Sasaran Strategis", ratio=3),
               Column("Indikator Kinerja", ratio=3)]
    columns += [Column(f"Realisasi {t}", justify="right") for t in lalu]
    columns.append(Column(f"Realisasi {tahun}" if tahun else "Realisasi", justify="right"))
    columns += [Column(f"Target {t}", justify="right") for t in target_tahun]
    if akhir is not None:
        columns.append(Column(f"Capaian thd Target {akhir}", justify="right"))
    rows = []
    for s in hasil.sasaran:
        for j, h in enumerate(s.indikator):
            ind = h.indikator
            sel = [f"{s.sasaran.nomor}." if j == 0 else "", s.sasaran.uraian if j == 0 else "",
                   ind.uraian]
            tahun_lalu = _lalu(h, berkas)
            sel += [format_nilai(tahun_lalu.get(str(t)), ind.satuan) for t in lalu]
            sel.append(format_nilai(h.nilai, ind.satuan))
            sel += [format_nilai(ind.renstra.get(str(t)), ind.satuan) for t in target_tahun]
            if akhir is not None:
                target_akhir = target_dari(ind, akhir, renstra_lain)
                sel.append("-" if target_akhir is None else
                           format_persen(capaian_terhadap(ind, target_akhir, h.nilai,
                                                          hasil.kebijakan)))
            rows.append(Row(tuple(sel)))
    judul = teks(tabel(data, CHAPTER_KEY).get("perbandingan_judul")) or \
        f"Perbandingan Realisasi dan Target Renstra {_instansi(data)}".strip()
    return TableBlock("3.4", judul, tuple(columns), tuple(rows),
                      sumber=teks(tabel(data, CHAPTER_KEY).get("perbandingan_sumber")))


# --- section 3 -----------------------------------------------------------------------------


def _efisiensi(data: Mapping, hasil: Evaluasi) -> list[Block]:
    """The planner's explanation (or a standard one), then the worked line, always computed:
    a stated line or result (efisiensi_rumus_tertulis, efisiensi_tertulis) is only checked."""
    isi = tabel(data, CHAPTER_KEY)
    blocks: list[Block] = []
    hitungan_ada = not isinstance(hasil.efisiensi, TakTerhitung)
    anggaran, kinerja = format_persen(hasil.persen_anggaran), format_persen(hasil.capaian)
    if teks(isi.get("efisiensi_teks")):
        blocks += _paragraf(isi.get("efisiensi_teks"))
    else:
        blocks += [Paragraph("Efisiensi penggunaan anggaran dihitung dengan rumus:"),
                   Paragraph(RUMUS_EFISIENSI)]
        if hitungan_ada:
            blocks.append(Paragraph(
                f"Dengan persentase realisasi anggaran sebesar {anggaran} dan rata-rata capaian "
                f"kinerja sebesar {kinerja}, tingkat efisiensi penggunaan anggaran "
                f"{_instansi(data) or 'instansi'} adalah:"))
    if hitungan_ada:
        # the result as the printed formula says: "... x 100%" gives a percentage
        from .cek_efisiensi import KALI_100_PERSEN

        rumus = teks(isi.get("efisiensi_teks")) or RUMUS_EFISIENSI
        if KALI_100_PERSEN.search(rumus):
            blocks.append(Paragraph(f"= 1 - ({anggaran} x 1 / {kinerja}) x 100%\n"
                                    f"= {format_persen(hasil.efisiensi * 100)}"))
        else:
            blocks.append(Paragraph(f"= 1 - ({anggaran} x 1 / {kinerja})\n"
                                    f"= {format_desimal(hasil.efisiensi, 2)}"))
    else:
        blocks.append(Paragraph(f"Efisiensi penggunaan anggaran tidak dapat dihitung: "
                                f"{hasil.efisiensi.alasan}."))
    blocks.append(Heading("3.2.5 Analisis Program/Kegiatan yang Menunjang Keberhasilan/Kegagalan "
                          "Pencapaian Kinerja", 4))
    blocks += _paragraf(isi.get("program_pendukung"))
    return blocks
