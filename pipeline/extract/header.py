"""The 版头 of a 公文 (GB/T 9704-2012) and the header grid of a telegram.

What sits above the title identifies the document: 份号, 密级, 紧急程度,
发文机关标志, 发文字号, 签发人 — or, on a 明传电报/发电, a grid of keys and
values that OCR prints on one line ("等级 特急 · 明电 朝政办传〔2020〕10号
序号").  The title is found first because it splits the text: everything
before it is the header zone, where those keys are trusted; a 文号 cited
in the body ("按照《…通知》（X政办发〔2018〕25号）") never is.  Saved web
pages put navigation above the title and an info line (浏览/时间/来源) under
it, so the line before the info line is preferred as the headline.

Patterns run on ``Source.norm``; values are sliced from ``Source.text``.
The line helpers and organ-name test here are shared by the other
header-area modules (signature, event, period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dates import FULL_DATE
from pipeline.extract.source import Source
from pipeline.model import Found, Record

CJK = r"\u4e00-\u9fff"
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Line:
    """A non-blank line: span of its stripped text in ``Source.text`` and the matching copy."""

    start: int
    end: int
    norm: str

    @property
    def sq(self) -> str:
        """The line without any whitespace (OCR spaces words apart)."""
        return _WS.sub("", self.norm)


def nonblank_lines(src: Source) -> list[Line]:
    out = []
    for s, e in src.lines():
        seg = src.norm[s:e]
        left = len(seg) - len(seg.lstrip())
        right = len(seg.rstrip())
        if right > left:
            out.append(Line(s + left, s + right, seg[left:right]))
    return out


def squash(s: str) -> str:
    return _WS.sub("", s)


# ---------------------------------------------------------------- organ names

ORGAN_SUFFIX = (
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|领导小组|工作小组|小组|中心|办事处|"
    r"联合会|协会|商会|学会|工会|研究会|促进会|基金会|理事会|"
    r"局|委|厅|办|处|部|院|所|队|站|署|社|馆|公司|集团|党委|党组|支部|分局|法院|检察院)"
)
# words that end like an organ but are verbs, venues or people ("举办", "服务大厅", "干部")
_NOT_ORGAN_END = re.compile(
    r"(?:举办|承办|主办|协办|督办|创办|交办|代办|帮办|包办|合办|筹办|兴办|经办|查办|催办|转办|"
    r"布局|格局|大局|开局|结局|全局|场所|住所|全部|内部|外部|局部|干部|团队|大厅|展厅|餐厅|之处|好处|到处)$"
)
# CJK only: "XX县人民政府" in a template copy is an anonymised, i.e. unknown, organ
_ORGAN = re.compile(rf"^[{CJK}()（）·]{{2,40}}?{ORGAN_SUFFIX}$")
_MEDIA = re.compile(r"(?:日报|晚报|早报|时报|商报|报社|新闻|电视台|广播|融媒|网站|在线|门户|客户端|头条|网)$")


def is_organ(s: str) -> bool:
    """A full organ name (ends with an organ word and has a name before it), not a place or a paper."""
    s = squash(s)
    if not _ORGAN.match(s) or _MEDIA.search(s) or _NOT_ORGAN_END.search(s):
        return False
    m = re.search(ORGAN_SUFFIX + "$", s)
    return m is not None and m.start() >= 2


# ---------------------------------------------------------------- header keys

_OPEN_BR = "([【〔﹝〖"
_CLOSE_BR = ")]】〕﹞〗"
DOCNUM = re.compile(
    rf"(?P<code>[{CJK}]{{1,20}})\s*[{re.escape(_OPEN_BR)}]\s*(?P<year>(?:19|20)\d{{2}})\s*"
    rf"[{re.escape(_CLOSE_BR)}]\s*第?\s*(?P<num>\d{{1,5}})\s*号"
)
_CODE_PREFIX = re.compile(
    r"^(?:等级|密级|特提|特急|加急|平急|明电|密电|秘密|机密|绝密|发文字号|文号|字号|编号|发电|"
    r"按照|根据|依据|印发|转发|号)+"
)
_BRACKETS = str.maketrans({c: "〔" for c in "(（[［【〔﹝〖"} | {c: "〕" for c in ")）]］】〕﹞〗"})
_CITED_BEFORE = re.compile(r"(?:》|按照|根据|依据|贯彻|转发|落实)[\s(（]*$")

# grid keys count only as keys: at a cell boundary, followed by a value separator ("等级 特急", "签发人：")
_LABEL_KEYS = re.compile(
    r"(?:^|(?<=[\s·|]))(?:发电单位|签\s*发\s*人|签批盖章|签发盖章|签批人|签批|签发|等\s*级|密\s*级|序\s*号|份\s*号|"
    r"紧急程度|保密期限|发文字号|文\s*号|主\s*送|发\s*往)(?=\s|[:：]|$)", re.M
)
_MARK = re.compile(r"(?:文件|发电|明传电报|电报)$")
_NAV = re.compile(r"今天是|当前位置|您的位置|您现在的位置|加入收藏|设为首页|网站地图|无障碍|[|>»]")
_NAV_WORD = re.compile(r"首页|登录|注册|English|繁体|简体|打印|关闭|分享|收藏|长者模式")
INFO_LINE = re.compile(
    r"(?:浏览|点击|阅读|访问)(?:次数|量|数)?\s*[:：]?\s*\d+|发布(?:时间|日期)|(?:^|[\s'\"’])(?:时间|日期)\s*[:：]\s*\d|"
    r"来源\s*[:：]|作者\s*[:：]|信息来源|字体|字号\s*[:：]?\s*[大中小]"
)
_COPY = re.compile(r"^(?:份\s*号\s*[:：]?\s*)?(?P<v>\d{6})$")
_CLASS = re.compile(
    r"(?:^|(?<=[\s·•:：|])|(?<=级))(?P<v>(?:绝密|机密|秘密)(?:\s*★\s*[^\s·•|]{1,8})?|明电|密电)", re.M
)
_URGENCY = re.compile(
    rf"(?:^|(?<=[\s·•:：|])|(?<=级)|(?<=度))(?P<v>特提|特急|加急|平急)(?=$|[^{CJK}]|件|密|明电)", re.M
)
_SERIAL_OWN_LINE = re.compile(r"序\s*号[ \t]*[:：]?[ \t]*\n\s*(?P<v>\d{1,6})\s*$", re.M)
_SIGNER = re.compile(
    rf"(?:签\s*发\s*人|签\s*批\s*人|签批盖章|签发盖章|签\s*发|签\s*批)\s*[:：]?[ \t]*"
    rf"(?P<v>[{CJK}](?:[ \t]{{0,3}}[{CJK}·]){{1,5}})"
)
_NOT_NAME = re.compile(r"等级|密级|序号|单位|发电|盖章|签发|签批|文号|日期|机关")
_SERIAL = re.compile(r"序\s*号[ \t]*[:：]?[ \t]*(?P<v>[0-9A-Za-z][0-9A-Za-z\-]{0,9})(?![0-9A-Za-z])")

TITLE_END = re.compile(
    r"(?:通知|方案|总结|公告|通告|意见|报告|函|通报|请示|计划|计划表|安排|决定|办法|要点|纪要|公示|批复|"
    r"汇报|综述|情况|倡议书|简报|细则|规划|公开信|启事|答复|通知书)$"
)
_TITLE_LABEL = re.compile(r"^(?:标\s*题|名\s*称|文件名称)\s*[:：]\s*")
_NOT_TITLE_START = re.compile(r"^(?:附件|附表|联系人|联系电话|电话|[(（]?[一二三四五六七八九十]+[、)）]|\d+[.、．]|各)")
_BODY_START = re.compile(
    r"^(?:为[^，,:：]{0,2}(?:进一步|贯彻|做好|深入|推进|落实|加强|切实|全面|认真|更好)|为了|根据|按照|依据|"
    r"经研究|经[省市县区]委|经[省市县区]政府|现将|现就|近日|日前|今年|结合|在|我)"
)
_GREETING = re.compile(r"尊敬|朋友|同志们|您好|亲爱")
_DATE_LINE = re.compile(rf"[(（]?{FULL_DATE.pattern}[)）]?")


def _is_body(ln: Line) -> bool:
    sq = ln.sq
    return "。" in sq or (len(sq) > 60 and bool(re.search(r"[，,；;]", sq)))


def is_nav(ln: Line) -> bool:
    """Site navigation: breadcrumbs and menus (a menu word alone, or several of them)."""
    words = _NAV_WORD.findall(ln.norm)
    menu = len(words) >= 2 and len(ln.norm.split()) >= 2  # menus are spaced items, titles are not
    return bool(_NAV.search(ln.norm)) or menu or (bool(words) and len(ln.sq) <= 6)


def _is_meta(ln: Line) -> bool:
    """Header keys, marks, navigation and web info lines: never part of the title."""
    sq = ln.sq
    return bool(
        _LABEL_KEYS.search(ln.norm) or _COPY.match(sq) or INFO_LINE.search(ln.norm) or is_nav(ln)
        or (_MARK.search(sq) and len(sq) <= 40 and not sq.startswith("发电单位"))
        or (DOCNUM.search(sq) and len(DOCNUM.sub("", sq)) <= 4)
        or re.fullmatch(r"[\d\s.·\-—()（）NO:：]+", ln.norm)
    )


def _title_like(sq: str) -> bool:
    return (8 <= len(sq) <= 90 and "。" not in sq and sq[-1] not in ":：，,；;、"
            and not _NOT_TITLE_START.match(sq) and not _GREETING.search(sq))


def _join_ok(ln: Line) -> bool:
    sq = ln.sq
    return (len(sq) <= 50 and "。" not in sq and sq[-1] not in ":：，,；;" and not _is_meta(ln)
            and not _NOT_TITLE_START.match(sq))


def find_title(src: Source, lines: list[Line]) -> tuple[int, int, str] | None:
    """(first line index, last line index, method) of the document's own title."""
    top = lines[:40]
    for i, ln in enumerate(top):  # an explicit 标题： cell
        if _TITLE_LABEL.match(ln.norm) and len(ln.sq) > 8:
            return i, i, "title.label"
    for i, ln in enumerate(top[:25]):  # web page: headline right above the info line
        if _is_body(ln):
            break
        if INFO_LINE.search(ln.norm) and i > 0:
            prev = top[i - 1]
            if not _is_meta(prev) and not _is_body(prev) and _title_like(prev.sq):
                return i - 1, i - 1, "title.web"
    for i, ln in enumerate(top):
        sq = ln.sq
        if _is_body(ln) or (sq[-1] in ":：" and not _is_meta(ln)):
            break
        if _is_meta(ln) or not _title_like(sq):
            continue
        if not (TITLE_END.search(sq) or "关于" in sq or TITLE_END.search(_SITE_SUFFIX.sub("", ln.norm).strip())):
            continue
        last = i
        if not TITLE_END.search(sq):
            joined = sq
            for k in range(i + 1, min(i + 3, len(top))):
                if not _join_ok(top[k]):
                    break
                joined += top[k].sq
                if TITLE_END.search(joined) and len(joined) <= 100:
                    last = k
                    break
        first = i
        # "XX人民政府办公室\n关于…": the organ part wrapped onto its own line(s) (joint issuers: two)
        while sq.startswith("关于") and first > 0 and i - first < 2:
            prev = top[first - 1]
            if _is_meta(prev) or not is_organ(prev.sq):
                break
            first -= 1
        return first, last, "title.scan"
    return None


