"""An error is never reported as a pass: files that could not be checked are counted in the text summary,
listed in JSON `errors`, SARIF invocations and GitHub annotations, and make the exit code 2. A cache that
cannot be used is a warning; a model that cannot be read is one clear line."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import tarfile
from pathlib import Path

import jsonschema
import pytest
from conftest import SEEDS

from linter.analyses import segmentation
from linter.analyses.segmentation import ModelError, SegmentCache, load_pipeline
from linter.commands import model_install
from linter.commands.cli import main

E13 = str(SEEDS / "ecosoc-2013-38.pdf.txt")
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_missing_file_is_not_a_pass(capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    code, out, err = run_cli(capsys, "check", "--no-config", missing)
    assert code == 2
    assert err == f"resolint: {missing}: no such file or directory\n"
    assert "passed" not in out
    assert out.strip() == "1 file could not be checked (see above)."


def test_the_text_summary_counts_the_files_not_checked_beside_the_others(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "check", "--no-config", "--select", "RP501", "--fail-level", "error",
                           str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), E13)
    assert code == 2
    assert out.splitlines()[-1].endswith("in 1 of 1 file. 1 fixable with `resolint fix`. 2 files could not be checked (see above).")


def test_json_lists_the_files_that_could_not_be_checked(capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "json", missing)
    assert code == 2
    assert json.loads(out) == {"version": 1, "files": [], "errors": [{"path": missing, "message": "no such file or directory"}]}
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "json", "--select", "RP501", E13)
    assert json.loads(out)["errors"] == []  # always there, so a reader can rely on it


def test_a_configuration_error_is_in_the_json_too(capsys, tmp_path):
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "json", "--select", "RX999", E13)
    assert code == 2
    assert json.loads(out)["errors"] == [{"path": "--select", "message": "unknown rule id or prefix 'RX999' (see 'resolint rules')"}]


def test_sarif_says_the_run_failed_and_still_validates(capsys, tmp_path):
    missing = str(tmp_path / "missing.txt")
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "sarif", missing, E13)
    assert code == 2
    data = json.loads(out)
    jsonschema.validate(data, SARIF_SCHEMA)
    (invocation,) = data["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["message"]["text"] == "no such file or directory"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == Path(missing).as_uri()
    assert data["runs"][0]["results"]  # the file that could be checked is still reported
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "sarif", E13)
    assert json.loads(out)["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_github_annotates_the_files_that_could_not_be_checked(capsys, tmp_path):
    missing = tmp_path / "a,b:c.txt"
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "github", str(missing))
    assert code == 2
    escaped = str(missing).replace(":", "%3A").replace(",", "%2C")
    assert out.strip() == f"::error file={escaped},title=resolint::no such file or directory"


def _broken_cache(monkeypatch):
    seg = segmentation.segmenter()
    broken = SegmentCache(Path("/proc/nope/segments.sqlite"))
    monkeypatch.setattr(seg, "cache", broken)
    monkeypatch.setattr(segmentation, "_shared_cache", broken, raising=False)
    monkeypatch.setattr(segmentation, "_warned", set(), raising=False)


def test_an_unusable_cache_is_one_warning_and_the_drafts_are_still_checked(capsys, monkeypatch):
    _broken_cache(monkeypatch)
    code, out, err = run_cli(capsys, "check", "--no-config", "--select", "RV", "--format", "json", E13, str(SEEDS / "ga-68-193.pdf.txt"))
    assert code == 1
    assert err == "resolint: warning: segmentation cache /proc/nope unusable (No such file or directory); checking without it\n"
    data = json.loads(out)
    assert data["errors"] == [] and any(f["findings"] for f in data["files"])


@pytest.mark.slow
def test_an_unusable_cache_directory_from_the_environment(tmp_path):
    env = {"RESOLINT_CACHE_DIR": "/proc/nope", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "linter.commands.cli", "check", "--no-config", "--select", "RV", str(SEEDS / "ctoc-cop-6-1.md")],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("resolint: warning: segmentation cache /proc/nope unusable") == 1
    assert "internal error" not in result.stderr and "Found" in result.stdout


def _fake_sdist(tmp_path: Path) -> Path:
    """A tarball shaped like the pkuseg sdist, with a tiny model in it."""
    (tmp_path / "features.pkl").write_bytes(pickle.dumps({"unigram": ["回顾"]}))
    (tmp_path / "weights.npz").write_bytes(b"weights")
    sdist = tmp_path / "pkuseg.tar.gz"
    with tarfile.open(sdist, "w:gz") as tar:
        for member in model_install.MEMBERS:
            tar.add(tmp_path / Path(member).name, arcname=member)
    return sdist


def test_the_installed_model_is_readable_by_every_user(tmp_path):
    target = tmp_path / "share" / "default"
    target.parent.mkdir()
    model_install.extract(_fake_sdist(tmp_path), target)
    assert target.stat().st_mode & 0o777 == 0o755
    assert {p.name: p.stat().st_mode & 0o777 for p in target.iterdir()} == {
        "features.msgpack": 0o644, "weights.npz": 0o644, "model.json": 0o644,
    }


def test_a_model_that_cannot_be_read_is_one_clear_error(tmp_path, monkeypatch):
    model = tmp_path / "model"
    model.mkdir()
    for name in ("weights.npz", "features.msgpack"):
        (model / name).write_bytes(b"x")
    real_access = segmentation.os.access
    monkeypatch.setattr(segmentation.os, "access", lambda p, mode: False if str(p).startswith(str(model)) else real_access(p, mode))
    with pytest.raises(ModelError, match="cannot be read \\(permission denied\\)"):
        load_pipeline(model, [])
    # A folder that cannot even be entered (another user's 0700 install) says the same, without a traceback.
    monkeypatch.setattr(Path, "is_file", lambda self: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    with pytest.raises(ModelError, match="cannot be read"):
        load_pipeline(model, [])


def test_sarif_artifact_uris_are_percent_encoded_and_relative(capsys, tmp_path, monkeypatch):
    folder = tmp_path / "草案 #1"
    folder.mkdir()
    draft = folder / "a%b c.txt"
    draft.write_text("大会，\n\n回顾其决议,并注意到报告，\n\n1. 请秘书长提交报告。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    outside = tmp_path.parent / "missing draft.txt"
    code, out, _ = run_cli(capsys, "check", "--no-config", "--format", "sarif", "--select", "RP501",
                           "草案 #1/a%b c.txt", str(draft), str(outside))
    data = json.loads(out)
    jsonschema.validate(data, SARIF_SCHEMA)
    run = data["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    relative = {"uri": "%E8%8D%89%E6%A1%88%20%231/a%25b%20c.txt", "uriBaseId": "%SRCROOT%"}
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]] == [relative, relative]
    assert run["results"][0]["fixes"][0]["artifactChanges"][0]["artifactLocation"] == relative
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.as_uri()}
    assert "%20" in outside.as_uri()
