"""The 版头 of a 公文 (GB/T 9704-2012) and the header grid of a telegram.

What sits above the title identifies the document: 份号, 密级, 紧急程度,
发文机关标志, 发文字号, 签发人 — or, on a 明传电报/发电, a grid of keys and
values that OCR prints on one line ("等级 特急 · 明电 朝政办传〔2020〕10号
序号").  The title is found first because it splits the text: everything
before it is the header zone, where those keys are trusted; a 文号 cited
in the body ("按照《…通知》（X政办发〔2018〕25号）") never is.  How the title
is found is :mod:`pipeline.extract.title`; the line helpers and the
organ-name test shared by the header-area modules are in
:mod:`pipeline.extract.lines` (re-exported here).

The 主送机关 follows the title ("各县（区）人民政府，市政府各部门：", possibly
wrapped, or glued to the first paragraph by a web copy); a copy whose title
was not kept starts with it.  A salutation ("广大市民朋友：") addresses the document as
a 主送 list does and is taken the same way.

Patterns run on ``Source.norm``; values are sliced from ``Source.text``.
"""

from __future__ import annotations

import re

from pipeline.extract.lines import (
    CJK,
    DOT_BULLETS,
    INFO_LINE,
    ORGAN_SUFFIX,
    SOLID_BULLETS,
    Line,
    is_info,
    is_nav,
    is_organ,
    nonblank_lines,
    squash,
)
from pipeline.extract.source import Source
from pipeline.extract.title import (
    COPY,
    DATE_LINE,
    DOCNUM,
    GREETING,
    LABEL_KEYS,
    MARK,
    find_title,
    is_body,
    is_meta,
    title_found,
)
from pipeline.model import Found, Record

__all__ = ["CJK", "DOCNUM", "INFO_LINE", "ORGAN_SUFFIX", "Line", "fill", "is_info", "is_nav", "is_organ",
           "label_spans", "nonblank_lines", "split_doc_number", "squash"]

# ---------------------------------------------------------------- header keys

_CODE_PREFIX = re.compile(
    r"^(?:等级|密级|特提|特急|加急|平急|明电|密电|秘密|机密|绝密|发文字号|文号|字号|编号|发电|"
    r"按照|根据|依据|印发|转发|号)+"
)
_BRACKETS = str.maketrans({c: "〔" for c in "(（[［【〔﹝〖"} | {c: "〕" for c in ")）]］】〕﹞〗"})
_CITED_BEFORE = re.compile(r"(?:》|按照|根据|依据|贯彻|转发|落实)[\s(（]*$")

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
_BODY_START = re.compile(
    r"^(?:为[^，,:：]{0,2}(?:进一步|贯彻|做好|深入|推进|落实|加强|切实|全面|认真|更好)|为了|根据|按照|依据|"
    r"经研究|经[省市县区]委|经[省市县区]政府|现将|现就|近日|日前|今年|结合|在|我)"
)

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


_FREE_AFTER = re.compile(r"[ \t]*(?:$|各|关于)", re.M)


def _find_doc_number(src: Source, lines: list[Line], zone: int, title_last: int | None) -> Found[str] | None:
    limit = lines[min(len(lines) - 1, max(zone, 30))].end if lines else 0
    for m in re.finditer(r"(?:发文字号|文\s*号)\s*[:：][\s|]*", src.norm[:limit]):
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
    else:
        # an untitled copy that lost its layout: the number stands free near the top, followed by
        # line end, the 主送 list or the title ("…整理。三府办函〔2022〕21号各区人民政府，…：")
        for d in DOCNUM.finditer(src.norm, 0, min(len(src.norm), lines[0].start + 600)):
            before = src.norm[d.start() - 1] if d.start() > 0 else "\n"
            if before in "\n \t。；;" and len(d["code"]) <= 8 and _FREE_AFTER.match(src.norm, d.end()):
                return _docnum_found(src, d, "doc_number.free")
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


# what a 主送 list names ("各…", units, departments, governments), or the public a salutation addresses
_ADDRESSEES = re.compile(r"^各|单位|部门|机关|政府|委员会|管委会|办事处|街道|乡镇|直属|朋友|市民|群众|居民|村民|同志|代表")


def _glued(src: Source, start: int, end: int) -> Found[str] | None:
    """"各镇街，区政府各部门：按照…": the addressees run into the first paragraph (a web copy lost the break)."""
    g = _GLUED.match(src.norm, start, end)
    if g is None:
        return None
    r = g["r"]
    if "。" in r or _BODY_START.match(r) or not (r.startswith("各") or is_organ(r) or GREETING.search(r)):
        return None
    return src.found(start, g.end("r"), "recipients.glued")


# a saved page's list bullet in front of the 主送 line ("  • 各区(县)统计局:")
_BULLETED_TO = re.compile(rf"[{SOLID_BULLETS}{DOT_BULLETS}]\s*(?=各)")


