"""Figures a summary reports: 接待来访人员共计30余人次 → (接待来访人员, 30, 人次).

Every *figure* — a number with a measure word (``30余人次``, ``2000 余份``,
``1.2万次``, ``千余份``, ``98%``) — is read in its clause (between ，。；)
and kept only when the clause says what was counted, in one of the genre's
shapes:

* verb-led: ``发放精美的开发区画册等宣传资料共计59份``, ``现场发放2000余份宣传资料``,
  ``组织A、B、C等24个部门单位`` (an enumeration may make the object long);
* a list continuing the verb: ``发放宣传单1万余份，宣传折页400余份、宣传袋500余个``;
* participation, the figure before its verb: ``20余名市民代表先后走进…``,
  ``94个部门300余人参加活动``, ``共有43人参加``;
* a counted noun or a noun with a report cue: ``网站访问量达1.2万次``,
  ``受益群众达2000余人``;
* a rate: ``问题解答满意率达到了100%``.

A bare number never is, so dates, phone numbers, years, editions (第十二个),
document numbers and outline markers cannot become stats; vague amounts
(数百份, 几十人), campaign names (百名干部进百企) and the structure of an
organiser (下辖14个社区) are not figures either.

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
Collection pages repeat their text, and news pages restate their figure
(the headline, the lead, the body: ``280名居民`` … ``共有280人``), so a value
with the same unit (名/位/人 alike) read again in another sentence is the
same figure; within one sentence (``宣传单500份、手册500份``) it is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dates import cn_int
from pipeline.extract.source import Source
from pipeline.model import Found, Record, Stat

# Verbs that double as the genre's nouns (政务公开, 政务服务, 政策咨询, 新闻报道) are
# left out or allowed only before a person: "5.15政务公开活动总结 共50份" is a page
# title, not a figure.
VERBS = re.compile(
    r"接待|接访|发放|散发|分发|派发|赠送|解答|回答|答复|受理|回复|办理|办结|处理|解决|回应|开展|举办|举行|召开|"
    r"参与|参加|印发|印制|印刷|编印|制作|张贴|张挂|悬挂|摆放|放置|布置|布设|访问|浏览|点击|收到|收集|征集|接听|"
    r"接受|接到|设置|设立|开设|开通|发布|公布|主动公开|播放|出动|组织|邀请|动员|带领|安排|配备|准备|提出|"
    r"抽调|吸引|走访|覆盖|推送|转发|发送|阅读|观看|收看|提供|录制|刊发|刊登|上线|派出|投入|回收|收回|更新|新增|"
    r"答疑|宣讲|讲解|解读|培训|参观|联合|会同|召集|挂(?![职钩牌靠])|(?:服务|宣传)(?=群众|市民|居民|企业|村民)|"
    r"(?<=[共计])公开|公开了"
)
PARTICIPATE = re.compile(
    r"参加|参与|到场|出席|观看|观摩|走进|深入|前来|来到|报名|受益|列席|见证|聆听|旁听|体验|参观|到达|进入"
)
_CN_NUM = "[一二两三四五六七八九十百千万]*[十百千万][一二两三四五六七八九十百千万]*"
_CUED_DIGIT = r"(?:(?<=共)|(?<=共有)|(?<=共计)|(?<=累计)|(?<=合计)|(?<=总计))[一二两三四五六七八九](?![十百千万零〇])"
"""``共有六个处室``: a one-character number is a count only right after a report cue
(``三个方面``, ``一次`` are counting words)."""
NUMBER = rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:\.\d+)?|{_CN_NUM}|{_CUED_DIGIT}"
UNIT = (
    r"人次|条次|件次|个次|户次|场次|批次|人(?!民)|名(?!单|称|义)|个(?!月|工作日|小时|星期|人|体)|份|件|场(?!所|景)|次(?!日|年)|"
    r"条|期(?!间)|幅|块|张|本(?!次|单位|级|人|年|届|部门)|册|篇|家(?!庭|属|长)|项(?!目)|台|处(?!室|长|理)|户|"
    r"位(?!于|置)|批(?!准|复)|套|部(?!门|分|署|长)|首(?!页|先)|封|种|把|支|袋|盒|辆|组|轮|所|%"
)
FIGURE = re.compile(
    rf"(?<![\d.·])(?P<num>{NUMBER})[ \t]*(?P<a1>余|多)?[ \t]*(?P<wan>万)?[ \t]*(?P<a2>余|多)?[ \t]*(?P<unit>{UNIT})"
)
REPORT_CUE = r"共计|累计|总计|合计|共|约|达到了|达到|达|近|超过|逾|计"
_CUE_END = re.compile(rf"(?:{REPORT_CUE})[ \t]*$")
_CUE_BEFORE_VERB = re.compile(r"(?:共计|累计|总计|合计|共)(?:还|又|再)?[ \t]*$")
_RATE = re.compile(
    r"(?P<metric>[\u4e00-\u9fff]{0,10}(?:率|满意度|知晓度|参与度))[ \t]*(?:达到了|达到|达|为|是|高达)?[ \t]*$"
)
_NOUN_CUE = re.compile(
    r"(?P<metric>[\u4e00-\u9fff]{2,10}?)[ \t]*(?P<cue>达到了|达到|达|超过|突破|逾|共计|累计|总计)[ \t]*$"
)
_COUNTED = re.compile(r"(?P<metric>[\u4e00-\u9fff]{1,8}(?:量|人数|次数|总数|数量))[ \t]*(?:为|是)?[ \t]*$")
_NOT_A_COUNT = re.compile(r"(?:下辖|所辖|管辖|辖|第|数|几|每|前|近几|不足|不到|少于|低于|未达)[ \t]*$")
"""Before a number: structure (下辖14个社区), an ordinal, a vague amount, a rank or a
shortfall (不足100人 says what was not reached)."""
_MANNER = re.compile(r"以[^，,。；;]{1,12}?(?:身份|名义|方式|形式)")
"""``4000多人以市民代表的身份走进…``: how they took part, not another verb's object."""
_FUNCTION = re.compile(r"[从在向对为以于按由把被让使是将]|通过|围绕|进行|根据|按照")
PLAN_CUE = re.compile(
    r"将|拟|计划|预计|力争|确保|争取|不少于|不低于|至少|要求|应当|需要|(?<![主重需纪摘提简概只])要(?![点素闻])"
)
PAGE_META = re.compile(r"来源[:：]|浏览(?:次数)?[:：]|阅读(?:次数|数|量)?[:：]|点击(?:数|量|率)?[:：]|发布(?:时间|日期)")
SUMMARY_TITLE = re.compile(r"总结|情况(?:汇报|报告)|活动综述|开展情况")
SUMMARY_TEXT = re.compile(r"取得了(?:良好|显著|明显|较好)的?(?:成效|效果)|受到了[^，。]{0,12}好评|圆满结束")
"""A title or phrase that reports an event held, for records whose kind is not known
(a notice also says 上报活动总结, so 总结 counts only near the top)."""
_CLAUSE = "，,。；;！!？?\n:："
_SENTENCE = "。；;！!？?\n"
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Read:
    """How one figure was read: its metric and whether a report cue goes with it."""

    metric: str
    cued: bool
    verb: str | None = None  # the verb a following list item inherits
    after: bool = False  # the object follows the figure (发放3万份折页和450份指南)


