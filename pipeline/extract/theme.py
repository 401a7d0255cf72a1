"""活动主题: the slogan-like theme a notice or summary gives the event.

Plans state it in a section ("一、活动主题" followed by the theme paragraph,
or "活动主题为：…" under it); sentences state it as "以“…”为主题",
"主题为…", "今年的主题是…"; metadata as "主题：…".  The section wins when
present — it is the document's own statement — otherwise the earliest
sentence form does, since a collection page repeats later summaries with
their own themes.  A 活动主题 column of an activity table is a header, not
a theme, and "围绕活动主题" is a reference to one.

A theme section's paragraph is the theme even when long (a plan that
names no slogan), unless it names the event by a quoted phrase
("举办“XX”政府开放日活动" → XX).  An event's own name is never a theme
("“5·15政务公开日”主题座谈会", "“…”活动主题是 X" → X); of several quoted
themes side by side the one about open government is taken.

Values keep inner quotes ("解决群众“办事难”…") but lose surrounding
quotes and the final 。.
"""

from __future__ import annotations

import re

from pipeline.extract.event import find_mentions
from pipeline.extract.lines import Line, nonblank_lines
from pipeline.extract.outline import parse_marker
from pipeline.extract.source import Source
from pipeline.model import Found, Record

_NUM = r"(?:[(（]?\s*[一二三四五六七八九十]{1,3}\s*[、.)）]|[(（]?\s*\d{1,2}\s*[、.)）])?"
_HEADING = re.compile(rf"^(?P<num>{_NUM})\s*(?:活动|宣传|本次活动|本届)?主\s*题\s*(?P<rest>.*)$")
_INLINE = re.compile(r"^(?:[:：]|为|是)\s*[:：]?\s*")
_LEAD = re.compile(r"^(?:(?:本次|本届|今年)?(?:活动|宣传)?主题(?:(?:为|是)\s*[:：]?|\s*[:：])\s*)")
_SENTENCES = [
    re.compile(r"(?:活动|宣传|今年|本次|本届|此次)[^，。,;；\n]{0,6}?主题(?:确定为|定为|为|是)\s*[:：]?\s*"),
    re.compile(r"(?<![\u4e00-\u9fff])主\s*题\s*[:：]\s*"),
    re.compile(r"(?<=[，,。；;])\s*主题(?:确定为|定为)\s*[:：]?\s*"),  # "…为主要内容，主题定为“…”"
    re.compile(r"(?:开展|举办|举行|组织)了?\s*主题为\s*(?=[“「『\"])"),  # "开展主题为“…”的宣传活动"
]
# "以“…”为主题", and the shorter "以“政务公开大家谈”为题的…活动" (not 为题材 / 为题目)
_AS_THEME = re.compile(r"为\s*(?:(?:活动|核心|宣传|年度)?\s*主\s*题|题(?![材目]))")  # a scan may wrap inside it
# "围绕“…”这一主题" — not "“5·15政务公开日”活动主题是…" (the theme follows) nor "“…”主题座谈会"
_QUOTED_THEME = re.compile(
    r"[“「『\"](?P<v>[^“”「」『』\"\n]{4,60})[”」』\"]\s*(?:这一|这个|的)?(?:活动|宣传)?主题"
    r"(?![日周月]|活动|座谈|党日|教育|\s*(?:是|为|确定|定为))"
)
# "举办“政务公开暖民心”政府开放日活动": a quoted name right before the event it names
_NAMED_EVENT = re.compile(r"[“「『\"](?P<v>[^“”「」『』\"\n]{4,40})[”」』\"]\s*(?=\S)")
# several quoted themes side by side: "以“A”、“B”为主题"
_QUOTED_LIST = re.compile(r"[“「『\"][^“”「」『』\"]+[”」』\"](?:\s*(?:、|和|与|及|,|，)\s*[“「『\"][^“”「」『』\"]+[”」』\"])+")
_QUOTED_PART = re.compile(r"[“「『\"](?P<v>[^“”「」『』\"]+)[”」』\"]")
_OWN_TOPIC = re.compile(r"政务|公开|开放")
_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}
_TABLE_COLS = re.compile(r"活动形式|责任单位|牵头单位|开展时间|时间|序号|地点")
_STOP = re.compile(r"[。；;!！?？\n]")
_SECTION_LONGEST = 250


