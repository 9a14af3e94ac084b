"""Bab anggaran (sedang dibangun)."""
