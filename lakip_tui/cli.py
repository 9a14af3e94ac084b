"""The `lakip` command: edit (default), new, check, export, plugins.

Only the `edit` path imports Textual; `check`, `export`, `new`, `plugins` and `--help` stay light.
Every user error ends as one Indonesian line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import string
import sys
from pathlib import Path

from . import __version__
from .clean import clean_data, clean_text
from .errors import LakipError

COMMANDS = ("edit", "new", "check", "export", "plugins", "plugin", "allow", "deny", "data", "import", "rekap", "serve", "recover")
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are exit 2 with an Indonesian lead line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise LakipError(f"argumen tidak valid: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="lakip",
        description="Laporan Kinerja (LAKIP) perangkat daerah: sunting, periksa dan ekspor.",
        epilog="Tanpa perintah, `lakip BERKAS` membuka editor. Lihat README.md dan docs/.",
    )
    parser.add_argument("--version", action="version", version=f"lakip-tui {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    def plugin_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--plugin", action="append", default=[], metavar="BERKAS.py",
                       help="muat plugin satu berkas ini juga (boleh berulang)")

    edit = sub.add_parser("edit", help="buka editor (bawaan)", description="Buka editor TUI.")
    edit.add_argument("file", metavar="BERKAS", help="berkas proyek .toml")
    edit.add_argument("--no-mouse", action="store_true", help="jangan tangkap tetikus")
    edit.add_argument("--read-only", action="store_true", help="buka hanya-baca")
    plugin_option(edit)

    new = sub.add_parser("new", help="buat berkas proyek baru",
                         description="Tulis proyek baru berisi bagian bawaan setiap bab, atau "
                                     "(--from) mulai dari berkas tahun lalu: Renstra, target "
                                     "dari Renstra, realisasi tahun lalu sebagai pembanding, "
                                     "realisasi dan narasi tahun ini dikosongkan.")
    new.add_argument("file", metavar="BERKAS", help="berkas .toml yang akan dibuat")
    new.add_argument("--from", dest="dari", metavar="TAHUN_LALU.toml", default=None,
                     help="mulai dari berkas tahun lalu (tahun = tahun berkas itu + 1)")
    new.add_argument("--instansi", help='nama instansi, mis. "Dinas Sosial Kota Binjai"')
    new.add_argument("--pemda", help='mis. "Pemerintah Kota Binjai"')
    new.add_argument("--tahun", type=int, help="tahun anggaran, mis. 2025")
    new.add_argument("--force", action="store_true", help="timpa berkas yang sudah ada")
    plugin_option(new)

    check = sub.add_parser("check", help="periksa berkas proyek",
                           description="Periksa berkas proyek. Kode keluar: 0 tanpa galat, "
                                       "1 ada galat (--strict: juga peringatan), 2 masukan tak terbaca.")
    check.add_argument("file", metavar="BERKAS", nargs="+",
                       help="berkas proyek .toml (boleh beberapa, atau folder: ditelusuri sampai ke "
                            "subfolder, berkas TOML yang bukan proyek dilewati)")
    check.add_argument("--json", action="store_true", help="keluaran JSON (lihat docs/check-json.md)")
    check.add_argument("--format", choices=("text", "json", "csv"), default="text",
                       help="text (bawaan), json, atau csv untuk lembar kerja (satu baris per temuan)")
    check.add_argument("--strict", action="store_true", help="peringatan juga membuat kode keluar 1")
    check.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="jumlah proses pemeriksa untuk banyak berkas (bawaan: jumlah inti)")
    check.add_argument("--lke", action="store_true",
                       help="swa-nilai LKE komponen Pelaporan Kinerja (Permenpan RB 88/2021): "
                            "setiap kriteria dengan letak buktinya (docs/lke.md)")
    plugin_option(check)

    export = sub.add_parser("export", help="ekspor laporan (txt, md, html, svg, pdf, docx)",
                            description="Rakit laporan lengkap dari bab-bab, sesuai urutan.")
    export.add_argument("file", metavar="BERKAS", help="berkas proyek .toml")
    export.add_argument("-f", "--format", default="txt", help="txt, md, html, svg, pdf atau docx (bawaan txt)")
    export.add_argument("-o", "--output", default=None, metavar="KELUARAN",
                        help="berkas keluaran; '-' untuk stdout (bawaan: nama proyek + akhiran)")
    export.add_argument("--width", type=int, default=None,
                        help="lebar teks (bawaan: lebar terminal bila ke terminal, selain itu 100)")
    export.add_argument("--chapters", default=None, metavar="BAB,BAB",
                        help="hanya bab ini (kunci bab, dipisah koma)")
    export.add_argument("--pdf-tags", action="store_true",
                        help="PDF bertanda (tagged PDF) untuk pembaca layar: judul, paragraf dan "
                             "tabel ditandai; berkasnya beberapa kali lebih besar (laporan sebuah "
                             "kota: 5,9 MB, bukan 0,9 MB) dan lebih lambat disusun")
    plugin_option(export)

    data = sub.add_parser("data", help="tabel rapi dari banyak berkas (Parquet, CSV, JSON Lines)",
                          description="Tulis satu tabel per jenis fakta (instansi, sasaran, "
                                      "indikator, anggaran, temuan) dari berkas dan folder "
                                      "proyek; lihat docs/data.md. Kode keluar 2 bila ada "
                                      "berkas tak terbaca (tabel berkas lain tetap ditulis).")
    data.add_argument("file", metavar="BERKAS", nargs="+", help="berkas proyek .toml atau folder")
    data.add_argument("-o", "--output", required=True, metavar="FOLDER",
                      help="folder keluaran (dibuat bila belum ada)")
    data.add_argument("--format", default="parquet", choices=("parquet", "csv", "jsonl"),
                      help="parquet (bawaan), csv atau jsonl")
    data.add_argument("--jobs", type=int, default=None, metavar="N",
                      help="jumlah proses pembaca (bawaan: jumlah inti)")
    plugin_option(data)

    impor = sub.add_parser("import", help="impor realisasi anggaran (SIPD .xlsx/.csv)",
                           description="Impor laporan realisasi anggaran (SIPD): kolom kode, "
                                       "uraian, pagu/anggaran, realisasi; dicocokkan menurut kode "
                                       "sub kegiatan. Perbedaannya ditampilkan dulu; berkas "
                                       "ditulis hanya setelah dijawab ya (atau --yes).")
    impor.add_argument("file", metavar="BERKAS", help="berkas proyek .toml")
    impor.add_argument("source", metavar="SUMBER", help="lembar realisasi .xlsx atau .csv")
    impor.add_argument("--yes", "-y", action="store_true",
                       help="tulis tanpa bertanya (untuk skrip)")
    plugin_option(impor)

    rekap = sub.add_parser("rekap", help="rekap tingkat Pemda dari banyak berkas (DuckDB)",
                           description="Rekap Pemda: capaian per perangkat daerah dan per "
                                       "sasaran daerah, penyerapan anggaran, temuan terbanyak; "
                                       "SQL-nya di docs/rekap.md.")
    rekap.add_argument("file", metavar="BERKAS", nargs="+", help="folder atau berkas proyek")
    rekap.add_argument("-f", "--format", default="txt",
                       help="txt (bawaan), md, html, pdf atau docx (pdf/docx perlu -o)")
    rekap.add_argument("-o", "--output", default=None, metavar="KELUARAN",
                       help="berkas keluaran (bawaan: stdout)")
    rekap.add_argument("--width", type=int, default=100, help="lebar teks (bawaan 100)")
    rekap.add_argument("--jobs", type=int, default=None, metavar="N",
                       help="jumlah proses pembaca (bawaan: jumlah inti)")
    plugin_option(rekap)

    serve = sub.add_parser("serve", help="buka editor di peramban (textual-serve)",
                           description="Sajikan editor lewat peramban. Tanpa login sendiri: "
                                       "hanya di 127.0.0.1 kecuali --host; dari komputer lain "
                                       "pakai terowongan SSH (perintahnya dicetak saat mulai).")
    serve.add_argument("file", metavar="BERKAS", help="berkas proyek .toml")
    serve.add_argument("--port", type=int, default=8000, help="port (bawaan 8000)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="alamat yang didengar (bawaan 127.0.0.1; alamat lain membuka "
                            "editor bagi jaringan tanpa login)")
    serve.add_argument("--stop-after", type=float, default=None, metavar="DETIK",
                       help="berhenti sendiri setelah sekian detik")
    plugin_option(serve)

    plugins = sub.add_parser("plugins", help="daftar plugin dan statusnya",
                             description="Daftar plugin: versi, bab, hook, status.")
    plugins.add_argument("--json", action="store_true", help="keluaran JSON")
    plugin_option(plugins)

    allow = sub.add_parser(
        "allow", help="izinkan plugin satu berkas yang dinamai berkas proyek",
        description="Izinkan berkas plugin .py yang dinamai [plugins] files sebuah proyek berjalan, "
                    "pada isinya yang sekarang (dicatat: path + sha256, di folder konfigurasi "
                    "Anda). Bila isinya berubah, lakip meminta izin lagi. Lihat docs/plugins.md.")
    allow.add_argument("file", metavar="BERKAS.py", nargs="+", help="berkas plugin")
    deny = sub.add_parser("deny", help="tolak (atau cabut izin) plugin satu berkas",
                          description="Jangan pernah jalankan berkas plugin ini; TUI tidak "
                                      "menanyakannya lagi. `lakip allow` membatalkannya.")
    deny.add_argument("file", metavar="BERKAS.py", nargs="+", help="berkas plugin")

    plugin = sub.add_parser("plugin", help="alat penulis plugin (plugin new NAMA)",
                            description="Alat untuk penulis plugin bab. Lihat docs/plugins.md.")
    plugin_sub = plugin.add_subparsers(dest="plugin_command", metavar="PERINTAH",
                                       parser_class=_Parser, required=True)
    plugin_new = plugin_sub.add_parser(
        "new", help="buat paket plugin baru", description="Tulis paket plugin bab lakip-NAMA/: "
        "pyproject.toml dengan entry point, modul bab, uji yang lolos, README.")
    plugin_new.add_argument("name", metavar="NAMA", help="nama plugin, mis. inovasi")
    plugin_new.add_argument("--folder", default=".", help="di folder ini (bawaan: folder kini)")
    from .recover import add_parser as add_recover

    add_recover(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in TOP_LEVEL_OPTIONS:
        argv.insert(0, "edit")  # `lakip BERKAS` and `lakip --no-mouse BERKAS` open the editor
    try:
        args = build_parser().parse_args(argv)
        if args.command is None:
            build_parser().print_help()
            return EXIT_OK
        return _COMMANDS[args.command](args)
    except LakipError as exc:
        print(clean_text(f"lakip: {exc}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, keep the traceback for whoever asks
        if os.environ.get("LAKIP_DEBUG"):
            raise
        print(f"lakip: galat internal ({type(exc).__name__}: {exc}). "
              "Jalankan lagi dengan LAKIP_DEBUG=1 untuk rinciannya dan laporkan.", file=sys.stderr)
        return 3


# -- commands --------------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    from .check_command import run_check

    return run_check(args)


HEADER = """\
# Laporan Kinerja $instansi, tahun anggaran $tahun.
# Satu berkas per instansi per tahun. Angka Rupiah ditulis sebagai bilangan bulat tanpa titik
# (4277622800); total dan persentase tidak ditulis: lakip menghitungnya sendiri.
format = 1  # versi format berkas; jangan diubah

