"""Real published paragraphs raise no false alarms, and the defects put into them are caught.

The paragraphs are the unpc-dev lines whose English says they are preambular or operative
(tests/evidence/real_paragraphs.py); the rules are those that judge one paragraph at a time
(tests/evidence/real_text_rules.py). Every finding they give is listed, with a verdict, in
tests/evidence/unpc_adjudicated.yaml: `defect` (the published text is wrong, and why) or
`false-alarm`. A finding that is not listed, or a listed one that no longer comes, fails the test,
so every change to what resolint says about real text is looked at.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent / "evidence"))

from conftest import rules_for  # noqa: E402
from opener_evidence import CORPUS  # noqa: E402

from linter.lint import lint  # noqa: E402
from linter.read.sources import Source  # noqa: E402

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"the unpc-dev corpus is not beside the project ({CORPUS})")

ADJUDICATED = Path(__file__).parent / "evidence" / "unpc_adjudicated.yaml"
MAX_FALSE_ALARMS_PER_10K = 0.5


def _drafts():
    from real_paragraphs import drafts

    return drafts()


def _findings(draft, rules):
    from real_text_rules import judged

    result = lint(Source(f"{draft.symbol}.txt", draft.text, "text", "utf-8"), rules)
    return list(judged(draft, result.findings))


def _judged_rules():
    from real_text_rules import JUDGED

    return rules_for(JUDGED)


def _key(draft, finding) -> tuple:
    p = draft.paragraph_at(finding.start)
    return (p.row.line if p else 0, finding.rule, draft.text[finding.start:finding.end])


@pytest.fixture(scope="module")
def real():
    rules = _judged_rules()
    drafts = _drafts()
    return rules, drafts, [(d, f) for d in drafts for f in _findings(d, rules)]


def test_every_finding_on_real_paragraphs_is_adjudicated(real):
    _, _, found = real
    listed = {(e["line"], e["rule"], e["text"]): e for e in yaml.safe_load(ADJUDICATED.read_text(encoding="utf-8"))["findings"]}
    got = Counter(_key(d, f) for d, f in found)
    unlisted = [f"{k} {f.message}" for d, f in found if (k := _key(d, f)) not in listed]
    stale = [k for k in listed if k not in got]
    assert unlisted == [], "findings on real text without a verdict in unpc_adjudicated.yaml"
    assert stale == [], "verdicts for findings that no longer come: remove them"
    for entry in listed.values():
        assert entry["verdict"] in ("defect", "false-alarm") and entry.get("why"), entry


def test_false_alarms_on_real_paragraphs_stay_rare(real):
    _, drafts, found = real
    listed = {(e["line"], e["rule"], e["text"]): e["verdict"] for e in yaml.safe_load(ADJUDICATED.read_text(encoding="utf-8"))["findings"]}
    chars = sum(p.end - p.start for d in drafts for p in d.paragraphs)
    false_alarms = sum(1 for d, f in found if listed.get(_key(d, f)) != "defect")
    assert chars > 15000  # the corpus is really there
    assert false_alarms / chars * 10000 <= MAX_FALSE_ALARMS_PER_10K, (false_alarms, chars)


# --- recall: one defect put into each paragraph at a time ---------------------------------------

def _injections(paragraph_text: str, part: str):
    """(name, altered paragraph, rule that must catch it) for defects that fit this paragraph."""
    text = paragraph_text.strip()
    if part == "preambular" and text.endswith("，"):
        yield "preambular ends with ；", text[:-1] + "；", "RV111"
    inner = text.find("，")
    if 0 < inner < len(text) - 1:
        yield "half-width comma", text[:inner] + "," + text[inner + 1:], "RP501"
    for good in ("关切地注意到", "赞赏地注意到", "满意地注意到", "严重关切地注意到"):
        if text.lstrip("0123456789. ").startswith(good):
            yield "的 for 地", text.replace(good, good.replace("地", "的"), 1), "RV131"
            break
    if "、" in text and "和" not in text[text.find("、"):text.find("、") + 12]:
        k = text.find("、")
        yield "、和 before the last item", text[:k] + "、和" + text[k + 1:], "RP513"


# A run of preambular lines is all a sample may have of its resolution; a whole draft goes on to
# numbered operative paragraphs, and only then is a preamble's final mark its own.
_OPERATIVE_PART = "1. 决定继续审议这个问题。\n"


def test_defects_put_into_real_paragraphs_are_caught(real):
    rules, drafts, _ = real
    missed, tried = [], 0
    for draft in drafts:
        numbered = any(p.row.zh.lstrip()[:1].isdigit() for p in draft.paragraphs)
        tail = "" if numbered else _OPERATIVE_PART
        for p in draft.paragraphs:
            for name, altered, rule in _injections(draft.text[p.start:p.end], p.part):
                text = draft.text[:p.start] + altered + draft.text[p.end:] + tail
                start, end = p.start, p.start + len(altered)
                result = lint(Source(f"{draft.symbol}.txt", text, "text", "utf-8"), rules)
                tried += 1
                if not any(f.rule == rule and start <= f.start <= end for f in result.findings):
                    missed.append((p.row.line, name, rule))
    assert tried > 200
    assert missed == [], f"{len(missed)} of {tried} injected defects not caught: {missed}"
