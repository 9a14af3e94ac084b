"""The file changed on disk since it was opened (another editor, a git pull, a colleague):
the user decides which version wins; nothing is overwritten without asking."""

from __future__ import annotations

from ..actions import bindings
from .dialog import Pertanyaan


class BerkasBerubah(Pertanyaan):
    BINDINGS = bindings("dialog") + bindings("dialog_disk")
    JAWABAN = (
        ("muat_ulang", "disk_muat_ulang", "warning"),
        ("timpa", "disk_timpa", "error"),
        ("simpan_sebagai", "disk_simpan_sebagai", "primary"),
    )

    def __init__(self, nama_berkas: str, ada_perubahan: bool) -> None:
        hilang = ("Muat ulang membuang perubahan Anda yang belum disimpan. "
                  if ada_perubahan else "Muat ulang membaca versi di disk. ")
        super().__init__(
            "Berkas berubah di disk",
            f"{nama_berkas} telah diubah di luar aplikasi sejak dibuka.\n\n"
            f"{hilang}Timpa menyimpan versi Anda di atas versi di disk (perubahan di disk hilang). "
            "Simpan sebagai menulis versi Anda ke berkas lain.",
        )
