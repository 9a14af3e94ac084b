"""`lakip rekap FOLDER`: the Pemda-level recap of many agencies' reports, by SQL over the tidy
tables of `lakip data`, in DuckDB (embedded, in memory).

The queries live in `rekap.sql`, plain SQL that a ministry can run unchanged in Spark, Trino or
BigQuery over every province's Parquet files (docs/rekap.md prints the same file). This module
only loads the tables, runs the queries, and lays the answers out as a document that the report's
own writers print (txt, md, html; pdf through Typst).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .angka import format_bilangan, format_desimal, format_persen, format_rupiah
from .clean import clean_text
from .errors import LakipError
from .tidy import Facts, arrow_table, gather

_NAME = re.compile(r"^-- name: ([a-z_]+)\s*$", re.M)
KOSONG = "-"  # a figure that is missing or cannot be computed


def queries() -> dict[str, str]:
    """The named queries of rekap.sql, in file order."""
    text = resources.files(__package__).joinpath("rekap.sql").read_text(encoding="utf-8")
    parts = _NAME.split(text)
    return {parts[i]: parts[i + 1].strip() for i in range(1, len(parts), 2)}


@dataclass(frozen=True)
class Answer:
    """One query's result: column names and rows, or why it could not run."""

    columns: tuple[str, ...] = ()
    rows: tuple[tuple, ...] = ()
    problem: str = ""


