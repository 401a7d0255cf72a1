"""Figures a summary reports: 接待来访人员共计30余人次 → (接待来访人员, 30, 人次).

A figure is read only in three verb-led or metric-led shapes, never from a
bare number, so dates, phone numbers, years, editions (第十二个), document
numbers and outline markers cannot become stats:

* verb + object + cue? + number + 余/多? + 万? + unit —
  ``发放精美的开发区画册等宣传资料共计59份``, ``共接访群众300余人``;
* a rate — ``问题解答满意率达到了100%``;
* a counted noun — ``网站访问量达1.2万次``, ``参与人数达500人``.

Whether the text *reports* what was done decides if a figure is taken:

* a ``summary`` record: every figure, except in a clause with a plan cue
  (将/拟/计划/力争/确保/不少于 …);
* a ``notice`` / ``plan`` / ``announcement``: none — their numbers are
  targets (``邀请10余家单位``), not results;
* unknown or ``other`` kind (news pages): only figures with a report cue —
  共/共计/累计/合计/达到/了 — and no plan cue, unless the text reads as a
  summary (总结/情况报告 near the top, 取得了良好成效 …), which is then
  treated like one.

余/多 are dropped (30余 → 30), 千余 → 1000, 10万 → 100000, 1.2万 → 12000.
Collection pages repeat their text, so figures are de-duplicated by
metric and value.
"""

from __future__ import annotations

import re

from pipeline.extract.dates import cn_int
from pipeline.extract.source import Source
from pipeline.model import Found, Record, Stat

# Verbs that double as the genre's nouns (政务公开, 政务服务, 政策咨询, 新闻报道) are
# left out: "5.15政务公开活动总结 共50份" is a page title, not a figure.
VERBS = (
    "接待|接访|发放|散发|分发|派发|赠送|解答|答复|受理|回复|办理|办结|处理|解决|回应|开展|举办|举行|召开|"
    "参与|参加|印发|印制|编印|制作|张贴|悬挂|摆放|布置|访问|浏览|点击|收到|收集|征集|接听|接受|展出|展示|设置|"
    "设立|发布|播放|出动|组织|吸引|走访|覆盖|推送|转发|阅读|观看|提供|录制|刊发|"
    "上线|派出|投入|回收|收回|答疑|宣讲|讲解"
)
NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+"
UNIT = (
    r"万人次|人次|条次|件次|个次|户次|场次|人|名|个(?!月|工作日|小时|星期)|份|件|场|次|条|期|幅|块|张|本|册|篇|家|项|台|"
    r"处|户|位|批|套|部|首|封|余条|%"
)
REPORT_CUE = r"共计|累计|总计|合计|共|约|达到了|达到|达|近|超过|逾|计"
_OBJ = r"[^，。；;,!！?？\d\n:：()（）]{0,20}?"

VERB_LED = re.compile(
    rf"(?P<cue0>共计|累计|总计|合计|共)?(?P<verb>{VERBS})(?P<le>了)?(?P<obj>{_OBJ})"
    rf"(?P<cue>{REPORT_CUE})?(?P<num>{NUMBER})(?P<approx>余|多)?(?P<wan>万)?(?P<unit>{UNIT})?"
)
RATE = re.compile(
    r"(?P<metric>[\u4e00-\u9fff]{1,10}(?:率|满意度|知晓度|参与度))(?P<cue>达到了|达到|达|为|是|高达)?[ \t]*"
    r"(?P<num>\d+(?:\.\d+)?)[ \t]*(?P<unit>%)"
)
COUNTED = re.compile(
    rf"(?P<metric>[\u4e00-\u9fff]{{1,8}}(?:量|人数|次数|总数|数量))(?P<cue>共计|累计|达到了|达到|达|为|超过|突破|逾)"
    rf"(?P<num>{NUMBER})(?P<approx>余|多)?(?P<wan>万)?(?P<unit>{UNIT})?"
)
NUM_FIRST = re.compile(
    rf"(?P<cue>共计有|共计|累计|共有|共)(?P<num>{NUMBER})(?P<approx>余|多)?(?P<wan>万)?"
    rf"(?P<unit>人次|名|人|家|个|位)(?P<metric>[\u4e00-\u9fff]{{1,10}}?(?:参加|参与|到场|观看|报名|受益|走进))"
)
PLAN_CUE = re.compile(r"将|拟|计划|预计|力争|确保|争取|不少于|不低于|至少|要求|应当|需要|各单位要|要")
SUMMARY_TITLE = re.compile(r"总结|情况(?:汇报|报告)|活动综述|开展情况")
SUMMARY_TEXT = re.compile(r"取得了(?:良好|显著|明显|较好)的?(?:成效|效果)|受到了[^，。]{0,12}好评|圆满结束")
"""A title or phrase that reports an event held, for records whose kind is not known
(a notice also says 上报活动总结, so 总结 counts only near the top)."""
_CLAUSE = "，,。；;！!？?\n"


