"""`lakip recover FILE [--apply | --discard]`: the edits a session left unsaved when it ended
(a closed terminal, a dropped SSH connection, a kill), from the command line.

Without an option it lists them, each as `path: lama → baru`, and the values that were also
changed on disk since (conflicts). --apply writes the edits that do not conflict into the file
(one atomic, verified save) and removes the journals that had no conflict; a journal with
conflicts is kept, so nothing is lost: open the file in the editor to choose per value, or
--discard it. Headless: no Textual.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import LakipError

# `add_parser` runs for every `lakip` command, the editor's start too: the journal and merge
# modules are imported only when `recover` itself runs.

EXIT_OK, EXIT_CONFLICTS = 0, 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    recover = sub.add_parser(
        "recover", help="pulihkan suntingan yang belum disimpan (setelah sesi terputus)",
        description="Daftar suntingan yang belum disimpan saat sesi editor berakhir tiba-tiba "
                    "(terminal ditutup, SSH putus, proses dihentikan), dan terapkan atau buang. "
                    "Suntingan disimpan di folder state pengguna, bukan di samping berkas. "
                    "Kode keluar: 0 selesai, 1 ada konflik yang belum diterapkan, "
                    "2 berkas tak terbaca.")
    recover.add_argument("file", metavar="BERKAS", help="berkas proyek .toml")
    action = recover.add_mutually_exclusive_group()
    action.add_argument("--apply", action="store_true",
                        help="terapkan suntingan yang tidak berkonflik dan simpan berkas")
    action.add_argument("--discard", action="store_true", help="buang suntingan itu")


def cmd_recover(args: argparse.Namespace) -> int:
    from .journal import find_journals
    from .merge import clean
    from .project import Project

    from .temp_files import remove_leftovers

    path = Path(args.file)
    project = Project.load(path)
    remove_leftovers(path)  # temp files of a save that was killed: never the only copy
    journals = find_journals(path)
    name = clean(path.name)
    if not journals:
        print(f"Tidak ada suntingan belum disimpan untuk {name}.")
        return EXIT_OK
    if args.apply or args.discard:
        lock = _take_lock(path)
        try:
            return _discard(journals, name) if args.discard else _apply(project, journals, name)
        finally:
            if lock is not None:
                lock.release()
    conflicts = 0
    for number, saved in enumerate(journals, start=1):
        conflicts += _show(number, saved, project)
    print()
    print(f"Terapkan: lakip recover {args.file} --apply    "
          f"Buang: lakip recover {args.file} --discard")
    if conflicts:
        print("Atau buka berkas di editor (lakip BERKAS) untuk memilih per nilai yang berkonflik.")
    return EXIT_OK


def _show(number: int, saved: SavedJournal, project) -> int:
    from .journal import plan_recovery
    from .merge import clean, describe_conflict, describe_ops

    plan = plan_recovery(saved, project.data, project.text)
    print(f"Jurnal {number}: dibuat {saved.made} oleh {clean(saved.who)}, "
          f"{len(saved.ops)} suntingan")
    if saved.note or plan.note:
        print(f"  catatan: {saved.note or plan.note}")
    lines = describe_ops(plan.ops)
    for line in lines:
        print(f"  {line}")
    if not lines and not plan.conflicts:
        print("  (tidak mengubah apa pun: isinya sudah ada di berkas)")
    if plan.conflicts:
        print(f"  Konflik: berkas di disk sudah berubah sejak itu; {len(plan.conflicts)} nilai "
              "diubah di kedua pihak (tidak diterapkan oleh --apply):")
        for conflict in plan.conflicts:
            print(f"    {describe_conflict(conflict)}")
    return len(plan.conflicts)


def _take_lock(path: Path):
    """The file must not be open in a live editor while it is rewritten from here."""
    from .lock import FileLock, Locked

    lock = FileLock(path)
    try:
        lock.acquire()
    except Locked as exc:
        raise LakipError(f"berkas sedang dibuka oleh {exc.holder.describe()}; tutup sesi itu "
                         "dulu (suntingannya dipulihkan di sana)", where=str(path),
                         title="Berkas terkunci") from None
    except OSError:
        return None  # a read-only folder: the save below says what is wrong
    return lock


def _discard(journals: list[SavedJournal], name: str) -> int:
    from .journal import remove_journal

    for saved in journals:
        remove_journal(saved)
    total = sum(len(s.ops) for s in journals)
    print(f"{len(journals)} jurnal ({total} suntingan) untuk {name} dibuang.")
    return EXIT_OK


def _apply(project, journals: list[SavedJournal], name: str) -> int:
    from .journal import plan_recovery, remove_journal
    from .merge import MEREKA, apply_ops

    kept = []
    applied = 0
    for saved in journals:
        plan = plan_recovery(saved, project.data, project.text)
        if plan.conflicts:
            # the values both sides changed keep what is on disk; the journal stays
            plan = plan_recovery(saved, project.data, project.text, [MEREKA] * len(plan.conflicts))
            kept.append((saved, len(plan.conflicts)))
        apply_ops(project, plan.ops)
        applied += len(plan.ops)
    if project.dirty:
        project.save()
    for saved in journals:
        if all(saved is not k for k, _ in kept):
            remove_journal(saved)
    print(f"{applied} perubahan diterapkan ke {name}" + (" dan disimpan." if applied else "."))
    for saved, count in kept:
        print(f"Jurnal dari {saved.made} punya {count} konflik; tidak diterapkan dan jurnal "
              "disimpan. Buka berkas di editor untuk memilih per nilai, atau --discard.",
              file=sys.stderr)
    return EXIT_CONFLICTS if kept else EXIT_OK