def _matching(norm: str, start: int, end: int) -> int | None:
    """Index of the quote closing the one at ``start`` (nesting counted), or None."""
    op = norm[start]
    cl = _PAIRS[op]
    depth = 0
    for k in range(start + 1, end):
        ch = norm[k]
        if ch == cl and (op == cl or depth == 0):
            return k
        if ch == op and op != cl:
            depth += 1
        elif ch == cl:
            depth -= 1
    return None


def _is_event_name(norm: str, start: int, end: int) -> bool:
    """The span is just an event's name ("5·15政务公开日", "政府开放日活动"): a name, not a theme."""
    ms = find_mentions(norm, start, end)
    if not ms:
        return False
    rest = norm[start:ms[0].start] + norm[ms[-1].end:end]
    return len(rest.strip()) <= 2 or rest.strip() in ("活动", "宣传活动", "系列活动")


def _one_of_list(src: Source, start: int, end: int) -> tuple[int, int]:
    """Of several quoted themes side by side, the one about open government (else the first)."""
    if not _QUOTED_LIST.fullmatch(src.norm, start, end):
        return start, end
    parts = list(_QUOTED_PART.finditer(src.norm, start, end))
    best = next((p for p in parts if _OWN_TOPIC.search(p["v"])), parts[0])
    return best.start(), best.end()


def _clean(src: Source, start: int, end: int, method: str, bounded: bool = False,
           longest: int = 80, squash: bool = False) -> Found[str] | None:
    """Cut an open-ended window to the quoted phrase or first sentence; drop wrapping quotes and 。."""
    norm = src.norm
    while start < end and norm[start] in " \t:：":
        start += 1
    if start >= end:
        return None
    if not bounded:
        close = _matching(norm, start, end) if norm[start] in _PAIRS else None
        if close is not None:
            end = close + 1
        else:
            stop = _STOP.search(norm, start, end)
            end = stop.start() if stop else end
    while end > start and norm[end - 1] in " \t\n。.，,":
        end -= 1
    start, end = _one_of_list(src, start, end)
    if end - start >= 2 and norm[start] in _PAIRS and _matching(norm, start, end) == end - 1:
        start, end = start + 1, end - 1
        while end > start and norm[end - 1] in " \t。.，,":  # “…建设。”
            end -= 1
    if _is_event_name(norm, start, end):
        return None
    f = src.found(start, end, method, squash_space=squash)
    if f is None or not 4 <= len(f.value) <= longest:
        return None
    return f


def _column(ln: Line) -> bool:
    """A short label with no punctuation: a table header cell printed on its own line."""
    return len(ln.sq) <= 8 and re.fullmatch(r"[\u4e00-\u9fff()（）]+", ln.sq) is not None


def _from_section(src: Source, lines: list[Line]) -> Found[str] | None:
    for i, ln in enumerate(lines):
        m = _HEADING.match(ln.norm)
        if not m or "\t" in ln.norm or _TABLE_COLS.search(m["rest"]):
            continue
        rest = m["rest"]
        if rest.strip():
            inline = _INLINE.match(rest)
            if not inline:
                continue  # "主题鲜明…" is prose, not a heading
            start = ln.start + m.start("rest") + inline.end()
            return _clean(src, start, ln.end, "theme.section")
        if i + 1 < len(lines):
            nxt = lines[i + 1]
            if _TABLE_COLS.match(nxt.sq) or (i > 0 and _column(lines[i - 1]) and _column(nxt)
                                              and not m["num"].strip()):
                continue  # "承办单位 / 活动主题 / 活动邀请对象": a table's header row, one cell a line
            inner = _in_paragraph(src, nxt)
            if inner is not None:
                return inner
            lead = _LEAD.match(nxt.norm)
            start = nxt.start + (lead.end() if lead else 0)
            end = _wrapped_end(src, lines, i + 1)
            # the section's paragraph is the theme, however long (a plan that names no slogan)
            # a quoted theme that a scan wrapped ("“营造…服务型政" + "府”平湖街道“政府开放日”活动") still
            # ends at its closing quote
            quoted = src.norm[start:start + 1] in _PAIRS
            return _clean(src, start, end, "theme.section", longest=_SECTION_LONGEST,
                          bounded=end > nxt.end and not quoted, squash=end > nxt.end)
    return None


_OPEN_END = re.compile(r"[^。！？；;!?.”」』]$")


def _wrapped_end(src: Source, lines: list[Line], k: int) -> int:
    """End of the paragraph starting at ``lines[k]`` when a scan wrapped it and the re-flow missed
    it: a line that ends mid-sentence continues on the next, short line that ends the sentence."""
    end = lines[k].end
    for j in range(k + 1, min(k + 3, len(lines))):
        if (not _OPEN_END.search(lines[j - 1].sq) or parse_marker(src, lines[j].start, lines[j].end)
                or len(lines[j].sq) > 40):
            break
        end = lines[j].end
    return end


