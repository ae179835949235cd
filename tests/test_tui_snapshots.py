"""The look of the TUI (pytest-textual-snapshot): the main screen at 80×24 and 160×48, help, a folder, the quit dialog.

`pytest tests/test_tui_snapshots.py --snapshot-update` records a deliberate change; look at the SVGs first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS
from test_tui import linted

from linter.read.sources import Source
from tui.app import ResolintApp
from tui.widgets.folder_view import FolderView

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent


@pytest.fixture
def ga(all_rules):
    """The GA seed under a fixed name (no temporary folder in the picture)."""
    text = (SEEDS / "ga-68-193.pdf.txt").read_text(encoding="utf-8")
    return ResolintApp(Source("ga-68-193.pdf.txt", text, "pdf-text", "utf-8"), all_rules)


async def _linted(pilot) -> None:
    await linted(pilot.app, pilot)
    await pilot.pause()


def test_main_screen_80x24(snap_compare, ga):
    assert snap_compare(ga, terminal_size=(80, 24), run_before=_linted)


def test_main_screen_160x48(snap_compare, ga):
    assert snap_compare(ga, terminal_size=(160, 48), run_before=_linted)


def test_help_screen(snap_compare, ga):
    async def run_before(pilot):
        await _linted(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(ga, terminal_size=(100, 40), run_before=run_before)


def test_quit_dialog(snap_compare, ga):
    async def run_before(pilot):
        await _linted(pilot)
        await pilot.press("enter", "x")
        await linted(pilot.app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()

    assert snap_compare(ga, terminal_size=(80, 24), run_before=run_before)


def test_folder_view(snap_compare, all_rules, monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths on screen, wherever the checkout is
    app = ResolintApp(None, all_rules, folder="tests/seeds")

    async def run_before(pilot):
        for _ in range(1200):
            await pilot.pause(0.05)
            if isinstance(app.screen, FolderView) and None not in app.screen.counts.values():
                break
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
