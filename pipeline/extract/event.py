"""What the document is (kind), which open-government day it is about, its edition and year.

The genre revolves around a handful of named days that every province
spells its own way: 5·15 / 5•15 / 5.15 / “5·15” / 五一五 + 政务公开日, 政务开放日
for 政府开放日, 政务公开主题日/周/月.  Mentions are normalised to one name
per event; a plain 政务公开日 counts as the 5·15 day only where the text ties
it to 5·15 (a "5·15" spelling, or "5月15日是…政务公开日").  The title
decides the main event when it names one — bodies cite other events
("5.15 防范和打击经济犯罪宣传日", a superior's notice) — else the most
frequent mention does.

Editions ("第十二届", "第16个") count only when they qualify the main event;
ones quoted from a cited document title (inside 《》) are used only when the
document states none itself.  The year comes from the most direct evidence
(title, a dated event sentence, 发文字号, 成文日期, a web publishing line);
template pages printing "20xx" have none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.dates import FULL_DATE, PLACEHOLDER_YEAR, PUBLISH_DATE, YEAR, cn_int
from pipeline.extract.header import nonblank_lines, split_doc_number, squash
from pipeline.extract.source import Source
from pipeline.model import Found, Record

_SEP = r"\s*[·•・‧∙･⋅.\-—–、。/]\s*"
FIVE15 = rf"(?<![\d.])(?:5(?:{_SEP}|\s+)15|五(?:{_SEP})?一五|五{_SEP}十五|515)(?![\d])"
_Q_OPEN = r"[“\"「『‘]"
_Q_CLOSE = r"[”\"」』’]"

_NOT_DAY = r"(?![常益趋])"  # 政务公开日常工作 / 日益 are not the day
EVENT_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(rf"{FIVE15}\s*{_Q_CLOSE}?\s*{_Q_OPEN}?\s*政务公开(?:宣传)?(?:活动)?(?:日{_NOT_DAY}|(?<=活动))"),
     "5·15政务公开日"),
    (re.compile(r"政务公开主题日"), "政务公开主题日"),
    (re.compile(rf"政务公开日{_NOT_DAY}"), "政务公开日"),
    (re.compile(rf"政[府务]开放日{_NOT_DAY}"), "政府开放日"),
    (re.compile(r"政务公开周"), "政务公开周"),
    (re.compile(r"政务公开月"), "政务公开月"),
    (re.compile(r"政[府务]开放[周月]|政务公开宣传[日周月]|政务公开体验日|"
                r"(?:公众|机关|法院|检察|税务|警营|人大|政协|媒体|消防|海关|气象|统计|环保|环境)开放日"), None),
]
PLAIN_DAY = "政务公开日"
MAY15 = "5·15政务公开日"
_MAY15_DATE = re.compile(r"(?:5|五)\s*月\s*(?:15|十五)\s*日")
_EDITION = re.compile(r"第\s*(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,4})\s*[届个次](?P<mid>[^，。,;；:：\n]{0,10})$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str


@lru_cache(maxsize=16)
def squashed(norm: str) -> tuple[str, tuple[int, ...]]:
    """``norm`` without whitespace, and each kept character's index in ``norm``.

    OCR and PDF line breaks fall inside names ("5·15政\n务公开日", "第十二\n届"), so
    names are matched with whitespace gone and mapped back to printed positions.
    """
    keep = [i for i, ch in enumerate(norm) if not ch.isspace()]
    return "".join(norm[i] for i in keep), tuple(keep)


def find_mentions(norm: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Non-overlapping event mentions in ``norm[lo:hi]``, names normalised (5·15 not yet merged)."""
    hi = len(norm) if hi is None else hi
    sq, idx = squashed(norm)
    a, b = bisect_left(idx, lo), bisect_left(idx, hi)
    found: list[Mention] = []
    for pat, name in EVENT_PATTERNS:
        for m in pat.finditer(sq, a, b):
            found.append(Mention(idx[m.start()], idx[m.end() - 1] + 1, name or m.group()))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for x in found:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    return out


def _tied_to_may15(norm: str, mentions: list[Mention]) -> bool:
    """True when the text ties 政务公开日 to 15 May (a 5·15 spelling or "5月15日…政务公开日")."""
    if any(x.name == MAY15 for x in mentions):
        return True
    for x in mentions:
        if x.name != PLAIN_DAY:
            continue
        # a line break is not a sentence end: OCR wraps "今年5月15日是…\n政务公开日"
        before = re.split(r"[。；;]", norm[max(0, x.start - 30):x.start])[-1]
        after = re.split(r"[。；;]", norm[x.end:x.end + 12])[0]
        if _MAY15_DATE.search(before) or _MAY15_DATE.search(after):
            return True
    return False


