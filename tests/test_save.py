"""Saving is a pure function of the last durable text and the edits since: a failed save changes
nothing, so the next save or save-as simply works (issue 10, items 1 and 2)."""

from __future__ import annotations

import errno
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from lakip_tui.errors import LakipError
from lakip_tui.project import Project

FIXTURES = Path(__file__).parent / "fixtures" / "roundtrip"
SUBS = ("anggaran", "program", 0, "kegiatan", 0, "sub")


@pytest.fixture
def comments(tmp_path) -> Path:
    target = tmp_path / "comments.toml"
    shutil.copyfile(FIXTURES / "comments.toml", target)
    return target


def _disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("structural", [False, True], ids=["nilai", "baris"])
def test_a_failed_save_changes_nothing_and_the_next_save_works(comments, monkeypatch,
                                                                structural):
    """Item 1: a write error on the first save used to make every later save and save-as fail
    with 'hasil penyimpanan tidak sama dengan data yang disunting'."""
    before = comments.read_bytes()
    project = Project.load(comments)
    project.set(("meta", "tahun"), 2031)
    if structural:
        project.insert(SUBS, 1, {"kode": "X", "nama": "Baru", "pagu": 7})
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", _disk_full)
        with pytest.raises((LakipError, OSError)):
            project.save()
    assert comments.read_bytes() == before
    assert project.dirty
    assert not [p for p in comments.parent.iterdir() if p.name.endswith(".tmp")]
    other = comments.parent / "lain.toml"
    project.save(other)  # save as
    assert tomllib.loads(other.read_text(encoding="utf-8")) == project.data
    project.set(("meta", "tahun"), 2032)
    project.save()
    assert tomllib.loads(other.read_text(encoding="utf-8")) == project.data
    assert not project.dirty


def test_a_failed_save_then_save_to_the_same_file(comments, monkeypatch):
    project = Project.load(comments)
    project.set(("meta", "tahun"), 2031)
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _disk_full)
        with pytest.raises((LakipError, OSError)):
            project.save()
    project.save()
    assert tomllib.loads(comments.read_text(encoding="utf-8"))["meta"]["tahun"] == 2031
    assert not project.dirty


def test_a_value_set_back_to_its_original_after_a_document_is_adopted(comments):
    """Item 2: set(x), a background parse adopted (as after any row insert), set(original):
    the save was refused because the adopted document still held x."""
    project = Project.load(comments)
    original = project.get(("meta", "tahun"))
    project.set(("meta", "tahun"), original + 1)
    text, doc = project.parse_document_text()
    assert project.adopt_document(text, doc)
    project.set(("meta", "tahun"), original)
    project.insert(SUBS, 0, {"kode": "X", "nama": "Baru", "pagu": 7})
    project.save()
    saved = tomllib.loads(comments.read_text(encoding="utf-8"))
    assert saved == project.data and saved["meta"]["tahun"] == original


def test_a_document_adopted_between_an_edit_and_its_undo(comments):
    project = Project.load(comments)
    project.insert(SUBS, 0, {"kode": "X", "nama": "Baru", "pagu": 7})
    project.set(("meta", "tahun"), 1999)
    text, doc = project.parse_document_text()
    project.undo()
    assert project.adopt_document(text, doc)
    project.save()
    assert tomllib.loads(comments.read_text(encoding="utf-8")) == project.data


# -- a read-only file (issue 10 item 4) ------------------------------------------------------------


def test_a_read_only_file_is_refused_and_left_as_it_was(comments):
    """Item 4: a 0444 file was replaced by the rename without a question."""
    before = comments.read_bytes()
    os.chmod(comments, 0o444)
    project = Project.load(comments)
    project.set(("meta", "tahun"), 2031)
    with pytest.raises(LakipError, match="hanya-baca") as refused:
        project.save()
    assert "Simpan sebagai" in refused.value.message
    assert comments.read_bytes() == before
    assert comments.stat().st_mode & 0o777 == 0o444
    assert project.dirty
    other = comments.parent / "salinan.toml"
    project.save(other)  # save as still works
    assert tomllib.loads(other.read_text(encoding="utf-8"))["meta"]["tahun"] == 2031


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_a_save_keeps_the_files_owner_and_group(comments):
    """Item 4: the rename of a new file made the saving user the owner."""
    os.chown(comments, 1234, 5678)
    project = Project.load(comments)
    project.set(("meta", "tahun"), 2031)
    project.save()
    st = comments.stat()
    assert (st.st_uid, st.st_gid) == (1234, 5678)
