"""Saving in the TUI keeps the file as it came (mode, line endings) and never loses an edit made on disk meanwhile."""

from __future__ import annotations

import stat

import pytest
from test_tui import drive, linted, parts

from linter.read.sources import read_path
from tui.widgets.path_dialog import PathDialog
from tui.widgets.save_conflict_dialog import SaveConflictDialog

pytestmark = pytest.mark.slow

DRAFT = "大会，\r\n\r\n回顾其决议，\r\n\r\n1. 请秘书长提交报告。\r\n"


@pytest.fixture
def rules(all_rules):
    return [r for r in all_rules if r.id.startswith("RP")]  # quick lints; saving is what is tested


def test_saving_keeps_permissions_and_crlf(tmp_path, rules):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode())
    path.chmod(0o644)

    async def steps(app, pilot):
        draft, _ = parts(app)
        draft.insert("1", draft.document.end)
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(read_path(str(path)), rules, steps)
    assert path.read_bytes() == (DRAFT + "1").encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_file_changed_on_disk_is_not_overwritten_and_the_drafter_chooses(tmp_path, rules):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode())
    theirs = DRAFT.replace("回顾其决议", "又回顾其决议")

    async def steps(app, pilot):
        draft, _ = parts(app)
        draft.insert("mine", draft.document.end)
        path.write_bytes(theirs.encode())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveConflictDialog)
        assert path.read_bytes() == theirs.encode()  # nothing written before the drafter decides
        await pilot.press("r")  # reload: theirs, as on disk
        await linted(app, pilot)
        assert draft.draft_text == theirs.replace("\r\n", "\n") and not app.is_modified()
        # Again, and this time overwrite theirs with mine.
        draft.insert("mine", draft.document.end)
        path.write_bytes(DRAFT.encode())
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert path.read_bytes() == (theirs + "mine").encode() and not app.is_modified()

    drive(read_path(str(path)), rules, steps)


def test_a_file_deleted_while_open_is_not_recreated_but_can_be_saved_elsewhere(tmp_path, rules):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode())
    other = tmp_path / "copy.txt"

    async def steps(app, pilot):
        draft, _ = parts(app)
        draft.insert("mine", draft.document.end)
        path.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveConflictDialog)
        await pilot.press("o")  # not offered: a deleted file is not recreated
        await pilot.pause()
        assert isinstance(app.screen, SaveConflictDialog) and not path.exists()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one("#path-input").value = str(other)
        await pilot.press("enter")
        await pilot.pause()
        assert app.source.path == str(other) and not app.is_modified()

    drive(read_path(str(path)), rules, steps)
    assert not path.exists()
    assert other.read_bytes() == (DRAFT + "mine").encode()
