"""Activity tables: tab-separated rows under a header naming the activity columns.

Plans often attach a 计划表 / 安排表 — a header naming 序号 / 活动主题 / 活动形式 /
责任单位 / 时间 / 地点, then one row per activity.  A row wrapped by the
layout (no 序号 of its own) continues the row above; a header repeated on
the next page, a running title between table pages and page numbers are
skipped.  Each row gives a title and the cells of the other named columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.outline import PAGE_NUMBER
from pipeline.extract.source import Source
from pipeline.model import Found

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
class TableRow:
    """One activity row: its title and the other named cells (form, lead, time, location)."""

    title: Found[str]
    fields: dict[str, str]


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


def table_rows(src: Source, lines: list[tuple[int, int]]) -> list[TableRow]:
    """Every row of every activity table, in document order."""
    out: list[TableRow] = []
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
                out: list[TableRow]) -> int:
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
