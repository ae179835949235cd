"""Properties over any text, as the bytes of a file (LF, CRLF, CR or mixed endings; UTF-8, BOM, GB18030, UTF-16):
check never crashes and never reports a span outside the file; writing back unchanged text gives the same bytes;
fix is idempotent and changes only the spans its findings name; the bytes outside them stay as they were.

RESOLINT_PROPERTY_EXAMPLES sets how many examples each property tries (default 25, a few seconds in
`make test`; `make fuzz` runs 1000). A failure prints the example; Hypothesis remembers it in .hypothesis/.
"""

from __future__ import annotations

import codecs
import dataclasses
import os

import pytest
from conftest import SEED_FILES, builtin_rules
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from linter.draft_writer import encode_draft, write_draft
from linter.errors import InputError
from linter.findings import apply_fixes, chosen_edits
from linter.lint import fix, lint, writable
from linter.read.sources import read_bytes, read_path
from linter.report import FileResult, render_text

EXAMPLES = int(os.environ.get("RESOLINT_PROPERTY_EXAMPLES", "25"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=EXAMPLES <= 25)

FRAGMENTS = sorted({
    line for path in SEED_FILES for line in path.read_text(encoding="utf-8").split("\n")[:80] if line.strip()
}) + ["<sup>1</sup>", "[^2]", "---", "<!-- 注 -->", "<!--", "-->", "1. ", "(a) ", "，，", ",", "回顾回顾回顾回顾", "\ufeff"]
ALPHABET = st.sampled_from(list("大会回顾决定请又还注意到，。；、：,.;:《》()（）“”0123456789 \t\u3000abc#*_-<>[]^!")) | st.characters(
    blacklist_categories=("Cs",))
TEXT = st.lists(st.sampled_from(FRAGMENTS) | st.text(ALPHABET, max_size=12) | st.just("\n") | st.just("\n\n"),
                max_size=40).map("".join)
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEED_FILES]


@st.composite
def damaged_drafts(draw):
    """A window of a real resolution (its structure triggers the structural rules), with pieces dropped in."""
    seed = draw(st.sampled_from(SEED_TEXTS))
    lines = seed.split("\n")
    start = draw(st.integers(0, len(lines) - 1))
    text = "\n".join(lines[start : start + draw(st.integers(1, 120))])
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(st.sampled_from(FRAGMENTS) | st.text(ALPHABET, max_size=4)) + text[at + cut :]
    return text


TEXT = TEXT | damaged_drafts()
ENDINGS = st.sampled_from(["\n", "\r\n", "\r", "mixed"])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16-le-bom", "utf-16-be-bom"])
SUFFIXES = st.sampled_from([".txt", ".md"])


def as_file(text: str, ending: str, encoding: str, choices) -> bytes:
    """`text` (newlines as \\n) as the bytes of a file."""
    lines = text.split("\n")
    if ending == "mixed":
        raw = lines[0] + "".join(choices.draw(st.sampled_from(["\n", "\r\n", "\r"])) + line for line in lines[1:])
    else:
        raw = ending.join(lines)
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + raw.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + raw.encode("utf-16-be")
    return raw.encode(encoding)


def read_or_none(data: bytes, name: str):
    try:
        return read_bytes(data, name)
    except InputError:
        return None  # empty, binary or undecodable: refused in one line, which is not a crash


