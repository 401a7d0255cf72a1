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
import unicodedata
from dataclasses import dataclass

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


_MIXED_BRACKETS = re.compile(r"([〔\[［(（])\s*(\d{4})\s*([〕\]］)）]{1,2})")


def fix_brackets(text: str) -> str:
    """``〔2018]`` / ``〔2018]〕`` → ``〔2018〕``: the recogniser often reads the closing
    六角括号 as ']' (or as both).

    A year in brackets is the 发文字号 pattern; a pair mixing 〔/〕 with another
    bracket is never printed, so it is made 〔〕 (consistent pairs of other
    brackets are left as printed).
    """

    def repl(m: re.Match[str]) -> str:
        a, year, b = m.groups()
        if "〔" in a or "〕" in b:
            return f"〔{year}〕" if (a == "〔") != (b == "〕") or len(b) > 1 else m.group(0)
        return m.group(0)

    return _MIXED_BRACKETS.sub(repl, text)


def match_key(text: str) -> str | None:
    """The telegram key ``text`` reads as (one OCR slip allowed in four-character keys)."""
    t = _KEY_TRIM.sub("", text)
    if not t:
        return None
    if t in TELEGRAM_KEYS:
        return t
    for key in TELEGRAM_KEYS:
        if len(key) >= 4 and len(t) == len(key) and levenshtein(t, key) <= 1:
            return key
    return None


_ANY_KEY = re.compile("|".join(sorted(TELEGRAM_KEYS, key=len, reverse=True)))


def _tokens(cells: list[str]) -> list[tuple[str, str | None, int]]:
    """(text, key or None, cell index) of a row: cells split at every form key they contain.

    The detector often runs a key and its neighbours together across a
    faint ruling ("等级 特提", "喀政办传〔2018〕11号序号"); the keys themselves are
    the reliable separators.
    """
    out: list[tuple[str, str | None, int]] = []
    for i, cell in enumerate(cells):
        t = cell.strip()
        key = match_key(t)
        if key or not t:
            out.append((t, key, i))
            continue
        pos = 0
        for m in _ANY_KEY.finditer(t):
            before = _KEY_TRIM.sub(" ", t[pos:m.start()]).strip()
            if before:
                out.append((before, None, i))
            out.append((m.group(0), m.group(0), i))
            pos = m.end()
        rest = _KEY_TRIM.sub(" ", t[pos:]).strip()
        if rest or pos == 0:
            out.append((rest, None, i))
    return out


def pair_keys(cells: list[str]) -> list[tuple[str, list[int]]] | None:
    """Key/value lines (with the indices of the cells each used) from a row of cell texts.

    None unless the row holds at least two telegram keys (or is exactly one
    key and its value): ordinary text rows are left alone.  A key whose
    value cell is empty says nothing and is dropped.
    """
    tokens = [tok for tok in _tokens(cells) if tok[0]]  # an empty cell says nothing
    n_keys = sum(key is not None for _, key, _ in tokens)
    if n_keys < 2 and not (len(cells) == 2 and match_key(cells[0])):
        return None
    out: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(tokens):
        text, key, cell = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if key is None:
            if text:
                out.append((text, [cell]))
            i += 1
        elif nxt is not None and nxt[1] is None:
            if nxt[0]:
                out.append((f"{key}：{nxt[0]}", sorted({cell, nxt[2]})))
            i += 2
        else:
            i += 1
    return out


@dataclass
class Item:
    """A unit of reading order: a text line, or a whole grid with its already-built lines."""

    bbox: BBox
    lines: list[Line]


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
    """The cell holding the box's centre; a centre on a ruling goes to the nearest cell."""
    r = box.rect
    cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
    inside = next((c for c in cells if c.contains(cx, cy)), None)
    if inside is not None or not cells:
        return inside

    def distance(c: Cell) -> float:
        return max(c.x0 - cx, 0.0, cx - c.x1) + max(c.y0 - cy, 0.0, cy - c.y1)

    return min(cells, key=distance)


