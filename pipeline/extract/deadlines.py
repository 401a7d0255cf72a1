"""Dated deadlines: when units must submit, report or register something.

The genre states deadlines in a handful of shapes — ``于5月13日前上报活动方案``,
``5月16日16时前报县政务公开办``, ``5月20日前，上报活动总结``,
``报名截止时间为2019年5月10日18:00``, ``报名时间：5月6日至10日`` — and uses
the same dates for other things (``5月15日上午9时…举行``).  A date counts
only when it is closed by 前/之前/止 (or opened by 最迟/不晚于) and a
submitting verb follows in the same sentence, or when 截止/截至 or a 报名时间
label ties it to submitting.  A registration window closes on its last day:
``报名时间：5月6日9:00至5月10日17:00`` → 5月10日 17:00, ``即日起至5月10日`` →
5月10日, a window over New Year rolls into the next year; the label may
stand on the line above (``意见征集起止时间：`` / ``6月2日至6月18日``), and
a window without one counts when the public registers or comments in it
(``6月12日至6月20日，通过公众号报名``) — a unit's duty over a period does not.
A closing day restated in the text is one deadline.
A date whose 年/月 were lost (``20241125日17:00``) is read when its eight
digits allow one reading only.
Relative deadlines (``提前5个工作日``, ``活动结束后5个工作日内``) have no date
and are only noted in the warnings.

Years printed without a year come from the issue date (a December notice
about January means next year, see :func:`dates.resolve_year`), else from
the year the document is about, else from the year printed nearest before
the date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from pipeline.extract.dates import (
    FULL_DATE,
    MONTH_DAY,
    NUM,
    PRINTED_YEAR,
    YEAR,
    cn_int,
    make_date,
    resolve_year,
    run_dates,
    run_month_day,
)
from pipeline.extract.source import Source
from pipeline.model import Deadline, Found, Record

_CN = "一二三四五六七八九十"
TAIL = re.compile(
    rf"[ \t]*(?:\(?(?:星期|周)[一二三四五六日天]\)?|\((?:含|含当日|含当天)\))?[ \t]*"
    rf"(?:(?P<ampm>上午|下午|中午|晚上|早上|凌晨)?[ \t]*"
    rf"(?P<h>\d{{1,2}}|[{_CN}]{{1,3}})[ \t]*(?:时|点|:)[ \t]*(?P<mi>\d{{1,2}}|[{_CN}]{{1,3}}|半)?[ \t]*分?"
    rf"|(?P<part>上午|下午|中午|晚上|下班|上班))?"
    rf"[ \t]*(?P<before>之前|以前|前(?!后)|止|为止)?"
)
SUBMIT = re.compile(  # 网上报名 is not 上报; 报名回执 / 报名表 name a thing, not the act
    r"(?<![网线])上报|报送|报至|报给|报名(?!表|回执|材料|信息|单|方式|电话|地点|条件|对象|人员|二维码|链接|入口)|提交|递交|发送|反馈|备案|报备|寄送|寄至|送达|送至|交至|上传|填报|申报|"
    r"发至|传至|传真至|发邮件|发到|录入|登记|推荐|汇总至|报告|提出(?=[^，,。；;]{0,8}(?:意见|建议))"
)
# (a parenthetical aside in the object, masked to \0 beforehand, counts as one character)
_SHORT_VERB = re.compile(r"[，,\s]*(?:(?:将|把)(?:\0+|[^，,。；;\0]){0,30}?)?(?P<v>报|交|送|发)(?![道纸刊社到名])")
CUTOFF = re.compile(r"截止|截至|截止到|截止于")
REG_RANGE = re.compile(
    r"(?P<what>报名|报送|申报|征集|征求|提交|预约|反馈)[^。；;\n]{0,6}?(?:时间|日期)[ \t]*(?:为|是|:|：)?[ \t]*"
)
SINCE = re.compile(r"(?:即日|即时|今日|今天|现在|公告发布之日|发布之日|通知下发之日|本通知印发之日)起?[ \t]*(?:至|到|—|-|~|～)[ \t]*$")
RANGE_END = re.compile(
    rf"[ \t]*(?:\((?:星期|周)[一二三四五六日天]\))?[ \t]*"
    rf"(?:(?:上午|下午|中午|晚上|早上)?[ \t]*\d{{1,2}}[ \t]*(?::[ \t]*\d{{2}}|[时点](?:[ \t]*\d{{1,2}}[ \t]*分|半)?))?"
    rf"[ \t]*(?:至|到|—|–|-|~|～)[ \t]*(?:(?P<y>{YEAR})[ \t]*年)?[ \t]*(?:(?P<m>{NUM})[ \t]*月)?[ \t]*(?P<d>{NUM})[ \t]*[日号]"
)
"""The end of a window: ``至10日``, ``9:00至5月10日``, ``—2026年1月5日``."""
WINDOW_VERB = re.compile(r"报名|预约|征集|征求|提出(?=[^，,。；;]{0,8}(?:意见|建议))")
"""What the public may do in a window without a label (``7月1日至7月8日，通过…报名``); a
unit's duty in a period (``5月10日至15日，各单位报送信息``) is not a deadline."""
_ACTIVITY = re.compile(r"开展|举办|举行|组织|召开|参观|进行|活动")
LATEST = re.compile(r"(?:最迟|最晚|不晚于|不迟于)[ \t]*(?:于|在)?[ \t]*$")
_LABEL_BEFORE = re.compile(
    r"(?P<v>[\u4e00-\u9fff]{0,8}?(?:上报|报送|提交|报名|申报|反馈|填报))(?:的)?(?:时间|日期|期限)[ \t]*(?:为|是|:|：)?[ \t]*$"
)
RELATIVE = re.compile(r"提前[\d一二三四五六七八九十]+个?工作日|(?:结束|开展|举办)后[\d一二三四五六七八九十]+个?(?:工作)?日内")
_CLAUSE_END = "。；;\n"
_DESTINATION = re.compile(r"^(?:至|到|给|向)|(?:办公室|办|局|委|中心|组|科|处|部|室|邮箱|平台|系统)(?:\([^)]*\))?$")
_SUBJECT = re.compile(r"^(?:请|由|各[^，,。]{0,12}?(?:单位|部门|地区|乡镇|街道|县|区|市|镇|处室)[、，,]?)+")
_MARKER = re.compile(r"^[ \t]*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.])[ \t]*")
# "于8月30前报送": a deadline whose 日 was lost (web copy, OCR) — read only right before 前
_DAYLESS_BEFORE = re.compile(r"(?<!\d)(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})(?=[ \t]*(?:前|之前|以前))")
# "请…于825前…报名": 月 and 日 both lost; read only in the 于…前 frame and only when the digits split one way
_RUN_BEFORE = re.compile(r"(?<=[于在])[ \t]*(?P<md>\d{3,4})(?=[ \t]*日?[ \t]*(?:前|之前|以前))")
_PAREN = re.compile(r"\([^)]*\)|（[^）]*）")


