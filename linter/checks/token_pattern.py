"""The `token-pattern` kind: spaCy Matcher patterns over segmented clauses, for rules that need word boundaries.

Only clauses where the rule's `prefilter` regex matches are segmented. The
patterns are matched by token_matcher, which gives spaCy's Matcher's results
without spaCy for every pattern it can read (all the built-in rules'); a
pattern it cannot read goes to spaCy's Matcher, whose results are cached on
disk like segmentations, and a clause that lacks a word every such pattern
requires is decided without importing spaCy.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from typing import Iterator

from linter.analyses.clauses import clause_end, clause_start
from linter.analyses.memo import per_text_batch
from linter.analyses.segmentation import segmenter
from linter.checks.token_matcher import compile_patterns, find_matches
from linter.engine.rule import Rule, iter_parts
from linter.findings import Finding
from linter.read.structure import Document

_CLAUSE_END = re.compile(r"[，。；：！？,;]")
# A token after the last word of every clause, so that a pattern can require the clause to end ({TEXT: <clause-end>}).
CLAUSE_END_TOKEN = "<clause-end>"


def clause_around(text: str, hit_start: int, hit_end: int) -> tuple[int, int]:
    """The clause around a prefilter hit: from the punctuation before it to the punctuation after it."""
    return clause_start(text, hit_start, _CLAUSE_END), clause_end(text, hit_end, _CLAUSE_END)


@functools.lru_cache(maxsize=64)
def _matcher(patterns_json: str):
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("zh")  # only the vocabulary is used: the words come from our segmenter
    matcher = Matcher(nlp.vocab)
    matcher.add("rule", json.loads(patterns_json))
    return nlp.vocab, matcher


def _patterns_json(rule: Rule) -> str:
    return json.dumps(rule.options["patterns"], ensure_ascii=False, sort_keys=True)


def prepare_matchers(rules: list[Rule]) -> None:
    """Build now the spaCy matchers the rules need (importing spaCy), rather than at the first clause that needs
    one; a rule whose patterns token_matcher reads needs none."""
    for rule in rules:
        patterns_json = _patterns_json(rule)
        if _steps(patterns_json) is None:
            _matcher(patterns_json)


@functools.lru_cache(maxsize=64)
def _steps(patterns_json: str):
    """The patterns compiled for token_matcher, or None when spaCy's Matcher must run them."""
    return compile_patterns(_patterns(patterns_json))


