"""Activity tables: tab-separated rows under a header naming the activity columns.

Plans often attach a 计划表 / 安排表 — a header naming 序号 / 活动主题 / 活动形式 /
责任单位 / 时间 / 地点, then one row per activity.  A row wrapped by the
layout (no 序号 of its own) continues the row above; a header repeated on
the next page, a running title between table pages and page numbers are
skipped.  Each row gives a title and the cells of the other named columns.

Web pages copied as text often flatten a table to one cell per line (with
blank lines or a trailing ``|`` between cells): a run of short header cells
starting with 序号, then rows each opened by their number 1, 2, 3 …
(:func:`column_rows`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from pipeline.extract.lines import cell_spans, is_table_row
from pipeline.extract.outline import PAGE_NUMBER
from pipeline.extract.source import Source
from pipeline.model import Found

# Table columns: role → header keywords; a cell naming a unit, a time or a place is
# that column even when it also says 项目 or 主题 (项目负责单位).
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("seq", re.compile(r"^(?:序号|编号|序|号)$")),
    ("lead", re.compile(r"单位|部门|牵头|责任")),
    ("time", re.compile(r"时间|日期|月份")),
    ("location", re.compile(r"地点|场所|地址")),
    ("title", re.compile(r"名称|主题|项目|活动内容|^内容$|^活动$")),
    ("form", re.compile(r"形式|方式")),
]


@dataclass
class TableRow:
    """One activity row: its title and the other named cells (form, lead, time, location)."""

    title: Found[str]
    fields: dict[str, str]


PUNCT = re.compile(r"[\s\"“”‘’'《》〈〉()（）【】〔〕,，、。.;；:：!！?？·•…\-—]")


def bare(title: str) -> str:
    """A title for comparison: no punctuation, no parenthetical notes."""
    return PUNCT.sub("", re.sub(r"[(（][^()（）]*[)）]", "", title))


def restates(title: str, rows: list[str]) -> bool:
    """Whether a (bare) table row says the same as ``title`` (集中宣传活动 / 集中宣传咨询活动)."""
    key = bare(title)
    for r in rows:
        sm = difflib.SequenceMatcher(None, key, r)
        if sm.real_quick_ratio() >= 0.75 and sm.quick_ratio() >= 0.75 and sm.ratio() >= 0.75:
            return True
    return False


_TITLE_RANK = ("名称", "主题", "项目", "活动内容", "内容", "活动")
"""Which column holds the activity's name when several could: 活动主题 before 活动内容."""


def _header_roles(src: Source, cells: list[tuple[int, int]]) -> dict[int, str] | None:
    """Column index → role when the row is an activity-table header, else None."""
    roles: dict[int, str] = {}
    titles: list[tuple[int, int]] = []  # (rank, column) of every column that could hold the title
    for idx, (a, b) in enumerate(cells):
        t = re.sub(r"\s", "", src.norm[a:b])
        if not t:
            continue
        if len(t) > 10 and idx == 0 and re.search(r"(?:序号|编号)$", t):
            t = t[-2:]  # the table's title glued to its first header cell by the layout
        if len(t) > 10:
            return None
        for role, rx in _COLUMNS:
            if role == "title" and rx.search(t):
                titles.append((next(k for k, w in enumerate(_TITLE_RANK) if w in t), idx))
                break
            if role not in roles.values() and rx.search(t):
                roles[idx] = role
                break
    if not titles or len(roles) < 1:
        return None
    roles[min(titles)[1]] = "title"
    return roles


def table_rows(src: Source, lines: list[tuple[int, int]]) -> list[TableRow]:
    """Every row of every activity table (either layout), in document order."""
    rows = _tab_rows(src, lines) + column_rows(src, lines)
    return sorted(rows, key=lambda r: r.title.start)


def _tab_rows(src: Source, lines: list[tuple[int, int]]) -> list[TableRow]:
    out: list[TableRow] = []
    i = 0
    while i < len(lines):
        s, e = lines[i]
        roles = _header_roles(src, cell_spans(src, s, e)) if is_table_row(src.norm[s:e]) else None
        if roles is None:
            i += 1
            continue
        i = _read_table(src, lines, i, roles, out)
    return out


