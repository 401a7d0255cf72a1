"""What the document is (kind), which open-government day it is about, its edition and year.

The genre revolves around a handful of named days that every province
spells its own way: 5·15 / 5•15 / 5▪15 / 5.15 / “5·15” / 五一五 + 政务公开日,
政务开放日 for 政府开放日, 政务公开主题日/周/月; an organ's own quoted name
("“固定开放月”"), a week named after the law it promotes ("《条例》宣传周") and
a day or week the text designates ("5月14日至20日定为…宣传周") are kept
literally.  Mentions are normalised to one name per event; a plain
政务公开日 counts as the 5·15 day only where the text ties it to 5·15 (a
"5·15" spelling, "5月15日是…政务公开日", or a sentence opened by 5月15日 — also
printed "515日" — that reports the day's activity; the period module adds a
政务公开日 whose activity day is 15 May).  The title decides the main event when it names one — bodies cite other events
("5.15 防范和打击经济犯罪宣传日", a superior's notice) — else the most
frequent mention does.

Editions ("第十二届", "第16个", "首个" = 1) count only when they qualify the main event
or a quoted short reference to it ("首个“开放日”");
ones quoted from a cited document title (inside 《》) are used only when the
document states none itself.  The year comes from the most direct evidence
(title, a year qualifying the event — "2019年XX县第十届“政务公开日”" —, a
dated event sentence, 发文字号, 成文日期, then a web publishing line, a bare
page date stamp such as "26.05.2015 10:05" or an info line holding one);
template pages printing "20xx" have none.  The kind is :mod:`pipeline.extract.kind`'s.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from pipeline.extract.dates import (
    DEADLINE_TAIL,
    FULL_DATE,
    MONTH_DAY,
    PLACEHOLDER_YEAR,
    PUBLISH_DATE,
    YEAR,
    cn_int,
)
from pipeline.extract.header import split_doc_number
from pipeline.extract.kind import kind_of
from pipeline.extract.lines import DATE_STAMP, is_info, nonblank_lines, stamp_ymd
from pipeline.extract.source import Source
from pipeline.model import Found, Record

# any middle dot, bullet or stop a site uses between 5 and 15 ("5·15", "5•15", "5▪15", "5.15")
_SEP = r"\s*[·•・‧∙･⋅▪▫●◦.\-—–、。/]\s*"
FIVE15 = rf"(?<![\d.])(?:5(?:{_SEP}|\s+)15|五(?:{_SEP})?一五|五{_SEP}十五|515)(?![\d])"
_Q_OPEN = r"[“\"「『‘]"
_Q_CLOSE = r"[”\"」』’]"
CJK = r"\u4e00-\u9fff"

_NOT_DAY = r"(?![常益趋])"  # 政务公开日常工作 / 日益 are not the day
EVENT_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    (re.compile(rf"{FIVE15}\s*{_Q_CLOSE}?\s*{_Q_OPEN}?\s*政务公开(?:宣传)?(?:活动)?(?:日{_NOT_DAY}|(?<=活动))"),
     "5·15政务公开日"),
    (re.compile(r"政务公开主题日"), "政务公开主题日"),
    # Hunan's month-long variant keeps its own name ("政务公开主题月")
    (re.compile(r"政务公开主题[周月]"), None),
    (re.compile(rf"政务公开日{_NOT_DAY}"), "政务公开日"),
    (re.compile(rf"政[府务]开放日{_NOT_DAY}"), "政府开放日"),
    # the statistics bureaus' national day (20 September) under its official name
    (re.compile(r"(?:中国)?统计开放日"), "中国统计开放日"),
    (re.compile(r"政务公开周"), "政务公开周"),
    (re.compile(r"政务公开月"), "政务公开月"),
    # a quoted open day/week/month of the organ's own naming ("“固定开放月”"), not a local 政府开放日
    (re.compile(rf"(?<={_Q_OPEN})(?![{CJK}]*?(?:政[府务]|公开))[{CJK}]{{2,6}}开放[日周月](?={_Q_CLOSE})"), None),
    # Shaanxi's standing programme, named in quotes: "“邀请公民代表走进市政府”活动", "第19期“公民代表走进市政府”活动"
    (re.compile(rf"(?<={_Q_OPEN})(?:邀请)?(?:公民|市民|群众)代表走进[{CJK}、]{{0,8}}政府(?={_Q_CLOSE})"), None),
    (re.compile(r"政[府务]开放[周月]|政务公开宣传[日周月]|政务公开体验日|"
                r"(?:公众|机关|法院|检察|税务|警营|人大|政协|媒体|消防|海关|气象|环保|环境)开放日"), None),
    # a day/week/month the text designates by name ("5月14日至20日定为X宣传周"), or one named after
    # the law it promotes ("《条例》宣传周")
    (re.compile(rf"(?:(?<=[定设]为)|(?<=[定设]为[“\"「]))(?![^，。,;；]*?(?:政务公开|政[府务]开放))"
                rf"[{CJK}《》]{{2,16}}?(?:宣传|开放|公开)(?:活动)?[日周月]|"
                rf"[《〈][^《》〈〉\n]{{1,30}}[》〉](?:学习)?宣传[日周月]"), None),
]
_BOOK = str.maketrans("〈〉", "《》")
PLAIN_DAY = "政务公开日"
MAY15 = "5·15政务公开日"
_MAY15_DATE = re.compile(r"(?:5|五)\s*月\s*(?:15|十五)\s*[日号]")
_RUN_MAY15 = re.compile(rf"{FIVE15}\s*日")  # "在515日，…": 5月15日 with its 月 lost in extraction
_TIE_REACH = 200
_EDITION = re.compile(r"(?:第\s*(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,4})\s*[届个次期]|首\s*[届个])"
                      r"(?P<mid>[^，。,;；:：\n]{0,10})$")
# "2008年第一次…开放日", "2025年第二期": a round within the year, not an edition
_YEAR_ROUND = re.compile(r"年度?$")
# a quoted short back-reference to the document's open day / week / month: “开放日”, “公开日”
_ALIAS = re.compile(rf"(?<={_Q_OPEN})(?:开放|公开)[日周月](?={_Q_CLOSE})")


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
            # a law's title nested in another title is printed 〈…〉; the day's name uses 《…》
            found.append(Mention(idx[m.start()], idx[m.end() - 1] + 1, name or m.group().translate(_BOOK)))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[Mention] = []
    for x in found:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    return out


def _tied_to_may15(norm: str, mentions: list[Mention]) -> bool:
    """True when the text ties 政务公开日 to 15 May (a 5·15 spelling or "5月15日…政务公开日").

    The date counts when it is the last date before the mention in the same sentence
    ("5月15日，XX局组织…开展了…“政务公开日”宣传活动") or closely follows it; a
    deadline ("5月15日前报送") does not.
    """
    if any(x.name == MAY15 for x in mentions):
        return True
    for x in mentions:
        if x.name != PLAIN_DAY:
            continue
        # a line break is not a sentence end: OCR wraps "今年5月15日是…\n政务公开日"
        lo = max(0, x.start - _TIE_REACH)
        before = re.split(r"[。；;!！?？]", norm[lo:x.start])[-1]
        dates = sorted([*MONTH_DAY.finditer(before), *_RUN_MAY15.finditer(before)], key=lambda d: d.start())
        dates = [d for d in dates if not DEADLINE_TAIL.match(before, d.end())]
        if dates and (_MAY15_DATE.fullmatch(dates[-1].group()) or _RUN_MAY15.fullmatch(dates[-1].group())):
            return True
        after = re.split(r"[。；;]", norm[x.end:x.end + 12])[0]
        if _MAY15_DATE.search(after):
            return True
    return False


def event_mentions(norm: str, event: str, lo: int = 0, hi: int | None = None) -> list[Mention]:
    """Mentions of ``event`` (a plain 政务公开日 counts for the 5·15 day), with its quoted short
    back-references ("首个“开放日”" of a 政府开放日 page), in text order."""
    hi = len(norm) if hi is None else hi
    out = [x for x in find_mentions(norm, lo, hi) if x.name == event or (event == MAY15 and x.name == PLAIN_DAY)]
    sq, idx = squashed(norm)
    for m in _ALIAS.finditer(sq, bisect_left(idx, lo), bisect_left(idx, hi)):
        if event.endswith(m.group()):
            out.append(Mention(idx[m.start()], idx[m.end() - 1] + 1, event))
    return sorted(out, key=lambda x: x.start)


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
    # a day named only inside a cited document's title (《…关于开展“政府开放日”活动的通知》) is the
    # superior's event; the text's own mentions decide when it has any
    pool = [x for x in mentions if not in_book_title(src.norm, x.start)] or mentions
    counts = Counter(name(x) for x in pool)
    best = max(counts.values())
    for x in pool:
        if counts[name(x)] == best:
            return name(x), x
    return None


def in_book_title(norm: str, pos: int) -> bool:
    opened = norm.rfind("《", 0, pos)
    return opened >= 0 and norm.rfind("》", opened, pos) < 0


def _edition(src: Source, rec: Record, event: str) -> Found[int] | None:
    own: list[Found[int]] = []
    cited: list[Found[int]] = []
    sq, idx = squashed(src.norm)
    for x in event_mentions(src.norm, event):
        at = bisect_left(idx, x.start)
        m = _EDITION.search(sq, max(0, at - 16), at)
        if m is None or find_mentions(m["mid"]):
            continue
        within_year = sq[m.start("mid") - 1] in "次期" and _YEAR_ROUND.search(sq, max(0, m.start() - 3), m.start())
        if within_year:
            continue  # "2008年第一次公众开放日" counts rounds within the year, not editions
        n = cn_int(m["n"]) if m["n"] else 1
        if n is None or not 0 < n < 200:
            continue
        pos = idx[m.start()]
        f = Found(n, pos, idx[m.start("mid") - 1] + 1, "event.edition")
        if rec.title is not None and rec.title.start <= pos < rec.title.end:
            return f
        (cited if in_book_title(src.norm, pos) else own).append(f)
    pool = own or cited
    if len({f.value for f in own}) > 1:
        rec.warnings.append(f"edition: the text states {sorted({f.value for f in own})}; took {pool[0].value}")
    return pool[0] if pool else None


# ---------------------------------------------------------------- year

_YEAR_IN = re.compile(rf"(?<![\d])(?P<y>{YEAR})\s*年")
# "2019年“5·15…", "2019年全省…", "2013年***县“政务公开日", "2019年XX区第十三届…", "2025年继续开展“…": a
# year qualifying the event, optionally through a place (anonymised or not), a verb and an edition —
# not "2007年起设立…", "2008年开始举办…"
_YEAR_BEFORE = re.compile(
    rf"(?<![\d])(?P<y>{YEAR})\s*年度?\s*(?:全省|全市|全县|全区|全国|我省|我市|我县|我区|"
    rf"(?:[*＊xX×]{{1,4}}|[{CJK}]{{1,10}}?)[省市县区州盟旗乡镇]|[*＊xX×]{{2,4}})?\s*"
    rf"(?:[^\s起始来曾首，。,;；:：“\"「]{{0,4}}?(?:开展|举办|举行|组织|启动))?\s*"
    rf"(?:第\s*(?:\d{{1,3}}|[一二三四五六七八九十百]{{1,4}})\s*(?:[届个次期批]|季度))?\s*"
    # "2025年第二期“政务服务面对面”政府开放日": the organ's own name for this round of the day
    rf"(?:[“\"「][^“”\"「」\n]{{2,16}}[”\"」])?\s*[“\"「]?\s*$"
)


def _year_at(src: Source, m: re.Match[str], method: str) -> Found[int] | None:
    y = cn_int(m["y"])
    if y is None or not 1990 <= y <= 2100:
        return None
    return Found(y, m.start("y"), m.end("y"), method)


def _event_sentence_year(src: Source) -> Found[int] | None:
    """The year of "2020年5月15日是…政务公开日" or "2019年“5·15政务公开日”" (first event mention that has one)."""
    for x in find_mentions(src.norm):
        if in_book_title(src.norm, x.start):
            continue
        sentence = max(src.norm.rfind(c, 0, x.start) for c in "。；;\n") + 1
        dates = list(FULL_DATE.finditer(src.norm, sentence, x.start))
        if dates:
            f = _year_at(src, dates[-1], "year.event_sentence")
        else:  # "2019年“5·15政务公开日”", "2019年全省政务公开日" — not "2007年起设立政务公开日"
            near = _YEAR_BEFORE.search(src.norm, max(sentence, x.start - 28), x.start)
            f = _year_at(src, near, "year.event_sentence") if near else None
        if f:
            return f
    return None


_INFO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _page_year(src: Source) -> Found[int] | None:
    """The year of the page's publishing line ("发布时间：…", or a bare "26.05.2015 10:05" stamp at the top)."""
    p = PUBLISH_DATE.search(src.norm)
    if p:
        return Found(int(p["y"]), p.start("y"), p.end("y"), "year.published", confidence=0.6)
    for ln in nonblank_lines(src)[:8]:
        m = DATE_STAMP.match(ln.norm)
        if m:
            y = stamp_ymd(m)[0]
            return Found(y, ln.start, ln.end, "year.page_stamp", confidence=0.6)
        d = _INFO_DATE.search(ln.norm) if is_info(ln) else None  # "2022-05-17 10:30  来源：…"
        if d:
            return Found(int(d["y"]), ln.start + d.start("y"), ln.start + d.end("y"), "year.page_stamp",
                         confidence=0.6)
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
        p = _page_year(src)
        if p:
            cands.append(p)
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


