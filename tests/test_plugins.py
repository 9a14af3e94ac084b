"""The plugin manager: entry points, switches, single files, and plugins that break."""

from __future__ import annotations

from pathlib import Path

from lakip_tui.chapter import Chapter
from lakip_tui.checks import run_checks
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import load_registry
from lakip_tui.trust import TrustStore

PLUGINS = Path(__file__).parent / "fixtures" / "plugins"
BUILT_INS = {"profil", "pmks", "perjanjian_kinerja", "akuntabilitas", "anggaran"}
DATA = {"format": 1, "meta": {"pemda": "Pemda", "instansi": "Dinas", "tahun": 2024}}


def test_built_in_chapters_load_through_the_entry_point_group():
    registry = load_registry(env={})
    assert BUILT_INS <= set(registry.infos)
    assert all(registry.infos[name].source == "entry point" for name in BUILT_INS)
    assert all(registry.infos[name].version for name in BUILT_INS)


def test_load_plugins_switch_loads_only_the_named(tmp_path):
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "pmks"})
    active = {n for n, i in registry.infos.items() if i.status == "aktif"}
    assert active == {"pmks"}
    assert registry.infos["profil"].status == "dinonaktifkan"


def test_empty_load_switch_loads_no_plugin_and_checks_still_run():
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    assert registry.chapters == {}
    findings = run_checks(dict(DATA), registry)
    assert findings == []


def test_disable_switch_skips_the_named():
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": "profil, anggaran"})
    assert registry.infos["profil"].status == "dinonaktifkan"
    assert registry.infos["anggaran"].status == "dinonaktifkan"
    assert registry.infos["pmks"].status == "aktif"


def test_single_file_plugin_registers_its_chapter_and_hooks():
    registry = load_registry([PLUGINS / "inovasi.py"], env={"LAKIP_LOAD_PLUGINS": ""})
    info = registry.infos["inovasi"]
    assert info.status == "aktif"
    assert info.chapters == ["inovasi"]
    assert info.hooks == ["lakip_register_chapters", "lakip_render", "lakip_validate"]
    assert registry.chapters["inovasi"].plugin == "inovasi"
    findings = run_checks(dict(DATA), registry)
    assert [f.code for f in findings] == ["inovasi.nama-kosong"]


def test_plugin_files_named_in_the_project_load_relative_to_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "inovasi.py").write_text((PLUGINS / "inovasi.py").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    TrustStore().allow(tmp_path / "inovasi.py", (tmp_path / "inovasi.py").read_bytes())
    data = {**DATA, "plugins": {"files": ["inovasi.py"]}}
    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": "inovasi"}, data=data,
                             project_path=tmp_path / "x.toml")
    assert "inovasi" in registry.chapters


def test_plugin_that_fails_to_import_becomes_an_error_finding():
    registry = load_registry([PLUGINS / "rusak_impor.py", PLUGINS / "inovasi.py"],
                             env={"LAKIP_LOAD_PLUGINS": ""})
    assert registry.infos["rusak_impor"].status == "gagal"
    assert "modul ini rusak" in registry.infos["rusak_impor"].problem
    findings = run_checks(dict(DATA), registry)
    broken = [f for f in findings if f.code == "plugin.gagal"]
    assert len(broken) == 1 and "rusak_impor" in broken[0].message
    assert broken[0].severity == "error"
    assert any(f.code == "inovasi.nama-kosong" for f in findings)  # the others keep working


def test_plugin_that_raises_in_a_hook_is_reported_and_its_failure_stays_local():
    registry = load_registry([PLUGINS / "rusak_hook.py", PLUGINS / "inovasi.py"],
                             env={"LAKIP_LOAD_PLUGINS": ""})
    findings = run_checks(dict(DATA), registry)
    broken = [f for f in findings if f.code == "plugin.hook-gagal"]
    assert len(broken) == 1
    assert "rusak_hook" in broken[0].message and "ZeroDivisionError" in broken[0].message
    assert "lakip_validate" in broken[0].message  # names the hook too
    assert registry.infos["rusak_hook"].status == "aktif"  # its other hooks keep working
    assert any(f.code == "inovasi.nama-kosong" for f in findings)
    # reported once for the session, however often the checks run (the TUI runs them often)
    assert len([f for f in run_checks(dict(DATA), registry) if f.code == "plugin.hook-gagal"]) == 1


def test_misspelled_hook_name_is_caught():
    registry = load_registry([PLUGINS / "salah_nama.py"], env={"LAKIP_LOAD_PLUGINS": ""})
    info = registry.infos["salah_nama"]
    assert info.status == "gagal" and "lakip_validasi" in info.problem


def test_missing_plugin_file_is_reported():
    registry = load_registry([PLUGINS / "tidak_ada.py"], env={"LAKIP_LOAD_PLUGINS": ""})
    assert registry.infos["tidak_ada"].status == "gagal"


def test_two_plugins_claiming_one_chapter_key():
    class First:
        @hookimpl
        def lakip_register_chapters(self, register):
            register(Chapter(key="sama", title="Satu", order=1))

    class Second:
        @hookimpl
        def lakip_register_chapters(self, register):
            register(Chapter(key="sama", title="Dua", order=2))

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(First(), "pertama")
    registry.load_object(Second(), "kedua")
    assert registry.chapters["sama"].plugin == "pertama"
    [clash] = [p for p in registry.problems if p.code == "plugin.bab-ganda"]
    assert clash.chapter == "kedua"  # reported against the newcomer
    assert "Plugin 'kedua'" in clash.message and "milik plugin 'pertama'" in clash.message


def test_generator_hook_that_raises_midway_is_contained():
    class Lazy:
        @hookimpl
        def lakip_validate(self, data, konteks):
            yield from ()
            raise KeyError("kunci")

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(Lazy(), "malas")
    findings = run_checks(dict(DATA), registry)
    assert [f.code for f in findings] == ["plugin.hook-gagal"]
