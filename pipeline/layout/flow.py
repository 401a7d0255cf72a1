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
from dataclasses import dataclass, field

from pipeline.layout.glosses import Gloss, strip_glosses
from pipeline.model import BBox, Line, LineSpan, Page

PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－－一]{1,2}\s*\d{1,3}\s*[-—–－－一]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
# an outline item's marker: "3.", "2、", "（二）", "三、", "①" — not a figure such as "2.5万份"
_ITEM_START = re.compile(r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|"
                         r"[一二三四五六七八九十]{1,3}\s*、|[\u2460-\u2473])")
SENTENCE_END = tuple("。！？；：:;!?」』”）)】")


@dataclass(frozen=True)
class FlowText:
    text: str
    spans: list[LineSpan]
    glosses: list[Gloss] = field(default_factory=list)  # pinyin glosses taken out of ``text``


def _clean(text: str) -> str:
    """NFC and no trailing blanks."""
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


@dataclass(frozen=True)
class _Block:
    """The page's text block: left and right edges of ordinary (non-table) lines."""

    left: float
    right: float


def _text_block(pages: list[Page]) -> _Block | None:
    """The text block of the document's pages (pages of one document share margins).

    Measured over all pages together: a page of short lines (a slogan list,
    an attachment page) must not make its own short lines look full-width.
    """
    boxes = [ln.bbox for p in pages for ln in p.lines if ln.bbox is not None and "\t" not in ln.text]
    if len(boxes) < 3:
        return None
    xs0 = sorted(b[0] for b in boxes)
    xs1 = sorted(b[2] for b in boxes)
    return _Block(left=xs0[int(len(xs0) * 0.1)], right=xs1[int(len(xs1) * 0.9)])


def _char_width(line: Line) -> float:
    if line.bbox is None or not line.text:
        return 0.0
    return max(1.0, (line.bbox[2] - line.bbox[0]) / max(1, len(line.text)))


def _height(line: Line) -> float:
    return 0.0 if line.bbox is None else line.bbox[3] - line.bbox[1]


def _joins(a: Line, block_a: _Block | None, b: Line, block_b: _Block | None) -> bool:
    """True when ``b`` continues the paragraph that ``a`` wrapped at the right edge.

    ``a`` must run to the right edge of its text block from the left edge
    (so a long centred heading is not a wrapped line), must not end a
    sentence, and ``b`` must start at the left edge (an indented ``b``
    opens a new paragraph) in a similar font size.
    """
    if block_a is None or block_b is None or a.bbox is None or b.bbox is None:
        return False
    if "\t" in a.text or "\t" in b.text:
        return False
    text = a.text.rstrip()
    if not text or text.endswith(SENTENCE_END):
        return False
    cw_a, cw_b = _char_width(a), _char_width(b)
    if a.bbox[2] < block_a.right - 1.5 * cw_a or a.bbox[0] > block_a.left + 2.5 * cw_a:
        return False
    if b.bbox[0] > block_b.left + 0.8 * cw_b or _ITEM_START.match(b.text):
        return False  # an indented line, or a numbered item ("3.座谈交流。"), opens its own paragraph
    ha, hb = _height(a), _height(b)
    return abs(ha - hb) <= 0.25 * max(ha, hb, 1.0)


def flow(pages: list[Page]) -> FlowText:
    """Concatenate pages into text + line spans (see module docstring)."""
    headers = _running_headers(pages)
    kept: list[tuple[Line, Page, _Block | None]] = []
    blocks: dict[tuple[float | None, float | None], _Block | None] = {}
    for page in pages:  # pages of the same size share one text block
        size = (page.width, page.height)
        if size not in blocks:
            blocks[size] = _text_block([p for p in pages if (p.width, p.height) == size])
        block = blocks[size]
        for line in page.lines:
            text = line.text.strip()
            if text and not _is_page_number(text) and text not in headers:
                kept.append((line, page, block))
    parts: list[str] = []
    spans: list[LineSpan] = []
    glosses: list[Gloss] = []
    pos = 0
    for i, (line, page, block) in enumerate(kept):
        text = _clean(line.text)
        if i > 0:
            prev, _, prev_block = kept[i - 1]
            if _joins(prev, prev_block, line, block):
                text = text.lstrip()
            else:
                parts.append("\n")
                pos += 1
        text, found = strip_glosses(text)  # they break every word they sit in
        glosses += [(pos + offset, gloss) for offset, gloss in found]
        bbox: BBox | None = line.bbox
        spans.append(LineSpan(pos, pos + len(text), page.number, bbox, line.confidence))
        parts.append(text)
        pos += len(text)
    return FlowText("".join(parts), spans, glosses)