def main_event(src: Source, rec: Record) -> tuple[str, Mention] | None:
    """The document's event name and the mention that decided it."""
    mentions = find_mentions(src.norm)
    if not mentions:
        return None
    tied = _tied_to_may15(src.norm, mentions)

    def name(x: Mention) -> str:
        return MAY15 if tied and x.name == PLAIN_DAY else x.name

    if rec.title is not None:
        in_title = [x for x in mentions if rec.title.start <= x.start < rec.title.end]
        if in_title:
            return name(in_title[0]), in_title[0]
    counts = Counter(name(x) for x in mentions)
    best = max(counts.values())
    for x in mentions:
        if counts[name(x)] == best:
            return name(x), x
    return None


def _in_book_title(norm: str, pos: int) -> bool:
    opened = norm.rfind("《", 0, pos)
    return opened >= 0 and norm.rfind("》", opened, pos) < 0


def _edition(src: Source, rec: Record, event: str) -> Found[int] | None:
    mentions = find_mentions(src.norm)
    tied = event == MAY15
    own: list[Found[int]] = []
    cited: list[Found[int]] = []
    sq, idx = squashed(src.norm)
    for x in mentions:
        if not (x.name == event or (tied and x.name == PLAIN_DAY)):
            continue
        at = bisect_left(idx, x.start)
        m = _EDITION.search(sq, max(0, at - 16), at)
        if m is None or find_mentions(m["mid"]):
            continue
        n = cn_int(m["n"])
        if n is None or not 0 < n < 200:
            continue
        pos = idx[m.start()]
        f = Found(n, pos, idx[m.start("mid") - 1] + 1, "event.edition")
        if rec.title is not None and rec.title.start <= pos < rec.title.end:
            return f
        (cited if _in_book_title(src.norm, pos) else own).append(f)
    pool = own or cited
    if len({f.value for f in own}) > 1:
        rec.warnings.append(f"edition: the text states {sorted({f.value for f in own})}; took {pool[0].value}")
    return pool[0] if pool else None


# ---------------------------------------------------------------- kind

_ISSUES_PLAN = re.compile(r"(?:方案|计划|计划表|安排)[》\"”]?的?通知$")
_ASKS_FOR_PLAN = re.compile(r"报送|上报|提交|征集|制定|编制|做好")
_ISSUING = re.compile(r"印发|下发|转发|公布")
_ANNOUNCE = re.compile(r"公告|通告|启事|邀请函|诚邀|招募|报名")
_SUMMARY_T = re.compile(r"总结|汇报|综述|回顾|(?:开展|活动|工作)?情况(?:的)?(?:报告|通报)?$|(?<!年度)(?<!年)报告$")
_OTHER_T = re.compile(r"(?:要点|办法|规定|制度|细则|指南|目录|年报|年度报告|请示|批复|规划|标准)$")
_PLAN_T = re.compile(r"(?:方案|计划|计划表|安排)$")
_NEWS_T = re.compile(r"开展|举办|举行|组织|启动|走进|参观|召开|亮相|掀起|推进|成功|圆满")
_NOTICE_T = re.compile(r"(?:通知|明电|发电|函|通报|意见|决定)$")
_CUES: dict[str, re.Pattern[str]] = {
    "summary": re.compile(r"总结|圆满|成功举办|取得了?|共接待|共发放|接待[^。]{0,12}人次|开展了|举办了|举行了|"
                          r"活动现场|吸引了|近日|日前|当天|受到[^。]{0,6}好评|\d+余?(?:人次|余份|余人|余名)"),
    "announcement": re.compile(r"报名|欢迎[^。]{0,10}参加|诚邀|名额|公告"),
    "plan": re.compile(r"活动方案|实施方案|工作方案|活动主题|活动时间|活动内容|活动安排|职责分工"),
    "notice": re.compile(r"通知如下|请各|请于|务必|各单位要|特此通知"),
}