def fill(src: Source, rec: Record) -> None:
    """Append every dated submission/registration deadline to ``rec.deadlines``."""
    ref_date = rec.issue_date.value if rec.issue_date else None
    ref_year = rec.year.value if rec.year else (rec.period_start.value.year if rec.period_start else None)
    printed = [(m.start(), int(m[1])) for m in PRINTED_YEAR.finditer(src.norm)]
    norm = src.norm
    for ds, de, y, month, day in _dates(norm):
        hit = _as_deadline(src, ds, de, month, day)
        if hit is None:
            continue
        time, task = hit.time, hit.task
        year = ref_year if ref_date or ref_year else _nearest_year(printed, ds)
        date = make_date(_year(hit, y, ref_date, year), hit.month, hit.day)
        if date is None:
            rec.warnings.append(f"deadlines: no year for {src.text[ds:de]} ({task})")
            continue
        same = next((d for d in rec.deadlines if d.date.value == date), None)
        if same is not None:  # one closing day is one deadline, however often the text restates it
            same.time = same.time or time
            continue
        rec.deadlines.append(Deadline(Found(date, ds, de, "deadline"), time, task))
    rel = RELATIVE.search(norm)
    if rel:
        rec.warnings.append(f"deadlines: relative deadline not dated: {src.text[rel.start():rel.end()]}")


def _nearest_year(printed: list[tuple[int, int]], pos: int) -> int | None:
    """With no issue date or document year: the year printed last before the date, else first after."""
    before = [y for p, y in printed if p < pos]
    return before[-1] if before else (printed[0][1] if printed else None)


