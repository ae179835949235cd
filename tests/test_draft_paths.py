"""Walking folders as a user expects: drafts only, no virtual environments, hidden or build folders, nothing
.gitignore excludes, and `exclude` read relative to the configuration file wherever the command runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.commands.cli import main
from linter.commands.draft_paths import expand_paths
from linter.config import Config, resolve_config

DRAFT = "大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告。\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {
        "drafts/a.txt": DRAFT,
        "drafts/b.md": DRAFT,
        "drafts/archive/old.txt": DRAFT,
        "drafts/scratch.tmp.txt": DRAFT,
        "drafts/notes.py": "print('not a draft')\n",
        ".venv/lib/python3.11/site-packages/pkg/LICENSE.txt": "Permission is hereby granted, free of charge,\n",
        "venv/README.md": "# venv\n",
        "node_modules/x/README.md": "# x\n",
        "__pycache__/y.txt": DRAFT,
        "build/lib/z.txt": DRAFT,
        "dist/d.txt": DRAFT,
        ".hidden/h.txt": DRAFT,
        "resolint.egg-info/dependency_links.txt": "",
        "generated/out.txt": DRAFT,
        ".gitignore": "generated/\n*.tmp.txt\n",
    })
    return tmp_path


def test_a_project_folder_yields_its_drafts_only(project, monkeypatch, capsys):
    monkeypatch.chdir(project)
    found = expand_paths(["."], pytest.fail, Config())
    assert found == ["drafts/a.txt", "drafts/archive/old.txt", "drafts/b.md"]
    code = main(["check", "--no-config", "--select", "RP", "--format", "json", "."])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert [f["path"] for f in json.loads(out)["files"]] == found


def test_a_gitignore_in_a_subfolder_and_its_negations_count(project, monkeypatch):
    _tree(project, {"drafts/.gitignore": "archive/*\n!archive/keep.txt\n", "drafts/archive/keep.txt": DRAFT})
    monkeypatch.chdir(project / "drafts")
    assert expand_paths(["."], pytest.fail, Config()) == ["a.txt", "archive/keep.txt", "b.md"]


def test_a_file_named_explicitly_is_checked_whatever_its_name(project, monkeypatch):
    monkeypatch.chdir(project)
    named = ["drafts/notes.py", "generated/out.txt", ".hidden/h.txt"]
    assert expand_paths(named, pytest.fail, Config()) == named


def test_excludes_are_relative_to_the_configuration_file(project, monkeypatch, capsys):
    (project / ".resolint.toml").write_text('exclude = ["drafts/archive/"]\nselect = ["RP"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    assert expand_paths(["."], pytest.fail, resolve_config()) == ["drafts/a.txt", "drafts/b.md"]
    monkeypatch.chdir(project / "drafts")  # the same excludes from inside the folder
    assert main(["check", "--format", "json", "."]) == 0
    assert [f["path"] for f in json.loads(capsys.readouterr().out)["files"]] == ["a.txt", "b.md"]
