"""The document's own title line(s), and what a title line never is.

The title splits a document: everything above it is the header zone (份号,
密级, 紧急程度, 发文机关标志, 发文字号, 签发人), everything below the body.
It is found, in order of trust, as

1. a 标题/名称 cell of a metadata grid ("标 题: | …的通知 | |", "名称: …的通知
   文号: …"), ending at the next grid key; when the page repeats the title as
   its own line further down, that line is taken;
2. the headline right above a web page's info line (发布时间/来源/浏览, or a
   bare "26.05.2015 10:05" stamp);
3. the first line ending with a title word (通知, 方案, 总结 …) or holding
   关于, possibly wrapped over up to three lines, with the organ part
   ("XX人民政府办公室\\n关于…") rejoined;
4. a news headline with no title word ("XX街道开展“5.15政务公开日”活动")
   printed directly above the first paragraph.

A title line may carry page metadata after it ("…的通知  发布时间：…",
"…的通知文号:…") or, in a flattened copy, the 主送 list: the title ends
where that begins.  Lines with header keys, navigation, info lines, dates
and labelled fields ("报纸名称:…", "版面:…") are never part of a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dates import FULL_DATE
from pipeline.extract.lines import CJK, DOT_BULLETS, SOLID_BULLETS, Line, is_info, is_nav, is_organ, squash
from pipeline.extract.source import Source
from pipeline.model import Found

_OPEN_BR = "([【〔﹝〖"
_CLOSE_BR = ")]】〕﹞〗"
DOCNUM = re.compile(
    rf"(?P<code>[{CJK}]{{1,20}})\s*[{re.escape(_OPEN_BR)}]\s*(?P<year>(?:19|20)\d{{2}})\s*"
    rf"[{re.escape(_CLOSE_BR)}]\s*第?\s*(?P<num>\d{{1,5}})\s*号"
)
# grid keys count only as keys: at a cell boundary, followed by a value separator ("等级 特急", "签发人：")
LABEL_KEYS = re.compile(
    r"(?:^|(?<=[\s·|]))(?:发电单位|签\s*发\s*人|签批盖章|签发盖章|签批人|签批|签发|等\s*级|密\s*级|序\s*号|份\s*号|"
    r"紧急程度|保密期限|发文字号|文\s*号|主\s*送|发\s*往)(?=\s|[:：]|$)", re.M
)
MARK = re.compile(r"(?:文件|发电|明传电报|电报)$")
COPY = re.compile(r"^(?:份\s*号\s*[:：]?\s*)?(?P<v>\d{6})$")

TITLE_WORDS = (
    r"(?:通知|方案|总结|公告|通告|意见|报告|函|通报|请示|计划|计划表|安排|决定|办法|要点|纪要|公示|批复|"
    r"汇报|综述|情况|倡议书|简报|细则|规划|公开信|启事|预告|答复|通知书)"
)
"""The words a document title ends on."""
TITLE_END = re.compile(TITLE_WORDS + "$")
_TITLE_LABEL = re.compile(rf"^[|\s]*[{SOLID_BULLETS}{DOT_BULLETS}]?\s*(?:标\s*题|名\s*称|文件名称)(?:\s*[:：]|\s|(?=关于))[\s|]*")
# the next key of a metadata grid printed on the same line ("名称: X 文号: Y", "标 题: | X | |")
# (or the 主送 list a flattened copy printed on the title's line: "…的通知 各乡镇人民政府：")
_NEXT_KEY = re.compile(
    rf"\s*\||\s+(?=[{CJK}]{{2,6}}\s*[:：])|\s+(?=各\S{{1,60}}[:：]\s*$)|"
    r"\s*(?=(?:文\s*号|发文字号|索引号|发布(?:时间|日期|机构)|成文日期|生成日期|来源|浏览(?:次数|量)?)\s*[:：])"
)
# a labelled field of a page's metadata or an e-paper reader ("报纸名称:…", "版面:…", "栏目：…"): never a title
_FIELD = re.compile(rf"^[{CJK}]{{0,6}}(?:名称|标题|栏目|版面|版次|分类|作者|编辑|来源|出处|期号|刊名|"
                    rf"索引号|发布机构|公开方式|公开时限|效力状态|有效性|主题词)\s*[:：]")
# an item of a metadata list ("• 索引号 …", "• 公开目录 …"): never a title
# OCR reads a web list's • as a middle dot; a dot opening a wrapped "5\n·15政务公开日" line is no bullet
_BULLET = re.compile(rf"^(?:[{SOLID_BULLETS}]|[{DOT_BULLETS}](?=\s|[^\d\s]{{1,8}}\s*[:：]|[^\d\s]{{2,6}}(?:\s|$)))")
_NOT_TITLE_START = re.compile(r"^(?:附件|附表|联系人|联系电话|电话|[(（]?[一二三四五六七八九十]+[、)）]|\d+[.、．]|各)")
GREETING = re.compile(r"尊敬|朋友|同志们|您好|亲爱")
DATE_LINE = re.compile(rf"[(（]?{FULL_DATE.pattern}[)）]?")
_HEADLESS = re.compile(r"关于|(?:19|20)\d{2}\s*年")
_TITLE_HEAD = re.compile(r"政务公开|政[府务]开放|开放[日周月]|主题日|(?:19|20)\d{2}\s*年")
_SITE_SUFFIX = re.compile(rf"\s*[_|｜\-—－]+\s*[{CJK}]{{2,30}}(?:人民政府|政府|网站|门户网站|政务网|政府网)\s*$")
# what a news headline without a title word reports
_HEADLINE_VERB = re.compile(r"开展|举办|举行|组织|启动|走进|参观|召开|亮相|掀起|推进|参加|迎来|邀请|进行|体验")


# a title word qualified as a whole document's (活动方案, 的通知), so a body sentence's 方案 does not end it
_GLUED_TITLE = re.compile(rf"(?P<t>[^。，,；;:：\n]{{6,60}}?(?:活动|实施|工作|的){TITLE_WORDS})"
                          r"(?=为了?(?:进一步|深入|切实|全面|认真|加强|推进|做好)|根据|按照|近日|日前|各)")


_BYLINE_NAME = re.compile(rf"[{CJK}]{{2,4}}")
_HEADLINE_TAIL = re.compile(r"活动|工作|宣传|会议|仪式|启动仪式|主题活动|宣传活动")


def is_body(ln: Line) -> bool:
    sq = ln.sq
    return "。" in sq or (len(sq) > 60 and bool(re.search(r"[，,；;]", sq)))


def is_meta(ln: Line) -> bool:
    """Header keys, marks, navigation and web info lines: never part of the title."""
    sq = ln.sq
    return bool(
        LABEL_KEYS.search(ln.norm) or COPY.match(sq) or is_info(ln) or is_nav(ln) or _BULLET.match(sq)
        or _FIELD.match(sq)
        or (MARK.search(sq) and len(sq) <= 40 and not sq.startswith("发电单位"))
        or (DOCNUM.search(sq) and len(DOCNUM.sub("", sq)) <= 4)
        or re.fullmatch(r"[\d\s.·\-—()（）NO:：]+", ln.norm)
    )


def title_like(sq: str) -> bool:
    return (8 <= len(sq) <= 90 and "。" not in sq and sq[-1] not in ":：，,；;、"
            and not _NOT_TITLE_START.match(sq) and not GREETING.search(sq))


def _join_ok(ln: Line) -> bool:
    sq = ln.sq
    return (len(sq) <= 50 and "。" not in sq and sq[-1] not in ":：，,；;" and not is_meta(ln)
            and not _NOT_TITLE_START.match(sq))


@dataclass(frozen=True)
class TitleAt:
    """Where the title is: its first and last line (indexes) and, for a cell, the value's span."""

    first: int
    last: int
    method: str
    start: int | None = None
    end: int | None = None