def _year(hit: _Hit, printed: int | None, ref: dt.date | None, ref_year: int | None) -> int | None:
    """The closing day's year: printed with it, else the date's, rolling over New Year in a window."""
    if hit.year is not None:
        return hit.year
    first = hit.from_month or hit.month
    base = printed if printed is not None else resolve_year(first, ref, ref_year)
    if base is None:
        return None
    return base + (1 if hit.from_month and hit.month < hit.from_month else 0)


def _dates(norm: str) -> list[tuple[int, int, int | None, int, int]]:
    """(start, end, year or None, month, day) of every date, full dates first claiming their span."""
    out: list[tuple[int, int, int | None, int, int]] = []
    taken: list[tuple[int, int]] = []
    for a, b, ref in run_dates(norm):  # "20241125日": 年 and 月 lost in extraction
        out.append((a, b, ref.year, ref.month, ref.day))
        taken.append((a, b))
    for mt in FULL_DATE.finditer(norm):
        y, mo, d = cn_int(mt["y"]), cn_int(mt["m"]), cn_int(mt["d"])
        if y and mo and d:
            out.append((mt.start(), mt.end(), y, mo, d))
            taken.append((mt.start(), mt.end()))
    for mt in _RUN_BEFORE.finditer(norm):
        md = run_month_day(mt["md"])
        if md and not any(a <= mt.start() < b for a, b in taken):
            out.append((mt.start("md"), mt.end("md"), None, *md))
    for mt in [*MONTH_DAY.finditer(norm), *_DAYLESS_BEFORE.finditer(norm)]:
        if any(a <= mt.start() < b for a, b in taken):
            continue
        mo, d = cn_int(mt["m"]), cn_int(mt["d"])
        if mo and d and 1 <= mo <= 12 and 1 <= d <= 31:
            out.append((mt.start(), mt.end(), None, mo, d))
    out.sort()
    return out


def _clause_end(norm: str, pos: int, limit: int = 80) -> int:
    end = min(len(norm), pos + limit)
    for j in range(pos, end):
        if norm[j] in _CLAUSE_END:
            return j
    return end


def _clause_start(norm: str, pos: int, limit: int = 40) -> int:
    for j in range(pos - 1, max(-1, pos - limit - 1), -1):
        if norm[j] in _CLAUSE_END + "，,":
            return j + 1
    return max(0, pos - limit)


def _sentence_start(norm: str, pos: int, limit: int = 60) -> int:
    for j in range(pos - 1, max(-1, pos - limit - 1), -1):
        if norm[j] in _CLAUSE_END:
            return j + 1
    return max(0, pos - limit)


class _Hit(NamedTuple):
    """A deadline read at one date: the closing day may be another date (a range's end)."""

    time: str | None
    task: str
    month: int
    day: int
    year: int | None = None  # printed with the range's end
    from_month: int | None = None  # the range's first month (a window over New Year)