def _advance(ch: str) -> float:
    """Relative printed width: full-width (CJK) characters 1, half-width digits and Latin ~0.55."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55


def split_at_rulings(box: OcrBox, cells: list[Cell]) -> list[OcrBox]:
    """A box the detector ran across a vertical ruling, cut into one box per cell it covers.

    Characters are placed by their printed widths (full-width 1, half-width
    ~0.55); a cut that lands within two characters of a form key's edge is
    moved onto that edge, which is exact for ``序号11`` or ``…11号序号``.
    """
    x0, y0, x1, y1 = box.rect
    h = y1 - y0
    margin = min(0.3 * h, (x1 - x0) / 4)  # the detector grows boxes past the ink ("unclip")
    r = (x0 + margin, y0, x1 - margin, y1)
    cy = (y0 + y1) / 2
    hits = sorted((c for c in cells if c.y0 <= cy <= c.y1 and min(r[2], c.x1) - max(r[0], c.x0) > 0.4 * h),
                  key=lambda c: c.x0)
    text = box.text.strip()
    if len(hits) < 2 or len(text) < 2:
        return [box]
    adv = [_advance(ch) for ch in text]
    scale = (r[2] - r[0]) / sum(adv)
    centres, x = [], r[0]
    for a in adv:
        centres.append(x + a * scale / 2)
        x += a * scale

    def cell_of(xc: float) -> int:
        return min(range(len(hits)), key=lambda k: 0.0 if hits[k].x0 <= xc <= hits[k].x1 else
                   min(abs(xc - hits[k].x0), abs(xc - hits[k].x1)))

    owner = [cell_of(xc) for xc in centres]
    edges = {e for key in TELEGRAM_KEYS for m in re.finditer(re.escape(key), text) for e in (m.start(), m.end())}
    for i in range(1, len(text)):
        if owner[i] != owner[i - 1]:
            near = [e for e in edges if 0 < e < len(text) and abs(e - i) <= 2]
            if near:
                e = min(near, key=lambda e: abs(e - i))
                lo, hi = owner[i - 1], owner[i]
                owner = [lo if j < e and owner[j] in (lo, hi) else hi if j >= e and owner[j] in (lo, hi)
                         else owner[j] for j in range(len(text))]
    pieces = []
    for k, cell in enumerate(hits):
        chars = "".join(ch for ch, o in zip(text, owner) if o == k)
        if chars.strip():
            pieces.append(OcrBox(chars, (max(r[0], cell.x0), r[1], min(r[2], cell.x1), r[3]), box.confidence))
    return pieces or [box]


def grid_item(grid: TableGrid, boxes: list[OcrBox]) -> tuple[Item, list[list[str]] | None]:
    """A ruled grid's lines: ``key：value`` for a telegram form, else one tab row per table row."""
    def assign(items: list[OcrBox]) -> dict[Cell, list[OcrBox]]:
        out: dict[Cell, list[OcrBox]] = {}
        for b in items:
            cell = _cell_of(b, grid.cells)
            if cell is not None:
                out.setdefault(cell, []).append(b)
        return out

    def text(cell: Cell) -> str:
        return "".join(_join(line) for line in group_lines(by_cell.get(cell, [])))

    by_cell = assign(boxes)
    rows = [[text(c) for c in row] for row in grid.rows]
    # a form: keys split the text (see _tokens); a table: boxes are cut at the rulings
    telegram = sum(len(_ANY_KEY.findall(t)) for row in rows for t in row) >= 2
    if not telegram:
        by_cell = assign([piece for b in boxes for piece in split_at_rulings(b, grid.cells)])
        rows = [[text(c) for c in row] for row in grid.rows]
    lines: list[Line] = []
    table: list[list[str]] | None = None if telegram else []
    for row, cells in zip(grid.rows, rows):
        row_boxes = [b for c in row for b in by_cell.get(c, [])]
        bbox = _union([(c.x0, c.y0, c.x1, c.y1) for c in row])
        if telegram:
            pairs = pair_keys(cells)
            if pairs is None:
                pairs = [(t, [k]) for k, t in enumerate(cells) if t]
            for kv, used in pairs:
                kv_boxes = [b for k in used for b in by_cell.get(row[k], [])]
                kv_bbox = _union([b.rect for b in kv_boxes]) if kv_boxes else bbox
                lines.append(Line(kv, kv_bbox, _conf(kv_boxes)))
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
    # an unruled header: several boxes that *start* with a form key (body text that merely
    # mentions 等级 or 序号 must not be split)
    starts = sum(1 for t in texts if _ANY_KEY.match(t.strip()) or match_key(t))
    pairs = pair_keys(texts) if len(boxes) > 1 and (starts >= 2 or match_key(texts[0])) else None
    if pairs:
        return Item(bbox, [Line(t, _union([boxes[k].rect for k in used]), _conf([boxes[k] for k in used]))
                           for t, used in pairs])
    return Item(bbox, [Line(_join(boxes), bbox, conf)])


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
        b = OcrBox(fix_brackets(b.text), b.box, b.confidence, b.seal)
        r = b.rect
        cx, cy = (r[0] + r[2]) / 2, (r[1] + r[3]) / 2
        k = next((i for i, g in enumerate(grids)
                  if g.bbox[0] <= cx <= g.bbox[2] and g.bbox[1] <= cy <= g.bbox[3]), None)
        if b.seal:
            items.append(Item(r, [Line(SEAL_PREFIX + b.text.strip(), r, b.confidence)]))
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