[meta]
pemda = "$pemda"
instansi = "$instansi"
tahun = $tahun                # tahun anggaran yang dilaporkan
tempat_tanggal = ""           # tempat dan tanggal penandatanganan, mis. "Binjai, Maret $tahun_depan"
# kepala instansi yang menandatangani
kepala = { jabatan = "", nama = "", pangkat = "", nip = "" }

[plugins]
files = $plugin_files                    # plugin satu berkas di samping berkas ini, mis. ["inovasi.py"]
"""


def cmd_new(args: argparse.Namespace) -> int:
    from .plugins import load_registry
    from .project import Project, atomic_write, parse_toml

    if args.dari is not None:
        from .tahun_baru import buat_dari

        return buat_dari(Path(args.file), Path(args.dari), args.tahun, args.plugin,
                         force=args.force)
    kurang = [f"--{k}" for k in ("instansi", "pemda", "tahun") if getattr(args, k) is None]
    if kurang:
        raise LakipError(f"argumen wajib belum ada: {', '.join(kurang)} (atau --from BERKAS)")
    target = Path(args.file)
    if target.exists() and not args.force:
        raise LakipError("berkas sudah ada; pakai --force untuk menimpanya", where=str(target))
    if not 1900 <= args.tahun <= 2200:
        raise LakipError(f"tahun {args.tahun} tidak masuk akal")
    values = {
        "instansi": _toml_text(args.instansi),
        "pemda": _toml_text(args.pemda),
        "tahun": str(args.tahun),
        "tahun_depan": str(args.tahun + 1),
    }
    contents = {str(f): _read_or_none(f) for f in args.plugin}  # what is allowed below
    registry = load_registry(args.plugin)
    recorded = _recorded_plugins(args.plugin, registry, target)
    values["plugin_files"] = "[" + ", ".join(f'"{_toml_text(f)}"' for f in recorded) + "]"
    parts = [string.Template(HEADER).substitute(values)]
    for chapter in registry.ordered_chapters():
        if chapter.default_section.strip():
            body = string.Template(chapter.default_section).safe_substitute(values)
            parts.append(f"\n# ---- {chapter.title} (plugin {chapter.plugin}) ----\n{body.strip()}\n")
    text = "".join(parts)
    parse_toml(text, f"{target} (baru)")  # a plugin's broken default never reaches the disk
    Project(text, target)
    atomic_write(target, text)
    for problem in registry.problems:
        print(clean_text(f"lakip: peringatan: {problem.message}"), file=sys.stderr)
    if recorded:
        _allow_given_plugins(args.plugin, contents, registry)
    print(f"Berkas {target} dibuat ({len(registry.chapters)} bab).")
    return EXIT_OK


def _read_or_none(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def _recorded_plugins(files: list[str], registry, target: Path) -> list[str]:
    """The plugin files given to `lakip new` that loaded, as the new project names them:
    relative to its folder when they share a drive, with forward slashes."""
    loaded = {i.source.split(" ", 1)[1] for i in registry.infos.values()
              if i.status == "aktif" and i.source.startswith("berkas ")}
    out = []
    for name in files:
        if str(Path(name)) not in loaded:
            continue
        path = Path(name).resolve()
        try:
            out.append(Path(os.path.relpath(path, target.resolve().parent)).as_posix())
        except ValueError:  # another drive (Windows): only an absolute path can name it
            out.append(path.as_posix())
    return out


def _allow_given_plugins(files: list[str], contents: dict, registry) -> None:
    """The user chose these files on the command line: the project now names them, so they are
    allowed at the content that was loaded (a later change asks again, see trust.py)."""
    from .trust import TrustStore

    store = TrustStore()
    loaded = {i.source.split(" ", 1)[1] for i in registry.infos.values()
              if i.status == "aktif" and i.source.startswith("berkas ")}
    for name in files:
        if str(Path(name)) not in loaded:
            continue
        content = contents.get(str(name))
        if content is not None and Path(name).read_bytes() == content:
            store.allow(name, content)


def _toml_text(value: str) -> str:
    """Escape for inside a basic TOML string."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def cmd_plugins(args: argparse.Namespace) -> int:
    from .plugins import load_registry

    registry = load_registry(args.plugin)
    infos = list(registry.infos.values())
    if args.json:
        json.dump([clean_data(i.as_json()) for i in infos], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    for info in infos:
        version = f" {info.version}" if info.version else ""
        print(clean_text(f"{info.name}{version}  [{info.status}]  ({info.source})"))
        if info.chapters:
            print(clean_text(f"    bab:  {', '.join(info.chapters)}"))
        if info.hooks:
            print(f"    hook: {', '.join(info.hooks)}")
        if info.problem:
            print(clean_text(f"    masalah: {info.problem}"))
    if not infos:
        print("Tidak ada plugin.")
    return EXIT_OK


def cmd_data(args: argparse.Namespace) -> int:
    from .tidy import run_data

    return run_data(args)


def cmd_import(args: argparse.Namespace) -> int:
    from .impor import jalankan

    return jalankan(args.file, args.source, ya=args.yes, plugin_files=args.plugin)


def cmd_plugin(args: argparse.Namespace) -> int:
    from .scaffold import run_plugin

    return run_plugin(args)


def cmd_allow(args: argparse.Namespace) -> int:
    from .trust import run_allow

    return run_allow(args)


def cmd_deny(args: argparse.Namespace) -> int:
    from .trust import run_deny

    return run_deny(args)


def cmd_rekap(args: argparse.Namespace) -> int:
    from .rekap import run_rekap

    return run_rekap(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import run_serve

    return run_serve(args)


def cmd_export(args: argparse.Namespace) -> int:
    from .early_parse import EarlyParse

    # a big file is parsed by a helper process while the writers and plugins are imported
    early = EarlyParse(args.file)
    try:
        from .export import run_export

        return run_export(args, early)
    finally:
        early.cancel()


def cmd_edit(args: argparse.Namespace) -> int:
    # Starting the editor makes long-lived objects (Textual's modules and classes, the file's
    # data, the widgets) and almost no garbage, yet the collector would scan them again and
    # again before the first frame: 8-10 ms of Textual's import alone. It stays paused until the
    # first screen is up; the main screen then freezes what exists and resumes it.
    gc.disable()
    from .early_parse import EarlyParse

    # a big file is parsed by a helper process while Textual is imported (see early_parse)
    awal = EarlyParse(args.file)
    try:
        from .tui.app import run_app

        return run_app(args, awal)
    finally:
        awal.cancel()
        gc.enable()


def cmd_recover(args: argparse.Namespace) -> int:
    from .recover import cmd_recover as run

    return run(args)


_COMMANDS = {
    "recover": cmd_recover,
    "check": cmd_check,
    "new": cmd_new,
    "plugins": cmd_plugins,
    "export": cmd_export,
    "import": cmd_import,
    "edit": cmd_edit,
    "data": cmd_data,
    "plugin": cmd_plugin,
    "allow": cmd_allow,
    "deny": cmd_deny,
    "rekap": cmd_rekap,
    "serve": cmd_serve,
}
