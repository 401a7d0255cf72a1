"""Activities a notice or plan lists: numbered items under an activity heading, or table rows.

Two shapes carry the list in this genre:

* an outline section — ``二、活动内容`` / ``四、活动安排`` / ``（一）主要活动`` — whose
  numbered items (any style) are the activities; a container item with its
  own numbered sub-items (``（二）开展主题活动。`` then ``1.`` ``2.``) stands for
  them, so the sub-items are listed instead; label items such as
  ``（二）活动步骤`` are skipped;
* an activity table (often an attachment 计划表): tab-separated rows under a
  header naming 序号 / 活动主题 / 活动形式 / 责任单位 / 时间 / 地点.

A list introduced as options (``可采取…等形式``, ``具体内容包括但不限于``) is
advice, not a plan; it is kept only when the document lists nothing
concrete, and then with a warning.  Collection pages repeat their content,
so titles are de-duplicated.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from pipeline.extract.outline import (
    PAGE_NUMBER,
    Item,
    build_outline,
    headline,
    is_field_line,
    parse_marker,
)
from pipeline.extract.source import Source
from pipeline.model import Activity, Found, Record

ACT_HEAD = re.compile(
    r"活动(?:内容|安排|项目|形式|方式|事项|日程)|(?:主要|具体|重点|系列|主题|开放)活动|"
    r"具体安排|内容安排|日程安排|开放内容|开放项目|主要内容"
)
NON_ACT = re.compile(
    r"要求|保障|措施|目标|步骤|时间|地点|主题|对象|范围|原则|意义|领导|指导思想|注意事项|"
    r"联系|依据|背景|考核|督查|报送|总结|流程|纪律|方法"
)
_ACT_VERB = re.compile(r"(?:集中|组织|积极|广泛|深入|认真)?(?:开展|举办|举行|召开|组织|邀请|走进|开设|推出)")
_EVENT_WORD = re.compile(r"活动|访谈|开放日|发布会|座谈|宣传|咨询|直播|体验|观摩|讲堂|培训|评议|征集")
_VERB = re.compile(r"开展|举办|举行|召开|组织开展|发布|邀请")
OPTIONS = re.compile(
    r"可(?:采取|采用|通过|结合|选择|以|根据)[^。]{0,80}?等[^。]{0,8}?(?:形式|方式|活动)|"
    r"包括但不限于|不限于以下|可(?:参考|参照)以下|供参考|(?:以下|如下)(?:形式|方式)中?(?:任选|选择)"
)
FIELD = re.compile(
    r"\s*(?P<k>活动时间|举办时间|开展时间|计划时间|活动日期|时间|日期|活动地点|举办地点|地点|地址|"
    r"牵头单位|责任单位|承办单位|主办单位|负责单位|组织单位|牵头部门|责任部门|活动形式|形式|活动方式)"
    r"\s*[:：]\s*(?P<v>.+?)\s*$"
)
_ATTACH_LINE = re.compile(r"\s*附\s*件")
_DATE_LINE = re.compile(r"\s*(?:\d{4}|[〇零○O一二三四五六七八九]{4})\s*年[\d一二三四五六七八九十\s]+月[\d一二三四五六七八九十\s]+日\s*$")
_PUNCT = re.compile(r"[\s\"“”‘’'《》〈〉()（）【】〔〕,，、。.;；:：!！?？·•…\-—]")

# Table columns: role → header keywords, most specific first.
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("seq", re.compile(r"^(?:序号|编号|序|号)$")),
    ("title", re.compile(r"主题|名称|活动内容|项目|^内容$|^活动$")),
    ("form", re.compile(r"形式|方式")),
    ("lead", re.compile(r"单位|部门|牵头|责任")),
    ("time", re.compile(r"时间|日期|月份")),
    ("location", re.compile(r"地点|场所|地址")),
]


@dataclass
class _Cand:
    """An activity found before numbering: where it starts and whether it is an option."""

    pos: int
    title: Found[str]
    option: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    table: bool = False


def fill(src: Source, rec: Record) -> None:
    """Append the document's activities (numbered in document order) to ``rec.activities``."""
    lines = src.lines()
    items = build_outline(src, lines, barrier=_barriers(src, lines))
    cands = _from_outline(src, lines, items) + _from_tables(src, lines)
    kind = rec.kind.value if rec.kind else None
    if not cands and kind != "summary":
        cands = _verb_led_top_items(src, lines, items)
        if cands:
            rec.warnings.append("activities: no activity heading; read verb-led top-level items")
    cands = _prefer_table_rows(_dedupe(sorted(cands, key=lambda c: c.pos)))
    options = [c for c in cands if c.option]
    concrete = [c for c in cands if not c.option]
    if concrete:
        cands = concrete
    elif options:
        rec.warnings.append(f"activities: only a list of generic options ({len(options)} items) was found")
    seq = len(rec.activities)
    for c in cands:
        seq += 1
        rec.activities.append(Activity(
            seq=seq, title=c.title, form=c.fields.get("form"), lead_units=c.fields.get("lead"),
            date_text=c.fields.get("time"), location=c.fields.get("location"),
        ))


