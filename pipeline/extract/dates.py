"""Dates as Chinese notices print them.

成文日期 appears in Arabic (2018年5月8日) and in Chinese numerals
(二〇一八年五月八日); activity dates and deadlines usually omit the year
(5月13日前) and take it from the document, rolling into the next year when
a December notice speaks of January.  All patterns run on
``Source.norm`` (half-width, simplified).
"""

from __future__ import annotations

import datetime as dt
import re

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3,
             "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# One numeral: Arabic digits or Chinese numerals (十, 二十三, 〇八 …)
NUM = r"(?:\d{1,4}|[〇零○一二两三四五六七八九十]{1,4})"
YEAR = r"(?:\d{4}|[〇零○O一二三四五六七八九]{4})"
SP = r"[ \t]*"

FULL_DATE = re.compile(
    rf"(?P<y>{YEAR}){SP}年{SP}(?P<m>{NUM}){SP}月{SP}(?P<d>{NUM}){SP}[日号]"
)
MONTH_DAY = re.compile(rf"(?P<m>{NUM}){SP}月{SP}(?P<d>{NUM}){SP}[日号]")


def cn_int(s: str) -> int | None:
    """'12' → 12, '十六' → 16, '二〇一八' → 2018, '二十三' → 23; None if not a number."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGITS for c in s):  # digit by digit: 二〇一八
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in CN_DIGITS:
            cur = CN_DIGITS[c]
        elif c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c == "百":
            total += (cur or 1) * 100
            cur = 0
        elif c == "千":
            total += (cur or 1) * 1000
            cur = 0
        else:
            return None
    return total + cur


def make_date(y: int | None, m: int | None, d: int | None) -> dt.date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_full_date(s: str) -> dt.date | None:
    """The first full 年月日 date in ``s`` (Arabic or Chinese numerals)."""
    m = FULL_DATE.search(s)
    if not m:
        return None
    return make_date(cn_int(m["y"]), cn_int(m["m"]), cn_int(m["d"]))


def resolve_year(month: int, ref: dt.date | None, ref_year: int | None = None) -> int | None:
    """Year of a month-day date printed without a year.

    ``ref`` is the issue date: a month more than six months before it is
    read as next year (a December notice about January).  Without an issue
    date, ``ref_year`` (the year the document is about) is used as is.
    """
    if ref is not None:
        if month < ref.month - 6:
            return ref.year + 1
        return ref.year
    return ref_year
