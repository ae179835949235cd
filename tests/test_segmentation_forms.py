"""The model's memory-mapped form segments exactly as spaCy with pkuseg does, and its tables are exact."""

from __future__ import annotations

import csv
import functools
import json
import shutil
from pathlib import Path

import pytest
from conftest import SEED_FILES

from linter.analyses import segmentation
from linter.analyses.pkuseg_mapped import FILES, MappedPkuseg, mapped_form_present
from linter.analyses.segmentation import ModelError, load_pipeline, load_spacy_pipeline, model_dir
from linter.analyses.string_table import StringTable, TableError, write_table
from linter.registries.lexicon import user_dictionary

CORPUS = Path("/work/shared/corpus/unpc-dev/UNv1.0.devset.tagged.tsv")

pytestmark = pytest.mark.skipif(not mapped_form_present(model_dir()), reason="no mapped form (run make install)")


@functools.lru_cache(maxsize=1)
def _both():
    words = sorted(set(user_dictionary()))
    return MappedPkuseg(model_dir(), words), load_spacy_pipeline(model_dir(), words)


def _compare(texts: list[str]) -> None:
    mapped, nlp = _both()
    reference = [tuple(tok.text_with_ws for tok in doc) for doc in nlp.pipe(texts)]
    differ = [(text, mine, theirs)
              for text, mine, theirs in zip(texts, mapped.pipe(texts), reference) if mine != theirs]
    assert not differ, differ[:3]


@pytest.mark.slow  # loads spaCy and the model: make test runs it
def test_the_seeds_segment_the_same():
    lines = [line for path in SEED_FILES
             for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    # Whitespace in and around the text, digits and Latin letters (pkuseg normalises them), user-dictionary words.
    lines += ["  又重申 大会\u3000关于 第 66/181 号决议，  ", "A/RES/68/193 和 E/2013/30", "", " ", "回顾回顾"]
    _compare(lines)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"the unpc-dev corpus is not beside the project ({CORPUS})")
def test_the_unpc_dev_lines_segment_the_same():
    with open(CORPUS, encoding="utf-8", newline="") as fh:
        _compare([row["zh"] for row in csv.DictReader(fh, delimiter="\t")])


def test_the_vocabulary_is_the_same():
    mapped, nlp = _both()
    words = ["关于", "重视", "回故", "决订", "", "委员会", "**Num", "联合国"]
    unigram = nlp.tokenizer.pkuseg_seg.feature_extractor.unigram
    assert [mapped.in_vocabulary(w) for w in words] == [w in unigram for w in words]


def test_the_segmenter_uses_the_mapped_form_and_not_spacy():
    assert isinstance(segmentation.segmenter().nlp(), MappedPkuseg)


def test_a_string_table_finds_exactly_its_keys(tmp_path):
    items = {f"键{i}": i * 7 - 3 for i in range(5000)} | {"": 1, "c.，": 2}
    write_table(tmp_path / "t.table", items.items(), values=True)
    table = StringTable(tmp_path / "t.table")
    assert len(table) == len(items)
    assert all(table.get(k, None) == v for k, v in items.items())
    assert not any(f"键{i}x" in table or f"x键{i}" in table for i in range(5000))
    write_table(tmp_path / "empty.table", [], values=False)
    assert "" not in StringTable(tmp_path / "empty.table")


def test_a_damaged_table_is_refused(tmp_path):
    write_table(tmp_path / "t.table", ["回顾", "注意到"], values=False)
    data = (tmp_path / "t.table").read_bytes()
    (tmp_path / "short.table").write_bytes(data[:-1])
    (tmp_path / "other.table").write_bytes(b"x" * len(data))
    for name in ("short.table", "other.table"):
        with pytest.raises(TableError):
            StringTable(tmp_path / name)


def test_a_damaged_mapped_form_is_one_clear_error(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    for name in ("features.msgpack", "weights.npz", *FILES):
        (model / name).symlink_to(model_dir() / name)
    (model / "mapped.json").unlink()
    shutil.copy(model_dir() / "mapped.json", model / "mapped.json")
    (model / "unigram.table").unlink()
    (model / "unigram.table").write_bytes(b"not a table")
    with pytest.raises(ModelError, match="pkuseg model is unusable"):
        load_pipeline(model, [])


def test_a_mapped_form_of_other_files_is_not_used(tmp_path):
    """A model reinstalled under the mapped form (other sizes or times) is read the slow way, not with stale tables."""
    model = tmp_path / "model"
    model.mkdir()
    for name in ("features.msgpack", "weights.npz", *FILES):
        (model / name).symlink_to(model_dir() / name)
    meta = json.loads((model_dir() / "mapped.json").read_text(encoding="utf-8"))
    meta["sources"][0][1] += 1
    (model / "mapped.json").unlink()
    (model / "mapped.json").write_text(json.dumps(meta), encoding="utf-8")
    assert not mapped_form_present(model)