_SITE_SUFFIX = re.compile(rf"\s*[_|｜\-—－]+\s*[{CJK}]{{2,30}}(?:人民政府|政府|网站|门户网站|政务网|政府网)\s*$")


def _title_found(src: Source, lines: list[Line], first: int, last: int, method: str) -> Found[str] | None:
    start = lines[first].start
    m = _TITLE_LABEL.match(lines[first].norm)
    if m:
        start += m.end()
    end = lines[last].end
    site = _SITE_SUFFIX.search(src.norm, start, end)  # "…的通知_XX区人民政府" (a saved page's <title>)
    if site and TITLE_END.search(squash(src.norm[start:site.start()])):
        end = site.start()
    return src.found(start, end, method, squash_space=True)


# ---------------------------------------------------------------- doc number

def _docnum_found(src: Source, m: re.Match[str], method: str) -> Found[str] | None:
    """The number as printed, spaces dropped and brackets made 〔〕; grid keys OCR glued on are cut off."""
    code = m["code"]
    cut = _CODE_PREFIX.match(code)
    start = m.start("code") + (cut.end() if cut else 0)
    end = m.end()
    if start >= m.end("code"):
        return None
    raw = squash(src.text[start:end]).translate(_BRACKETS)
    return Found(raw, start, end, method)


