"""Saved government web pages (``.html``/``.htm``): the notice without the site around it.

A saved 政务公开 page is mostly site chrome — navigation bars, breadcrumbs
(当前位置), view counters, share buttons, footers with 主办单位 and ICP
numbers — wrapped around one article.  Extraction downstream only wants the
article, so this reader:

1. decodes the bytes (BOM, ``<meta charset>``, UTF-8, GB18030, guess);
2. parses with lxml through BeautifulSoup — a parser only: nothing is
   fetched and no script runs, so remote ``<script src>``/``<img src>`` are
   inert text in the tree;
3. deletes non-content elements by tag and by id/class hints, unless an
   element holds most of the page's text (ASP.NET sites wrap the whole page
   in one ``<form>``);
4. picks the main content block (an id/class that looks like article
   content holding most of the Chinese text, else the block that holds it);
5. emits one Line per block element, ``<br>`` and table row, then drops
   residual noise lines (counters, 来源/发布时间, copyright …).

The page's title is put first when the chosen block lacks it, because many
sites render the title outside the article container.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from pipeline.ingest.base import ReaderError
from pipeline.ingest.encoding import canonical_codec, cjk_count, decode_text, join_wrapped
from pipeline.model import Line, Page

# ---------------------------------------------------------------- element classes

#: never content, whatever they contain
_ALWAYS_DROP = (
    "script", "style", "noscript", "iframe", "svg", "button", "select", "textarea", "input",
    "template", "object", "embed", "canvas", "map", "link", "meta", "head",
)  # fmt: skip
#: structural chrome; dropped unless it holds most of the page's text
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form")

_BLOCK = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th tbody thead tfoot section article "
    "main blockquote pre address center figure figcaption hr caption fieldset details summary".split()
)
_CONTAINERS = ("div", "td", "article", "section", "main", "body", "span", "font", "center", "dd", "ul")

# id/class hints.  Substrings are unambiguous; tokens must match a whole
# dash/underscore-separated piece ("side" must not hit "inside"); some
# words only mean chrome when they are the entire class ("position" vs
# Bootstrap's "position-relative", "header" vs "article-header").
_NOISE_SUBSTR = re.compile(
    r"nav|breadcrumb|crumb|share|footer|sidebar|copyright|related|toolbar|gotop|backtop|"
    r"weizhi|dqwz|fenxiang|dayin|guanbi|print|closebtn|close-btn|close_btn|friendlink|yqlj|xgwz|xgxx",
    re.I,
)
_NOISE_TOKENS = frozenset(
    "foot side aside menu close bottom banner search login qrcode ewm ad ads advert links "
    "bq bqxx tools tool pagination prev next sxp fx".split()
)
_NOISE_WHOLE = frozenset("header head top topbar position location loc path dqlm".split())

_CONTENT_SUBSTR = re.compile(r"content|article|zoom|trs_editor|detail|zhengwen|artic|newstext|maintext", re.I)
_CONTENT_TOKENS = frozenset("main text txt con cont zw zwnr wznr nr body view pages".split())

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|｜–]|——|—)+\s*")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)

# ---------------------------------------------------------------- noise lines

# Anywhere in a short line: things no notice prints but every site does.
_NOISE_LINE = re.compile(
    r"浏览次数|浏览量|浏览\s*[:：]|阅读次数|阅读量|阅读\s*[:：]|点击数|点击量|点击次数|点击率|访问量|访问次数|"
    r"分享到|打印本页|打印此页|关闭窗口|关闭本页|[【\[]\s*(?:打印|关闭|收藏)\s*[】\]]|"
    r"(?:字号|字体)\s*[:：]?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中|"
    r"当前位置|您的位置|你的位置|您现在的位置|所在位置|网站地图|ICP\s*备|ICP\s*证|公网安备|版权所有|"
    r"copyright|©|技术支持|加入收藏|设为首页|网站标识码|上一篇|下一篇|扫一扫|"
    r"发布(?:时间|日期)\s*[:：]|^今天是",
    re.I,
)
# At the start of a line: page metadata fields rather than document text.
_META_LINE = re.compile(
    r"^[【\[]?\s*(?:信息)?(?:来源|作者|责任编辑|编辑|发布(?:时间|日期)|浏览|点击)\s*[:：]"
)
# Footer-shaped: two or more of these in one line.
_FOOTER_MARK = re.compile(r"主办|承办|协办|联系电话|联系方式|地址|邮编|网站|技术支持|电话")
_NOISE_MAX_LEN = 150


def is_noise_line(text: str) -> bool:
    """True for residual site chrome that survived element removal."""
    if len(text) > _NOISE_MAX_LEN:
        return False
    if _NOISE_LINE.search(text) or (len(text) <= 80 and _META_LINE.search(text)):
        return True
    return ("主办" in text or "承办" in text) and len(_FOOTER_MARK.findall(text)) >= 2


# ---------------------------------------------------------------- helpers

_WIDE = "\u2014\u2018-\u201f\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t\r\f]*\n\s*(?=[{_WIDE}])")
_COLLAPSE = re.compile(r"[ \t\r\n\f\v]+")


def clean_inline(text: str) -> str:
    """HTML whitespace rules, CJK-aware: a source line break between two
    Chinese characters is not a space; other whitespace runs collapse to one
    space; ``&nbsp;`` stays a (non-collapsing) space, as a browser shows it."""
    text = _SEGMENT_BREAK.sub("", text)
    text = _COLLAPSE.sub(" ", text).replace("\xa0", " ")
    return text.strip(" \u3000\ufeff")


def sniff_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes (meta tag or XML declaration)."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_DECL.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def _hint(el: Tag) -> tuple[str, list[str]]:
    """The element's id and class names, lower-cased."""
    ident = el.get("id")
    raw = el.get("class")
    classes: list[str] = raw.split() if isinstance(raw, str) else [str(c) for c in raw or []]
    names = [c.lower() for c in classes]
    if isinstance(ident, str) and ident:
        names.append(ident.lower())
    return " ".join(names), names


