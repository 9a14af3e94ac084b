"""`lakip import FILE.toml SOURCE.xlsx|.csv`: a SIPD-like realisation report (title rows,
subtotal rows, account rows, columns in either order) matched by sub kegiatan code, shown as a
diff, written only after a yes, as one undo step; bad input is an Indonesian message naming
sheet, row and column, exit 2, and the file untouched. The sheets are made here."""

from __future__ import annotations

import io
import shutil
import tomllib
from pathlib import Path

import openpyxl
import pytest

from lakip_tui.cli import main
from lakip_tui.impor import baca_lembar, cari_impor, jalankan, terapkan
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"
KOP = [["PEMERINTAH KOTA BINJAI"], ["LAPORAN REALISASI ANGGARAN SKPD"],
       ["DINAS SOSIAL KOTA BINJAI TAHUN ANGGARAN 2024"], []]


def _pohon() -> list[tuple[str, str, dict | None]]:
    """(kode, uraian, sub row or None) of the example's budget, program rows first."""
    data = tomllib.loads(CONTOH.read_text(encoding="utf-8"))
    out = []
    for program in data["anggaran"]["program"]:
        out.append((program["kode"], program["nama"], None))
        for keg in program["kegiatan"]:
            out.append((keg["kode"], keg["nama"], None))
            for sub in keg["sub"]:
                out.append((sub["kode"], sub["nama"], sub))
    return out


def sipd_rows(*, realisasi_dulu: bool = False) -> list[list]:
    """A report as SIPD lays it out: a letterhead, a header row, the urusan, program and
    kegiatan subtotals, every sub kegiatan (realisasi + 1.000 each, pagu as it is), an account
    row under the first one, one new sub kegiatan and one whose kegiatan the file lacks."""
    judul = ["Kode Rekening", "Uraian", "Anggaran", "Realisasi", "%", "Sisa Anggaran"]
    if realisasi_dulu:
        judul = ["Kode Rekening", "Uraian", "Realisasi", "Anggaran", "%", "Sisa Anggaran"]
    rows = [list(r) for r in KOP] + [judul, ["1.06", "Urusan Pemerintahan Bidang Sosial",
                                             5_732_972_977, 4_782_481_544, 83.42, None]]
    for kode, uraian, sub in _pohon():
        if sub is None:
            rows.append([kode, uraian.upper(), 1, 1, None, None])  # a subtotal: skipped
            continue
        pagu = sub.get("pagu", 0)
        realisasi = sub.get("realisasi", 0) + 1000
        rows.append([kode, uraian, pagu, realisasi, None, None])
        if kode == "1.06.01.2.02.0001":
            rows.append(["5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", pagu, realisasi, None, None])
    rows.append(["1.06.01.2.02.0005", "Koordinasi dan Penyusunan Laporan Keuangan", 5_000_000,
                 4_500_000, None, None])
    rows.append(["1.06.09.2.01.0001", "Sub kegiatan yang kegiatannya tidak ada", 1, 1, None, None])
    rows.append([None, "JUMLAH", 5_732_972_977, 4_782_481_544, None, None])
    if realisasi_dulu:
        for r in rows[len(KOP) + 1:]:
            if len(r) >= 4:
                r[2], r[3] = r[3], r[2]
    return rows


def tulis_xlsx(path: Path, rows: list[list], nama: str = "Realisasi") -> Path:
    buku = openpyxl.Workbook()
    ws = buku.active
    ws.title = nama
    for r in rows:
        ws.append(r)
    buku.save(path)
    return path


@pytest.fixture
def proyek(tmp_path) -> Path:
    path = tmp_path / "dinsos.toml"
    shutil.copy(CONTOH, path)
    return path


def test_the_sheet_is_40_rows_and_more(tmp_path):
    assert len(sipd_rows()) - len(KOP) - 1 >= 40


@pytest.mark.parametrize("realisasi_dulu", [False, True], ids=["pagu-dulu", "realisasi-dulu"])
def test_import_with_yes_writes_the_realisasi_by_code(proyek, tmp_path, capsys, realisasi_dulu):
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows(realisasi_dulu=realisasi_dulu))
    sebelum = tomllib.loads(proyek.read_text(encoding="utf-8"))
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 0
    keluar = capsys.readouterr().out
    sesudah = tomllib.loads(proyek.read_text(encoding="utf-8"))
    sub_lama = sebelum["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]
    sub_baru = sesudah["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]
    assert sub_baru["realisasi"] == sub_lama["realisasi"] + 1000
    assert sub_baru["pagu"] == sub_lama["pagu"]
    # the new sub kegiatan went into its kegiatan, the other is reported, nothing else added
    kegiatan = sesudah["anggaran"]["program"][0]["kegiatan"][0]["sub"]
    assert kegiatan[-1] == {"kode": "1.06.01.2.02.0005",
                            "nama": "Koordinasi dan Penyusunan Laporan Keuangan",
                            "pagu": 5_000_000, "realisasi": 4_500_000}
    assert "tak cocok" in keluar and "1.06.09.2.01.0001" in keluar
    assert "kegiatan 1.06.09.2.01 tidak ada di berkas" in keluar
    assert "berubah" in keluar and "baru" in keluar
    # comments and stated figures survive
    teks = proyek.read_text(encoding="utf-8")
    assert "# [asli] kode tercetak" in teks and "persen_tertulis" in teks


def test_without_yes_and_without_a_terminal_nothing_is_written(proyek, tmp_path, capsys,
                                                               monkeypatch):
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows())
    asli = proyek.read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["import", str(proyek), str(sumber)]) == 1
    assert proyek.read_bytes() == asli
    assert "--yes" in capsys.readouterr().out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("jawab, ditulis", [("y\n", True), ("\n", False), ("tidak\n", False)])
