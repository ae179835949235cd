"""check --baseline: record the findings once, then fail only on new ones, matched by rule, file, quoted text and
paragraph text (not line); --statistics counts findings by rule."""

from __future__ import annotations

import json

import pytest

from linter.commands.cli import main

DRAFT = "大会，\n\n回顾其决议,并注意到报告，\n\n1. 请秘书长提交报告；\n\n2. 决定继续审议。\n"


def run(capsys, *args):
    code = main(["check", "--no-config", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "d.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def test_a_baseline_lets_old_findings_pass_and_catches_new_ones(capsys, draft):
    assert run(capsys, "d.txt")[0] == 1
    code, out, err = run(capsys, "--baseline", "resolint-baseline.json", "--write-baseline", "d.txt")
    assert code == 0 and "1 finding recorded in resolint-baseline.json" in err
    assert out.strip() == "All checks passed (1 file). 1 baselined (known before; not counted)."
    # A paragraph inserted above and the operative paragraphs renumbered: the old finding is still known ...
    draft.write_text("大会，\n\n注意到报告，\n\n回顾其决议,并注意到报告，\n\n1. 欢迎委员会的工作,并请其继续；\n\n"
                     "2. 请秘书长提交报告；\n\n3. 决定继续审议。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--baseline", "resolint-baseline.json", "d.txt")
    # ... and only the new one fails the check.
    assert code == 1
    assert [line.split()[1] for line in out.splitlines() if line.startswith("d.txt:")] == ["RP501"]
    assert "d.txt:7:12: RP501" in out
    assert out.splitlines()[-1] == ("Found 1 problem (1 warning) in 1 of 1 file. 1 fixable with `resolint fix`. "
                                    "1 baselined (known before; not counted).")  # the baselined one's fix not counted


def test_a_finding_is_known_by_its_paragraph_not_just_its_text(capsys, draft):
    run(capsys, "--baseline", "b.json", "--write-baseline", "d.txt")
    draft.write_text(DRAFT.replace("并注意到报告", "并注意到秘书长的报告"), encoding="utf-8")  # its paragraph changed
    assert run(capsys, "--baseline", "b.json", "d.txt")[0] == 1


def test_identical_findings_are_counted(capsys, draft):
    twice = DRAFT.replace("回顾其决议,并注意到报告，\n\n", "回顾其决议,并注意到报告，\n\n" * 2)
    draft.write_text(twice, encoding="utf-8")
    run(capsys, "--baseline", "b.json", "--write-baseline", "d.txt")
    assert run(capsys, "--baseline", "b.json", "d.txt")[0] == 0
    draft.write_text(DRAFT.replace("回顾其决议,并注意到报告，\n\n", "回顾其决议,并注意到报告，\n\n" * 3), encoding="utf-8")
    code, out, _ = run(capsys, "--baseline", "b.json", "d.txt")
    assert code == 1 and out.splitlines()[-1].startswith("Found 1 problem ") and "2 baselined" in out


def test_rewriting_drops_fixed_findings_and_keeps_other_drafts(capsys, draft, tmp_path):
    other = tmp_path / "sub" / "e.txt"
    other.parent.mkdir()
    other.write_text(DRAFT, encoding="utf-8")
    run(capsys, "--baseline", "b.json", "--write-baseline", "d.txt", "sub/e.txt")
    assert {e["path"] for e in json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]} == {
        "d.txt", "sub/e.txt"}
    draft.write_text(DRAFT.replace("回顾其决议,", "回顾其决议，"), encoding="utf-8")  # fixed
    run(capsys, "--baseline", "b.json", "--write-baseline", "d.txt")
    entries = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["rule"], e["path"], e["text"]) for e in entries] == [("RP501", "sub/e.txt", ",")]
    # Paths are relative to the baseline's folder, wherever check runs from.
    code, out, _ = run(capsys, "--baseline", str(tmp_path / "b.json"), str(other))
    assert code == 0 and "1 baselined" in out


def test_fail_level_json_and_show_suppressed_with_a_baseline(capsys, draft):
    run(capsys, "--baseline", "b.json", "--write-baseline", "d.txt")
    draft.write_text(DRAFT.replace("1. 请秘书长提交报告；", "1. 请秘书长提交报告，"), encoding="utf-8")  # a new warning
    assert run(capsys, "--baseline", "b.json", "--fail-level", "error", "d.txt")[0] == 0
    assert run(capsys, "--baseline", "b.json", "--fail-level", "warning", "d.txt")[0] == 1
    code, out, _ = run(capsys, "--baseline", "b.json", "--format", "json", "--show-suppressed", "d.txt")
    data = json.loads(out)
    assert data["baselined"] == 1 and [f["rule"] for f in data["files"][0]["findings"]] == ["RV112"]
    assert [(f["rule"], f["suppressed_by"]) for f in data["files"][0]["suppressed"]] == [("RP501", "baseline")]
    code, out, _ = run(capsys, "--baseline", "b.json", "--show-suppressed", "d.txt")
    assert "d.txt:3:6: RP501 [baselined]" in out


def test_baseline_errors_are_one_line_and_exit_2(capsys, draft):
    code, out, err = run(capsys, "--baseline", "missing.json", "d.txt")
    assert code == 2 and out == ""
    assert err == "resolint: missing.json: no such baseline file (record one with --write-baseline)\n"
    (draft.parent / "bad.json").write_text('{"version": 1, "findings": [{"rule": "RP501"}]}', encoding="utf-8")
    code, _, err = run(capsys, "--baseline", "bad.json", "d.txt")
    assert code == 2 and "not a resolint baseline" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--write-baseline", "d.txt"])
    assert exc.value.code == 2 and "--write-baseline needs --baseline FILE" in capsys.readouterr().err


def test_statistics_counts_findings_by_rule(capsys, draft):
    draft.write_text(DRAFT.replace("回顾其决议,", "回顾其决议,决议,").replace("2. 决定", "3. 决定"), encoding="utf-8")
    code, out, _ = run(capsys, "--statistics", "d.txt")
    assert code == 1
    assert out.splitlines() == [
        "2\tRP501\t[*] halfwidth-punctuation-in-chinese",
        "1\tRT121\t[ ] operative-numbering",
        "[*] fixable with `resolint fix`",
        "Found 3 problems (1 error, 2 warnings) in 1 of 1 file. 2 fixable with `resolint fix`.",
    ]
    code, out, _ = run(capsys, "--statistics", "--format", "json", "d.txt")
    assert json.loads(out) == [
        {"code": "RP501", "name": "halfwidth-punctuation-in-chinese", "count": 2, "fixable": True},
        {"code": "RT121", "name": "operative-numbering", "count": 1, "fixable": False},
    ]
    with pytest.raises(SystemExit):
        main(["check", "--statistics", "--format", "sarif", "d.txt"])
    capsys.readouterr()
