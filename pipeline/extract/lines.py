"""Line-level helpers shared by the header-area modules (header, title, signature, event, theme, period).

A document is read as its non-blank lines; each :class:`Line` carries the
span of its stripped text in ``Source.text`` and its matching copy.  The
organ-name test, the site-navigation test and the web page info-line
pattern live here because several field modules ask the same questions of
a line: is it a full organ name, a menu, a 发布时间/来源 line, a bare
date stamp?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.source import Source

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


def is_table_row(t: str) -> bool:
    """A line of a table printed one row per line: cells split by tabs or by ``|`` (twice or more)."""
    return "\t" in t or t.count("|") >= 2


def cell_spans(src: Source, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of every cell of the row ``src.norm[s:e]`` (split by tabs, else by ``|``),
    trimmed of blanks; empty cells kept, so column indexes line up with the header's."""
    t = src.norm[s:e]
    sep = "|" if "\t" not in t and t.count("|") >= 2 else "\t"
    out = []
    pos = s
    for part in t.split(sep):
        a, b = pos, pos + len(part)
        while a < b and src.norm[a] in " \u3000\r":
            a += 1
        while b > a and src.norm[b - 1] in " \u3000\r":
            b -= 1
        out.append((a, b))
        pos += len(part) + 1
    return out


def squash(s: str) -> str:
    return _WS.sub("", s)


# ---------------------------------------------------------------- organ names

ORGAN_SUFFIX = (
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|居委会|村委会|领导小组|工作小组|小组|中心|办事处|"
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


# ---------------------------------------------------------------- web page chrome

_NAV = re.compile(r"今天是|当前位置|您的位置|您现在的位置|加入收藏|设为首页|网站地图|无障碍|[|>»]")
_HEADLINE_AFTER_BAR = 12
_NAV_WORD = re.compile(r"首页|登录|注册|English|繁体|简体|打印|关闭|分享|收藏|长者模式")
PAGE_INFO_KEY = re.compile(
    r"来源\s*[:：]|来自\s*[:：]|作者\s*[:：]|(?:浏览|点击|阅读|访问)(?:人数|人次|次数|量|数)?\s*[:：]|字号\s*[:：]"
)
"""Keys only a web page's info line carries (a line holding one is page chrome, whatever its date says)."""
INFO_LINE = re.compile(
    PAGE_INFO_KEY.pattern + r"|(?:浏览|点击|阅读|访问)(?:人数|人次|次数|量|数)?\s*\d+|"
    r"(?:上传|更新|录入)(?:时间|日期)\s*[:：]|发布(?:时间|日期)|发表于\s*\d|(?:^|[\s'\"’])(?:时间|日期)\s*[:：]\s*\d|"
    r"信息来源|字体|字号\s*[大中小]"
)
"""A web page's info line: its page keys, or a publishing / update date."""
SOLID_BULLETS = "•●▪◆■□◦"
DOT_BULLETS = "·・∙"
"""List bullets; the dots double as separators ("5·15", OCR'd 、), so callers that see them check what follows."""
# a news page's bare publishing stamp on its own line: "26.05.2015  10:05", "2019-05-16 08:48:57",
# "2021年05月17日 09:30" (a 年月日 date alone is not one: it may be a 成文日期)
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
DATE_STAMP = re.compile(
    rf"^[(（\[]?\s*(?:"
    rf"(?P<d1>\d{{1,2}})[./-](?P<m1>\d{{1,2}})[./-](?P<y1>(?:19|20)\d{{2}})(?:\s+{_CLOCK})?|"
    rf"(?P<y2>(?:19|20)\d{{2}})[./-](?P<m2>\d{{1,2}})[./-](?P<d2>\d{{1,2}})(?:\s+{_CLOCK})?|"
    rf"(?P<y3>(?:19|20)\d{{2}})\s*年\s*(?P<m3>\d{{1,2}})\s*月\s*(?P<d3>\d{{1,2}})\s*日\s+{_CLOCK}"
    rf")\s*[)）\]]?$"
)


# a web page's byline under the headline: the publishing organ and a stamp ("XX县政务公开办公室  2024-05-06");
# an organ with a 年月日 date is a signature, not a byline
_BYLINE = re.compile(
    rf"^[{CJK}()（）·]{{2,40}}\s+(?:19|20)\d{{2}}[./-]\d{{1,2}}[./-]\d{{1,2}}(?:\s+{_CLOCK})?$"
)


def stamp_ymd(m: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of a :data:`DATE_STAMP` match."""
    for k in "123":
        if m[f"y{k}"]:
            return int(m[f"y{k}"]), int(m[f"m{k}"]), int(m[f"d{k}"])
    raise ValueError("not a date stamp")


def is_nav(ln: Line) -> bool:
    """Site navigation: breadcrumbs and menus (a menu word alone, or several of them)."""
    words = _NAV_WORD.findall(ln.norm)
    menu = len(words) >= 2 and len(ln.norm.split()) >= 2  # menus are spaced items, titles are not
    return _nav_marks(ln) or menu or (bool(words) and len(ln.sq) <= 6)


def _nav_marks(ln: Line) -> bool:
    """Breadcrumb marks; a single bar before a long headline is a column tag ("市水利系统|积极开展…",
    an OCR'd 丨), not a menu."""
    if not _NAV.search(ln.norm):
        return False
    if ln.norm.count("|") == 1 and not _NAV.search(ln.norm.replace("|", "")):
        return max(len(squash(part)) for part in ln.norm.split("|")) < _HEADLINE_AFTER_BAR
    return True


def is_info(ln: Line) -> bool:
    """A web page's info line under the headline: 发布时间/来源/浏览次数, a bare date stamp or a byline."""
    return bool(INFO_LINE.search(ln.norm) or DATE_STAMP.match(ln.norm.strip()) or _BYLINE.match(ln.norm))
