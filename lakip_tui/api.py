"""The public plugin API of lakip-tui: the only module a chapter plugin imports.

Everything a plugin needs is here: the hook marker, the typed objects it registers and returns
(chapters and their editing structure, findings, report blocks, charts, fact tables), the context
it is handed, the errors, and the domain helpers (Indonesian numbers, performance math, readers
of hand-edited data). Everything else in `lakip_tui` may change between versions without notice.

Compatibility promise (docs/plugins.md): within one major API_VERSION, a name in `__all__` keeps
its meaning and its signature accepts what it accepted (new optional parameters may be added;
a dataclass may gain fields with defaults); a name is removed or changed only in a new major
version, after one minor version that warns. The modules exported whole (`angka`, `baca`,
`indikator`, `kinerja`) are covered for their public names (those without a leading underscore).

    from lakip_tui.api import Chapter, Section, Paragraph, hookimpl, warning
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # type checkers see every name with its type; at run time each is imported
    # on first use, so a plugin importing a few names does not import the whole core (the
    # editor's first frame must not wait for kinerja or the report model)
    from . import angka, baca, indikator, kinerja
    from .angka import (
        format_bilangan,
        format_desimal,
        format_nilai,
        format_persen,
        format_rupiah,
        parse_bilangan,
        parse_desimal,
        parse_persen,
        parse_rupiah,
    )
    from .baca import baris, bilangan, daftar_teks, tabel, teks, wilayah
    from .chapter import AddBagian, AddColumn, Bagian, Chapter, Extension, Isian, Kolom, Narasi, Tabel
    from .clean import clean_text
    from .context import Konteks
    from .errors import AngkaError, LakipError
    from .facts import FactColumn, FactTable
    from .lke import Bukti
    from .findings import Finding, error, info, warning
    from .hookspecs import hookimpl
    from .impor import BarisImpor, Impor, Lembar, Sisip, Ubah, kolom_huruf
    from .indikator import Indikator, Sasaran, daftar_sasaran, periode_renstra
    from .kinerja import (
        KEBIJAKAN_BAKU,
        SKALA_BAKU,
        KebijakanCapaian,
        kebijakan_dari_data,
        Hasil,
        Peringkat,
        Rekap,
        capaian,
        capaian_kualitatif,
        capaian_sesuai_target,
        efisiensi,
        periksa_skala,
        peringkat,
        rata_rata,
        rekap_total,
        skala_dari_data,
    )
    from .paths import Path, format_path
    from .report import (
        Batang,
        Block,
        Column,
        Grafik,
        Heading,
        ListBlock,
        Paragraph,
        Raw,
        Row,
        Section,
        Signature,
        SignaturePair,
        Figure,
        TableBlock,
    )
    from .tahun_baru import Pindah, ganti_tahun_di
    from .ttd import kepala, kepala_daerah
    from .tak_terhitung import TakTerhitung

_WHERE = {  # name -> the core module it lives in (imported on first use)
    "angka": "",
    "baca": "",
    "indikator": "",
    "kinerja": "",
    "format_bilangan": "angka",
    "format_desimal": "angka",
    "format_nilai": "angka",
    "format_persen": "angka",
    "format_rupiah": "angka",
    "parse_bilangan": "angka",
    "parse_desimal": "angka",
    "parse_persen": "angka",
    "parse_rupiah": "angka",
    "baris": "baca",
    "bilangan": "baca",
    "daftar_teks": "baca",
    "tabel": "baca",
    "teks": "baca",
    "wilayah": "baca",
    "AddBagian": "chapter",
    "AddColumn": "chapter",
    "Extension": "chapter",
    "Bagian": "chapter",
    "Chapter": "chapter",
    "Isian": "chapter",
    "Kolom": "chapter",
    "Narasi": "chapter",
    "Tabel": "chapter",
    "clean_text": "clean",
    "Konteks": "context",
    "AngkaError": "errors",
    "LakipError": "errors",
    "FactColumn": "facts",
    "FactTable": "facts",
    "Bukti": "lke",
    "Finding": "findings",
    "error": "findings",
    "info": "findings",
    "warning": "findings",
    "hookimpl": "hookspecs",
    "BarisImpor": "impor",
    "Impor": "impor",
    "Lembar": "impor",
    "Sisip": "impor",
    "Ubah": "impor",
    "kolom_huruf": "impor",
    "kepala": "ttd",
    "kepala_daerah": "ttd",
    "Pindah": "tahun_baru",
    "ganti_tahun_di": "tahun_baru",
    "KEBIJAKAN_BAKU": "kinerja",
    "KebijakanCapaian": "kinerja",
    "kebijakan_dari_data": "kinerja",
    "Indikator": "indikator",
    "Sasaran": "indikator",
    "daftar_sasaran": "indikator",
    "periode_renstra": "indikator",
    "SKALA_BAKU": "kinerja",
    "Hasil": "kinerja",
    "Peringkat": "kinerja",
    "Rekap": "kinerja",
    "capaian": "kinerja",
    "capaian_kualitatif": "kinerja",
    "capaian_sesuai_target": "kinerja",
    "efisiensi": "kinerja",
    "periksa_skala": "kinerja",
    "peringkat": "kinerja",
    "rata_rata": "kinerja",
    "rekap_total": "kinerja",
    "skala_dari_data": "kinerja",
    "Path": "paths",
    "format_path": "paths",
    "Batang": "report",
    "Block": "report",
    "Column": "report",
    "Grafik": "report",
    "Heading": "report",
    "ListBlock": "report",
    "Paragraph": "report",
    "Raw": "report",
    "Row": "report",
    "Section": "report",
    "Signature": "report",
    "SignaturePair": "report",
    "Figure": "report",
    "TableBlock": "report",
    "TakTerhitung": "tak_terhitung",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'lakip_tui.api' has no attribute {name!r}")
    import importlib

    if where == "":  # a helper module exported whole
        value = importlib.import_module(f"lakip_tui.{name}")
    else:
        value = getattr(importlib.import_module(f"lakip_tui.{where}"), name)
    globals()[name] = value  # the next use costs nothing
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


API_VERSION = "1.0"
"""major.minor: a plugin written for 1.x works with every 1.y, y >= x (see the promise above)."""

__all__ = [
    "API_VERSION",
    # hooks
    "hookimpl",
    # what a plugin registers: a chapter and its editing structure
    "Chapter", "Bagian", "Tabel", "Kolom", "Narasi", "Isian",
    # extending another plugin's chapter (registered with the same `register`)
    "AddColumn", "AddBagian", "Extension",
    # what lakip_validate returns
    "Finding", "error", "warning", "info",
    # what lakip_render returns: sections of blocks
    "Section", "Block", "Heading", "Paragraph", "ListBlock", "TableBlock", "Column", "Row",
    "Signature", "SignaturePair", "Figure", "Raw",
    # what lakip_summary and lakip_data return
    "Grafik", "Batang", "FactTable", "FactColumn", "Bukti",
    # what every hook is handed, and paths into the project file
    "Konteks", "Path", "format_path",
    # errors
    "LakipError", "AngkaError",
    # text from a project, safe to show
    "clean_text",
    # Indonesian numbers
    "angka", "format_bilangan", "format_desimal", "format_nilai", "format_persen",
    "format_rupiah", "parse_bilangan", "parse_desimal", "parse_persen", "parse_rupiah",
    # reading hand-edited data
    "baca", "baris", "bilangan", "daftar_teks", "tabel", "teks", "wilayah",
    "indikator", "Indikator", "Sasaran", "daftar_sasaran", "periode_renstra",
    # performance math
    "kinerja", "TakTerhitung", "SKALA_BAKU", "Hasil", "Peringkat", "Rekap", "capaian",
    "capaian_kualitatif", "capaian_sesuai_target", "efisiensi", "periksa_skala", "peringkat",
    "rata_rata", "rekap_total", "skala_dari_data", "KEBIJAKAN_BAKU", "KebijakanCapaian",
    "kebijakan_dari_data",
    # what lakip_impor and lakip_tahun_baru return
    "Impor", "BarisImpor", "Lembar", "Sisip", "Ubah", "kolom_huruf", "Pindah", "ganti_tahun_di",
    # the signing blocks of [meta] (kepala instansi, kepala daerah)
    "kepala", "kepala_daerah",
]
