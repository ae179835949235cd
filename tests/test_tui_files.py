"""Issue #15: any draft opens (new, empty, another one, a folder), quitting can save, changes on disk are seen."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS
from test_tui import drive, linted, parts, status_text

from linter.commands.cli import main
from linter.read.sources import read_path
from tui import draft_file, file_actions
from tui.app import ResolintApp
from tui.file_actions import TERMINAL_CHECK_INTERVAL
from tui.widgets.folder_view import FolderView
from tui.widgets.open_dialog import OpenDialog
from tui.widgets.quit_dialog import QuitDialog
from tui.widgets.save_conflict_dialog import SaveConflictDialog

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
DRAFT = "大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告。\n"


@pytest.fixture
def rules(all_rules):
    return [r for r in all_rules if r.id.startswith("RP")]


def test_a_new_or_empty_file_opens_empty_and_the_first_save_creates_it(tmp_path, rules, monkeypatch):
    started = []
    monkeypatch.setattr(ResolintApp, "run", lambda self: started.append(self.source))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    new = tmp_path / "new.txt"
    assert main(["tui", "--no-config", str(empty)]) == 0
    assert main(["tui", "--no-config", str(new)]) == 0
    assert [s.text for s in started] == ["", ""] and draft_file.is_new(started[1]) and not new.exists()
    for source, path in zip(started, (empty, new)):
        async def steps(app, pilot):
            draft, _ = parts(app)
            assert app.focused is draft  # a new draft is for typing
            await pilot.press(*"abc")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert not app.is_modified() and "modified" not in status_text(app)

        drive(source, rules, steps)
        assert path.read_text(encoding="utf-8") == "abc"


def test_quitting_with_unsaved_changes_can_save_and_quit(tmp_path, rules):
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")

    async def steps(app, pilot):
        draft, _ = parts(app)
        draft.insert("mine", draft.document.end)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("s")
        await pilot.pause()
        assert not app.is_running

    drive(read_path(str(path)), rules, steps)
    assert path.read_text(encoding="utf-8") == DRAFT + "mine"


def test_when_the_terminal_goes_away_the_app_leaves_and_keeps_unsaved_edits_beside_the_draft(tmp_path, rules,
                                                                                            monkeypatch):
    # A window closed under `make demo` sends the app no hang-up: its input reads end of file for good, and the
    # app spun at full speed with the draft's edits in it. It looks at its terminal each second instead.
    terminal = [True]
    monkeypatch.setattr(file_actions, "stdin_is_terminal", lambda: terminal[0])
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    (tmp_path / "d.txt.unsaved").write_text("an earlier recovery", encoding="utf-8")

    async def steps(app, pilot):
        draft, _ = parts(app)
        draft.insert("mine", draft.document.end)
        await pilot.pause(TERMINAL_CHECK_INTERVAL * 1.5)
        assert app.is_running  # the terminal is still there
        terminal[0] = False
        await pilot.pause(TERMINAL_CHECK_INTERVAL * 1.5)
        assert not app.is_running and app.return_code == 1

    drive(read_path(str(path)), rules, steps)
    assert path.read_text(encoding="utf-8") == DRAFT  # nothing written over the draft
    assert (tmp_path / "d.txt.unsaved").read_text(encoding="utf-8") == "an earlier recovery"
    assert (tmp_path / "d.txt.unsaved-2").read_text(encoding="utf-8") == DRAFT + "mine"


def test_another_file_opens_from_inside_the_app_after_asking_about_unsaved_changes(tmp_path, rules):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(DRAFT, encoding="utf-8")
    second.write_text(DRAFT.replace("回顾", "又回顾"), encoding="utf-8")

    async def steps(app, pilot):
        draft, _ = parts(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, OpenDialog)
        app.screen.query_one("#open-input").value = str(second)
        await pilot.press("enter")
        await linted(app, pilot)
        assert app.source.path == str(second) and draft.draft_text == second.read_text(encoding="utf-8")
        # With an edit: asked first; "d" goes on without saving.
        draft.insert("x", draft.document.end)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#open-input").value = str(first)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.press("d")
        await linted(app, pilot)
        assert app.source.path == str(first) and draft.draft_text == DRAFT
        assert "x" not in second.read_text(encoding="utf-8")

    drive(read_path(str(first)), rules, steps)


def test_a_folder_lists_its_drafts_worst_first_and_enter_opens_one(tmp_path, all_rules):
    for seed in ("ctoc-cop-6-1.md", "ga-68-193.pdf.txt"):
        shutil.copy(SEEDS / seed, tmp_path / seed)
    (tmp_path / "clean.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not a draft", encoding="utf-8")

    async def run():
        app = ResolintApp(None, all_rules, folder=str(tmp_path))
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(600):
                await pilot.pause(0.05)
                if isinstance(app.screen, FolderView) and None not in app.screen.counts.values():
                    break
            view = app.screen
            assert isinstance(view, FolderView) and len(view.paths) == 3
            order = view.ordered()
            counts = [view.counts[p] for p in order]
            assert counts == sorted(counts, key=lambda c: (-c[0], -c[1], -c[2]))
            assert order[-1].endswith("clean.txt") and view.current() == order[0]
            await pilot.press("enter")
            await linted(app, pilot)
            assert app.source.path == order[0] and not isinstance(app.screen, FolderView)

    asyncio.run(run())


def test_a_change_on_disk_is_seen_when_the_app_regains_focus(tmp_path, rules):
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    theirs = DRAFT.replace("回顾其决议", "又回顾其决议")

    async def steps(app, pilot):
        draft, _ = parts(app)
        # Unmodified: reloaded as it is on disk.
        path.write_text(theirs, encoding="utf-8")
        os.utime(path, ns=(1, 1))
        app.post_message(__import__("textual.events", fromlist=["AppFocus"]).AppFocus())
        await linted(app, pilot)
        assert draft.draft_text == theirs and not app.is_modified()
        # Modified: asked; keep mine goes on with the edit and is not asked again for the same change.
        draft.insert("mine", draft.document.end)
        path.write_text(DRAFT, encoding="utf-8")
        os.utime(path, ns=(2, 2))
        app.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, SaveConflictDialog) and not app.screen.saving
        await pilot.press("k")
        await pilot.pause()
        app.check_disk()
        await pilot.pause()
        assert not isinstance(app.screen, SaveConflictDialog) and draft.draft_text == theirs + "mine"

    drive(read_path(str(path)), rules, steps)


def test_make_demo_edits_a_copy_outside_the_checkout():
    out = subprocess.run(["make", "--no-print-directory", "demo", "DEMO_TUI=echo"], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    opened = Path(out[1])
    try:
        assert opened.name == "ga-68-193.pdf.txt" and ROOT not in opened.parents
        assert opened.read_bytes() == (ROOT / "examples" / "ga-68-193.pdf.txt").read_bytes()
        assert str(opened.parent) in out[0] and str(opened.parent) in out[-1]  # said where it is
    finally:
        shutil.rmtree(opened.parent)
