"""Another session has this file open: read-only, open anyway, or leave."""

from __future__ import annotations

from ...lock import LockInfo
from ..actions import bindings
from .dialog import Pertanyaan


class BerkasTerkunci(Pertanyaan):
    BINDINGS = bindings("dialog") + bindings("dialog_kunci")
    JAWABAN = (
        ("hanya_baca", "kunci_hanya_baca", "primary"),
        ("buka_saja", "kunci_buka_saja", "warning"),
        ("keluar", "kunci_keluar", "default"),
    )
    JAWABAN_ESC = "hanya_baca"  # the answer that can harm nothing

    def __init__(self, nama_berkas: str, pemegang: LockInfo) -> None:
        super().__init__(
            "Berkas sedang dibuka di sesi lain",
            f"{nama_berkas} sedang dibuka oleh {pemegang.describe()}.\n\n"
            "Hanya-baca: Anda bisa membaca, memeriksa dan melihat pratinjau tanpa mengubah.\n"
            "Buka saja: Anda juga bisa menyunting; bila keduanya menyimpan, yang terakhir menimpa "
            "(aplikasi tetap memperingatkan sebelum menimpa perubahan di disk).",
        )
