"""What a batch produces: one outcome per draft (its findings or why it could not be checked) and the run as a whole."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from linter.findings import SEVERITIES, Finding, severity_rank


@dataclass(frozen=True)
class FileOutcome:
    """One draft: its text and findings, or `error` (the reason it could not be checked)."""

    path: str
    text: str = ""
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    format: str = ""
    reused: bool = False  # taken from the result cache
    seconds: float = 0.0  # time spent checking it (0 when reused)
    worker: str = ""  # which process checked it
    segmenter_loads: int = 0  # model loads in that process so far (one per worker at most)
    peak_rss_kb: int = 0  # that process's peak resident memory so far

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def worst(self) -> str | None:
        """The most severe finding's severity, or None for a clean draft."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=severity_rank)

    def severity_counts(self) -> dict[str, int]:
        counts = Counter(f.severity for f in self.findings)
        return {s: counts.get(s, 0) for s in reversed(SEVERITIES)}


@dataclass(frozen=True)
class BatchResult:
    """The drafts that were checked, in the order given, and whether the run stopped early."""

    outcomes: tuple[FileOutcome, ...]
    total: int  # drafts asked for
    not_checked: tuple[str, ...] = ()  # drafts left when the run stopped early
    stop_reason: str = ""  # why it stopped early ("interrupted (Ctrl-C)", a model error), empty when complete
    seconds: float = 0.0
    jobs: int = 1
    backend: str = "local"
    workers: dict = field(default_factory=dict)  # worker → {"files", "segmenter_loads", "peak_rss_kb"}

    @property
    def partial(self) -> bool:
        return bool(self.not_checked) or bool(self.stop_reason)

    @property
    def checked(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def reused(self) -> int:
        return sum(o.reused for o in self.outcomes)

    def findings(self):
        for outcome in self.checked:
            yield from outcome.findings


@dataclass(frozen=True)
class Summary:
    """The counts every report shows: files, findings by severity, category and rule."""

    files: int
    checked: int
    failed: int
    with_findings: int
    findings: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_rule: dict[str, int]  # most frequent first, then by id
    rule_severity: dict[str, str]  # the severity a rule's findings carry (the worst, if re-graded per finding)


def summarize(result: BatchResult) -> Summary:
    severities: Counter = Counter()
    categories: Counter = Counter()
    rules: Counter = Counter()
    rule_severity: dict[str, str] = {}
    for f in result.findings():
        severities[f.severity] += 1
        categories[f.category] += 1
        rules[f.rule] += 1
        if f.rule not in rule_severity or severity_rank(f.severity) > severity_rank(rule_severity[f.rule]):
            rule_severity[f.rule] = f.severity
    return Summary(
        files=len(result.outcomes),
        checked=len(result.checked),
        failed=len(result.failed),
        with_findings=sum(1 for o in result.checked if o.findings),
        findings=sum(severities.values()),
        by_severity={s: severities.get(s, 0) for s in reversed(SEVERITIES)},
        by_category=dict(sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        by_rule=dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))),
        rule_severity=rule_severity,
    )
