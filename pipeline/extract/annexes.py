"""Attachments (附件) and slogans (宣传标语).

Attachments are listed once, after the body and before the signature:
``附件：1.XXX`` / ``2.YYY`` on the following lines, ``附件：XXX`` alone, or
``附件：`` with the name on the next line; ``附件1：XXX`` / ``附件2：YYY`` lines
are a list too.  The attachments themselves follow the signature under
page headings ``附件 1`` — those are not new attachments, and are read only
when the document has no list at all (web copies often drop it).  A
numbered list continues while the numbering does (``2.5·15政务公开日…`` is
item 2 named ``5·15…``); the signature organ or date ends it.

Slogans are the numbered lines under a heading that names 标语/口号.  A
printed slogan too wide for its line continues on the next line without a
number and is joined with a space; a page footer, a blank gap or a new
section ends the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.dates import FULL_DATE, cn_int
from pipeline.extract.outline import PAGE_NUMBER, parse_marker
from pipeline.extract.source import Source
from pipeline.model import Found, Record

ATTACH = re.compile(
    r"[ \t]*(?:附[ \t]*件(?:下载)?|附(?=[ \t]*[:：]))[ \t]*(?P<num>\d{1,2}|[一二三四五六七八九十]{1,2})?"
    r"[ \t]*(?P<colon>[:：.、])?[ \t]*"
)
SLOGAN_HEAD = re.compile(r"标语|口号")
_NUM = re.compile(r"[ \t]*(?:(?P<a>\d{1,2})[ \t]*(?:[.、](?!\d)|(?P<amb>\.(?=\d)))|\([ \t]*(?P<b>\d{1,2})[ \t]*\)|"
                  r"(?P<c>[\u2460-\u2473])|(?P<d>[一二三四五六七八九十]{1,3})[ \t]*、)[ \t]*")
_ORGAN = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|领导小组|小组|局|厅|委|办|中心|院|公司|部|(?:\(|（)?盖章(?:\)|）)?)[ \t]*$"
)
_NOISE = re.compile(
    r"ICP|版权|Copyright|网站标识码|公网安备|网站地图|技术支持|主办单位|承办单位|"
    r"打印|关闭|收藏|分享|上一篇|下一篇|扫一扫|字号|【|来源[:：]|浏览|发布时间|抄送|印发"
)
_NAV = re.compile(r"(?:政府)?信息公开(?:制度|指南|目录|年报)?|首页|返回顶部|相关链接|网站首页|[+＋]")
"""Whole lines that are a web page's navigation, not text."""
_FILE_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|et|zip|rar|ofd)(?:[ \t]*[(（][\d.]+[ \t]*[KkMm]?B[)）])?$", re.I)
_TRAIL = "。；;，,、 \t"
_WS = re.compile(r"[ \t\u3000\xa0]+")


@dataclass(frozen=True)
class _Line:
    i: int
    start: int
    end: int


def fill(src: Source, rec: Record) -> None:
    """Append attachment names and slogans to ``rec.attachments`` / ``rec.slogans``."""
    lines = src.lines()
    atts, used = _attachments(src, lines)
    for f in atts:
        if _key(f.value) not in {_key(a.value) for a in rec.attachments}:
            rec.attachments.append(f)
    for f in _slogans(src, lines, used):
        if _key(f.value) not in {_key(s.value) for s in rec.slogans}:
            rec.slogans.append(f)


def _key(s: str) -> str:
    return re.sub(r"[\s。；;，,]", "", s)


def _text(src: Source, i: int, lines: list[tuple[int, int]]) -> str:
    s, e = lines[i]
    return src.norm[s:e].strip()


def _is_blank(src: Source, lines: list[tuple[int, int]], i: int) -> bool:
    t = _text(src, i, lines)
    return not t or PAGE_NUMBER.match(t) is not None


def _is_date_line(t: str) -> bool:
    return bool(FULL_DATE.fullmatch(t.replace(" ", "")) or re.fullmatch(r"年\s*月\s*日", t))


def _is_organ(t: str) -> bool:
    return len(t) <= 30 and _ORGAN.search(t) is not None and not re.search(r"[表单录案稿册书语]$", t)


def _is_end(t: str) -> bool:
    """The signature organ, a date line, or a date placeholder: the list is over."""
    return _is_date_line(t) or _is_organ(t)


