"""Normalisation undoes extraction damage, keeps legitimate text, and maps every character back."""

from __future__ import annotations

from conftest import source_from

from linter.read.normalize import normalize
from linter.read.offsets import TextBuilder
from linter.read.structure import parse

PDF_HEAD = " 2013 年 7 月 25日经济及社会理事会决议 \n\n[根据预防犯罪和刑事司法委员会的建议(E/2013/30)通过] \n\n 2013/38. 标题 \n\n 经济及社会理事会经济及社会理事会经济及社会理事会经济及社会理事会， \n\n"


def pdf(body: str):
    text = PDF_HEAD + body
    return text, parse(source_from(text, "pdf-text"))


def test_bold_repeated_four_times_collapses_and_maps_to_the_whole_run():
    text, doc = pdf(" 回顾回顾回顾回顾其决议， \n\n 又又又又回顾回顾回顾回顾其他决议， \n\n 1. 邀邀邀邀请请请请会员国提供资源。 \n")
    assert [p.text for p in doc.preambular] == ["回顾其决议，", "又回顾其他决议，"]
    assert doc.operative[0].text == "邀请会员国提供资源。"
    first = doc.preambular[0]
    # The opener "回顾" maps to all four copies, so a fix replaces the whole run.
    s, e = first.locate(doc, 0, 2)
    assert text[s:e] == "回顾回顾回顾回顾"
    # Half of the unit maps to the first copy only.
    s, e = first.locate(doc, 0, 1)
    assert text[s:e] == "回"
    s, e = doc.operative[0].locate(doc, 0, 2)
    assert text[s:e] == "邀邀邀邀请请请请"
    assert doc.organ.text == "经济及社会理事会，"


def test_bold_punctuation_collapses():
    _, doc = pdf(" 深为关切的是深为关切的是深为关切的是深为关切的是，，，，在一些情况中存在联系， \n\n 1. 请请请请秘书长提交报告。 \n")
    assert doc.preambular[0].text == "深为关切的是，在一些情况中存在联系，"


def test_legitimate_repetition_survives():
    # Two copies (常常) and a word repeated twice (各个各个) are text; only four copies are bold damage.
    _, doc2 = pdf(" 注意到各国常常需要援助，各个各个国家的代表，方方面面，大大促进， \n\n 1. 请秘书长提交报告。 \n")
    assert doc2.preambular[0].text == "注意到各国常常需要援助，各个各个国家的代表，方方面面，大大促进，"


def test_plain_text_is_not_collapsed_outside_pdf_text():
    doc = parse(source_from("大会，\n\n注意到各个各个国家，\n\n1. 请秘书长提交报告。", "text"))
    assert doc.preambular[0].text == "注意到各个各个国家，"


def test_footnote_block_mid_paragraph_and_page_wrap():
    body = (
        " 回顾回顾回顾回顾大会第 66/181 号决议，其中大会重申《联合国打击跨国 \n\n"
        "有组织犯罪公约》及其各项议定书 \n1 \n的重要性，并请 \n\n"
        "__________________ \n\n\n1 \n\n 联合国，《条约汇编》，第 2225 卷，第 39574 号。 \n"
        " 秘书长提交报告， \n\n"
        " 1. 请请请请秘书长提交报告。 \n"
    )
    text, doc = pdf(body)
    assert [p.text for p in doc.preambular] == [
        "回顾大会第 66/181 号决议，其中大会重申《联合国打击跨国有组织犯罪公约》及其各项议定书的重要性，并请秘书长提交报告，"
    ]
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, "联合国，《条约汇编》，第 2225 卷，第 39574 号。")]
    marker = doc.markers[0]
    assert text[marker.start : marker.end] == "1"
    assert doc.text[marker.at - 3 : marker.at] == "议定书"


def test_word_anchors_are_removed():
    body = (
        " 关切跨国有组织犯罪(酌情包括《联合国打击跨国有组织犯罪公约》0 F \n\n1 \n\n所列的犯罪)之间的联系， \n\n"
        " 确认《联合国反腐败公约》、2F \n\n3 \n其他文书，3F \n\n4 \n 以 \n\n及其他决议， \n\n"
        " 1. 敦促《联合国打击跨国有组织犯罪公约》1H \n\n1 \n\n的缔约国充分适用这些公约； \n"
    )
    _, doc = pdf(body)
    assert [m.number for m in doc.markers] == [1, 3, 4, 1]
    assert [p.text for p in doc.preambular] == [
        "关切跨国有组织犯罪(酌情包括《联合国打击跨国有组织犯罪公约》所列的犯罪)之间的联系，",
        "确认《联合国反腐败公约》、其他文书，以及其他决议，",
    ]
    assert doc.operative[0].text == "敦促《联合国打击跨国有组织犯罪公约》的缔约国充分适用这些公约；"


def test_page_furniture_is_dropped():
    body = (
        " 回顾回顾回顾回顾其决议，并请 \n\n13-44556 3/12 \n\nA/RES/68/193 \n\n秘书长提交报告， \n\n"
        " 1. 请请请请秘书长提交报告。 \n"
    )
    _, doc = pdf(body)
    assert doc.preambular[0].text == "回顾其决议，并请秘书长提交报告，"