# "组织开展了《中华人民共和国政府信息公开条例》宣传活动", "开展新修订《…条例》主题宣传活动"
_LAW_CAMPAIGN = re.compile(
    r"(?:开展|举办|组织)了?\s*(?P<v>(?:新修订的?)?《[^《》\n]{2,40}条例》(?:主题|集中|专题|普法)?宣传(?:活动)?)"
)


def _law_campaign(src: Source) -> Found[str] | None:
    """A text about no named day that reports or plans a campaign for a law: the campaign's name."""
    m = _LAW_CAMPAIGN.search(src.norm)
    if m is None:
        return None
    # event names are given in Simplified, as the other literal names (matched on the Simplified copy)
    name = "".join(m["v"].split()).translate(_BOOK)
    return Found(name, m.start("v"), m.end("v"), "event.law_campaign", confidence=0.8)


def fill(src: Source, rec: Record) -> None:
    rec.kind = kind_of(src, rec)
    ev = main_event(src, rec)
    event = None
    if ev is not None:
        event, mention = ev
        rec.event = Found(event, mention.start, mention.end, "event.title"
                          if rec.title is not None and rec.title.start <= mention.start < rec.title.end
                          else "event.frequency")
        rec.edition = _edition(src, rec, event)
    else:
        rec.event = _law_campaign(src)
    rec.year = _year(src, rec, event)
