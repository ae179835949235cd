"""Install the pkuseg segmentation model from the pkuseg sdist on the package index, verified by hash.

The spacy-pkuseg wheel carries no model; the `pkuseg` sdist ships its
general-domain model under pkuseg/models/default. `make install` runs this
once, so a clone works offline afterwards. Run it by hand with
`python -m linter.commands.model_install`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from linter.analyses.segmentation import MODEL_ID, default_model_dir, user_model_dir

SDIST = "pkuseg==0.0.25"
SDIST_NAME = "pkuseg-0.0.25.tar.gz"
SDIST_SHA256 = "dd012bf93689721c9574bc2b2ba98fb4ac22790cec0af354a78e217828b81e91"
MEMBERS = ("pkuseg-0.0.25/pkuseg/models/default/features.pkl", "pkuseg-0.0.25/pkuseg/models/default/weights.npz")


def installed(target: Path) -> bool:
    stamp = target / "model.json"
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return data.get("id") == MODEL_ID and (target / "features.msgpack").is_file() and (target / "weights.npz").is_file()


def download(workdir: Path) -> Path:
    # pip reads the machine's index configuration; building the sdist's metadata needs
    # Cython and wheel in this environment (make install puts them there).
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
           "--no-build-isolation", "--dest", str(workdir), SDIST]
    result = subprocess.run(cmd, capture_output=True, text=True)
    path = workdir / SDIST_NAME
    if result.returncode != 0 or not path.is_file():
        tail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"resolint: could not download {SDIST} from the package index: {tail[0]}")
    return path


def verify(path: Path) -> None:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != SDIST_SHA256:
        raise SystemExit(f"resolint: {path.name} has sha256 {digest.hexdigest()}, expected {SDIST_SHA256}; not installing it")


def extract(sdist: Path, target: Path) -> None:
    import srsly

    staging = Path(tempfile.mkdtemp(prefix=".pkuseg-", dir=target.parent))
    try:
        with tarfile.open(sdist, "r:gz") as tar:
            for name in MEMBERS:
                member = tar.getmember(name)
                with tar.extractfile(member) as src, open(staging / Path(name).name, "wb") as dst:
                    shutil.copyfileobj(src, dst)
        # The pickle comes from the hash-checked sdist; store it as msgpack so that
        # loading at run time unpickles nothing.
        with open(staging / "features.pkl", "rb") as fh:
            features = pickle.load(fh)
        srsly.write_msgpack(staging / "features.msgpack", features)
        (staging / "features.pkl").unlink()
        (staging / "model.json").write_text(json.dumps({"id": MODEL_ID, "source": SDIST, "sha256": SDIST_SHA256}), encoding="utf-8")
        readable_by_all(staging)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def readable_by_all(folder: Path) -> None:
    """mkdtemp makes the folder 0700; every user of this installation must be able to read the model."""
    try:
        folder.chmod(0o755)
        for file in folder.iterdir():
            file.chmod(0o644)
    except PermissionError:
        pass  # not ours to change (someone else installed it); loading says so if it cannot be read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m linter.commands.model_install", description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=default_model_dir())
    parser.add_argument("--user", action="store_true",
                        help="install for this user, where every resolint installation (pre-commit's too) finds it")
    parser.add_argument("--sdist", type=Path, help="use this local pkuseg sdist instead of downloading it")
    args = parser.parse_args(argv)
    target = (user_model_dir() if args.user else args.target).resolve()
    if installed(target):
        readable_by_all(target)  # an older install left it 0700
        print(f"pkuseg model already installed in {target}")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        sdist = args.sdist or download(Path(tmp))
        verify(sdist)
        extract(sdist, target)
    print(f"pkuseg model installed in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
