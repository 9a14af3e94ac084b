"""The finished report: every chapter's sections, in order, assembled into one Document.

There is one code path from plugins to report: `chapter_sections` collects one chapter's sections
from every plugin (the TUI preview calls it too), `assemble` puts the chapters together with the
cover, the kata pengantar, the daftar isi and the lampiran, and `lakip_tui.exporters` lays the
Document out in each format. The model is `dokumen.py`; the writers import it, never this
module. Nothing here imports Textual, and Rich only when drawing.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence, TextIO

from . import exporters
from .chapter import Chapter
from .clean import clean_data, clean_text
from .context import Konteks
from .errors import LakipError
from .findings import error
from .logo import read_logo
from .dokumen import BabLaporan, Document, EntriIsi, Raw, Row, Sampul, Section
from .judul_kosong import tandai as tandai_judul_kosong
from .plugins import Registry

if TYPE_CHECKING:
    from .early_parse import EarlyParse

KATA_PENGANTAR = "kata-pengantar"  # Section.key of the foreword: printed before the daftar isi
IKHTISAR = "ikhtisar-eksekutif"  # Section.key of the Ikhtisar Eksekutif: after the kata pengantar
DEPAN = (KATA_PENGANTAR, IKHTISAR)  # the front matter's parts, in this order, before the daftar isi
LAMPIRAN = "lampiran"  # Section.key prefix of what goes into the LAMPIRAN part at the end

MIN_WIDTH, MAX_WIDTH = 50, 1000


# -- assembly ------------------------------------------------------------------------------


def chapter_sections(chapter: Chapter, data: dict, registry: Registry,
                     konteks: Konteks) -> list[Section]:
    """One chapter's sections from every plugin, sorted by Section.order (ties keep plugin order).

    A plugin that raises costs only its own sections: the registry records a HookFailure and a
    finding in `registry.problems`; what the other plugins gave is still returned.
    """
    sections: list[tuple[int, Section]] = []
    for plugin, result in registry.call("lakip_render", chapter=chapter, data=data,
                                        konteks=konteks):
        for item in result:
            if isinstance(item, Section):
                sections.append((registry.rank(plugin), _rapikan(item, plugin)))
            else:
                registry.problems.append(error(
                    "plugin.render-tidak-valid", plugin, (),
                    f"Plugin '{plugin}' memberi {type(item).__name__} untuk bab '{chapter.key}', "
                    "bukan Section; bagian itu dilewati"))
    # ties keep the plugins' loading order, whatever order pluggy called them in
    ordered = [s for _rank, s in sorted(sections, key=lambda pair: (pair[1].order, pair[0]))]
    return tandai_judul_kosong(ordered)


def _rapikan(section: Section, plugin: str) -> Section:
    """A section with its plugin's name, and a title, key and order the assembly can use
    even when a plugin was careless (None, a number as title)."""
    order = section.order
    if isinstance(order, bool) or not isinstance(order, (int, float)) or order != order:
        order = 0
    return replace(section, title=clean_text(str(section.title or "")),
                   key=str(section.key or ""), order=order,
                   blocks=tuple(_bersih(b) for b in section.blocks or ()),
                   plugin=section.plugin or plugin)


def _bersih(value: Any) -> Any:
    """A block with `clean_text` applied to every string in it, so every writer (pdf and docx
    included, which write no text file to clean afterwards) gets text without control
    characters, also where a plugin made it up itself. Unchanged parts are the same objects
    (a 20.000-row table that is clean is not copied). A Raw block is a Rich renderable: the
    writers clean the text they draw from it."""
    if isinstance(value, str):
        return clean_text(value)
    if type(value) is Row:  # thousands in a long table: all its text checked in one scan
        try:
            semua = "\n".join((value.style, *value.cells))
        except TypeError:  # a plugin's cell that is not text: field by field below
            pass
        else:
            if clean_text(semua) is semua:
                return value
    if isinstance(value, tuple):
        out = tuple(_bersih(v) for v in value)
        return value if all(a is b for a, b in zip(out, value)) else out
    if is_dataclass(value) and not isinstance(value, (type, Raw)):
        ganti = {}
        for f in fields(value):
            if f.init:
                lama = getattr(value, f.name)
                baru = _bersih(lama)
                if baru is not lama:
                    ganti[f.name] = baru
        return replace(value, **ganti) if ganti else value
    return value


# A TOML escape that may write a control character into a string (\b, \f, \r, \u0007, and
# \e or \x1b of TOML 1.1); only \n, \t, \" and \\ cannot. A backslash in a literal string
# is taken for one too: that file is cleaned as before, only slower.
_ESCAPE_KENDALI = re.compile(r'\\[^nt"\\]')


def tanpa_kendali(text: str) -> bool:
    """True when the data parsed from TOML `text` can hold no control character: the text has
    none (`clean_text` finds nothing) and no escape that could write one. One scan of the text
    instead of `clean_data`'s walk of every string (city: 1 ms against 20-60 ms)."""
    return clean_text(text) is text and _ESCAPE_KENDALI.search(text) is None