def _number(src: Source, pos: int, end: int, expected: int | None) -> tuple[int, int] | None:
    """(number, text start) of a list number at ``pos``; ``5.15…`` only as the expected number."""
    m = _NUM.match(src.norm, pos, end)
    if not m:
        return None
    raw = m["a"] or m["b"]
    if raw:
        n = int(raw)
    elif m["c"]:
        n = ord(m["c"]) - 0x2460 + 1
    else:
        n = cn_int(m["d"]) or 0
    if m["amb"] and n != expected:
        return None
    if m.end() >= end:
        return None
    return n, m.end()


def _name(src: Source, start: int, end: int, method: str) -> Found[str] | None:
    f = src.found(start, end, method, strip=_TRAIL)
    if f is None:
        return None
    value = _FILE_EXT.sub("", f.value).rstrip(_TRAIL)
    return Found(value, f.start, f.start + len(value), method) if value else None


# ---------------------------------------------------------------- attachments


def _attachments(src: Source, lines: list[tuple[int, int]]) -> tuple[list[Found[str]], set[int]]:
    """Names from the attachment list (and the lines it used), else from 附件N page headings."""
    out: list[Found[str]] = []
    used: set[int] = set()
    headings: list[int] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        m = ATTACH.match(src.norm, s, e)
        if not m or (m.end() < e and not m["colon"] and not m["num"]):
            i += 1
            continue
        rest = m.end()
        if m["num"] and not m["colon"] and rest >= e:
            headings.append(i)  # "附件 1" over the attachment itself
            i += 1
            continue
        if m["num"] and m["colon"] in (":", "：") and rest < e:
            f = _name(src, rest, e, "attachment")  # 附件1：XXX
            if f:
                out.append(f)
                used.add(i)
            i += 1
            continue
        if not m["colon"] or m["colon"] not in (":", "："):
            i += 1
            continue
        i = _read_list(src, lines, i, rest, out, used)
    if not out:
        for h in headings:
            j = _next_content(src, lines, h)
            if j is not None:
                t = _text(src, j, lines)
                if len(t) <= 40 and "。" not in t and ATTACH.match(t) is None:
                    f = _name(src, *lines[j], "attachment-heading")
                    if f:
                        out.append(f)
    return out, used