def run_queries(facts: Facts) -> dict[str, Answer]:
    """Every query of rekap.sql over the facts' tables, in one in-memory DuckDB."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        for name, table in facts.tables.items():
            con.register(name, arrow_table(table))
        answers = {}
        for name, sql in queries().items():
            try:
                cursor = con.execute(sql.rstrip().rstrip(";"))
                answers[name] = Answer(tuple(d[0] for d in cursor.description),
                                       tuple(cursor.fetchall()))
            except duckdb.Error as exc:  # a table or column a disabled plugin would have given
                answers[name] = Answer(problem=str(exc).splitlines()[0])
        return answers
    finally:
        con.close()


# -- the document ----------------------------------------------------------------------------

# How each column of an answer is printed: header, format, alignment.
_KOLOM = {
    "pemda": ("Pemerintah Daerah", "teks"),
    "tahun": ("Tahun", "tahun"),
    "instansi": ("Perangkat Daerah", "teks"),
    "sasaran_daerah": ("Sasaran Daerah", "teks"),
    "jumlah_instansi": ("Jumlah PD", "bilangan"),
    "instansi_dengan_anggaran": ("PD dengan Data Anggaran", "bilangan"),
    "jumlah_sasaran": ("Sasaran", "bilangan"),
    "jumlah_indikator": ("Indikator", "bilangan"),
    "pagu": ("Pagu (Rp)", "rupiah"),
    "realisasi": ("Realisasi (Rp)", "rupiah"),
    "sisa": ("Sisa (Rp)", "rupiah"),
    "persen_realisasi": ("Realisasi (%)", "persen"),
    "capaian": ("Capaian", "persen"),
    "rata_rata_capaian": ("Rata-rata Capaian", "persen"),
    "capaian_terendah": ("Capaian Terendah", "persen"),
    "efisiensi": ("Efisiensi", "desimal"),
    "galat": ("Galat", "bilangan"),
    "peringatan": ("Peringatan", "bilangan"),
    "info": ("Info", "bilangan"),
    "jumlah_temuan": ("Jumlah Temuan", "bilangan"),
}

_BAGIAN = (
    ("pemda", "Ringkasan Pemerintah Daerah",
     "Jumlah perangkat daerah, pagu dan realisasi anggaran seluruhnya, dan rata-rata capaian "
     "kinerja perangkat daerah."),
    ("capaian_instansi", "Capaian Kinerja per Perangkat Daerah",
     "Rata-rata capaian seluruh indikator kinerja setiap perangkat daerah, seperti dihitung "
     "BAB III laporannya sendiri, dari yang tertinggi."),
    ("capaian_sasaran_daerah", "Capaian per Sasaran Daerah",
     "Sasaran daerah (RPJMD) yang disebut sasaran perangkat daerah (kunci sasaran_daerah), "
     "dengan rata-rata capaian sasaran-sasaran itu."),
    ("anggaran_instansi", "Penyerapan Anggaran per Perangkat Daerah",
     "Pagu dan realisasi anggaran setiap perangkat daerah (jumlah Tabel 3.7-nya), dari "
     "penyerapan terendah."),
    ("temuan_terbanyak", "Perangkat Daerah dengan Temuan Terbanyak",
     "Sepuluh perangkat daerah dengan temuan `lakip check` terbanyak, galat lebih dulu."),
)


def document(facts: Facts, answers: dict[str, Answer]):
    from .dokumen import (BabLaporan, Column, Document, EntriIsi, Paragraph, Row, Sampul,
                          Section, TableBlock)

    pemda = answers["pemda"].rows if not answers["pemda"].problem else ()
    nama = sorted({r[0] for r in pemda if r[0]})
    tahun = sorted({r[1] for r in pemda if r[1] is not None})
    sampul = Sampul(nama[0] if len(nama) == 1 else f"{len(nama)} Pemerintah Daerah",
                    "Rekapitulasi Perangkat Daerah",
                    "" if not tahun else str(tahun[0]) if len(tahun) == 1
                    else f"{tahun[0]}-{tahun[-1]}")
    sections = []
    for nomor, (key, judul, penjelasan) in enumerate(_BAGIAN, start=1):
        answer = answers[key]
        blocks: list[Any] = [Paragraph(penjelasan)]
        if answer.problem:
            blocks.append(Paragraph(f"Tidak dapat disusun: {answer.problem}"))
        elif not answer.rows:
            blocks.append(Paragraph("Tidak ada data."))
        else:
            columns = tuple(Column(_KOLOM.get(c, (c, "teks"))[0],
                                   "left" if _KOLOM.get(c, (c, "teks"))[1] == "teks" else "right")
                            for c in answer.columns)
            rows = tuple(Row(tuple(_sel(c, v) for c, v in zip(answer.columns, row)))
                         for row in answer.rows)
            blocks.append(TableBlock(f"R.{nomor}", judul, columns, rows,
                                     sumber=f"lakip rekap, kueri {key} (docs/rekap.md)"))
        sections.append(Section(f"{nomor}. {judul}", tuple(blocks), nomor, f"rekap-{key}"))
    catatan = [f"{facts.files} berkas proyek dibaca."]
    if facts.unreadable:
        catatan.append(f"{len(facts.unreadable)} berkas tidak terbaca dan tidak dihitung: "
                       + "; ".join(facts.unreadable))
    if facts.skipped:
        catatan.append(f"{len(facts.skipped)} berkas TOML lain dilewati (bukan proyek).")
    catatan.append("Angka yang tidak dapat dihitung ditulis \"-\".")
    sections.append(Section("Catatan", (Paragraph("\n\n".join(catatan)),), 99, "rekap-catatan"))
    bab = BabLaporan("rekap", "REKAPITULASI LAPORAN KINERJA", tuple(sections))
    isi = (EntriIsi(1, bab.judul), *(EntriIsi(2, s.title) for s in sections))
    return Document(sampul, (), isi, (bab,))


def _sel(column: str, value: Any) -> str:
    kind = _KOLOM.get(column, (column, "teks"))[1]
    if value is None:
        return KOSONG
    if kind == "rupiah":
        return format_rupiah(int(value))
    if kind == "persen":
        return format_persen(float(value))
    if kind == "desimal":
        return format_desimal(float(value))
    if kind == "bilangan":
        return format_bilangan(int(value))
    return clean_text(str(value))


# -- the command ---------------------------------------------------------------------------------

FORMATS = ("txt", "md", "html", "pdf", "docx")


def _write_atomic(target: Path, data: bytes) -> None:
    """Replace `target` whole: a temp file in the same folder, fsynced, renamed over it."""
    import os
    import tempfile

    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                dir=target.parent if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def run_rekap(args) -> int:
    """`lakip rekap FOLDER|FILE... [-f txt|md|html|pdf|docx] [-o OUT]`: 0, or 2 when a file
    could not be read (the recap of the others is still made and says so)."""
    from . import exporters

    fmt = (args.format or "txt").lower()
    if fmt not in FORMATS:
        raise LakipError(f"format '{args.format}' tidak dikenal; pilih {', '.join(FORMATS)}")
    facts = gather(args.file, tuple(args.plugin), args.jobs)
    for problem in facts.unreadable:
        print(clean_text(f"lakip: {problem}"), file=sys.stderr)
    if not facts.files:
        raise LakipError("tidak ada berkas proyek yang dapat dibaca; rekap tidak dibuat")
    to_stdout = args.output in (None, "-")
    if to_stdout and fmt in exporters.BINARY and sys.stdout.isatty():
        raise LakipError(f"rekap {fmt} adalah berkas biner: beri -o BERKAS.{fmt}")
    target = None if to_stdout else Path(args.output)
    if target is not None and target.is_dir():
        raise LakipError("keluaran adalah folder; beri nama berkas", where=str(target))
    out = exporters.render(document(facts, run_queries(facts)), fmt, width=args.width)
    data = out if isinstance(out, bytes) else out.encode("utf-8")
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            _write_atomic(target, data)
        except OSError as exc:
            raise LakipError(f"tidak dapat menulis berkas keluaran ({exc.strerror or exc})",
                             where=str(target)) from None
        print(f"Rekap ditulis ke {target}", file=sys.stderr)
    return 2 if facts.unreadable else 0
