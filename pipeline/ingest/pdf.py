"""PDF notices with a text layer: lines with boxes, ruled tables as rows.

pdfplumber's own ``extract_text`` is tuned for Latin text, where spaces are
glyphs and words are short; Chinese has no spaces and a notice line is one
run of ideographs.  So lines are rebuilt here from the characters: cluster
on ``top`` (tolerance a third of the font size, so mixed sizes on one
baseline stay together), order by x, and insert a space only where the gap
is wide enough to be deliberate (a full character between ideographs, a
word gap next to Latin text).

Ruled tables (活动安排表, 登记表) are found with ``page.find_tables()``: the
characters inside a table are taken out of the running text and each table
row comes back as one Line of '\\t'-joined cells with the row's box, so the
text stays in reading order (top to bottom) and the layout stage can tell a
row from prose.

A page without a usable text layer — none at all, (cid:NN) glyphs without a
Unicode map, private-use or replacement characters, a scan carrying only a
stamped page number — is returned with ``needs_ocr=True`` and no lines: a
wrong text layer is worse than none because it would skip OCR.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.ingest.base import ReaderError
from pipeline.ingest.encoding import is_cjk, is_private_use, is_wide, join_wrapped
from pipeline.model import BBox, Line, Page

Char = dict[str, Any]

#: fraction of font size within which two characters share a line
LINE_TOLERANCE = 1 / 3
#: gap (in font sizes) that reads as a space between two ideographs / next to Latin text / between Latin
GAP_WIDE = 0.8
GAP_MIXED = 0.5
GAP_LATIN = 0.2


# ---------------------------------------------------------------- errors


def _describe(exc: BaseException) -> str:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    return f"{type(inner).__name__}: {inner}".rstrip(": ")


def _is_encryption_error(exc: BaseException) -> bool:
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
        return True
    text = f"{type(inner).__name__} {inner}".lower()
    return "password" in text or "encrypt" in text


def as_reader_error(exc: Exception) -> ReaderError:
    """A library failure turned into the message the failure row will carry."""
    if _is_encryption_error(exc):
        return ReaderError(f"encrypted PDF: {_describe(exc)}")
    return ReaderError(f"not a readable PDF: {_describe(exc)}")


# ---------------------------------------------------------------- text layer quality


def _bad_glyph(text: str) -> bool:
    return "(cid:" in text or any(is_private_use(ch) or ch == "\ufffd" or ord(ch) < 0x20 for ch in text)


def _letter(text: str) -> bool:
    return any(is_cjk(ch) or (ch.isascii() and ch.isalnum()) for ch in text)


def text_layer_is_garbage(chars: Sequence[Char]) -> bool:
    """True when the glyphs cannot be trusted as text (cid codes, PUA, no letters)."""
    visible = [c["text"] for c in chars if c["text"].strip()]
    if not visible:
        return True
    bad = sum(1 for t in visible if _bad_glyph(t))
    letters = sum(1 for t in visible if _letter(t))
    return bad > 0.3 * len(visible) or letters < 0.25 * len(visible)


def _image_cover(page: Any) -> float:
    """Fraction of the page area covered by images (a scan has ~1.0)."""
    area = float(page.width * page.height) or 1.0
    covered = 0.0
    for im in page.images:
        covered += max(0.0, float(im["x1"] - im["x0"])) * max(0.0, float(im["bottom"] - im["top"]))
    return min(1.0, covered / area)


def needs_ocr(page: Any, chars: Sequence[Char]) -> bool:
    """No text, untrustworthy text, or a scan whose only text is a stamp or page number."""
    if text_layer_is_garbage(chars):
        return True
    visible = sum(1 for c in chars if c["text"].strip())
    return visible < 20 and _image_cover(page) > 0.5


# ---------------------------------------------------------------- lines


def _size(c: Char) -> float:
    size = float(c.get("size") or 0.0)
    return size if size > 0 else max(1.0, float(c["bottom"] - c["top"]))


def cluster_lines(chars: Iterable[Char]) -> list[list[Char]]:
    """Group characters into visual lines by ``top``; each group sorted left to right."""
    groups: list[list[Char]] = []
    ref_top = 0.0
    ref_size = 0.0
    for c in sorted(chars, key=lambda c: (float(c["top"]), float(c["x0"]))):
        size = _size(c)
        if groups and abs(float(c["top"]) - ref_top) <= max(size, ref_size) * LINE_TOLERANCE:
            groups[-1].append(c)
            continue
        groups.append([c])
        ref_top, ref_size = float(c["top"]), size
    return [sorted(g, key=lambda c: float(c["x0"])) for g in groups]


def _gap_threshold(left: str, right: str, size: float) -> float:
    wide_l, wide_r = is_wide(left[-1]), is_wide(right[0])
    if wide_l and wide_r:
        return GAP_WIDE * size
    if wide_l or wide_r:
        return GAP_MIXED * size
    return GAP_LATIN * size


def line_text(chars: Sequence[Char]) -> str:
    """Text of one visual line; spaces only for space glyphs or deliberate gaps."""
    out: list[str] = []
    prev: Char | None = None
    pending_space = False
    for c in chars:
        text = c["text"]
        if not text.strip():
            pending_space = prev is not None
            continue
        if prev is not None:
            gap = float(c["x0"]) - float(prev["x1"])
            size = max(_size(prev), _size(c))
            if pending_space or gap > _gap_threshold(prev["text"], text, size):
                out.append(" ")
        out.append(text)
        prev, pending_space = c, False
    return "".join(out).strip()


def _bbox(chars: Sequence[Char]) -> BBox:
    return (
        min(float(c["x0"]) for c in chars),
        min(float(c["top"]) for c in chars),
        max(float(c["x1"]) for c in chars),
        max(float(c["bottom"]) for c in chars),
    )


def _inside(c: Char, box: Sequence[float]) -> bool:
    x = (float(c["x0"]) + float(c["x1"])) / 2
    y = (float(c["top"]) + float(c["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def chars_to_lines(chars: Sequence[Char]) -> list[Line]:
    lines = []
    for group in cluster_lines(chars):
        text = line_text(group)
        visible = [c for c in group if c["text"].strip()]
        if text and visible:
            lines.append(Line(text, bbox=_bbox(visible)))
    return lines


# ---------------------------------------------------------------- tables


def cell_text(chars: Sequence[Char], box: Sequence[float] | None) -> str:
    """A cell's text with its wrapped lines joined (no newline inside a cell)."""
    if box is None:
        return ""
    inside = [c for c in chars if _inside(c, box)]
    return join_wrapped([line_text(g) for g in cluster_lines(inside)])


