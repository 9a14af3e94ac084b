"""Unsaved edits left by a session that ended (closed terminal, dropped SSH, kill): offered
back when the file is opened again, each change shown as `path: lama → baru`; and the values
changed both here and on disk, decided one at a time. Nothing is discarded without asking."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...journal import Recovery, SavedJournal
from ...merge import Konflik, clean, describe_conflict, describe_ops, show_value
from ...paths import format_path
from ..actions import bindings
from .dialog import Question

MAKS_BARIS = 200  # a dialog is not the place for more; `lakip recover` lists them all


class RecoverOffer(Question):
    BINDINGS = bindings("dialog") + bindings("dialog_pulih")
    JAWABAN = (
        ("pulihkan", "pulih_pulihkan", "primary"),
        ("nanti", "pulih_nanti", "default"),
        ("buang", "pulih_buang", "error"),
    )
    JAWABAN_ESC = "nanti"  # the answer that loses nothing
    DEFAULT_CSS = """
    RecoverOffer #pulih-daftar { height: auto; max-height: 12; border: round $primary-darken-2;
                                 margin-bottom: 1; }
    RecoverOffer #pulih-konflik { margin-bottom: 1; color: $warning; }
    """

    def __init__(self, nama_berkas: str, saved: SavedJournal, rencana: Recovery) -> None:
        baris = describe_ops(rencana.ops)
        pesan = (f"Sesi yang membuka {clean(nama_berkas)} ({clean(saved.who)}, sejak "
                 f"{saved.made}) berakhir tanpa menyimpan {len(saved.ops)} suntingan. "
                 f"Memulihkan mengubah {len(baris)} nilai:")
        if saved.note or rencana.note:
            pesan += f"\n(catatan: {saved.note or rencana.note})"
        super().__init__("Suntingan belum disimpan ditemukan", pesan)
        self.baris = baris
        self.konflik = rencana.conflicts

    def isi(self) -> ComposeResult:
        shown = self.baris[:MAKS_BARIS]
        if len(self.baris) > MAKS_BARIS:
            shown.append(f"... dan {len(self.baris) - MAKS_BARIS} lagi (lihat: lakip recover)")
        with VerticalScroll(id="pulih-daftar"):
            yield Static(Text("\n".join(shown) or "(tidak ada yang berbeda)"))
        if self.konflik:
            yield Static(Text(
                f"Berkas di disk sudah berubah sejak itu: {len(self.konflik)} nilai diubah di "
                "kedua tempat; Anda memilih satu per satu setelah Pulihkan.\n"
                + "\n".join(describe_conflict(k) for k in self.konflik[:5])), id="pulih-konflik")
        yield Static("Pulihkan: suntingan kembali sebagai perubahan belum disimpan (bisa "
                     "diurungkan). Nanti saja: tetap di jurnal. Buang: dihapus.")


class ConflictQuestion(Question):
    """One value changed differently here and on disk: which one stays."""

    BINDINGS = bindings("dialog") + bindings("dialog_konflik")
    JAWABAN = (
        ("kami", "konflik_kami", "primary"),
        ("mereka", "konflik_mereka", "warning"),
    )

    def __init__(self, konflik: Konflik, nomor: int, jumlah: int, asal: str = "Suntingan Anda"):
        pesan = Text()
        pesan.append(clean(format_path(konflik.path)) or "(berkas)", style="bold")
        pesan.append(f"\n\nSemula:          {show_value(konflik.base)}")
        pesan.append(f"\nDi disk sekarang: {show_value(konflik.theirs)}")
        pesan.append(f"\n{asal + ':':<17}{show_value(konflik.ours)}")
        pesan.append("\n\nBatal: tidak ada yang diubah.")
        super().__init__(f"Nilai diubah di dua tempat ({nomor} dari {jumlah})", pesan)