Span = tuple[int, int]
Row = list[list[Span]]
"""A table row: for every column, the pieces of text (one per printed line) it holds."""


def _read_table(src: Source, lines: list[tuple[int, int]], head: int, roles: dict[int, str],
                out: list[TableRow]) -> int:
    """Rows after the header at ``head`` → candidates; returns the first line after the table."""
    width = len(cell_spans(src, *lines[head]))
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
        if not is_table_row(t):
            nxt = next((j for j in range(i + 1, min(i + 4, len(lines)))
                        if src.norm[lines[j][0]:lines[j][1]].strip()), None)
            if nxt is not None and is_table_row(src.norm[lines[nxt][0]:lines[nxt][1]]):
                i += 1  # a running head or title between table pages
                continue
            break
        cells = cell_spans(src, s, e)
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


def _row_cand(src: Source, row: Row, roles: dict[int, str]) -> TableRow | None:
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
    return TableRow(title, fields)


# ------------------------------------------------------------ one cell per line

_SEQ_HEAD = re.compile(r"^(?:序号|编号)$")
_CELL_TRIM = " \t\u3000\r|｜"


def _cell_stream(src: Source, lines: list[tuple[int, int]]) -> list[Span]:
    """Every non-blank line as one cell, trimmed of spaces and ``|``; blank lines and page
    numbers (``- 3 -``) are skipped, a line of several cells (the other layout) is a ``(0, 0)`` break."""
    out: list[Span] = []
    for s, e in lines:
        t = src.text[s:e]
        if is_table_row(src.norm[s:e]):
            out.append((0, 0))  # a tabbed row belongs to the other reader
            continue
        a, b = s, e
        while a < b and src.text[a] in _CELL_TRIM:
            a += 1
        while b > a and src.text[b - 1] in _CELL_TRIM:
            b -= 1
        t = src.norm[a:b]
        if b > a and (t.isdigit() or not PAGE_NUMBER.match(t)):  # a bare number may be a 序号
            out.append((a, b))
    return out


def column_rows(src: Source, lines: list[tuple[int, int]]) -> list[TableRow]:
    """Rows of tables flattened to one cell per line: a 序号 header of short cells, then
    rows each opened by their number; a row's cells are taken in header order."""
    cells = _cell_stream(src, lines)
    out: list[TableRow] = []
    i = 0
    while i < len(cells):
        a, b = cells[i]
        if not _SEQ_HEAD.match(re.sub(r"\s", "", src.norm[a:b])):
            i += 1
            continue
        j = i + 1
        while j < len(cells) and j - i <= 10 and not _is_number(src, cells[j], 1):
            j += 1
        head = cells[i:j]
        roles = _header_roles(src, head) if j < len(cells) and len(head) >= 3 else None
        if roles is None or not all(_short_label(src, c) for c in head):
            i += 1
            continue
        i = _read_column_rows(src, cells, j, len(head), roles, out)
    return out


def _short_label(src: Source, c: Span) -> bool:
    t = src.norm[c[0]:c[1]]
    return 0 < len(t) <= 10 and not re.search(r"[。，,；;：:]", t)


def _is_number(src: Source, c: Span, n: int) -> bool:
    return c[1] > c[0] and re.sub(r"\s", "", src.norm[c[0]:c[1]]) == str(n)


def _read_column_rows(src: Source, cells: list[Span], start: int, width: int, roles: dict[int, str],
                      out: list[TableRow]) -> int:
    """Rows numbered 1, 2, 3 … from ``cells[start]``; returns the first cell after the table."""
    k, i = 1, start
    while i < len(cells) and _is_number(src, cells[i], k):
        nxt = i + width
        if not (nxt < len(cells) and _is_number(src, cells[nxt], k + 1)):
            # a wrapped or missing cell: the next number nearby closes the row
            found = next((j for j in range(i + 2, min(len(cells), i + 2 * width))
                          if _is_number(src, cells[j], k + 1)), None)
            nxt = found if found is not None else min(nxt, len(cells))
        row = cells[i:nxt]
        if (0, 0) in row:
            row = row[:row.index((0, 0))]
            nxt = i + len(row)
        cand = _row_cand(src, [[c] for c in row], roles)
        if cand:
            out.append(cand)
        k, i = k + 1, nxt
    return max(i, start + 1)
