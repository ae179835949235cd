"""Chinese numerals (一 … 九百九十九) to integers and back, as written in session and meeting numbers."""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
CHINESE_NUMERAL_CHARS = DIGITS + "两十百"
_VALUE = {ch: i for i, ch in enumerate(DIGITS)} | {"两": 2}
# 一百零五: after 百 a 零 stands for the missing tens.
_NUMERAL = re.compile(
    r"(?:(?P<hundreds>[一二两三四五六七八九])百(?:零(?=[一二三四五六七八九]$))?)?"
    r"(?:(?P<tens>[一二三四五六七八九])?(?P<ten>十))?"
    r"(?P<ones>[一二三四五六七八九])?"
)


def chinese_to_int(text: str) -> int | None:
    """六十六 → 66, 十五 → 15, 一百零五 → 105; None if `text` is not a well-formed numeral from 1 to 999."""
    m = _NUMERAL.fullmatch(text) if text else None
    if not m:
        return None
    hundreds, tens, ones = m.group("hundreds"), m.group("tens"), m.group("ones")
    total = _VALUE[hundreds] * 100 if hundreds else 0
    if m.group("ten") is not None:
        total += (_VALUE[tens] if tens else 1) * 10  # 十五: a bare 十 is one ten
    if ones:
        total += _VALUE[ones]
    return total or None


def int_to_chinese(number: int) -> str:
    """66 → 六十六, 10 → 十, 105 → 一百零五, 110 → 一百一十 (1 ≤ number ≤ 999)."""
    if not 1 <= number <= 999:
        raise ValueError(f"no Chinese session numeral for {number}")
    hundreds, rest = divmod(number, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        # 十五, but 一百一十五: the leading 一 is dropped only when 十 opens the numeral.
        out += ("" if not hundreds and tens == 1 else DIGITS[tens]) + "十"
    if ones:
        out += DIGITS[ones]
    return out
