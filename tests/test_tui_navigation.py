"""The navigation list: chapters and sections, folding, marking, opening."""

from __future__ import annotations

from textual.app import App, ComposeResult

from lakip_tui.chapter import Bagian, Chapter
from lakip_tui.tui.widgets.navigation import Navigation, Destination

from tui_fixture import pilot_test

BAB = [
    Chapter("satu", "BAB I [bold]Satu[/bold]", 10,
            bagian=(Bagian("a", "A. Pertama"), Bagian("b", "B. Kedua"))),
    Chapter("dua", "BAB II Dua", 20, bagian=(Bagian("c", "C. Ketiga"),)),
]


class AppNavigasi(App):
    def __init__(self) -> None:
        super().__init__()
        self.dibuka: list[Destination] = []

    def compose(self) -> ComposeResult:
        yield Navigation(BAB, id="nav")

    def on_navigation_dibuka(self, event: Navigation.Dibuka) -> None:
        self.dibuka.append(event.tujuan)


def _baris_layar(nav: Navigation) -> list[str]:
    return ["".join(segment.text for segment in nav.render_line(y)).rstrip()
            for y in range(len(nav.tujuan))]


@pilot_test
async def test_lists_chapters_and_sections_with_titles_as_plain_text():
    app = AppNavigasi()
    async with app.run_test(size=(80, 12)) as pilot:
        nav = app.query_one(Navigation)
        await pilot.pause()
        assert nav.judul_baris() == ["▾ BAB I [bold]Satu[/bold]", "  A. Pertama", "  B. Kedua",
                                     "▾ BAB II Dua", "  C. Ketiga"]
        assert _baris_layar(nav)[0] == "▾ BAB I [bold]Satu[/bold]"  # not taken as markup


@pilot_test
async def test_enter_opens_the_entry_under_the_cursor():
    app = AppNavigasi()
    async with app.run_test(size=(80, 12)) as pilot:
        app.query_one(Navigation).focus()
        await pilot.press("down", "down", "enter", "down", "enter")
        await pilot.pause()
        assert app.dibuka == [Destination("satu", "b"), Destination("dua")]


@pilot_test
async def test_space_left_and_right_fold_and_unfold_a_chapter():
    app = AppNavigasi()
    async with app.run_test(size=(80, 12)) as pilot:
        nav = app.query_one(Navigation)
        nav.focus()
        await pilot.press("down", "left")  # from a section up to its chapter
        assert nav.tujuan_kursor == Destination("satu")
        await pilot.press("left")  # the chapter folds
        assert nav.judul_baris() == ["▸ BAB I [bold]Satu[/bold]", "▾ BAB II Dua", "  C. Ketiga"]
        await pilot.press("right")
        assert nav.judul_baris()[1] == "  A. Pertama"
        await pilot.press("down", "down", "down", "space")  # on BAB II
        assert nav.judul_baris()[-1] == "▸ BAB II Dua"
        assert nav.tujuan_kursor == Destination("dua")
        await pilot.press("enter")
        await pilot.pause()
        assert app.dibuka == [Destination("dua")]


@pilot_test
async def test_marking_a_section_of_a_folded_chapter_marks_the_chapter():
    app = AppNavigasi()
    async with app.run_test(size=(80, 12)) as pilot:
        nav = app.query_one(Navigation)
        nav.tandai(Destination("dua", "c"))
        assert nav.tujuan_kursor == Destination("dua", "c")
        nav.lipat("dua", True)
        nav.tandai(Destination("dua", "c"))
        assert nav.tujuan_kursor == Destination("dua")
        nav.tandai(Destination("tidak-ada"))  # unknown: the cursor stays
        assert nav.tujuan_kursor == Destination("dua")
        await pilot.pause()


@pilot_test
async def test_page_keys_scroll_the_cursor_into_view_and_a_click_opens():
    banyak = [Chapter(f"b{i}", f"BAB {i}", i, bagian=(Bagian("x", "Bagian x"),))
              for i in range(20)]

    class AppPanjang(AppNavigasi):
        def compose(self) -> ComposeResult:
            yield Navigation(banyak, id="nav")

    app = AppPanjang()
    async with app.run_test(size=(40, 10)) as pilot:
        nav = app.query_one(Navigation)
        nav.focus()
        await pilot.press("pagedown", "pagedown")
        assert nav.kursor == 18 and nav.scroll_offset.y > 0
        top = nav.scroll_offset.y
        assert top <= nav.kursor < top + nav.scrollable_content_region.height
        await pilot.press("end")
        assert nav.tujuan_kursor == Destination("b19", "x")
        await pilot.press("home")
        assert nav.kursor == 0 and nav.scroll_offset.y == 0
        await pilot.click(Navigation, offset=(3, 2))  # the third line: BAB 1
        await pilot.pause()
        assert app.dibuka == [Destination("b1")]
