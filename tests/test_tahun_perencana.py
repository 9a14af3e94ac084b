"""The planner's year, end to end, as in docs/panduan.md: roll the example over to 2025, import
a SIPD sheet of 40+ rows, type this year's realisasi in the editor at 80x24 with the keys a
planner presses (27 in the editor, counted below), save, export. Holds issue 15's "tried as a planner would"."""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

from lakip_tui.cli import main
from lakip_tui.plugins import load_registry
from lakip_tui.project import Project
from lakip_tui.tui.app import LakipApp
from lakip_tui.tui.screens.main import MainScreen

sys.path.insert(0, str(Path(__file__).parent))
from test_impor import KOP, sipd_rows, tulis_xlsx  # noqa: E402
from tui_fixture import pilot_test  # noqa: E402

CONTOH = Path(__file__).parent.parent / "projects" / "dinsos-binjai-2024.toml"

# From the first screen (BAB I open, cursor in its form) to Tabel 3.2 and both realisasi typed:
# F7 to the navigation, left folds BAB I, 12 x down to "Tabel 3.2 Realisasi", Enter opens it,
# Tab from its intro text to the table, right to the Realisasi column, "88" Enter, down,
# "100" Enter; then ctrl+s.
TOMBOL = ["f7", "left", *["down"] * 12, "enter", "tab", "right", "8", "8", "enter", "down",
          "1", "0", "0", "enter", "ctrl+s"]


@pilot_test
async def test_a_planners_year_from_last_years_file_to_the_export(tmp_path, capsys):
    shutil.copy(CONTOH, tmp_path / "dinsos-binjai-2024.toml")
    baru = tmp_path / "dinsos-binjai-2025.toml"
    assert main(["new", str(baru), "--from", str(tmp_path / "dinsos-binjai-2024.toml")]) == 0
    rows = sipd_rows()
    assert len(rows) - len(KOP) - 1 >= 40
    assert main(["import", str(baru), str(tulis_xlsx(tmp_path / "lra.xlsx", rows)), "--yes"]) == 0

    project = Project.load(baru)
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}
    app = LakipApp(project, load_registry([]), env=env)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(150):
            if isinstance(app.screen, MainScreen) and app.screen.query("FormGrid"):
                break
            await pilot.pause(0.02)
        for tombol in TOMBOL:
            await pilot.press(tombol)
            await pilot.pause(0.02)
        for _ in range(150):
            if not project.dirty and "nilai" in project.data["akuntabilitas"]["realisasi"][1]:
                break
            await pilot.pause(0.02)
    assert len(TOMBOL) == 26  # with ctrl+q 27 in the editor; y and Enter for the import: 29

    data = tomllib.loads(baru.read_text(encoding="utf-8"))
    realisasi = {r["indikator"]: r for r in data["akuntabilitas"]["realisasi"]}
    assert realisasi["IKU1"]["nilai"] == 88 and realisasi["IKU1"]["tahun_lalu"] == {"2024": 84}
    assert realisasi["IKU2"]["nilai"] == 100
    capsys.readouterr()
    assert main(["export", str(baru), "-f", "md", "-o", "-"]) == 0
    md = capsys.readouterr().out
    assert "| Persentase PMKS yang tertangani | 84% | 88% |" in md  # Tabel 3.4: 2024 then 2025
