"""OCR boxes → printed lines in reading order, forms → ``key：value``, tables → tab rows.

Why here and not in the layout stage: only the OCR stage sees the page
image, and the structure that matters on a scanned notice is in the image
-- the ruled grid of a 明传电报 header pairs each key cell with the value cell
to its right, a ruled table groups wrapped cell text into rows.  Downstream
code reads ``key：value`` lines like printed ones and treats a line with
'\\t' as a table row, so that is what this module emits.

Steps: boxes that fall in ruled cells become cell text; other boxes on a
shared baseline are merged into lines; lines and grids are put in reading
order by a recursive XY cut that splits columns only when they really stand
side by side (government notices are single-column, a cut through a
signature block would scramble it); page numbers stay (the layout stage
drops "— N —").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.model import BBox, Line
from pipeline.ocr.base import OcrBox
from pipeline.ocr.metrics import levenshtein
from pipeline.ocr.tables import Cell, TableGrid

#: keys printed in the header grid of a 明传电报 form
TELEGRAM_KEYS = ("发电单位", "签批盖章", "签发盖章", "签批人", "签发人", "等级", "密级", "文号", "序号",
                 "收电单位", "发电机关")
_KEY_TRIM = re.compile(r"[\s:：]+")
#: marks the text of a round seal when seal text is kept (``OcrOptions.seal_text``)
SEAL_PREFIX = "【印章】"


def match_key(text: str) -> str | None:
    """The telegram key ``text`` reads as (one OCR slip allowed in four-character keys)."""
    t = _KEY_TRIM.sub("", text)
    if not t:
        return None
    for key in TELEGRAM_KEYS:
        if t == key or (len(key) >= 4 and len(t) == len(key) and levenshtein(t, key) <= 1):
            return key
    return None


def split_key(text: str) -> tuple[str, str] | None:
    """("等级", "特提") for a box that holds a key and its value run together, e.g. "等级 特提"."""
    t = text.strip()
    for key in TELEGRAM_KEYS:
        if t.startswith(key) and len(t) > len(key):
            return key, _KEY_TRIM.sub("", t[len(key):][:2]) + t[len(key):][2:].strip()
    return None


def pair_keys(cells: list[str]) -> list[str] | None:
    """Key/value lines from a row of cell texts with at least two telegram keys, else None."""
    keys = [match_key(c) for c in cells]
    if sum(k is not None for k in keys) < 2 and not (len(cells) == 2 and keys[0]):
        return None
    out: list[str] = []
    i = 0
    while i < len(cells):
        key = keys[i]
        if key is None:
            split = split_key(cells[i])
            if split:
                out.append(f"{split[0]}：{split[1]}")
            elif cells[i].strip():
                out.append(cells[i].strip())
            i += 1
            continue
        value = cells[i + 1].strip() if i + 1 < len(cells) and keys[i + 1] is None else ""
        if value:
            out.append(f"{key}：{value}")
        i += 2 if value or (i + 1 < len(cells) and keys[i + 1] is None) else 1
    return out


@dataclass
class Item:
    """A unit of reading order: a text line, or a whole grid with its already-built lines."""

    bbox: BBox
    lines: list[Line]
    segments: list[OcrBox] = field(default_factory=list)


def _union(rects: list[BBox]) -> BBox:
    return (min(r[0] for r in rects), min(r[1] for r in rects), max(r[2] for r in rects),
            max(r[3] for r in rects))


def _conf(boxes: list[OcrBox]) -> float:
    n = sum(max(1, len(b.text)) for b in boxes)
    return sum(b.confidence * max(1, len(b.text)) for b in boxes) / n if n else 1.0


def _join(boxes: list[OcrBox]) -> str:
    """Texts of boxes left to right; a gap wider than ~0.6 of the line height becomes a space."""
    parts: list[str] = []
    prev: BBox | None = None
    for b in boxes:
        r = b.rect
        if prev is not None and r[0] - prev[2] > 0.6 * (r[3] - r[1]):
            parts.append(" ")
        parts.append(b.text.strip())
        prev = r
    return "".join(parts)


def group_lines(boxes: list[OcrBox], max_gap: float = 3.0) -> list[list[OcrBox]]:
    """Boxes sharing a baseline (vertical overlap ≥ half the smaller height), left to right.

    A box joins a line only if the horizontal gap to it is under
    ``max_gap`` line heights, so text in side-by-side columns stays apart.
    """
    lines: list[list[OcrBox]] = []
    for b in sorted(boxes, key=lambda b: (b.rect[1], b.rect[0])):
        r = b.rect
        h = r[3] - r[1]
        best = None
        for line in lines:
            lr = _union([x.rect for x in line])
            overlap = min(r[3], lr[3]) - max(r[1], lr[1])
            if overlap < 0.5 * min(h, lr[3] - lr[1]):
                continue
            gap = max(r[0] - lr[2], lr[0] - r[2])
            if gap <= max_gap * max(h, lr[3] - lr[1]):
                best = line
                break
        if best is None:
            lines.append([b])
        else:
            best.append(b)
    return [sorted(line, key=lambda b: b.rect[0]) for line in lines]


def _gaps(items: list[Item], axis: int) -> list[tuple[float, float]]:
    """Empty intervals between the items' projections on ``axis`` (0 = x, 1 = y)."""
    spans = sorted((it.bbox[axis], it.bbox[axis + 2]) for it in items)
    gaps, end = [], spans[0][1]
    for a, b in spans[1:]:
        if a > end:
            gaps.append((end, a))
        end = max(end, b)
    return gaps


