"""The shapes of whole lines: footer, header and organ lines, and the furniture a PDF leaves between them.

Format detection (sources), paragraph starts (the normalizing readers) and
the Document's parts (structure) all recognise lines by these patterns, so
a footer date or a session line means the same thing to each. The furniture
patterns say "whitespace but a newline" (_SP), so they read one line alike
whether it is matched alone or in a whole text in multi-line mode.
"""

from __future__ import annotations

import re

_CN_DIGITS = "一二三四五六七八九十百"
_SP = r"[^\S\n]"

# --- resolint's own comments ---------------------------------------------------
# A directive to resolint on a line of its own, <!-- resolint: ignore RV143 -->: not document text in any format
# (linter.suppressions reads it). In Markdown every <!-- … --> comment is skipped already (markdown_text).
DIRECTIVE_LINE = re.compile(rf"^{_SP}*<!--{_SP}*resolint:[^\n]*?-->{_SP}*$", re.M)

# --- footer -------------------------------------------------------------------
FOOTER_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")  # 2013 年 7 月 25 日
MEETING = re.compile(rf"^第\s*[\d{_CN_DIGITS}]+\s*次全体会议$")  # 第 47 次全体会议

# --- header -------------------------------------------------------------------
BASIS = re.compile(r"^\[根据.*\]$")  # [根据第三委员会的报告(A/68/457)通过]
SESSION = re.compile(rf"^第\s*[\d{_CN_DIGITS}]+\s*届会议$|^\d{{4}}\s*年(?:组织)?届会$")  # 第六十六届会议; ECOSOC 2023年届会
# The span of an ECOSOC session under its name: 2022年7月25日至2023年7月26日
SESSION_DATES = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*至\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日$")
# The document symbol in a draft's masthead: 联合国 E/2023/L.19, A/C.3/78/L.2
DOCUMENT_SYMBOL = re.compile(r"^(?:联合国\s+)?(?:A|E|S|CTOC|CAC|UNEP|HSP|FCCC)/[A-Za-z0-9./()-]+$")
COMMITTEE = re.compile(r"^第[一二三四五六]委员会$")
AGENDA = re.compile(r"^议程项目")
NOTE = re.compile(r"^秘书处的说明$|^.*建议大会通过以下决议草案：$")
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.*决议$|^.{0,30}决议$")  # 2013 年 12 月 18 日大会决议
SYMBOL_TITLE = re.compile(r"^(\d{1,4}/\d{1,3})\.\s*(.*)$")  # 68/193. 标题
SYMBOL_HEADING = re.compile(r"^第\s*(\d{1,4}/\d{1,3})\s*号(?:决议|决定)$")  # 第6/1号决议
# Who puts a draft forward: 经社理事会主席…在非正式协商基础上提出的决议草案; 阿根廷、巴西…：决议草案
SPONSOR = re.compile(r"^.{2,}(?:提出|提交)的(?:订正)?(?:决议|决定)草案$|^.{2,}：(?:订正)?(?:决议|决定)草案$")

# The kinds a header line can be, in the order they are tried (structure names them).
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

# Before the organ line is found, header lines are judged on raw text: letter-spaced (决 议) and unclosed.
HEADER_START = re.compile(
    rf"^\s*(?:\d{{4}}\s*年.*决\s*议|\[根据|\d{{1,4}}/\d{{1,3}}\.|第\s*[\d{_CN_DIGITS}]+\s*届会议|第[一二三四五六]委员会"
    r"|议程项目|秘书处的说明|.{0,20}决\s*议\s*$)"
)

# The adopting organ's line: 大会， 经济及社会理事会， 《…公约》缔约方会议，
ORGAN_LINE = re.compile(r"^\s*(?:\S.{0,40}?)?(?:大会|理事会|委员会|会议)\s*[，,]\s*$")
# The organ line of a resolution quoted in another (建议大会通过下列决议草案： then “大会，): principal organs only.
EMBEDDED_ORGAN = re.compile(r"^\s*[“\"]?(?:大会|经济及社会理事会|安全理事会|人权理事会)\s*[，,]\s*$")

# --- annexes ------------------------------------------------------------------
ANNEX_HEADING = re.compile(rf"^附\s*件(?:\s*[{_CN_DIGITS}]+)?$")  # 附件, 附件一


def is_standalone(line: str) -> bool:
    """A line that is a paragraph of its own whatever the punctuation before it (footer, header lines)."""
    return _STANDALONE.match(line.strip()) is not None


# A title line with its symbol: 68/193. followed by a space (a bare 12/34. may open a sentence).
_SYMBOL_TITLE_START = re.compile(r"^\d{1,4}/\d{1,3}\.\s")
# The shapes above as one pattern (each anchored on its own): a PDF reader asks of every line, nine matches a time.
_STANDALONE = re.compile("|".join(f"(?:{p.pattern})" for p in (
    FOOTER_DATE, MEETING, BASIS, SESSION, COMMITTEE, AGENDA, _SYMBOL_TITLE_START, ANNEX_HEADING, EMBEDDED_ORGAN)))

# --- what a PDF leaves between the lines ----------------------------------------
FOOTNOTE_RULE = re.compile(rf"^{_SP}*(?:_{{5,}}|-{{5,}}|—{{3,}}){_SP}*$")  # the rule above footnote bodies
BLANK_RULE = re.compile(r"^[ \t]{20,}$")  # a rule extracted as spaces
# What format detection counts as a sign of a PDF: a rule longer than a typed separator, or one of spaces.
PDF_RULE = re.compile(rf"^(?:_{{8,}}|[ \t]{{20,}}){_SP}*$")
LONE_NUMBER = re.compile(rf"^{_SP}*(\d{{1,3}}){_SP}*$")  # a footnote marker or number on a line of its own
WORD_ANCHOR = re.compile(rf"{_SP}?\d{{1,3}} ?[FH]{_SP}*$")  # Word's footnote anchor: "0 F", "1H"
PAGE_FURNITURE = re.compile(
    r"^\s*(?:"
    r"(?:GE\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3}(?:\s+(?:GE\.)?\d{2}-\d{5})?"
    r"|[-–]\s*\d{1,3}\s*[-–]"
    r"|第\s*\d{1,3}\s*页(?:\s*/?\s*共\s*\d{1,3}\s*页)?"
    r"|(?:A|E|S|CTOC|CAC)/[A-Z0-9./-]+(?:\s+\d{1,3}\s*/\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3}\s+(?:A|E|S|CTOC|CAC)/[A-Z0-9./-]+"
    r")\s*$"
)
