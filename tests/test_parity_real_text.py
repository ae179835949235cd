"""Number parity on real aligned pairs (unpc-dev): few false alarms on unaltered lines, numbers changed in the
Chinese caught. The lines are those of resolutions and L documents (drafts); tests/evidence/parity_evidence.py
prints every gap, the rate and the recall."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent / "evidence"))

from opener_evidence import CORPUS  # noqa: E402

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"the unpc-dev corpus is not beside the project ({CORPUS})")

ADJUDICATED = Path(__file__).parent / "evidence" / "parity_adjudicated.yaml"
MAX_FALSE_ALARMS_PER_10K = 0.5
MIN_RECALL = 0.95


@pytest.fixture(scope="module")
def rows():
    from parity_evidence import pairs

    return pairs()


def _verdicts(key: str = "gaps") -> dict:
    entries = yaml.safe_load(ADJUDICATED.read_text(encoding="utf-8"))[key] or []
    if key == "gaps":
        return {(e["line"], e["text"]): e for e in entries}
    return {(e["line"], e["rule"], e["text"]): e for e in entries}


def test_every_gap_on_unaltered_pairs_is_adjudicated(rows):
    from parity_evidence import gaps_of

    got = {(row.line, gap.fact.text) for row in rows for gap in gaps_of(row)}
    listed = _verdicts()
    assert sorted(got - set(listed)) == [], "gaps on real pairs without a verdict in parity_adjudicated.yaml"
    assert sorted(set(listed) - got) == [], "verdicts for gaps that no longer come: remove them"
    for entry in listed.values():
        assert entry["verdict"] in ("defect", "false-alarm") and entry.get("why"), entry


def test_false_alarms_stay_under_half_per_10000_characters(rows):
    from parity_evidence import gaps_of

    chars = sum(len(row.zh) for row in rows)
    listed = _verdicts()
    false_alarms = sum(1 for row in rows for gap in gaps_of(row)
                       if listed.get((row.line, gap.fact.text), {}).get("verdict") != "defect")
    assert chars > 15000
    assert false_alarms / chars * 10000 <= MAX_FALSE_ALARMS_PER_10K


def test_a_number_changed_in_the_chinese_is_caught(rows):
    from parity_evidence import recall

    caught, total, missed = recall(rows)
    assert total >= 100
    assert caught / total >= MIN_RECALL, [(m.row.line, m.before, m.after) for m in missed]


@pytest.fixture(scope="module")
def pipeline():
    from conftest import builtin_rules
    from parity_evidence import draft_pairs, pipeline_findings

    found = pipeline_findings(builtin_rules())
    chars = sum(p.end - p.start for draft, _ in draft_pairs() for p in draft.paragraphs)
    keys = []
    for draft, f in found:
        p = draft.paragraph_at(f.start)
        keys.append((p.row.line if p else 0, f.rule, draft.text[f.start:f.end]))
    return keys, chars


def test_every_parity_finding_on_real_drafts_is_adjudicated(pipeline):
    keys, _ = pipeline
    listed = _verdicts("findings")
    assert sorted(set(keys) - set(listed)) == [], "parity findings on real drafts without a verdict"
    assert sorted(set(listed) - set(keys)) == [], "verdicts for findings that no longer come: remove them"
    for entry in listed.values():
        assert entry["verdict"] in ("defect", "variance", "corpus-artifact", "false-alarm") and entry.get("why"), entry


def test_parity_false_alarms_on_real_drafts_stay_rare(pipeline):
    keys, chars = pipeline
    listed = _verdicts("findings")
    false_alarms = sum(1 for k in keys if listed.get(k, {}).get("verdict") == "false-alarm")
    assert chars > 15000
    assert false_alarms / chars * 10000 <= MAX_FALSE_ALARMS_PER_10K