def read_tables(page: Any, chars: Sequence[Char]) -> tuple[list[list[list[str]]], list[Line], list[BBox]]:
    """Ruled tables on the page: cell grids, one '\\t' Line per row, and their boxes."""
    grids: list[list[list[str]]] = []
    row_lines: list[Line] = []
    boxes: list[BBox] = []
    for table in page.find_tables():
        grid: list[list[str]] = []
        lines: list[Line] = []
        for row in table.rows:
            cells = [cell_text(chars, box) for box in row.cells]
            if not any(cells):
                continue
            grid.append(cells)
            lines.append(Line("\t".join(cells), bbox=tuple(float(v) for v in row.bbox)))  # type: ignore[arg-type]
        if not grid or max(len(r) for r in grid) < 2:
            continue  # a framed paragraph, not a table
        grids.append(grid)
        row_lines.extend(lines)
        boxes.append(tuple(float(v) for v in table.bbox))  # type: ignore[arg-type]
    return grids, row_lines, boxes


# ---------------------------------------------------------------- pages


def _has_overprint(chars: Sequence[Char]) -> bool:
    """Cheap test for fake-bold overprinting (same glyph drawn twice at one spot)."""
    seen: set[tuple[str, int, int]] = set()
    dup = 0
    for c in chars:
        key = (c["text"], round(c["x0"]), round(c["top"]))
        if key in seen:
            dup += 1
        seen.add(key)
    return dup > 0.02 * max(1, len(chars))


def _usable_chars(page: Any) -> list[Char]:
    """Characters after removing overprinted duplicates and rotated stray text (watermarks).

    pdfplumber's ``dedupe_chars`` costs about a third of a page's read
    time, so it only runs where a cheap check finds overprinting.
    """
    chars: list[Char] = list(page.chars)
    if _has_overprint(chars):
        try:
            chars = list(page.dedupe_chars().chars)
        except Exception:  # dedupe is a clean-up; a failure must not lose the page
            pass
    upright = [c for c in chars if c.get("upright", True)]
    return upright if len(upright) >= 0.7 * len(chars) else chars


def read_page(page: Any) -> Page:
    out = Page(number=int(page.page_number), width=float(page.width), height=float(page.height))
    chars = _usable_chars(page)
    if needs_ocr(page, chars):
        out.needs_ocr = True
        return out
    # ruled tables need ruling lines: skip the (costly) table finder on pages without any
    has_rules = bool(page.lines) or bool(page.rects)
    grids, row_lines, boxes = read_tables(page, chars) if has_rules else ([], [], [])
    loose = [c for c in chars if not any(_inside(c, b) for b in boxes)]
    lines = chars_to_lines(loose) + row_lines
    lines.sort(key=lambda ln: (ln.bbox[1], ln.bbox[0]) if ln.bbox else (0.0, 0.0))
    out.lines = lines
    out.tables = grids
    return out


class PdfReader:
    """Reader for ``.pdf``: text-layer lines with boxes; scans flagged for OCR."""

    name = "pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def read(self, path: Path, data: bytes) -> list[Page]:
        if b"%PDF-" not in data[:1024]:
            raise ReaderError("not a PDF (no %PDF header)")
        try:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                pages = []
                for p in pdf.pages:
                    pages.append(read_page(p))
                    p.close()  # drop pdfplumber's per-page object cache: long PDFs stay flat
        except ReaderError:
            raise
        except Exception as exc:  # pdfminer raises many unrelated types on damaged files
            raise as_reader_error(exc) from exc
        if not pages:
            raise ReaderError("not a readable PDF: no pages")
        return pages
