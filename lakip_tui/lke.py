"""`lakip check --lke`: the report's own part of the LKE's "Pelaporan Kinerja" component.

The evaluators of Permenpan RB 88/2021 (Pedoman Evaluasi Akuntabilitas Kinerja Instansi
Pemerintah) score the Laporan Kinerja with the LKE (Lembar Kerja Evaluasi). Some of its
criteria are about the document itself and can be seen in the file: is the report complete, does
it compare realisasi with the year's target, with the Renstra and with earlier years, does it
analyse causes, efficiency, and say what follows. This module holds those criteria (their ids,
wording and source); the chapter plugins give the evidence through the `lakip_lke` hook, each
from its own data; the core adds the structure (every chapter present) and scores. It is a
self-check that says where the evidence is or what is missing, not the evaluators' score.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Iterable

from .clean import clean_data, clean_text
from .errors import LakipError
from .paths import Path as DataPath
from .paths import format_path

SUMBER = ("Permenpan RB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja Instansi "
          "Pemerintah, Lampiran (LKE), komponen Pelaporan Kinerja; sistematika menurut "
          "Permenpan RB Nomor 53 Tahun 2014")

STATUS = ("ada", "sebagian", "tidak")
NILAI = {"ada": 1.0, "sebagian": 0.5, "tidak": 0.0}
LABEL = {"ada": "TERPENUHI", "sebagian": "SEBAGIAN", "tidak": "BELUM", "luar": "DI LUAR BERKAS"}


@dataclass(frozen=True)
class Kriteria:
    id: str
    judul: str
    dinilai: bool = True  # False: the file format has no place for the evidence


KRITERIA = (
    Kriteria("struktur", "Laporan Kinerja lengkap menurut sistematikanya: setiap bab terisi "
                         "(Pendahuluan, Perencanaan dan Perjanjian Kinerja, Akuntabilitas "
                         "Kinerja, Penutup)"),
    Kriteria("target", "Realisasi kinerja dibandingkan dengan target tahunan (Perjanjian "
                       "Kinerja): target, realisasi dan capaian setiap indikator"),
    Kriteria("renstra", "Realisasi kinerja dibandingkan dengan target jangka menengah "
                        "(Renstra)"),
    Kriteria("tahun_lalu", "Realisasi kinerja dibandingkan dengan realisasi tahun-tahun "
                           "sebelumnya"),
    Kriteria("analisis", "Analisis capaian: penyebab keberhasilan atau kegagalan, hambatan dan "
                         "upaya yang dilakukan"),
    Kriteria("efisiensi", "Efisiensi penggunaan sumber daya dalam mencapai kinerja"),
    Kriteria("tindak_lanjut", "Upaya perbaikan dan rencana tindak lanjut kinerja ke depan"),
    Kriteria("benchmark", "Perbandingan dengan capaian kinerja nasional atau instansi lain "
                          "(benchmark)", dinilai=False),
)


@dataclass(frozen=True)
class Bukti:
    """Evidence for one criterion: where it is in the file (or would be), and what it shows."""

    kriteria: str
    status: str  # "ada", "sebagian" or "tidak"
    path: DataPath
    keterangan: str

    def __post_init__(self) -> None:
        if self.status not in STATUS:
            raise ValueError(f"unknown status {self.status!r}")


def nilai_kriteria(bukti: list[Bukti]) -> str:
    """One status from the pieces of evidence: all there, none, or some."""
    if not bukti:
        return "tidak"
    statuses = {b.status for b in bukti}
    if statuses == {"ada"}:
        return "ada"
    if statuses == {"tidak"}:
        return "tidak"
    return "sebagian"


def struktur(data: dict, registry) -> list[Bukti]:
    """Every chapter the plugins register is present in the file and not empty."""
    out = []
    for chapter in registry.ordered_chapters():
        isi = data.get(chapter.key)
        if isinstance(isi, (dict, list)) and isi:
            out.append(Bukti("struktur", "ada", (chapter.key,), f"{chapter.title}: terisi"))
        else:
            out.append(Bukti("struktur", "tidak", (chapter.key,),
                             f"{chapter.title}: bagian [{chapter.key}] tidak ada atau kosong"))
    return out


def nilai(project, registry, name: str) -> dict:
    """The self-check of one project as plain data (what --json prints)."""
    from .letak import PetaLetak

    data = project.data
    konteks = registry.konteks(data, project.path)
    bukti: list[Bukti] = struktur(data, registry)
    for _plugin, result in registry.call("lakip_lke", data=data, konteks=konteks):
        bukti.extend(b for b in result if isinstance(b, Bukti) and b.kriteria in _IDS)
    peta = PetaLetak(project.text)
    kriteria = []
    skor, jumlah = 0.0, 0
    for k in KRITERIA:
        milik = [b for b in bukti if b.kriteria == k.id]
        status = nilai_kriteria(milik) if k.dinilai else "luar"
        if k.dinilai:
            skor += NILAI[status]
            jumlah += 1
        kriteria.append({
            "id": k.id,
            "kriteria": k.judul,
            "status": status,
            "bukti": [_bukti_json(b, peta) for b in milik] or (
                [] if not k.dinilai else [{"status": "tidak", "location": "", "line": None,
                                           "column": None,
                                           "keterangan": "tidak ada bukti di berkas"}]),
        })
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    return clean_data({
        "file": name,
        "instansi": meta.get("instansi") if isinstance(meta.get("instansi"), str) else None,
        "tahun": meta.get("tahun") if isinstance(meta.get("tahun"), int) else None,
        "sumber": SUMBER,
        "skor": round(100 * skor / jumlah, 1) if jumlah else None,
        "kriteria": kriteria,
        "problems": [p.message for p in registry.problems],
    })


def _bukti_json(b: Bukti, peta) -> dict:
    where = peta.letak(b.path) if b.path else None
    line, column = where if where else (None, None)
    return {"status": b.status, "location": format_path(b.path), "line": line, "column": column,
            "keterangan": b.keterangan}


_IDS = {k.id for k in KRITERIA}


# -- the command ---------------------------------------------------------------------------------


def run_lke(args) -> int:
    """Exit 0 when every criterion the file can show is met, 1 otherwise, 2 unreadable."""
    from .periksa import collect, load_target

    reports, unreadable = [], 0
    targets = collect(args.file)
    for target in targets:
        project, registry = load_target(target, tuple(args.plugin))
        if project is None:
            if "error" in registry and len(targets) == 1:
                raise LakipError(registry["error"])
            if "error" in registry:  # one broken file of a batch does not stop the rest
                print(f"lakip: {registry['error']}", file=sys.stderr)
                unreadable += 1
            continue  # or not a project, found under a folder
        reports.append(nilai(project, registry, str(target.path)))
    fmt = "json" if args.json else args.format
    if fmt == "json":
        json.dump(reports[0] if len(targets) == 1 else reports, sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
    else:
        for report in reports:
            _print(report)
    failed = any(k["status"] in ("tidak", "sebagian") for r in reports for k in r["kriteria"])
    return 2 if unreadable else 1 if failed else 0


def _print(report: dict) -> None:
    from .angka import format_persen

    print(clean_text(f"{report['file']}: swa-nilai LKE komponen Pelaporan Kinerja"))
    print(f"Sumber kriteria: {report['sumber']}.")
    for nomor, k in enumerate(report["kriteria"], start=1):
        print(f"\n{nomor}. [{LABEL[k['status']]}] {k['kriteria']}")
        if k["status"] == "luar":
            print("     Format berkas lakip belum punya tempat untuk bukti ini; "
                  "lampirkan di luar berkas bila ada.")
        for b in k["bukti"]:
            where = b["location"] or "(berkas)"
            if b["line"] is not None:
                where += f" (baris {b['line']})"
            print(f"     {LABEL[b['status']].lower():<10} {where}: {b['keterangan']}")
    if report["skor"] is not None:
        dinilai = sum(1 for k in report["kriteria"] if k["status"] != "luar")
        print(f"\nSwa-nilai: {format_persen(report['skor'], 1)} dari {dinilai} kriteria yang "
              "dapat ditunjukkan berkas (terpenuhi 1, sebagian 1/2). Ini pemeriksaan mandiri, "
              "bukan nilai evaluator.")
    for problem in report["problems"]:
        print(f"Catatan: {problem}")
    print()


def semua_kriteria() -> Iterable[Kriteria]:
    return KRITERIA
