"""The file changed on disk since it was opened (another editor, a git pull, a colleague).
Nothing is overwritten: saving and reloading merge the two versions three ways (base = the
file as last opened or saved), so edits to different keys or rows are all kept, and only a
value changed on both sides is asked about, one at a time."""

from __future__ import annotations

from ..actions import bindings
from .dialog import Question


class DiskChangedScreen(Question):
    BINDINGS = bindings("dialog") + bindings("dialog_disk")
    JAWABAN = (
        ("timpa", "disk_timpa", "primary"),
        ("muat_ulang", "disk_muat_ulang", "default"),
        ("simpan_sebagai", "disk_simpan_sebagai", "default"),
        ("buang", "disk_buang", "error"),
    )

    def __init__(self, nama_berkas: str, ada_perubahan: bool) -> None:
        milik = ("Perubahan Anda yang belum disimpan digabung dengan versi di disk: yang "
                 "menyentuh nilai atau baris berbeda disatukan; untuk tiap nilai yang diubah di "
                 "kedua tempat Anda ditanya mana yang dipakai.\n\n"
                 if ada_perubahan else "")
        super().__init__(
            "Berkas berubah di disk",
            f"{nama_berkas} telah diubah di luar aplikasi sejak dibuka.\n\n{milik}"
            "Gabung lalu simpan: gabungkan, lalu simpan. Muat ulang: gabungkan tanpa "
            "menyimpan. Simpan sebagai: versi Anda ke berkas lain. Buang perubahan saya: baca "
            "versi di disk saja.",
        )
