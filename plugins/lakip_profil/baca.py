"""Where [profil] lives; reading goes through lakip_tui.baca (the core's shape-tolerant readers)."""

from __future__ import annotations

from lakip_tui.api import baris, bilangan, daftar_teks, tabel, teks, wilayah

CHAPTER_KEY = "profil"

__all__ = ["KEY", "baris", "bilangan", "daftar_teks", "tabel", "teks", "wilayah"]