def _tokens(names: list[str]) -> set[str]:
    return {t for n in names for t in re.split(r"[\s_\-]+", n) if t}


def looks_like_noise(el: Tag) -> bool:
    joined, names = _hint(el)
    if not names:
        return False
    if _NOISE_SUBSTR.search(joined) or _NOISE_TOKENS & _tokens(names):
        return True
    return any(n in _NOISE_WHOLE for n in names)


def looks_like_content(el: Tag) -> bool:
    joined, names = _hint(el)
    if not names or looks_like_noise(el):
        return False
    return bool(_CONTENT_SUBSTR.search(joined) or _CONTENT_TOKENS & _tokens(names))


def _is_hidden(el: Tag) -> bool:
    style = el.get("style")
    return el.has_attr("hidden") or (isinstance(style, str) and bool(_HIDDEN_STYLE.search(style)))


def _scorer(root: Tag) -> Callable[[Tag], int]:
    """Text mass of an element: Chinese characters outside links (navigation is
    mostly links, articles mostly are not), or visible characters on a page
    without any Chinese."""
    measure: Callable[[str], int] = cjk_count
    if cjk_count(root.get_text()) == 0:
        measure = lambda text: len("".join(text.split()))  # noqa: E731

    def score(el: Tag) -> int:
        linked = sum(measure(a.get_text()) for a in el.find_all("a"))
        return max(0, measure(el.get_text()) - linked)

    return score


# ---------------------------------------------------------------- title


def _title_from_head(soup: BeautifulSoup) -> str:
    """``<title>`` without the site name: the part with the most text."""
    if soup.title is None:
        return ""
    raw = clean_inline(soup.title.get_text())
    parts = [p for p in _TITLE_SPLIT.split(raw) if p.strip()]
    if not parts:
        return ""
    return max(parts, key=lambda p: (cjk_count(p), len(p)))


def _headings(root: Tag) -> list[str]:
    found = (clean_inline(h.get_text()) for h in root.find_all(["h1", "h2", "h3"]))
    return [h for h in found if len(h) >= 4]


def find_title(head_title: str, headings: list[str], fallback: list[str]) -> str:
    """The article title: a heading that agrees with ``<title>``, else ``<title>``.

    ``headings`` are all of the page's (the title heading may sit in chrome
    such as an article ``<header>``); without a ``<title>`` only ``fallback``
    — headings left after chrome removal — are trusted, so a nav heading
    like "相关链接" is never taken for the title.
    """
    if head_title:
        for h in headings:
            if h in head_title or head_title in h:
                return h
        return head_title
    return fallback[0] if fallback else ""


# ---------------------------------------------------------------- cleaning


def strip_chrome(body: Tag) -> None:
    """Remove every element that cannot be article content, in place."""
    for node in body.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for el in body.find_all(_ALWAYS_DROP):
        el.decompose()
    score = _scorer(body)
    total = score(body) or 1
    for el in body.find_all(True):
        if el.decomposed or el is body:
            continue
        if el.name in _CHROME_TAGS or looks_like_noise(el) or _is_hidden(el):
            # keep a "chrome" element that is really the page (e.g. <form id="form1">)
            if score(el) * 2 <= total:
                el.decompose()


# ---------------------------------------------------------------- main block


