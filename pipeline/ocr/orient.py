"""Upright or upside down: a page-level vote of the 0°/180° text-line classifier.

Why a model and not a heuristic: layout cues (ragged right edges,
punctuation at the foot of the line) are weak on Chinese text -- paragraph
indents look like ragged left edges, quotation marks sit at the top of the
line and some fonts centre the full stop.  The PP-OCR line-direction
classifier shipped in the rapidocr wheel (0.6 MB) answers exactly this
question, and asking it about a dozen short crops of the page's text lines
costs ~20 ms, where running it on every detected line inside the OCR engine
(RapidOCR's ``use_cls``) costs a pass over the whole page and still leaves
the reading order upside down.
"""

from __future__ import annotations

import threading

import cv2
import numpy as np

_SESSION: object | None = None
_LOCK = threading.Lock()
CLS_H, CLS_W = 48, 192


def _session() -> object | None:
    """The onnxruntime session of the shipped classifier, or None when it is unavailable."""
    global _SESSION
    with _LOCK:
        if _SESSION is None:
            try:
                import onnxruntime as ort

                from pipeline.ocr.rapid import shipped_models

                opts = ort.SessionOptions()
                opts.intra_op_num_threads = 1
                opts.log_severity_level = 4
                _SESSION = ort.InferenceSession(str(shipped_models()["cls"]), sess_options=opts,
                                                providers=["CPUExecutionProvider"])
            except Exception:  # no model or no onnxruntime: orientation is then left as scanned
                _SESSION = False
        return _SESSION or None


def _norm(crop: np.ndarray) -> np.ndarray:
    h, w = crop.shape[:2]
    rw = min(CLS_W, max(1, int(np.ceil(CLS_H * w / h))))
    img = cv2.resize(crop, (rw, CLS_H), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    img = (img.transpose((2, 0, 1)) / 255.0 - 0.5) / 0.5
    out = np.zeros((3, CLS_H, CLS_W), np.float32)
    out[:, :, :rw] = img
    return out


def line_crops(gray: np.ndarray, bands: list[tuple[int, int, int, int]], limit: int = 16) -> list[np.ndarray]:
    """Short pieces (about four characters) of the given text lines (y0, y1, x0, x1) as RGB crops."""
    if not bands:
        return []
    step = max(1, len(bands) // limit)
    crops = []
    for y0, y1, x0, x1 in bands[::step][:limit]:
        h = y1 - y0
        pad = max(2, h // 5)
        ya, yb = max(0, y0 - pad), min(gray.shape[0], y1 + pad)
        width = 4 * (yb - ya)
        for start in (x0, (x0 + x1) // 2 - width // 2):
            xa, xb = max(0, start), min(gray.shape[1], start + width)
            if xb - xa > yb - ya:
                crop = gray[ya:yb, xa:xb]
                crops.append(np.repeat(crop[..., None], 3, axis=2))
    return crops


def upside_down_vote(gray: np.ndarray, bands: list[tuple[int, int, int, int]]) -> float | None:
    """Mean P(180°) - P(0°) over line crops: > 0 means the page is upside down; None = no model/no text."""
    crops = line_crops(gray, bands)
    sess = _session()
    if not crops or sess is None:
        return None
    batch = np.stack([_norm(c) for c in crops])
    name = sess.get_inputs()[0].name  # type: ignore[attr-defined]
    probs = sess.run(None, {name: batch})[0]  # type: ignore[attr-defined]
    return float(np.mean(probs[:, 1] - probs[:, 0]))
