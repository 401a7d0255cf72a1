"""The OCR engine interface, its options, and the one table of known engines.

Why an interface: the pipeline needs text lines with boxes and confidences,
not any one library's result object.  An engine turns one RGB page image into
:class:`OcrBox` values; everything around it (page images, preprocessing,
line layout) is engine-independent, so swapping RapidOCR for PaddleOCR is
one option value.

Loading a model costs far more than recognising a page (ONNX session set-up,
graph optimisation), so :func:`get_engine` builds each engine configuration
once per process and hands the same instance to every document.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]
Rect = tuple[float, float, float, float]


@dataclass(frozen=True)
class OcrBox:
    """One recognised text box; ``box`` is a 4-point quad (clockwise from top-left) or x0,y0,x1,y1."""

    text: str
    box: Quad | Rect
    confidence: float
    #: the text of a round seal (stamp), recognised separately from the body
    seal: bool = False

    @property
    def rect(self) -> Rect:
        """Axis-aligned bounds in pixels, whatever form ``box`` has."""
        if len(self.box) == 4 and isinstance(self.box[0], tuple):
            xs = [p[0] for p in self.box]  # type: ignore[index]
            ys = [p[1] for p in self.box]  # type: ignore[index]
            return (min(xs), min(ys), max(xs), max(ys))
        x0, y0, x1, y1 = self.box  # type: ignore[misc]
        return (float(x0), float(y0), float(x1), float(y1))


class OcrEngine(Protocol):
    #: short name recorded in ``WorkDoc.ocr_engine``
    name: str

    def recognize(self, image: np.ndarray) -> list[OcrBox]:
        """Text boxes of an RGB uint8 image (H x W x 3), coordinates in its pixels."""
        ...


def _default_threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class OcrOptions:
    """How pages are OCR'd.  Frozen (hashable): engine-relevant fields key the engine cache."""

    engine: str = "rapidocr"
    #: resolution pages are rendered (PDF) or normalised (images) to before OCR
    dpi: int = 200
    #: onnxruntime intra-op threads; 0 = one per CPU core (at most 4)
    threads: int = 0
    #: detector input: the longer image side is scaled down to this many pixels
    det_limit_side_len: int = 960
    #: DB box score threshold; 0.3 keeps faint short text (page numbers, light copies)
    det_box_thresh: float = 0.3
    #: how far DB grows a text kernel into a box; taller boxes → narrower recogniser input
    det_unclip_ratio: float = 2.0
    #: line crops per recogniser call; 1 = no padding to the widest crop, a third less memory
    rec_batch_num: int = 1
    #: condense the page horizontally (boxes are mapped back) so that characters of the
    #: page's typical text height are at most this many pixels wide; 0 = never.  The
    #: recogniser's cost grows with line width at its fixed 48-px height, and 16-pt body text
    #: condensed to ~30 px reads as well; smaller text (tables) is left alone (NOTES-ocr.md)
    squeeze_to: int = 30
    #: the per-line 0/180 classifier; off because preprocessing fixes page orientation
    use_angle_cls: bool = False
    #: drop boxes whose recognition confidence is below this
    min_confidence: float = 0.5
    # preprocessing
    deskew: bool = True
    orientation: bool = True
    suppress_seals: bool = True
    #: OCR detected seals separately; their text becomes lines marked "【印章】"
    seal_text: bool = False
    #: refuse page images larger than this many pixels (decompression bombs)
    max_pixels: int = 120_000_000
    #: engine-specific settings passed through as (key, value): dotted RapidOCR config keys
    #: ("Det.thresh", 0.3) or PaddleOCR keyword arguments ("text_detection_model_dir", "/m/det")
    extra: tuple[tuple[str, object], ...] = field(default=())

    @property
    def n_threads(self) -> int:
        return self.threads if self.threads > 0 else _default_threads()

    def engine_key(self) -> tuple[object, ...]:
        """The fields that change the engine object (not the preprocessing)."""
        return (self.engine, self.n_threads, self.det_limit_side_len, self.det_box_thresh,
                self.det_unclip_ratio, self.rec_batch_num, self.use_angle_cls, self.extra)


class OcrError(RuntimeError):
    """OCR cannot run for this page or document."""


class UnknownEngineError(ValueError):
    """The configured engine kind is not in :data:`ENGINES`."""


class EngineUnavailableError(OcrError):
    """The engine's package is not installed."""


EngineFactory = Callable[[OcrOptions], OcrEngine]


def _rapidocr(options: OcrOptions) -> OcrEngine:
    from pipeline.ocr.rapid import RapidOcrEngine

    return RapidOcrEngine(options)


def _rapidocr_stock(options: OcrOptions) -> OcrEngine:
    from pipeline.ocr.rapid import RapidOcrStock

    return RapidOcrStock(options)


def _paddleocr(options: OcrOptions) -> OcrEngine:
    from pipeline.ocr.paddle import PaddleOcrEngine

    return PaddleOcrEngine(options)


#: every engine kind the pipeline knows; the option value ``OcrOptions.engine`` picks one
ENGINES: dict[str, EngineFactory] = {
    "rapidocr": _rapidocr,
    "rapidocr-stock": _rapidocr_stock,
    "paddleocr": _paddleocr,
}

_CACHE: dict[tuple[object, ...], OcrEngine] = {}
_LOCK = threading.Lock()


def get_engine(options: OcrOptions | None = None) -> OcrEngine:
    """The engine for ``options``, built on first use and cached for the process."""
    options = options or OcrOptions()
    factory = ENGINES.get(options.engine)
    if factory is None:
        raise UnknownEngineError(
            f"unknown OCR engine {options.engine!r}; known engines: {', '.join(sorted(ENGINES))}")
    key = options.engine_key()
    with _LOCK:
        engine = _CACHE.get(key)
        if engine is None:
            engine = factory(options)
            _CACHE[key] = engine
    return engine


def clear_engine_cache() -> None:
    """Forget built engines (tests and benchmarks that compare configurations)."""
    with _LOCK:
        _CACHE.clear()