def _find_recipients(src: Source, lines: list[Line], after: int, title_sq: str = "") -> Found[str] | None:
    i, skipped = after, 0
    while i < len(lines) and skipped < 4:
        ln = lines[i]
        # a web page prints the title twice (page heading, then the document's own line)
        # (a scan splits a page's info line: "…浏览次数：字\n体:[]" leaves a scrap)
        if ((is_meta(ln) and not _BULLETED_TO.match(ln.norm)) or DATE_LINE.fullmatch(ln.sq)
                or ln.sq.startswith(("(此件", "（此件")) or (title_sq and ln.sq == title_sq)
                or (len(ln.sq) <= 5 and ln.sq[-1] not in ":：")):
            i, skipped = i + 1, skipped + 1
            continue
        break
    if i >= len(lines):
        return None
    bullet = _BULLETED_TO.match(lines[i].norm)
    first_start = lines[i].start + (bullet.end() if bullet else 0)
    glued = _glued(src, first_start, lines[i].end)
    if glued is not None:
        return glued
    joined, last = "", i
    for k in range(i, min(i + 3, len(lines))):
        joined += squash(src.norm[first_start:lines[k].end]) if k == i else lines[k].sq
        last = k
        # a list wraps after its commas, or anywhere once it opens with 各 ("各园（景）\n区管委会：")
        if joined[-1] in ":：" or (joined[-1] not in "，,、；;" and not joined.startswith("各")):
            break
    # a salutation ("广大市民朋友：") addresses the document as a 主送 list does
    if (joined[-1] not in ":：" or "。" in joined or len(joined) > 200 or "如下" in joined
            or _BODY_START.match(joined) or len(joined) <= 3):
        return None
    # a list wrapped over lines is one value: the line breaks go, the printed punctuation stays
    return src.found(first_start, lines[last].end, "recipients.after_title", strip=":：",
                     squash_space=last > i)


def _after_title_on_line(src: Source, ln: Line, title: Found[str] | None) -> Found[str] | None:
    """"…的通知 各乡镇人民政府：": the 主送 list printed on the title's line (a flattened web copy)."""
    if title is None or not ln.start < title.end < ln.end:
        return None
    rest = squash(src.norm[title.end:ln.end])
    if (len(rest) <= 3 or rest[-1] not in ":：" or "。" in rest or is_meta(Line(title.end, ln.end, rest))
            or not _ADDRESSEES.search(rest) or _BODY_START.match(rest)):
        return None
    return src.found(title.end, ln.end, "recipients.title_line", strip=":：")


def _untitled_recipients(src: Source, lines: list[Line]) -> Found[str] | None:
    """A copy that starts at the 主送 line ("各相关单位：") because its title was not kept."""
    start = next((i for i, ln in enumerate(lines[:6]) if not is_meta(ln)), None)
    if start is None:
        return None
    f = _find_recipients(src, lines, start)
    if f is None or not _ADDRESSEES.search(squash(src.norm[f.start:f.end])):
        return None
    return Found(f.value, f.start, f.end, "recipients.top")


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
    t = find_title(lines)
    title_last: int | None = None
    if t is not None:
        title_last = t.last
        rec.title = title_found(src, lines, t)
        zone = t.first
    else:
        zone = next((i for i, ln in enumerate(lines[:15]) if is_body(ln) or ln.sq[-1] in ":："),
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
        c = COPY.match(ln.sq)
        if c and rec.copy_number is None:
            digits = re.search(r"\d{6}", src.norm[ln.start:ln.end])
            if digits:
                rec.copy_number = src.found(ln.start + digits.start(), ln.start + digits.end(), "header.copy")
        mark = MARK.search(ln.sq)
        if rec.issuer_mark is None and mark and mark.start() >= 2 and len(ln.sq) <= 40 \
                and not LABEL_KEYS.search(ln.norm) and not is_nav(ln):
            rec.issuer_mark = src.found(ln.start, ln.end, "header.mark", squash_space=True)
    rec.signer = _find_signer(src, head or lines[:10])
    rec.recipients = _labelled_recipients(src, lines)
    if rec.recipients is None and title_last is not None:
        title_sq = squash(src.norm[rec.title.start:rec.title.end]) if rec.title is not None else ""
        rec.recipients = (_after_title_on_line(src, lines[title_last], rec.title)
                          or _find_recipients(src, lines, title_last + 1, title_sq))
    elif rec.recipients is None:
        rec.recipients = _untitled_recipients(src, lines)
    if rec.recipients is None and rec.doc_number is not None:  # "…21号各区人民政府，各管委会：为…"
        nl = src.norm.find("\n", rec.doc_number.end)
        rec.recipients = _glued(src, rec.doc_number.end, len(src.norm) if nl < 0 else nl)
