"""Small archives for the normalisation tests: one notice written as txt, PDF, HTML and Word.

Everything is generated at test time (reportlab's built-in CID font, python-docx), so the
tests ship no binary fixtures and exercise the real readers before :func:`enrich` runs.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from xml.sax.saxutils import escape

FONT = "STSong-Light"


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n") if p.strip()]


def write_txt(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_pdf(path: Path, text: str) -> Path:
    """A text-layer PDF, one paragraph per line of ``text`` (CJK word wrap)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    style = ParagraphStyle("body", fontName=FONT, fontSize=14, leading=25, wordWrap="CJK")
    # the font's CMap has no U+00B7; its GB2312 middle dot extracts back as U+00B7
    story = [Paragraph(escape(p.replace("·", "\u30fb")), style) for p in paragraphs(text)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def write_html(path: Path, text: str) -> Path:
    """A saved web page: navigation and footer around the notice's paragraphs."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开</title></head>
<body><div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/xwzx">新闻中心</a></div>
<div class="content">{body}</div>
<div class="footer">版权所有 主办单位：政府办公室 网站地图</div></body></html>"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


def write_docx(path: Path, text: str) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs(text):
        d.add_paragraph(p)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path
