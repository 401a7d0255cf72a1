"""Character span of the document text → page, box and confidence.

The inverse of :func:`pipeline.layout.flow.flow`: given the span of an
extracted value, find the lines it overlaps and report the first page
they are on, the union of their boxes on that page, and the lowest OCR
confidence among them.  A value from a source without geometry gets a
page but no box.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from pipeline.model import BBox, LineSpan


@dataclass(frozen=True)
class Location:
    page: int | None
    bbox: BBox | None
    confidence: float


class Locator:
    def __init__(self, spans: list[LineSpan]):
        self._spans = spans
        self._starts = [s.char_start for s in spans]

    def locate(self, start: int, end: int) -> Location:
        if not self._spans:
            return Location(None, None, 1.0)
        i = max(0, bisect_right(self._starts, start) - 1)
        hits: list[LineSpan] = []
        while i < len(self._spans) and self._spans[i].char_start < max(end, start + 1):
            s = self._spans[i]
            if s.char_end > start or (s.char_start <= start < s.char_end + 1):
                hits.append(s)
            i += 1
        if not hits:
            return Location(None, None, 1.0)
        page = hits[0].page
        same = [h for h in hits if h.page == page]
        boxes = [h.bbox for h in same if h.bbox is not None]
        bbox: BBox | None = None
        if boxes:
            bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                    max(b[2] for b in boxes), max(b[3] for b in boxes))
        return Location(page, bbox, min(h.confidence for h in hits))
