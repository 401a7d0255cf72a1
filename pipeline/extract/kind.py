"""What the document is: notice, plan, summary, announcement or other.

The title decides when there is one (its last word, or a news headline's
verb: a report of what was done); a 通知 whose text hands out a plan
("现将《…方案》印发给你们") issues one, so is a plan.  A copy without a title
says what it is in its own words — "具体活动方案如下", "特制定本方案", "现将有关事项公告如下",
"现将有关事项通知如下" — and the first such self-description decides; one
addressed to units ("各处室、各单位：") is a notice; failing that, the
genre's cue words are counted (a summary reports figures and what was held;
an announcement invites registration; a plan has 活动主题 and 活动时间
sections; a notice gives orders).  A plan-like text that tells the public
how to sign up (电话报名, 报名方式) is the invitation itself: an announcement.
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.extract.lines import nonblank_lines, squash
from pipeline.extract.source import Source
from pipeline.model import Found, Record

_ISSUES_PLAN = re.compile(r"(?:方案|计划|计划表|安排)[》\"”]?的?通知$")
_HANDS_OUT_PLAN = re.compile(r"(?:方案|计划|计划表|安排)》?(?:印发|下发)给你们")
_ASKS_FOR_PLAN = re.compile(r"报送|上报|提交|征集|制定|编制|做好")
_ISSUING = re.compile(r"印发|下发|转发|公布")
_ANNOUNCE = re.compile(r"公告|通告|启事|预告|邀请函|诚邀|招募|报名")
_SUMMARY_T = re.compile(r"总结|汇报|综述|回顾|(?:开展|活动|工作)?情况(?:的)?(?:报告|通报)?$|(?<!年度)(?<!年)报告$")
_OTHER_T = re.compile(r"(?:要点|办法|规定|制度|细则|指南|目录|年报|年度报告|请示|批复|规划|标准)$")
_PLAN_T = re.compile(r"(?:方案|计划|计划表|安排)$")
_NEWS_T = re.compile(r"开展|举办|举行|组织|启动|走进|参观|召开|亮相|掀起|推进|成功|圆满")
_NOTICE_T = re.compile(r"(?:通知|明电|发电|函|通报|意见|决定)$")
# the document naming itself: "特制定本方案", "具体活动方案如下", "现将有关事项公告如下", "现将…方案印发给你们"
_SELF: list[tuple[str, re.Pattern[str]]] = [
    ("plan", re.compile(r"制[定订]本(?:活动|实施|工作)?方案|(?:制[定订]|拟定)(?:如下|以下)(?:活动|实施|工作)?方案|"
                        r"方案如下|方案》?印发给你们")),
    # (a scan may break the line before 如下)
    ("announcement", re.compile(r"(?:有关|相关)?事[项宜]公告\s*如下|特此公告|预告\s*如下")),
    ("notice", re.compile(r"(?:有关|相关)?事[项宜]通知\s*如下|现通知\s*如下|特此通知")),
]
_UNITS = re.compile(r"^各(?!位)|单位|部门|机关|政府|[处科]室|委员会|管委会|办事处|乡镇|街道|直属")
_CUES: dict[str, re.Pattern[str]] = {
    "summary": re.compile(r"本报讯|网讯|[(（]记者|总结|圆满|成功举办|取得了?|共接待|共发放|接待[^。]{0,12}人次|"
                          r"(?:开展|举办|举行|组织|印发|参观|听取|观看|体验|走进|发放|解答|邀请)了|"
                          r"活动现场|活动中[,，]|吸引了|近日|日前|当天|该(?:县|市|区|镇|乡|局|委|厅|中心)|受到[^。]{0,6}好评|\d+(?:人次|[余多](?:人次|份|人|名|条|册))|"
                          # a news lede: a paragraph opening on the day it happened ("10月12日上午，市国资委组织…")
                          r"(?:^|\n)\s*\d{1,2}月\d{1,2}日(?:上午|下午|晚)?[,，][^\n。]{2,30}(?:开展|举办|举行|组织|印发|召开)"),
    "announcement": re.compile(r"报名|欢迎[^。]{0,10}参加|诚邀|名额|公告"),
    "plan": re.compile(r"活动方案|实施方案|工作方案|活动主题|活动时间|活动内容|活动安排|职责分工"),
    "notice": re.compile(r"通知如下|请各|请于|务必|各单位要|特此通知"),
}

_NEWS_LEDE = re.compile(
    r"(?:(?:^|\n)\s*(?:日前|近日|\d{1,2}月\d{1,2}日(?:上午|下午)?)|[，,]\s*\d{1,2}月\d{1,2}日(?:上午|下午)?)[，,]"
    r"(?P<who>(?![^。\n，,]*?(?:要|将|拟|计划|应|须|需|请))[^。\n，,]{2,30}?)(?:开展|举办|举行|组织开展|召开)(?!的)"
)
# news of an event still to come: "记者从通气会上获悉，12月25日，省政府举行首个开放日…"
_PREVIEW = re.compile(r"获悉|据悉|将于|即将|届时|将在|将要")


def _news_lede(norm: str) -> re.Match[str] | None:
    for m in _NEWS_LEDE.finditer(norm):
        s = max(norm.rfind(c, 0, m.start()) for c in "。\n") + 1
        e = min((k for k in (norm.find(c, m.end()) for c in "。\n") if k >= 0), default=len(norm))
        if not _PREVIEW.search(norm, s, e):
            return m
    return None
"""A report's opening: the day (or 日前/近日), then who did what — not a plan's "定于5月15日开展"."""

# the public told how to sign up ("请于…拨打0000-1234567进行电话报名", "报名方式：…")
_SIGN_UP = re.compile(r"(?:电话|拨打|扫码|扫描|邮箱|邮件|网上|在线|短信|微信)[^。\n]{0,12}报名|报名(?:方式|电话|渠道|途径)")


def _from_title(src: Source, rec: Record) -> Found[str] | None:
    if rec.title is None:
        return None
    t = squash(src.norm[rec.title.start:rec.title.end])
    for kind, ok in (
        ("plan", bool(_ISSUES_PLAN.search(t)) and (bool(_ISSUING.search(t)) or not _ASKS_FOR_PLAN.search(t))),
        ("announcement", bool(_ANNOUNCE.search(t)) and not (t.endswith("通知") and rec.recipients)),
        ("summary", bool(_SUMMARY_T.search(t))),
        ("plan", bool(_PLAN_T.search(t))),
        # "关于开展…的通知" whose text hands out the plan: "现将《…方案》印发给你们"
        ("plan", t.endswith("通知") and bool(_HANDS_OUT_PLAN.search(src.norm, rec.title.end))),
        ("notice", bool(_NOTICE_T.search(t))),
        ("other", bool(_OTHER_T.search(t))),
        ("summary", "关于" not in t and bool(_NEWS_T.search(t))),  # a news headline reports what was done
    ):
        if ok:
            return Found(kind, rec.title.start, rec.title.end, "kind.title")
    return None


def _self_described(src: Source) -> Found[str] | None:
    best: Found[str] | None = None
    for kind, pat in _SELF:
        m = pat.search(src.norm)
        if m and (best is None or m.start() < best.start):
            best = Found(kind, m.start(), m.end(), "kind.self", confidence=0.8)
    return best


def kind_of(src: Source, rec: Record) -> Found[str]:
    """The document's kind (reads the title, recipients and 发电 mark the header module found)."""
    f = _from_title(src, rec)
    if f is not None:
        return f
    if rec.issuer_mark is not None and re.search(r"电报|发电$", squash(src.norm[rec.issuer_mark.start:rec.issuer_mark.end])):
        return Found("notice", rec.issuer_mark.start, rec.issuer_mark.end, "kind.telegram")
    lines = nonblank_lines(src)
    if lines and "总结" in lines[0].sq and len(lines[0].sq) <= 40:
        return Found("summary", lines[0].start, lines[0].end, "kind.heading")
    f = _self_described(src)
    if f is not None:
        return f
    if rec.recipients is not None and _UNITS.search(squash(src.norm[rec.recipients.start:rec.recipients.end])):
        # addressed to units ("各处室、各单位：") without saying what it is: a notice gives them orders
        return Found("notice", rec.recipients.start, rec.recipients.end, "kind.recipients", confidence=0.7)
    scores: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for kind, pat in _CUES.items():
        for m in pat.finditer(src.norm):
            scores[kind] += 1
            first.setdefault(kind, m.span())
    lede = _news_lede(src.norm)
    if lede and scores["plan"] < 2 and scores["notice"] < 2:
        # a paragraph reporting what someone did on a day ("日前，区发改局开展…", "为…，6月22日，某镇开展…")
        return Found("summary", lede.start(), lede.end(), "kind.news_lede", confidence=0.6)
    if scores:
        kind, n = scores.most_common(1)[0]
        sign_up = _SIGN_UP.search(src.norm)
        if kind == "plan" and sign_up:
            # a plan-like text that tells the public how to sign up is the invitation itself
            return Found("announcement", sign_up.start(), sign_up.end(), "kind.sign_up", confidence=0.6)
        if n >= 2:
            s, e = first[kind]
            return Found(kind, s, e, "kind.cues", confidence=0.6)
    end = lines[0].end if lines else 0
    return Found("other", 0, end, "kind.default", confidence=0.3)