def _cited(src: Source, pos: int) -> bool:
    return bool(_CITED_BEFORE.search(src.norm[max(0, pos - 12):pos]))


def split_doc_number(value: str) -> tuple[str | None, int | None, str | None]:
    """'喀政办传〔2018〕11号' → ('喀政办传', 2018, '11'); (None, None, None) if it is not one."""
    v = squash(value).translate(_BRACKETS)
    m = re.fullmatch(r"(.*?)〔(\d{4})〕第?(\d+)号", v)
    if not m:
        return None, None, None
    return (m[1] or None), int(m[2]), m[3]


def _find_doc_number(src: Source, lines: list[Line], zone: int, title_last: int | None) -> Found[str] | None:
    limit = lines[min(len(lines) - 1, max(zone, 30))].end if lines else 0
    for m in re.finditer(r"(?:发文字号|文\s*号)\s*[:：]\s*", src.norm[:limit]):
        d = DOCNUM.match(src.norm, m.end())
        if d:
            f = _docnum_found(src, d, "doc_number.label")
            if f:
                return f
    for ln in lines[:zone]:
        for d in DOCNUM.finditer(src.norm, ln.start, ln.end):
            if not _cited(src, d.start()):
                f = _docnum_found(src, d, "doc_number.header")
                if f:
                    return f
    if title_last is not None:  # printed alone under the title, as web copies do
        for ln in lines[title_last + 1:title_last + 5]:
            d = DOCNUM.search(src.norm, ln.start, ln.end)
            if d and len(re.sub(r"[\s()（）〔〕\[\]]", "", DOCNUM.sub("", ln.norm))) == 0:
                return _docnum_found(src, d, "doc_number.under_title")
    return None


