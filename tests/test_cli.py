"""The command line: output contracts, exit codes, and one-line errors that never lose the other files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import SEEDS

from linter.commands.cli import main
from linter.read.offsets import LineIndex

GA = str(SEEDS / "ga-68-193.pdf.txt")
E13 = str(SEEDS / "ecosoc-2013-38.pdf.txt")
COP = str(SEEDS / "ctoc-cop-6-1.md")


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "json", "--no-config", E13, COP)
    data = json.loads(out)
    assert data["version"] == 1
    assert [f["path"] for f in data["files"]] == [E13, COP]
    keys = {"rule", "category", "severity", "message", "line", "column", "end_line", "end_column", "start", "end"}
    findings = data["files"][0]["findings"]
    assert findings, "ecosoc-2013-38 has the half-width comma of footnote 3"
    text = Path(E13).read_text(encoding="utf-8")
    index = LineIndex(text)
    for f in findings:
        assert keys <= set(f) <= keys | {"fix"}
        assert (f["line"], f["column"]) == index.line_col(f["start"])
        assert (f["end_line"], f["end_column"]) == index.line_col(f["end"])
    comma = next(f for f in findings if f["rule"] == "RP501")
    assert text[comma["start"] : comma["end"]] == ","
    assert comma["fix"] == {"safe": True, "edits": [{"start": comma["start"], "end": comma["end"], "replacement": "，"}]}
    assert code == 1


def test_text_output_is_ruff_style(capsys):
    code, out, _ = run_cli(capsys, "check", "--no-config", "--select", "RP501", E13)
    first = out.splitlines()[0]
    assert first.startswith(f"{E13}:112:") and " RP501 [warning] " in first
    assert "\x1b[" not in out  # no colour when not a terminal
    assert out.splitlines()[2].strip().endswith("^")
    assert out.splitlines()[-1].startswith("Found 1 problem")
    assert code == 1


def test_fail_level_and_select_ignore(capsys):
    assert run_cli(capsys, "check", "--no-config", "--select", "RP501", "--fail-level", "error", E13)[0] == 0
    code, out, _ = run_cli(capsys, "check", "--no-config", "--ignore", "RP", "--select", "RP", E13)
    assert code == 0 and "All checks passed" in out


def test_unknown_select_id_is_an_error(capsys):
    code, out, err = run_cli(capsys, "check", "--no-config", "--select", "RX999", E13)
    assert code == 2
    assert err.strip() == "resolint: --select: unknown rule id or prefix 'RX999' (see 'resolint rules')"


def test_bad_inputs_are_reported_and_the_rest_still_checked(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip")
    notzip = tmp_path / "notzip.docx"
    notzip.write_bytes("这不是 Word 文件".encode())
    from docx_factory import make_docx
    from test_docx_reader import BOMB

    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(make_docx([], document_xml=BOMB))
    nodrafts = tmp_path / "nodrafts"
    nodrafts.mkdir()
    (nodrafts / "readme.pdf").write_bytes(b"%PDF")
    code, out, err = run_cli(
        capsys, "check", "--format", "json", "--no-config",
        str(empty), str(binary), str(broken), str(notzip), str(bomb), str(tmp_path / "missing.txt"), str(nodrafts), E13,
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 7, lines
    assert f"{bomb}: unsafe XML in word/document.xml: entity declarations are not allowed" in err
    assert all(line.startswith("resolint: ") for line in lines)
    assert f"{empty}: empty file" in err
    assert f"{binary}: binary file" in err
    assert f"{broken}:" in err and f"{notzip}:" in err
    assert f"{tmp_path / 'missing.txt'}: no such file or directory" in err
    assert f"{nodrafts}: no drafts in this directory" in err
    assert "Traceback" not in err
    assert [f["path"] for f in json.loads(out)["files"]] == [E13]


def test_invalid_rule_file_names_file_rule_and_field(capsys, tmp_path):
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "RX901.yaml").write_text(
        "id: RX901\nname: bad-severity\nkind: pattern\ncategory: punctuation\nseverity: fatal\n"
        "summary: Something\nmessage: Something wrong\n"
        "description: {what: checks something, why: because it matters, example: x, use_instead: y}\n"
        "options: {pattern: 'x'}\n",
        encoding="utf-8",
    )
    code, _, err = run_cli(capsys, "check", "--no-config", "--rules-dir", str(rules), E13)
    assert code == 2
    assert err.strip().startswith(f"resolint: {rules / 'RX901.yaml'}: rule RX901: field 'severity':")
    assert len(err.strip().splitlines()) == 1


def test_user_rule_directory_adds_rules(capsys, tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "RP901.yaml").write_text(
        "id: RP901\nname: no-ascii-quotes\nkind: substitution\ncategory: punctuation\nseverity: info\n"
        "summary: ASCII quotes in Chinese text\nmessage: 'Use Chinese quotes: {replacement}'\n"
        "description: {what: ASCII double quotes, why: house style, example: '\"x\"', use_instead: '“x”'}\n"
        "options: {table: {'\"加强': '“加强'}}\n",
        encoding="utf-8",
    )
    draft = tmp_path / "d.txt"
    draft.write_text('大会，\n\n回顾其题为"加强合作”的决议，\n\n1. 请秘书长提交报告。\n', encoding="utf-8")
    code, out, _ = run_cli(capsys, "check", "--no-config", "--rules-dir", str(rules), "--select", "RP901", str(draft))
    assert code == 1 and "RP901 [info]" in out


def test_config_file_reselects_and_regrades(capsys, tmp_path, monkeypatch):
    (tmp_path / ".resolint.toml").write_text('select = ["RP501"]\nseverity = {RP501 = "error"}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "check", E13)
    assert code == 1 and "RP501 [error]" in out
    (tmp_path / ".resolint.toml").write_text('selekt = ["RP501"]\n', encoding="utf-8")
    code, _, err = run_cli(capsys, "check", E13)
    assert code == 2 and "unknown setting 'selekt'" in err


def test_stdin(monkeypatch, capsys):
    import io

    data = "大会，\n\n回顾其决议,并注意到报告，\n\n1. 请秘书长提交报告。\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run_cli(capsys, "check", "--no-config", "--select", "RP501", "-")
    assert code == 1 and out.startswith("<stdin>:3:6: RP501")


def test_parse_json_shape(capsys):
    code, out, _ = run_cli(capsys, "parse", "--format", "json", GA)
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"version", "path", "header", "organ", "preambular", "operative", "markers", "footnotes", "footer"}
    assert len(data["preambular"]) == 43 and len(data["operative"]) == 50 and len(data["footnotes"]) == 13
    assert {"text", "start", "end"} <= set(data["preambular"][0])
    assert {"number", "text", "start", "end"} <= set(data["operative"][0])
    assert data["markers"][0] == {"number": 1, "start": data["markers"][0]["start"], "end": data["markers"][0]["end"]}
    assert data["header"]["symbol"]["text"] == "68/193"


def test_rules_and_explain(capsys):
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0 and "RP501" in out and "punctuation" in out
    code, out, _ = run_cli(capsys, "explain", "rp501")
    assert code == 0
    for section in ("What it does", "Why is this bad?", "Example", "Use instead", "Fix safety"):
        assert section in out
    code, _, err = run_cli(capsys, "explain", "RX000")
    assert code == 2 and "unknown rule id" in err


def test_sarif_validates_against_the_official_schema(capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "sarif", "--no-config", E13, GA)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_github_annotations(capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "github", "--no-config", "--select", "RP501", E13)
    assert out.startswith(f"::warning file={E13},line=112,col=")


def test_fix_writes_atomically_and_keeps_encoding(capsys, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_bytes("大会，\n\n回顾其决议,并注意到报告，，\n\n1. 请秘书长提交报告。\n".encode("gb18030"))
    code, _, err = run_cli(capsys, "fix", "--no-config", str(draft))
    assert code == 0 and "2 fixes applied" in err
    assert draft.read_bytes().decode("gb18030") == "大会，\n\n回顾其决议，并注意到报告，\n\n1. 请秘书长提交报告。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]  # no temp file left behind


@pytest.mark.slow
def test_installed_command_runs_from_any_directory(tmp_path):
    exe = shutil.which("resolint", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("the resolint console script is not installed next to this Python (make install)")
    result = subprocess.run([exe, "check", "--no-config", "--format", "json", E13], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["files"][0]["findings"]
