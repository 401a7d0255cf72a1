"""Engine table: known kinds, clear errors, one engine per configuration per process."""

from __future__ import annotations

import sys

import pytest

from pipeline.ocr.base import (
    ENGINES,
    EngineUnavailableError,
    OcrBox,
    OcrOptions,
    UnknownEngineError,
    clear_engine_cache,
    get_engine,
)


def test_unknown_engine_kind_names_the_known_engines() -> None:
    with pytest.raises(UnknownEngineError) as err:
        get_engine(OcrOptions(engine="tesseract"))
    msg = str(err.value)
    assert "tesseract" in msg
    for kind in ENGINES:
        assert kind in msg


def test_missing_paddleocr_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "paddleocr", None)  # import paddleocr → ImportError
    with pytest.raises(EngineUnavailableError, match=r"pip install '\.\[paddle\]'"):
        get_engine(OcrOptions(engine="paddleocr"))


def test_engines_are_built_once_per_configuration() -> None:
    clear_engine_cache()
    a = get_engine(OcrOptions())
    assert get_engine(OcrOptions()) is a
    assert get_engine(OcrOptions(deskew=False)) is a  # preprocessing options share the engine
    assert a.name == "rapidocr"


def test_ocrbox_rect_from_quad_or_rect() -> None:
    quad = OcrBox("x", ((10.0, 5.0), (50.0, 7.0), (49.0, 30.0), (9.0, 28.0)), 0.9)
    assert quad.rect == (9.0, 5.0, 50.0, 30.0)
    assert OcrBox("y", (1.0, 2.0, 3.0, 4.0), 1.0).rect == (1.0, 2.0, 3.0, 4.0)
