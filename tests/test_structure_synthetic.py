"""The Document on synthetic drafts: unnumbered operative paragraphs, nested sub-items, PDF page tops,
annexes, embedded resolutions and header lines; and the rules that judge them staying quiet on real shapes."""

from __future__ import annotations

from conftest import lint_text, source_from

from linter.read.structure import parse
from linter.report import document_json

PARAGRAPH_RULES = ["RV101", "RV102", "RV103", "RV111", "RV112", "RV113", "RT121", "RT122"]


def doc_of(text: str, fmt: str | None = None):
    return parse(source_from(text, fmt))


def findings_of(text: str, rules=PARAGRAPH_RULES, fmt: str | None = None):
    return [(f.rule, f.message) for f in lint_text(text, rules, fmt)[1]]


# --- 1. a single operative paragraph is not numbered ------------------------------------------

def test_single_unnumbered_operative_paragraph():
    text = "经济及社会理事会，\n\n注意到秘书长的报告，\n\n决定将该项目列入其下届会议议程。"
    doc = doc_of(text)
    assert [p.text[:3] for p in doc.preambular] == ["注意到"]
    assert [(p.number, p.text[:2]) for p in doc.operative] == [(None, "决定")]
    assert findings_of(text) == []


def test_single_unnumbered_operative_paragraph_with_nested_items():
    text = ("经济及社会理事会，\n\n审议了委员会的报告，\n\n建议如下，供大会审议：\n(a) 请秘书长继续开展工作，具体做法如下：\n"
            "(一) 提供技术援助；\n(二) 分享良好做法；\n(b) 向大会第八十届会议提交报告。")
    doc = doc_of(text)
    assert len(doc.preambular) == 1 and len(doc.operative) == 1
    assert [(s.label, s.level) for s in doc.operative[0].sub_items] == [("(a)", 1), ("(一)", 2), ("(二)", 2), ("(b)", 1)]
    assert findings_of(text) == []


def test_decision_pasted_without_numbers_is_operative():
    text = ("缔约方大会，\n\n回顾其第BC-11/1号决定，\n\n注意到 在执行联合信息交换机制方面所取得的进展；\n\n"
            "认识到 持续审查和评估各公约的执行情况是相应缔约方大会的责任；\n\n请秘书处继续开展工作。")
    doc = doc_of(text)
    assert len(doc.preambular) == 1 and len(doc.operative) == 3
    assert findings_of(text) == []


def test_a_preamble_with_a_slip_stays_a_preamble():
    """With numbered paragraphs the operative part starts at the first number, whatever the marks before it."""
    doc = doc_of("大会，\n\n回顾其决议；\n\n注意到报告，\n\n1. 请秘书长提交报告。")
    assert len(doc.preambular) == 2 and len(doc.operative) == 1


# --- 2. sub-items nest ------------------------------------------------------------------------

NESTED = ("大会，\n\n回顾其决议，\n\n1. 请秘书长：\n(a) 继续开展工作，具体做法如下：\n(一) 提供技术援助；\n(二) 分享良好做法；\n"
          "(b) 向大会第八十届会议提交报告；\n\n2. 决定继续审议。")


def test_nested_sub_items_have_levels_and_runs():
    doc = doc_of(NESTED)
    p = doc.operative[0]
    assert [(s.label, s.level) for s in p.sub_items] == [("(a)", 1), ("(一)", 2), ("(二)", 2), ("(b)", 1)]
    runs = [(parent.text[:4], [s.label for s in run]) for parent, run in p.item_runs()]
    assert runs == [("请秘书长", ["(a)", "(b)"]), ("继续开展", ["(一)", "(二)"])]
    assert findings_of(NESTED) == []


def test_nested_sub_items_in_json_and_body_parts():
    doc = doc_of(NESTED)
    items = document_json(doc)["operative"][0]["sub_items"]
    assert [(i["label"], i["level"]) for i in items] == [("(a)", 1), ("(一)", 2), ("(二)", 2), ("(b)", 1)]
    assert sum(1 for part in doc.body_parts() if part.text.startswith("提供技术援助")) == 1


def test_three_levels_and_back():
    text = ("大会，\n\n回顾其决议，\n\n1. 请秘书长：\n(a) 开展工作：\n(一) 提供援助：\n a. 培训；\n b. 咨询；\n(二) 分享做法；\n"
            "(b) 提交报告。")
    doc = doc_of(text)
    assert [s.level for s in doc.operative[0].sub_items] == [1, 2, 3, 3, 2, 1]
    assert findings_of(text) == []


# --- 3. one anomaly is one finding --------------------------------------------------------------

def _numbered(numbers, unnumbered_after=None):
    lines = ["大会，", "回顾其决议，"]
    for k, n in enumerate(numbers):
        last = k == len(numbers) - 1
        lines.append(f"{n}. 请秘书长提交第{k + 1}份报告{'。' if last else '；'}")
        if unnumbered_after == k:
            lines.append("又请秘书长通报进展；")
    return "\n\n".join(lines)