def _labelled(lines: list[Line]) -> TitleAt | None:
    """A 标题 cell; the value ends at the next grid bar or key ("标 题: | X | |", "名称: X 文号: Y")."""
    for i, ln in enumerate(lines[:40]):
        m = _TITLE_LABEL.match(ln.norm)
        if not m:
            continue
        start = ln.start + m.end()
        nxt = _NEXT_KEY.search(ln.norm, m.end())
        end = ln.start + nxt.start() if nxt else ln.end
        value = squash(ln.norm[m.end():end - ln.start])
        if len(value) <= 8:
            continue
        for k in range(i + 1, min(i + 10, len(lines))):  # the page prints the title again as a line
            # (the cell may have wrapped in a scan: the full line starts with the cell's first line)
            if lines[k].sq == value or (lines[k].sq.startswith(value) and title_like(lines[k].sq)
                                        and TITLE_END.search(lines[k].sq)):
                return TitleAt(k, k, "title.label")
        return TitleAt(i, i, "title.label", start, end)
    return None


def _above_info(lines: list[Line]) -> TitleAt | None:
    for i, ln in enumerate(lines[:25]):
        if is_body(ln):
            break
        cut = _title_before_meta(ln) if is_info(ln) else None
        if cut is not None:  # the info line carries the headline itself
            return TitleAt(i, i, "title.web", ln.start, ln.start + cut)
        if is_info(ln) and i > 0:
            prev = lines[i - 1]
            # "…积极开展“5·15政务公开日”宣传" + "活动": a headline's last word wrapped by a scan
            if i > 1 and _HEADLINE_TAIL.fullmatch(prev.sq) and not is_meta(lines[i - 2]) \
                    and title_like(lines[i - 2].sq) and not is_body(lines[i - 2]):
                return TitleAt(i - 2, i - 1, "title.web")
            if not is_meta(prev) and not is_body(prev) and title_like(prev.sq):
                first = i - 1
                # a headline wrapped inside a quoted name ("…2024年“政务" + "开放日”活动公告")
                if first > 0 and _open_quote(lines[first - 1].sq) and not is_meta(lines[first - 1]) \
                        and title_like(lines[first - 1].sq):
                    first -= 1
                return TitleAt(first, i - 1, "title.web")
    return None


