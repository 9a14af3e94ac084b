"""Bab akuntabilitas (sedang dibangun)."""
