"""Read a draft from disk or stdin: decode its bytes and tell which kind of text it is."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from linter.errors import InputError

FORMATS = ("text", "pdf-text", "word-text", "markdown", "docx")
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".text")


@dataclass(frozen=True)
class Source:
    """A decoded draft. Offsets everywhere in resolint count characters of `text`.

    `text` is the decoded file with newlines as "\\n" and without a byte-order
    mark, which is what Python's text mode reads. For a .docx it is the docx
    text built by `linter.docx_reader` (one line per paragraph).
    """

    path: str
    text: str
    format: str
    encoding: str


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
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str) -> Source:
    if not data:
        raise InputError(path, "empty file")
    if path.lower().endswith(".docx") or data[:4] == b"PK\x03\x04" or data[:4] == b"\xd0\xcf\x11\xe0":
        from linter.docx_reader import read_docx

        return Source(path, _clean(read_docx(data, path), path), "docx", "docx")
    text, encoding = decode(data, path)
    text = _clean(text, path)
    return Source(path, text, detect_format(text, path), encoding)


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return _strict(data[2:], "utf-16-le", path), "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data[2:], "utf-16-be", path), "utf-16-be"
    if b"\x00" in data:
        if _looks_like_bomless_utf16(data):
            raise InputError(path, "UTF-16 text without a byte-order mark; save it as UTF-8")
        raise InputError(path, "binary file, not a text draft (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise InputError(
                path,
                f"cannot decode: not UTF-8, UTF-16 or GB18030 "
                f"(byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})",
            ) from None
        if not _plausible_chinese(text):
            raise InputError(
                path,
                f"unknown encoding: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                f"{utf8_error.start}) and not plausible GB18030 text",
            )
        return text, "gb18030"


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as {encoding}: bad bytes at offset {exc.start}") from None


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4000]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = max(len(sample) // 2, 1)
    # CJK in UTF-16 has few NULs, ASCII has one per character: either way NULs
    # cluster on one side, which binary data does not do.
    return (even > half * 0.2 and odd < half * 0.02) or (odd > half * 0.2 and even < half * 0.02)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ODD = re.compile(r"[\u0080-\u024f\u0370-\u2fff\ue000-\uf8ff\U00010000-\U0010ffff]")


def _plausible_chinese(text: str) -> bool:
    cjk = len(_CJK.findall(text))
    odd = len(_ODD.findall(text))
    return cjk > 0 and cjk >= 4 * odd


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text: str, path: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "empty file (nothing but whitespace)")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError(path, "binary file, not a text draft (control characters)")
    return text


# --- format detection -------------------------------------------------------

_MD_SIGNS = re.compile(r"<sup>\s*\d+\s*</sup>|\[\^\d+\]|^#{1,6} ", re.M)
_BOLD4 = re.compile(r"([\u4e00-\u9fff]{1,12})\1\1\1")
_RULE_LINE = re.compile(r"^(?:_{8,}|[ \t]{20,})[ \t]*$", re.M)
_LONE_NUMBER = re.compile(r"^[ \t]*\d{1,3}[ \t]*$", re.M)
_WORD_ANCHOR = re.compile(r"\d ?[FH][ \t]*$", re.M)
_GLUED_MARKER = re.compile(r"[，。；、》”）)][1-9]\d?(?= ?[\u4e00-\u9fff《“])")


def detect_format(text: str, path: str = "") -> str:
    lower = path.lower()
    if lower.endswith((".md", ".markdown")) or _MD_SIGNS.search(text):
        return "markdown"
    pdf_signs = sum(
        (
            len(_BOLD4.findall(text[:50000])) >= 2,
            len(_RULE_LINE.findall(text)) >= 1,
            len(_LONE_NUMBER.findall(text)) >= 2,
            len(_WORD_ANCHOR.findall(text)) >= 2,
            _double_spaced(text),
        )
    )
    if pdf_signs >= 2:
        return "pdf-text"
    if len(_GLUED_MARKER.findall(text)) >= 1:
        return "word-text"
    return "text"


def _double_spaced(text: str) -> bool:
    """PDF extraction puts a blank line after every line of the page."""
    lines = text.split("\n")
    content = sum(1 for line in lines if line.strip())
    pairs = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    return content >= 6 and pairs >= 0.7 * content