def fill(src: Source, rec: Record) -> None:
    """Append the reported figures to ``rec.stats`` (see the module docstring for when)."""
    kind = rec.kind.value if rec.kind else None
    if kind in ("notice", "plan", "announcement"):
        return
    norm = src.norm
    looks_summary = SUMMARY_TITLE.search(norm[:200]) is not None or SUMMARY_TEXT.search(norm) is not None
    need_cue = kind != "summary" and not looks_summary
    meta = [(s, e) for s, e in src.lines() if PAGE_META.search(norm, s, e)]
    seen = {(s.metric, s.value.value) for s in rec.stats}
    restated: dict[tuple[float, str], int] = {}  # (value, unit class) → sentence it was read in
    prev: tuple[int, _Read] | None = None
    for m in FIGURE.finditer(norm):
        if any(a <= m.start() < b for a, b in meta) or not _plausible(norm, m):
            continue
        value = _value(m["num"], bool(m["wan"]))
        if value is None or value <= 0 or _plan_clause(norm, m.start()):
            prev = None
            continue
        read = _read(src, m, prev)
        prev = (m.end(), read) if read else None
        if read is None or (need_cue and not read.cued):
            continue
        unit: str | None = src.text[m.start("unit"):m.end("unit")]
        stat = Stat(read.metric, Found(value, m.start(), m.end(), "stats"), unit)
        key = (stat.metric, value)
        sentence = _clause_start(norm, m.start(), _SENTENCE, limit=len(norm))
        again = restated.setdefault((value, _unit_class(unit)), sentence)
        if key not in seen and again == sentence:
            seen.add(key)
            rec.stats.append(stat)