def fill(src: Source, rec: Record) -> None:
    """Append the reported figures to ``rec.stats`` (see the module docstring for when)."""
    kind = rec.kind.value if rec.kind else None
    if kind in ("notice", "plan", "announcement"):
        return
    norm = src.norm
    looks_summary = SUMMARY_TITLE.search(norm[:200]) is not None or SUMMARY_TEXT.search(norm) is not None
    need_cue = kind != "summary" and not looks_summary
    seen = {(s.metric, s.value.value) for s in rec.stats}
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Stat]] = []
    for rx, shape in ((RATE, "rate"), (COUNTED, "counted"), (NUM_FIRST, "num-first"), (VERB_LED, "verb")):
        for m in rx.finditer(norm):
            a = m.start("num")
            if any(x <= a < y for x, y in taken):
                continue
            stat = _stat(src, m, shape, need_cue)
            if stat is None:
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), stat))
    for _, stat in sorted(found, key=lambda t: t[0]):
        key = (stat.metric, stat.value.value)
        if key in seen:
            continue
        seen.add(key)
        rec.stats.append(stat)


def _stat(src: Source, m: re.Match[str], shape: str, need_cue: bool) -> Stat | None:
    norm = src.norm
    a, b = m.start("num"), m.end("num")
    if b < len(norm) and norm[b] in "·.．:-/" and b + 1 < len(norm) and norm[b + 1].isdigit():
        return None  # 5·15, 5.15, a time or a fraction
    if a > 0 and norm[a - 1] in "第数几":
        return None  # an edition or ordinal (第十二个), or no figure at all (数百份)
    if _plan_clause(norm, m.start()):
        return None
    groups = m.groupdict()
    unit = groups.get("unit")
    wan = groups.get("wan")
    if shape == "verb" and not unit and not wan:
        return None
    if shape == "counted" and not unit and not wan and not m["cue"]:
        return None
    value = _value(m["num"], bool(wan))
    if value is None or value <= 0:
        return None
    cued = bool(m["cue"]) or bool(groups.get("cue0")) or bool(groups.get("le"))
    if need_cue and not cued:
        return None
    if shape == "verb":
        metric = _metric(src, m)
        if metric is None:
            return None
        metric_text = metric
    else:
        ms, me = m.start("metric"), m.end("metric")
        metric_text = src.text[ms:me]
    if unit == "万人次":
        value, unit = value * 10000, "人次"
    if unit == "余条":
        unit = "条"
    return Stat(metric_text, Found(value, m.start(), m.end(), f"stats-{shape}"), unit)


def _plan_clause(norm: str, pos: int) -> bool:
    start = pos
    while start > 0 and norm[start - 1] not in _CLAUSE and pos - start < 30:
        start -= 1
    return PLAN_CUE.search(norm[start:pos]) is not None


def _value(num: str, wan: bool) -> float | None:
    """'30' → 30, '1.2' + 万 → 12000, '千' → 1000, '两万' → 20000, '三百' → 300."""
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", num):
        v = float(num.replace(",", ""))
    else:
        if not re.search(r"[十百千万]", num) or re.fullmatch(r"[十]", num):
            return None  # 一次 / 三个: counting words, not reported figures
        if "万" in num:
            head, _, tail = num.partition("万")
            h = cn_int(head) if head else 1
            t = cn_int(tail) if tail else 0
            if h is None or t is None:
                return None
            v = float(h * 10000 + t)
        else:
            n = cn_int(num)
            if n is None:
                return None
            v = float(n)
    if wan:
        v *= 10000
    return v


def _metric(src: Source, m: re.Match[str]) -> str | None:
    """verb + what it counts, with adjectives and listed examples dropped: 发放宣传资料.

    Cuts are found on ``norm`` and applied to ``text`` (same indices), so
    the metric is as printed even in Traditional script.
    """
    vs, ve = m.span("verb")
    a, b = m.span("obj")
    norm, text = src.norm, src.text
    while a < b and norm[a] in " \t了":
        a += 1
    while b > a and norm[b - 1] in " \t":
        b -= 1
    if norm[a:b].endswith("第"):
        return None
    tail = re.search(rf"(?:{REPORT_CUE})$", norm[a:b])
    if tail:
        b = a + tail.start()
    for sep in ("等", "的"):  # 精美的开发区画册等宣传资料 → 宣传资料
        k = norm.rfind(sep, a, b)
        if k >= 0 and k + 1 < b:
            a = k + 1
    lead = re.match(r"各类|各种|相关|有关|一批|一系列", norm[a:b])
    if lead:
        a += lead.end()
    obj = text[a:b].strip()
    if not obj:  # 发放2000余份宣传资料: the object follows the figure
        after = re.match(r"[\u4e00-\u9fff]{1,10}", norm[m.end():])
        if after:
            obj = text[m.end():m.end() + after.end()]
    return text[vs:ve] + obj
