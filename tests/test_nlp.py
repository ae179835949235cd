"""Segmentation: openers come out whole, results are cached, and a missing model is one clear error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from linter.analyses import segmentation
from linter.analyses.segmentation import SegmentCache, Segmenter, model_dir
from linter.commands.cli import main
from linter.registries.lexicon import user_dictionary


@pytest.fixture(scope="module")
def seg(tmp_path_factory):
    # Shares the pipeline the rules load: loading the model is most of a fast test run.
    return Segmenter(model_dir(), user_dictionary(), SegmentCache(tmp_path_factory.mktemp("cache") / "s.sqlite"),
                     pipeline=segmentation.segmenter().nlp())


def test_lexicon_openers_are_single_tokens(seg):
    words = seg.segment_many(["赞赏地注意到秘书长的报告", "又重申大会关于", "表示严重关切跨国有组织犯罪"])
    assert [w[0] for w in words] == ["赞赏地注意到", "又重申", "表示严重关切"]


def test_segmentation_keeps_the_text(seg):
    text = "又请秘书长在上文第 49 段所述报告中载列资料，说明《联合国打击跨国有组织犯罪公约》的批准情况。"
    assert "".join(seg.segment(text)) == text


def test_warm_cache_does_not_load_the_model(tmp_path, seg):
    cache = SegmentCache(tmp_path / "s.sqlite")
    cold = Segmenter(model_dir(), user_dictionary(), cache, pipeline=seg.nlp())  # this test is about the cache
    first = cold.segment_many(["回顾其决议", "注意到报告"])
    warm = Segmenter(model_dir(), user_dictionary(), SegmentCache(tmp_path / "s.sqlite"))
    assert warm.segment_many(["回顾其决议", "注意到报告"]) == first
    assert warm.loads == 0


def test_cache_depends_on_the_lexicon(tmp_path, seg):
    a = Segmenter(model_dir(), ["回顾"], SegmentCache(tmp_path / "s.sqlite"))
    b = Segmenter(model_dir(), ["回顾", "新动词"], SegmentCache(tmp_path / "s.sqlite"))
    assert a.cache_key("回顾") != b.cache_key("回顾")


def test_unreadable_cache_only_costs_speed(tmp_path, seg):
    bad = tmp_path / "cache.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    s = Segmenter(model_dir(), user_dictionary(), SegmentCache(bad), pipeline=seg.nlp())
    assert s.segment("回顾其决议")[0] == "回顾"


@pytest.mark.slow
def test_missing_model_is_one_line_exit_2(tmp_path):
    env = {"RESOLINT_PKUSEG_MODEL": str(tmp_path / "nowhere"), "RESOLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "linter.commands.cli", "check", "--no-config", "--select", "RV", str(SEEDS / "ecosoc-2013-38.pdf.txt"), str(SEEDS / "ga-68-193.pdf.txt")],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "pkuseg segmentation model not found" in lines[0] and "make install" in lines[0]


@pytest.mark.slow
def test_corrupt_model_is_one_line_exit_2(tmp_path):
    model = tmp_path / "model"
    model.mkdir()
    (model / "weights.npz").write_bytes(b"not a numpy archive")
    (model / "features.msgpack").write_bytes(b"\xc1\xc1garbage")
    env = {"RESOLINT_PKUSEG_MODEL": str(model), "RESOLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    # A paragraph the lexicon does not match (回故) is the one the segmenter is loaded for.
    draft = tmp_path / "draft.txt"
    draft.write_text("大会，\n\n回故其决议，\n\n1. 请秘书长提交报告。\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "linter.commands.cli", "check", "--no-config", "--select", "RV", str(draft)],
        capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "pkuseg model is unusable" in result.stderr and "Traceback" not in result.stderr


def test_only_the_rules_that_need_it_segment(capsys):
    """A check whose rules need no words (punctuation without RP515) never asks for the segmenter."""
    calls = segmentation.segmenter.cache_info()
    assert main(["check", "--no-config", "--select", "RP", "--ignore", "RP515", str(SEEDS / "ecosoc-2013-38.pdf.txt")]) == 1
    after = segmentation.segmenter.cache_info()
    assert (after.hits, after.misses) == (calls.hits, calls.misses)


@pytest.mark.slow
def test_warm_cache_check_imports_no_spacy(tmp_path):
    """Neither a first check (RV131's patterns are matched by token_matcher) nor the second one of unchanged drafts
    (served from the cache) imports spaCy."""
    env = {"RESOLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    probe = (
        "import sys; from linter.commands.cli import main; "
        f"main(['check', '--no-config', '--select', 'RV', '--format', 'json', {str(SEEDS / 'ga-68-193.pdf.txt')!r}, {str(SEEDS / 'ctoc-cop-6-1.md')!r}]); "
        "print('SPACY', 'spacy' in sys.modules, file=sys.stderr)"
    )
    cold = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)
    warm = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=Path(__file__).parent.parent)
    assert "SPACY False" in cold.stderr, cold.stderr
    assert "SPACY False" in warm.stderr, warm.stderr
    assert cold.stdout == warm.stdout
