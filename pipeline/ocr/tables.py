"""Ruled grids on a page image: telegram header forms and tables, as cells.

Why from the rulings and not from text positions: in a ruled form the lines
*are* the structure -- a 明传电报 header has rows with different column
boundaries, table cells wrap their text over several lines, and cells may be
empty.  Long straight runs of ink are kept by morphological opening with
long thin kernels (characters have no strokes that long); the enclosed
white regions between the rulings are the cells, which handles spanning
cells and per-row column layouts without reconstructing a global grid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np


@dataclass(frozen=True)
class Cell:
    x0: int
    y0: int
    x1: int
    y1: int

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass
class TableGrid:
    bbox: tuple[int, int, int, int]
    #: cells grouped into rows (top to bottom), each row left to right
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def cells(self) -> list[Cell]:
        return [c for row in self.rows for c in row]


def ruling_masks(gray: np.ndarray, dpi: float = 200.0) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal, vertical) ruling masks (uint8 0/255) of a grey page."""
    ink = (gray < 170).astype(np.uint8) * 255
    mm = dpi / 25.4
    h_len = max(15, int(25 * mm))  # no character stroke is 25 mm wide
    v_len = max(15, int(7.5 * mm))  # rows can be 9 mm high; 16-pt strokes are < 6 mm
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (h_len, 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, v_len)))
    return horiz, vert


def _group_rows(cells: list[Cell], tol: float) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for c in sorted(cells, key=lambda c: (c.y0, c.x0)):
        if rows and abs(rows[-1][0].y0 - c.y0) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [sorted(r, key=lambda c: c.x0) for r in rows]


def find_tables(gray: np.ndarray, dpi: float = 200.0) -> list[TableGrid]:
    """Ruled grids with at least two cells, top to bottom."""
    horiz, vert = ruling_masks(gray, dpi)
    if not horiz.any() or not vert.any():
        return []
    grid = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((5, 5), np.uint8))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    min_cell = max(8, int(2.5 * dpi / 25.4))
    tables: list[TableGrid] = []
    for k in range(1, n):
        x, y, w, h, _ = (int(v) for v in stats[k])
        if w < 20 * dpi / 25.4 or h < 2 * min_cell:
            continue
        region = (labels[y:y + h, x:x + w] == k).astype(np.uint8)
        if not horiz[y:y + h, x:x + w].any() or not vert[y:y + h, x:x + w].any():
            continue
        inside = (1 - region).astype(np.uint8)
        m, _, cstats, _ = cv2.connectedComponentsWithStats(inside, connectivity=4)
        cells = []
        for j in range(1, m):
            cx, cy, cw, ch, _ = (int(v) for v in cstats[j])
            touches = cx == 0 or cy == 0 or cx + cw >= w or cy + ch >= h
            if not touches and cw >= min_cell and ch >= min_cell:
                cells.append(Cell(x + cx, y + cy, x + cx + cw, y + cy + ch))
        if len(cells) >= 2:
            tables.append(TableGrid((x, y, x + w, y + h), _group_rows(cells, tol=min_cell)))
    return sorted(tables, key=lambda t: t.bbox[1])
