"""English drafts (the originals `resolint parity` checks a Chinese text against) read into the same Document:
header, organ line, preambular and operative paragraphs, sub-items, markers, footnotes and footer, from plain
text, PDF-pasted text, Markdown and .docx, with every character mapped back to the original."""

from __future__ import annotations

import pytest
from conftest import SEED_FILES, source_from
from docx_factory import make_docx, note_ref, para, run

from linter.read.languages import detect_language
from linter.read.sources import read_bytes
from linter.read.structure import parse

PLAIN = """Resolution adopted by the Economic and Social Council on 25 July 2013

[on the recommendation of the Commission on Crime Prevention and Criminal Justice (E/2013/30 and Corr.1)]

2013/38. Combating transnational organized crime and its possible links to illicit
trafficking in precious metals

The Economic and Social Council,

Concerned about the increasing involvement of organized criminal groups in offences related to
illicit trafficking in precious metals,1 and the rise in the number of such offences,

Recalling General Assembly resolution 66/181 of 19 December 2011, in which the Assembly reaffirmed
the importance of the United Nations Convention against Transnational Organized Crime and the Protocols thereto,2

Also recalling its resolution 2012/19 of 26 July 2012,

1. Encourages Member States to take appropriate measures, including by adopting the necessary
legislation;

2. Invites Member States to consider using the United Nations Convention against Transnational Organized Crime3 to:

(a) Exchange information;

(b) Share their experience, including:

(i) Good practices;

(ii) Lessons learned;

3. Requests the Secretary-General to report to the Commission at its twenty-fourth session.

47th plenary meeting
25 July 2013

__________________
1 For the purposes of this resolution, precious metals include gold, silver
and platinum.
2 United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.
3 Ibid., vol. 2225, No. 39574.
"""

# The same text as a PDF paste: double-spaced, indented, page furniture, a footnote block on a page bottom with its
# numbers on lines of their own, and the paragraph the page break cut running on after it.
PDF = """                 Resolution adopted by the Economic and Social Council on 25 July 2013

                 [on the recommendation of the Commission on Crime Prevention and Criminal

                 Justice (E/2013/30 and Corr.1)]

                 2013/38. Combating transnational organized crime and its possible

                          links to illicit trafficking in precious metals

                       The Economic and Social Council,

                       Concerned about the increasing involvement of organized criminal

                 groups in offences related to illicit trafficking in precious metals, 1 and

                 __________________

                 1

                     For the purposes of this resolution, precious metals include gold.

GE.13-12345

                 the rise in the number of such offences,

                       Recalling General Assembly resolution 66/181 of 19 December 2011,

                 in which the Assembly reaffirmed the importance of the Protocols thereto,2

                       1. Encourages Member States to take appropriate measures;

                       2. Invites Member States to consider using the Convention:

                       (a) Exchange information;

                       (b) Share their experience.

                                                                            47th plenary meeting

                                                                                   25 July 2013

                 __________________

                 2

                     United Nations, Treaty Series, vols. 2225, 2237, 2241 and 2326, No. 39574.
"""

MARKDOWN = """Resolution adopted by the General Assembly on 18 December 2013

68/193. Strengthening the United Nations crime prevention and criminal justice programme

*The General Assembly*,

*Recalling* all its resolutions relevant to the strengthening of the programme,
in particular resolution 67/189 of 20 December 2012,<sup>1</sup>

*Reaffirming* its resolution 46/152 of 18 December 1991,

1. *Takes note with appreciation* of the report of the Secretary-General;<sup>2</sup>

2. *Requests* the Secretary-General to report:

   (a) On one thing;

   (b) On another.

70th plenary meeting
18 December 2013

---

<sup>1</sup> United Nations, Treaty Series, vol. 2225, No. 39574.

<sup>2</sup> A/68/123.
"""


def test_plain_text_makes_the_whole_document():
    doc = parse(source_from(PLAIN, path="en.txt"))
    assert doc.language == "en"
    assert [line.kind for line in doc.header.lines] == ["date", "basis", "symbol-title"]
    assert doc.header.symbol.text == "2013/38"
    assert doc.header.title.text.endswith("possible links to illicit trafficking in precious metals")
    assert doc.organ.text == "The Economic and Social Council,"
    assert [p.text.split()[0] for p in doc.preambular] == ["Concerned", "Recalling", "Also"]
    assert [p.number for p in doc.operative] == [1, 2, 3]
    # Wrapped lines are joined with a space; markers are taken out of the text.
    assert doc.preambular[0].text == ("Concerned about the increasing involvement of organized criminal groups in "
                                      "offences related to illicit trafficking in precious metals, and the rise in "
                                      "the number of such offences,")
    assert doc.operative[0].text.endswith("including by adopting the necessary legislation;")
    assert [(s.label, s.level) for s in doc.operative[1].sub_items] == [("(a)", 1), ("(b)", 1), ("(i)", 2), ("(ii)", 2)]
    assert [m.number for m in doc.markers] == [1, 2, 3]
    assert [f.number for f in doc.footnotes] == [1, 2, 3]
    assert doc.footnotes[0].text.endswith("gold, silver and platinum.")
    assert (doc.footer.meeting.text, doc.footer.date.text) == ("47th plenary meeting", "25 July 2013")


