"""Activities a notice or plan lists: numbered items under an activity heading, or table rows.

The shapes that carry the list in this genre:

* an outline section — ``二、活动内容`` / ``四、活动安排`` / ``（一）主要活动`` /
  ``（四）活动流程`` — whose numbered items (any style) are the activities; a
  container item with its own numbered sub-items (``（二）开展主题活动。`` then
  ``1.`` ``2.``) stands for them, so the sub-items are listed instead; label
  items such as ``（二）活动步骤`` and descriptor items (``1.时间：…``,
  ``（三）参与对象``) are skipped, while a titled item (``1.进机关：``) is kept;
  a programme step's clock time (``1、9:00-9:30。参观…``) is not part of its title;
* ``一是…；二是…`` running through an activity section that has no numbered items;
* named activities with their count (``开展“A”、“B”和“C”三个主题活动``), for
  the names a numbered item does not already carry (truncated web copies);
* an activity table (often an attachment 计划表): rows under a header naming
  序号 / 活动主题 / 活动形式 / 责任单位 / 时间 / 地点, split by tabs or ``|``, or
  flattened to one cell per line (:mod:`activity_tables`).

An item is an activity when it says what will be done: a long sentence
with no action verb (``围绕群众关切…，以…为重点，充分呈现…``) states an aim, one
with a modal and no action verb (``各单位要高度重视``) a requirement; a section naming goals or principles (目标 / 原则 / 指导思想 / 总体要求)
is never an activity section, whatever else its heading says.

A list introduced as options (``可采取…等形式``, ``可以采取以下形式``,
``具体内容包括但不限于``) is advice, not a plan: it is never listed, and
only noted in the warnings when it is all the document has.  Collection
pages repeat their content, so titles are de-duplicated.
"""

from __future__ import annotations

import re

from pipeline.extract.activity_prose import (
    CLOCK,
    CONTENT_FIELD,
    clock_items,
    inline_list,
    labelled_lines,
    lone_statement,
    ordinal_items,
)
from pipeline.extract.activity_tables import PUNCT, bare, restates, table_rows
from pipeline.extract.activity_vocab import (
    ACT_HEAD,
    FIELD,
    GOAL,
    NON_ACT,
    OPTIONS,
    Cand,
    abstract,
    describes,
)
from pipeline.extract.outline import (
    Item,
    build_outline,
    headline,
    is_field_line,
    parse_marker,
    segment_end,
)
from pipeline.extract.source import Source
from pipeline.model import Activity, Found, Record

_CLOCK_TAIL = re.compile(
    r"\s*[(（]\s*(?:上午|下午)?\s*\d{1,2}\s*[:：]\s*\d{2}\s*[-—–~～至到]+\s*\d{1,2}\s*[:：]\s*\d{2}\s*[)）]\s*$"
)
_PROGRAMME = re.compile(r"流程|议程|日程|环节")
_STAGE_LEN = 16
_ACT_VERB = re.compile(r"(?:集中|组织|积极|广泛|深入|认真)?(?:开展|举办|举行|召开|组织|邀请|走进|开设|推出)")
_EVENT_WORD = re.compile(r"活动|访谈|开放日|发布会|座谈|宣传|咨询|直播|体验|观摩|讲堂|培训|评议|征集")
_VERB = re.compile(r"开展|举办|举行|召开|组织开展|发布|邀请")
# a bare label ("座谈交流", "实地参观"), not a category ("开展线下宣传活动")
_LABEL_ONLY = re.compile(
    r"(?!开展|组织|举办|举行|做好|抓好|搞好|加强|强化|推进|深化|落实|利用|通过|积极|广泛|集中)"
    r"[^，,。；;]{2,10}(?<!活动)"
)
_ATTACH_LINE = re.compile(r"\s*附\s*件")
_DATE_LINE = re.compile(r"\s*(?:\d{4}|[〇零○O一二三四五六七八九]{4})\s*年[\d一二三四五六七八九十\s]+月[\d一二三四五六七八九十\s]+日\s*$")