def xy_cut(items: list[Item], char: float) -> list[Item]:
    """Reading order: columns (only true side-by-side ones) left to right, else top to bottom."""
    if len(items) <= 1:
        return items
    for a, b in sorted(_gaps(items, 0), key=lambda g: g[0] - g[1]):
        if b - a < 1.5 * char:
            break
        left = [it for it in items if it.bbox[2] <= a]
        right = [it for it in items if it.bbox[0] >= b]
        ly = (min(it.bbox[1] for it in left), max(it.bbox[3] for it in left))
        ry = (min(it.bbox[1] for it in right), max(it.bbox[3] for it in right))
        overlap = min(ly[1], ry[1]) - max(ly[0], ry[0])
        if len(left) >= 3 and len(right) >= 3 and overlap > 0.5 * min(ly[1] - ly[0], ry[1] - ry[0]):
            return xy_cut(left, char) + xy_cut(right, char)
    gaps = _gaps(items, 1)
    if gaps:
        a, b = max(gaps, key=lambda g: g[1] - g[0])
        top = [it for it in items if it.bbox[3] <= a]
        bottom = [it for it in items if it.bbox[1] >= b]
        return xy_cut(top, char) + xy_cut(bottom, char)
    return sorted(items, key=lambda it: (it.bbox[1], it.bbox[0]))


def _cell_of(box: OcrBox, cells: list[Cell]) -> Cell | None:
    r = box.rect
    cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
    return next((c for c in cells if c.contains(cx, cy)), None)


def grid_item(grid: TableGrid, boxes: list[OcrBox]) -> tuple[Item, list[list[str]] | None]:
    """A ruled grid's lines: ``key：value`` for a telegram form, else one tab row per table row."""
    by_cell: dict[Cell, list[OcrBox]] = {}
    for b in boxes:
        cell = _cell_of(b, grid.cells)
        if cell is not None:
            by_cell.setdefault(cell, []).append(b)

    def text(cell: Cell) -> str:
        return "".join(_join(line) for line in group_lines(by_cell.get(cell, [])))

    rows = [[text(c) for c in row] for row in grid.rows]
    lines: list[Line] = []
    telegram = sum(match_key(t) is not None for row in rows for t in row) >= 2
    table: list[list[str]] | None = None if telegram else []
    for row, cells in zip(grid.rows, rows):
        row_boxes = [b for c in row for b in by_cell.get(c, [])]
        bbox = _union([(c.x0, c.y0, c.x1, c.y1) for c in row])
        if telegram:
            for kv in pair_keys(cells) or [t for t in cells if t]:
                lines.append(Line(kv, bbox, _conf(row_boxes)))
        elif any(cells):
            lines.append(Line("\t".join(cells), bbox, _conf(row_boxes)))
            assert table is not None
            table.append(cells)
    x0, y0, x1, y1 = grid.bbox
    return Item((float(x0), float(y0), float(x1), float(y1)), lines), table


def line_item(boxes: list[OcrBox]) -> Item:
    """One merged text line; a line of form keys (unruled header) becomes key/value lines."""
    bbox = _union([b.rect for b in boxes])
    conf = _conf(boxes)
    texts = [b.text for b in boxes]
    pairs = pair_keys(texts) if len(boxes) > 1 else None
    if pairs:
        return Item(bbox, [Line(t, bbox, conf) for t in pairs], boxes)
    return Item(bbox, [Line(_join(boxes), bbox, conf)], boxes)


@dataclass
class PageLayout:
    lines: list[Line]
    tables: list[list[list[str]]]


def layout_page(boxes: list[OcrBox], grids: list[TableGrid] | None = None) -> PageLayout:
    """Lines in reading order (and the table cell texts) of one page's OCR boxes."""
    grids = grids or []
    items: list[Item] = []
    tables: list[list[list[str]]] = []
    free: list[OcrBox] = []
    in_grid: dict[int, list[OcrBox]] = {}
    for b in boxes:
        if not b.text.strip():
            continue
        r = b.rect
        cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
        k = next((i for i, g in enumerate(grids)
                  if g.bbox[0] <= cx <= g.bbox[2] and g.bbox[1] <= cy <= g.bbox[3]), None)
        if b.seal:
            items.append(Item(r, [Line(SEAL_PREFIX + b.text.strip(), r, b.confidence)], [b]))
        elif k is None:
            free.append(b)
        else:
            in_grid.setdefault(k, []).append(b)
    for k, grid in enumerate(grids):
        item, table = grid_item(grid, in_grid.get(k, []))
        if item.lines:
            items.append(item)
        if table:
            tables.append(table)
    items.extend(line_item(group) for group in group_lines(free))
    if not items:
        return PageLayout([], tables)
    heights = sorted(it.bbox[3] - it.bbox[1] for it in items if len(it.lines) == 1)
    char = heights[len(heights) // 2] if heights else 40.0
    ordered = xy_cut(items, char)
    return PageLayout([ln for it in ordered for ln in it.lines], tables)
