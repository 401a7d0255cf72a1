"""发文机关署名, 成文日期 and the 版记 (抄送, 印发机关和印发日期).

The main text of a 公文 ends with the issuing organ's name and the date it
was signed, each on its own line; attachments and the 版记 follow.  That
pair — an organ line directly above a date-only line — is what identifies
the signature: a date inside a sentence, a web page's 发布时间 line or a
"活动时间" heading followed by a date never has an organ above it.  The
first such pair after the title wins, so a web page that carries an 印发
notice and then the plan it issues keeps the notice's date, and dated
blocks inside attachments are ignored.  An 印发 notice signed by a date
line alone, right before the title of the document it issues, has that
date.

A name wrapped over two lines is rejoined — also when its second line
would pass for an organ alone ("XX区政务公开政务服务\n领导小组办公室") — and
a seal note after it ("（代章）") is dropped.

Documents without a signature (telegram copies, news pages, summaries)
name their author elsewhere: the 发电单位 cell, the organ heading the title
("XX人民政府办公室关于…"), a 发文机关 metadata cell, or — on news and
summary pages only — a 来源 line (in the fuller form the text prints:
来源 "文旅广电局", text "市文旅广电局"), a self-reference (我局) next to the
organ's name — its full name where the text gives one, else the name relative
to the place the page is about ("县农业农村局"), as printed — or a town named
by the 来源 line that calls itself 我镇.
A notice, plan or announcement is never attributed from its page's 来源
line (that goes to ``rec.warnings``) — unless its title is headed by a bare
place ("XX区XX乡：关于…") whose organ the 来源 line names in full.  A
newspaper, a bare place name or a pronoun ("我局", "本单位") is never an issuer.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from pipeline.extract.dates import FULL_DATE, PRINTED_YEAR, cn_int, make_date
from pipeline.extract.event import FIVE15, squashed
from pipeline.extract.kind import kind_of
from pipeline.extract.lines import CJK, ORGAN_SUFFIX, Line, is_organ, nonblank_lines, squash
from pipeline.extract.source import Source
from pipeline.extract.title import TITLE_END, is_body, is_meta, title_like
from pipeline.model import Found, Record

# a seal stamped over the date hides its last character in a scan ("2023年7月29"): on a line of its
# own below the organ the date is still unmistakable
_LAX_DATE = FULL_DATE.pattern.removesuffix("[日号]") + "(?:[日号])?"
# (and a stray Latin letter the seal's ring left after it: "2022年5月7日K")
_DATE_ONLY = re.compile(rf"^[(（]?\s*(?P<date>{_LAX_DATE})\s*[)）]?\s*(?:[(（]\s*此件[^)）]*[)）]|[A-Za-z])?$")
_DATE_STRAY_HAN = re.compile(rf"^\s*(?P<date>{FULL_DATE.pattern})\s*[{CJK}]$")
_LAX_DATE_END = re.compile(rf"{_LAX_DATE}\s*$", re.M)
_ORGAN_DATE = re.compile(rf"^(?P<org>[{CJK}()（）·\s]{{4,60}}?)\s+(?P<date>{FULL_DATE.pattern})$")
# a copy that lost its line breaks ends "…及时报送。XX省XX厅2023年9月10日。": the organ is the run after the last stop
_GLUED_SIGNATURE = re.compile(
    rf"(?:^|(?<=[，,。；;:：!！\s]))(?P<org>[{CJK}()（）·]{{4,40}})\s*(?P<date>{FULL_DATE.pattern})[\s,，。.]*$"
)
_SEAL = re.compile(r"^[(（]?\s*(?:盖\s*章|公\s*章|印\s*章|签\s*章|[印章])\s*[)）]?$")
_SEAL_TAIL = re.compile(r"\s*[(（]\s*(?:代\s*章|盖\s*章|公\s*章|印\s*章|签\s*章|章|印)\s*[)）]$")
_END_CONTEXT = re.compile(
    r"^(?:[(（]\s*此件|附件\s*\d*$|附件\s*\d+\s*[:：]?|抄\s*送|印\s*发|主办|版权|Copyright|网站|【|打印|关闭|"
    r"上一篇|下一篇|相关|分享|扫一扫|责任编辑|编辑)"
)
_HEADING_END = re.compile(r"(?:时间|日期|时限|期限)\s*[:：]?$")
_CC = re.compile(r"^抄\s*送\s*[:：]\s*")
_PRINTED = re.compile(rf"^(?P<org>.*?)\s*(?P<date>{FULL_DATE.pattern})\s*印\s*发$")
_TELEGRAM_UNIT = re.compile(r"发电单位[ \t]*[:：]?[ \t]*")
_UNIT_STOP = re.compile(r"签发|签批|等级|密级|序号|$", re.M)
_META_ORGAN = re.compile(r"(?:发文机关|发文单位)\s*[:：]\s*")
# a web page's publisher: like a 来源 line, it names who reports, not who issues a notice
_PUBLISHER = re.compile(r"(?:发布机构|发布单位)\s*[:：]\s*")
_SOURCE = re.compile(r"(?:信息)?来源\s*[:：]\s*")
# a 来源 value is one organ name: it ends at a wide gap, the next key, or anything that cannot be in a name
_SOURCE_STOP = re.compile(
    rf"\s{{2,}}|\s*(?:作者|浏览|点击|发布|时间|日期|编辑|责任编辑|字号|阅读)|\s+(?=[{CJK}]{{2,6}}\s*[:：])|"
    r"(?=(?:责任部门|责任单位|生成日期|成文日期|索引号|主题分类|文\s*号)\s*[:：])|"
    rf"\s*[^{CJK}()（）·\s]|$", re.M
)
_TITLE_CUT = re.compile(r"关于|(?:19|20)\d{2}\s*年|第\s*[\d一二三四五六七八九十]{1,3}\s*[届个次]|[“\"「]|"
                        rf"{FIVE15}|政务公开|政[府务]开放")
_META_DATE = re.compile(r"成文(?:日期|时间)\s*[:：]\s*")
_ISO = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})")
_TOWN = re.compile(rf"(?P<name>[{CJK}]{{2,12}}?)(?P<unit>镇|乡|街道)")
# a township heading the title of its own notice or announcement ("虎山乡2025年…活动公告") is its
# government; the same bare name heading a news report is only where something happened
_TOWNSHIP = re.compile(rf"[{CJK}]{{2,10}}(?:乡|镇|苏木|街道)")
_COLUMN_TAG = re.compile(r"\s*【[^】]{1,10}】\s*")
_SELF_REF = re.compile(r"我(局|委|厅|办|中心|院|所|馆|队|站)")
# the first line of a wrapped organ name starts with a place and is no closing formula (特此通知)
_WRAPPED_HEAD = re.compile(rf"^(?:中共|中国|国家|[{CJK}]{{1,8}}?[省市县区州盟旗镇乡])(?!.*(?:特此|此致|通知|公告|如下)$)")
_RELATIVE = ("我", "本", "该", "各", "全")
_LEVEL = ("省", "市", "县", "区", "州", "镇", "乡")
_PLACE_END = re.compile(r"(?:[省市县区州盟旗镇乡村]|街道)$")
_PLACE_HINT = re.compile(r"^(?:中共|国家|中国)|[省市县区州盟旗镇乡]|街道")


def _date_found(src: Source, start: int, end: int, method: str) -> Found[dt.date] | None:
    m = FULL_DATE.search(src.norm, start, end) or _LAX_DATE_END.search(src.norm, start, end)
    if not m:
        return None
    year = cn_int(m["y"])
    if year is not None and year > dt.date.today().year + 1:
        year = _misread_year(src, year)
        method += ".year_repaired"
    d = make_date(year, cn_int(m["m"]), cn_int(m["d"]))
    return None if d is None else Found(d, m.start(), m.end(), method, confidence=0.6 if "repaired" in method else 1.0)


def _misread_year(src: Source, year: int) -> int | None:
    """A signing year in the future is a misread (a seal over "2022" reads "2082"): the year the
    document prints elsewhere that differs from it in one digit, or None."""
    digits = str(year)
    near = [int(y) for y in PRINTED_YEAR.findall(src.norm)
            if sum(a != b for a, b in zip(y, digits)) == 1 and int(y) <= dt.date.today().year + 1]
    return max(set(near), key=near.count) if near else None


def _organ_text(src: Source, start: int, end: int) -> Found[str] | None:
    """One organ, or several side by side / one per line joined with 、 (a wrapped name is rejoined)."""
    parts = [p for p in re.split(r"\s+", src.norm[start:end].strip()) if p]
    if len(parts) > 1 and all(is_organ(p) for p in parts):
        f = src.found(start, end, "signature.organ")
        if f is None:
            return None
        value = "、".join(p for p in re.split(r"\s+", f.value) if p)
        return Found(value, f.start, f.end, f.method)
    return src.found(start, end, "signature.organ", squash_space=True)


def _seal_echo(upper: str, lower: str) -> bool:
    """A seal stamped over the signature is read as a garbled line of its ring text ("国区人民所院"
    above "望花区人民政府办公室"): a one-character "place" and most characters borrowed from below."""
    if len(upper) < len(lower) and upper in lower:  # "人民政府办" above "喀左县人民政府办公室"
        return True
    if not re.match(rf"[{CJK}][区县市]", upper):
        return False
    return sum(ch in lower for ch in upper) >= 0.5 * len(upper)


_ORGAN_END = re.compile(ORGAN_SUFFIX)


def _ring_echo_cut(norm: str) -> int | None:
    """Where an organ name ends when a seal's ring text is read onto its line as a repeat of part of
    the name ("泸县退役军人事务局退役军人"), or None."""
    text = norm.rstrip()
    for m in _ORGAN_END.finditer(text):
        rest = text[m.end():].strip()
        if (2 <= len(rest) <= 6 and re.fullmatch(rf"[{CJK}]+", rest) and rest in text[:m.start()]
                and is_organ(squash(text[:m.end()]))):
            return m.end()
    return None


def _organ_above(src: Source, lines: list[Line], i: int) -> Found[str] | None:
    """The organ line(s) right above line ``i`` (seal lines skipped), or None."""
    k = i - 1
    while k >= 0 and _SEAL.match(lines[k].sq):
        k -= 1
    if k < 0:
        return None
    tail = _SEAL_TAIL.search(lines[k].norm)  # "XX领导小组办公室（代章）": the seal note is not the name
    cut = tail.start() if tail and tail.start() > 0 else _ring_echo_cut(lines[k].norm)
    if cut is not None:
        lines = lines[:k] + [Line(lines[k].start, lines[k].start + len(lines[k].norm[:cut].rstrip()),
                                  lines[k].norm[:cut].rstrip())]
    block = [k]
    # a long name wrapped over two lines, or joint issuers one per line
    while k - 1 >= 0 and len(block) < 3:
        prev = lines[k - 1]
        if len(prev.sq) > 30 or not re.fullmatch(rf"[{CJK}()（）·]+", prev.sq):
            break
        if not (is_organ(prev.sq) or is_organ(prev.sq + lines[k].sq)) or _seal_echo(prev.sq, lines[k].sq):
            break
        k -= 1
        block.insert(0, k)
    texts = [lines[j].sq for j in block]
    if all(is_organ(t) for t in texts):
        if len(texts) == 1:
            return _organ_text(src, lines[block[0]].start, lines[block[0]].end)
        return Found("、".join(squash(src.text[lines[j].start:lines[j].end]) for j in block),
                     lines[block[0]].start, lines[block[-1]].end, "signature.organ")
    # "XX市XX区政务公开政务服务\n领导小组办公室": the head of a long name wrapped onto its own line
    wrapped = not is_organ(texts[-1]) or (len(texts) == 2 and _WRAPPED_HEAD.search(texts[0]) is not None
                                            and not is_organ(texts[0]))
    if is_organ("".join(texts)) and wrapped:
        return src.found(lines[block[0]].start, lines[block[-1]].end, "signature.organ", squash_space=True)
    if is_organ(texts[-1]):
        return _organ_text(src, lines[block[-1]].start, lines[block[-1]].end)
    return None


def _issued_title(ln: Line) -> bool:
    """The title line of a document printed after the notice that issues it ("…工作方案")."""
    return (title_like(ln.sq) and TITLE_END.search(ln.sq) is not None and not is_body(ln)
            and not re.search(r"[，,；;:：]", ln.sq))


def _find_signature(src: Source, lines: list[Line], after: int) -> tuple[Found[str] | None, Found[dt.date] | None]:
    fallback: Found[dt.date] | None = None
    for i, ln in enumerate(lines):
        if ln.start < after:
            continue
        od = _ORGAN_DATE.match(ln.norm) or _GLUED_SIGNATURE.search(ln.norm)
        if od and is_organ(od["org"]):
            org = _organ_text(src, ln.start + od.start("org"), ln.start + od.end("org"))
            return org, _date_found(src, ln.start + od.start("date"), ln.end, "signature.date")
        stray = _DATE_STRAY_HAN.match(ln.norm) is not None  # "2025年9月8日可": a seal's ring character
        if not _DATE_ONLY.match(ln.norm) and not stray:
            continue
        organ = _organ_above(src, lines, i)
        if stray and organ is None:
            continue  # a date with a character after it counts only right under the organ
        if organ is not None:
            return organ, _date_found(src, ln.start, ln.end, "signature.date")
        nxt = lines[i + 1].sq if i + 1 < len(lines) else ""
        prev = lines[i - 1].sq if i > 0 else ""
        # an 印发 notice signed by its date alone, followed by the document it issues: the notice's date
        if prev.endswith("。") and i + 1 < len(lines) and _issued_title(lines[i + 1]):
            return None, _date_found(src, ln.start, ln.end, "signature.date_alone")
        # a seal-only signature (OCR drops the stamped organ name): last dated line of the main text
        if (not nxt or _END_CONTEXT.match(nxt)) and prev and not _HEADING_END.search(prev):
            fallback = _date_found(src, ln.start, ln.end, "signature.date_alone")
    return None, fallback


def _after_label(src: Source, lines: list[Line], label: re.Pattern[str], stop: re.Pattern[str],
                 method: str) -> Found[str] | None:
    for i, ln in enumerate(lines):
        m = label.search(src.norm, ln.start, ln.end)
        if not m:
            continue
        start, line_end = m.end(), ln.end
        if m.end() >= ln.end and i + 1 < len(lines):  # the value sits in the next cell/line
            start, line_end = lines[i + 1].start, lines[i + 1].end
        s = stop.search(src.norm, start, line_end)
        end = s.start() if s else line_end
        if is_organ(src.norm[start:end]):
            return src.found(start, end, method, squash_space=True)
    return None


def _title_organ(src: Source, rec: Record, head_lines: list[Line]) -> Found[str] | None:
    """The organ heading the title: the longest organ-named prefix ending where 关于, a year,
    an edition, a quote or an event name begins ("XX县政务公开领导小组办公室关于…", "XX管理处2021年…")."""
    if rec.title is None:
        return None
    s, e = rec.title.start, rec.title.end
    tag = _COLUMN_TAG.match(src.norm, s, e)  # "【活动公告】虎山乡…": the site's column, not the organ
    s = tag.end() if tag else s
    # matched without line breaks: a scanned title wraps anywhere, even inside 关于 ("…办公室关\n于印发…")
    sq, idx = squashed(src.norm)
    a, b = bisect_left(idx, s), bisect_left(idx, e)
    about = sq.find("关于", a, b)
    limit = b if about < 0 else about + 2
    best: int | None = None
    for cut in _TITLE_CUT.finditer(sq, a, limit):
        head = sq[a:cut.start()]
        if cut.start() > a and (is_organ(head) or (_TOWNSHIP.fullmatch(head) and _issues(src, rec)
                                                   and not _source_completes(src, head_lines, head))):
            best = idx[cut.start() - 1] + 1
    return None if best is None else src.found(s, best, "issuer.title", squash_space=True)


def _source_completes(src: Source, head_lines: list[Line], head: str) -> bool:
    """The page's 来源 line names the organ of the bare place heading the title (樊哙镇 →
    樊哙镇人民政府): the full name is used instead (see :func:`_completes_title`)."""
    f = _after_label(src, head_lines, _SOURCE, _SOURCE_STOP, "issuer.source")
    name = squash(src.norm[f.start:f.end]) if f is not None else ""  # the Simplified copy, as ``head`` is
    return name.startswith(head) and len(name) > len(head)


def _issues(src: Source, rec: Record) -> bool:
    return kind_of(src, rec).value in ("notice", "plan", "announcement")


def _self_reference(src: Source) -> Found[str] | None:
    """An organ the text names in full where it also calls itself 我局/我委…"""
    ref = _SELF_REF.search(src.norm)
    if ref is None:
        return None
    suffix = ref[1]
    name = re.compile(rf"(?:^|(?<=[\s，。、；：:,;“”\"（(《]))(?:近日|日前|今年以来)?[，,]?\s*(?P<v>[{CJK}]{{2,24}}?{suffix})(?![{CJK}]*?{suffix})", re.M)
    named = [m for m in name.finditer(src.norm)
             if _PLACE_HINT.search(m["v"][:8]) and is_organ(m["v"]) and not m["v"].startswith(_RELATIVE)]
    # the full name where the text gives one ("南芬区司法局"), else the name relative to the place
    # the page is about ("县农业农村局", "市文旅广电局"), as printed
    best = next((m for m in named if not m["v"].startswith(_LEVEL)), named[0] if named else None)
    return None if best is None else src.found(best.start("v"), best.end("v"), "issuer.self_reference", confidence=0.6)


def _town_source(src: Source, lines: list[Line]) -> Found[str] | None:
    """"来源：XX镇" on a page that calls itself 我镇: the township government reports its own event."""
    for ln in lines:
        m = _SOURCE.search(src.norm, ln.start, ln.end)
        if not m:
            continue
        stop = _SOURCE_STOP.search(src.norm, m.end(), ln.end)
        end = stop.start() if stop else ln.end
        t = _TOWN.fullmatch(src.norm[m.end():end].strip())
        if t and re.search(rf"我{t['unit']}", src.norm):
            return src.found(m.end(), end, "issuer.source_town", confidence=0.6)
        return None
    return None


def _reporter(src: Source, rec: Record, lines: list[Line]) -> Found[str] | None:
    """The organ a news page or summary names as its source or as itself (我局); only for such pages.

    A notice, plan or announcement is issued by the organ that signs it or heads its title;
    a page's 来源 line naming the site's department is not its 发文机关署名.
    """
    f = (_after_label(src, lines, _SOURCE, _SOURCE_STOP, "issuer.source")
         or _after_label(src, lines[:40], _PUBLISHER, _SOURCE_STOP, "issuer.source")
         or _town_source(src, lines) or _self_reference(src))
    if f is None:
        return None
    if f.method == "issuer.source":
        f = _fuller_in_text(src, f)
    name = squash(src.norm[f.start:f.end])  # matched in the Simplified copy: 縣/區/鄉 are 县/区/乡
    # a 来源 line names its organ as the site knows it ("党政群工作部"); a name found in running text
    # needs a place or level word ("县农业农村局")
    placed = f.method == "issuer.source" or _PLACE_HINT.search(name[:8])
    if name.startswith(_RELATIVE) or not placed:
        rec.warnings.append(f"issuer: {f.value} ({f.method}) is not a full organ name; left null")
        return None
    kind = kind_of(src, rec).value
    if kind in ("notice", "plan", "announcement") and not _completes_title(src, rec, name):
        rec.warnings.append(f"issuer: {f.value} named only by {f.method} of a {kind}; left null")
        return None
    return f


def _organ_over_title(src: Source, head: list[Line]) -> Found[str] | None:
    """A red header printed below a web page's own title: the organ alone on its line right above
    a "关于…" title line ("华阴市人民政府办公室" / "关于2017年邀请公民代表走进政府")."""
    for a, b in zip(head, head[1:]):
        if b.sq.startswith("关于") and len(a.sq) <= 30 and is_organ(a.sq) and _PLACE_HINT.search(a.sq[:8]) \
                and not is_meta(a):
            return src.found(a.start, a.end, "issuer.header_organ", squash_space=True)
    return None


_ORGAN_NAME = rf"(?P<v>[{CJK}]{{2,24}}?{ORGAN_SUFFIX})"
_SELF_NAMED = [
    # "临沭县交通运输局决定开展…，现通知如下", "平湖街道办事处将组织开展…活动，预告如下"
    re.compile(rf"(?:^|(?<=[，,。；;\n]))\s*{_ORGAN_NAME}\s*(?:决定|定于|拟于|将于|拟|将)"
               r"[^。；;\n]{0,40}?(?:开展|举办|举行|组织)", re.M),
    # "拟定《梨树县商务局“政府开放日”活动实施方案》": the plan's own title names its organ
    re.compile(rf"(?:拟定|制定|制订)了?\s*《{_ORGAN_NAME}[^《》\n]{{0,40}}?方案》"),
]


_OWN_CUE = re.compile(r"(?:通知|公告|通告|预告|安排)\s*如下|特制[定订]|方案\s*如下")


def _self_named(src: Source, lines: list[Line]) -> Found[str] | None:
    """A notice, plan or announcement without signature or heading that names its organ as the one
    deciding or organising the event — in the sentence that says what the text is ("…决定开展…，现通知
    如下"), or as the organ its 来源 line gives — or as the head of its own plan's title: that organ.
    A superior's decision it cites ("国家统计局决定于9月20日举办…") is neither."""
    source = _after_label(src, lines[:40], _SOURCE, _SOURCE_STOP, "issuer.source")
    own = squash(src.norm[source.start:source.end]) if source is not None else None
    for k, rx in enumerate(_SELF_NAMED):
        for m in rx.finditer(src.norm):
            name = squash(m["v"])
            if not is_organ(name) or not _PLACE_HINT.search(name[:8]) or name.startswith(_RELATIVE + _LEVEL):
                continue
            # the statement's sentence (a scan may wrap it, so a line break does not end it)
            stop = min((i for i in (src.norm.find(c, m.end()) for c in "。；;") if i >= 0), default=len(src.norm))
            if k == 1 or name == own or _OWN_CUE.search(src.norm, m.end(), stop + 1):
                return src.found(m.start("v"), m.end("v"), "issuer.self_named", confidence=0.7, squash_space=True)
    return None


def _fuller_in_text(src: Source, f: Found[str]) -> Found[str]:
    """"来源:文旅广电局" on a page whose text says "市文旅广电局": the fuller form the text prints."""
    name = squash(src.norm[f.start:f.end])
    if not name or not is_organ(name):
        return f
    rx = re.compile(rf"(?:^|(?<=[\s，。、；：:,;“”\"（(《]))(?P<v>[{CJK}]{{1,10}}?{re.escape(name)})", re.M)
    for m in rx.finditer(src.norm):
        if _PLACE_HINT.search(m["v"][:-len(name)]) and is_organ(m["v"]):
            return src.found(m.start("v"), m.end("v"), "issuer.source_in_text", confidence=0.7) or f
    return f


def _completes_title(src: Source, rec: Record, name: str) -> bool:
    """The title is headed by a bare place ("XX区XX乡：关于…") and ``name`` is that place's organ."""
    if rec.title is None:
        return False
    s, e = rec.title.start, rec.title.end
    cut = _TITLE_CUT.search(src.norm, s, e)
    head = squash(src.norm[s:cut.start() if cut else s]).rstrip(":：")
    return (len(head) >= 3 and _PLACE_END.search(head) is not None and not is_organ(head)
            and name.startswith(head) and len(name) > len(head) and is_organ(name))


def _cc(src: Source, lines: list[Line]) -> Found[str] | None:
    for i, ln in enumerate(lines):
        m = _CC.match(ln.norm)
        if not m:
            continue
        last = i
        while last + 1 < len(lines) and lines[last].sq[-1] in "，,、" and not _PRINTED.match(lines[last + 1].norm):
            last += 1
        return src.found(ln.start + m.end(), lines[last].end, "signature.cc", strip="。.", squash_space=True)
    return None


def _printed(src: Source, lines: list[Line]) -> tuple[Found[str] | None, Found[dt.date] | None]:
    for i, ln in enumerate(lines):
        m = _PRINTED.match(ln.norm)
        if not m:
            continue
        date = _date_found(src, ln.start + m.start("date"), ln.end, "signature.print_date")
        org: Found[str] | None = None
        if is_organ(m["org"]):
            org = src.found(ln.start, ln.start + m.end("org"), "signature.printer", squash_space=True)
        elif not m["org"].strip() and i > 0 and is_organ(lines[i - 1].sq):
            org = src.found(lines[i - 1].start, lines[i - 1].end, "signature.printer", squash_space=True)
        return org, date
    return None, None


def fill(src: Source, rec: Record) -> None:
    lines = nonblank_lines(src)
    if not lines:
        return
    after = rec.title.end if rec.title is not None else 0
    organ, date = _find_signature(src, lines, after)
    rec.issue_date = date
    rec.cc = _cc(src, lines)
    rec.printer, rec.print_date = _printed(src, lines)
    if organ is None:
        head = lines[:40]
        organ = (_after_label(src, head, _TELEGRAM_UNIT, _UNIT_STOP, "issuer.telegram_unit")
                 or _title_organ(src, rec, head)
                 or _organ_over_title(src, head)
                 or _after_label(src, head, _META_ORGAN, _SOURCE_STOP, "issuer.meta")
                 or (_self_named(src, lines) if _issues(src, rec) else None)
                 or _reporter(src, rec, lines))
    rec.issuer = organ
    if rec.issue_date is None:
        rec.issue_date = _meta_date(src)


def _meta_date(src: Source) -> Found[dt.date] | None:
    """A 成文日期 metadata cell (gov.cn info tables), as 年月日 or 2022-05-10."""
    m = _META_DATE.search(src.norm)
    if m is None:
        return None
    full = FULL_DATE.match(src.norm, m.end())
    if full:
        return _date_found(src, full.start(), full.end(), "signature.meta_date")
    iso = _ISO.match(src.norm, m.end())
    if iso:
        d = make_date(int(iso[1]), int(iso[2]), int(iso[3]))
        return None if d is None else Found(d, iso.start(), iso.end(), "signature.meta_date")
    return None