def _title_before_meta(ln: Line) -> int | None:
    """Where a title ends on a line that carries page metadata after it ("…的通知  发布时间：…", "…的通知文号:…")."""
    for key in _NEXT_KEY.finditer(ln.norm):
        head = squash(ln.norm[:key.start()])
        if not head or not title_like(head) or is_meta(Line(ln.start, ln.start + key.start(), head)):
            continue
        # a news headline has no title word: it counts before a 来源/发布时间 info tail only
        if TITLE_END.search(head) or (_HEADLINE_VERB.search(head) and is_info(Line(ln.start, ln.end, ln.norm))):
            return key.start()
    return None


def _scan(lines: list[Line]) -> TitleAt | None:
    top = lines[:40]
    for i, ln in enumerate(top):
        sq = ln.sq
        cut = None if is_body(ln) else _title_before_meta(ln)
        if cut is not None:
            return TitleAt(i, i, "title.scan", ln.start, ln.start + cut)
        if is_body(ln) or (sq[-1] in ":：" and not is_meta(ln)):
            break
        if is_meta(ln) or not title_like(sq):
            continue
        # "西岭县2023年“政府开放日”\n活动实施方案": a title wrapped before its title word
        wrapped_head = bool(_TITLE_HEAD.search(sq))
        if not (TITLE_END.search(sq) or "关于" in sq or TITLE_END.search(_SITE_SUFFIX.sub("", ln.norm).strip())
                or wrapped_head):
            continue
        last = i
        if not TITLE_END.search(sq):
            joined = sq
            for k in range(i + 1, min(i + 3, len(top))):
                if not _join_ok(top[k]) or top[k].sq.startswith("关于"):
                    break
                if wrapped_head and "关于" not in sq and _TITLE_HEAD.search(top[k].sq) and not _open_quote(joined):
                    break  # the next line names the event again: a title of its own, not a tail
                joined += top[k].sq
                if TITLE_END.search(joined) and len(joined) <= 100:
                    last = k
                    break
            if last == i and "关于" not in sq and not TITLE_END.search(_SITE_SUFFIX.sub("", ln.norm).strip()):
                continue  # an event-named line that never reaches a title word is no title
        first = i
        if "关于" not in sq:  # "XX办公室关\n于印发《…公开\n条例…》的通知": a long title wrapped inside 关于
            acc = sq
            for k in range(i - 1, max(-1, i - 3), -1):
                if is_meta(top[k]) or not _join_ok(top[k]) or len(top[k].sq) < 10:
                    break
                acc = top[k].sq + acc
                if "关于" in acc:
                    first = k
                    break
        # "XX人民政府办公室\n关于…", "XX管理处\n2021年…方案": the organ heading the title on its own
        # line(s) (joint issuers: two) above a title that starts without one
        while _HEADLESS.match(sq) and first > 0 and i - first < 2:
            prev = top[first - 1]
            if is_meta(prev) or not is_organ(prev.sq):
                break
            first -= 1
        return TitleAt(first, last, "title.scan")
    return None