def _kind(src: Source, rec: Record) -> Found[str]:
    if rec.title is not None:
        t = squash(src.norm[rec.title.start:rec.title.end])
        span = (rec.title.start, rec.title.end)
        for kind, ok in (
            ("plan", bool(_ISSUES_PLAN.search(t)) and (bool(_ISSUING.search(t)) or not _ASKS_FOR_PLAN.search(t))),
            ("announcement", bool(_ANNOUNCE.search(t)) and not (t.endswith("通知") and rec.recipients)),
            ("summary", bool(_SUMMARY_T.search(t))),
            ("plan", bool(_PLAN_T.search(t))),
            ("notice", bool(_NOTICE_T.search(t))),
            ("other", bool(_OTHER_T.search(t))),
            ("summary", "关于" not in t and bool(_NEWS_T.search(t))),  # a news headline reports what was done
        ):
            if ok:
                return Found(kind, span[0], span[1], "kind.title")
    if rec.issuer_mark is not None and re.search(r"电报|发电$", rec.issuer_mark.value):
        return Found("notice", rec.issuer_mark.start, rec.issuer_mark.end, "kind.telegram")
    lines = nonblank_lines(src)
    if lines and "总结" in lines[0].sq and len(lines[0].sq) <= 40:
        return Found("summary", lines[0].start, lines[0].end, "kind.heading")
    scores: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for kind, pat in _CUES.items():
        for m in pat.finditer(src.norm):
            scores[kind] += 1
            first.setdefault(kind, m.span())
    if scores:
        kind, n = scores.most_common(1)[0]
        if n >= 2:
            s, e = first[kind]
            return Found(kind, s, e, "kind.cues", confidence=0.6)
    end = lines[0].end if lines else 0
    return Found("other", 0, end, "kind.default", confidence=0.3)


# ---------------------------------------------------------------- year

_YEAR_IN = re.compile(rf"(?<![\d])(?P<y>{YEAR})\s*年")
_YEAR_BEFORE = re.compile(rf"(?<![\d])(?P<y>{YEAR})\s*年度?\s*(?:全省|全市|全县|全区|全国|我省|我市|我县|我区)?\s*[“\"「]?\s*$")


def _year_at(src: Source, m: re.Match[str], method: str) -> Found[int] | None:
    y = cn_int(m["y"])
    if y is None or not 1990 <= y <= 2100:
        return None
    return Found(y, m.start("y"), m.end("y"), method)


def _event_sentence_year(src: Source) -> Found[int] | None:
    """The year of "2020年5月15日是…政务公开日" or "2019年“5·15政务公开日”" (first event mention that has one)."""
    for x in find_mentions(src.norm):
        if _in_book_title(src.norm, x.start):
            continue
        sentence = max(src.norm.rfind(c, 0, x.start) for c in "。；;\n") + 1
        dates = list(FULL_DATE.finditer(src.norm, sentence, x.start))
        if dates:
            f = _year_at(src, dates[-1], "year.event_sentence")
        else:  # "2019年“5·15政务公开日”", "2019年全省政务公开日" — not "2007年起设立政务公开日"
            near = _YEAR_BEFORE.search(src.norm, max(sentence, x.start - 12), x.start)
            f = _year_at(src, near, "year.event_sentence") if near else None
        if f:
            return f
    return None


def _year(src: Source, rec: Record, event: str | None) -> Found[int] | None:
    cands: list[Found[int]] = []
    if rec.title is not None:
        m = _YEAR_IN.search(src.norm, rec.title.start, rec.title.end)
        f = _year_at(src, m, "year.title") if m else None
        if f:
            cands.append(f)
    if event is not None:
        f = _event_sentence_year(src)
        if f:
            cands.append(f)
    if rec.doc_number is not None:
        y = split_doc_number(rec.doc_number.value)[1]
        if y:
            cands.append(Found(y, rec.doc_number.start, rec.doc_number.end, "year.doc_number"))
    if rec.issue_date is not None:
        cands.append(Found(rec.issue_date.value.year, rec.issue_date.start, rec.issue_date.end, "year.issue_date"))
    if not cands and not PLACEHOLDER_YEAR.search(src.norm):
        p = PUBLISH_DATE.search(src.norm)
        if p:
            cands.append(Found(int(p["y"]), p.start("y"), p.end("y"), "year.published", confidence=0.6))
    if not cands:
        return None
    chosen = cands[0]
    others = {c.value for c in cands[1:]} - {chosen.value}
    # a notice signed late in the year for next year's event is normal; anything else is suspicious
    late = rec.issue_date is not None and rec.issue_date.value.month >= 10
    odd = {y for y in others if not (late and y == chosen.value - 1)}
    if odd:
        rec.warnings.append(f"year: {chosen.method} says {chosen.value} but other evidence says "
                            f"{', '.join(str(y) for y in sorted(odd))}")
    return chosen


def fill(src: Source, rec: Record) -> None:
    rec.kind = _kind(src, rec)
    ev = main_event(src, rec)
    event = None
    if ev is not None:
        event, mention = ev
        rec.event = Found(event, mention.start, mention.end, "event.title"
                          if rec.title is not None and rec.title.start <= mention.start < rec.title.end
                          else "event.frequency")
        rec.edition = _edition(src, rec, event)
    rec.year = _year(src, rec, event)
