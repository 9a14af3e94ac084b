"""Reading sasaran and indicators from plain data, wherever the caller says they are."""

from __future__ import annotations

from lakip_tui.indikator import daftar_sasaran

ROWS = [
    {"kode": "SS1", "uraian": " Sasaran satu ", "indikator": [
        {"kode": "IKU1", "uraian": "Persentase", "satuan": "%", "target": 85,
         "renstra": {2024: 85}},
        "bukan tabel",
        {"uraian": "Tanpa kode", "polaritas": "NEGATIF", "jenis": "Kualitatif", "urutan": "B"},
    ]},
    "bukan tabel",
    {"indikator": "bukan daftar"},
]


def test_rows_and_paths_follow_the_file():
    sasaran = daftar_sasaran(ROWS, ("pk", "sasaran"))
    assert [s.path for s in sasaran] == [("pk", "sasaran", 0), ("pk", "sasaran", 2)]
    assert [s.nomor for s in sasaran] == [1, 3]
    first = sasaran[0]
    assert first.uraian == "Sasaran satu" and first.kode == "SS1"
    assert [i.path for i in first.indikator] == [("pk", "sasaran", 0, "indikator", 0),
                                                 ("pk", "sasaran", 0, "indikator", 2)]
    assert sasaran[1].indikator == ()


def test_indicator_fields_are_read_leniently():
    iku1, tanpa_kode = daftar_sasaran(ROWS, ("pk", "sasaran"))[0].indikator
    assert (iku1.polaritas, iku1.jenis, iku1.target, iku1.renstra) == (
        "positif", "kuantitatif", 85, {"2024": 85})
    assert (tanpa_kode.polaritas, tanpa_kode.jenis, tanpa_kode.urutan) == (
        "negatif", "kualitatif", ["B"])
    assert iku1.sebut() == "indikator IKU1"
    assert tanpa_kode.sebut() == "indikator ke-3 sasaran SS1"


def test_not_a_list_gives_nothing():
    assert daftar_sasaran(None, ("x",)) == [] and daftar_sasaran({"a": 1}, ("x",)) == []


def test_renstra_period_needs_two_whole_years():
    from lakip_tui.indikator import periode_renstra

    assert periode_renstra({"awal": 2021, "akhir": 2026}) == (2021, 2026)
    assert periode_renstra({"awal": 2021}) is None
    assert periode_renstra({"awal": True, "akhir": 2026}) is None and periode_renstra(None) is None
