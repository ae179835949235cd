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

from linter.analyses import pkuseg_mapped
from linter.analyses.segmentation import MODEL_ID, default_model_dir, user_model_dir
from linter.analyses.string_table import write_table

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


def build_mapped_form(model: Path) -> None:
    """Write the memory-mapped form of the model in `model` (pkuseg_mapped reads it): the feature index and
    pkuseg's word lists as string tables, the weights as raw doubles, the feature extractor's settings.

    Made from the installed files, so it is the same model; written beside them under temporary names and
    renamed into place, mapped.json (which says the form is complete) last.
    """
    import numpy as np
    import spacy_pkuseg
    import srsly
    from spacy_pkuseg.config import config
    from spacy_pkuseg.feature_extractor import FeatureExtractor

    features = srsly.read_msgpack(model / "features.msgpack")
    sizes_and_weights = np.load(model / "weights.npz")
    n_tag, n_feature = (int(x) for x in sizes_and_weights["sizes"])
    weights = np.ascontiguousarray(sizes_and_weights["w"], dtype="<f8")
    if weights.shape != (n_tag * (n_feature + n_tag),) or n_feature != len(features["feature_to_idx"]):
        raise SystemExit(f"resolint: the pkuseg model in {model} is inconsistent (weights and features disagree)")
    # pkuseg's Postprocesser reads its default dictionary from the package (spacy_pkuseg/dicts/default.pkl).
    default_dict = Path(spacy_pkuseg.__file__).parent / "dicts" / "default.pkl"
    with open(default_dict, "rb") as fh:
        postwords = set(pickle.load(fh).strip().split("\n"))
    written = []
    try:
        for name, items, values in (("features.table", features["feature_to_idx"].items(), True),
                                    ("unigram.table", set(features["unigram"]), False),
                                    ("postwords.table", postwords, False)):
            write_table(model / f".{name}.tmp", items, values)
            written.append(name)
        (model / ".weights.f64.tmp").write_bytes(weights.tobytes())
        written.append("weights.f64")
        for name in written:
            os.replace(model / f".{name}.tmp", model / name)
        meta = {
            "format": pkuseg_mapped.FORMAT, "model_id": MODEL_ID, "sources": pkuseg_mapped.source_stamp(model),
            "n_tag": n_tag, "n_feature": n_feature, "tag_to_idx": features["tag_to_idx"],
            "word_max": config.wordMax, "word_min": config.wordMin, "word_feature": bool(config.wordFeature),
            "num_letter_norm": bool(config.numLetterNorm), "keywords": FeatureExtractor.keywords,
            "keyword_replacement": "&" * len(FeatureExtractor.keywords),
            "num": sorted(FeatureExtractor.num), "letter": sorted(FeatureExtractor.letter),
        }
        if FeatureExtractor.keyword_rename(meta["keywords"]) != meta["keyword_replacement"]:
            raise SystemExit("resolint: this spacy-pkuseg renames feature keywords differently; cannot map its model")
        (model / f".{pkuseg_mapped.META}.tmp").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        os.replace(model / f".{pkuseg_mapped.META}.tmp", model / pkuseg_mapped.META)
    finally:
        for leftover in model.glob(".*.tmp"):
            leftover.unlink()


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
        print(f"pkuseg model already installed in {target}")
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            sdist = args.sdist or download(Path(tmp))
            verify(sdist)
            extract(sdist, target)
        print(f"pkuseg model installed in {target}")
    if not pkuseg_mapped.mapped_form_present(target):
        build_mapped_form(target)
        print(f"pkuseg model mapped for fast loading in {target}")
    readable_by_all(target)  # an older install left it 0700
    return 0


if __name__ == "__main__":
    sys.exit(main())