def pilih_bab(registry: Registry, keys: Iterable[str] | None) -> list[Chapter]:
    """The chapters to print, in report order; an unknown key is a LakipError listing the known."""
    ordered = registry.ordered_chapters()
    if keys is None:
        return ordered
    wanted = [k.strip() for k in keys if k.strip()]
    known = {c.key for c in ordered}
    unknown = [k for k in wanted if k not in known]
    if unknown:
        daftar = ", ".join(c.key for c in ordered) or "(tidak ada bab terpasang)"
        raise LakipError(f"bab tidak dikenal: {', '.join(unknown)}. Bab yang ada: {daftar}")
    if not wanted:
        raise LakipError("--chapters kosong; sebutkan kunci bab, mis. profil,anggaran")
    return [c for c in ordered if c.key in set(wanted)]


def assemble(project_data: dict, registry: Registry, konteks: Konteks,
             chapters: Sequence[str] | None = None, *,
             kemajuan: Callable[[Chapter], None] | None = None,
             data_bersih: bool = False) -> Document:
    """The whole report. `chapters` (keys) picks some chapters; the others then count as absent
    (konteks.has_chapter is False), so a plugin puts its tables in a chapter that is printed.
    `data_bersih`: the caller knows `project_data` holds no control character (see
    `tanpa_kendali`), so it is not walked to clean it."""
    if not data_bersih:
        project_data = clean_data(project_data)  # tables are laid out from text already clean
    chosen = pilih_bab(registry, chapters)
    if chapters is not None:
        konteks = replace(konteks, chapters={c.key: c for c in chosen})
    pengantar: list[Section] = []
    lampiran: list[Section] = []
    bab: list[BabLaporan] = []
    for chapter in chosen:
        if kemajuan is not None:
            kemajuan(chapter)
        isi = []
        for section in chapter_sections(chapter, project_data, registry, konteks):
            if section.key in DEPAN:
                pengantar.append(section)
            elif section.key.startswith(LAMPIRAN):
                lampiran.append(section)
            else:
                isi.append(section)
        if isi:  # a chapter whose content all went into other chapters is not printed
            bab.append(BabLaporan(chapter.key, clean_text(chapter.title.upper()), tuple(isi)))
    if lampiran:
        bab.append(BabLaporan(LAMPIRAN, "LAMPIRAN", tuple(lampiran)))
    return Document(_sampul(project_data, konteks), _depan(pengantar), _daftar_isi(bab), tuple(bab))


def _depan(sections: list[Section]) -> tuple[Section, ...]:
    """The front matter: each part (kata pengantar, ikhtisar eksekutif) once, in that order,
    with the blocks every plugin gave it (the ikhtisar gets its capaian table from one plugin
    and its budget summary from another); the part's title is the first one given."""
    out = []
    for key in DEPAN:
        parts = [s for s in sections if s.key == key]
        if not parts:
            continue
        title = next((s.title for s in parts if s.title.strip()), "")
        blocks = tuple(b for s in parts for b in s.blocks)
        out.append(replace(parts[0], title=title, blocks=blocks))
    return tuple(out)


def _sampul(data: dict, konteks: Konteks) -> Sampul:
    """The cover from [meta]; the logo only when it passes `logo.read_logo`'s rules (why not
    is a finding of `lakip check`)."""
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    teks = {k: meta.get(k) if isinstance(meta.get(k), (str, int)) else "" for k in
            ("pemda", "instansi", "tahun")}
    return Sampul(str(teks["pemda"]).strip(), str(teks["instansi"]).strip(),
                  str(teks["tahun"]).strip(), read_logo(data, konteks.project_path)[0])


def _daftar_isi(bab: list[BabLaporan]) -> tuple[EntriIsi, ...]:
    out = []
    for part in bab:
        out.append(EntriIsi(1, part.judul))
        out.extend(EntriIsi(2, s.title) for s in part.sections if s.title.strip())
    return tuple(out)