def test_the_question_decides(proyek, tmp_path, jawab, ditulis):
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows())
    asli = proyek.read_bytes()
    keluar = io.StringIO()
    kode = jalankan(str(proyek), str(sumber), ya=False, plugin_files=[],
                    masukan=_Terminal(jawab), keluaran=keluar)
    assert "[y/T]" in keluar.getvalue()
    assert (kode, proyek.read_bytes() != asli) == ((0, True) if ditulis else (1, False))


def test_a_csv_with_semicolons_and_indonesian_numbers(proyek, tmp_path):
    baris = ['"Kode";"Uraian";"Pagu";"Realisasi"',
             '"1.06.01.2.02.0001";"Penyediaan Gaji dan Tunjangan ASN";"3.190.068.739,00";"3.100.000.000,00"',
             '"1.06.01";"PROGRAM PENUNJANG";"4.277.622.800";"-"']
    sumber = tmp_path / "lra.csv"
    sumber.write_text("\n".join(baris), encoding="utf-8")
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 0
    data = tomllib.loads(proyek.read_text(encoding="utf-8"))
    assert data["anggaran"]["program"][0]["kegiatan"][0]["sub"][0]["realisasi"] == 3_100_000_000


def test_a_bad_cell_names_sheet_row_and_column_and_exits_2(proyek, tmp_path, capsys):
    rows = sipd_rows()
    rows[len(KOP) + 4][3] = "1.2OO.000"  # the first sub kegiatan; letter O for zero
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", rows)
    asli = proyek.read_bytes()
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 2
    pesan = capsys.readouterr().err
    assert f'lembar "Realisasi" baris {len(KOP) + 5} kolom D' in pesan
    assert "bukan angka Rupiah" in pesan and "Traceback" not in pesan
    assert proyek.read_bytes() == asli


@pytest.mark.parametrize("isi, pesan", [
    (b"bukan excel", "tidak dapat dibaca"),
    (None, "tidak dikenali"),
])
def test_an_unreadable_or_unknown_sheet_exits_2(proyek, tmp_path, capsys, isi, pesan):
    sumber = tmp_path / "lra.xlsx"
    if isi is None:
        tulis_xlsx(sumber, [["Nama", "Alamat"], ["a", "b"]])
    else:
        sumber.write_bytes(isi)
    asli = proyek.read_bytes()
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 2
    assert pesan in capsys.readouterr().err
    assert proyek.read_bytes() == asli


def test_an_unknown_kind_of_file_or_a_missing_one_exits_2(proyek, tmp_path, capsys):
    assert main(["import", str(proyek), str(tmp_path / "tidak-ada.xlsx")]) == 2
    (tmp_path / "lra.ods").write_bytes(b"x")
    assert main(["import", str(proyek), str(tmp_path / "lra.ods")]) == 2
    assert ".xlsx atau .csv" in capsys.readouterr().err


def test_the_import_is_one_undo_step(proyek, tmp_path):
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows())
    project = Project.load(proyek)
    asli = tomllib.loads(proyek.read_text(encoding="utf-8"))
    hasil = cari_impor(baca_lembar(sumber), project.data, load_registry([]))
    assert len(hasil.edit) > 20
    terapkan(project, hasil)
    assert project.data != asli
    assert project.undo() and project.data == asli and not project.can_undo
    assert project.redo() and project.data != asli


def test_importing_the_same_sheet_again_changes_nothing(proyek, tmp_path, capsys):
    sumber = tulis_xlsx(tmp_path / "lra.xlsx", sipd_rows())
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 0
    teks = proyek.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 0
    assert "Tidak ada yang berubah" in capsys.readouterr().out
    assert proyek.read_text(encoding="utf-8") == teks


def test_a_csv_whose_names_hold_commas_keeps_its_semicolon_columns(proyek, tmp_path):
    baris = ["Laporan Realisasi, Dinas Sosial",
             "Kode;Uraian;Anggaran;Realisasi",
             "1.06.01.2.08.0002;Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik;"
             "182.352.500;120.000.000"]
    sumber = tmp_path / "lra.csv"
    sumber.write_text("\n".join(baris), encoding="utf-8")
    assert main(["import", str(proyek), str(sumber), "--yes"]) == 0
    data = tomllib.loads(proyek.read_text(encoding="utf-8"))
    subs = {s["kode"]: s for p in data["anggaran"]["program"] for k in p["kegiatan"]
            for s in k["sub"]}
    assert subs["1.06.01.2.08.0002"]["realisasi"] == 120_000_000
