"""The core's shape-tolerant readers that every chapter plugin reads the file through."""

from __future__ import annotations

from lakip_tui.baca import baris, bilangan, daftar_teks, tabel, teks, wilayah
from lakip_tui.plugins import load_registry
from lakip_tui.report import Signature


def test_tabel_follows_only_tables():
    data = {"a": {"b": {"c": 1}}, "x": [1]}
    assert tabel(data, "a", "b") == {"c": 1}
    assert tabel(data, "a", "b", "c") == {}
    assert tabel(data, "x") == {} and tabel(None, "a") == {}


def test_teks_and_daftar_teks_clean_what_a_hand_edited_file_holds():
    assert teks("  Dinas  ") == "Dinas" and teks(7) == "7" and teks(True) == "" and teks(None) == ""
    assert daftar_teks([" a ", "", 3, None, "b"]) == ["a", "3", "b"]
    assert daftar_teks("satu") == ["satu"] and daftar_teks({"a": 1}) == []


def test_baris_keeps_file_indexes_and_skips_non_rows():
    assert list(baris({"r": [{"a": 1}, "x", {"a": 2}]}, "r")) == [(0, {"a": 1}), (2, {"a": 2})]
    assert list(baris({"r": "x"}, "r")) == [] and list(baris(None, "r")) == []


def test_bilangan_and_wilayah():
    assert bilangan(5) == 5 and bilangan(True) is None and bilangan("5") is None
    assert wilayah({"pemda": "Pemerintah Kota Binjai"}) == "Kota Binjai"
    assert wilayah({"pemda": "Kabupaten Langkat"}) == "Kabupaten Langkat" and wilayah(None) == ""


def test_signature_without_a_jabatan_falls_back_to_the_instansi():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "profil"})
    data = {"format": 1, "meta": {"pemda": "Pemerintah Kota X", "instansi": "Dinas Sosial Kota X",
                                  "tahun": 2024, "kepala": {"nama": "Budi"}},
            "profil": {"kata_pengantar": "Puji syukur."}}
    chapter = registry.chapters["profil"]
    ((_, sections),) = registry.call("lakip_render", chapter=chapter, data=data,
                                     konteks=registry.konteks(data))
    signatures = [b for s in sections for b in s.blocks if isinstance(b, Signature)]
    assert [s.jabatan for s in signatures] == ["Kepala Dinas Sosial Kota X"]
