"""The opening-verb lexicon (rules/data/verbs.zh.yaml): loaded once, validated, looked up by form, prefix and lead."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from linter.datafile import read_validated
from rules import DATA_DIR, SCHEMA_DIR

VERBS_FILE = DATA_DIR / "verbs.zh.yaml"
EN_VERBS_FILE = DATA_DIR / "verbs.en.yaml"
SEQUENCE_PREFIXES = ("又", "还", "并")  # CONVENTIONS.md §3
ADVERB_PREFIXES = ("再次", "特别", "因此", "就此", "大力", "同样")  # outside the sequence
# A sequence prefix may precede an adverbial one (还再次要求, S/RES/2205 (2015)); any prefix combines with any opener.
PREFIXES = tuple(s + a for s in ("",) + SEQUENCE_PREFIXES for a in ("",) + ADVERB_PREFIXES if s + a)
# Introductory words that may stand before the opener, with or without "，": 在这方面 (C:development_1047),
# 但是 (unpc-dev 1529 但是承认，"Acknowledging nevertheless"), 为此, 此外.
LEADS = ("在这方面", "但是", "为此", "此外")
_LEAD = re.compile("^(?:" + "|".join(LEADS) + r")[，,]?\s*")
# A verb split around its object: 提请缔约国注意 is 提请注意 (S:cop op 17).
_SPLIT = re.compile(r"^(提请)[^，。；]{1,16}?(注意)")
_SPLIT_BASE = "提请注意"


@dataclass(frozen=True)
class Verb:
    zh: str
    base: str
    prefix: str  # "none", or one of PREFIXES
    part: str  # preambular, operative, both: by evidence (a rule may report on it)
    en: str
    usual_part: str | None = None  # what usual practice (M) claims where it differs from part: warnings at most
    seen: dict[str, int] = field(default_factory=dict, compare=False, hash=False)  # unpc-dev lines by part
    organ: str | None = None  # the one organ whose texts use it (SC), or None
    listed: bool = True  # False for a prefix + base combination the lexicon does not list


@dataclass(frozen=True)
class OpenerMatch:
    """A lexicon opener at the start of a text: text[:lead] is a lead (在这方面，), text[lead:end] the opener."""

    verb: Verb
    lead: int
    end: int


def _verb(e: dict) -> Verb:
    return Verb(e["zh"], e["base"], e["prefix"], e["part"], e["en"], e.get("usual_part"), dict(e.get("seen", {})),
                e.get("organ"))


@functools.lru_cache(maxsize=1)
def verbs() -> dict[str, Verb]:
    """Every opener the lexicon lists, by its surface form."""
    data = read_validated(VERBS_FILE, SCHEMA_DIR / "verbs.schema.json", "the verb lexicon")
    return {e["zh"]: _verb(e) for e in data["verbs"]}


@functools.lru_cache(maxsize=1)
def _bases() -> tuple[tuple[str, ...], re.Pattern]:
    """Base forms (openers without a prefix), longest first, and a regex matching any of them at the start."""
    forms = sorted({v.base for v in verbs().values()}, key=lambda s: (-len(s), s))
    return tuple(forms), re.compile("|".join(map(re.escape, forms)))


@functools.lru_cache(maxsize=4096)
def form(zh: str) -> Verb | None:
    """The opener `zh` (prefix + base): the listed entry, or the base's entry under the prefix (还再次请 takes 请's part).

    Of the ways to split an unlisted form, the longest base wins: 又特别指出 is 又 + 特别指出 (Underscores)."""
    lexicon = verbs()
    if zh in lexicon:
        return lexicon[zh]
    for prefix in sorted(PREFIXES, key=len):  # the shortest prefix leaves the longest base: 又 + 特别指出
        base = zh[len(prefix):]
        if zh.startswith(prefix) and base in lexicon and lexicon[base].prefix == "none":
            b = lexicon[base]
            return Verb(zh, b.base, prefix, b.part, b.en, b.usual_part, b.seen, b.organ, listed=False)
    return None


# PREFIXES by their first character, in their order: a paragraph is compared with the few that may open it.
_PREFIXES_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _prefix in PREFIXES:
    _PREFIXES_BY_FIRST[_prefix[0]] = _PREFIXES_BY_FIRST.get(_prefix[0], ()) + (_prefix,)


def _prefixes_of(text: str) -> tuple[str, ...]:
    """"" and the PREFIXES `text` starts with, in that order (as ("",) + PREFIXES filtered by startswith)."""
    return ("",) + tuple(p for p in _PREFIXES_BY_FIRST.get(text[:1], ()) if text.startswith(p))


def match_opener(text: str) -> OpenerMatch | None:
    """The longest lexicon opener at the start of `text` (after a lead), prefixes included; None when there is none.

    Longest wins over the whole form: 重申决心 before 重申, 又特别指出 is 又 + 特别指出; at equal length the
    longer base wins (特别指出 Underscores, not 特别 + 指出).
    """
    lead_m = _LEAD.match(text)
    lead = lead_m.end() if lead_m else 0
    rest = text[lead:]
    _, base_re = _bases()
    best: tuple[int, int, str, str] | None = None  # (length of the form, length of the base, prefix, base)
    for prefix in _prefixes_of(rest):
        after = rest[len(prefix):]
        split = _SPLIT.match(after)
        if split and _SPLIT_BASE in verbs():
            candidates = [(split.end(), _SPLIT_BASE)]
        else:
            candidates = []
        m = base_re.match(after)
        if m:
            # The regex alternation is longest first, so its match is the longest base here.
            candidates.append((len(m.group()), m.group()))
        for length, base in candidates:
            key = (len(prefix) + length, len(base), prefix, base)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    length, _, prefix, base = best
    verb = form(prefix + base)
    if verb is None:
        return None
    return OpenerMatch(verb, lead, lead + length)


@dataclass(frozen=True)
class EnglishOpener:
    """An English opener of rules/data/verbs.en.yaml: "Also requests" = base "Requests", position also."""

    en: str
    base: str
    position: str  # base, also, further: its place in a 又/还 run
    part: str
    zh: dict[str, int] = field(default_factory=dict, compare=False, hash=False)  # Chinese openers of its lines


@functools.lru_cache(maxsize=1)
def english_openers() -> dict[str, EnglishOpener]:
    """Every English opener by its form: how an English original is read (english_shapes) and compared (parity)."""
    data = read_validated(EN_VERBS_FILE, SCHEMA_DIR / "verbs_en.schema.json", "the English verb lexicon")
    return {e["en"]: EnglishOpener(e["en"], e["base"], e["position"], e["part"], dict(e.get("zh", {})))
            for e in data["openers"]}


def user_dictionary() -> list[str]:
    """Words the segmenter must keep whole: every opener, with and without its prefix."""
    return sorted(verbs())


def starts_with_opener(text: str) -> bool:
    """Whether `text` begins with a known opening verb (prefixes such as 又/还/再次 and leads such as 在这方面 included)."""
    return match_opener(text) is not None


def _one_edit(head: str, form: str) -> bool:
    """Whether `head` is `form` with one character replaced, two neighbours swapped, one left out or one put in
    (not at the end: `form` + anything is `form` itself, which match_opener finds)."""
    if len(head) == len(form):
        diff = [i for i in range(len(form)) if head[i] != form[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and head[diff[0]] == form[diff[1]] and head[diff[1]] == form[diff[0]])
    if len(head) == len(form) - 1:
        return any(form[:i] + form[i + 1:] == head for i in range(len(form)))
    if len(head) == len(form) + 1:
        return any(head[:i] + head[i + 1:] == form for i in range(len(head) - 1))
    return False


def near_misses(text: str) -> list[tuple[str, str, str]]:
    """(head, word, opener): ways `text` may begin with a misspelt opener of two or more characters; head is what
    stands for the opener (prefix included), word the misspelt verb without its prefix: 又回故其宣言 gives
    (又回故, 回故, 又回顾). Longest opener first."""
    found: list[tuple[str, str, str]] = []
    forms, _ = _bases()
    longest = len(forms[0]) if forms else 0
    for prefix in _prefixes_of(text):
        rest = text[len(prefix):]
        # The text's openings of each length that are all Chinese characters: the same few for every form.
        heads: dict[int, str] = {}
        size = 0
        while size < min(len(rest), longest + 1) and "\u4e00" <= rest[size] <= "\u9fff":
            size += 1
            if size >= 2:
                heads[size] = rest[:size]
        for base in forms:
            if len(base) < 2:
                continue
            for size in (len(base), len(base) - 1, len(base) + 1):
                head = heads.get(size)
                # One edit keeps the first character, or the last, or moves the first by one place: a cheap
                # test that spares _one_edit most of the lexicon.
                if head is not None and (head[0] == base[0] or head[-1] == base[-1] or head[0] == base[1]
                                         or head[1] == base[0]) and _one_edit(head, base):
                    found.append((prefix + head, head, prefix + base))
    return found


def nearest(word: str, limit: int = 3) -> list[str]:
    """Known openers closest to `word` (shared characters, then length difference)."""
    def score(form: str) -> tuple:
        common = sum(min(word.count(ch), form.count(ch)) for ch in set(form))
        return (-common, abs(len(form) - len(word)), form)

    candidates = [form for form in verbs() if any(ch in form for ch in word)]
    return sorted(candidates, key=score)[:limit]
