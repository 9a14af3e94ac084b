"""Another session has this file open: read-only, open anyway (without its lock), take the
lock over (explicitly), or leave."""

from __future__ import annotations

from ...lock import LockInfo
from ..actions import bindings
from .dialog import Question


class LockQuestion(Question):
    BINDINGS = bindings("dialog") + bindings("dialog_lock")
    JAWABAN = (
        ("hanya_baca", "kunci_hanya_baca", "primary"),
        ("buka_saja", "kunci_buka_saja", "warning"),
        ("ambil_alih", "kunci_ambil_alih", "error"),
        ("keluar", "kunci_keluar", "default"),
    )
    JAWABAN_ESC = "hanya_baca"  # the answer that can harm nothing

    def __init__(self, nama_berkas: str, pemegang: LockInfo) -> None:
        basi = ""
        if pemegang.is_stale:
            basi = (f"Kunci itu tidak disentuh selama {int(pemegang.age // 60)} menit; sesi "
                    "itu tampaknya sudah berakhir (mis. koneksi putus).\n\n")
        super().__init__(
            "Berkas sedang dibuka di sesi lain",
            f"{nama_berkas} sedang dibuka oleh {pemegang.describe()}.\n\n{basi}"
            "Hanya-baca: Anda bisa membaca, memeriksa dan melihat pratinjau tanpa mengubah.\n"
            "Buka saja: Anda juga bisa menyunting; kunci tetap milik sesi itu. Bila keduanya "
            "menyimpan, aplikasi menggabungkan dan menanyakan nilai yang bentrok.\n"
            "Ambil alih: kunci menjadi milik sesi ini (pilih bila sesi itu sudah tidak dipakai).",
        )
