"""Builders for the small inputs the ingest tests make at test time (nothing is shipped)."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

CJK_FONT = "STSong-Light"


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


@pytest.fixture
def canvas_pdf() -> Callable[..., bytes]:
    """``canvas_pdf(draw, **canvas_kwargs)``: a one-page A4 PDF drawn by ``draw(canvas)``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()

    def build(draw: Callable[[Any], None], **kwargs: Any) -> bytes:
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=A4, invariant=1, **kwargs)
        draw(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    return build


@pytest.fixture
def story_pdf() -> Callable[[list[Any]], bytes]:
    """``story_pdf(flowables)``: an A4 PDF laid out by reportlab platypus."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    _register_font()

    def build(story: list[Any]) -> bytes:
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
        return buf.getvalue()

    return build
