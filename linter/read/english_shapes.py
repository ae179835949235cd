"""The shapes of an English draft's lines and paragraph openers: organ line, header, footer, annexes, openers.

The English counterpart of line_shapes (and of the Chinese opener lookup in
paragraph_shapes): "The General Assembly," is the organ line, "Resolution
adopted by the General Assembly on 18 December 2013" a date line,
"70th plenary meeting" and "18 December 2013" the footer, "Recalling" opens a
preambular paragraph and "Also requests" an operative one.
"""

from __future__ import annotations

import functools
import re

from linter.registries.lexicon import EnglishOpener, english_openers

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH = "(?:" + "|".join(MONTHS) + ")"

# --- footer -------------------------------------------------------------------
FOOTER_DATE = re.compile(rf"^\d{{1,2}}\s+{_MONTH}\s+\d{{4}}$")  # 25 July 2013
MEETING = re.compile(r"^\d{1,5}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting$")  # 47th plenary meeting, 7439th meeting

# --- header -------------------------------------------------------------------
BASIS = re.compile(r"^\[(?:on|without|adopted|as orally)\b.*\]$", re.I)  # [on the report of the Third Committee (A/68/457)]
_ORDINAL_WORD = (r"(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|"
                 r"[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth)"
                 r"|(?:Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|Eighteenth|Nineteenth"
                 r"|Twentieth|Thirtieth|Fortieth|Fiftieth|Sixtieth|Seventieth|Eightieth|Ninetieth)")
SESSION = re.compile(rf"^(?:{_ORDINAL_WORD}|\d{{1,3}}(?:st|nd|rd|th))\s+(?:special\s+|regular\s+)?session$"
                     r"|^\d{4}\s+(?:organizational\s+|substantive\s+)?session$|^(?:Resumed|Substantive) session(?: of \d{4})?$")
SESSION_DATES = re.compile(rf"^\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\s*[-–]\s*\d{{1,2}}\s+{_MONTH}\s+\d{{4}}$")
DOCUMENT_SYMBOL = re.compile(r"^(?:A|E|S|CTOC|CAC|UNEP|HSP|FCCC)/[A-Za-z0-9./()-]+$")
COMMITTEE = re.compile(r"^(?:First|Second|Third|Fourth|Fifth|Sixth) Committee$")
AGENDA = re.compile(r"^Agenda items?\b")
NOTE = re.compile(r"^Note by the Secretariat$|^.*recommends? (?:to )?the General Assembly .*draft resolution.*:$")
# Resolution adopted by the General Assembly on 18 December 2013; Resolution 2013/38
DATE_LINE = re.compile(r"^(?:Resolution|Decision)s? adopted by the .+$")
SYMBOL_TITLE = re.compile(r"^(\d{1,4}/\d{1,3})\.\s*(.*)$")  # 68/193. Title
SYMBOL_HEADING = re.compile(r"^(?:Resolution|Decision)\s+(\d{1,4}/\d{1,3})$")  # Resolution 6/1
SPONSOR = re.compile(r"^.{2,}:\s+(?:revised\s+)?draft (?:resolution|decision)$|^(?:Revised )?[Dd]raft (?:resolution|decision) "
                     r"submitted by .+$")

HEADER_KINDS = (
    ("basis", BASIS),
    ("session", SESSION),
    ("session-dates", SESSION_DATES),
    ("document-symbol", DOCUMENT_SYMBOL),
    ("committee", COMMITTEE),
    ("agenda", AGENDA),
    ("note", NOTE),
    ("sponsor", SPONSOR),
)

# The adopting organ's line: The General Assembly, / The Conference of the Parties to the … Convention …,
_ORGAN_WORDS = r"(?:Assembly|Council|Commission|Conference|Committee|Board|Meeting|Parties|Forum|Congress)"
ORGAN_LINE = re.compile(rf"^\s*[“\"]?The\s+(?=[^,]*\b{_ORGAN_WORDS}\b)[A-Z][^,;:.]{{2,140}},\s*$")
EMBEDDED_ORGAN = re.compile(r"^\s*[“\"]?The\s+(?:General Assembly|Economic and Social Council|Security Council|"
                            r"Human Rights Council)\s*,\s*$")