def _next_content(src: Source, lines: list[tuple[int, int]], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if not _is_blank(src, lines, j):
            return j
    return None


def _read_list(src: Source, lines: list[tuple[int, int]], i: int, rest: int,
               out: list[Found[str]], used: set[int]) -> int:
    """Read the list opened by ``附件：`` on line ``i``; returns the line after it."""
    s, e = lines[i]
    used.add(i)
    if rest >= e:  # the names start on the next line
        j = _next_content(src, lines, i)
        if j is None or _is_end(_text(src, j, lines)) or j - i > 3:
            return i + 1
        i, (s, e) = j, lines[j]
        rest = s
        used.add(i)
    first = _number(src, rest, e, 1)
    if first is None:
        t = src.norm[rest:e].strip()
        if len(t) > 60 or t.endswith((":", "：")) or "。" in t.rstrip("。"):
            return i + 1  # 附件： followed by a letter or body text, not a name
        f = _name(src, rest, e, "attachment")
        k = i + 1
        if f and k < len(lines) and not _is_blank(src, lines, k):  # a name wrapped onto the next line
            t = _text(src, k, lines)
            if _continues(src, lines, k) and _number(src, *lines[k], 1) is None:
                g = src.found(lines[k][0], lines[k][1], "attachment", strip=_TRAIL)
                if g:
                    f = Found(f.value + g.value, f.start, g.end, "attachment")
                    used.add(k)
                    k += 1
        if f:
            out.append(f)
        return k
    expected = 1
    cur: Found[str] | None = None
    k = i
    pos = rest
    while True:
        s, e = lines[k]
        num = _number(src, pos, e, expected)
        if num is not None and num[0] == expected:
            for a, b in _split_inline(src, num[1], e, expected + 1):
                if cur:
                    out.append(cur)
                cur = _name(src, a, b, "attachment")
                expected += 1
            used.add(k)
        elif cur is not None and _continues(src, lines, k):  # adjacent: a gap ended the loop below
            g = src.found(s, e, "attachment", strip=_TRAIL)
            if g:
                cur = Found(cur.value + g.value, cur.start, g.end, "attachment")
            used.add(k)
        else:
            break
        nxt = _next_content(src, lines, k)
        if nxt is None or nxt - k > 3:
            k += 1
            break
        if nxt > k + 1 and _number(src, *lines[nxt], expected) is None:
            k += 1
            break
        k = nxt
        pos = lines[k][0]
    if cur:
        out.append(cur)
    return k


def _continues(src: Source, lines: list[tuple[int, int]], k: int) -> bool:
    t = _text(src, k, lines)
    return (len(t) <= 20 and not _is_end(t) and ATTACH.match(t) is None and "。" not in t
            and not t.endswith((":", "：")) and not t.startswith("(") and _NOISE.search(t) is None
            and parse_marker(src, *lines[k]) is None)


def _split_inline(src: Source, start: int, end: int, nxt: int) -> list[tuple[int, int]]:
    """``XXX 2.YYY；3.ZZZ`` on one line → the spans of XXX, YYY, ZZZ."""
    spans = []
    a = start
    pos = start
    while True:
        m = re.compile(rf"(?:[ \t]+|[；;，,、])[ \t]*{nxt}[ \t]*[.、]").search(src.norm, pos, end)
        if not m:
            break
        spans.append((a, m.start()))
        a = m.end()
        pos = m.end()
        nxt += 1
    spans.append((a, end))
    return spans


# ---------------------------------------------------------------- slogans


def _slogans(src: Source, lines: list[tuple[int, int]], used: set[int]) -> list[Found[str]]:
    out: list[Found[str]] = []
    # An attachment-list entry may be the heading too (web copies print the
    # attachment inline); one followed by the signature yields nothing.
    for i, (s, e) in enumerate(lines):
        t = src.norm[s:e].strip()
        if not SLOGAN_HEAD.search(t) or len(t) > 40 or "。" in t:
            continue
        if re.match(r"(?:悬挂|张贴|制作|设置|滚动|播放|打出|发布)", t) or re.search(r"[，,]", t):
            continue
        out.extend(_read_slogans(src, lines, i))
    return out


def _slogan_value(src: Source, start: int, end: int) -> Found[str] | None:
    f = src.found(start, end, "slogan")
    if f is None:
        return None
    return Found(_WS.sub(" ", f.value), f.start, f.end, "slogan")


def _signature(t: str) -> bool:
    """An organ or date line; a spaced pair of phrases (走进政府 监督政府) is a slogan."""
    return _is_date_line(t) or _is_organ(t) and re.search(r"\S[ \t\u3000\xa0]+\S", t) is None


def _read_slogans(src: Source, lines: list[tuple[int, int]], head: int) -> list[Found[str]]:
    out: list[Found[str]] = []
    j = _next_content(src, lines, head)
    if j is None or j - head > 4:
        return out
    numbered = _number(src, *lines[j], 1) is not None
    expected = 1
    last = j - 1  # the gap after the heading does not count
    k = j
    while k is not None and k < len(lines):
        s, e = lines[k]
        t = _text(src, k, lines)
        gap = k - last - 1
        if _NOISE.search(t) or _NAV.fullmatch(t) or ATTACH.match(t) or gap > 2:
            break
        num = _number(src, s, e, expected) if numbered else None
        if numbered and num is not None and num[0] == expected:
            f = _slogan_value(src, num[1], e)
            if f:
                out.append(f)
            expected += 1
        elif numbered and out and gap <= 1 and len(t) <= 24 and not _signature(t) \
                and parse_marker(src, s, e) is None and not out[-1].value.endswith(("。", "！", "!")):
            g = _slogan_value(src, s, e)
            if g:
                prev = out[-1]
                out[-1] = Found(f"{prev.value} {g.value}", prev.start, g.end, "slogan")
        elif not numbered and gap <= 1 and len(t) <= 40 and not _signature(t) \
                and parse_marker(src, s, e) is None and "。" not in t[:-1] and not t.endswith((":", "：")):
            f = _slogan_value(src, s, e)
            if f:
                out.append(f)
        else:
            break
        last = k
        k = _next_content(src, lines, k)  # type: ignore[assignment]
    if not numbered and len(out) < 2:
        return []
    return out
