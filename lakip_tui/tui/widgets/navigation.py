"""The navigation: chapters in report order, each with its sections (Chapter.bagian)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...chapter import Chapter


@dataclass(frozen=True)
class Tujuan:
    """Where a navigation entry leads: a chapter, and optionally one of its sections."""

    bab: str
    bagian: str | None = None


class Navigasi(Tree[Tujuan]):
    """A tree of BAB I..IV and their sections. Enter (or a click) opens the entry."""

    DEFAULT_CSS = """
    Navigasi {
        width: 26;
        border-right: vkey $panel-lighten-2;
        padding: 0;
    }
    """

    class Dibuka(Message):
        """The user chose a chapter or a section."""

        def __init__(self, tujuan: Tujuan) -> None:
            super().__init__()
            self.tujuan = tujuan

    def __init__(self, chapters: list[Chapter], **kwargs) -> None:
        super().__init__("Laporan", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = False  # Enter opens a chapter; space folds it
        self._simpul: dict[Tujuan, TreeNode[Tujuan]] = {}
        for chapter in chapters:
            node = self.root.add(chapter.title, data=Tujuan(chapter.key), expand=True)
            self._simpul[node.data] = node
            for bagian in chapter.bagian:
                leaf = node.add_leaf(bagian.judul, data=Tujuan(chapter.key, bagian.key))
                self._simpul[leaf.data] = leaf

    def on_tree_node_selected(self, event: Tree.NodeSelected[Tujuan]) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(self.Dibuka(event.node.data))

    def tandai(self, tujuan: Tujuan) -> None:
        """Move the cursor to the entry that is shown, without opening it again."""
        node = self._simpul.get(tujuan) or self._simpul.get(Tujuan(tujuan.bab))
        if node is not None:
            self.move_cursor(node)