def _dedupe(cands: list[_Cand]) -> list[_Cand]:
    """Repeated text (collection pages, a page printed twice): the same title, or a
    truncated copy of it, with the same details; two table rows with one title
    but other units are two activities."""
    out: list[_Cand] = []
    seen: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for c in cands:
        key = _PUNCT.sub("", c.title.value)
        if not key:
            continue
        keys = seen.setdefault(tuple(sorted(c.fields.items())), [])
        if any(key == k or min(len(k), len(key)) >= 8 and (k.startswith(key) or key.startswith(k)) for k in keys):
            continue
        keys.append(key)
        out.append(c)
    return out


def _bare(title: str) -> str:
    """A title for comparison: no punctuation, no parenthetical notes."""
    return _PUNCT.sub("", re.sub(r"[(（][^()（）]*[)）]", "", title))


def _prefer_table_rows(cands: list[_Cand]) -> list[_Cand]:
    """A list item that a table row restates (集中宣传活动 / 集中宣传咨询活动) is dropped:
    the plan lists its activities once in the text and again in the attached
    table, and the row carries the form, units and dates."""
    rows = [_bare(c.title.value) for c in cands if c.table]
    if not rows:
        return cands

    def restated(title: str) -> bool:
        key = _bare(title)
        for r in rows:
            sm = difflib.SequenceMatcher(None, key, r)
            if sm.real_quick_ratio() >= 0.75 and sm.quick_ratio() >= 0.75 and sm.ratio() >= 0.75:
                return True
        return False

    return [c for c in cands if c.table or not restated(c.title.value)]


# ---------------------------------------------------------------- outline lists


def _barriers(src: Source, lines: list[tuple[int, int]]) -> set[int]:
    """Lines that close every outline level: 附件 headings and the signing date."""
    out = set()
    for i, (s, e) in enumerate(lines):
        t = src.norm[s:e]
        if _ATTACH_LINE.match(t) or _DATE_LINE.match(t):
            out.add(i)
    return out


def _item_headline(src: Source, lines: list[tuple[int, int]], it: Item) -> Found[str] | None:
    return headline(src, lines, it.line, it.marker.end, "outline")


def _label(src: Source, h: Found[str] | None, rx: re.Pattern[str]) -> bool:
    """A short heading-like headline that names a part of the document (活动内容, 工作要求)."""
    return h is not None and len(h.value) <= 16 and rx.search(src.norm[h.start:h.end]) is not None


def _own_text(src: Source, lines: list[tuple[int, int]], it: Item) -> str:
    """The item's text before its first sub-item (where an options cue would be)."""
    stop = it.children[0].line if it.children else it.end_line
    return "\n".join(src.norm[lines[i][0]:lines[i][1]] for i in range(it.line, max(stop, it.line + 1)))


def _from_outline(src: Source, lines: list[tuple[int, int]], items: list[Item]) -> list[_Cand]:
    out: list[_Cand] = []
    done: set[int] = set()
    for it in items:
        if id(it) in done:
            continue
        h = _item_headline(src, lines, it)
        if _label(src, h, ACT_HEAD):
            opt = OPTIONS.search(_own_text(src, lines, it)) is not None
            out.extend(_collect(src, lines, it, opt, done))
    out.extend(_plain_sections(src, lines, items, done))
    return out


