"""Bantuan: every binding with its description and the keys in force now, the command palette,
and where the key map file lives."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ..actions import AKSI, SCOPE_TITLE, bindings
from ..keymap import current_keys, current_keys_of, describe_keys, other_bindings


def isi_bantuan(user_keys: Mapping[str, str], keymap_file: Path, problems: list[str]) -> Group:
    parts: list = [
        Text("Bantuan lakip", style="bold underline"),
        Text(""),
        Text("Semua aksi juga ada di palet perintah (ctrl+p atau F9): ketik sebagian namanya, "
             "pilih dengan panah, Enter menjalankan. Palet hanya menampilkan aksi yang berlaku "
             "di layar yang sedang terbuka, dan aksi penyunting yang sedang dipakai."),
        Text(""),
        Text("Tabel dan isian bekerja seperti lembar kerja (Excel, LibreOffice): huruf, angka, "
             "spasi dan tanda baca yang diketik langsung mengisi sel di kursor; Enter menyimpan. "
             "Perintah (tambah, hapus, pindah, lipat baris) memakai Insert, Delete, ctrl, alt "
             "atau F-key, tidak pernah huruf saja. Kiri/kanan hanya berpindah kolom di baris "
             "yang sama."),
        Text(""),
    ]
    for scope, title in SCOPE_TITLE.items():
        rows = [a for a in AKSI if a.scope == scope]
        if not rows:
            continue
        table = Table(title=title, title_justify="left", title_style="bold", expand=True,
                      show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("Tombol", no_wrap=True, width=16)
        table.add_column("Aksi", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        for aksi in rows:
            keys = describe_keys(current_keys(aksi, user_keys))
            ubah = " *" if aksi.id in user_keys else ""
            isi = Text()
            isi.append(aksi.description, style="bold")
            isi.append(f"\n{aksi.help}")
            table.add_row(keys + ubah, isi, aksi.id)
        parts += [table, Text("")]
    lain = other_bindings()
    if lain:
        table = Table(title="Dari widget plugin", title_justify="left",
                      title_style="bold", expand=True, show_header=True, header_style="bold",
                      box=None, pad_edge=False)
        table.add_column("Tombol", no_wrap=True, width=16)
        table.add_column("Aksi", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        for binding_id, item in lain.items():
            keys = describe_keys(current_keys_of(item.binding, user_keys))
            ubah = " *" if binding_id in user_keys else ""
            table.add_row(keys + ubah, item.binding.description or item.binding.action, binding_id)
        parts += [table, Text("")]
    parts.append(Text(
        f"Tombol dapat diubah di {keymap_file} (tanda * = sudah diubah di sana), misalnya:\n"
        '  [keys]\n  simpan = "ctrl+s,f2"\n  urungkan = "ctrl+z,f5"\n'
        "Nama di kiri adalah id pada kolom terakhir tabel di atas. Lihat docs/tui.md."))
    if problems:
        parts += [Text(""), Text("Masalah pada berkas peta tombol:", style="bold")]
        parts += [Text(f"  - {p}") for p in problems]
    return Group(*parts)


class HelpScreen(Screen):
    BINDINGS = bindings("bantuan")
    DEFAULT_CSS = """
    HelpScreen #bantuan-isi { padding: 0 1; }
    """

    def __init__(self, user_keys: Mapping[str, str], keymap_file: Path,
                 problems: list[str]) -> None:
        super().__init__()
        self.isi = isi_bantuan(user_keys, keymap_file, problems)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="bantuan-gulung"):
            yield Static(self.isi, id="bantuan-isi")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#bantuan-gulung").focus()