def _as_deadline(src: Source, ds: int, de: int, month: int, day: int) -> _Hit | None:
    """The deadline when the date at ``ds:de`` is a submission deadline (or opens a registration window)."""
    norm = src.norm
    before_txt = norm[_clause_start(norm, ds):ds]
    # 报名时间：即日起至5月10日 / 即日起至5月10日接受报名 → the open window closes that day
    since = SINCE.search(before_txt)
    if since:
        tail = TAIL.match(norm, de)
        window = norm[_sentence_start(norm, ds):_clause_end(norm, de)]
        what = REG_RANGE.search(before_txt) or SUBMIT.search(window)
        if what is not None and tail is not None:
            task = what["what"] if what.re is REG_RANGE else what.group()
            return _Hit(_time(tail), task, month, day)
    # 报名时间：5月6日至10日 → the range's last day closes registration (the label may
    # be the line above: "意见征集起止时间：" / "2023年6月2日至2023年6月18日。")
    same_line = bool(before_txt.strip())
    la, lb = (ds - len(before_txt), ds) if same_line else _label_above(norm, ds)
    label = norm[la:lb]
    reg = REG_RANGE.search(label)
    rng = RANGE_END.match(norm, de)
    opened = _open_window(src, rng, month) if rng and reg is None else None
    if opened:
        return opened
    if reg and reg.end() >= len(label.rstrip()) - 1 and rng:
        m2 = cn_int(rng["m"]) if rng["m"] else month
        d2 = cn_int(rng["d"])
        if m2 and d2:
            tail = TAIL.match(norm, rng.end())
            time = _time(tail) if tail else None
            y2 = cn_int(rng["y"]) if rng["y"] else None
            mk = _MARKER.match(label)
            a = la + (reg.start() if same_line else mk.end() if mk else 0)  # a label line: all of it
            cut = re.search(r"(?:起止|截止)?(?:时间|日期)", norm[a:lb])
            named = src.text[a:a + cut.start() if cut else lb].strip()
            return _Hit(time, named or reg["what"], m2, d2, y2, month)
    tail = TAIL.match(norm, de)
    assert tail is not None  # every group of TAIL is optional
    time = _time(tail)
    after_start = tail.end()
    after_end = _clause_end(norm, after_start)
    nxt = MONTH_DAY.search(norm, after_start, after_end)
    if nxt:
        after_end = nxt.start()
    after = norm[after_start:after_end]
    cut = CUTOFF.search(before_txt[-12:])
    if cut:
        sentence = norm[_sentence_start(norm, ds):ds] + after
        if re.search(r"共|累计|已(?:有|经)?|合计|总计", after[:12]):
            return None  # 截至5月20日，共受理… reports a figure
        if SUBMIT.search(sentence) or re.search(r"报|交", before_txt[-12:]):
            task = _cutoff_task(src, ds, before_txt, after, after_start)
            return _Hit(time, task, month, day)
        return None
    if not tail["before"] and not LATEST.search(before_txt):
        return None
    # "将活动信息(包括方案、图文资料、总结)通过协同办公系统报…": the aside is not part of the search
    masked = _PAREN.sub(lambda m: "\0" * len(m.group()), after)
    verb = SUBMIT.search(masked[:50])
    short = _SHORT_VERB.match(masked)
    if verb is None and short is None:
        lab = _LABEL_BEFORE.search(before_txt)
        if lab is None:
            return None
        b0 = ds - len(before_txt)  # 方案报送时间：5月10日前
        return _Hit(time, _trim_task(src.text[b0 + lab.start():b0 + lab.end("v")]), month, day)
    vpos = min(p for p in (verb.start() if verb else None, short.start("v") if short else None) if p is not None)
    return _Hit(time, _task(src, ds, after_start, after_start + vpos, after_end), month, day)


def _label_above(norm: str, ds: int) -> tuple[int, int]:
    """The span of a short label line (``报名时间：``) above a date that opens its own line."""
    ls = norm.rfind("\n", 0, ds) + 1
    if norm[ls:ds].strip():
        return ds, ds
    end = ls - 1
    while end > 0 and not norm[norm.rfind("\n", 0, end) + 1:end].strip():
        end = norm.rfind("\n", 0, end)  # skip blank lines
    start = norm.rfind("\n", 0, max(end, 0)) + 1
    t = norm[start:max(end, start)].strip()
    if 0 < len(t) <= 20 and re.search(r"(?:时间|日期|期限)[ \t]*[:：]?$", t):
        return start, end
    return ds, ds


def _open_window(src: Source, rng: re.Match[str], month: int) -> _Hit | None:
    """``6月12日9:00至6月20日18:00，通过…报名``: a window the public registers in closes on its last day."""
    norm = src.norm
    tail = TAIL.match(norm, rng.end())
    start = tail.end() if tail else rng.end()
    end = _clause_end(norm, start)
    nxt = MONTH_DAY.search(norm, start, end)
    v = WINDOW_VERB.search(norm, start, min(nxt.start() if nxt else end, start + 40))
    if v is None or _ACTIVITY.search(norm, start, v.start()) or re.search(r"\d|共|累计|已", norm[start:v.start()]):
        return None  # 5月1日至5日，共有300人报名: a report, not a window still open
    m2 = cn_int(rng["m"]) if rng["m"] else month
    d2 = cn_int(rng["d"])
    if not m2 or not d2:
        return None
    lead = re.match(r"[ \t]*(?:期间|之间|内)?[ \t，,]*", norm[start:v.start()])
    task = _trim_task(src.text[start + (lead.end() if lead else 0):v.end()]) or v.group()
    y2 = cn_int(rng["y"]) if rng["y"] else None
    return _Hit(_time(tail) if tail else None, task, m2, d2, y2, month)


