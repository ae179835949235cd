"""The pre-commit hook (.pre-commit-hooks.yaml), run for real: pre-commit from PyPI, this checkout as the hook
repository, a throw-away drafts repository whose commits it refuses or accepts."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from linter.analyses import segmentation

ROOT = Path(__file__).resolve().parent.parent
# Two findings, one of them (RV131) only segmentation finds: the hook loads the model.
DEFECT = "大会，\n\n回顾其决议,并关切的注意到报告，\n\n1. 请秘书长提交报告。\n"
CLEAN = DEFECT.replace("决议,", "决议，").replace("关切的", "关切地")


def test_the_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "resolint" and hook["entry"] == "resolint check" and hook["language"] == "python"
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in ("a/草案.txt", "b.md", "c.DOCX", "d.markdown", "e.py", "f.docx.bak")] == [
        True, True, True, True, False, False]
    assert "require_serial" not in hook  # each run checks its own files: pre-commit may split them


def test_a_model_installed_for_the_user_is_found_by_any_installation(tmp_path, monkeypatch):
    monkeypatch.delenv(segmentation.MODEL_ENV, raising=False)
    monkeypatch.setattr(segmentation, "default_model_dir", lambda: tmp_path / "env" / "share")  # none here
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    user = segmentation.user_model_dir()
    assert user == tmp_path / "data" / "resolint" / "pkuseg" / "default"
    assert segmentation.model_dir() == tmp_path / "env" / "share"  # nothing for the user either: the error names it
    user.mkdir(parents=True)
    (user / "weights.npz").write_bytes(b"")
    assert segmentation.model_dir() == user


def _git(cwd: Path, *args: str, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "user.name=Drafter", "-c", "user.email=drafter@example.org", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, check=check)


@pytest.mark.slow
def test_pre_commit_refuses_a_draft_with_a_finding_and_accepts_a_clean_one(tmp_path):
    if importlib.util.find_spec("pre_commit") is None:  # the real pre-commit, from the package index
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pre-commit"], check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "RESOLINT_PKUSEG"))}
    env.update(PRE_COMMIT_HOME=str(tmp_path / "pre-commit"), XDG_DATA_HOME=str(tmp_path / "data"),
               RESOLINT_CACHE_DIR=str(tmp_path / "cache"))
    # pre-commit's environment for the hook has no segmentation model: the user's (model_install --user) serves.
    user_model = tmp_path / "data" / "resolint" / "pkuseg" / "default"
    user_model.parent.mkdir(parents=True)
    user_model.symlink_to(segmentation.default_model_dir())
    # This checkout as it is now (uncommitted changes too), committed in a throw-away hook repository.
    hooks = tmp_path / "hooks"
    listed = _git(ROOT, "ls-files", "-co", "--exclude-standard", "-z", env=env).stdout.split("\0")
    for name in filter(None, listed):
        if (ROOT / name).is_file():
            (hooks / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, hooks / name)
    _git(hooks, "init", "-q", env=env)
    _git(hooks, "add", "-A", env=env)
    _git(hooks, "commit", "-qm", "snapshot", env=env)
    rev = _git(hooks, "rev-parse", "HEAD", env=env).stdout.strip()
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    _git(drafts, "init", "-q", env=env)
    (drafts / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks: [{{id: resolint}}]\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=drafts, env=env, check=True,
                   capture_output=True)

    (drafts / "draft.txt").write_text(DEFECT, encoding="utf-8")
    _git(drafts, "add", "draft.txt", ".pre-commit-config.yaml", env=env)
    refused = _git(drafts, "commit", "-m", "draft", env=env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "resolint" in output and "Failed" in output
    assert "draft.txt:3:6: RP501 [warning]" in output and "draft.txt:3:10: RV131 [warning]" in output
    assert _git(drafts, "rev-parse", "--verify", "HEAD", env=env, check=False).returncode != 0  # nothing committed

    (drafts / "draft.txt").write_text(CLEAN, encoding="utf-8")
    _git(drafts, "add", "draft.txt", env=env)
    accepted = _git(drafts, "commit", "-m", "draft", env=env, check=False)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"resolint\.+Passed", accepted.stdout + accepted.stderr)

    # The drafter says "this one is intended" in the draft itself: the commit goes through.
    intended = CLEAN.replace("回顾其决议，", "<!-- resolint: ignore RP501 -->\n回顾其决议,")
    (drafts / "draft.txt").write_text(intended, encoding="utf-8")
    _git(drafts, "add", "draft.txt", env=env)
    assert _git(drafts, "commit", "-m", "intended", env=env, check=False).returncode == 0