def _unit_class(unit: str | None) -> str:
    """名 / 位 / 人 count the same people."""
    return "人" if unit in ("名", "位", "人") else unit or ""


def _plausible(norm: str, m: re.Match[str]) -> bool:
    a, b = m.start("num"), m.end("num")
    if b < len(norm) and norm[b] in "·.．:-/" and b + 1 < len(norm) and norm[b + 1].isdigit():
        return False  # 5·15, 5.15, a time or a fraction
    if _NOT_A_COUNT.search(norm, max(0, a - 3), a):
        return False
    if re.search(r"\d[ \t]*[-—–~～至到][ \t]*$", norm[max(0, a - 3):a]):
        return False  # the upper end of a range (1-2人, 8至10家): a quota, not a count
    num = m["num"]
    if len(num) == 1 and num in "十百千万" and not (m["a1"] or m["a2"]) \
            and not re.search(r"(?:近|上|逾|超)$", norm[max(0, a - 1):a]):
        return False  # 千家万户, 百名干部进百企: a set phrase, not a count
    return True


def _clause_start(norm: str, pos: int, stops: str = _CLAUSE, limit: int = 150) -> int:
    start = pos
    while start > 0 and norm[start - 1] not in stops and pos - start < limit:
        start -= 1
    return start


def _clause_end(norm: str, pos: int, limit: int = 60) -> int:
    end = pos
    while end < len(norm) and norm[end] not in _CLAUSE and end - pos < limit:
        end += 1
    return end


def _plan_clause(norm: str, pos: int) -> bool:
    start = _clause_start(norm, pos, limit=30)
    return PLAN_CUE.search(norm[start:pos]) is not None


def _read(src: Source, m: re.Match[str], prev: tuple[int, _Read] | None) -> _Read | None:
    """The metric of the figure ``m`` from its clause, or None when nothing says what it counts."""
    norm, text = src.norm, src.text
    fs = m.start()
    cs = _clause_start(norm, fs)
    before = norm[cs:fs]
    cue_before = _CUE_END.search(before) is not None
    if m["unit"] == "%":
        r = _RATE.search(before)
        return _Read(text[cs + r.start("metric"):cs + r.end("metric")], True) if r else None
    read = _verb_led(src, m, cs)
    if read:
        return read
    read = _participation(src, m, cue_before) or _enumerated(src, m, before)
    if read:
        return read
    for rx, cued in ((_NOUN_CUE, True), (_COUNTED, cue_before)):
        r = rx.search(before)
        if r and not VERBS.search(r["metric"]):
            return _Read(text[cs + r.start("metric"):cs + r.end("metric")], cued)
    return _continued(src, m, prev)


