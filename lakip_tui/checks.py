"""The check runner: the core's own rules on the file, then every plugin's validations."""

from __future__ import annotations

from .findings import Finding, error, warning
from .known_keys import kunci_tidak_dikenal
from .logo import read_logo
from .tahun_sebelumnya import baca_semua
from .plugins import Registry

CORE = "umum"  # findings about the file as a whole, not about a chapter

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def core_findings(data: dict) -> list[Finding]:
    """What the core itself knows: the format key and the report-wide [meta] table."""
    out: list[Finding] = []
    if "format" not in data:
        out.append(warning("umum.format-hilang", CORE, ("format",),
                           "Kunci 'format' tidak ada; berkas dibaca sebagai format 1. "
                           "Tambahkan baris: format = 1"))
    meta = data.get("meta")
    if not isinstance(meta, dict):
        out.append(error("umum.meta-hilang", CORE, ("meta",),
                         "Tabel [meta] (pemda, instansi, tahun) tidak ada"))
        return out
    tahun = meta.get("tahun")
    if not isinstance(tahun, int) or isinstance(tahun, bool) or not 1900 <= tahun <= 2200:
        out.append(error("umum.tahun-tidak-valid", CORE, ("meta", "tahun"),
                         f"Tahun anggaran harus bilangan tahun, misalnya 2024 (tertulis: {tahun!r})"))
    for key, label in (("instansi", "Nama instansi"), ("pemda", "Nama pemerintah daerah")):
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            out.append(error(f"umum.{key}-kosong", CORE, ("meta", key), f"{label} belum diisi"))
    return out


def run_checks(data: dict, registry: Registry, project_path=None) -> list[Finding]:
    """Every finding for `data`, sorted by chapter order, then severity, then location."""
    konteks = registry.konteks(data, project_path)
    findings = core_findings(data)
    for _plugin, result in registry.call("lakip_validate", data=data, konteks=konteks):
        findings.extend(f for f in result if isinstance(f, Finding))
    findings.extend(registry.problems)
    findings.extend(kunci_tidak_dikenal(data, registry.chapters))
    findings.extend(baca_semua(data, project_path)[1])
    findings.extend(read_logo(data, project_path)[1])
    findings.extend(registry.unclaimed_findings(data))
    findings.extend(registry.extensions_without_chapter())
    order = {c.key: c.order for c in registry.chapters.values()}
    return sorted(
        findings,
        key=lambda f: (order.get(f.chapter, -1 if f.chapter == CORE else 10_000),
                       f.chapter, _SEVERITY_RANK[f.severity], _path_key(f.path), f.code),
    )


def _path_key(path) -> tuple:
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)
