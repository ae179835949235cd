"""Turn a .docx into resolint's docx text: one line per paragraph, list numbers rebuilt, footnotes as [^n]."""

from __future__ import annotations

import io
import re
import zipfile

from linter.errors import InputError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
MAX_MEMBER = 50 * 1024 * 1024
MAX_TOTAL = 200 * 1024 * 1024
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def read_docx(data: bytes, path: str) -> str:
    """Body paragraphs and footnotes of a .docx as resolint's docx text."""
    return read_docx_paragraphs(data, path)[0]


def read_docx_paragraphs(data: bytes, path: str) -> tuple[str, tuple[int, ...]]:
    """The docx text, and for each of its lines the number of its Word paragraph (0 for the footnote lines)."""
    text, paragraphs, _ = read_docx_parts(data, path)
    return text, paragraphs


def read_docx_parts(data: bytes, path: str) -> tuple[str, tuple[int, ...], tuple[tuple[str, int, int], ...]]:
    """The docx text, each line's Word paragraph number (0 for the footnote lines), and the Word comments on
    the body: (text, first Word paragraph, last Word paragraph) each, in document order (they add no text).

    Word paragraphs are numbered 1, 2, … in document order over the body,
    empty ones and those in table cells included (as a Word user counts them);
    an empty paragraph gives no line, so line and paragraph numbers can differ.
    """
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise InputError(path, "encrypted or legacy .doc file, save it as .docx")
    if data[:4] != b"PK\x03\x04":
        raise InputError(path, "not a .docx file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = _safe_parts(archive, path)
    except zipfile.BadZipFile as exc:
        raise InputError(path, f"broken .docx (damaged or truncated zip: {exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        raise InputError(path, f"broken .docx ({exc})") from None
    if "word/document.xml" not in parts:
        raise InputError(path, "not a Word document: word/document.xml is missing")
    try:
        return _render(parts, data, path)
    except InputError:
        raise
    except Exception as exc:  # lxml, python-docx and zipfile fail in many ways on damaged files
        raise InputError(path, f"broken .docx ({type(exc).__name__}: {exc})") from None


def _safe_parts(archive: zipfile.ZipFile, path: str) -> dict[str, bytes]:
    """The XML parts we read, after refusing zip bombs and XML entity declarations."""
    infos = archive.infolist()
    if sum(i.file_size for i in infos) > MAX_TOTAL:
        raise InputError(path, "refused: the .docx would unpack to more than 200 MB")
    wanted = {"word/document.xml", "word/footnotes.xml", "word/numbering.xml", "word/styles.xml", "word/comments.xml"}
    parts: dict[str, bytes] = {}
    for info in infos:
        if info.filename not in wanted:
            continue
        if info.flag_bits & 0x1:
            raise InputError(path, "encrypted or password-protected .docx")
        if info.file_size > MAX_MEMBER:
            raise InputError(path, f"refused: {info.filename} would unpack to more than 50 MB")
        with archive.open(info) as member:
            raw = member.read(MAX_MEMBER + 1)
        if len(raw) > MAX_MEMBER:
            raise InputError(path, f"refused: {info.filename} would unpack to more than 50 MB")
        # A DTD is never needed in OOXML; refusing it stops billion-laughs before any parser runs.
        if _DECLARATION.search(raw[:4096]) or _DECLARATION.search(raw):
            raise InputError(path, f"unsafe XML in {info.filename}: entity declarations are not allowed")
        parts[info.filename] = raw
    return parts


def _parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _xml(raw: bytes):
    from lxml import etree

    return etree.fromstring(raw, _parser())


def _render(parts: dict[str, bytes], data: bytes, path: str) -> tuple[str, tuple[int, ...], tuple]:
    import docx

    body = docx.Document(io.BytesIO(data)).element.body
    numbering = _Numbering(_xml(parts["word/numbering.xml"]) if "word/numbering.xml" in parts else None,
                           _xml(parts["word/styles.xml"]) if "word/styles.xml" in parts else None)
    notes = _footnote_texts(_xml(parts["word/footnotes.xml"])) if "word/footnotes.xml" in parts else {}
    order: dict[str, int] = {}  # footnote id → displayed number, by first reference
    lines: list[str] = []
    numbers: list[int] = []
    anchors: dict[str, list[int]] = {}  # comment id → the Word paragraphs its range and reference mark are in
    for number, p in enumerate(_paragraphs(body), 1):
        for mark in p.iter(f"{_W}commentRangeStart", f"{_W}commentRangeEnd", f"{_W}commentReference"):
            anchors.setdefault(mark.get(f"{_W}id"), []).append(number)
        # A line break typed inside a run must not split the paragraph's line (and shift every number after it).
        text = _LINE_BREAKS.sub(" ", _paragraph_text(p, order, notes)).strip()
        if not text:
            continue
        label = numbering.label(p)
        lines.append(f"{label} {text}" if label else text)
        numbers.append(number)
    out = "\n".join(lines)
    if order:
        note_lines = [
            f"[^{number}]: {_LINE_BREAKS.sub(' ', notes.get(note_id, '')).strip()}"
            for note_id, number in sorted(order.items(), key=lambda kv: kv[1])
        ]
        out += "\n---\n" + "\n".join(note_lines)
        numbers += [0] * (1 + len(note_lines))
    if not out.strip():
        raise InputError(path, "empty document (no text in the .docx body)")
    comments = _comment_texts(_xml(parts["word/comments.xml"])) if "word/comments.xml" in parts else {}
    on_body = tuple((comments[cid], min(at), max(at)) for cid, at in anchors.items() if cid in comments)
    return out + "\n", tuple(numbers), on_body


def _comment_texts(root) -> dict[str, str]:
    """Each Word comment's text (its paragraphs joined by a space), by comment id."""
    return {
        comment.get(f"{_W}id"): " ".join(
            "".join(t.text or "" for t in p.iter(f"{_W}t")).strip() for p in comment.iter(f"{_W}p")
        ).strip()
        for comment in root.iter(f"{_W}comment")
    }


_LINE_BREAKS = re.compile(r"[\r\n]")


def _paragraphs(body):
    """Body paragraphs in reading order, table cells included."""
    for el in body.iter(f"{_W}p"):
        if el.getparent() is not None and el.getparent().tag == f"{_W}txbxContent":
            continue
        yield el


def _paragraph_text(p, order: dict[str, int], notes: dict[str, str]) -> str:
    out: list[str] = []
    for run in p.iter(f"{_W}r"):
        if any(a.tag == f"{_W}del" for a in run.iterancestors()):
            continue  # a tracked deletion is not in the text
        if any(a.tag == f"{_W}p" and a is not p for a in run.iterancestors()):
            continue  # a run of a nested paragraph (text box) belongs to that paragraph
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
                out.append(" ")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            elif tag == f"{_W}footnoteReference":
                note_id = child.get(f"{_W}id")
                if child.get(f"{_W}customMarkFollows") in ("1", "true", "on"):
                    continue  # the drafter typed the mark; it follows as ordinary text
                if note_id not in order:
                    order[note_id] = len(order) + 1
                out.append(f"[^{order[note_id]}]")
    return "".join(out)


def _footnote_texts(root) -> dict[str, str]:
    texts: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = [_paragraph_text(p, {}, {}).strip() for p in note.iter(f"{_W}p")]
        texts[note.get(f"{_W}id")] = " ".join(t for t in paragraphs if t)
    return texts


# --- list numbering -----------------------------------------------------------

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
_CN_DIGITS = "零一二三四五六七八九"


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _chinese(n: int) -> str:
    if n < 10:
        return _CN_DIGITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[units] if units else "")
    return str(n)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographTraditional", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "none":
        return ""
    return str(n)


class _Numbering:
    """Renders Word's automatic list labels ("1.", "(a)") in document order."""

    def __init__(self, numbering, styles):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, lvlText)
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
            for an in numbering.iter(f"{_W}abstractNum"):
                abstract[an.get(f"{_W}abstractNumId")] = {
                    int(lvl.get(f"{_W}ilvl", "0")): self._level(lvl) for lvl in an.iter(f"{_W}lvl")
                }
            for num in numbering.iter(f"{_W}num"):
                ref = num.find(f"{_W}abstractNumId")
                levels = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else "", {}))
                for override in num.iter(f"{_W}lvlOverride"):
                    ilvl = int(override.get(f"{_W}ilvl", "0"))
                    lvl = override.find(f"{_W}lvl")
                    if lvl is not None:
                        levels[ilvl] = self._level(lvl)
                    start = override.find(f"{_W}startOverride")
                    if start is not None and ilvl in levels:
                        _, fmt, text = levels[ilvl]
                        levels[ilvl] = (int(start.get(f"{_W}val", "1")), fmt, text)
                self.levels[num.get(f"{_W}numId")] = levels
        if styles is not None:
            based: dict[str, str] = {}
            direct: dict[str, tuple[str, int]] = {}
            for style in styles.iter(f"{_W}style"):
                sid = style.get(f"{_W}styleId")
                base = style.find(f"{_W}basedOn")
                if base is not None:
                    based[sid] = base.get(f"{_W}val")
                num = style.find(f"{_W}pPr/{_W}numPr")
                if num is not None:
                    direct[sid] = _num_pr(num)
            for sid in set(based) | set(direct):
                seen, cur = set(), sid
                while cur and cur not in direct and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur in direct:
                    self.style_num[sid] = direct[cur]

    @staticmethod
    def _level(lvl) -> tuple[int, str, str]:
        def val(tag: str, default: str) -> str:
            el = lvl.find(f"{_W}{tag}")
            return el.get(f"{_W}val", default) if el is not None else default

        return int(val("start", "1")), val("numFmt", "decimal"), val("lvlText", "")

    def label(self, p) -> str:
        ppr = p.find(f"{_W}pPr")
        ref = None
        if ppr is not None:
            num = ppr.find(f"{_W}numPr")
            if num is not None:
                ref = _num_pr(num)
            elif (style := ppr.find(f"{_W}pStyle")) is not None:
                ref = self.style_num.get(style.get(f"{_W}val"))
        if ref is None or ref[0] in (None, "0") or ref[0] not in self.levels:
            return ""
        num_id, ilvl = ref
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        start = levels[ilvl][0]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0  # a higher level advancing restarts the levels below it
        _, fmt, text = levels[ilvl]
        if fmt == "bullet":
            return ""

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            n = counters[k] or (levels.get(k, (1, "decimal", ""))[0])
            return format_number(n, levels.get(k, (1, "decimal", ""))[1])

        return re.sub(r"%(\d)", value, text).strip()


def _num_pr(num) -> tuple[str | None, int]:
    nid = num.find(f"{_W}numId")
    lvl = num.find(f"{_W}ilvl")
    return (nid.get(f"{_W}val") if nid is not None else None, int(lvl.get(f"{_W}val", "0")) if lvl is not None else 0)
