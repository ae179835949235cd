"""The .docx reader: paragraphs, rebuilt list numbers, footnotes in display order, and refusals of bad files."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from docx_factory import (
    deleted,
    inserted,
    make_docx,
    note_ref,
    numbering,
    para,
    run,
    styles,
)

from linter.errors import InputError
from linter.read.docx_reader import read_docx
from linter.read.sources import read_bytes
from linter.read.structure import parse


def test_paragraphs_numbering_and_footnotes_make_a_document():
    data = make_docx(
        [
            para(run("大会，")),
            para(run("回顾《联合国打击跨国有组织犯罪公约》"), note_ref(5), run("，")),
            para(run("注意到《联合国反腐败公约》"), note_ref(2), run("及其议定书"), note_ref(5), run("，")),
            para(run("请秘书长提交报告；"), num=(1, 0)),
            para(run("决定继续审议。"), num=(1, 0)),
        ],
        notes={2: "同上，第 2349 卷，第 42146 号。", 5: "联合国，《条约汇编》，第 2225 卷，第 39574 号。"},
    )
    text = read_docx(data, "d.docx")
    assert text.splitlines()[:5] == [
        "大会，",
        "回顾《联合国打击跨国有组织犯罪公约》[^1]，",
        "注意到《联合国反腐败公约》[^2]及其议定书[^1]，",
        "1. 请秘书长提交报告；",
        "2. 决定继续审议。",
    ]
    assert "[^1]: 联合国，《条约汇编》，第 2225 卷，第 39574 号。" in text
    assert "[^2]: 同上，第 2349 卷，第 42146 号。" in text
    doc = parse(read_bytes(data, "d.docx"))
    assert doc.source.format == "docx"
    assert (len(doc.preambular), len(doc.operative), len(doc.footnotes)) == (2, 2, 2)
    assert [m.number for m in doc.markers] == [1, 2, 1]
    # A finding's line number is the paragraph's number in the document.
    assert doc.source.text[: doc.operative[1].start].count("\n") + 1 == 5


def test_nested_levels_restart_and_chinese_counting():
    numbering_xml = numbering([(0, "decimal", "%1.", 1), (1, "lowerLetter", "(%2)", 1), (2, "chineseCounting", "(%3)", 1)])
    data = make_docx(
        [
            para(run("请秘书长："), num=(1, 0)),
            para(run("提交报告；"), num=(1, 1)),
            para(run("通报进展；"), num=(1, 1)),
            para(run("请会员国："), num=(1, 0)),
            para(run("合作；"), num=(1, 1)),
            para(run("分享信息。"), num=(1, 2)),
        ],
        numbering_xml=numbering_xml,
    )
    lines = [l for l in read_docx(data, "d.docx").splitlines() if l]
    assert lines == ["1. 请秘书长：", "(a) 提交报告；", "(b) 通报进展；", "2. 请会员国：", "(a) 合作；", "(一) 分享信息。"]


def test_numbering_through_a_style_and_a_start_override():
    data = make_docx(
        [para(run("请秘书长提交报告；"), style="Child"), para(run("决定继续审议。"), num=(2, 0))],
        numbering_xml=numbering([(0, "decimal", "%1.", 1)], start_override=7),
        styles_xml=styles("ListNumber"),
    )
    lines = [l for l in read_docx(data, "d.docx").splitlines() if l]
    assert lines == ["1. 请秘书长提交报告；", "7. 决定继续审议。"]


def test_tracked_changes():
    data = make_docx([para(run("请秘书长"), deleted("尽快"), inserted("及时"), run("提交报告。"))])
    assert read_docx(data, "d.docx").strip() == "请秘书长及时提交报告。"


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def _zip(members: dict[str, bytes | str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data,reason",
    [
        (b"", "not a .docx file"),
        (b"random bytes that are no zip at all", "not a .docx file"),
        (make_docx([para(run("大会，"))])[:300], "broken .docx"),
        (_zip({"hello.txt": "hi"}), "word/document.xml is missing"),
        (make_docx([], document_xml=BOMB), "entity declarations are not allowed"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "encrypted or legacy .doc"),
        (make_docx([para(run("   "))]), "empty document"),
    ],
)
def test_bad_docx_is_one_clear_error(data, reason):
    t0 = time.perf_counter()
    with pytest.raises(InputError) as err:
        read_docx(data, "bad.docx")
    assert time.perf_counter() - t0 < 1.0  # an entity bomb is refused, not expanded
    assert reason in str(err.value) and str(err.value).startswith("bad.docx: ")


def test_zip_bomb_is_refused(monkeypatch):
    import linter.read.docx_reader as reader

    monkeypatch.setattr(reader, "MAX_MEMBER", 1000)
    data = make_docx([para(run("大" * 2000))])
    with pytest.raises(InputError) as err:
        read_docx(data, "big.docx")
    assert "more than 50 MB" in str(err.value)