# ---------------------------------------------------------------- recipients

_GLUED = re.compile(r"(?P<r>[^:：]{2,150}?)[:：](?=.{20,})")
_MAIN_TO = re.compile(r"^(?:主\s*送(?:\s*机\s*关)?|发\s*往)\s*[:：]\s*")


def _labelled_recipients(src: Source, lines: list[Line]) -> Found[str] | None:
    """"主送：各市人民政府，省政府各部门。" (telegram grids, 版记-style copies)."""
    for ln in lines:
        m = _MAIN_TO.match(ln.norm)
        if m and len(ln.sq) > len(m.group()) + 1:
            return src.found(ln.start + m.end(), ln.end, "recipients.label", strip=":：。.")
    return None


def _find_recipients(src: Source, lines: list[Line], after: int) -> Found[str] | None:
    i, skipped = after, 0
    while i < len(lines) and skipped < 4:
        ln = lines[i]
        if _is_meta(ln) or _DATE_LINE.fullmatch(ln.sq) or ln.sq.startswith(("(此件", "（此件")):
            i, skipped = i + 1, skipped + 1
            continue
        break
    if i >= len(lines):
        return None
    glued = _GLUED.match(lines[i].norm)  # "各镇街，区政府各部门：按照…" (a web copy lost the line break)
    if glued and "。" not in glued["r"] and (glued["r"].startswith("各") or is_organ(glued["r"])) \
            and not _BODY_START.match(glued["r"]):
        return src.found(lines[i].start, lines[i].start + glued.end("r"), "recipients.glued")
    joined, last = "", i
    for k in range(i, min(i + 3, len(lines))):
        joined += lines[k].sq
        last = k
        if joined[-1] in ":：" or joined[-1] not in "，,、；;":
            break
    if (joined[-1] not in ":：" or "。" in joined or len(joined) > 200 or "如下" in joined
            or _BODY_START.match(joined) or _GREETING.search(joined)):
        return None
    # a list wrapped over lines is one value: the line breaks go, the printed punctuation stays
    return src.found(lines[i].start, lines[last].end, "recipients.after_title", strip=":：",
                     squash_space=last > i)


