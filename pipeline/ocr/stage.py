"""The OCR stage: pages without a text layer get lines from their image.

Why the stage owns page images: a page that needs OCR may come from an
image file (one frame of a possibly multi-page TIFF) or from an image-only
PDF page; either way it is decoded or rendered one page at a time, so a
100-page scan never sits in memory whole.  Coordinates of the lines are
pixels of the *normalised* page image (200 dpi, upright, deskewed) and
``Page.width/height`` are set to that image's size, so boxes and page size
always agree.

Errors are raised, not recorded: the run loop turns an exception into an
ErrorItem at the document boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from pipeline.model import Line, Page, WorkDoc
from pipeline.ocr.base import OcrBox, OcrEngine, OcrOptions, get_engine
from pipeline.ocr.images import load_frame, render_pdf_page
from pipeline.ocr.layout import layout_page
from pipeline.ocr.preprocess import Prepared, prepare
from pipeline.ocr.script import harmonise_script
from pipeline.ocr.seal import unwrap_seal_text
from pipeline.ocr.tables import find_tables


@dataclass
class OcrPage:
    """Everything OCR made of one page image (the stage keeps lines, tables and size)."""

    lines: list[Line]
    tables: list[list[list[str]]]
    width: int
    height: int
    prepared: Prepared
    boxes: list[OcrBox] = field(default_factory=list)


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def page_image(doc: WorkDoc, page: Page, options: OcrOptions) -> tuple[np.ndarray, tuple[float, float] | None]:
    """RGB image of ``page`` and its dpi: a rendered PDF page, or a decoded image frame."""
    if is_pdf(doc.data):
        rgb, dpi = render_pdf_page(doc.data, page.number - 1, options.dpi, options.max_pixels)
        return rgb, (dpi, dpi)
    return load_frame(doc.data, page.number - 1, options.max_pixels)


def _scaled(box: OcrBox, fx: float) -> OcrBox:
    if len(box.box) == 4 and isinstance(box.box[0], tuple):
        quad = tuple((x * fx, y) for x, y in box.box)  # type: ignore[misc]
        return OcrBox(box.text, quad, box.confidence, box.seal)  # type: ignore[arg-type]
    x0, y0, x1, y1 = box.rect
    return OcrBox(box.text, (x0 * fx, y0, x1 * fx, y1), box.confidence, box.seal)


def squeeze_factor(prepared: Prepared, options: OcrOptions) -> float:
    """Horizontal scale that brings the page's typical characters down to ``squeeze_to`` px wide."""
    if options.squeeze_to <= 0 or prepared.text_height <= 0:
        return 1.0
    return min(1.0, max(0.5, options.squeeze_to / prepared.text_height))


def recognize(engine: OcrEngine, image: np.ndarray, squeeze: float = 1.0) -> list[OcrBox]:
    """Run the engine on ``image`` condensed horizontally by ``squeeze``; boxes in ``image`` pixels."""
    h, w = image.shape[:2]
    if abs(squeeze - 1.0) < 1e-3:
        return engine.recognize(image)
    sw = max(1, round(w * squeeze))
    small = cv2.resize(image, (sw, h), interpolation=cv2.INTER_AREA)
    return [_scaled(b, w / sw) for b in engine.recognize(small)]


def seal_boxes(prepared: Prepared, engine: OcrEngine, options: OcrOptions) -> list[OcrBox]:
    """Each seal's arc text, read from the unrolled rim, as one box flagged ``seal``."""
    out = []
    source = prepared.color if prepared.color is not None else prepared.image
    for s in prepared.seals:
        found = [b for b in engine.recognize(unwrap_seal_text(source, s)) if b.confidence >= options.min_confidence]
        if found:
            text = "".join(b.text for b in sorted(found, key=lambda b: b.rect[0]))
            conf = sum(b.confidence for b in found) / len(found)
            out.append(OcrBox(text, s.bbox, conf, seal=True))
    return out


def ocr_image(rgb: np.ndarray, dpi: tuple[float, float] | None, engine: OcrEngine,
              options: OcrOptions) -> OcrPage:
    """Preprocess, recognise and lay out one page image."""
    prepared = prepare(rgb, dpi, float(options.dpi), orientation=options.orientation,
                       deskew=options.deskew, seals=options.suppress_seals)
    boxes = [b for b in recognize(engine, prepared.image, squeeze_factor(prepared, options))
             if b.confidence >= options.min_confidence]
    if options.seal_text and prepared.seals:
        boxes += seal_boxes(prepared, engine, options)
    grids = find_tables(prepared.image[..., 0], float(options.dpi))
    result = layout_page(boxes, grids)
    h, w = prepared.image.shape[:2]
    return OcrPage(result.lines, result.tables, w, h, prepared, boxes)


def ocr_pages(doc: WorkDoc, options: OcrOptions | None = None) -> None:
    """OCR every page of ``doc`` with ``needs_ocr``; fills lines, tables, size and ``doc.ocr_engine``."""
    options = options or OcrOptions()
    todo = [p for p in doc.pages if p.needs_ocr]
    if not todo:
        return
    engine = get_engine(options)
    for page in todo:
        rgb, dpi = page_image(doc, page, options)
        result = ocr_image(rgb, dpi, engine, options)
        del rgb
        page.lines = result.lines
        page.tables = result.tables
        page.width, page.height = float(result.width), float(result.height)
        page.needs_ocr = False
    harmonise_script(todo)
    doc.ocr_engine = engine.name
