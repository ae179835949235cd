"""`check` answers an unchanged draft under unchanged rules from its result cache, without parsing it, and never stale."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS

from linter.commands import check_one, cli

GA = SEEDS / "ga-68-193.pdf.txt"


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RESOLINT_CACHE_DIR", str(tmp_path / "cache"))


def _run(capsys, *args):
    code = cli.main(["check", "--no-config", *args])
    return code, capsys.readouterr().out


def _no_lint(monkeypatch):
    def refuse(*_):
        raise AssertionError("linted although the draft was in the cache")

    monkeypatch.setattr(check_one, "lint", refuse)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_second_check_is_the_same_and_lints_nothing(own_cache, capsys, monkeypatch, fmt):
    first = _run(capsys, "--format", fmt, str(GA))
    _no_lint(monkeypatch)
    assert _run(capsys, "--format", fmt, str(GA)) == first


def test_the_fixable_count_is_kept_with_the_findings(own_cache, capsys, monkeypatch):
    _run(capsys, "--format", "json", str(GA))  # json counts no fixes: the text run after it must count them
    code, text = _run(capsys, str(GA))
    assert "fixable with `resolint fix`" in text
    _no_lint(monkeypatch)
    assert _run(capsys, str(GA)) == (code, text)


def test_a_changed_draft_is_linted_again(own_cache, capsys, tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告。\n", encoding="utf-8")
    _, before = _run(capsys, "--format", "json", str(draft))
    draft.write_text("大会，\n\n回顾其决议，，\n\n1. 请秘书长提交报告。\n", encoding="utf-8")
    _, after = _run(capsys, "--format", "json", str(draft))
    rules = lambda out: [f["rule"] for f in json.loads(out)["files"][0]["findings"]]  # noqa: E731
    assert "RP502" in rules(after) and "RP502" not in rules(before)


def test_other_rules_are_another_key(own_cache, capsys):
    _, everything = _run(capsys, "--format", "json", str(GA))
    _, some = _run(capsys, "--format", "json", "--select", "RV", str(GA))
    found = lambda out: {f["rule"][:2] for f in json.loads(out)["files"][0]["findings"]}  # noqa: E731
    assert found(some) == {"RV"} and found(everything) > {"RV"}


def test_no_cache_lints(own_cache, capsys, monkeypatch):
    _run(capsys, str(GA))
    _no_lint(monkeypatch)
    assert cli.main(["check", "--no-config", "--no-cache", str(GA)]) == 2
    assert "linted although" in capsys.readouterr().err