# ---------------------------------------------------------------- signer

def label_spans(lines: list[Line], label: re.Pattern[str]) -> list[tuple[int, int]]:
    """Line spans to search; a grid key alone on its line (PDF table cells) reaches into the next line."""
    out = []
    for i, ln in enumerate(lines):
        if label.fullmatch(ln.sq) and i + 1 < len(lines):
            out.append((ln.start, lines[i + 1].end))
        else:
            out.append((ln.start, ln.end))
    return out


_SIGNER_KEY = re.compile(r"(?:签发人|签批人|签批盖章|签发盖章|签发|签批)[:：]?")
_SERIAL_KEY = re.compile(r"序号[:：]?")


def _find_signer(src: Source, lines: list[Line]) -> Found[str] | None:
    for s, e in label_spans(lines, _SIGNER_KEY):
        for m in _SIGNER.finditer(src.norm, s, e):
            name = squash(m["v"])
            # a spaced 2-character name ("王 伟") is one name; "张三 李四" are two — keep the first
            parts = m["v"].split()
            if len(parts) > 1 and not all(len(p) == 1 for p in parts):
                name = parts[0]
                end = m.start("v") + len(parts[0])
            else:
                end = m.end("v")
            if _NOT_NAME.search(name) or is_organ(name) or not 2 <= len(name) <= 5:
                continue
            f = src.found(m.start("v"), end, "header.signer", squash_space=True)
            if f:
                return f
    return None


# ---------------------------------------------------------------- fill

def _first_in_zone(src: Source, lines: list[Line], pat: re.Pattern[str], method: str,
                   masks: list[tuple[int, int]] | None = None) -> Found[str] | None:
    masks = masks or []
    for ln in lines:
        for m in pat.finditer(src.norm, ln.start, ln.end):
            s, e = m.span("v")
            if any(a <= s < b for a, b in masks):
                continue
            f = src.found(s, e, method)
            if f:
                return f
    return None


def fill(src: Source, rec: Record) -> None:
    lines = nonblank_lines(src)
    if not lines:
        return
    t = find_title(src, lines)
    title_last: int | None = None
    if t is not None:
        first, title_last, method = t
        rec.title = _title_found(src, lines, first, title_last, method)
        zone = first
    else:
        zone = next((i for i, ln in enumerate(lines[:15]) if _is_body(ln) or ln.sq[-1] in ":："),
                    min(len(lines), 15))
    head = lines[:zone]
    rec.doc_number = _find_doc_number(src, lines, zone, title_last)
    masks = [(rec.doc_number.start, rec.doc_number.end)] if rec.doc_number else []
    rec.classification = _first_in_zone(src, head, _CLASS, "header.classification", masks)
    rec.urgency = _first_in_zone(src, head, _URGENCY, "header.urgency", masks)
    for s, e in label_spans(head, _SERIAL_KEY):
        m = _SERIAL.search(src.norm, s, e) or _SERIAL_OWN_LINE.search(src.norm, s, e)
        if m and rec.serial is None:
            rec.serial = src.found(m.start("v"), m.end("v"), "header.serial")
    for ln in head:
        c = _COPY.match(ln.sq)
        if c and rec.copy_number is None:
            digits = re.search(r"\d{6}", src.norm[ln.start:ln.end])
            if digits:
                rec.copy_number = src.found(ln.start + digits.start(), ln.start + digits.end(), "header.copy")
        mark = _MARK.search(ln.sq)
        if rec.issuer_mark is None and mark and mark.start() >= 2 and len(ln.sq) <= 40 \
                and not _LABEL_KEYS.search(ln.norm) and not is_nav(ln):
            rec.issuer_mark = src.found(ln.start, ln.end, "header.mark", squash_space=True)
    rec.signer = _find_signer(src, head or lines[:10])
    rec.recipients = _labelled_recipients(src, lines)
    if rec.recipients is None and title_last is not None:
        rec.recipients = _find_recipients(src, lines, title_last + 1)
