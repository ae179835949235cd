"""该公约, 该办公室, 上述文书: a pointer back whose noun occurs nowhere earlier in the text."""

from __future__ import annotations

import re
from typing import Iterator

from linter.analyses.definitions import body_end
from linter.engine.rule import Rule
from linter.findings import Finding
from linter.read.structure import Document

# Nouns a resolution points back to with 该/上述; a pointer is checked only
# when it ends in one of them, so 该领域 or 上述目的 (no noun to look for) pass.
HEAD_NOUNS = (
    "公约", "议定书", "条约", "协定", "宣言", "决议", "决定", "报告", "文书", "规则", "准则",
    "办公室", "委员会", "理事会", "工作组", "专家组", "工作队", "小组", "机构", "组织", "基金",
    "方案", "计划", "战略", "机制", "框架", "倡议", "进程", "网络", "中心", "论坛", "会议", "项目",
)
_HEAD = "|".join(sorted(HEAD_NOUNS, key=len, reverse=True))
# 应该/活该 are not pointers; a few characters may stand between 该 and the noun (该全球方案).
_POINTER = re.compile(rf"(?<![应活])(?:该|上述)(?:项|两项|两个|各项|的)?[\u4e00-\u9fff]{{0,4}}?(?P<head>{_HEAD})")


def check_dangling(doc: Document, rule: Rule) -> Iterator[Finding]:
    # The body is searched in place (text, end): a copy of a big draft's body would cost its size again.
    text, end = doc.text, body_end(doc)
    first_mention = {head: text.find(head, 0, end) for head in HEAD_NOUNS}
    for m in _POINTER.finditer(text, doc.body_start, end):  # a header line (title, sponsor line) points at nothing
        head = m.group("head")
        if first_mention[head] >= m.start():
            yield rule.finding(doc, m.start(), m.end(), pointer=m.group(0), head=head)


KINDS = {"dangling-anaphor": check_dangling}