# -- lakip export ----------------------------------------------------------------------------


class Kemajuan:
    """ "Mengekspor bab X..." on stderr: at once on a terminal, otherwise only once the export
    has taken more than a second (a quick export in a script stays quiet)."""

    def __init__(self, stream: TextIO, *, sabar: float = 1.0) -> None:
        self.stream = stream
        self.mulai = time.monotonic()
        self.sabar = sabar
        try:
            self.tty = stream.isatty()
        except (AttributeError, ValueError):
            self.tty = False

    def aktif(self) -> bool:
        return self.tty or time.monotonic() - self.mulai > self.sabar

    def __call__(self, chapter: Chapter) -> None:
        self.tulis(f"Mengekspor bab {chapter.title}...")

    def tulis(self, pesan: str) -> None:
        if self.aktif():
            print(pesan, file=self.stream, flush=True)


class ErrorCount:
    """How many errors `lakip check` finds, for the export's warning line, counted by a forked
    child while this process assembles and writes the report (city: the checks are 80-100 ms
    of an export of about 0,6 s). The count is all the export needs of the checks.

    What the checks leave on the registry (a plugin's failed `lakip_validate` is a HookFailure
    and a problem the export prints) comes back with the count and is put where the checks
    would have put it. Without fork, on one core, with LAKIP_EXPORT_PARALEL=0, or when the
    child fails in any way, the checks run here, as before: same count, same messages, the
    same exception if the checks themselves raise."""

    SWITCH = "LAKIP_EXPORT_PARALEL"

    def __init__(self, data: dict, registry: Registry, path: Path) -> None:
        import os

        from .forked import ForkedCall, can_fork

        self.data, self.registry, self.path = data, registry, path
        self._before = (len(registry.problems), len(registry.failures))
        self._count: int | None = None
        self._child = ForkedCall(self._child_payload) if can_fork(os.environ, self.SWITCH) else None
        if self._child is None or not self._child.started:
            self._count = self._count_here()

    def _count_here(self) -> int:
        from .checks import run_checks
        from .findings import count

        return count(run_checks(self.data, self.registry, self.path), "error")

    def _child_payload(self) -> tuple:
        """In the child: the count and what the checks left on the registry."""
        errors = self._count_here()
        p, f = self._before
        return (errors, self.registry.problems[p:], self.registry.failures[f:],
                sorted(self.registry.chapters))

    def cancel(self) -> None:
        """Not wanted after all (the export failed): the child is ended and waited for."""
        if self._child is not None:
            self._child.cancel()

    def result(self) -> int:
        """The number of errors; the child's findings on the registry are in place after it."""
        if self._count is None:
            self._count = self._take_from_child()
        return self._count

    def _take_from_child(self) -> int:
        try:
            errors, problems, failures, chapters = self._child.result()
        except (TypeError, ValueError):
            return self._count_here()  # the child failed: the checks run here, as they always did
        if chapters != sorted(self.registry.chapters):  # cannot happen today; then as before
            return self._count_here()
        p, f = self._before
        self.registry.problems[p:p] = problems
        self.registry.failures[f:f] = failures
        for failure in failures:
            info = self.registry.infos.get(failure.plugin)
            if info is not None and not info.problem:
                info.problem = failure.message
        return errors