def _verb_led(src: Source, m: re.Match[str], cs: int) -> _Read | None:
    """``发放宣传资料共计59份`` / ``发放2000余份宣传资料``: the verb owning the figure."""
    norm = src.norm
    fs = m.start()
    verbs = list(VERBS.finditer(norm, cs, fs))
    if not verbs:
        return None
    v = verbs[0]
    for a, b in zip(verbs, verbs[1:]):
        # 解答咨询并发放资料: a joined verb leads; 开展政策解读活动 / 发放办理指南: a verb
        # inside the object does not
        if re.search(r"[、并及和与还又再]|同时", norm[a.end():b.start()]) or _CUE_END.search(norm, a.end(), b.start()):
            v = b  # 各窗口累计接受咨询: a report cue also goes with the later verb
    obj = norm[v.end():fs]
    if FIGURE.search(obj) or not _object_ok(obj):
        return None
    cued = (_CUE_BEFORE_VERB.search(norm, max(cs, v.start() - 4), v.start()) is not None
            or obj.startswith("了") or _CUE_END.search(obj) is not None)
    metric, after = _metric(src, v.start(), v.end(), v.end(), fs, m.end())
    return _Read(metric, cued, src.text[v.start():v.end()], after)


_LONG_OBJECT = 60


def _object_ok(obj: str) -> bool:
    """A short object, or a long one that is an enumeration (A、B、C等)."""
    if re.search(r"[\u4e00-\u9fff][ \t]+[\u4e00-\u9fff]", obj):
        return False  # a headline's phrases (…大院 昨日420名市民): the verb is another phrase's
    body = re.sub(r"《[^《》]{1,40}》", "书", obj.strip(" \t了"))  # a title is one item
    if len(body) <= 20:
        return True
    items = re.split(r"[、及和与]|(?<=书)(?=书)", body)
    if len(body) <= 120 and len(items) >= 3 and all(len(i) <= 16 for i in items):
        return True
    # a long modifier before a short head noun: "以…为主要内容的宣传资料等《…》宣传材料" (70余份)
    head = re.split(r"[的等]", body)[-1]
    return len(body) <= _LONG_OBJECT and 2 <= len(head) <= 12 and not re.search(r"[，,。；;：:]", body)


def _participation(src: Source, m: re.Match[str], cued: bool) -> _Read | None:
    """``20余名市民代表先后走进…`` / ``94个部门300余人参加``: the figure before its verb."""
    norm, text = src.norm, src.text
    if _value(m["num"], bool(m["wan"])) == 1:
        return None  # 1个社区代表参加: who took part, not a count
    ce = _clause_end(norm, m.end())
    p = PARTICIPATE.search(norm, m.end(), ce)
    if p is None or p.start() - m.end() > 40:
        return None
    between = _MANNER.sub("", norm[m.end():p.start()])
    if VERBS.search(between) or _FUNCTION.search(FIGURE.sub("", between)):
        return None
    nxt = FIGURE.search(norm, m.end(), p.start())
    noun = text[m.end():nxt.start() if nxt else p.start()].strip(" \t、,，和及")
    noun = re.sub(r"(?:先后|积极|踊跃|共同|一起|一同|均|都|纷纷|现场|的|分)+$", "", noun)
    if not noun:
        noun = "人员" if m["unit"] in ("人", "名", "位", "人次") else "单位"
        noun = text[p.start():p.end()] + noun
        return _Read(noun, cued or norm[p.end():p.end() + 1] == "了")
    obj = re.match(r"了?([\u4e00-\u9fff]{1,6})(?=[^\u4e00-\u9fff]|并|和|及|$)", norm[p.end():ce])
    tail = text[p.end() + obj.start(1):p.end() + obj.end(1)] if obj else ""
    return _Read(noun + text[p.start():p.end()] + tail, cued or norm[p.end():p.end() + 1] == "了")


_PARTICIPANT = re.compile(r"单位|部门|机关|企业|社区|乡镇|街道|村|学校|医院|窗口|机构|商户")


def _enumerated(src: Source, m: re.Match[str], before: str) -> _Read | None:
    """``区A局、区B局…等16个单位，通过…``: the count closing a list of named participants."""
    if m["unit"] not in ("个", "家", "所") or not re.search(r"、[^、]+等[ \t]*$", before):
        return None
    noun = _PARTICIPANT.match(src.norm, m.end())
    if noun is None:
        return None
    return _Read("参与" + src.text[noun.start():noun.end()], False)


