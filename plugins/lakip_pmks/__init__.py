"""Bab pmks (sedang dibangun)."""
