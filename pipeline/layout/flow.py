"""Pages of lines → one document text with a map back to page and box.

Why a separate stage: every extractor works on a single string, but every
value must point back at the page and box it was printed in.  This stage
decides the text (dropping page numbers and running headers, re-joining
paragraphs that a PDF or a scan wrapped at the page edge or split across a
page break) and records, for each line it kept, the character span it
occupies in that text (:class:`~pipeline.model.LineSpan`).

Re-flowing uses geometry only: a line is joined to the next one when it
reaches the right edge of the page's text block and does not end a
sentence.  Plain-text sources have no geometry and are kept as printed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from pipeline.model import BBox, Line, LineSpan, Page

PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－－一]{1,2}\s*\d{1,3}\s*[-—–－－一]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
SENTENCE_END = tuple("。！？；：:;!?」』”）)】")


@dataclass(frozen=True)
class FlowText:
    text: str
    spans: list[LineSpan]


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).rstrip()


def _is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER.match(text))


def _running_headers(pages: list[Page]) -> set[str]:
    """Texts printed as the first or last line of most pages (3+ pages only)."""
    if len(pages) < 3:
        return set()
    edge: Counter[str] = Counter()
    for p in pages:
        texts = [ln.text.strip() for ln in p.lines if ln.text.strip()]
        if texts:
            edge.update({texts[0], texts[-1]})
    limit = max(3, int(len(pages) * 0.6))
    return {t for t, n in edge.items() if n >= limit and len(t) < 40}


def _text_right_edge(page: Page) -> float | None:
    xs = sorted(ln.bbox[2] for ln in page.lines if ln.bbox is not None and "\t" not in ln.text)
    if len(xs) < 3:
        return None
    return xs[int(len(xs) * 0.9)]


def _char_width(line: Line) -> float:
    if line.bbox is None or not line.text:
        return 0.0
    return (line.bbox[2] - line.bbox[0]) / max(1, len(line.text))


def _continues(line: Line, right_edge: float | None) -> bool:
    """True when ``line`` runs to the text block's right edge mid-sentence."""
    if right_edge is None or line.bbox is None or "\t" in line.text:
        return False
    text = line.text.rstrip()
    if not text or text.endswith(SENTENCE_END):
        return False
    return line.bbox[2] >= right_edge - 1.5 * max(_char_width(line), 1.0)


def flow(pages: list[Page]) -> FlowText:
    """Concatenate pages into text + line spans (see module docstring)."""
    headers = _running_headers(pages)
    parts: list[str] = []
    spans: list[LineSpan] = []
    pos = 0
    glue_next = False
    for page in pages:
        right = _text_right_edge(page)
        for line in page.lines:
            text = _clean(line.text)
            if not text.strip() or _is_page_number(text) or text.strip() in headers:
                continue
            if parts and not glue_next:
                parts.append("\n")
                pos += 1
            elif glue_next:
                text = text.lstrip()
            bbox: BBox | None = line.bbox
            spans.append(LineSpan(pos, pos + len(text), page.number, bbox, line.confidence))
            parts.append(text)
            pos += len(text)
            glue_next = _continues(line, right)
    return FlowText("".join(parts), spans)