def _headline(lines: list[Line]) -> TitleAt | None:
    """A news headline without a title word, printed right above the first paragraph."""
    for i, ln in enumerate(lines[:8]):
        if not is_body(ln):
            continue
        k = i - 1
        # info lines and a bare byline ("草原": the author's name alone) sit between headline and body
        tail: int | None = None
        while k >= 0 and (is_info(lines[k]) or (k == i - 1 and _BYLINE_NAME.fullmatch(lines[k].sq))):
            if k == i - 1 and k > 0 and _HEADLINE_TAIL.fullmatch(lines[k].sq) and _TITLE_HEAD.search(lines[k - 1].sq):
                tail = k  # "…开展2025年“政务公开主题日”" + "活动": a headline a scan wrapped, not a byline
                k -= 1
                break
            k -= 1
        if k < 0:
            return None
        head = lines[k]
        sq = head.sq
        if (is_meta(head) or not title_like(sq) or len(sq) > 60 or not _HEADLINE_VERB.search(sq)
                or re.search(r"[，,；;]", sq)):
            return None
        return TitleAt(k, k if tail is None else tail, "title.headline")
    return None


def _open_quote(s: str) -> bool:
    """A quote opened and not yet closed: the line broke inside a quoted name."""
    return s.count("“") > s.count("”") or s.count("「") > s.count("」")


def _glued(lines: list[Line]) -> TitleAt | None:
    """An aggregator copy run together into one paragraph: the title ends where the body opens
    ("第七届“中国统计开放日”活动方案为进一步打造…")."""
    first = next((i for i, ln in enumerate(lines[:5]) if not is_meta(ln)), None)
    if first is None or not is_body(lines[first]):
        return None
    ln = lines[first]
    m = _GLUED_TITLE.match(ln.norm)
    if m is None or not title_like(squash(m["t"])):
        return None
    return TitleAt(first, first, "title.glued", ln.start, ln.start + m.end("t"))


_REPRINT_CUE = re.compile(r"(?:全文|原文|内容)如下\s*[:：]?$")


def _reprinted(lines: list[Line]) -> TitleAt | None:
    """A news item reprinting a document in full ("…刊发通知，通知全文如下:"): the reprint's title line."""
    for i, ln in enumerate(lines[:10]):
        k = i + 1
        if not _REPRINT_CUE.search(ln.sq):
            # "…通知全文" + "如下：": the cue wrapped by a scan
            if k >= len(lines) or len(lines[k].sq) > 4 or not _REPRINT_CUE.search(ln.sq + lines[k].sq):
                continue
            k += 1
        if k >= len(lines):
            return None
        nxt = lines[k]
        if not is_meta(nxt) and title_like(nxt.sq) and len(nxt.sq) <= 60 and TITLE_END.search(nxt.sq):
            return TitleAt(k, k, "title.reprint")
        return None
    return None


def find_title(lines: list[Line]) -> TitleAt | None:
    """Where the document's own title is, or None."""
    return (_labelled(lines) or _above_info(lines) or _scan(lines) or _headline(lines) or _reprinted(lines)
            or _glued(lines))


def title_found(src: Source, lines: list[Line], at: TitleAt) -> Found[str] | None:
    start = lines[at.first].start if at.start is None else at.start
    end = lines[at.last].end if at.end is None else at.end
    site = _SITE_SUFFIX.search(src.norm, start, end)  # "…的通知_XX区人民政府" (a saved page's <title>)
    if site and TITLE_END.search(squash(src.norm[start:site.start()])):
        end = site.start()
    return src.found(start, end, at.method, squash_space=True)
