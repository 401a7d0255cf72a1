"""The activity period: when the event the document is about takes place.

Evidence, strongest first:

1. a numbered 活动时间 section ("三、活动时间" + "2020年5月15日—31日。");
2. a single unnumbered "活动时间：…" / "开放时间：…" line (announcements);
3. a sentence that schedules the whole campaign ("从5月9日至15日在全县范围内…开展");
4. the per-item "活动时间:" lines under numbered activities, earliest to latest,
   when nothing above exists;
5. "5月15日是第N个政务公开日" (also with the 月 lost: "515日是…"), "5月14日至
   20日定为…宣传周", "计划/定于M月D日…开展…活动" — a period on those days;
6. in a report, the day the event was held: a date opening a sentence (or,
   outside summaries, the clause right before the event's name) that says what
   was done ("5月15日，…开展了…政务公开日活动", "…，在5月15日，…",
   "12月25日，省政府举行首个“开放日”活动");
7. the date cells of an activity table's 时间 column (tabbed rows, or flattened
   one cell per line), earliest to latest.

Submission dates ("5月13日前上报"), registration windows ("报名时间为…"), a
page's publishing date ("发布时间：…"), a date alone on its line in a report
(a page stamp) and dates of cited documents never are periods.  A plain
政务公开日 held on 15 May is the 5·15 day (the event is renamed).  A
month-day takes the printed year, else the document year (event module),
else the issue date's; a template "20xx年" date has no year and gives no
period.  A copy with no
other year evidence takes the year printed in its activity period.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pipeline.extract.dates import (
    DEADLINE_TAIL,
    YEAR,
    DayRange,
    DayRef,
    cn_int,
    find_day_ranges,
    range_to_dates,
)
from pipeline.extract.event import (
    FIVE15,
    MAY15,
    PLAIN_DAY,
    Mention,
    event_mentions,
    find_mentions,
    in_book_title,
)
from pipeline.extract.lines import PAGE_INFO_KEY, Line, cell_spans, nonblank_lines, squash
from pipeline.extract.source import Source
from pipeline.model import Found, Record

_TOP_NUM = r"(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]\s*[、.]?)"
_SECTION = re.compile(
    rf"^(?:{_TOP_NUM}|[、.](?=活动))\s*(?:活动|开放|宣传)?(?:时间|日期)(?:安排|和地点|及地点|地点)?\s*(?P<rest>[:：].*)?$"
    # a heading whose numeral a scan lost altogether: "活动时间及地点" alone on its line
    r"|^\s*(?:活动|开放|宣传)(?:时间|日期)(?:安排|和地点|及地点|地点)?\s*$"
)
_TOP_HEAD = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.]")
_SECTION_LINES = 3
_TIME_LABEL = re.compile(r"时间|阶段|期间")
_LABEL = re.compile(r"^(?:活动|开放|宣传)(?:时间|日期)\s*[:：]\s*(?P<rest>.+)$")
_ACTION = re.compile(r"开展|展开|举办|举行|组织|进行|启动|实施|召开|迎来|邀请")
_SCHEDULED = re.compile(r"[定订]于|拟于|将于|计划|预计|当天|集中")
_DAMAGED_MAY15 = re.compile(rf"{FIVE15}\s*日(?=[\s今年]*[”\"」』]?\s*(?:是|为))")
_LONG_REACH = 400
_SCHEDULE = re.compile(r"活动时间|时间为|时间是|时间定|时间安排|期间|宣传期|活动期|活动于|[定订]于|拟于|将于")
# what only a web page's info line carries next to its date
_REGISTRATION = re.compile(r"报名|申报|报送|征集|受理|预约")
_BEFORE_DEADLINE = re.compile(r"(?:截至|截止|截止到|最迟)\s*$")
_PAGE_DATE = re.compile(r"(?:发布|更新|上传|录入|生成|发稿|成文|发文|印发)(?:时间|日期)\s*[:：]?\s*$")
_SENTENCE_END = "。；;!！"
_DATELINE = re.compile(r"\s*(?:电(?=[\s(（:：]|$)|讯)")
Dated = tuple[DayRange, tuple[dt.date, dt.date]]
_REACH = 100  # OCR wraps lines mid-sentence, so a sentence is bounded by punctuation and a length cap


def _sentence_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    s = max(norm.rfind(c, max(0, start - _REACH), start) for c in _SENTENCE_END) + 1
    s = max(s, start - _REACH)
    found = [k for k in (norm.find(c, end, end + _REACH) for c in _SENTENCE_END) if k >= 0]
    return s, min(found, default=min(len(norm), end + _REACH))
_DATE_LEADS = ("今年", "于", "在")  # "…，在5月15日，…": the date still opens its clause
_IS_DAY = re.compile(r"[\s今年]*[”\"」』]?\s*(?:是|为|确?定为|设为)")


def _usable(src: Source, r: DayRange) -> bool:
    if DEADLINE_TAIL.match(src.norm, r.end) or _BEFORE_DEADLINE.search(src.norm, max(0, r.start - 4), r.start):
        return False
    if _DATELINE.match(src.norm, r.end):  # "中新网5月5日电": the wire story's dateline
        return False
    if _PAGE_DATE.search(src.norm, max(0, r.start - 8), r.start):  # "发布时间:2023年05月20日": the page's
        return False
    lo = src.norm.rfind("\n", 0, r.start) + 1
    hi = src.norm.find("\n", r.end)
    if PAGE_INFO_KEY.search(src.norm, lo, hi if hi >= 0 else len(src.norm)):
        return False  # "时间:2020年05月26日来源:皇姑区": the page's info line under the headline
    clause = max(src.norm.rfind(c, max(0, r.start - 30), r.start) for c in "。；;，,\n") + 1
    if _REGISTRATION.search(src.norm, clause, r.start):  # "报名时间为6月6日至10日": a sign-up window
        return False
    opened = src.norm.rfind("《", 0, r.start)
    return opened < 0 or src.norm.rfind("》", opened, r.start) >= 0


def _dates(src: Source, rec: Record, r: DayRange) -> tuple[dt.date, dt.date] | None:
    issue = rec.issue_date.value if rec.issue_date is not None else None
    year = rec.year.value if rec.year is not None else None
    return range_to_dates(r, issue, year)


def _first_range(src: Source, rec: Record, lo: int, hi: int) -> tuple[DayRange, tuple[dt.date, dt.date]] | None:
    for r in find_day_ranges(src.norm, lo, hi):
        if not _usable(src, r):
            continue
        d = _dates(src, rec, r)
        return (r, d) if d else None
    return None


def _section(src: Source, rec: Record, lines: list[Line]) -> list[Dated]:
    """The dates a 活动时间 section states: on its heading line, else on the lines up to the next heading.

    A section may give a focus day and the series around it ("集中活动时间：9月22日上午；" /
    "系列活动时间：2023年9月10日至10月10日。"); the period runs from the earliest to the latest.
    """
    for i, ln in enumerate(lines):
        m = _SECTION.match(ln.norm)
        if not m:
            continue
        if m["rest"] and len(m["rest"].strip()) > 1:
            got = _first_range(src, rec, ln.start + m.start("rest"), ln.end)
            return [got] if got else []
        found: list[Dated] = []
        for nxt in lines[i + 1: i + 1 + _SECTION_LINES]:
            if _TOP_HEAD.match(nxt.norm):
                break
            got = _first_range(src, rec, nxt.start, nxt.end)
            if got and (not found or _TIME_LABEL.search(src.norm, nxt.start, got[0].start)):
                found.append(got)  # after the first statement, only further labelled times
        return found
    return []


def _labels(src: Source, rec: Record, lines: list[Line]) -> tuple[list[tuple[DayRange, tuple[dt.date, dt.date]]], int]:
    found = []
    count = 0
    for ln in lines:
        m = _LABEL.match(ln.norm)
        if not m:
            continue
        count += 1
        got = _first_range(src, rec, ln.start + m.start("rest"), ln.end)
        if got:
            found.append(got)
    return found, count


_TIME_COLUMN = re.compile(r"^(?:活动|开展|开放|举办)?(?:时间|日期)$")
_CELL_REST = re.compile(r"^[\s|｜]*(?:[(（][^()（）]{1,6}[)）])?[\s|｜]*$")


def _date_cell(src: Source, rec: Record, s: int, e: int) -> tuple[DayRange, tuple[dt.date, dt.date]] | None:
    """The date a table cell holds when it holds nothing else (a note such as "（暂定）" aside)."""
    rs = find_day_ranges(src.norm, s, e)
    if (len(rs) != 1 or src.norm[s:rs[0].start].strip(" \t|｜") or not _CELL_REST.match(src.norm[rs[0].end:e])
            or not _usable(src, rs[0])):
        return None
    d = _dates(src, rec, rs[0])
    return (rs[0], d) if d else None


def _column(src: Source, rec: Record, lines: list[Line]) -> list[tuple[DayRange, tuple[dt.date, dt.date]]]:
    """The date cells of an activity table's 时间 column: a tabbed header row and rows, or a
    table flattened one cell per line (the cells after a 活动时间 header cell)."""
    for i, ln in enumerate(lines):
        if "\t" in ln.norm:
            heads = [k for k, (a, b) in enumerate(cell_spans(src, ln.start, ln.end)) if _TIME_COLUMN.match(squash(src.norm[a:b]))]
            if not heads:
                continue
            cells = []
            for row in lines[i + 1:]:
                if "\t" not in row.norm:
                    break
                cells += cell_spans(src, row.start, row.end)[heads[0]:heads[0] + 1]
        elif _TIME_COLUMN.match(ln.sq.strip("|｜")):
            cells = [(c.start, c.end) for c in lines[i + 1:i + 150]]
        else:
            continue
        found = [f for f in (_date_cell(src, rec, a, b) for a, b in cells) if f]
        if len(found) >= 2:
            return found
    return []


def _sentence(src: Source, rec: Record, hi: int) -> tuple[DayRange, tuple[dt.date, dt.date]] | None:
    for r in find_day_ranges(src.norm, 0, hi):
        if r.first == r.last and not _is_clock_range(src, r):
            continue
        if not _usable(src, r):
            continue
        line_start = src.norm.rfind("\n", 0, r.start) + 1
        nl = src.norm.find("\n", r.end)
        line_end = len(src.norm) if nl < 0 else nl
        if _LABEL.match(src.norm[line_start:r.start].lstrip() + "x"):
            continue  # a per-item "活动时间:" line is step 4's business
        if not src.norm[line_start:r.start].strip() and _CELL_REST.match(src.norm[r.end:line_end]):
            continue  # a date alone on its line (a table cell) is no sentence
        s, e = _sentence_bounds(src.norm, r.start, r.end)
        sentence = src.norm[s:e]
        if (_ACTION.search(sentence) or _SCHEDULE.search(sentence)) and re.search(r"活动|宣传|开放|公开", sentence):
            d = _dates(src, rec, r)
            if d:
                return r, d
    return None


def _is_clock_range(src: Source, r: DayRange) -> bool:
    return bool(re.search(r"[至到\-—~]", src.norm[r.start:r.end]))


def _may15_damaged(src: Source, hi: int) -> list[DayRange]:
    """"515日是…政务公开日": 5·15 printed as a day whose 月 was lost in extraction."""
    out = []
    for m in _DAMAGED_MAY15.finditer(src.norm, 0, hi):
        ref = DayRef(None, 5, 15)
        out.append(DayRange(ref, ref, m.start(), m.end()))
    return out


def _event_day(src: Source, rec: Record, hi: int, summary: bool) -> tuple[DayRange, tuple[dt.date, dt.date]] | None:
    """"5月15日是第N个政务公开日", "定于5月15日举办…政府开放日活动", or a report's "5月15日，…开展了…".

    A report (summary or news) gives the day the event was held: a date opening a clause
    that names the event (before or after the date) and says what was done after it;
    such sentences run long, so they are bounded by the full stop alone.  Outside
    summaries the date must be the last one before the event's name.  A date of another year
    than the document's recalls an earlier event.
    """
    mentions = find_mentions(src.norm, 0, hi)
    if rec.event is not None:  # "首个“开放日”": a short reference to the main event names it too
        mentions = sorted(set(mentions) | set(event_mentions(src.norm, rec.event.value, 0, hi)),
                          key=lambda x: x.start)
    mentions = [x for x in mentions if not in_book_title(src.norm, x.start)]
    ranges = sorted(find_day_ranges(src.norm, 0, hi) + _may15_damaged(src, hi), key=lambda r: r.start)
    for n, r in enumerate(ranges):
        if not _usable(src, r) or (r.first.year and rec.year and r.first.year != rec.year.value):
            continue  # a date of another year recalls an earlier event
        _, e = _sentence_bounds(src.norm, r.start, r.end)
        after = [x for x in mentions if r.end <= x.start < e]
        is_day = bool(after) and bool(_IS_DAY.match(src.norm, r.end))
        acted = bool(after) and bool(_ACTION.search(src.norm, r.end, after[0].start))
        nearest = acted and (n + 1 == len(ranges) or ranges[n + 1].start > after[0].start)
        # "将于5月25日举办" — not an earlier date of the same sentence ("5月5日…将于5月25日")
        scheduled = nearest and bool(_SCHEDULED.search(src.norm, max(0, r.start - 4), after[0].start))
        reported = nearest and _opens_clause(src.norm, r)
        held = summary and _held(src, r, mentions)
        # a date alone on its line (a page's stamp, a signature date) reports nothing
        told = ((summary and acted) or reported or held) and not _alone_on_line(src.norm, r)
        if is_day or scheduled or told:
            if r.first.placeholder:
                return None
            d = _dates(src, rec, r)
            if d:
                return r, d
    return None


_MONTH_DESIGNATED = re.compile(
    rf"(?:将|把)\s*(?:(?P<y>{YEAR})\s*年)?\s*(?P<m>\d{{1,2}}|十[一二]?|[一二三四五六七八九])\s*月份?\s*"
    r"(?:定为|确定为|作为|设为)"
)


def _designated_month(src: Source, rec: Record, hi: int) -> Dated | None:
    """"将2008年5月定为“《条例》宣传活动月”": the whole month."""
    m = _MONTH_DESIGNATED.search(src.norm, 0, hi)
    if m is None:
        return None
    year = cn_int(m["y"]) if m["y"] else (rec.year.value if rec.year is not None else None)
    month = cn_int(m["m"])
    if year is None or month is None or not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    r = DayRange(DayRef(year, month, 1), DayRef(year, month, last), m.start(), m.end())
    return r, (dt.date(year, month, 1), dt.date(year, month, last))


def _alone_on_line(norm: str, r: DayRange) -> bool:
    line_start = norm.rfind("\n", 0, r.start) + 1
    nl = norm.find("\n", r.end)
    return not norm[line_start:r.start].strip() and not norm[r.end:len(norm) if nl < 0 else nl].strip(" \t。.")


def _opens_clause(norm: str, r: DayRange) -> bool:
    lead = norm[max(0, r.start - _REACH):r.start].rstrip(" \t")
    return not lead or lead[-1] in "，,:：。；;!！\n)）" or lead.endswith(_DATE_LEADS)  # ）: after a byline


def _held(src: Source, r: DayRange, mentions: list[Mention]) -> bool:
    norm = src.norm
    s = max(norm.rfind(c, max(0, r.start - _LONG_REACH), r.start) for c in _SENTENCE_END) + 1
    stops = [k for k in (norm.find(c, r.end, r.end + _LONG_REACH) for c in _SENTENCE_END) if k >= 0]
    e = min(stops, default=min(len(norm), r.end + _LONG_REACH))
    if not any(s <= x.start < e for x in mentions):
        return False
    return _opens_clause(norm, r) and bool(_ACTION.search(norm, r.end, e))


_ANNEX_PAGE = re.compile(r"^附\s*件\s*\d*\s*[:：]?$")


def _main_text_end(src: Source, rec: Record, lines: list[Line]) -> int:
    """Where attachment pages start (after the signature), else the end of the text."""
    after = rec.issue_date.end if rec.issue_date is not None else None
    if after is not None:
        for ln in lines:
            if ln.start > after and _ANNEX_PAGE.match(ln.sq):
                return ln.start
    return len(src.norm)


def _span(items: list[Dated], method: str) -> tuple[DayRange, DayRange, dt.date, dt.date, str]:
    """Earliest to latest of several dated items."""
    first = min(items, key=lambda x: x[1][0])
    last = max(items, key=lambda x: x[1][1])
    return first[0], last[0], first[1][0], last[1][1], method


def _find(src: Source, rec: Record, lines: list[Line], hi: int) -> tuple[DayRange, DayRange, dt.date, dt.date, str] | None:
    section = _section(src, rec, lines)
    if section:
        return _span(section, "period.section")
    labels, count = _labels(src, rec, lines)
    if labels and count == 1:
        return labels[0][0], labels[0][0], *labels[0][1], "period.label"
    got = _sentence(src, rec, hi)
    if got:
        return got[0], got[0], *got[1], "period.sentence"
    if labels:
        return _span(labels, "period.items")
    got = _designated_month(src, rec, hi)
    if got:
        return got[0], got[0], *got[1], "period.designated_month"
    got = _event_day(src, rec, hi, rec.kind is not None and rec.kind.value == "summary")
    if got:
        return got[0], got[0], *got[1], "period.event_day"
    column = _column(src, rec, lines)
    if column:
        return _span(column, "period.column")
    got = _lede_day(src, rec, lines) if rec.kind is not None and rec.kind.value == "summary" else None
    return (got[0], got[0], *got[1], "period.lede") if got else None


_LEDE_ACTION = re.compile(r"开展|举办|举行|组织|邀请|召开|走进|来到|深入|迎来")
_LEDE_LEAD = re.compile(r"\s*(?:今年|在|于)?\s*")


def _lede_day(src: Source, rec: Record, lines: list[Line]) -> Dated | None:
    """A report whose paragraph opens on the day something was done ("8月15日下午，江阴市水利局邀请…",
    "2022年9月23日，道太乡开展“…”宣传活动") when the event's own name is not in that sentence:
    the first such day is the day reported."""
    for ln in lines:
        lead = _LEDE_LEAD.match(src.norm, ln.start, ln.end)
        rs = find_day_ranges(src.norm, lead.end() if lead else ln.start, ln.end)
        if not rs or rs[0].start != (lead.end() if lead else ln.start) or not _usable(src, rs[0]):
            continue
        r = rs[0]
        if r.first.year and rec.year and r.first.year != rec.year.value:
            continue
        _, e = _sentence_bounds(src.norm, r.start, r.end)
        if _LEDE_ACTION.search(src.norm, r.end, e) and not _alone_on_line(src.norm, r):
            d = _dates(src, rec, r)
            if d:
                return r, d
    return None


_RUNS_UNTIL = re.compile(r"(?:活动|宣传)[^。；;\n]{0,12}?(?:持续|延续|一直)(?:开展)?(?:到|至)\s*")
_UNTIL_REACH = 92  # a series window runs weeks, not a season


def _runs_until(src: Source, rec: Record, hi: int, end: dt.date) -> tuple[DayRange, dt.date] | None:
    """A later end the text gives the activities ("系列活动将会持续到10月10日")."""
    for m in _RUNS_UNTIL.finditer(src.norm, 0, hi):
        rs = find_day_ranges(src.norm, m.end(), min(hi, m.end() + 16))
        if not rs or rs[0].start != m.end() or not _usable(src, rs[0]):
            continue
        d = _dates(src, rec, rs[0])
        if d and end < d[1] <= end + dt.timedelta(days=_UNTIL_REACH):
            return rs[0], d[1]
    return None


_LASTING = re.compile(r"为期\s*(?P<n>\d{1,2}|[一两二三四五六七八九十]{1,2})\s*(?P<u>个月|个星期|周|天|日)")
_LASTING_REACH = 40


def _lasting(src: Source, r: DayRange, start: dt.date) -> dt.date | None:
    """The end of a run that starts on ``r`` ("8月1日起") and states its length ("为期一个月")."""
    if not re.match(r"\s*(?:起|开始)", src.norm[r.end:r.end + 3]):
        return None
    m = _LASTING.search(src.norm, r.end, min(len(src.norm), r.end + _LASTING_REACH))
    if m is None or re.search(r"[。；;!！\n]", src.norm[r.end:m.start()]):
        return None
    n = int(m["n"]) if m["n"].isdigit() else cn_int(m["n"].replace("两", "二"))
    if not n:
        return None
    if m["u"] == "个月":
        month = start.month - 1 + n
        y, mo = start.year + month // 12, month % 12 + 1
        return dt.date(y, mo, min(start.day, calendar.monthrange(y, mo)[1])) - dt.timedelta(days=1)
    days = n * 7 if m["u"] in ("周", "个星期") else n
    return start + dt.timedelta(days=days - 1)


def fill(src: Source, rec: Record) -> None:
    lines = nonblank_lines(src)
    hi = _main_text_end(src, rec, lines)
    got = _find(src, rec, [ln for ln in lines if ln.start < hi], hi)
    if got is None:
        return
    r1, r2, a, b, method = got
    until = _runs_until(src, rec, hi, b)
    if until is not None:  # "启动仪式…系列活动将会持续到10月10日": the series runs on past the launch
        r2, b = until
    elif a == b:
        b = _lasting(src, r1, a) or b  # "8月1日起…开展为期一个月的…活动"
    rec.period_start = Found(a, r1.start, r1.end, method)
    rec.period_end = Found(b, r2.start, r2.end, method)
    if rec.event is not None and rec.event.value == PLAIN_DAY and a == b and (a.month, a.day) == (5, 15):
        # a 政务公开日 held on 5月15日 is the 5·15 day, however far the text puts the date from the name
        rec.event = Found(MAY15, rec.event.start, rec.event.end, "event.held_on_may15", rec.event.confidence)
    if rec.year is None and r1.first.year is not None:
        # a copy without title, signature or dated event sentence: the printed activity date says the year
        rec.year = Found(r1.first.year, r1.start, r1.end, "year.period", confidence=0.8)
