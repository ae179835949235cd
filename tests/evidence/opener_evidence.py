"""Which words open preambular and operative paragraphs in real UN texts: counted evidence.

Reads the UN Parallel Corpus development set (../shared/corpus/unpc-dev/UNv1.0.devset.tagged.tsv,
4,000 aligned zh/en lines from 2015 documents), keeps the lines that are resolution or decision
paragraphs, decides from the ENGLISH which part each line belongs to, and extracts the opener on
both sides:

- preambular: no paragraph number, a participle or adjective opener ("Recalling", "Noting with
  concern", "Deeply concerned", "Having considered", "Acting under Chapter VII ..."), the line
  ends with ",";
- operative: an optional number "1.", then a third-person verb ("Requests", "Also requests",
  "Decides", "Expresses grave concern"), the line ends with ";", "." or ":" (a paragraph that
  introduces sub-items).

Lines of kind `resolution` and `L-document(draft)` are candidates; lines of other kinds (reports
and letters that carry draft resolutions or decisions: S/2015/…, A/69/6xx, UNEP/…, DP/…) count
only when the English is plainly a resolution paragraph by the rules above AND the Chinese ends
with the mark of that part (，for preambular; ；。：for operative). A line whose Chinese carries a
paragraph number while its English is preambular is left out (numbered lists in letters).

The Chinese opener is the leading verb phrase after a paragraph number (`1.`, `12.`), an optional
lead (在这方面), and an optional prefix (又, 还, 并, 再次, 特别, 因此, 就此, 大力), matched longest
first against BASES below (the verb phrases of rules/data/verbs.zh.yaml plus those found here).
Everything is deterministic: same corpus, same output.

Run:  python tests/evidence/opener_evidence.py [--en] [--unmatched] [--json] [PATH]
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(
    os.environ.get("RESOLINT_UNPC_DEV", REPO.parent / "shared" / "corpus" / "unpc-dev" / "UNv1.0.devset.tagged.tsv")
)
RESOLUTION_KINDS = ("resolution", "L-document(draft)")
PARTS = ("preambular", "operative")

# --- Chinese -------------------------------------------------------------------------------

# Verb phrases that open paragraphs (without sequence prefix). Longest match wins, so 表示严重关切
# beats 表示关切 and 关切, 强调指出 beats 强调; 特别指出 is a verb of its own (Underscores).
BASES = sorted(
    {
        # recall, reaffirm, note
        "回顾", "重申", "重申关切", "重申严重关切", "重申呼吁", "重申决心", "注意到", "表示注意到",
        "赞赏地注意到", "表示赞赏地注意到", "关切地注意到", "严重关切地注意到", "极为关切地注意到",
        "深为关切地注意到", "表示深为关切地注意到", "震惊地注意到", "感兴趣地注意到", "满意地注意到",
        "表示满意地注意到", "遗憾地注意到",
        # concern
        "关切", "深为关切", "深为关切的是", "深为关切地认识到", "严重关切", "十分关注", "表示关切",
        "表示严重关切", "表示深为关切", "表示最严重关切", "表示严重忧虑和关切", "感到震惊的是",
        # recognize, stress
        "确认", "认识到", "承认", "认可", "肯定", "强调", "强调指出", "着重指出", "特别指出", "重点指出",
        "指出", "申明", "铭记", "考虑到", "意识到", "深信", "审议了", "遵循", "认定", "断定", "决心",
        "表示渴望", "提及", "念及",
        # welcome, praise, deplore
        "欢迎", "欣见", "赞扬", "称赞", "赞赏", "表示感谢", "表示赞赏", "表示满意", "期待", "谴责",
        "强烈谴责", "最强烈地谴责", "痛惜", "表示震惊", "反对", "表示遗憾", "表示支持", "支持",
        # act
        "鼓励", "强烈鼓励", "促请", "吁请", "呼吁", "敦促", "强烈敦促", "坚决主张", "请", "邀请", "决定",
        "建议", "认为", "提请注意", "核可", "核准", "赞同", "接受", "通过", "宣布", "要求", "授权",
        "表示打算", "指示",
        # Security Council
        "根据《联合国宪章》第七章采取行动",
    },
    key=lambda s: (-len(s), s),
)
SEQUENCE_PREFIXES = ("又", "还", "并")  # CONVENTIONS.md §3
ADVERB_PREFIXES = ("再次", "特别", "因此", "就此", "大力", "同样")  # outside the sequence
# A sequence prefix may precede an adverbial one (还再次要求, S/RES/2205 (2015)).
PREFIXES = tuple(s + a for s in ("",) + SEQUENCE_PREFIXES for a in ("",) + ADVERB_PREFIXES if s + a)
LEADS = ("在这方面", "但是")
_NUMBER = re.compile(r"^\s*\d+\s*[.．]\s*")


@dataclass(frozen=True)
class ZhOpener:
    opener: str  # prefix + base, e.g. 又回顾
    base: str
    prefix: str  # "none" or one of PREFIXES
    lead: str  # "" or 在这方面
    numbered: bool


def zh_opener(zh: str) -> ZhOpener | None:
    """The opener of a Chinese paragraph, or None when it opens with no known verb phrase."""
    text = zh.strip().replace("\u3000", " ")
    number = _NUMBER.match(text)
    if number:
        text = text[number.end():]
    lead = ""
    for candidate in LEADS:
        if text.startswith(candidate):
            lead, text = candidate, text[len(candidate):].lstrip("，, ")
    best: tuple[int, int, str, str] | None = None  # (length, no-prefix bonus, prefix, base)
    for prefix in ("",) + PREFIXES:
        if not text.startswith(prefix):
            continue
        rest = text[len(prefix):]
        base = next((b for b in BASES if rest.startswith(b)), None)
        if base is None:
            continue
        key = (len(prefix) + len(base), 0 if prefix else 1, prefix, base)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    _, _, prefix, base = best
    return ZhOpener(prefix + base, base, prefix or "none", lead, bool(number))


# --- English -------------------------------------------------------------------------------

# Capitalised -ing words that are not participles opening a preamble.
_NOT_PARTICIPLES = {
    "During", "Following", "Notwithstanding", "Regarding", "Concerning", "Including", "Excluding",
    "Pending", "According", "Nothing", "Something", "Everything", "Anything", "Morning", "Evening",
    "Meeting", "Training", "Funding", "Housing", "Spring", "Thing", "King",
}
# Adjectives and past participles that open preambles ("Deeply concerned", "Convinced", "Guided by").
_ADJECTIVES = {
    "Concerned", "Convinced", "Mindful", "Aware", "Conscious", "Alarmed", "Determined", "Desirous",
    "Cognizant", "Encouraged", "Guided", "Gratified", "Pleased", "Satisfied", "Disturbed", "Appalled",
    "Shocked", "Dismayed", "Outraged", "Saddened", "Committed", "Resolved", "Persuaded", "Confident",
    "Inspired", "Troubled", "Distressed",
}
# Sequence and manner adverbs before the verb ("Also requests", "Strongly urges", "Deeply concerned").
_SEQUENCE_ADVERBS = ("Also", "Further", "Once again", "Again", "Equally", "Particularly", "Especially")
_MANNER_ADVERBS = ("Deeply", "Gravely", "Seriously", "Profoundly", "Greatly", "Fully", "Strongly", "Firmly")
# Third-person verbs that open operative paragraphs.
OP_VERBS = frozenset((
    "Requests", "Decides", "Calls", "Urges", "Encourages", "Invites", "Welcomes", "Notes", "Takes",
    "Reaffirms", "Recalls", "Stresses", "Emphasizes", "Emphasises", "Underscores", "Underlines",
    "Expresses", "Recognizes", "Recognises", "Acknowledges", "Condemns", "Demands", "Endorses",
    "Approves", "Adopts", "Authorizes", "Insists", "Reiterates", "Commends", "Highlights", "Affirms",
    "Recommends", "Deplores", "Appeals", "Supports", "Looks", "Agrees", "Considers", "Declares",
    "Proclaims", "Regrets", "Confirms", "Reminds", "Rejects", "Denounces", "Appreciates", "Directs",
    "Instructs", "Designates", "Elects", "Appoints", "Extends", "Renews", "Resolves", "Determines",
    "Draws", "Accepts", "Applauds", "Salutes", "Pays", "Thanks", "Concurs", "Deems",
))
_FEELING = (r"(?:(?:its |their )?(?:(?:grave|deep|serious|great|strong|profound|continued|utmost|full|sincere)\s+)?"
            r"(?:concern|alarm|appreciation|satisfaction|support|regret|gratitude|thanks|outrage|solidarity)"
            r"(?: and (?:concern|alarm|appreciation|support))?)")
_WITH = r"(?:with (?:deep |grave |great |serious |particular )?(?:appreciation|concern|satisfaction|interest|alarm|regret))"
# Words that belong to the opener, by verb stem: the English opener stops before the object.
_COMPLEMENTS = (
    ("Tak", r"(?:note(?: also| further)?(?: of)?(?= )(?: " + _WITH + r")?|into account|into consideration)"),
    ("Not", _WITH),
    ("Express", _FEELING),
    ("Reaffirm", r"(?:its (?:concern|grave concern|deep concern|call|condemnation|support|full support|appreciation))"),
    ("Reiterat", r"(?:its (?:call|concern|grave concern|deep concern|condemnation|support|appreciation))"),
    ("Underscor", r"(?:concern)"),
    ("Call", r"(?:upon|on|for)"),
    ("Condemn", r"(?:in the strongest (?:possible )?terms)"),
    ("Bear", r"(?:in mind)"),
    ("Keep", r"(?:in mind)"),
    ("Look", r"(?:forward to)"),
    ("Draw", r"(?:(?:the )?attention(?: of)?)"),
    ("Act", r"(?:under Chapter VII of the Charter of the United Nations)"),
    ("Refer", r"(?:to)"),
)
_POST_ADVERB = re.compile(r",? (also|further|again|in particular|once again)(?=[ ,])")


@dataclass(frozen=True)
class EnOpener:
    part: str
    opener: str  # "Also requests", "Noting with concern", "Acting under Chapter VII of the Charter of the United Nations"
    base: str  # without also/further: "Requests", "Noting with concern"
    position: str  # base, also, further (the 又/还 sequence of CONVENTIONS.md §3)
    numbered: bool


def _complement(verb: str, rest: str) -> str:
    for stem, pattern in _COMPLEMENTS:
        if verb.capitalize().startswith(stem):
            m = re.match(r" (" + pattern + r")\b", rest)
            if m:
                return m.group(1)
    return ""


def _assemble(part: str, words: list[str], numbered: bool) -> EnOpener:
    words = [w for w in words if w]
    opener = " ".join(words)
    opener = opener[0].upper() + opener[1:]
    low = opener.lower().split()
    position = "further" if "further" in low else "also" if "also" in low else "base"
    kept = " ".join(w for w in opener.split() if w.lower() not in ("also", "further"))
    return EnOpener(part, opener, kept[0].upper() + kept[1:], position, numbered)


def _verb_phrase(verb: str, rest: str) -> tuple[str, str]:
    """(post-verb adverb, complement) after `verb`, e.g. ("also", "") or ("", "with concern")."""
    post = _POST_ADVERB.match(rest)
    if post:
        return post.group(1), _complement(verb, rest[post.end():])
    return "", _complement(verb, rest)


_ADVERBS = r"((?:(?:" + "|".join(_SEQUENCE_ADVERBS) + r") )?(?:(?:" + "|".join(_MANNER_ADVERBS) + r") )?)"
_OPERATIVE = re.compile(r"^" + _ADVERBS + r"([A-Za-z][a-z]+s)\b(?!:)(.*)$")
_PREAMBULAR = re.compile(r"^" + _ADVERBS + r"([A-Za-z][a-z]+)\b(.*)$")


def en_opener(en: str) -> EnOpener | None:
    """The part and opener of an English resolution paragraph, or None when it is not one."""
    text = en.strip()
    if not text:
        return None
    number = re.match(r"^\d+\.\s+", text)
    body = text[number.end():] if number else text
    m = (_OPERATIVE if text[-1] in ";.:" else _PREAMBULAR).match(body) if text[-1] in ";.:," else None
    if m is None:
        return None
    adverbs, word, rest = m.group(1).strip(), m.group(2), m.group(3)
    if word[0].isupper() == bool(adverbs):  # "Also requests", "Requests": the first word is capitalised
        return None
    head = word.capitalize()
    if text[-1] in ";.:":  # operative: [N.] [Also|Further|Strongly …] Verb-s …
        if head not in OP_VERBS:
            return None
        post, complement = _verb_phrase(head, rest)
        return _assemble("operative", [adverbs, word, post, complement], bool(number))
    if number:  # a numbered line ending in "," is a list item, not a preamble
        return None
    if head == "Having":  # Having considered, Having examined
        nxt = re.match(r" ([a-z]+)", rest)
        return _assemble("preambular", [adverbs, word, nxt.group(1)], False) if nxt else None
    if not ((head.endswith("ing") and head not in _NOT_PARTICIPLES) or head in _ADJECTIVES):
        return None
    post, complement = _verb_phrase(head, rest)
    return _assemble("preambular", [adverbs, word, post, complement], False)


# --- the corpus ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    line: int
    symbol: str
    organ: str
    kind: str
    zh: str
    en: str


@dataclass(frozen=True)
class Sighting:
    line: int
    symbol: str
    organ: str
    kind: str
    part: str
    zh: str  # the Chinese opener (prefix + base)
    base: str
    prefix: str
    lead: str
    en: str  # the English opener
    en_base: str
    position: str


def read_rows(path: Path = CORPUS) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Row(int(r["line"]), r["symbol"], r["organ"], r["kind"], r["zh"], r["en"]) for r in reader]


_PART_MARKS = {"preambular": "，,", "operative": "；。：;.:"}


def classify(rows: list[Row]) -> tuple[list[Sighting], list[tuple[Row, EnOpener, str]]]:
    """Sightings of openers, and the resolution-paragraph lines left out (with the reason)."""
    sightings: list[Sighting] = []
    left_out: list[tuple[Row, EnOpener, str]] = []
    for row in rows:
        en = en_opener(row.en)
        if en is None:
            continue
        in_resolution = row.kind in RESOLUTION_KINDS
        zh_end = row.zh.strip()[-1:]
        if not in_resolution and zh_end not in _PART_MARKS[en.part]:
            continue  # not plainly a resolution paragraph
        zh = zh_opener(row.zh)
        if zh is None:
            left_out.append((row, en, "no Chinese opener"))
            continue
        if zh.numbered and en.part == "preambular":
            left_out.append((row, en, "numbered Chinese, preambular English"))
            continue
        sightings.append(Sighting(row.line, row.symbol, row.organ, row.kind, en.part, zh.opener, zh.base,
                                  zh.prefix, zh.lead, en.opener, en.base, en.position))
    return sightings, left_out


def tally(sightings: list[Sighting], key: str = "zh") -> dict[str, dict]:
    """opener -> {part: {count, lines, organs, symbols}} in a stable order."""
    table: dict[str, dict] = defaultdict(lambda: {p: {"count": 0, "lines": [], "organs": [], "symbols": []} for p in PARTS})
    for s in sorted(sightings, key=lambda s: s.line):
        cell = table[getattr(s, key)][s.part]
        cell["count"] += 1
        cell["lines"].append(s.line)
        if s.organ not in cell["organs"]:
            cell["organs"].append(s.organ)
        if s.symbol not in cell["symbols"]:
            cell["symbols"].append(s.symbol)
    return {k: table[k] for k in sorted(table)}


def evidence(path: Path = CORPUS) -> dict:
    """Everything the lexicon tests compare against: zh and en tallies, and the summary counts."""
    sightings, left_out = classify(read_rows(path))
    return {
        "zh": tally(sightings, "zh"),
        "zh_base": tally(sightings, "base"),
        "en": tally(sightings, "en"),
        "sightings": sightings,
        "left_out": left_out,
        "summary": {p: sum(1 for s in sightings if s.part == p) for p in PARTS},
    }


def _print_table(table: dict[str, dict], title: str, out) -> None:
    print(f"# {title}", file=out)
    print("opener\tpart\tcount\torgans\tlines", file=out)
    for opener, cells in table.items():
        for part in PARTS:
            cell = cells[part]
            if cell["count"]:
                print(f"{opener}\t{part}\t{cell['count']}\t{','.join(cell['organs'])}\t{','.join(map(str, cell['lines']))}", file=out)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else CORPUS
    ev = evidence(path)
    out = sys.stdout
    if "--json" in argv:
        data = {k: v for k, v in ev.items() if k not in ("sightings", "left_out")}
        data["sightings"] = [asdict(s) for s in ev["sightings"]]
        json.dump(data, out, ensure_ascii=False, indent=1, sort_keys=True)
        print(file=out)
        return 0
    _print_table(ev["zh"], "Chinese openers (prefix + base) by part, from the English side", out)
    if "--en" in argv:
        print(file=out)
        _print_table(ev["en"], "English openers by part", out)
    if "--sightings" in argv:
        print(file=out)
        print("# sightings\nline\torgan\tkind\tpart\tzh\tprefix\tlead\ten\tposition", file=out)
        for s in ev["sightings"]:
            print(f"{s.line}\t{s.organ}\t{s.kind}\t{s.part}\t{s.zh}\t{s.prefix}\t{s.lead}\t{s.en}\t{s.position}", file=out)
    if "--unmatched" in argv or ev["left_out"]:
        print(file=out)
        print("# left out (English is a resolution paragraph, Chinese is not usable)", file=out)
        for row, en, why in ev["left_out"]:
            print(f"{row.line}\t{row.organ}\t{en.part}\t{en.opener}\t{why}\t{row.zh[:30]}", file=out)
    s = ev["summary"]
    print(f"\n# lines classified: preambular {s['preambular']}, operative {s['operative']}, "
          f"total {s['preambular'] + s['operative']}; Chinese openers {len(ev['zh'])}, "
          f"English openers {len(ev['en'])}; left out {len(ev['left_out'])}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