def test_repeated_number_is_one_finding():
    assert [r for r, _ in findings_of(_numbered([1, 2, 2, 3, 4, 5]), ["RT121"])] == ["RT121"]


def test_skipped_number_is_one_finding_and_counting_resumes():
    found = findings_of(_numbered([1, 2, 4, 5, 6, 8, 9]), ["RT121"])
    assert [m for _, m in found] == ["Operative numbering jumps from 2 to 4: expected 3",
                                     "Operative numbering jumps from 6 to 8: expected 7"]


def test_unnumbered_paragraph_does_not_shift_the_numbers():
    found = findings_of(_numbered([1, 2, 3, 4], unnumbered_after=1), ["RT121"])
    assert len(found) == 1 and "after paragraph 2" in found[0][1]


# --- 4. PDF page tops -----------------------------------------------------------------------

PDF_PAGE_TOP = (
    " 2013 年 7 月 25日经济及社会理事会决议 \n\n"
    " 2013/38. 打击跨国有组织犯罪及其与非法贩运贵金属活动之间可能的联系 \n\n"
    " 经济及社会理事会经济及社会理事会经济及社会理事会经济及社会理事会， \n\n"
    " 关切关切关切关切有组织犯罪集团越来越多地涉足非法贩运贵金属活动， \n\n"
    " 1. 鼓励鼓励鼓励鼓励会员国采取适当措施预防和打击有组织犯罪集团非法贩运贵金属\n\n"
    "活动，包括酌情通过并有效实施关于预防、调查和起诉非法贩运贵金属活动的必\n\n"
    "要立法， \n\n"
    "                                                           \n"
    "1\n"
    " 联合国，《条约汇编》，第 2225 卷，第 39574 号。 \n"
    " 并与其他会员国分享其经验； \n\n"
    " 2. 请请请请联合国毒品和犯罪问题办公室邀请会员国和有关国际组织，包括区域\n\n"
    "组织，就在应对跨国有组织犯罪方面可能存在的差距和弱点，与其他会员国分享其经验，\n\n"
    "13-41234 (C) \n\n"
    " 特别是在区域一级分享其经验； \n\n"
    " 3. 请请请请执行主任向委员会第二十四届会议报告本决议的执行情况。 \n\n"
    " \n\n"
    "2013 年 7月 25 日 \n\n"
    "第 47 次全体会议 \n"
)


def test_pdf_page_top_continues_an_operative_paragraph():
    doc = doc_of(PDF_PAGE_TOP, "pdf-text")
    assert [p.number for p in doc.operative] == [1, 2, 3]
    assert doc.operative[0].text.endswith("必要立法，并与其他会员国分享其经验；")
    assert doc.operative[1].text.endswith("分享其经验，特别是在区域一级分享其经验；")
    assert [f.number for f in doc.footnotes] == [1]
    assert findings_of(PDF_PAGE_TOP, fmt="pdf-text") == []


def test_pdf_preamble_paragraphs_still_start_after_a_comma():
    doc = doc_of(PDF_PAGE_TOP.replace(" 1. 鼓励", " 注意到注意到注意到注意到会员国的努力， \n\n 1. 鼓励"), "pdf-text")
    assert [p.text[:3] for p in doc.preambular] == ["关切有", "注意到"]


# --- 8. header and sponsor lines are not prose --------------------------------------------------

SPONSORED = ("联合国\tE/2023/L.19\n2023年届会\n2022年7月25日至2023年7月26日\n议程项目19(a)\n"
             "经社理事会主席拉切扎拉·斯托埃娃(保加利亚)在非正式协商基础上提出的决议草案\n加强联合国紧急人道主义援助的协调\n"
             "经济及社会理事会，\n回顾大会第46/182号决议，\n1. 请秘书长向经社理事会2024年届会报告。")


def test_draft_masthead_kinds_and_title():
    doc = doc_of(SPONSORED)
    assert [line.kind for line in doc.header.lines] == ["document-symbol", "session", "session-dates", "agenda", "sponsor", "other"]
    assert doc.header.title.text == "加强联合国紧急人道主义援助的协调"
    assert doc.body_start == doc.organ.offset


def test_sponsor_line_does_not_wrap_into_the_title():
    text = SPONSORED.replace("在非正式协商基础上", "在非正式协商\n基础上")
    assert [line.kind for line in doc_of(text).header.lines][4:] == ["sponsor", "other"]


def test_header_lines_are_not_judged_as_prose():
    assert findings_of(SPONSORED, ["RR423"]) == []
    pointer = SPONSORED.replace("加强联合国紧急人道主义援助的协调", "执行该公约的情况")  # a pointer in a title
    assert findings_of(pointer, ["RR424"]) == []


# --- 5. annexes and embedded resolutions ----------------------------------------------------------

