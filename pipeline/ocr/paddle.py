"""Optional PaddleOCR engine, for sites that install Paddle (``pip install '.[paddle]'``).

Why optional: paddlepaddle is a large dependency and RapidOCR runs the same
PP-OCR model family on onnxruntime.  The import is lazy so the pipeline never
needs Paddle unless this engine is chosen, and a missing package is an error
that says how to install it.

PaddleOCR fetches its models on first use unless it is given local model
folders; pass them through ``OcrOptions.extra`` (e.g.
``("text_detection_model_dir", "/models/det")``) on machines that must not
download at run time.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pipeline.ocr.base import EngineUnavailableError, OcrBox, OcrOptions

INSTALL_HINT = "pip install '.[paddle]'"


def _import_paddleocr() -> Any:
    try:
        import paddleocr
    except ImportError as exc:
        raise EngineUnavailableError(
            f"the paddleocr engine needs the paddleocr and paddlepaddle packages, which are not "
            f"installed: {INSTALL_HINT} (or choose the default engine 'rapidocr')") from exc
    return paddleocr


class PaddleOcrEngine:
    name = "paddleocr"

    def __init__(self, options: OcrOptions):
        module = _import_paddleocr()
        kwargs = {k: v for k, v in options.extra if "." not in k}
        self._v3 = hasattr(module.PaddleOCR, "predict")
        if self._v3:  # PaddleOCR 3.x pipeline API
            self._ocr = module.PaddleOCR(
                lang="ch", use_doc_orientation_classify=False, use_doc_unwarping=False,
                use_textline_orientation=options.use_angle_cls, text_det_limit_type="max",
                text_det_limit_side_len=options.det_limit_side_len,
                text_det_box_thresh=options.det_box_thresh, text_det_unclip_ratio=options.det_unclip_ratio,
                text_rec_score_thresh=options.min_confidence, cpu_threads=options.n_threads, **kwargs)
        else:  # PaddleOCR 2.x
            self._ocr = module.PaddleOCR(
                lang="ch", use_angle_cls=options.use_angle_cls, show_log=False, det_limit_type="max",
                det_limit_side_len=options.det_limit_side_len, det_db_box_thresh=options.det_box_thresh,
                det_db_unclip_ratio=options.det_unclip_ratio, cpu_threads=options.n_threads,
                drop_score=options.min_confidence, **kwargs)

    def recognize(self, image: np.ndarray) -> list[OcrBox]:
        bgr = np.ascontiguousarray(image[..., ::-1])
        out: list[OcrBox] = []
        if self._v3:
            for res in self._ocr.predict(bgr):
                for text, score, poly in zip(res["rec_texts"], res["rec_scores"], res["rec_polys"]):
                    pts = tuple((float(x), float(y)) for x, y in np.asarray(poly).reshape(-1, 2)[:4])
                    out.append(OcrBox(str(text), pts, float(score)))  # type: ignore[arg-type]
            return out
        for page in self._ocr.ocr(bgr, cls=False) or []:
            for quad, (text, score) in page or []:
                pts = tuple((float(x), float(y)) for x, y in np.asarray(quad).reshape(-1, 2)[:4])
                out.append(OcrBox(str(text), pts, float(score)))  # type: ignore[arg-type]
        return out
