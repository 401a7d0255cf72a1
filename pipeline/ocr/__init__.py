"""OCR for pages without a text layer: scans as images or image-only PDF pages.

The run loop needs one call::

    from pipeline.ocr import OcrOptions, ocr_pages
    ocr_pages(doc, OcrOptions())   # fills page.lines/tables/size, doc.ocr_engine

Modules: ``base`` (engine interface, options, engine table), ``rapid`` /
``paddle`` (engines), ``images`` (decoding and PDF rendering with a
decompression-bomb guard), ``preprocess`` + ``orient`` + ``seal``
(resolution, orientation, skew, paper, red seals), ``tables`` (ruled grids),
``layout`` (boxes → lines, forms, table rows), ``stage`` (the stage),
``metrics`` (CER).
"""

from pipeline.ocr.base import (
    ENGINES,
    EngineUnavailableError,
    OcrBox,
    OcrEngine,
    OcrError,
    OcrOptions,
    UnknownEngineError,
    get_engine,
)
from pipeline.ocr.stage import ocr_image, ocr_pages

__all__ = [
    "ENGINES",
    "EngineUnavailableError",
    "OcrBox",
    "OcrEngine",
    "OcrError",
    "OcrOptions",
    "UnknownEngineError",
    "get_engine",
    "ocr_image",
    "ocr_pages",
]
