"""`pip install .` ships the rule files, schemas and registries inside the wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_carries_every_rule_file(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    wheel = next(tmp_path.glob("resolint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {str(p.relative_to(ROOT)) for p in (ROOT / "rules").rglob("*") if p.suffix in (".yaml", ".json")}
    assert wanted and wanted <= names, sorted(wanted - names)
    assert "linter/commands/cli.py" in names and "linter/read/structure.py" in names
    assert not any(n.startswith("tests/") for n in names)
