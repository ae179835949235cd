"""A progress line on stderr when stderr is a terminal and the work takes more than a moment; never otherwise."""

from __future__ import annotations

import io
import sys
import time

from conftest import SEEDS

import linter.commands.cli as cli
from linter.commands import check_one, progress
from linter.commands.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_progress_line_when_stderr_is_not_a_terminal():
    stream = io.StringIO()
    with Progress(3, stream, delay=0) as p:
        p.step("checking", "a.txt")
        time.sleep(3 * progress.TICK)
    assert stream.getvalue() == ""


def test_no_progress_line_for_quick_work():
    stream = Terminal()
    with Progress(3, stream, delay=5) as p:
        p.step("checking", "a.txt")
        p.file_done()
    assert stream.getvalue() == ""


def test_files_done_of_total_redrawn_in_place_and_cleared_at_the_end():
    stream = Terminal()
    with Progress(3, stream, delay=0) as p:
        p.step("checking", "a.txt")
        time.sleep(2 * progress.TICK)
        p.file_done()
        p.step("checking", "b.txt")
        time.sleep(2 * progress.TICK)
        p.print_line("resolint: b.txt: empty file")
        time.sleep(2 * progress.TICK)
    out = stream.getvalue()
    assert "\r\033[Kresolint: 0/3 files done; checking a.txt…" in out
    assert "\r\033[Kresolint: 1/3 files done; checking b.txt…" in out
    assert "\r\033[Kresolint: b.txt: empty file\n" in out  # an error gets a clean line of its own
    assert out.endswith("\r\033[K") and "\n" not in out.replace("resolint: b.txt: empty file\n", "")


def test_check_of_one_slow_file_says_what_it_is_doing(capsys, monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(progress, "DELAY", 0.0)
    real_lint = check_one.lint

    def slow_lint(source, rules):
        time.sleep(3 * progress.TICK)  # a large draft
        return real_lint(source, rules)

    monkeypatch.setattr(check_one, "lint", slow_lint)
    draft = str(SEEDS / "ecosoc-2013-38.pdf.txt")
    assert cli.main(["check", "--no-config", "--no-cache", "--select", "RP501", draft]) == 1
    assert f"\r\033[Kresolint: checking {draft}…" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[K")
    assert capsys.readouterr().out.startswith(f"{draft}:")  # stdout, the report, is untouched
