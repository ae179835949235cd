"""`resolint treaties`, `resolint footnote`, and user treaty registries set in the configuration."""

from __future__ import annotations

import pytest

from linter.commands.cli import main

USER_REGISTRY = """version: 1
treaties:
  - id: house-convention
    title_zh: 示范区域合作公约
    title_en: Model Regional Cooperation Convention
    year: 2020
    unts: {volumes: [3001], number: 55555}
    status: verified
    source: our own records
"""


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_footnote_lookup_by_short_title_and_substring(capsys):
    code, out, _ = run_cli(capsys, "footnote", "--no-config", "有组织犯罪公约")
    assert code == 0
    assert out.splitlines() == ["联合国，《条约汇编》，第 2225 卷，第 39574 号。", "United Nations Convention against Transnational Organized Crime"]
    code, out, _ = run_cli(capsys, "footnote", "--no-config", "--unspaced", "反腐败")
    assert code == 0 and out.splitlines()[0] == "联合国，《条约汇编》，第2349卷，第42146号。"
    code, _, err = run_cli(capsys, "footnote", "--no-config", "公约")
    assert code == 2 and "treaties match" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("query", ["打击跨国有组织犯罪公约", "《打击跨国有组织犯罪公约》", "untoc", "UNTOC",
                                   "United Nations Convention against Transnational Organized Crime"])
def test_footnote_for_a_clipped_title_an_id_or_the_english_names_the_convention(capsys, query):
    # a title clipped to …公约 is the Convention, not the three Protocols whose titles contain it
    code, out, err = run_cli(capsys, "footnote", "--no-config", query)
    assert code == 0 and "treaties match" not in err
    assert out.splitlines()[0] == "联合国，《条约汇编》，第 2225 卷，第 39574 号。"


def test_footnote_without_unts_data(capsys):
    code, out, _ = run_cli(capsys, "footnote", "--no-config", "crc-opic")
    assert code == 0 and out.splitlines()[0] == "第 66/138 号决议，附件。"
    code, out, _ = run_cli(capsys, "footnote", "--no-config", "watercourses-convention")
    assert code == 0 and out.splitlines()[0] == "大会第51/229号决议，附件。"
    code, out, err = run_cli(capsys, "footnote", "--no-config", "国际法院规约")
    assert code == 1 and out == "" and "without a footnote" in err
    code, out, err = run_cli(capsys, "footnote", "--no-config", "minamata-convention")
    assert code == 1 and out == "" and "neither UNTS data nor a cited form" in err


def test_treaties_listing_and_query(capsys):
    code, out, _ = run_cli(capsys, "treaties", "--no-config", "儿童权利")
    assert code == 0 and "crc" in out and "27531" in out
    code, out, _ = run_cli(capsys, "treaties", "--no-config", "no such treaty")
    assert code == 1


def test_user_registry_from_configuration(capsys, tmp_path, monkeypatch):
    (tmp_path / "ours.yaml").write_text(USER_REGISTRY, encoding="utf-8")
    (tmp_path / ".resolint.toml").write_text('treaties = ["ours.yaml"]\n', encoding="utf-8")
    draft = tmp_path / "d.md"
    draft.write_text(
        "大会，\n\n回顾《示范区域合作公约》<sup>1</sup>，\n\n1. 请秘书长提交报告。\n\n---\n\n<sup>1</sup> 联合国，《条约汇编》，第 3001 卷，第 55556 号。\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "footnote", "示范区域合作公约")
    assert code == 0 and "第 3001 卷，第 55555 号" in out
    code, out, _ = run_cli(capsys, "check", "--select", "RC201", str(draft))
    assert code == 1 and "RC201 [error]" in out and "55556" in out
    (tmp_path / "ours.yaml").write_text(USER_REGISTRY.replace("status: verified", "status: sure"), encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "--select", "RC201", str(draft))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "ours.yaml" in err
