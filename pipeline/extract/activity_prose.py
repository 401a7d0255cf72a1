"""Activities stated in a section's running text rather than as numbered items.

The shapes: ``一是…；二是…`` ordinals, programme lines opened by a clock time
(``9:20-10:00 参观政务服务大厅``), unnumbered labelled lines
(``现场参观考察：组织…``) and named activities with their printed count
(``开展“A”、“B”和“C”三个主题活动``).
"""

from __future__ import annotations

import re

from pipeline.extract.activity_tables import bare
from pipeline.extract.activity_vocab import ACTION, NON_ACT, Cand, abstract, describes
from pipeline.extract.dates import cn_int
from pipeline.extract.outline import segment_end
from pipeline.extract.source import Source

CLOCK = re.compile(
    r"(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*[:：点时]\s*(?:\d{1,2}\s*分?)?\s*"
    r"(?:[-—–~～至到]+\s*(?:上午|下午|晚上|中午)?\s*\d{1,2}\s*[:：点时]\s*(?:\d{1,2}\s*分?)?)?\s*[。.，,：:、]?\s*"
)
"""A programme step's clock time (``9:00-9:30。参观…``): not part of its headline."""
_QUOTED = r"(?:“[^“”\n]{1,24}”|\"[^\"\n]{1,24}\"|「[^「」\n]{1,24}」)(?:活动)?"
INLINE_LIST = re.compile(
    rf"(?:开展|举办|组织|推出|策划|包括|安排)(?P<list>{_QUOTED}(?:\s*[、,，和及与]?\s*{_QUOTED})+)\s*等?"
    r"(?P<n>[二两三四五六七八九十\d]{1,2})\s*(?:个|项|大|场|类)(?:主题|系列|专题|特色|重点)?活动"
)
"""``共组织开展“A”、“B”和“C”三个主题活动``: named activities whose count is printed."""
_ORDINAL = re.compile(r"(?:^|(?<=[。；;，,\s:：]))(?P<n>[一二三四五六七八九十])是", re.M)
_LINE_LABEL = re.compile(r"\s*(?P<label>[^:：，,。；;、\s]{2,10}?)(?<!包括|如下|以下|下列)\s*[:：](?=\s*\S)")


def labelled_lines(src: Source, lines: list[tuple[int, int]], first: int, stop: int, option: bool) -> list[Cand]:
    """Unnumbered ``现场参观考察：组织…参观…`` lines: the label before the colon names the activity
    (not a descriptor such as ``时间：`` nor an introduction such as ``主要包括：``)."""
    out: list[Cand] = []
    for i in range(first, stop):
        s, e = lines[i]
        m = _LINE_LABEL.match(src.norm, s, e)
        if m is None or describes(src, s, e) or NON_ACT.search(m["label"]):
            continue
        h = src.found(m.start("label"), m.end("label"), "labelled-line")
        if h is not None and ACTION.search(src.norm, m.end(), e):
            out.append(Cand(h.start, h, option))
    return out


def clock_items(src: Source, lines: list[tuple[int, int]], first: int, stop: int) -> list[Cand]:
    """``9:20-10:00 参观政务服务大厅`` lines of a programme: each step is an activity
    (two steps at least, so a single 活动时间 line is not a programme)."""
    out: list[Cand] = []
    for i in range(first, stop):
        s, e = lines[i]
        m = CLOCK.match(src.norm, s, e)
        if m is None or m.end() >= e or not re.search(r"\d\s*[:：点时]", m.group()):
            continue
        h = src.found(m.end(), segment_end(src.norm, m.end(), e), "programme", strip="，,、 ")
        if h is not None:
            out.append(Cand(h.start, h))
    return out if len(out) >= 2 else []


def ordinal_items(src: Source, start: int, end: int, option: bool) -> list[Cand]:
    """``一是开展…；二是举办…`` in a section's running text: each part is an activity."""
    norm = src.norm
    marks: list[re.Match[str]] = []
    for m in _ORDINAL.finditer(norm, start, end):
        if cn_int(m["n"]) == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2:
        return []
    out: list[Cand] = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        nl = norm.find("\n", m.end(), stop)
        e = segment_end(norm, m.end(), nl if nl >= 0 else stop)
        if abstract(norm[m.end():segment_end(norm, m.end(), stop)]):
            continue
        comma = re.search(r"[，,]", norm[m.end():e])
        if e - m.end() > 60 and comma:
            e = m.end() + comma.start()  # a long sentence: its first clause names the activity
        h = src.found(m.end(), e, "ordinal", strip="，,、 ")
        if h:
            out.append(Cand(h.start, h, option))
    return out


def inline_list(src: Source, found: list[Cand]) -> list[Cand]:
    """Quoted names in ``开展“A”、“B”和“C”三个主题活动`` when the printed count agrees;
    a name that a listed item already carries is not repeated."""
    out: list[Cand] = []
    keys = [bare(c.title.value) for c in found]
    for m in INLINE_LIST.finditer(src.norm):
        names = list(re.finditer(_QUOTED, src.norm[m.start("list"):m.end("list")]))
        n = int(m["n"]) if m["n"].isdigit() else cn_int(m["n"])
        if n != len(names):
            continue
        for q in names:
            a = m.start("list") + q.start()
            h = src.found(a, a + len(q.group()), "inline-list")
            if h is None:
                continue
            key = bare(h.value)
            if key and not any(key in k or k in key for k in keys if k):
                keys.append(key)
                out.append(Cand(h.start, h))
    return out


CONTENT_FIELD = re.compile(r"\s*(?:活动|主要|具体)?内\s*容\s*[:：]\s*")
_LONE_LEN = 60


def lone_statement(src: Source, lines: list[tuple[int, int]], first: int, stop: int,
                   start: int | None = None) -> list[Cand]:
    """A numbered 活动内容： field stating a single activity in one sentence ("1.活动内容：请相关企业代表
    走进局机关，由工作人员介绍…"): its first clause, when it opens on what is done.  (A section's lone
    unnumbered paragraph is not a list: the labelled sets agree it gives no activity.)"""
    body = [i for i in range(first, stop) if src.norm[lines[i][0]:lines[i][1]].strip()]
    if len(body) != 1:
        return []
    s, e = lines[body[0]]
    s = start if start is not None else s
    while s < e and src.norm[s] in " \t":
        s += 1
    clause = re.match(r"[^，,。；;：:]+", src.norm[s:e])
    if clause is None or len(clause.group()) > _LONE_LEN or not _LONE_VERB.match(clause.group()):
        return []
    h = src.found(s, s + clause.end(), "lone-statement", strip="，,、 ")
    return [Cand(h.start, h)] if h else []


_LONE_VERB = re.compile(r"(?:请|邀请|组织|开展|举办|举行|召开|参观|走访|走进|观摩|前往)")