def _in_paragraph(src: Source, ln: Line) -> Found[str] | None:
    """A theme stated inside a longer paragraph: "以“…”为主题", "围绕“…”主题"."""
    for m in _AS_THEME.finditer(src.norm, ln.start, ln.end):
        f = _as_theme(src, m)
        if f:
            return f
    q = _QUOTED_THEME.search(src.norm, ln.start, ln.end)
    if q:
        return _clean(src, q.start("v"), q.end("v"), "theme.quoted", bounded=True)
    for n in _NAMED_EVENT.finditer(src.norm, ln.start, ln.end):
        after = find_mentions(src.norm, n.end(), min(ln.end, n.end() + 12))
        if after and after[0].start == n.end() and not _is_event_name(src.norm, n.start("v"), n.end("v")):
            return _clean(src, n.start("v"), n.end("v"), "theme.named_event", bounded=True)
    return None


def _as_theme(src: Source, m: re.Match[str]) -> Found[str] | None:
    """"以“…”为主题": back from 为主题 to the 以 that opens the clause.

    The theme may itself contain commas and 以 ("以人民为中心"), so the opening 以
    is the one after punctuation; failing that, one directly followed by a quote.
    """
    end = m.start()
    quoted: int | None = None
    for k in range(end - 1, max(0, end - 60) - 1, -1):
        ch = src.norm[k]
        if ch in "。；;!！?？" or (ch == "\n" and (k == 0 or src.norm[k - 1] in "。；;!！?？:：\n")):
            break  # a line break mid-sentence is a scan's wrap ("以“…”" + "为主题"), not an end
        if ch != "以":
            continue
        if k == 0 or src.norm[k - 1] in "，,。；;、:： \t\n(（":
            return _clean(src, k + 1, end, "theme.as_theme", bounded=True)
        if src.norm[k + 1:k + 2] in _PAIRS:
            quoted = k
    if quoted is not None:
        return _clean(src, quoted + 1, end, "theme.as_theme", bounded=True)
    return None


def _from_sentences(src: Source) -> Found[str] | None:
    best: Found[str] | None = None
    for pat in _SENTENCES:
        for m in pat.finditer(src.norm):
            f = _clean(src, m.end(), min(len(src.norm), m.end() + 100), "theme.sentence")
            if f and (best is None or f.start < best.start):
                best = f
            break
    for m in _AS_THEME.finditer(src.norm):
        f = _as_theme(src, m)
        if f:
            if best is None or f.start < best.start:
                best = f
            break
    q = _QUOTED_THEME.search(src.norm)
    if q:
        f = _clean(src, q.start("v"), q.end("v"), "theme.quoted", bounded=True)
        if f and (best is None or f.start < best.start):
            best = f
    return best


CN_DIGITS = "一二三四五六七八九十"
_CN_HEAD = r"[一二三四五六七八九十]{1,3}\s*[,，]?\s*、"
# the heading may be glued to the previous section's last word too ("地点:泾源县农业农村局三、活动主题…")
_RUN_IN = re.compile(rf"(?<![第{CN_DIGITS}]){_CN_HEAD}\s*(?:活动|宣传)?主\s*题\s*(?:为|是)?\s*[:：]?\s*")
_NEXT_HEAD = re.compile(rf"[，,。；;\s]*{_CN_HEAD}|[。；;!！?？\n]")


def _run_in_section(src: Source) -> Found[str] | None:
    """A copy that lost its line breaks: "…部署，二、活动主题政务公开，三、活动时间…" — the theme
    runs from the heading to the next numbered heading or the end of the sentence."""
    m = _RUN_IN.search(src.norm)
    if m is None:
        return None
    stop = _NEXT_HEAD.search(src.norm, m.end())
    end = stop.start() if stop else len(src.norm)
    for pat in _SENTENCES:  # the section explains first and states the theme last ("…，主题定为“…”")
        said = pat.search(src.norm, m.end(), end)
        if said:
            tail = _STOP.search(src.norm, said.end(), end)
            return _clean(src, said.end(), tail.start() if tail else end, "theme.run_in", bounded=True)
    return _clean(src, m.end(), end, "theme.run_in", bounded=True)


def fill(src: Source, rec: Record) -> None:
    lines = nonblank_lines(src)
    rec.theme = _from_section(src, lines) or _run_in_section(src) or _from_sentences(src)
