"""The plugin contract as pluggy means it, with every failure kept local (issue 12, items 3, 4, 6):
built-in chapter keys cannot be taken, a raising hook costs only its own result, and hooks are
called through pluggy (tryfirst, trylast, wrappers)."""

from __future__ import annotations

import textwrap

from lakip_tui.chapter import Bagian, Chapter, Narasi
from lakip_tui.checks import run_checks
from lakip_tui.findings import info, warning
from lakip_tui.hookspecs import hookimpl
from lakip_tui.plugins import load_registry
from lakip_tui.report import Batang, Grafik, Paragraph, Section
from lakip_tui.tui.screens.main import MainScreen
from lakip_tui.tui.screens.preview import PreviewScreen

from tui_fixture import make_app, pilot_test

DATA = {"format": 1, "meta": {"pemda": "Pemda", "instansi": "Dinas", "tahun": 2024}}


# -- item 3: a package cannot take a built-in chapter's key --------------------------------------


def fake_package(folder, dist: str, ep_name: str, module: str, source: str) -> None:
    """An installed distribution on sys.path: its metadata folder and its module."""
    meta = folder / f"{dist}-1.0.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n\n")
    (meta / "entry_points.txt").write_text(f"[lakip_tui]\n{ep_name} = {module}\n")
    (folder / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def test_a_package_sorting_first_cannot_take_a_built_in_key(tmp_path, monkeypatch):
    fake_package(tmp_path, "aaa_pengambil", "aaa", "aaa_pengambil", '''
        from lakip_tui.chapter import Chapter
        from lakip_tui.hookspecs import hookimpl

        @hookimpl
        def lakip_register_chapters(register):
            register(Chapter(key="profil", title="BAB I Palsu", order=1))
            register(Chapter(key="aaa_sendiri", title="Bab Sendiri", order=90))
    ''')
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry(env={})
    assert registry.chapters["profil"].plugin == "profil"  # the built-in keeps its chapter
    assert registry.infos["profil"].status == "aktif"
    assert registry.chapters["aaa_sendiri"].plugin == "aaa"  # the newcomer keeps its own
    [clash] = [p for p in registry.problems if p.code == "plugin.bab-ganda"]
    assert clash.chapter == "aaa"  # blamed: the newcomer, not the built-in
    assert "bab bawaan" in clash.message and "Plugin 'aaa'" in clash.message


def test_a_built_in_key_stays_reserved_while_the_built_in_is_switched_off(tmp_path, monkeypatch):
    fake_package(tmp_path, "zzz_pengambil", "zzz", "zzz_pengambil", '''
        from lakip_tui.chapter import Chapter
        from lakip_tui.hookspecs import hookimpl

        @hookimpl
        def lakip_register_chapters(register):
            register(Chapter(key="anggaran", title="Anggaran Palsu", order=1))
    ''')
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = load_registry(env={"LAKIP_DISABLE_PLUGINS": "anggaran"})
    assert "anggaran" not in registry.chapters
    assert any(p.code == "plugin.bab-ganda" and p.chapter == "zzz" for p in registry.problems)


# -- item 6: pluggy ordering and wrappers -----------------------------------------------------


def test_hooks_are_called_through_pluggy_tryfirst_trylast_and_wrappers():
    calls: list[str] = []

    class Late:
        @hookimpl(trylast=True)
        def lakip_validate(self, data, konteks):
            calls.append("akhir")
            return [info("akhir.x", "umum", (), "akhir")]

    class Early:
        @hookimpl(tryfirst=True)
        def lakip_validate(self, data, konteks):
            calls.append("awal")
            return [info("awal.x", "umum", (), "awal")]

    class Wrapper:
        @hookimpl(wrapper=True)
        def lakip_validate(self, data, konteks):
            calls.append("pembungkus")
            results = yield
            return [*results, [warning("bungkus.x", "umum", (), "ditambahkan pembungkus")]]

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(Late(), "akhir")  # registered first, yet called last
    registry.load_object(Early(), "awal")
    registry.load_object(Wrapper(), "bungkus")
    results = registry.call("lakip_validate", data=DATA, konteks=registry.konteks(DATA))
    assert calls == ["pembungkus", "awal", "akhir"]
    assert [name for name, _ in results][:2] == ["awal", "akhir"]
    codes = {f.code for f in run_checks(dict(DATA), registry)}
    assert {"awal.x", "akhir.x", "bungkus.x"} <= codes


def test_a_raising_implementation_under_pluggy_still_costs_only_its_own_result():
    class Raises:
        @hookimpl(tryfirst=True)
        def lakip_validate(self, data, konteks):
            raise RuntimeError("rusak")

    class Fine:
        @hookimpl
        def lakip_validate(self, data, konteks):
            return [info("baik.x", "umum", (), "baik")]

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(Raises(), "rusak")
    registry.load_object(Fine(), "baik")
    findings = run_checks(dict(DATA), registry)
    assert "baik.x" in {f.code for f in findings}
    [failure] = [f for f in findings if f.code == "plugin.hook-gagal"]
    assert "Plugin 'rusak' gagal di lakip_validate: RuntimeError: rusak" in failure.message


def test_a_raising_wrapper_is_named_and_does_not_crash():
    class BadWrapper:
        @hookimpl(wrapper=True)
        def lakip_validate(self, data, konteks):
            yield
            raise ValueError("pembungkus rusak")

    registry = load_registry(env={"LAKIP_LOAD_PLUGINS": ""})
    registry.load_object(BadWrapper(), "pembungkus")
    findings = run_checks(dict(DATA), registry)
    assert any(f.code == "plugin.hook-gagal" and "'pembungkus'" in f.message for f in findings)


# -- item 4: a raising hook in the TUI -------------------------------------------------------------


BAB_RAPUH = Chapter(key="rapuh", title="BAB IX Rapuh", order=90, bagian=(
    Bagian("isi", "A. Isi", (Narasi("teks", "Teks", ("rapuh", "teks")),)),))


class Rapuh:
    """Registers a chapter; its checks, its report and its chart all raise."""

    @hookimpl
    def lakip_register_chapters(self, register):
        register(BAB_RAPUH)

    @hookimpl
    def lakip_validate(self, data, konteks):
        raise KeyError("validasi rusak")

    @hookimpl
    def lakip_render(self, chapter, data, konteks):
        if chapter.key == "rapuh":
            raise ValueError("render rusak")

    @hookimpl
    def lakip_summary(self, data, konteks):
        raise ZeroDivisionError("grafik rusak")


class Grafiku:
    @hookimpl
    def lakip_summary(self, data, konteks):
        return [Grafik("Grafik baik", ("Nilai",), (Batang("satu", 50.0, ("50",)),))]


@pilot_test
async def test_a_raising_validate_leaves_the_chapter_openable_and_says_which_hook(tmp_path):
    app = make_app(tmp_path)
    app.registry.load_object(Rapuh(), "rapuh")
    async with app.run_test(size=(120, 40)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        main.periksa()
        await main._worker_periksa.wait()
        await pilot.pause()
        panel = await main.buka_bab("rapuh")
        assert panel is not None and "rapuh" in app.registry.chapters
        assert not panel.query(".bab-galat")  # the chapter opens, no error panel
        messages = [f.message for f in main.query_one("FindingsPanel").findings]
        assert any("Plugin 'rapuh' gagal di lakip_validate" in m for m in messages)


@pilot_test
async def test_a_raising_render_is_named_in_the_preview(tmp_path):
    app = make_app(tmp_path)
    app.registry.load_object(Rapuh(), "rapuh")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.screen.buka_bab("rapuh")
        await pilot.press("f3")
        for _ in range(150):
            await pilot.pause(0.02)
            if isinstance(app.screen, PreviewScreen) and app.screen.sections is not None:
                break
        await pilot.pause(0.05)
        text = app.screen.query_one("#pratinjau-isi").teks
        assert "Bagian yang hilang" in text and "lakip_render" in text and "render rusak" in text
        assert "belum berisi apa pun" not in text


@pilot_test
async def test_a_raising_summary_is_said_and_the_other_charts_show(tmp_path):
    app = make_app(tmp_path)
    app.registry.load_object(Rapuh(), "rapuh")
    app.registry.load_object(Grafiku(), "grafiku")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause(0.2)
        assert any("lakip_summary" in n.message and "grafik rusak" in n.message
                   for n in app._notifications)
        shown = "\n".join(s.text for s in app.screen._compositor.render_strips())
        assert "Grafik baik" in shown


# -- item 5: data whose chapter's plugin is not loaded --------------------------------------------


def test_data_of_a_chapter_with_no_loaded_plugin_is_reported_not_dropped_silently(
        tmp_path, capfd, monkeypatch):
    from lakip_tui.cli import main

    project = tmp_path / "dinas.toml"
    project.write_text('format = 1\n[meta]\npemda = "P"\ninstansi = "D"\ntahun = 2024\n\n'
                       '[inovasi]\nnama = "Sapa Warga"\n', encoding="utf-8")
    broken = tmp_path / "inovasi.py"
    broken.write_text("raise ImportError('modul rusak')\n", encoding="utf-8")
    data = {"format": 1, "meta": DATA["meta"], "inovasi": {"nama": "Sapa Warga"}}
    [finding] = load_registry(env={}).unclaimed_findings(data)  # the built-ins only
    assert finding.severity == "warning" and finding.path == ("inovasi",)
    assert "Bagian [inovasi] tidak diperiksa dan tidak dicetak" in finding.message
    assert "tidak ada plugin terpasang" in finding.message
    [finding] = load_registry([broken], env={}).unclaimed_findings(data)
    assert "plugin 'inovasi' tidak dimuat (gagal)" in finding.message
    # and both commands say it
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    main(["check", str(project), "--plugin", str(broken)])
    assert "Bagian [inovasi] tidak diperiksa" in capfd.readouterr().out
    main(["export", str(project), "-o", "-", "--plugin", str(broken)])
    assert "Bagian [inovasi] tidak diperiksa dan tidak dicetak" in capfd.readouterr().err


# -- item 7: lakip new --plugin records the file ---------------------------------------------------


def test_new_with_a_plugin_file_records_it_in_the_project_and_allows_it(tmp_path, monkeypatch):
    import tomllib

    from lakip_tui.cli import main
    from lakip_tui.plugins import load_registry as load
    from lakip_tui.project import Project
    from lakip_tui.trust import ALLOWED, TrustStore

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("LAKIP_DISABLE_PLUGINS", "profil,pmks,perjanjian_kinerja,akuntabilitas,"
                                                "anggaran")
    (tmp_path / "plugin").mkdir()
    plugin = tmp_path / "plugin" / "inovasi.py"
    plugin.write_text(textwrap.dedent('''
        from lakip_tui.chapter import Chapter
        from lakip_tui.hookspecs import hookimpl

        @hookimpl
        def lakip_register_chapters(register):
            register(Chapter(key="inovasi", title="Lampiran Inovasi", order=50,
                             default_section="[inovasi]\\nnama = \\"\\"\\n"))
    '''), encoding="utf-8")
    (tmp_path / "proyek").mkdir()
    target = tmp_path / "proyek" / "dinas-2025.toml"
    assert main(["new", str(target), "--instansi", "Dinas", "--pemda", "Pemda", "--tahun", "2025",
                 "--plugin", str(plugin)]) == 0
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["plugins"]["files"] == ["../plugin/inovasi.py"]
    assert "inovasi" in data
    assert TrustStore().decide(plugin, plugin.read_bytes()).state == ALLOWED
    project = Project.load(target)
    registry = load(data=project.data, project_path=project.path)
    assert "inovasi" in registry.chapters  # the project alone brings its chapter back
