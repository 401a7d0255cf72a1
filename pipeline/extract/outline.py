"""Outline numbering of Chinese official documents, shared by the list extractors.

公文 number their parts in a fixed hierarchy — 一、 → （一） → 1. / 1、 → （1）
→ ① — but OCR'd and web copies drift: half-width brackets, a space inside the
marker, a level skipped, a list that restarts under each parent.  Rather than
assume the canonical order, the outline is rebuilt with a stack of styles in
the order they appear, which is what a reader does.

Everything here matches on ``Source.norm`` (half-width, simplified), so
``（一）`` and ``(一)`` are one style and Traditional headings read the same.
A headline is sliced from ``Source.text`` with the same indices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.dates import cn_int
from pipeline.extract.source import Source
from pipeline.model import Found

CN = "一二三四五六七八九十"

# Order matters: the bracketed forms must be tried before the bare ones.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("cnp", re.compile(rf"\(\s*(?P<n>[{CN}]{{1,3}})\s*\)\s*[、.]?")),
    ("arp", re.compile(r"\(\s*(?P<n>\d{1,2})\s*\)\s*[、.]?")),
    ("circ", re.compile(r"(?P<n>[\u2460-\u2473])\s*[、.]?")),
    ("cn", re.compile(rf"(?P<n>[{CN}]{{1,3}})\s*[、.](?!\d)")),
    ("arr", re.compile(r"(?P<n>\d{1,2})(?!\d)\s*\)")),
    ("ar", re.compile(r"(?P<n>\d{1,2})(?!\d)\s*(?:[、]|\.(?!\d))")),
]
# "5.15政务公开日…" at a line start looks like item 5; it is one only when it
# continues a running 1. 2. 3. … list (see ``Marker.ambiguous``).
_AMBIGUOUS_AR = re.compile(r"(?P<n>\d{1,2})(?!\d)\s*\.(?=\d)")

PAGE_NUMBER = re.compile(r"^\s*(?:[-—–_~]\s*\d{1,3}\s*[-—–_~]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})\s*$")
"""A line that only carries a page number (``- 3 -``, ``— 12 —``, ``第3页``)."""

TERMINATORS = "。；;!！?？:："
_OPEN = "“‘《(〔【「『"
_CLOSE = "”’》)〕】」』"


@dataclass(frozen=True)
class Marker:
    """An outline marker at the start of a line (positions index ``Source.text``)."""

    style: str
    number: int
    start: int
    end: int  # first character of the item text, after the marker and spaces
    ambiguous: bool = False


@dataclass
class Item:
    """One numbered item of the outline; ``children`` are its sub-items."""

    marker: Marker
    level: int
    line: int  # index into the line list the outline was built from
    end_line: int = -1  # exclusive: first line that no longer belongs to the item
    parent: Item | None = None
    children: list[Item] = field(default_factory=list)

    @property
    def style(self) -> str:
        return self.marker.style

    @property
    def number(self) -> int:
        return self.marker.number


def parse_marker(src: Source, start: int, end: int) -> Marker | None:
    """The outline marker that opens ``text[start:end]`` (a line), if any."""
    norm = src.norm
    pos = start
    while pos < end and norm[pos] in " \t":
        pos += 1
    for style, rx in _MARKERS:
        m = rx.match(norm, pos, end)
        if m:
            num = _number(m["n"])
            if num is None:
                continue
            after = _skip_space(norm, m.end(), end)
            if after >= end and style in ("cn", "ar", "arr"):
                return None  # a bare "1." / "一、" line is a page artefact, not an item
            return Marker(style, num, pos, after)
    m = _AMBIGUOUS_AR.match(norm, pos, end)
    if m:
        return Marker("ar", int(m["n"]), pos, m.end(), ambiguous=True)
    return None


def _number(s: str) -> int | None:
    if s.isascii() and s.isdigit():
        return int(s)
    if len(s) == 1 and "\u2460" <= s <= "\u2473":
        return ord(s) - 0x2460 + 1
    return cn_int(s)


def _skip_space(s: str, pos: int, end: int) -> int:
    while pos < end and s[pos] in " \t":
        pos += 1
    return pos


def strip_marker(src: Source, start: int, end: int) -> int:
    """Where the text of a line starts once a leading outline marker is removed."""
    mk = parse_marker(src, start, end)
    return mk.end if mk else _skip_space(src.norm, start, end)


def build_outline(src: Source, lines: list[tuple[int, int]], first: int = 0,
                  last: int | None = None, barrier: set[int] | None = None) -> list[Item]:
    """All outline items of ``lines[first:last]`` in document order, linked into a tree.

    A style seen before closes every deeper level (its siblings and their
    children); an unseen style opens a new level under the current item.
    An ambiguous marker (``5.15…``) is accepted only where it continues the
    running list of its style.  Lines in ``barrier`` (附件 headings, the
    signature) close every open level, so an attachment's numbered lines
    never become sub-items of the last item of the main text.
    """
    last = len(lines) if last is None else last
    barrier = barrier or set()
    items: list[Item] = []
    stack: list[Item] = []
    for i in range(first, last):
        if i in barrier:
            for it in stack:
                it.end_line = i
            stack = []
            continue
        s, e = lines[i]
        mk = parse_marker(src, s, e)
        if mk is None:
            continue
        styles = [it.style for it in stack]
        if mk.style in styles:
            k = styles.index(mk.style)
            prev = stack[k]
            if mk.ambiguous and mk.number != prev.number + 1:
                continue
            for it in stack[k:]:
                it.end_line = i
            stack = stack[:k]
        elif mk.ambiguous and mk.number != 1:
            continue
        parent = stack[-1] if stack else None
        item = Item(mk, len(stack), i, parent=parent)
        if parent:
            parent.children.append(item)
        stack.append(item)
        items.append(item)
    for it in stack:
        it.end_line = last
    return items


def segment_end(norm: str, pos: int, end: int) -> int:
    """First sentence terminator at depth 0 of quotes and brackets, else ``end``."""
    depth = 0
    for j in range(pos, end):
        c = norm[j]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(0, depth - 1)
        elif c == '"':
            continue
        elif c in TERMINATORS and depth == 0:
            if c in ":：" and 0 < j < end - 1 and norm[j - 1].isdigit() and norm[j + 1].isdigit():
                continue  # a clock time, 9:00
            return j
    return end


def is_field_line(src: Source, start: int, end: int) -> bool:
    """A ``活动时间：…`` style line: a short label and a colon, not a sentence."""
    m = re.match(r"\s*[\u4e00-\u9fff]{2,6}\s*[:：]", src.norm[start:end])
    return m is not None


def next_content_line(src: Source, lines: list[tuple[int, int]], i: int, limit: int | None = None) -> int | None:
    """Index of the next line after ``i`` that is neither blank nor a bare page number."""
    limit = len(lines) if limit is None else limit
    for j in range(i + 1, limit):
        s, e = lines[j]
        t = src.norm[s:e].strip()
        if t and not PAGE_NUMBER.match(t):
            return j
    return None


def headline(src: Source, lines: list[tuple[int, int]], item_line: int, text_start: int,
             method: str, *, limit: int | None = None, join_max: int = 10) -> Found[str] | None:
    """The item's headline: its text up to the first 。；：, or the line end.

    A headline cut by a line or page break mid-phrase (``…并牵头组织`` /
    ``实施。``) is joined when the next line is not an item or a field line
    and finishes the phrase within ``join_max`` characters — a longer run
    means the line was a title without a full stop and the next line is
    body text.
    """
    norm = src.norm
    _, e = lines[item_line]
    if not norm[text_start:e].strip():  # "（一）" alone, its text on the next line (OCR)
        j = next_content_line(src, lines, item_line, limit)
        if j is None or parse_marker(src, *lines[j]) is not None or j - item_line > 3:
            return None
        item_line, (text_start, e) = j, lines[j]
    stop = segment_end(norm, text_start, e)
    if stop < e:
        return src.found(text_start, stop, method, strip="，,、 ")
    j = next_content_line(src, lines, item_line, limit)
    if j is not None:
        s2, e2 = lines[j]
        if parse_marker(src, s2, e2) is None and not is_field_line(src, s2, e2):
            stop2 = segment_end(norm, s2, e2)
            piece = norm[s2:stop2].strip()
            # a short title line ("（一）加强组织领导") is complete; a full-width
            # line was cut by the page, unless the rest is only a word or two
            wrapped = len(norm[lines[item_line][0]:e].strip()) >= 18
            if stop2 < e2 and 0 < len(piece) <= (join_max if wrapped else 4) \
                    and not re.search(r"[，,、]", piece):
                first = src.found(text_start, e, method)
                second = src.found(s2, stop2, method)
                if first and second:
                    return Found(first.value + second.value, first.start, second.end, method)
    return src.found(text_start, e, method, strip="，,、 ")
