"""Decoding and format detection, and the one-line errors for input that cannot be read."""

from __future__ import annotations

import codecs

import pytest
from conftest import SEED_FILES, builtin_rules

from linter.errors import InputError
from linter.lint import lint
from linter.read.sources import read_bytes, read_path


def findings_of(source):
    return [(f.rule, f.start, f.end, f.message) for f in lint(source, builtin_rules()).findings]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le-bom", "utf-16-be-bom", "utf-8-bom"])
def test_other_encodings_give_the_same_findings(seed, encoding):
    text = seed.read_text(encoding="utf-8")
    data = {
        "gb18030": lambda: text.encode("gb18030"),
        "utf-16-le-bom": lambda: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": lambda: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-8-bom": lambda: codecs.BOM_UTF8 + text.encode("utf-8"),
    }[encoding]()
    original = read_path(str(seed))
    converted = read_bytes(data, seed.name)
    assert converted.text == original.text
    assert converted.format == original.format
    assert findings_of(converted) == findings_of(original)


def test_utf16_without_bom_is_read_when_it_is_plainly_text():
    source = read_bytes("大会，\n\n回顾其决议，".encode("utf-16-le"), "x.txt")
    assert source.text.startswith("大会，") and source.encoding == "utf-16-le"


def test_crlf_is_read_as_lf():
    source = read_bytes("大会，\r\n\r\n回顾其决议，\r\n".encode(), "x.txt")
    assert "\r" not in source.text


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x00\x01\x02\x03binary\x00\xff", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"\x81\x30\x81", "cannot decode"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "cannot decode as utf-16-le"),
        ("café résumé naïve à la carte".encode("cp1252"), "cannot decode"),
        ("こんにちは、世界。ありがとう".encode("shift_jis"), "cannot decode"),
    ],
)
def test_bad_bytes_are_one_clear_error(data, reason):
    with pytest.raises(InputError) as err:
        read_bytes(data, "draft.txt")
    assert reason in str(err.value)
    assert str(err.value).startswith("draft.txt: ")


def test_gb18030_is_detected():
    source = read_bytes("大会，\n\n回顾其决议，\n\n1. 请秘书长提交报告。".encode("gb18030"), "x.txt")
    assert source.encoding == "gb18030"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("ga-68-193.pdf.txt", "pdf-text"),
        ("ecosoc-2012-19.pdf.txt", "pdf-text"),
        ("ecosoc-2013-38.pdf.txt", "pdf-text"),
        ("a-66-draft-illicit-financial-flows.pdf.txt", "pdf-text"),
        ("ctoc-cop-6-1.md", "markdown"),
    ],
)
def test_seed_formats(name, expected):
    seed = next(p for p in SEED_FILES if p.name == name)
    assert read_path(str(seed)).format == expected
    # Content decides, not only the name.
    assert read_bytes(seed.read_bytes(), "pasted.txt").format == expected


def test_docx_bytes_are_routed_to_the_docx_reader():
    with pytest.raises(InputError) as err:
        read_bytes(b"PK\x03\x04 truncated", "draft.docx")
    assert "draft.docx" in str(err.value)


@pytest.mark.parametrize(
    "text,expected",
    [
        # One sign of a PDF is not enough; any two are (the rule line and two lone numbers, or lone numbers and
        # Word's anchors), however far into the text the second stands.
        ("大会，\n\n" + "_" * 10 + "\n决定继续审议。\n", "text"),
        ("大会，\n\n" + "_" * 10 + "\n1\n决定继续审议。\n" + "段落。\n" * 200 + "2\n", "pdf-text"),
        ("大会，\n1\n回顾，0 F\n2\n注意到，1H\n", "pdf-text"),
        ("大会，\n\n注意到报告，1 决定继续审议。\n", "word-text"),
    ],
)
def test_pdf_signs_are_counted_as_before(text, expected):
    assert read_bytes(text.encode(), "pasted.txt").format == expected


def test_language_counts_letters_not_runs():
    from linter.read.languages import detect_language

    assert detect_language("Recalling its resolution 66/181, " * 3) == "en"
    assert detect_language("回顾其第 66/181 号决议 A/RES/66/181 and ECOSOC") == "zh"
    # 20 Latin letters in one run against a Chinese character: English only while 50 × 1 < 20 is false.
    assert detect_language("a" * 20 + "决") == "zh"
    assert detect_language("a" * 51 + "决") == "en"
