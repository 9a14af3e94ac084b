"""Bab perjanjian_kinerja (sedang dibangun)."""
