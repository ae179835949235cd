"""Which rules the real-paragraph test judges, and which of their findings a sample cannot support.

The corpus gives single paragraphs, not whole documents: no header, no footnotes, no footer, and
a run of lines is not known to be complete. Rules that judge a paragraph on its own are judged;
rules that need the whole document are not (they are tested on the seeds).
"""

from __future__ import annotations

# Rules that judge one paragraph at a time (prefixes select_rules understands).
JUDGED = [
    "RV101", "RV102", "RV103", "RV104",  # the opener of the paragraph (RV104 with the organ line of its organ)
    "RV111", "RV112", "RV113",  # its final mark (see judged() for the last paragraph of a run)
    "RV131",  # 的 for 地
    "RP",  # punctuation and brackets within the paragraph
    "RD301",  # impossible dates
    "RS302", "RS303", "RS304",  # numeral styles, a resolution number against its date
]
# Not judged: RC*, RR401-RR404 (footnotes are not in the corpus), RR410-RR412 and RR420-RR424
# (need the paragraphs before and after), RT121/RT122 and RV141-RV144 (need the whole sequence),
# RD307 (the corpus stripped the spaces between digits and Chinese), RS305/RS306 (need the header
# and footer).


def judged(draft, findings):
    """The findings a sample supports. Not judged: the final mark of the last operative paragraph of
    a run (it is not known to be the last of its resolution, which alone takes "。"), and the final
    "：" of a paragraph whose sub-items the sample does not have."""
    operative = [p for p in draft.paragraphs if p.part == "operative"]
    last = operative[-1] if operative else None
    for f in findings:
        if f.rule in ("RV111", "RV112", "RV113"):
            p = draft.paragraph_at(f.start)
            if p is not None and ((p is last and f.rule == "RV112") or p.row.zh.strip().endswith("：")):
                continue
        yield f
