"""`lakip check --lke`: the report's own part of the LKE's "Pelaporan Kinerja" component.

The evaluators of Permenpan RB 88/2021 (Evaluasi Akuntabilitas Kinerja Instansi Pemerintah)
score four components with the LKE (Lembar Kerja Evaluasi): Perencanaan Kinerja (30),
Pengukuran Kinerja (30), Pelaporan Kinerja (15) and Evaluasi Akuntabilitas Kinerja Internal (25),
each split into the sub-components keberadaan (20% of it), kualitas (30%) and pemanfaatan (50%).
This module lists the criteria of component 3, Pelaporan Kinerja, under their LKE numbers
(3.a.1 ... 3.c.7) in lakip's own words, with the weight each carries within the component, and
says which of them a project file can show. The chapter plugins give the evidence through the
`lakip_lke` hook, each from its own data; the core adds the structure (every chapter present),
that the report exists and that it is signed, and scores. It is a self-check that says where
the evidence is or what is missing, not the evaluators' score. docs/lke.md says what was and
was not checked against the regulation's text.
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
          "Pemerintah (BN 2021/1569), Lampiran (Lembar Kerja Evaluasi), komponen 3 Pelaporan "
          "Kinerja; "
          "sistematika Laporan Kinerja menurut Permenpan RB Nomor 53 Tahun 2014")

STATUS = ("ada", "sebagian", "tidak")
NILAI = {"ada": 1.0, "sebagian": 0.5, "tidak": 0.0}
LABEL = {"ada": "TERPENUHI", "sebagian": "SEBAGIAN", "tidak": "BELUM", "luar": "DI LUAR BERKAS"}


@dataclass(frozen=True)
class Komponen:
    kode: str
    nama: str
    bobot: float  # points of the 100 of the whole evaluation


@dataclass(frozen=True)
class SubKomponen:
    kode: str  # "3.a"
    nama: str  # "keberadaan", "kualitas", "pemanfaatan"
    uraian: str  # lakip's paraphrase of what the sub-component asks
    bobot: float  # points of the 100: 20%, 30%, 50% of the component's


KOMPONEN = (
    Komponen("1", "Perencanaan Kinerja", 30),
    Komponen("2", "Pengukuran Kinerja", 30),
    Komponen("3", "Pelaporan Kinerja", 15),
    Komponen("4", "Evaluasi Akuntabilitas Kinerja Internal", 25),
)
PELAPORAN = KOMPONEN[2]

SUB_KOMPONEN = (
    SubKomponen("3.a", "keberadaan", "ada dokumen laporan yang menggambarkan kinerja", 3.0),
    SubKomponen("3.b", "kualitas", "laporan kinerja memenuhi standar: menggambarkan kualitas "
                "capaian, keberhasilan/kegagalan dan upaya perbaikannya", 4.5),
    SubKomponen("3.c", "pemanfaatan", "pelaporan kinerja dimanfaatkan untuk menyesuaikan "
                "strategi/kebijakan dalam mencapai kinerja berikutnya", 7.5),
)

# The predikat of the whole evaluation (the sum of the four components, 0-100), for the docs and
# the text output: a self-check of part of one component cannot give one.
PREDIKAT = (("AA", 90, "Sangat Memuaskan"), ("A", 80, "Memuaskan"),
            ("BB", 70, "Sangat Baik"), ("B", 60, "Baik"), ("CC", 50, "Cukup (Memadai)"),
            ("C", 30, "Kurang"), ("D", 0, "Sangat Kurang"))  # above the number, up to the next

_PEMANFAATAN = ("pemanfaatan laporan oleh pimpinan dan pegawai terlihat dari keputusan, rapat "
                "dan perubahan yang terjadi sesudah laporan terbit, bukan dari isi laporan")


@dataclass(frozen=True)
class Kriteria:
    id: str
    judul: str
    lke: str = ""  # the criterion's number in the LKE, "3.b.3"
    dinilai: bool = True  # False: the file cannot show the evidence
    luar: str = ""  # why not, when not dinilai

    @property
    def sub_komponen(self) -> SubKomponen:
        return next(s for s in SUB_KOMPONEN if self.lke.startswith(s.kode + "."))

    @property
    def bobot(self) -> float:
        """Its weight in points of the 100, within Pelaporan Kinerja: the sub-component's weight
        shared equally among its criteria."""
        sub = self.sub_komponen
        return sub.bobot / sum(1 for k in KRITERIA if k.sub_komponen is sub)


KRITERIA = (
    # 3.a keberadaan
    Kriteria("disusun", "Laporan Kinerja telah disusun", "3.a.1"),
    Kriteria("berkala", "Laporan Kinerja disusun secara berkala", "3.a.2", dinilai=False,
             luar="keberkalaan (laporan setiap tahun dan laporan berkala dalam tahun) tidak "
                  "tampak dari satu berkas; berkas tahun sebelumnya di [meta] "
                  "tahun_sebelumnya hanya petunjuk"),
    Kriteria("formal", "Laporan Kinerja telah diformalkan (ditandatangani kepala instansi)",
             "3.a.3"),
    Kriteria("reviu", "Laporan Kinerja telah direviu (oleh APIP/Inspektorat)", "3.a.4",
             dinilai=False,
             luar="pernyataan telah direviu ditandatangani APIP di luar berkas ini; format "
                  "berkas belum punya tempat untuknya"),
    Kriteria("publikasi", "Laporan Kinerja telah dipublikasikan", "3.a.5", dinilai=False,
             luar="publikasi (mis. di laman instansi) terjadi sesudah laporan selesai"),
    Kriteria("tepat_waktu", "Laporan Kinerja disampaikan tepat waktu", "3.a.6", dinilai=False,
             luar="tanggal penyampaian tercatat di tanda terima, bukan di laporan"),
    # 3.b kualitas
    Kriteria("struktur", "Laporan Kinerja disusun sesuai standar: lengkap menurut "
                         "sistematikanya, setiap bab terisi (Pendahuluan, Perencanaan dan "
                         "Perjanjian Kinerja, Akuntabilitas Kinerja, Penutup)", "3.b.1"),
    Kriteria("seluruh_kinerja", "Laporan mengungkap seluruh capaian kinerja: setiap indikator "
                                "Perjanjian Kinerja dilaporkan realisasinya", "3.b.2"),
    Kriteria("target", "Realisasi kinerja dibandingkan dengan target tahunan (Perjanjian "
                       "Kinerja): target, realisasi dan capaian setiap indikator", "3.b.3"),
    Kriteria("renstra", "Realisasi kinerja dibandingkan dengan target jangka menengah "
                        "(Renstra)", "3.b.4"),
    Kriteria("tahun_lalu", "Realisasi kinerja dibandingkan dengan realisasi tahun-tahun "
                           "sebelumnya", "3.b.5"),
    Kriteria("benchmark", "Realisasi kinerja dibandingkan dengan capaian nasional/"
                          "internasional (benchmark)", "3.b.6", dinilai=False,
             luar="format berkas lakip belum punya tempat untuk angka pembanding nasional; "
                  "lampirkan di luar berkas bila ada"),
    Kriteria("analisis", "Analisis capaian: penyebab keberhasilan atau kegagalan, hambatan dan "
                         "upaya nyata yang dilakukan", "3.b.7"),
    Kriteria("efisiensi", "Efisiensi penggunaan sumber daya dalam mencapai kinerja", "3.b.8"),
    Kriteria("tindak_lanjut", "Upaya perbaikan dan penyempurnaan kinerja ke depan", "3.b.9"),
    # 3.c pemanfaatan: what happens with the report, not what it holds
    Kriteria("perhatian_pimpinan", "Informasi laporan kinerja menjadi perhatian utama "
                                   "pimpinan", "3.c.1", dinilai=False, luar=_PEMANFAATAN),
    Kriteria("kepedulian_pegawai", "Penyajian informasi laporan kinerja menjadi kepedulian "
                                   "seluruh pegawai", "3.c.2", dinilai=False, luar=_PEMANFAATAN),
    Kriteria("penyesuaian_aktivitas", "Informasi laporan kinerja berkala dipakai untuk "
                                      "menyesuaikan aktivitas", "3.c.3", dinilai=False,
             luar=_PEMANFAATAN),
    Kriteria("penyesuaian_anggaran", "Informasi laporan kinerja berkala dipakai untuk "
                                     "menyesuaikan penggunaan anggaran", "3.c.4", dinilai=False,
             luar=_PEMANFAATAN),
    Kriteria("evaluasi_keberhasilan", "Informasi laporan kinerja dipakai dalam evaluasi "
                                      "pencapaian keberhasilan kinerja", "3.c.5", dinilai=False,
             luar=_PEMANFAATAN),
    Kriteria("penyesuaian_perencanaan", "Informasi laporan kinerja dipakai untuk menyesuaikan "
                                        "perencanaan kinerja berikutnya", "3.c.6", dinilai=False,
             luar=_PEMANFAATAN),
    Kriteria("budaya_kinerja", "Informasi laporan kinerja mempengaruhi perubahan budaya "
                               "kinerja organisasi", "3.c.7", dinilai=False, luar=_PEMANFAATAN),
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


def _meta(data: dict) -> dict:
    meta = data.get("meta")
    return meta if isinstance(meta, dict) else {}


def _teks(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def disusun(data: dict, registry) -> Bukti:
    """3.a.1: the report is written for a year, with at least one chapter filled."""
    meta = _meta(data)
    tahun = meta.get("tahun") if isinstance(meta.get("tahun"), int) else None
    terisi = [c for c in registry.ordered_chapters()
              if isinstance(data.get(c.key), (dict, list)) and data.get(c.key)]
    if tahun is None or not terisi:
        apa = "tahun anggaran [meta] tahun tidak tertulis" if tahun is None else "semua bab kosong"
        return Bukti("disusun", "tidak", ("meta",), f"laporan belum tersusun: {apa}")
    return Bukti("disusun", "ada", ("meta", "tahun"),
                 f"Laporan Kinerja tahun {tahun} tersusun di berkas ini ({len(terisi)} bab "
                 "terisi); apakah ini laporan final yang disampaikan, di luar berkas")


def formal(data: dict) -> Bukti:
    """3.a.3: signed by the head of the agency, with place and date ([meta] kepala,
    tempat_tanggal)."""
    meta = _meta(data)
    kepala = meta.get("kepala") if isinstance(meta.get("kepala"), dict) else {}
    nama, tempat = _teks(kepala.get("nama")), _teks(meta.get("tempat_tanggal"))
    if nama and tempat:
        jabatan = _teks(kepala.get("jabatan")) or "kepala instansi"
        return Bukti("formal", "ada", ("meta", "kepala"),
                     f"ditandatangani {jabatan} ({nama}), {tempat}")
    if nama:
        return Bukti("formal", "sebagian", ("meta", "tempat_tanggal"),
                     f"penanda tangan {nama} tertulis, tetapi tempat dan tanggal kosong")
    return Bukti("formal", "tidak", ("meta", "kepala"),
                 "penanda tangan (kepala instansi) tidak tertulis di [meta] kepala")


def nilai(project, registry, name: str) -> dict:
    """The self-check of one project as plain data (what --json prints)."""
    from .locations import PetaLetak

    data = project.data
    konteks = registry.konteks(data, project.path)
    bukti: list[Bukti] = [disusun(data, registry), formal(data), *struktur(data, registry)]
    for _plugin, result in registry.call("lakip_lke", data=data, konteks=konteks):
        bukti.extend(b for b in result if isinstance(b, Bukti) and b.kriteria in _IDS)
    peta = PetaLetak(project.text)
    kriteria = []
    poin, poin_berkas = 0.0, 0.0
    for k in KRITERIA:
        milik = [b for b in bukti if b.kriteria == k.id]
        status = nilai_kriteria(milik) if k.dinilai else "luar"
        if k.dinilai:
            poin += NILAI[status] * k.bobot
            poin_berkas += k.bobot
        kriteria.append({
            "id": k.id,
            "lke": k.lke,
            "sub_komponen": k.sub_komponen.nama,
            "bobot": round(k.bobot, 4),
            "kriteria": k.judul,
            "status": status,
            "luar": k.luar or None,
            "bukti": [_bukti_json(b, peta) for b in milik] or (
                [] if not k.dinilai else [{"status": "tidak", "location": "", "line": None,
                                           "column": None,
                                           "keterangan": "tidak ada bukti di berkas"}]),
        })
    meta = _meta(data)
    return clean_data({
        "file": name,
        "instansi": meta.get("instansi") if isinstance(meta.get("instansi"), str) else None,
        "tahun": meta.get("tahun") if isinstance(meta.get("tahun"), int) else None,
        "sumber": SUMBER,
        "komponen": {"kode": PELAPORAN.kode, "nama": PELAPORAN.nama, "bobot": PELAPORAN.bobot},
        "sub_komponen": [{"kode": s.kode, "nama": s.nama, "bobot": s.bobot}
                         for s in SUB_KOMPONEN],
        "poin": round(poin, 2),
        "poin_berkas": round(poin_berkas, 2),
        "skor": round(100 * poin / poin_berkas, 1) if poin_berkas else None,
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
    from .check_command import collect, load_target

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


def _angka(value: float) -> str:
    from .angka import format_desimal

    return format_desimal(value, 2)


def _print(report: dict) -> None:
    from .angka import format_persen

    komponen = report["komponen"]
    print(clean_text(f"{report['file']}: swa-nilai LKE komponen {komponen['kode']} "
                     f"{komponen['nama']} (bobot {_angka(komponen['bobot'])} dari 100)"))
    print(f"Sumber kriteria: {report['sumber']}.")
    for sub in report["sub_komponen"]:
        milik = [k for k in report["kriteria"] if k["lke"].startswith(sub["kode"] + ".")]
        print(f"\n{sub['kode']} {sub['nama'].capitalize()}: bobot {_angka(sub['bobot'])}, "
              f"{len(milik)} kriteria ({_angka(milik[0]['bobot'])} masing-masing)")
        alasan: dict[str, str] = {}  # a reason given once, then named by its first criterion
        for k in milik:
            print(f"  {k['lke']} [{LABEL[k['status']]}] {k['kriteria']}")
            if k["status"] == "luar":
                sama = alasan.setdefault(k["luar"] or "", k["lke"])
                print("       tidak dapat ditunjukkan berkas: "
                      + (k["luar"] if sama == k["lke"] else f"lihat {sama}"))
            for b in k["bukti"]:
                where = b["location"] or "(berkas)"
                if b["line"] is not None:
                    where += f" (baris {b['line']})"
                print(f"       {LABEL[b['status']].lower():<10} {where}: {b['keterangan']}")
    if report["skor"] is not None:
        dinilai = [k for k in report["kriteria"] if k["status"] != "luar"]
        luar = len(report["kriteria"]) - len(dinilai)
        print(f"\nSwa-nilai: {_angka(report['poin'])} dari {_angka(report['poin_berkas'])} poin "
              f"yang dapat ditunjukkan berkas ({format_persen(report['skor'], 1)}; "
              f"{len(dinilai)} kriteria, terpenuhi penuh bobotnya, sebagian setengahnya). "
              f"{luar} kriteria lain, {_angka(komponen['bobot'] - report['poin_berkas'])} "
              f"dari {_angka(komponen['bobot'])} poin komponen ini, dinilai evaluator dari bukti "
              "di luar berkas. Ini pemeriksaan mandiri, bukan nilai evaluator; predikat "
              "(AA sampai D) hanya untuk nilai seluruh evaluasi empat komponen.")
    for problem in report["problems"]:
        print(f"Catatan: {problem}")
    print()


def semua_kriteria() -> Iterable[Kriteria]:
    return KRITERIA