def fill(src: Source, rec: Record) -> None:
    """Append the activities (in document order) to ``rec.activities``; a summary's items
    report what was done, so a summary lists none."""
    if rec.kind is not None and rec.kind.value == "summary":
        return
    lines = src.lines()
    items = build_outline(src, lines, barrier=_barriers(src, lines))
    cands = _from_outline(src, lines, items) + [
        Cand(r.title.start, r.title, False, r.fields, table=True) for r in table_rows(src, lines)]
    cands += inline_list(src, cands)
    if not cands:
        cands = _verb_led_top_items(src, lines, items)
        if cands:
            rec.warnings.append("activities: no activity heading; read verb-led top-level items")
    cands = _prefer_table_rows(_dedupe(sorted(cands, key=lambda c: c.pos)))
    concrete = [c for c in cands if not c.option]
    if cands and not concrete:
        rec.warnings.append(f"activities: only a list of generic options ({len(cands)} items), not listed")
    for seq, c in enumerate(concrete, start=len(rec.activities) + 1):
        rec.activities.append(Activity(
            seq=seq, title=c.title, form=c.fields.get("form"), lead_units=c.fields.get("lead"),
            date_text=c.fields.get("time"), location=c.fields.get("location"),
        ))


def _item_sentence(src: Source, lines: list[tuple[int, int]], it: Item, h: Found[str]) -> str:
    """The item's first sentence, over wrapped lines (an OCR'd page breaks lines mid-sentence);
    a short headline (``（三）现场答疑`` over its body text) is a title of its own."""
    if len(h.value) <= 12:
        return h.value
    stop = it.children[0].line if it.children else max(it.end_line, it.line + 1)
    end = lines[stop - 1][1]
    return src.norm[h.start:segment_end(src.norm, h.start, end)]


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Repeated text (collection pages, a page printed twice): the same title, or a
    truncated copy of it, with the same details; two table rows with one title
    but other units are two activities."""
    out: list[Cand] = []
    seen: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for c in cands:
        key = PUNCT.sub("", c.title.value)
        if not key:
            continue
        keys = seen.setdefault(tuple(sorted(c.fields.items())), [])
        if any(key == k or min(len(k), len(key)) >= 8 and (k.startswith(key) or key.startswith(k)) for k in keys):
            continue
        keys.append(key)
        out.append(c)
    return out


def _prefer_table_rows(cands: list[Cand]) -> list[Cand]:
    """A list item that a table row restates (集中宣传活动 / 集中宣传咨询活动) is dropped:
    the plan lists its activities once in the text and again in the attached
    table, and the row carries the form, units and dates."""
    rows = [bare(c.title.value) for c in cands if c.table]
    return [c for c in cands if c.table or not restates(c.title.value, rows)]


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
    """The item's headline without a programme step's clock time, before (``1、9:00-9:30。参观…``)
    or after it (``（一）现场参观(9:00—11:20)``)."""
    start = it.marker.end
    clock = CLOCK.match(src.norm, start, lines[it.line][1])
    if clock and clock.end() < lines[it.line][1] and re.search(r"\d\s*[:：点时]", clock.group()):
        start = clock.end()
    h = headline(src, lines, it.line, start, "outline")
    tail = _CLOCK_TAIL.search(src.norm, h.start, h.end) if h is not None else None
    if h is not None and tail is not None and tail.start() > h.start:
        return src.found(h.start, tail.start(), "outline", strip="，,、 ")
    return h


def _label(src: Source, h: Found[str] | None, rx: re.Pattern[str]) -> bool:
    """A short heading-like headline that names a part of the document (活动内容, 工作要求)."""
    return h is not None and len(h.value) <= 16 and rx.search(src.norm[h.start:h.end]) is not None


def _own_text(src: Source, lines: list[tuple[int, int]], it: Item) -> str:
    """The item's text before its first sub-item (where an options cue would be)."""
    stop = it.children[0].line if it.children else it.end_line
    return "\n".join(src.norm[lines[i][0]:lines[i][1]] for i in range(it.line, max(stop, it.line + 1)))


def _from_outline(src: Source, lines: list[tuple[int, int]], items: list[Item]) -> list[Cand]:
    out: list[Cand] = []
    done: set[int] = set()
    for it in items:
        if id(it) in done:
            continue
        h = _item_headline(src, lines, it)
        if h is not None and _label(src, h, ACT_HEAD) and not _label(src, h, GOAL):
            opt = OPTIONS.search(_own_text(src, lines, it)) is not None
            out.extend(_section(src, lines, it, h, opt, done))
    out.extend(_plain_sections(src, lines, items, done))
    return out


def _section(src: Source, lines: list[tuple[int, int]], it: Item, h: Found[str], option: bool,
             done: set[int]) -> list[Cand]:
    """An activity section: its numbered items, else the 一是…二是… parts of its text,
    else its programme lines."""
    if it.children:
        return _collect(src, lines, it, option, done)
    done.add(id(it))
    stop = max(it.end_line, it.line + 1)
    return (ordinal_items(src, h.end, lines[stop - 1][1], option) or clock_items(src, lines, it.line + 1, stop)
            or labelled_lines(src, lines, it.line + 1, stop, option))