def _verb_led_top_items(src: Source, lines: list[tuple[int, int]], items: list[Item]) -> list[_Cand]:
    """Notices without an activity heading: ``一、开展…活动`` items of the top level.

    Taken only when at least two top-level headlines are short, verb-led
    and name an event (活动 / 访谈 / 开放日 / 发布会 …) — the shape of a
    notice whose sections *are* its activities.
    """
    out: list[_Cand] = []
    for it in items:
        if it.parent is not None:
            continue
        h = _item_headline(src, lines, it)
        if h is None or len(h.value) > 30:
            continue
        t = src.norm[h.start:h.end]
        if _ACT_VERB.match(t) and _EVENT_WORD.search(t):
            out.append(_Cand(h.start, h, False, _fields(src, lines, it)))
    return out if len(out) >= 2 else []


def _collect(src: Source, lines: list[tuple[int, int]], root: Item, option: bool,
             done: set[int]) -> list[_Cand]:
    """The activities under a section item: leaves, with containers replaced by their sub-items."""
    done.add(id(root))
    out: list[_Cand] = []
    for child in root.children:
        done.add(id(child))
        s, e = lines[child.line]
        if is_field_line(src, child.marker.end, e):
            continue  # "1.时间：5月15日" describes the parent, it is not an activity
        h = _item_headline(src, lines, child)
        if h is None:
            continue
        opt = option or OPTIONS.search(_own_text(src, lines, child)) is not None
        if _label(src, h, ACT_HEAD):
            out.extend(_collect(src, lines, child, opt, done))
            continue
        if _label(src, h, NON_ACT) and len(h.value) <= 10 and not _VERB.match(src.norm[h.start:h.end]):
            continue
        if child.children:
            sub = _collect(src, lines, child, opt, done)
            if sub:
                out.extend(sub)
                continue
        # a leaf's own "可采取…等形式" describes how to do it, not a list of options
        out.append(_Cand(h.start, h, option, _fields(src, lines, child)))
    return out


def _plain_sections(src: Source, lines: list[tuple[int, int]], items: list[Item],
                    done: set[int]) -> list[_Cand]:
    """Sections headed by an unnumbered line (``活动内容：``) — their top items are activities."""
    out: list[_Cand] = []
    heads = []
    for i, (s, e) in enumerate(lines):
        t = src.norm[s:e].strip().rstrip(":：")
        if t and len(t) <= 12 and parse_marker(src, s, e) is None and "\t" not in t:
            heads.append((i, ACT_HEAD.search(t) is not None))
    for k, (i, is_act) in enumerate(heads):
        if not is_act:
            continue
        stop = next((j for j, _ in heads[k + 1:] if j > i), len(lines))
        inside = [it for it in items if i < it.line < stop and id(it) not in done]
        if not inside:
            continue
        top = min(it.level for it in inside)
        for it in inside:
            if it.level != top or id(it) in done:
                continue
            pseudo = Item(it.marker, it.level - 1, it.line, it.end_line, children=[it])
            out.extend(_collect(src, lines, pseudo, False, done))
    return out


def _fields(src: Source, lines: list[tuple[int, int]], it: Item) -> dict[str, str]:
    """``活动时间：`` / ``活动地点：`` / ``牵头单位：`` lines (or field sub-items) of one item."""
    out: dict[str, str] = {}
    stop = it.end_line if it.end_line > it.line else it.line + 1
    for i in range(it.line + 1, stop):
        s, e = lines[i]
        mk = parse_marker(src, s, e)
        if mk is not None and not is_field_line(src, mk.end, e):
            break
        start = mk.end if mk else s
        m = FIELD.match(src.norm, start, e)
        if not m:
            continue
        role = _field_role(m["k"])
        if role and role not in out:
            value = src.found(m.start("v"), m.end("v"), "field", strip="。；;")
            if value:
                out[role] = value.value
    return out


def _field_role(key: str) -> str | None:
    if "时间" in key or "日期" in key:
        return "time"
    if "地点" in key or "地址" in key:
        return "location"
    if "形式" in key or "方式" in key:
        return "form"
    if "单位" in key or "部门" in key:
        return "lead"
    return None


# ---------------------------------------------------------------- tables


def _cells(src: Source, s: int, e: int) -> list[tuple[int, int]]:
    """(start, end) of every tab-separated cell of a line, trimmed; empty cells kept."""
    out = []
    pos = s
    for part in src.text[s:e].split("\t"):
        a, b = pos, pos + len(part)
        while a < b and src.text[a] in " \u3000\r":
            a += 1
        while b > a and src.text[b - 1] in " \u3000\r":
            b -= 1
        out.append((a, b))
        pos += len(part) + 1
    return out