def test_pdf_paste_makes_the_same_paragraphs():
    doc = parse(source_from(PDF, path="en.pdf.txt"))
    assert doc.language == "en"
    assert doc.header.symbol.text == "2013/38"
    assert doc.header.basis.text.endswith("Criminal Justice (E/2013/30 and Corr.1)]")
    assert doc.preambular[0].text == ("Concerned about the increasing involvement of organized criminal groups in "
                                      "offences related to illicit trafficking in precious metals, and the rise in "
                                      "the number of such offences,")
    assert len(doc.preambular) == 2 and [p.number for p in doc.operative] == [1, 2]
    assert [s.label for s in doc.operative[1].sub_items] == ["(a)", "(b)"]
    assert [m.number for m in doc.markers] == [1, 2]
    assert [(f.number, f.text[:13]) for f in doc.footnotes] == [(1, "For the purpo"), (2, "United Nation")]
    assert (doc.footer.meeting.text, doc.footer.date.text) == ("47th plenary meeting", "25 July 2013")


def test_markdown_with_italic_openers():
    doc = parse(source_from(MARKDOWN, path="en.md"))
    assert doc.organ.text == "The General Assembly,"
    assert doc.preambular[0].text.startswith("Recalling all its resolutions relevant to the strengthening of the "
                                             "programme, in particular")
    assert doc.operative[0].text == "Takes note with appreciation of the report of the Secretary-General;"
    assert [s.label for s in doc.operative[1].sub_items] == ["(a)", "(b)"]
    assert [f.number for f in doc.footnotes] == [1, 2] and [m.number for m in doc.markers] == [1, 2]
    assert (doc.footer.meeting.text, doc.footer.date.text) == ("70th plenary meeting", "18 December 2013")


def test_docx():
    data = make_docx(
        [
            para(run("The General Assembly,")),
            para(run("Recalling the United Nations Convention against Corruption,"), note_ref(2)),
            para(run("Requests the Secretary-General to report;"), num=(1, 0)),
            para(run("Decides to remain seized of the matter."), num=(1, 0)),
        ],
        notes={2: "United Nations, Treaty Series, vol. 2349, No. 42146."},
    )
    doc = parse(read_bytes(data, "en.docx"))
    assert doc.language == "en" and doc.source.format == "docx"
    assert (len(doc.preambular), [p.number for p in doc.operative], len(doc.footnotes)) == (1, [1, 2], 1)
    assert doc.footnotes[0].text == "United Nations, Treaty Series, vol. 2349, No. 42146."


def test_unnumbered_operative_paragraph_by_its_opener():
    doc = parse(source_from("The Economic and Social Council,\n\nNoting the report of the Secretary-General,\n\n"
                            "Decides to include the item in the agenda of its next session.\n", path="d.txt"))
    assert [p.text.split()[0] for p in doc.preambular] == ["Noting"]
    assert [p.text.split()[0] for p in doc.operative] == ["Decides"]


@pytest.mark.parametrize("text,path", [(PLAIN, "en.txt"), (PDF, "en.pdf.txt"), (MARKDOWN, "en.md")])
def test_every_character_maps_back_to_the_same_character(text, path):
    doc = parse(source_from(text, path=path))
    for i, ch in enumerate(doc.text):
        s, e = doc.offsets.to_original(i, i + 1)
        if e > s and ch != "\n":
            assert text[s] == ch, (i, ch, text[s])
        elif ch == " ":
            assert text[s - 1 : s + 1].strip() == "" or text[s] == "\n" or s == e  # a joiner stands at a line break
    for part in doc.body_parts():
        start, end = doc.span(part.offset, part.offset + len(part.text))  # a footnote's own span starts at its number
        assert (text[start], text[end - 1]) == (part.text[0], part.text[-1]), part


def test_chinese_drafts_stay_chinese():
    for path in SEED_FILES:
        assert detect_language(path.read_text(encoding="utf-8")) == "zh", path
    assert detect_language("大会，\n\n回顾其第 66/181 号决议(A/RES/66/181)，\n\n1. 请秘书长提交报告。") == "zh"
    assert detect_language(PLAIN) == "en"