def _verb_led_top_items(src: Source, lines: list[tuple[int, int]], items: list[Item]) -> list[Cand]:
    """Notices without an activity heading: ``一、开展…活动`` items of the top level.

    Taken only when at least two top-level headlines are short, verb-led
    and name an event (活动 / 访谈 / 开放日 / 发布会 …) — the shape of a
    notice whose sections *are* its activities.
    """
    out: list[Cand] = []
    for it in items:
        if it.parent is not None:
            continue
        h = _item_headline(src, lines, it)
        if h is None or len(h.value) > 30:
            continue
        t = src.norm[h.start:h.end]
        if _ACT_VERB.match(t) and _EVENT_WORD.search(t):
            out.append(Cand(h.start, h, False, _fields(src, lines, it)))
    return out if len(out) >= 2 else []


def _collect(src: Source, lines: list[tuple[int, int]], root: Item, option: bool,
             done: set[int]) -> list[Cand]:
    """The activities under a section item: leaves, with containers replaced by their sub-items
    (in a programme, short stage items stand for their sub-points)."""
    done.add(id(root))
    root_head = _item_headline(src, lines, root)
    programme = root_head is not None and _PROGRAMME.search(src.norm, root_head.start, root_head.end) is not None
    out: list[Cand] = []
    for child in root.children:
        done.add(id(child))
        s, e = lines[child.line]
        if describes(src, child.marker.end, e):
            # "1.时间：5月15日" describes the parent; "1.活动内容：请代表走进局机关，…" states the activity
            content = CONTENT_FIELD.match(src.norm, child.marker.end, e)
            if content:
                out.extend(lone_statement(src, lines, child.line, child.line + 1, content.end()))
            continue
        h = _item_headline(src, lines, child)
        if h is None:
            continue
        opt = option or OPTIONS.search(_own_text(src, lines, child)) is not None
        if _label(src, h, ACT_HEAD) and not _label(src, h, GOAL):
            out.extend(_section(src, lines, child, h, opt, done))
            continue
        if _label(src, h, NON_ACT) and len(h.value) <= 10 and not _VERB.match(src.norm[h.start:h.end]):
            continue
        # a short labelled item with a single sub-item ("（二）座谈交流" + "1.召开座谈会，…") is one
        # activity under its label; several sub-items are the activities of a category
        # in a programme (活动流程 / 议程 / 日程) a stage's numbered points are its details
        # ("（一）机关参观" + "1、参观便民服务大厅（主任介绍）"): the stage is the activity
        staged = programme and len(src.norm[h.start:h.end]) <= _STAGE_LEN
        single_label = len(child.children) == 1 and _LABEL_ONLY.fullmatch(src.norm[h.start:h.end])
        # "（二）座谈交流" + "1.会议地点：…" "2.主 持 人：…": sub-items that only describe it
        described = all(describes(src, c.marker.end, lines[c.line][1]) for c in child.children)
        if child.children and not staged and not single_label and not described:
            sub = _collect(src, lines, child, opt, done)
            if sub:
                out.extend(sub)
                continue
        if abstract(_item_sentence(src, lines, child, h)):
            continue
        # a leaf's own "可采取…等形式" describes how to do it, not a list of options
        out.append(Cand(h.start, h, option, _fields(src, lines, child)))
    return out


def _plain_sections(src: Source, lines: list[tuple[int, int]], items: list[Item],
                    done: set[int]) -> list[Cand]:
    """Sections headed by an unnumbered line (``活动内容：``) — their top items are activities."""
    out: list[Cand] = []
    heads = []
    for i, (s, e) in enumerate(lines):
        t = src.norm[s:e].strip().rstrip(":：")
        if t and len(t) <= 12 and parse_marker(src, s, e) is None and "\t" not in t:
            heads.append((i, ACT_HEAD.search(t) is not None and GOAL.search(t) is None))
    for k, (i, is_act) in enumerate(heads):
        if not is_act:
            continue
        stop = next((j for j, _ in heads[k + 1:] if j > i), len(lines))
        inside = [it for it in items if i < it.line < stop and id(it) not in done]
        if not inside:
            if stop > i + 1:
                out.extend(ordinal_items(src, lines[i][1], lines[stop - 1][1], False)
                           or clock_items(src, lines, i + 1, stop))
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
