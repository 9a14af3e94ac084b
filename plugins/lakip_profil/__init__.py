"""Bab profil (sedang dibangun)."""
