"""token_matcher gives exactly spaCy's Matcher's matches: on random patterns and tokens, and with the built-in
token-pattern rules (RV131) on every clause of the seeds and of the unpc-dev lines, as segmented for the rule."""

from __future__ import annotations

import csv
import functools
import json
import random
import re
from pathlib import Path

import pytest
from conftest import SEED_FILES, builtin_rules

from linter.analyses.segmentation import segmenter
from linter.checks import token_pattern
from linter.checks.token_matcher import compile_patterns, find_matches

CORPUS = Path("/work/shared/corpus/unpc-dev/UNv1.0.devset.tagged.tsv")
CLAUSE = re.compile(r"[^，。；：！？,;\n]+")


@functools.lru_cache(maxsize=1)
def _spacy():
    import spacy

    return spacy.blank("zh").vocab


def _spacy_matches(patterns: list, texts: list[str]) -> set[tuple[int, int]]:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

    matcher = Matcher(_spacy())
    matcher.add("rule", patterns)
    return {(s, e) for _, s, e in matcher(Doc(_spacy(), words=texts))}


def _random_spec(rng: random.Random, alphabet: str) -> dict:
    kind = rng.choice(["text", "in", "not_in", "regex", "any"])
    spec: dict = {}
    attr = rng.choice(["TEXT", "ORTH"])
    if kind == "text":
        spec[attr] = rng.choice(alphabet)
    elif kind == "in":
        spec[attr] = {"IN": rng.sample(alphabet, 2)}
    elif kind == "not_in":
        spec[attr] = {"NOT_IN": rng.sample(alphabet, 1)}
    elif kind == "regex":
        spec[attr] = {"REGEX": rng.choice(["^a", "b|c", "c$", "^(a|b)$"])}
    op = rng.choice(["1", "+", "*", "?", "!"])
    if op != "1":  # spaCy refuses an explicit OP "1"
        spec["OP"] = op
    return spec


def test_random_patterns_match_as_spacy_does():
    rng = random.Random(16)
    for _ in range(3000):
        patterns = [[_random_spec(rng, "abc") for _ in range(rng.randint(1, 5))] for _ in range(rng.randint(1, 3))]
        texts = [rng.choice("abc") for _ in range(rng.randint(1, 10))]
        steps = compile_patterns(patterns)
        assert steps is not None
        assert find_matches(steps, texts) == _spacy_matches(patterns, texts), (patterns, texts)


def test_what_it_cannot_read_goes_to_spacy():
    for pattern in ([{"LOWER": "a"}], [{"TEXT": {"FUZZY": "a"}}], [{"TEXT": "a", "OP": "{2}"}], [{"TEXT": 1}], []):
        assert compile_patterns([pattern]) is None
    assert compile_patterns([[{"TEXT": "a"}], [{}]]) is not None


def _token_rules() -> list:
    rules = [r for r in builtin_rules() if r.kind == "token-pattern"]
    assert rules and all(compile_patterns(r.options["patterns"]) is not None for r in rules)
    return rules


def _compare_on(lines: list[str]) -> int:
    """Every clause of `lines`, and each with 地 written 的 (the slip RV131 finds), segmented as the rule segments
    it; each rule's matches through token_pattern against spaCy's. Returns how many clauses had a match."""
    clauses = sorted({c for line in lines for c in CLAUSE.findall(line) if c.strip()})
    clauses += sorted({c.replace("地", "的") for c in clauses if "地" in c})
    words_list = segmenter().segment_many(clauses)
    matched = 0
    for rule in _token_rules():
        patterns_json = token_pattern._patterns_json(rule)
        patterns = json.loads(patterns_json)
        for words in words_list:
            if not words:
                continue
            mine = token_pattern.match_tokens(patterns_json, words)
            texts = [w.rstrip() or w for w in words] + [token_pattern.CLAUSE_END_TOKEN]
            theirs = sorted({(s, min(e, len(words))) for s, e in _spacy_matches(patterns, texts) if s < len(words)})
            assert mine == theirs, ("".join(words), mine, theirs)
            matched += bool(theirs)
    return matched


def test_the_seeds_clauses_match_as_with_spacy():
    lines = [line for path in SEED_FILES for line in path.read_text(encoding="utf-8").split("\n")]
    assert _compare_on(lines) > 0


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"the unpc-dev corpus is not beside the project ({CORPUS})")
def test_the_unpc_dev_clauses_match_as_with_spacy():
    with open(CORPUS, encoding="utf-8", newline="") as fh:
        lines = [row["zh"] for row in csv.DictReader(fh, delimiter="\t")]
    assert _compare_on(lines) > 10


@pytest.mark.slow
def test_a_token_pattern_rule_imports_no_spacy(tmp_path):
    """RV131 on a draft with the slip finds it in a fresh process without importing spaCy."""
    import subprocess
    import sys

    draft = tmp_path / "d.txt"
    draft.write_text("大会，\n\n1. 表示关切的注意到跨国犯罪团体的活动出现增多；\n", encoding="utf-8")
    code = ("import sys; from linter.config import Config; from linter.lint import configured_rules, lint; "
            "from linter.read.sources import read_path; "
            "r = lint(read_path(sys.argv[1]), configured_rules(Config(), select=['RV131'])); "
            "print(len(r.findings), 'spacy' in sys.modules)")
    env = {"RESOLINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": ""}
    done = subprocess.run([sys.executable, "-c", code, str(draft)], capture_output=True, text=True, env=env,
                          check=True)
    assert done.stdout.split() == ["1", "False"]
