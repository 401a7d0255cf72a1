"""Dates as Chinese notices print them.

成文日期 appears in Arabic (2018年5月8日) and in Chinese numerals
(二〇一八年五月八日); activity dates and deadlines usually omit the year
(5月13日前) and take it from the document, rolling into the next year when
a December notice speaks of January.  Extraction damage that lost the
年/月 marks ("20241126日", "2025年731日") is read only when the digits split
into a month and a day one way alone.  All patterns run on
``Source.norm`` (half-width, simplified).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "Ｏ": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3,
             "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# One numeral: Arabic digits or Chinese numerals (十, 二十三, 〇八 …)
NUM = r"(?:\d{1,4}|[〇零○一二两三四五六七八九十]{1,4})"
YEAR = r"(?:\d{4}|[〇零○O0一二三四五六七八九]{4})"
SP = r"[ \t]*"

FULL_DATE = re.compile(
    rf"(?P<y>{YEAR}){SP}年{SP}(?P<m>{NUM}){SP}月{SP}(?P<d>{NUM}){SP}[日号]"
)
#: a year printed with its 年 ("2022年", "2022 年"); group 1 is the year
PRINTED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})[ \t]*年")
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


# ---------------------------------------------------------------- ranges
#
# Activity periods are printed as ranges whose second half drops what it
# shares with the first ("2020年5月15日—31日", "5月9日至15日"), sometimes
# with a weekday or a clock time in between ("5月15日（星期三）上午9时至11时").
# Summaries copied from template sites print the year as "20xx"; such a
# date has no usable year and must say so instead of borrowing one.

PLACEHOLDER_YEAR = re.compile(r"20[xX×*＊]{2}\s*年|二[〇零○O][xX×*]{2}\s*年")
DAY_DATE = re.compile(
    rf"(?:(?P<y>{YEAR}|20[xX×*]{{2}}){SP}年{SP})?(?P<m>{NUM}){SP}月{SP}(?P<d>{NUM})"
    rf"(?:{SP}[-—–~至到、]{SP}(?P<d2>{NUM}))?{SP}[日号]"  # "5月12-15日", "8月26、27日": days of one month
)
# "20241126日", "2025年731日": a full date whose 年/月 were lost in extraction; read only when its
# digits split into month and day one way alone ("111" could be 1-11 or 11-1: no date)
_RUN_DATE = re.compile(r"(?<![\d.\-/])(?P<y>(?:19|20)\d{2})[ \t]*年?[ \t]*(?P<md>\d{3,4})[ \t]*日")
# "920日讯", "1020下午": a month-day whose 月 was lost in a web copy (日 kept, or a time of day after it)
_RUN_MD = re.compile(r"(?<![\d.\-/:：年月])(?P<md>\d{3,4})(?=日(?![内以后])|[ \t]*(?:上午|下午|晚上|早上))")
_END_DATE = re.compile(
    rf"(?:(?P<y>{YEAR}){SP}年{SP})?(?:(?P<m>{NUM}){SP}月{SP})?(?P<d>{NUM}){SP}[日号]"
)
_WEEKDAY = re.compile(r"\s*[(（]\s*(?:星期|周|礼拜)[一二三四五六日天]\s*[)）]")
_CLOCK = re.compile(
    rf"\s*(?:上午|下午|晚上|早上|中午|晚|早)?\s*(?:\d{{1,2}}\s*:\s*\d{{2}}|{NUM}\s*[时点](?:\s*{NUM}\s*分|半|整)?)"
)
# "一" is how OCR reads a printed dash ("5月15日一31日"): a separator only before Arabic digits
_RANGE_SEP = re.compile(r"\s*(?:[—\-–~─―]+|(?:开始|起)?\s*(?:至|到)|一(?=\s*\d))\s*")  # "4月1日开始至11月30日"
DEADLINE_TAIL = re.compile(r"\s*(?:[(（][^()（）]{1,8}[)）])?\s*(?:\d{1,2}\s*[:时点][^，。,;；]{0,6})?\s*(?:前|之前|以前|止|截止)")


@dataclass(frozen=True)
class DayRef:
    """A month-day date as printed; ``year`` None when not printed, ``placeholder`` for 20xx."""

    year: int | None
    month: int
    day: int
    placeholder: bool = False


@dataclass(frozen=True)
class DayRange:
    """One date or range mention; ``start``/``end`` index the string it was found in."""

    first: DayRef
    last: DayRef
    start: int
    end: int


def _day_ref(m: re.Match[str], inherit: DayRef | None = None) -> DayRef | None:
    y_txt = m["y"]
    placeholder = bool(y_txt) and not y_txt.isdigit() and cn_int(y_txt) is None
    year = None if placeholder or not y_txt else cn_int(y_txt)
    month = cn_int(m["m"]) if m["m"] else (inherit.month if inherit else None)
    day = cn_int(m["d"])
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if inherit is not None and year is None:
        placeholder = inherit.placeholder
        if inherit.year is not None:
            year = inherit.year + (1 if month < inherit.month else 0)
    return DayRef(year, month, day, placeholder)


def run_month_day(md: str, year: int | None = None) -> tuple[int, int] | None:
    """(month, day) of run-together digits ("825", "1009") when they split one way only; a year-less
    run is checked against a leap year, so 229 reads 2月29日; 105 is 10月5日 (not 1月05日)."""
    reads = {(int(md[:k]), int(md[k:])) for k in (1, 2)
             if 1 <= len(md) - k <= 2 and (md[k] != "0" or len(md) == 4)
             and make_date(year or 2024, int(md[:k]), int(md[k:])) is not None}
    return reads.pop() if len(reads) == 1 else None


def _run_ref(m: re.Match[str]) -> DayRef | None:
    """The date of a :data:`_RUN_DATE` / :data:`_RUN_MD` match, or None when its digits read two ways or none."""
    year = int(m["y"]) if m.re is _RUN_DATE else None
    md = run_month_day(m["md"], year)
    return DayRef(year, *md) if md else None


def run_dates(s: str) -> Iterator[tuple[int, int, DayRef]]:
    """(start, end, date) of every full date whose 年/月 were lost ("20241126日", "2025年731日")
    that reads one way only."""
    for m in _RUN_DATE.finditer(s):
        ref = _run_ref(m)
        if ref is not None:
            yield m.start(), m.end(), ref


def find_day_ranges(s: str, lo: int = 0, hi: int | None = None) -> list[DayRange]:
    """Every date in ``s[lo:hi]``, reading "A至B" / "A—B" / "A上午9时至11时" as one range.

    A clock range on one day ("5月15日上午9时至11时") is a one-day range.
    """
    hi = len(s) if hi is None else hi
    out: list[DayRange] = []
    pos = lo
    found = sorted([*DAY_DATE.finditer(s, lo, hi), *_RUN_DATE.finditer(s, lo, hi), *_RUN_MD.finditer(s, lo, hi)],
                   key=lambda m: m.start())
    for m in found:
        if m.start() < pos:
            continue
        first = _run_ref(m) if m.re in (_RUN_DATE, _RUN_MD) else _day_ref(m)
        if first is None:
            continue
        if m.groupdict().get("d2"):
            d2 = cn_int(m["d2"])
            if d2 is not None and first.day < d2 <= 31:
                out.append(DayRange(first, DayRef(first.year, first.month, d2, first.placeholder), m.start(), m.end()))
                pos = m.end()
            continue
        j = m.end()
        w = _WEEKDAY.match(s, j, hi)
        j = w.end() if w else j
        c = _CLOCK.match(s, j, hi)
        had_clock = c is not None
        j = c.end() if c else j
        last, end = first, m.end() if not had_clock else j
        sep = _RANGE_SEP.match(s, j, hi)
        if sep:
            k = sep.end()
            e = _END_DATE.match(s, k, hi)
            if e:
                ref = _day_ref(e, inherit=first)
                if ref is not None:
                    last, end = ref, e.end()
                    w2 = _WEEKDAY.match(s, end, hi)
                    end = w2.end() if w2 else end
            elif had_clock:
                c2 = _CLOCK.match(s, k, hi)
                if c2:
                    end = c2.end()
        out.append(DayRange(first, last, m.start(), end))
        pos = end
    return out


def day_to_date(ref: DayRef, issue: dt.date | None, doc_year: int | None) -> dt.date | None:
    """The calendar date of ``ref``: printed year, else the document year, else the issue date."""
    if ref.placeholder:
        return None
    year = ref.year
    if year is None:
        year = doc_year if doc_year is not None else resolve_year(ref.month, issue)
    return make_date(year, ref.month, ref.day)


def range_to_dates(r: DayRange, issue: dt.date | None,
                   doc_year: int | None) -> tuple[dt.date, dt.date] | None:
    """Both ends of a range as dates (the end rolls into the next year if it precedes the start)."""
    a = day_to_date(r.first, issue, doc_year)
    if a is None:
        return None
    if r.last is r.first:
        return a, a
    last = r.last
    if last.year is None:
        last = DayRef(a.year + (1 if last.month < a.month else 0), last.month, last.day)
    b = day_to_date(last, issue, doc_year)
    if b is None or b < a:
        return None
    return a, b


# A web page's publishing line: "发布时间：2022-05-12", "时间:2022年5月12日", "发布日期: | 2018-04-25" (a grid cell).
PUBLISH_DATE = re.compile(
    r"(?:(?:发布|更新|成文)?(?:时间|日期)\s*[:：]|发表于)[\s|]*(?P<y>\d{4})\s*[-/年.]\s*(?P<m>\d{1,2})\s*[-/月.]\s*(?P<d>\d{1,2})"
)
