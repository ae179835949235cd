"""Read a draft from disk or stdin: decode its bytes and tell which kind of text it is."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from linter.errors import InputError
from linter.read.line_endings import LineEndings, find_endings
from linter.read.line_shapes import LONE_NUMBER, PDF_RULE, WORD_ANCHOR

FORMATS = ("text", "pdf-text", "word-text", "markdown", "docx")
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".text")


@dataclass(frozen=True)
class FileStamp:
    """The file as it was read, to tell before writing whether someone else changed it since."""

    size: int
    mtime_ns: int
    sha256: str

    @staticmethod
    def of(data: bytes, stat: os.stat_result) -> "FileStamp":
        return FileStamp(len(data), stat.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class Source:
    """A decoded draft. Offsets everywhere in resolint count characters of `text`.

    `text` is the decoded file with newlines as "\\n" and without a byte-order
    mark, which is what Python's text mode reads. For a .docx it is the docx
    text built by `linter.read.docx_reader` (one line per paragraph).
    """

    path: str
    text: str
    format: str
    encoding: str
    # What each "\n" of `text` was in the file (see line_endings), so a draft is written back as it came.
    newlines: LineEndings = "\n"
    bom: bool = False  # the file began with a byte-order mark (always so for "utf-8-sig")
    stamp: FileStamp | None = None  # None when not read from a file (stdin, the tests)
    # A .docx: the Word paragraph number of each line of `text` (0 in the footnote section); see docx_reader.
    word_paragraphs: tuple[int, ...] = ()
    # A .docx: its Word comments on the body, (text, first, last Word paragraph) each; see docx_reader.
    word_comments: tuple[tuple[str, int, int], ...] = ()


def read_path(path: str) -> Source:
    """Read one file ('-' is standard input)."""
    if path == "-":
        return read_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or directory")
    if p.is_dir():
        raise InputError(path, "is a directory (use it as a check argument to lint the drafts inside)")
    try:
        with open(p, "rb") as fh:
            # The stat of the open file, taken before reading: a change while we read shows as a later mtime.
            stat = os.fstat(fh.fileno())
            data = fh.read()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, path, FileStamp.of(data, stat))


def read_bytes(data: bytes, path: str, stamp: FileStamp | None = None) -> Source:
    if not data:
        raise InputError(path, "empty file")
    if path.lower().endswith(".docx") or data[:4] == b"PK\x03\x04" or data[:4] == b"\xd0\xcf\x11\xe0":
        from linter.read.docx_reader import read_docx_parts  # python-docx and lxml only when a .docx comes

        text, paragraphs, comments = read_docx_parts(data, path)
        return Source(path, _clean(text, path), "docx", "docx", stamp=stamp, word_paragraphs=paragraphs,
                      word_comments=comments)
    raw, encoding = decode(data, path)
    text = _clean(raw, path)
    bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return Source(path, text, detect_format(text, path), encoding, find_endings(raw), bom, stamp)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path), "utf-16-be"
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            utf8_error = exc
        try:
            text = data.decode("gb18030")
            if _plausible_chinese(text):
                return text, "gb18030"
        except UnicodeDecodeError:
            pass
    else:
        utf8_error = None
    # UTF-16 saved without a byte-order mark: accept it when it reads as Chinese or plain text.
    for encoding in ("utf-16-le", "utf-16-be"):
        if len(data) % 2 == 0 and len(data) >= 4:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            # Random bytes also decode as UTF-16 CJK; real prose has line breaks or punctuation.
            has_structure = any(mark in text for mark in ("\n", "，", "。", "、"))
            if has_structure and (_plausible_chinese(text) or _plausible_ascii(text)):
                return text, encoding
    if utf8_error is None:
        raise InputError(path, "binary file, not a text draft (contains NUL bytes)")
    byte = data[utf8_error.start]
    raise InputError(
        path,
        f"cannot decode: not UTF-8, UTF-16 or GB18030 (byte 0x{byte:02x} at offset {utf8_error.start})",
    )


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as {encoding}: bad bytes at offset {exc.start}") from None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ODD = re.compile(r"[\u0080-\u024f\u0370-\u2fff\ue000-\uf8ff\U00010000-\U0010ffff\x00-\x08\x0e-\x1f]")


def _plausible_chinese(text: str) -> bool:
    """Chinese prose is mostly common characters; text decoded with the wrong codec is not."""
    cjk = _CJK.findall(text[:20000])
    if not cjk:
        return False
    common = sum(1 for ch in cjk if _is_common_hanzi(ch))
    odd = len(_ODD.findall(text[:20000]))
    return common >= 0.7 * len(cjk) and len(cjk) >= 4 * odd


def _is_common_hanzi(ch: str) -> bool:
    # GB 2312 level 1 (lead bytes B0–D7) holds the 3,755 most frequent characters.
    try:
        lead = ch.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7


def _plausible_ascii(text: str) -> bool:
    sample = text[:4000]
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t")
    return printable >= 0.98 * len(sample) and not _ODD.search(sample)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str, path: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # (text.strip() would copy a large draft)
        raise InputError(path, "empty file (nothing but whitespace)")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError(path, "binary file, not a text draft (control characters)")
    return text


# --- format detection -------------------------------------------------------

_MD_SIGNS = re.compile(r"<sup>\s*\d+\s*</sup>|\[\^\d+\]|^#{1,6} ", re.M)
_BOLD4 = re.compile(r"([\u4e00-\u9fff]{1,12})\1\1\1")
# The line shapes, counted over the whole text.
_RULE_LINE = re.compile(PDF_RULE.pattern, re.M)
_LONE_NUMBER = re.compile(LONE_NUMBER.pattern, re.M)
_WORD_ANCHOR = re.compile(WORD_ANCHOR.pattern, re.M)
_GLUED_MARKER = re.compile(r"[，。；、》”）)][1-9]\d?(?= ?[\u4e00-\u9fff《“])")


def detect_format(text: str, path: str = "") -> str:
    lower = path.lower()
    if lower.endswith((".md", ".markdown")) or _MD_SIGNS.search(text):
        return "markdown"
    # Two signs make a PDF: the costlier tests (a back-reference at every position, every line) come last and
    # are not made once two are found.
    pdf_signs = 0
    for sign in (
        lambda: _at_least(_RULE_LINE, text, 1),
        lambda: _at_least(_LONE_NUMBER, text, 2),
        lambda: _at_least(_WORD_ANCHOR, text, 2),
        lambda: _at_least(_BOLD4, text[:50000], 2),
        lambda: _double_spaced(text),
    ):
        pdf_signs += sign()
        if pdf_signs >= 2:
            return "pdf-text"
    if _GLUED_MARKER.search(text):
        return "word-text"
    return "text"


def _at_least(pattern: re.Pattern, text: str, count: int) -> bool:
    """Whether `pattern` occurs `count` times in `text` (as len(findall) >= count, without finding the rest)."""
    for seen, _ in enumerate(pattern.finditer(text), 1):
        if seen >= count:
            return True
    return False


def _double_spaced(text: str) -> bool:
    """PDF extraction puts a blank line after every line of the page."""
    lines = text.split("\n")
    content = sum(1 for line in lines if line.strip())
    pairs = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    return content >= 6 and pairs >= 0.7 * content