# --- annexes ------------------------------------------------------------------
ANNEX_HEADING = re.compile(r"^Annex(?:\s+[IVXL]{1,6})?$")

# What starts a header line before the organ line is found (a long title wraps over lines that do not).
HEADER_START = re.compile(
    rf"^\s*(?:(?:Resolution|Decision)s? adopted by|\[(?:on|without)\b|\d{{1,4}}/\d{{1,3}}\.|(?:{_ORDINAL_WORD}) session"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth) Committee|Agenda item|Note by|(?:Resolution|Decision) \d)"
)


def is_standalone(line: str) -> bool:
    """A line that is a paragraph of its own whatever stands before it (footer, header and annex lines)."""
    line = line.strip()
    return bool(
        FOOTER_DATE.match(line) or MEETING.match(line) or BASIS.match(line) or SESSION.match(line)
        or COMMITTEE.match(line) or AGENDA.match(line) or _SYMBOL_TITLE_START.match(line)
        or ANNEX_HEADING.match(line) or EMBEDDED_ORGAN.match(line) or DATE_LINE.match(line)
    )


_SYMBOL_TITLE_START = re.compile(r"^\d{1,4}/\d{1,3}\.\s")

# --- openers --------------------------------------------------------------------
# Capitalised -ing words that open no preamble, and adjectives that do (tests/evidence/opener_evidence.py).
_NOT_PARTICIPLES = frozenset({
    "During", "Following", "Notwithstanding", "Regarding", "Concerning", "Including", "Excluding", "Pending",
    "According", "Nothing", "Something", "Everything", "Anything", "Morning", "Evening", "Meeting", "Training",
    "Funding", "Housing", "Spring", "Thing", "King",
})
_ADJECTIVES = frozenset({
    "Concerned", "Convinced", "Mindful", "Aware", "Conscious", "Alarmed", "Determined", "Desirous", "Cognizant",
    "Encouraged", "Guided", "Gratified", "Pleased", "Satisfied", "Disturbed", "Appalled", "Shocked", "Dismayed",
    "Outraged", "Saddened", "Committed", "Resolved", "Persuaded", "Confident", "Inspired", "Troubled", "Distressed",
})
_LEADS = re.compile(r"^(?:(?:Also|Further|Once again|Again|Equally|Particularly|Especially|In this regard|In that regard)"
                    r",?\s+)?(?:(?:Deeply|Gravely|Seriously|Profoundly|Greatly|Fully|Strongly|Firmly)\s+)?")
_WORD = re.compile(r"[A-Za-z]+")


@functools.lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, EnglishOpener], ...]:
    """Lexicon forms, longest first."""
    return tuple(sorted(english_openers().items(), key=lambda kv: (-len(kv[0]), kv[0])))


def lexicon_opener(text: str) -> tuple[EnglishOpener, int] | None:
    """The longest lexicon opener `text` starts with (a whole-word match), and where it ends."""
    for form, opener in _forms():
        if text.startswith(form) and (len(text) == len(form) or not text[len(form)].isalpha()):
            return opener, len(form)
    return None


def opening_part(text: str) -> str | None:
    """The part an English paragraph's opening words say it belongs to: a lexicon opener's part, or by the word's
    form (a participle or an adjective: preambular; a capitalised third-person verb: operative); None if unclear."""
    found = lexicon_opener(text)
    if found:
        return found[0].part
    lead = _LEADS.match(text)
    word = _WORD.match(text, lead.end() if lead else 0)
    if word is None:
        return None
    head = word.group(0)
    if lead and lead.end():
        head = head.capitalize()
    elif not head[:1].isupper():
        return None
    if (head.endswith("ing") and head not in _NOT_PARTICIPLES) or head in _ADJECTIVES or head == "Having":
        return "preambular"
    return None


def starts_with_opener(text: str) -> bool:
    """Whether an English line begins with a paragraph opener (Recalling, Also requests, Deeply concerned)."""
    return lexicon_opener(text) is not None or opening_part(text) == "preambular"