ANNEXED = ("大会，\n\n回顾其决议，\n\n1. 通过本决议所附《联合国纳尔逊·罗利拉拉·曼德拉奖章程》；\n\n2. 请秘书长执行本决议。\n\n"
           "2014 年 6 月 6 日\n\n第 95 次全体会议\n\n附件\n\n联合国纳尔逊·罗利拉拉·曼德拉奖章程\n\n"
           "1. 设立联合国纳尔逊·罗利拉拉·曼德拉奖，表彰为人类服务的人\n\n3. 奖项每五年颁发一次")


def test_annex_is_a_part_not_paragraphs():
    doc = doc_of(ANNEXED)
    assert [p.number for p in doc.operative] == [1, 2]
    assert doc.footer.meeting.text == "第 95 次全体会议"
    (annex,) = doc.annexes
    assert annex.heading.text == "附件"
    assert [line.text[:5] for line in annex.lines] == ["联合国纳尔", "1. 设立", "3. 奖项"]
    assert any(part is annex.lines[0] for part in doc.body_parts())
    assert findings_of(ANNEXED, PARAGRAPH_RULES + ["RR412"]) == []
    data = document_json(doc)["annexes"]
    assert data[0]["heading"]["text"] == "附件" and len(data[0]["lines"]) == 3


def test_annex_after_a_single_unnumbered_operative_paragraph():
    # A/69/L.55: one operative paragraph adopting the annexed statute, no footer in a draft
    text = "大会，\n\n回顾其决议，\n\n决定通过附于本决议的联合国纳尔逊·罗利拉拉·曼德拉奖章程。\n\n附件一\n\n章程\n\n第一条 设立奖项"
    doc = doc_of(text)
    assert len(doc.operative) == 1 and [a.heading.text for a in doc.annexes] == ["附件一"]
    assert findings_of(text) == []


RECOMMENDING = (
    "2011/32. 加强国际合作，应对犯罪活动所产生的非法资金流动的有害影响\n\n经济及社会理事会，\n\n"
    "回顾其 2010 年 7 月 22 日第 2010/20 号决议，\n\n1. 请秘书长向委员会第二十一届会议报告；\n\n"
    "2. 建议大会通过下列决议草案：\n\n“大会，\n\n“回顾其 2010 年 12 月 21 日第 65/232 号决议，\n\n"
    "“又回顾第十二届联合国预防犯罪和刑事司法大会通过的《萨尔瓦多宣言》，\n\n“1. 敦促会员国加强合作；\n\n"
    "“2. 请秘书长：\n“(a) 提供技术援助；\n“(b) 向大会第六十七届会议报告本决议的执行情况。”\n\n"
    "2011 年 7 月 28 日\n\n第 44 次全体会议"
)


def test_recommended_draft_is_an_embedded_resolution():
    doc = doc_of(RECOMMENDING)
    assert doc.organ.text == "经济及社会理事会，"
    assert len(doc.preambular) == 1 and [p.number for p in doc.operative] == [1, 2]
    (inner,) = doc.embedded
    assert inner.organ.text == "大会，"
    assert [p.text[:3] for p in inner.preambular] == ["回顾其", "又回顾"]
    assert [p.number for p in inner.operative] == [1, 2]
    assert [s.label for s in inner.operative[1].sub_items] == ["(a)", "(b)"]
    assert inner.operative[1].sub_items[-1].text.endswith("执行情况。")  # the closing quote is not the item's
    assert doc.footer.date.text == "2011 年 7 月 28 日" and inner.footer.date is None
    assert inner.text is doc.text and inner.offsets is doc.offsets
    assert doc.source.text[inner.organ.start : inner.organ.end] == "大会，"
    assert sum(1 for part in doc.body_parts() if part is inner.preambular[1]) == 1
    assert document_json(doc)["embedded"][0]["organ"]["text"] == "大会，"
    assert findings_of(RECOMMENDING) == []


def test_embedded_resolution_is_judged_on_its_own():
    text = RECOMMENDING.replace("“2. 请秘书长：", "“3. 请秘书长：").replace("“又回顾", "“决定")
    found = findings_of(text)
    assert sorted(r for r, _ in found) == ["RT121", "RV101"]
    assert any("jumps from 1 to 3" in m for _, m in found)


def test_unquoted_draft_with_a_title():
    text = RECOMMENDING.replace("“", "").replace("”", "").replace(
        "2. 建议大会通过下列决议草案：\n\n", "2. 建议大会通过下列决议草案：\n\n加强国际合作，应对非法资金流动的有害影响\n\n")
    doc = doc_of(text)
    (inner,) = doc.embedded
    assert inner.header.title.text == "加强国际合作，应对非法资金流动的有害影响"
    assert len(inner.preambular) == 2 and len(inner.operative) == 2 and len(doc.operative) == 2
    assert findings_of(text) == []


def test_a_chapeau_followed_by_an_organ_named_line_is_not_a_draft():
    text = "大会，\n\n回顾其决议，\n\n1. 决定如下：\n\n请人权理事会，\n\n2. 请秘书长提交报告。"
    assert doc_of(text).embedded == ()
