"""A small, deterministic world for the TUI tests: one project file and one test chapter plugin.

The built-in chapters are switched off (LAKIP_LOAD_PLUGINS="") so that what the tests see does not
move when a colleague changes a built-in chapter; the example project is tested separately.
"""

from __future__ import annotations

import asyncio
import functools

from pathlib import Path

from lakip_tui.chapter import Bagian, Chapter, Kolom, Narasi, Tabel
from lakip_tui.findings import warning
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.report import Column, Row, Section, TableBlock

PROJECT_TEXT = '''\
# Proyek uji TUI
format = 1

[meta]
pemda = "Pemerintah Kota Contoh"
instansi = "Dinas Sosial Kota Contoh"
tahun = 2024

[uji]
catatan = "Catatan awal"

[[uji.baris]]
kode = "A1"
nama = "Baris pertama"
nilai = 10 # nilai pertama, komentar ini harus tetap ada

[[uji.baris]]
kode = "A2"
nama = "Baris kedua"
nilai = 250

[perjanjian_kinerja]

[[perjanjian_kinerja.sasaran]]
kode = "SS1"
uraian = "Sasaran uji"

  [[perjanjian_kinerja.sasaran.indikator]]
  kode = "IKU1"
  uraian = "Persentase PMKS tertangani"
  satuan = "%"
  target = 85

[akuntabilitas]

[[akuntabilitas.realisasi]]
indikator = "IKU1"
nilai = 84

[anggaran]

[[anggaran.program]]
kode = "1.06.01"
nama = "Program Penunjang"

  [[anggaran.program.kegiatan]]
  kode = "1.06.01.2.02"
  nama = "Administrasi Keuangan"

    [[anggaran.program.kegiatan.sub]]
    kode = "1.06.01.2.02.0001"
    nama = "Gaji dan Tunjangan ASN"
    pagu = 3190068739
    realisasi = 3039121635
'''

KOLOM = (
    Kolom("kode", "Kode", wajib=True),
    Kolom("nama", "Nama"),
    Kolom("nilai", "Nilai", "bilangan"),
)

BAB_UJI = Chapter(
    key="uji",
    title="BAB I Uji",
    order=10,
    bagian=(
        Bagian("baris", "A. Baris", (Tabel("baris", "Tabel Baris", ("uji", "baris"), KOLOM,
                                           baris_baru=lambda: {"kode": "", "nilai": 0}),)),
        Bagian("catatan", "B. Catatan", (Narasi("catatan", "Catatan", ("uji", "catatan")),)),
    ),
)
BAB_LAIN = Chapter(
    key="lain",
    title="BAB II Lain",
    order=20,
    bagian=(Bagian("isi", "A. Isi", (Narasi("teks", "Teks", ("lain", "teks")),)),),
)


class PluginUji:
    """Two chapters; a warning for every nilai above 100; one rendered table per chapter."""

    @hookimpl
    def lakip_register_chapters(self, register):
        register(BAB_UJI)
        register(BAB_LAIN)

    @hookimpl
    def lakip_validate(self, data, konteks):
        out = []
        for index, row in enumerate((data.get("uji") or {}).get("baris") or []):
            nilai = row.get("nilai")
            if isinstance(nilai, int) and nilai > 100:
                out.append(warning("uji.nilai-besar", "uji", ("uji", "baris", index, "nilai"),
                                   f"Nilai baris {row.get('kode')} lebih dari 100 ({nilai})"))
        return out

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        if chapter.key != "uji":
            return None
        rows = tuple(Row((str(r.get("kode", "")), str(r.get("nilai", ""))))
                     for r in (data.get("uji") or {}).get("baris") or [])
        table = TableBlock("1.1", "Baris Uji", (Column("Kode"), Column("Nilai", "right")), rows,
                           sumber="Data uji")
        return [Section("A. Baris", (table,), order=1)]


def write_project(folder: Path, text: str = PROJECT_TEXT) -> Path:
    path = folder / "uji-2024.toml"
    path.write_text(text, encoding="utf-8")
    return path


def make_registry(project: Project, plugins: str = ""):
    """The test plugin, plus the built-ins named in `plugins` ("akuntabilitas,anggaran")."""
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": plugins})
    registry.load_object(PluginUji(), "uji")
    return registry


def make_app(folder: Path, *, env: dict | None = None, view_factory=None, read_only=False,
             text: str = PROJECT_TEXT, plugins: str = "", **kwargs):
    from lakip_tui.tui.app import LakipApp

    path = write_project(folder, text)
    project = Project.load(path)
    registry = make_registry(project, plugins)
    environ = {"XDG_CONFIG_HOME": str(folder / "config"), "HOME": str(folder)}
    environ.update(env or {})
    return LakipApp(project, registry, read_only=read_only, env=environ,
                    view_factory=view_factory, **kwargs)




def pilot_test(test):
    """Run an async Pilot test without an async pytest plugin (none is a dependency)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        asyncio.run(test(*args, **kwargs))

    return run