def match_tokens(patterns_json: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    texts = [w.rstrip() or w for w in words] + [CLAUSE_END_TOKEN]
    if not any(_could_match(pattern, texts) for pattern in _patterns(patterns_json)):
        return []  # most clauses: a word every pattern needs is not there
    steps = _steps(patterns_json)
    if steps is not None:
        return sorted({(s, min(e, len(words))) for s, e in find_matches(steps, texts) if s < len(words)})
    from spacy.tokens import Doc

    vocab, matcher = _matcher(patterns_json)
    doc = Doc(vocab, words=texts, spaces=[w != w.rstrip() for w in words] + [False])
    return sorted({(s, min(e, len(words))) for _, s, e in matcher(doc) if s < len(words)})


@functools.lru_cache(maxsize=64)
def _patterns(patterns_json: str) -> list:
    return json.loads(patterns_json)


def _could_match(pattern: list[dict], texts: list[str]) -> bool:
    """False only when the pattern cannot match: a token it requires (no OP, or OP '+' or '1') has a TEXT
    (or ORTH) that no word has, in a form read here: a string, {IN: [...]} or {REGEX: ...} (matched as
    spaCy does, with re.search). Anything else counts as possible, and spaCy's Matcher decides."""
    for spec in pattern:
        if spec.get("OP", "1") not in ("1", "+"):
            continue
        for attr in ("TEXT", "ORTH"):
            if attr in spec and not _some_word(spec[attr], texts):
                return False
    return True


def _some_word(value, texts: list[str]) -> bool:
    if isinstance(value, str):
        return value in texts
    if isinstance(value, dict) and len(value) == 1:
        if isinstance(value.get("IN"), list):
            wanted = set(value["IN"])
            return any(t in wanted for t in texts)
        if isinstance(value.get("REGEX"), str):
            regex = re.compile(value["REGEX"])
            return any(regex.search(t) for t in texts)
    return True


def check_token_pattern(doc: Document, rule: Rule) -> Iterator[Finding]:
    opts = rule.options
    replacement = opts.get("replacement")
    safe = opts.get("fix", "safe") == "safe"
    fix = replacement if opts.get("fix", "safe") != "none" else None
    parts = list(iter_parts(doc, opts.get("scope", "all")))
    found = _part_hits([part.text for part in parts], opts["prefilter"], _patterns_json(rule), opts.get("report"))
    for part, hits in zip(parts, found):
        for start, end, match, context in hits:
            yield rule.finding(doc, part.offset + start, part.offset + end, replacement=fix, safe=safe,
                               values={"match": match, "replacement": replacement or "", "context": context})


@per_text_batch
def _part_hits(texts: list[str], prefilter: str, patterns_json: str,
               report: int | None) -> list[list[tuple[int, int, str, str]]]:
    """For each text, where the patterns match in it: (start, end, the match, its context), in order. The texts
    are segmented in one batch (only the clauses the prefilter finds)."""
    hit_at = re.compile(prefilter)
    clauses: list[tuple[int, int, str]] = []  # (which text, offset in it, clause text)
    for i, text in enumerate(texts):
        seen: set[tuple[int, int]] = set()
        for hit in hit_at.finditer(text):
            cs, ce = clause_around(text, hit.start(), hit.end())
            if (cs, ce) not in seen:
                seen.add((cs, ce))
                clauses.append((i, cs, text[cs:ce]))
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
    if not clauses:
        return out
    seg = segmenter()
    words_list = seg.segment_many([text for _, _, text in clauses])
    matches = _cached_matches(seg, patterns_json, words_list)
    for (i, offset, text), words, spans in zip(clauses, words_list, matches):
        starts = [0]
        for w in words:
            starts.append(starts[-1] + len(w))
        if starts[-1] != len(text):
            continue  # the segmenter changed the text (it never should); do not guess positions
        ends = [starts[k] + len(w.rstrip()) for k, w in enumerate(words)]
        # Two patterns may match around one token (的 before a preposition and before a verb): report it once.
        reported = sorted({(s + report, s + report + 1) if report is not None else (s, e) for s, e in spans})
        for s, e in reported:
            context = text[starts[max(0, s - 2)] : ends[min(len(words), e + 2) - 1]]
            out[i].append((offset + starts[s], offset + ends[e - 1], text[starts[s] : ends[e - 1]], context))
    return out


def _cached_matches(seg, patterns_json: str, words_list: list[tuple[str, ...]]) -> list[list[tuple[int, int]]]:
    """Each clause's matches; those of spaCy's Matcher are kept in the segmentation cache (token_matcher's cost
    less to compute than to look up)."""
    if _steps(patterns_json) is not None:
        return [match_tokens(patterns_json, words) if words else [] for words in words_list]
    salt = hashlib.sha256(patterns_json.encode()).hexdigest()[:16]
    keys = [hashlib.sha256(f"match-end|{salt}|{chr(31).join(words)}".encode()).hexdigest() for words in words_list]
    cached = seg.cache.get_many(sorted(set(keys))) if seg.cache else {}
    out: list[list[tuple[int, int]]] = []
    fresh: dict[str, list[str]] = {}
    for key, words in zip(keys, words_list):
        if key in cached:
            spans = [tuple(map(int, item.split(","))) for item in cached[key] if item]
        else:
            spans = match_tokens(patterns_json, words) if words else []
            fresh[key] = [f"{s},{e}" for s, e in spans] or [""]
        out.append(spans)
    if fresh and seg.cache:
        seg.cache.put_many(fresh)
    return out


KINDS = {"token-pattern": check_token_pattern}
