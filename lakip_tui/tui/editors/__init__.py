"""Editors built from a chapter's declared structure: table (`table`), narrative (`narrative`)
and form (`form`). Nothing is imported here: each is imported by the first Bagian that needs it.
"""
