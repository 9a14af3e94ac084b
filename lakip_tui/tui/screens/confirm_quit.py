"""Quit with unsaved changes: save, discard, or cancel. Never quit silently over edits."""

from __future__ import annotations

from ..actions import bindings
from .dialog import Question


class ConfirmQuitScreen(Question):
    BINDINGS = bindings("dialog") + bindings("dialog_keluar")
    JAWABAN = (("simpan", "keluar_simpan", "primary"), ("buang", "keluar_buang", "error"))

    def __init__(self) -> None:
        super().__init__(
            "Ada perubahan yang belum disimpan",
            "Perubahan Anda belum disimpan ke berkas. Simpan dulu sebelum keluar?\n"
            "Buang = keluar tanpa menyimpan; perubahan itu hilang.",
        )