def pick_main(body: Tag) -> Tag:
    """The element holding the article.

    Prefer content-looking containers with at least half of the page's text;
    among nested ones that hold nearly the same text take the innermost (it
    carries the least leftover chrome).  Otherwise walk down from ``<body>``
    while one child holds almost all of its parent's text.
    """
    score = _scorer(body)
    total = score(body)
    if total == 0:
        return body
    scored = [(score(el), el) for el in body.find_all(_CONTAINERS) if looks_like_content(el)]
    scored = [(s, el) for s, el in scored if s * 2 >= total]
    if scored:
        best = max(s for s, _ in scored)
        near = [(s, el) for s, el in scored if s >= 0.85 * best]
        return min(near, key=lambda item: (item[0], -len(list(item[1].parents))))[1]
    node = body
    while True:
        here = score(node)
        children = [c for c in node.children if isinstance(c, Tag)]
        top = max(children, key=score, default=None)
        if top is None or here == 0 or score(top) < 0.8 * here or top.name not in _BLOCK | {"span", "font"}:
            return node
        node = top


# ---------------------------------------------------------------- lines and tables


def _direct_rows(table: Tag) -> list[Tag]:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _cells(tr: Tag) -> list[Tag]:
    return [c for c in tr.find_all(["td", "th"], recursive=False)]


def is_layout_table(table: Tag) -> bool:
    """Old government sites lay pages out with tables; those are blocks, not data."""
    if table.find("table") is not None:
        return True
    rows = _direct_rows(table)
    if not rows or max(len(_cells(tr)) for tr in rows) < 2:
        return True
    for tr in rows:
        for cell in _cells(tr):
            if len(cell.get_text(strip=True)) > 300 or len(cell.find_all(["p", "div"])) > 3:
                return True
    return False


def _span(cell: Tag, attr: str) -> int:
    raw = cell.get(attr)
    try:
        return max(1, min(int(str(raw)), 100)) if raw is not None else 1
    except ValueError:
        return 1


def table_grid(table: Tag, cell_text: Callable[[Tag], str]) -> list[list[str]]:
    """Rows of cell strings; a spanned cell's text appears once, its other slots are ''."""
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
    for tr in _direct_rows(table):
        row: list[str] = []
        cells = iter(_cells(tr))
        col = 0
        while True:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                row.append("")
                col += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            row.append(cell_text(cell))
            row.extend([""] * (colspan - 1))
            for c in range(col, col + colspan):
                if rowspan > 1:
                    pending[c] = rowspan - 1
            col += colspan
        for c in sorted(k for k, left in pending.items() if k >= col and left > 0):
            row.extend([""] * (c + 1 - len(row)))  # rowspans covering columns past the last cell
            pending[c] -= 1
        if any(row):
            grid.append(row)
    return grid


class _Emitter:
    """Walks a subtree and cuts it into printed lines the way a browser would."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._buf: list[str] = []

    def flush(self) -> None:
        text = clean_inline("".join(self._buf))
        self._buf = []
        if text:
            self.lines.append(text)

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self._buf.append(str(child))
            elif isinstance(child, Tag):
                self._element(child)

    def _element(self, el: Tag) -> None:
        name = el.name
        if name == "br":
            self.flush()
        elif name == "pre":
            self.flush()
            for raw in el.get_text().split("\n"):
                self._buf.append(raw)
                self.flush()
        elif name == "table" and not is_layout_table(el):
            self.flush()
            grid = table_grid(el, _cell_text)
            if grid:
                self.tables.append(grid)
                self.lines.extend("\t".join(row) for row in grid)
        elif name in _BLOCK:
            self.flush()
            self.walk(el)
            self.flush()
        else:
            self.walk(el)


def _cell_text(cell: Tag) -> str:
    sub = _Emitter()
    sub.walk(cell)
    sub.flush()
    return join_wrapped(sub.lines)


def _compact(text: str) -> str:
    return "".join(text.split())


def html_to_page(text: str) -> Page:
    """One Page of the article's lines (and its data tables) from decoded HTML."""
    soup = BeautifulSoup(text, "lxml")
    body = soup.body or soup
    head_title, headings = _title_from_head(soup), _headings(body)
    strip_chrome(body)
    title = find_title(head_title, headings, _headings(body))
    main = pick_main(body)
    emitter = _Emitter()
    emitter.walk(main)
    emitter.flush()
    lines = [ln for ln in emitter.lines if not is_noise_line(ln)]
    if title and _compact(title) not in _compact("".join(lines)) and not is_noise_line(title):
        lines.insert(0, title)
    return Page(number=1, lines=[Line(ln) for ln in lines], tables=emitter.tables)


class HtmlReader:
    """Reader for ``.html``/``.htm``: main article text, tables as '\\t' rows, offline."""

    name = "html"
    suffixes: tuple[str, ...] = (".html", ".htm")

    def read(self, path: Path, data: bytes) -> list[Page]:
        declared = sniff_charset(data)
        if declared and canonical_codec(declared) is None:
            declared = None
        text, _codec = decode_text(data, declared)
        page = html_to_page(text)
        if not page.lines:
            raise ReaderError("HTML page has no text content")
        return [page]