def _header_roles(src: Source, cells: list[tuple[int, int]]) -> dict[int, str] | None:
    """Column index → role when the row is an activity-table header, else None."""
    roles: dict[int, str] = {}
    for idx, (a, b) in enumerate(cells):
        t = re.sub(r"\s", "", src.norm[a:b])
        if not t:
            continue
        if len(t) > 10 and idx == 0 and re.search(r"(?:序号|编号)$", t):
            t = t[-2:]  # the table's title glued to its first header cell by the layout
        if len(t) > 10:
            return None
        for role, rx in _COLUMNS:
            if role not in roles.values() and rx.search(t):
                roles[idx] = role
                break
    if "title" not in roles.values() or len(roles) < 2:
        return None
    return roles


def _from_tables(src: Source, lines: list[tuple[int, int]]) -> list[_Cand]:
    out: list[_Cand] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        roles = _header_roles(src, _cells(src, s, e)) if "\t" in src.text[s:e] else None
        if roles is None:
            i += 1
            continue
        i = _read_table(src, lines, i, roles, out)
    return out


Span = tuple[int, int]
Row = list[list[Span]]
"""A table row: for every column, the pieces of text (one per printed line) it holds."""


def _read_table(src: Source, lines: list[tuple[int, int]], head: int, roles: dict[int, str],
                out: list[_Cand]) -> int:
    """Rows after the header at ``head`` → candidates; returns the first line after the table."""
    width = len(_cells(src, *lines[head]))
    named = sorted(roles)
    seq = next((i for i, r in roles.items() if r == "seq"), None)
    rows: list[Row] = []
    i = head + 1
    while i < len(lines):
        s, e = lines[i]
        t = src.norm[s:e]
        if not t.strip() or PAGE_NUMBER.match(t):
            i += 1
            continue
        if "\t" not in t:
            nxt = next((j for j in range(i + 1, min(i + 4, len(lines)))
                        if src.norm[lines[j][0]:lines[j][1]].strip()), None)
            if nxt is not None and "\t" in src.norm[lines[nxt][0]:lines[nxt][1]]:
                i += 1  # a running head or title between table pages
                continue
            break
        cells = _cells(src, s, e)
        if _header_roles(src, cells) is not None:
            i += 1  # the header repeated on the next page
            continue
        placed = _align(cells, width, named)
        if rows and seq is not None and _empty(placed[seq]) and any(not _empty(c) for c in placed):
            for col, c in enumerate(placed):  # a wrapped row: no 序号 of its own
                if not _empty(c):
                    rows[-1][col].append(c)
        elif any(not _empty(c) for c in placed):
            rows.append([[c] if not _empty(c) else [] for c in placed])
        i += 1
    for row in rows:
        cand = _row_cand(src, row, roles)
        if cand:
            out.append(cand)
    return i


def _empty(c: Span) -> bool:
    return c[1] <= c[0]


def _align(cells: list[Span], width: int, named: list[int]) -> list[Span]:
    """Cells placed under the header's columns; a row with a different cell count is
    matched by its non-empty cells, in order."""
    if len(cells) == width:
        return cells
    if cells and _empty(cells[0]):  # "\t（邀请群众代表）": a leading tab keeps the columns
        return (cells + [(0, 0)] * width)[:width]
    full = [c for c in cells if not _empty(c)]
    placed: list[Span] = [(0, 0)] * width
    if len(full) <= len(named):
        for idx, c in zip(named, full):
            placed[idx] = c
        return placed
    for idx in range(min(width, len(cells))):
        placed[idx] = cells[idx]
    return placed


def _row_cand(src: Source, row: Row, roles: dict[int, str]) -> _Cand | None:
    fields: dict[str, str] = {}
    title: Found[str] | None = None
    for idx, role in roles.items():
        if idx >= len(row) or not row[idx] or role == "seq":
            continue
        pieces = row[idx]
        value = "".join(src.text[a:b] for a, b in pieces)
        if role == "title":
            title = Found(value, pieces[0][0], pieces[-1][1], "table")
        else:
            fields[role] = value
    if title is None or not title.value.strip():
        return None
    return _Cand(title.start, title, False, fields, table=True)