def test_word_copied_text_with_glued_markers():
    text = (
        "大会，\n回顾《2015-2030年仙台减少灾害风险框架》，1 强调需要在 2030 年前实现目标，\n"
        "注意到缔约国已达 179 个，2\n1. 请秘书长在第 47 次会议上提交报告。\n"
        "1 大会第 69/283 号决议，附件二。\n2 联合国，《条约汇编》，第 2225 卷，第 39574 号。\n"
    )
    doc = parse(source_from(text))
    assert doc.source.format == "word-text"
    assert [m.number for m in doc.markers] == [1, 2]
    assert [text[m.start : m.end] for m in doc.markers] == ["1", "2"]
    assert doc.preambular[0].text == "回顾《2015-2030年仙台减少灾害风险框架》，强调需要在 2030 年前实现目标，"
    assert doc.preambular[1].text == "注意到缔约国已达 179 个，"
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert doc.operative[0].text == "请秘书长在第 47 次会议上提交报告。"


def test_plain_text_superscript_markers_and_wrapped_lines():
    text = "大会，\n\n回顾其关于加强国际合作的\n决议¹，\n\n1. 请秘书长提交报告。\n\n______\n¹ 大会第 55/2 号决议。\n"
    doc = parse(source_from(text, "text"))
    assert doc.preambular[0].text == "回顾其关于加强国际合作的决议，"
    assert [m.number for m in doc.markers] == [1]
    assert doc.footnotes[0].text == "大会第 55/2 号决议。"


def test_offset_map_points_back_through_every_kind_of_piece():
    builder = TextBuilder(20)
    builder.copy("abcdefghijklmnopqrst", 0, 3)  # abc
    builder.collapse("XY", 3, 11)  # XYXYXYXY
    builder.insert("\n", 11)
    builder.copy("abcdefghijklmnopqrst", 15, 18)
    text, offsets = builder.build()
    assert text == "abcXY\npqr"
    assert offsets.to_original(0, 3) == (0, 3)
    assert offsets.to_original(3, 5) == (3, 11)
    assert offsets.to_original(2, 7) == (2, 16)
    assert offsets.to_original(9, 9) == (18, 18)


def test_normalized_lines_do_not_cross():
    text, doc = pdf(" 回顾回顾回顾回顾其决议， \n\n 1. 请请请请秘书长提交报告； \n\n 2. 决决决决定定定定继续审议。 \n\n\n2013 年 7月 25 日 \n\n第 47 次全体会议 \n")
    norm = normalize(doc.source)
    for s, e in norm.lines:
        assert "\n" not in norm.text[s:e]
    assert doc.footer.date.text == "2013 年 7月 25 日"
    assert doc.footer.meeting.text == "第 47 次全体会议"


def test_word_copied_footnotes_after_the_footer():
    text = (
        "经济及社会理事会，\n回顾其决议，1\n1. 请秘书长提交报告。\n2013年7月25日\n第47次全体会议\n"
        "1 大会第 65/230 号决议，附件。\n"
    )
    doc = parse(source_from(text))
    assert doc.footer.date.text == "2013年7月25日" and doc.footer.meeting.text == "第47次全体会议"
    assert [(f.number, f.text) for f in doc.footnotes] == [(1, "大会第 65/230 号决议，附件。")]
    assert [m.number for m in doc.markers] == [1]


def test_markdown_footnote_bodies_without_a_rule_line():
    text = "大会，\n\n回顾《公约》<sup>1</sup>，\n\n<sup>1</sup> 联合国，《条约汇编》，第 2225 卷，第 39574 号。\n\n1. 请秘书长提交报告。\n"
    doc = parse(source_from(text, "markdown"))
    assert [m.number for m in doc.markers] == [1]
    assert [f.number for f in doc.footnotes] == [1]
    assert len(doc.preambular) == 1 and len(doc.operative) == 1


def test_between_is_what_to_original_says_of_each_side():
    # Collapsed bold, letter spacing, footnote markers and page furniture: maps with every kind of run.
    from conftest import SEED_FILES

    for seed in SEED_FILES:
        doc = parse(source_from(seed.read_text(encoding="utf-8"), path=seed.name))
        offsets, n = doc.offsets, len(doc.text)
        for left in range(0, n - 1, 7):
            for right in (left + 1, min(n - 1, left + 3)):
                assert offsets.between(left, right) == (offsets.to_original(left, left + 1)[1],
                                                        offsets.to_original(right, right + 1)[0])


def test_body_parts_are_gathered_once_and_handed_out_as_new_lists():
    import dataclasses

    doc = parse(source_from("大会，\n\n回顾其决议，\n\n1. 决定继续审议此事。\n"))
    first, second = doc.body_parts(), doc.body_parts()
    assert first == second and first is not second
    first.clear()  # a caller's list is its own
    assert doc.body_parts() == second
    shorter = dataclasses.replace(doc, operative=())
    assert shorter.body_parts() == [p for p in second if p not in doc.operative]
    assert shorter == dataclasses.replace(doc, operative=())  # the gathered parts are no field
