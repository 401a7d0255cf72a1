"""RapidOCR (PP-OCR models on onnxruntime) with the models shipped inside its wheel.

Why these settings (measured in ``bench/ocr_engines.py``, see NOTES-ocr.md):

* RapidOCR's stock call shrinks any page to 2000 px on the long side and then
  runs the text detector on that whole image (its ``limit_type=min`` never
  scales down).  Detection does not need 200-dpi detail, recognition does:
  we keep the page at full resolution for the line crops
  (``Global.max_side_len`` above any A4 page) and give the detector a
  copy at most 960 px long (``limit_type=max``).
* The 0/180 line classifier is skipped: preprocessing already turned the page
  upright, and on upright text the classifier can only make things worse.
* onnxruntime gets an explicit thread count and its CPU memory arena (the
  stock config disables it, which re-allocates every tensor per call).
* box threshold 0.3 keeps faint short text (page numbers); unclip ratio 2.0
  gives taller crops, i.e. narrower recogniser input; recogniser batch 1
  avoids padding every crop to the widest one and a third of the memory.

Model files are passed by path, so RapidOCR never tries to download
anything; a wheel without its models is a clear error, not a network call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from pipeline.ocr.base import EngineUnavailableError, OcrBox, OcrOptions

DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


def shipped_models() -> dict[str, Path]:
    """Paths of the det/rec/cls models inside the installed rapidocr wheel."""
    try:
        import rapidocr
    except ImportError as exc:
        raise EngineUnavailableError("the rapidocr engine needs the rapidocr and onnxruntime packages: "
                                     "pip install rapidocr onnxruntime") from exc
    root = Path(rapidocr.__file__).resolve().parent / "models"
    paths = {"det": root / DET_MODEL, "rec": root / REC_MODEL, "cls": root / CLS_MODEL}
    missing = [p.name for p in paths.values() if not p.is_file()]
    if missing:
        raise EngineUnavailableError(
            f"the installed rapidocr wheel does not ship {', '.join(missing)} in {root}; "
            "models are never downloaded at run time — install a rapidocr wheel that includes them")
    return paths


def _model_params(models: dict[str, Path]) -> dict[str, Any]:
    return {
        "Global.log_level": "error",
        "Det.model_path": str(models["det"]),
        "Rec.model_path": str(models["rec"]),
        "Cls.model_path": str(models["cls"]),
    }


def _boxes(result: Any) -> list[OcrBox]:
    """RapidOCR's output object → OcrBox list (empty pages give an output without boxes)."""
    boxes = getattr(result, "boxes", None)
    txts = getattr(result, "txts", None)
    scores = getattr(result, "scores", None)
    if boxes is None or txts is None or scores is None or len(txts) == 0:
        return []
    out = []
    for quad, text, score in zip(boxes, txts, scores):
        pts = tuple((float(x), float(y)) for x, y in np.asarray(quad).reshape(4, 2))
        out.append(OcrBox(str(text), pts, float(score)))  # type: ignore[arg-type]
    return out


def _bgr(image: np.ndarray) -> np.ndarray:
    """RapidOCR treats a 3-channel ndarray as BGR (OpenCV order); our interface is RGB."""
    if image.ndim == 2:
        image = np.repeat(image[..., None], 3, axis=2)
    return np.ascontiguousarray(image[..., ::-1])


class RapidOcrEngine:
    """The tuned default engine (see module docstring)."""

    name = "rapidocr"

    def __init__(self, options: OcrOptions):
        from rapidocr import RapidOCR

        params = _model_params(shipped_models())
        params.update({
            "Global.use_cls": options.use_angle_cls,
            "Global.text_score": options.min_confidence,
            "Global.max_side_len": 6000,
            "Det.limit_type": "max",
            "Det.limit_side_len": options.det_limit_side_len,
            "Det.box_thresh": options.det_box_thresh,
            "Det.unclip_ratio": options.det_unclip_ratio,
            "Rec.rec_batch_num": options.rec_batch_num,
            "EngineConfig.onnxruntime.intra_op_num_threads": options.n_threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
        })
        params.update({k: v for k, v in options.extra if "." in k})
        self._ocr = RapidOCR(params=params)

    def recognize(self, image: np.ndarray) -> list[OcrBox]:
        return _boxes(self._ocr(_bgr(image)))


class RapidOcrStock:
    """RapidOCR exactly as ``RapidOCR()`` configures itself: the baseline for benchmarks and tests."""

    name = "rapidocr-stock"

    def __init__(self, options: OcrOptions):
        from rapidocr import RapidOCR

        self._ocr = RapidOCR(params=_model_params(shipped_models()))

    def recognize(self, image: np.ndarray) -> list[OcrBox]:
        return _boxes(self._ocr(_bgr(image)))