def _continued(src: Source, m: re.Match[str], prev: tuple[int, _Read] | None) -> _Read | None:
    """``发放宣传单1万余份，宣传折页400余份、宣传袋500余个``: a list item after a verb-led figure."""
    if prev is None:
        return None
    pe, read = prev
    verb = read.verb
    if verb is None:
        return None
    norm, text = src.norm, src.text
    between = norm[pe:m.start()]
    body = between.lstrip("，,、 \t")
    if len(between) - len(body) > 2 or len(body) > 30 or any(c in _SENTENCE for c in between):
        return None
    if re.search(r"[，,\d]", body) or VERBS.search(body) or PARTICIPATE.search(body) or _FUNCTION.search(body):
        return None
    if read.after:  # 发放3万份折页和450份指南: this figure's noun follows it too
        return _Read(verb + _object_after(src, m.end()), read.cued, verb, True)
    if not body:
        return _Read(read.metric, read.cued, verb)  # 62种11300余份: two figures of one thing
    a = m.start() - len(body)
    cue = _CUE_END.search(norm, a, m.start())
    b = cue.start() if cue else m.start()
    for sep in ("等", "的"):
        k = norm.rfind(sep, a, b)
        if k >= 0 and k + 1 < b:
            a = k + 1
    return _Read(verb + text[a:b].strip(), read.cued, verb)


def _value(num: str, wan: bool) -> float | None:
    """'30' → 30, '1.2' + 万 → 12000, '千' → 1000, '两万' → 20000, '三百' → 300."""
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", num):
        v = float(num.replace(",", ""))
    else:
        if re.fullmatch(r"[一二两三四五六七八九]", num):
            return float(cn_int(num) or 0) or None  # only after a report cue (see NUMBER)
        if not re.search(r"[十百千万]", num) or re.fullmatch(r"[十]", num):
            return None
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


def _metric(src: Source, vs: int, ve: int, a: int, b: int, fig_end: int) -> tuple[str, bool]:
    """verb + what it counts, with adjectives and listed examples dropped: 发放宣传资料;
    and whether the object was read after the figure.

    Cuts are found on ``norm`` and applied to ``text`` (same indices), so
    the metric is as printed even in Traditional script.
    """
    norm, text = src.norm, src.text
    while a < b and norm[a] in " \t了":
        a += 1
    while b > a and norm[b - 1] in " \t":
        b -= 1
    tail = re.search(rf"(?:{REPORT_CUE})$", norm[a:b])
    if tail:
        b = a + tail.start()
    for sep in ("等", "的"):  # 精美的开发区画册等宣传资料 → 宣传资料
        k = norm.rfind(sep, a, b)
        if k >= 0 and k + 1 < b:
            a = k + 1
    if norm[a:b].endswith("等") or (b - a > 20 and "、" in norm[a:b]):
        a = b  # 组织A、B、C等24个部门: the object follows the figure
    lead = re.match(r"各类|各种|相关|有关|一批|一系列", norm[a:b])
    if lead:
        a += lead.end()
    obj = text[a:b].strip()
    if obj and _CJK.search(obj):
        return text[vs:ve] + obj, False
    return text[vs:ve] + _object_after(src, fig_end), True  # 发放2000余份宣传资料


def _object_after(src: Source, pos: int) -> str:
    """The noun a figure counts when it follows it: 2000余份宣传资料(和…) → 宣传资料."""
    after = re.match(r"(?:(?![向给为并到在对])[\u4e00-\u9fff]){1,16}", src.norm[pos:])
    end = pos + (after.end() if after else 0)
    if end > pos and src.norm[end - 1] in "和及与" and FIGURE.match(src.norm, end):
        end -= 1  # 3万份折页和450份指南: the list goes on
    return src.text[pos:end]