@SETTINGS
@given(text=TEXT, ending=ENDINGS, encoding=ENCODINGS, suffix=SUFFIXES, choices=st.data())
def test_check_never_crashes_and_every_span_is_inside_the_file(text, ending, encoding, suffix, choices):
    source = read_or_none(as_file(text, ending, encoding, choices), "draft" + suffix)
    if source is None:
        return
    result = lint(source, builtin_rules())
    n = len(source.text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= n, f
        for edit in f.fix.edits if f.fix else ():
            assert 0 <= edit.start <= edit.end <= n, f
    render_text([FileResult(source.path, source.text, result.findings)])


@SETTINGS
@given(text=TEXT, ending=ENDINGS, encoding=ENCODINGS, choices=st.data())
def test_writing_back_the_text_as_read_gives_the_same_bytes(text, ending, encoding, choices):
    data = as_file(text, ending, encoding, choices)
    source = read_or_none(data, "draft.txt")
    if source is None:
        return
    assert encode_draft(source, source.text) == data


@SETTINGS
@given(text=TEXT, suffix=SUFFIXES)
def test_fix_is_idempotent(text, suffix):
    source = read_or_none(text.encode(), "draft" + suffix)
    if source is None:
        return
    once = fix(source, builtin_rules())
    event("some fix applied" if once.applied else "nothing to fix")
    twice = fix(dataclasses.replace(source, text=once.text), builtin_rules())
    assert twice.text == once.text, (once.text, twice.text)


def _unchanged_pieces(text: str, findings) -> list[tuple[int, int]]:
    """The spans of `text` that no applied fix edit touches."""
    edits, _ = chosen_edits(list(findings))
    pieces, pos = [], 0
    for e in edits:
        pieces.append((pos, e.start))
        pos = e.end
    pieces.append((pos, len(text)))
    return pieces


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("properties")


@SETTINGS
@given(text=TEXT, ending=ENDINGS, encoding=ENCODINGS, suffix=SUFFIXES, choices=st.data())
def test_fix_changes_only_the_spans_its_findings_name_and_no_byte_outside_them(workdir, text, ending, encoding,
                                                                              suffix, choices):
    data = as_file(text, ending, encoding, choices)
    path = workdir / ("draft" + suffix)
    path.write_bytes(data)
    try:
        source = read_path(str(path))
    except InputError:
        return
    if not writable(source):
        return
    findings = lint(source, builtin_rules()).findings
    fixed, applied = apply_fixes(source.text, list(findings))
    edits, _ = chosen_edits(list(findings))
    assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), edits  # edits never overlap
    pieces = _unchanged_pieces(source.text, findings)
    # In the text: every character outside the edits is still there, in order, the first and last pieces in place.
    at = 0
    for s, e in pieces:
        found = fixed.find(source.text[s:e], at)
        assert found >= 0, (s, e)
        at = found + (e - s)
    assert fixed.startswith(source.text[slice(*pieces[0])]) and fixed.endswith(source.text[slice(*pieces[-1])])
    event("some fix applied" if applied else "nothing to fix")  # --hypothesis-show-statistics: is the case tried?
    if not applied:
        return
    write_draft(source, fixed)
    after = path.read_bytes()
    # In the file: the bytes of each untouched piece are there, in order; only what the edits replaced changed.
    before_raw = _raw_pieces(source, data, pieces)
    position = 0
    for chunk in before_raw:
        found = after.find(chunk, position)
        assert found >= 0, chunk
        position = found + len(chunk)
    assert after.startswith(before_raw[0]) and after.endswith(before_raw[-1])


def _raw_pieces(source, data: bytes, pieces: list[tuple[int, int]]) -> list[bytes]:
    """The bytes of `data` that the text spans `pieces` were read from."""
    raw = encode_draft(source, source.text)
    assert raw == data
    bom = len(data) - len(encode_draft(dataclasses.replace(source, bom=False, encoding=_plain(source.encoding)), source.text))
    codec = _plain(source.encoding)
    text_raw = data[bom:].decode(codec)
    # Character offsets of the read text (\n for every ending) in the decoded file.
    offsets, k = [], 0
    for ch in source.text:
        offsets.append(k)
        k += 2 if ch == "\n" and text_raw[k : k + 2] == "\r\n" else 1
    offsets.append(k)

    def byte(i: int) -> int:
        if i == 0:
            return 0  # the byte-order mark belongs to the first piece
        return bom + len(text_raw[: offsets[i]].encode(codec))

    return [data[byte(s) : byte(e)] for s, e in pieces]


def _plain(encoding: str) -> str:
    return {"utf-8-sig": "utf-8"}.get(encoding, encoding)


@SETTINGS
@given(pieces=st.lists(st.sampled_from(["", "a", "b", "大会，", "1. 请。", "\n", "\r\n", "\r"]), max_size=16), choices=st.data())
def test_a_mixed_file_keeps_every_untouched_lines_ending(pieces, choices):
    from linter.read.line_endings import find_endings, restore

    raw = "".join(pieces)
    read = raw.replace("\r\n", "\n").replace("\r", "\n")  # as reading does
    endings = find_endings(raw)
    per_line = [endings] * read.count("\n") if isinstance(endings, str) else list(endings)
    lines = read.split("\n")
    k = choices.draw(st.integers(0, len(lines) - 1))
    edited = [*lines[:k], lines[k] + "，", *lines[k + 1 :]]  # a fix on line k
    out = restore("\n".join(edited), endings, read)
    assert out == edited[0] + "".join(e + line for e, line in zip(per_line, edited[1:]))
    assert restore(read, endings, read) == raw