def run_export(args: argparse.Namespace, early: "EarlyParse | None" = None) -> int:
    """`lakip export FILE -f FORMAT -o OUT [--width N] [--chapters a,b] [--pdf-tags]
    [--plugin P.py]`;
    `early` holds the file as read (and maybe parsed) while the command started."""
    from .early_parse import load_project
    from .plugins import load_registry
    from .project import atomic_write

    kemajuan = Kemajuan(sys.stderr)
    fmt = exporters.normalise_format(args.format)
    tagged = getattr(args, "pdf_tags", False)
    if tagged and fmt != "pdf":
        raise LakipError(f"--pdf-tags hanya untuk format pdf (tertulis -f {fmt})")
    width = args.width if args.width is not None else lebar_bawaan(args.output, sys.stdout)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        raise LakipError(f"--width harus antara {MIN_WIDTH} dan {MAX_WIDTH} (tertulis {width})")
    project = load_project(args.file, early)
    registry = load_registry(args.plugin, data=project.data, project_path=project.path)
    keys = None if args.chapters is None else args.chapters.split(",")
    pilih_bab(registry, keys)  # an unknown chapter is reported before any work is done
    target = _target(args.output, project.path, fmt)

    if keys is not None:  # a plugin switched off while loading takes its chapters with it
        keys = [k for k in keys if k.strip() in registry.chapters]
        if not keys:
            raise LakipError("bab yang dipilih tidak dapat dicetak: plugin-nya gagal "
                             "(lihat `lakip check`)")
    errors = ErrorCount(project.data, registry, project.path)  # counted beside the export
    try:
        document = assemble(project.data, registry, registry.konteks(project.data, project.path),
                            keys, kemajuan=kemajuan, data_bersih=tanpa_kendali(project.text))
        kemajuan.tulis(f"Menyusun berkas {fmt}...")
        text = exporters.render(document, fmt, width=width, tagged_pdf=tagged)
    except BaseException:
        errors.cancel()
        raise
    if errors.result():
        print(f"lakip: peringatan: proyek memiliki {errors.result()} galat; laporan tetap diekspor "
              f"(lihat `lakip check {args.file}`)", file=sys.stderr)
    for problem in registry.problems:  # not loaded, failed to load, in its checks, or in render
        print(clean_text(f"lakip: peringatan: {problem.message}"), file=sys.stderr)
    # why the cover lacks the logo it names (the file was read once, for the report: cached)
    for problem in read_logo(project.data, project.path)[1]:
        print(clean_text(f"lakip: peringatan: {problem.message}"), file=sys.stderr)
    missing = registry.failures_of("lakip_render")
    if missing:  # the file is written, but no one may take it for the whole report
        parts = "; ".join(f"bab '{f.chapter}' tanpa bagian dari plugin '{f.plugin}'"
                          for f in missing)
        print(clean_text(f"lakip: LAPORAN TIDAK LENGKAP: {parts} (kode keluar 1)"),
              file=sys.stderr)
    if keys is None:  # data no loaded chapter owns is not in the report: say so
        for problem in registry.unclaimed_findings(project.data):
            print(clean_text(f"lakip: peringatan: {problem.message}"), file=sys.stderr)
    status = 1 if missing else 0
    if target is None:
        _to_stdout(text)
        return status
    try:
        _tulis(target, text, atomic_write)
    except OSError as exc:
        raise LakipError(f"tidak dapat menulis berkas keluaran ({exc.strerror or exc})",
                         where=str(target)) from None
    print(f"Laporan ditulis ke {target}", file=sys.stderr)
    return status


def lebar_bawaan(output: str | None, stdout: TextIO) -> int:
    """The text width when --width is not given: the terminal's when the report goes to one
    (`-o -` on a terminal), within MIN_WIDTH..MAX_WIDTH; otherwise 100, as a file is printed."""
    try:
        tty = output == "-" and stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty:
        return 100
    import shutil

    kolom = shutil.get_terminal_size((100, 24)).columns
    return max(MIN_WIDTH, min(MAX_WIDTH, kolom))


def _target(output: str | None, project_path: Path, fmt: str) -> Path | None:
    """Where the report goes (None: stdout), checked before the export does any work."""
    if output == "-":
        return None
    target = Path(output) if output else project_path.with_suffix(exporters.FORMATS[fmt])
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise LakipError("keluaran adalah folder; beri nama berkas", where=str(target))
    if not folder.is_dir():
        raise LakipError("folder keluaran tidak ada", where=str(folder))
    if target.resolve() == project_path.resolve():
        raise LakipError("keluaran akan menimpa berkas proyek itu sendiri", where=str(target))
    return target


def _tulis(target: Path, text: str | bytes, atomic_write: Callable[[Path, str], None]) -> None:
    """Replace a file atomically; but write through a device or pipe (/dev/stdout, /dev/null),
    which renaming would destroy."""
    if target.exists() and not target.is_file():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with open(target, "wb") as out:
            out.write(data)
        return
    if isinstance(text, bytes):
        _tulis_biner(target, text)
        return
    atomic_write(target, text)  # follows a symlink; a new file gets the umask's permissions


def _tulis_biner(target: Path, data: bytes) -> None:
    """A PDF or DOCX written as atomically as a text export: a temp file in the same folder,
    fsynced, then renamed over the target (a symlink is followed; a new file gets the umask's
    permissions, an old one keeps its own)."""
    import os
    import tempfile

    if target.is_symlink():
        target = target.resolve()
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


def _to_stdout(text: str | bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is not None:  # UTF-8 whatever the locale says: box lines and "≤" must survive
        sys.stdout.flush()
        stream.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        stream.flush()
    else:
        sys.stdout.write(text)