def _time(tail: re.Match[str]) -> str | None:
    """'16时' → 16:00, '下午5点' → 17:00, '17时30分' → 17:30, '18:00' → 18:00."""
    if not tail["h"]:
        return None
    h = cn_int(tail["h"])
    if h is None:
        return None
    mi = 30 if tail["mi"] == "半" else (cn_int(tail["mi"]) if tail["mi"] else 0) or 0
    if tail["ampm"] in ("下午", "晚上") and h < 12:
        h += 12
    if not (0 <= h <= 24 and 0 <= mi < 60):
        return None
    return f"{h:02d}:{mi:02d}"


def _trim_task(s: str) -> str:
    s = _PAREN.sub("", s).strip(" \t，,、：:")
    return s[:40]


def _task(src: Source, ds: int, after_start: int, vpos: int, after_end: int) -> str:
    """The action phrase: verb + what is submitted, e.g. 上报活动方案."""
    text, norm = src.text, src.norm
    rest_end = after_end
    comma = re.search(r"[，,]", norm[vpos:after_end])
    if comma:
        rest_end = vpos + comma.start()
    verb_m = SUBMIT.match(norm, vpos) or re.match(r"报|交|送|发", norm[vpos:])
    vlen = len(verb_m.group(0)) if verb_m else 1
    verb = text[vpos:vpos + vlen]
    obj = text[vpos + vlen:rest_end].strip()
    if norm[vpos:vpos + vlen] in ("报名", "登记", "预约") and not obj:
        return verb  # 请于5月10日前通过电话报名: the registration itself
    lead = norm[after_start:vpos].strip(" ，,")
    if lead.startswith(("将", "把")):
        thing = text[after_start:vpos].strip(" ，,")[1:]
        thing = re.sub(r"^[^，,]*?(?:于|在)", "", thing)
        if obj and not _DESTINATION.search(_PAREN.sub("", src.norm[vpos + vlen:rest_end].strip())):
            return _trim_task(verb + obj)
        return _trim_task(verb + thing)
    if not obj or _DESTINATION.search(_PAREN.sub("", norm[vpos + vlen:rest_end].strip())):
        before = text[_clause_start(norm, ds):ds]
        before = _PAREN.sub("", before)
        before = re.sub(r"(?:请|务必|须|需|要|应|最迟|最晚|不晚|不迟|于|在)*\s*$", "", before).strip()
        before = _SUBJECT.sub("", before).strip()
        if before:
            return _trim_task(verb + before)
    if lead and len(lead) <= 4 and not re.match(r"[向到至给将把]", lead):
        vpos = after_start + norm[after_start:vpos].index(lead)  # 总结报送… keeps its adverb
    return _trim_task(text[vpos:rest_end])


def _cutoff_task(src: Source, ds: int, before_txt: str, after: str, after_start: int) -> str:
    """Task of a 截止 deadline: the word before 截止 (报名), else the verb phrase after the date."""
    b0 = ds - len(before_txt)
    cut = CUTOFF.search(before_txt)
    head_end = b0 + (cut.start() if cut else len(before_txt))
    m = SUBMIT.search(src.norm, b0, head_end)
    if m is None:  # 及时报送活动信息，截止时间为…: the verb sits earlier in the sentence
        s0 = _sentence_start(src.norm, ds)
        m = SUBMIT.search(src.norm, s0, head_end)
        if m:
            comma = re.search(r"[，,]", src.norm[m.start():head_end])
            end = m.start() + comma.start() if comma else head_end
            return _trim_task(src.text[m.start():end])
    if m:
        return _trim_task(src.text[m.start():head_end])
    v = SUBMIT.search(after)
    if v:
        a = after_start + v.start()
        e = after_start + len(after)
        comma = re.search(r"[，,]", src.norm[a:e])
        return _trim_task(src.text[a:a + comma.start() if comma else e])
    return _trim_task(src.text[b0:head_end]) or "截止"


def resolve(month: int, day: int, ref: dt.date | None, ref_year: int | None) -> dt.date | None:
    """A month-day date placed in the right year (exposed for tests)."""
    return make_date(resolve_year(month, ref, ref_year), month, day)
