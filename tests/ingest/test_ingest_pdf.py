"""PDFs: Chinese text-layer lines with boxes, ruled tables as rows, and clear failures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.ingest.base import ReaderError
from pipeline.ingest.pdf import PdfReader, cluster_lines, line_text, text_layer_is_garbage
from pipeline.model import Page

TITLE = "关于开展朝阳市第十四届政务公开日活动的通知"
BODY = "各县（市）区人民政府，市政府各部门，市直各单位："
CONTACT = "联系电话：2630208"
CJK_FONT = "STSong-Light"  # registered by the conftest fixtures


def read(data: bytes) -> list[Page]:
    return PdfReader().read(Path("x.pdf"), data)


def draw_notice(c: Any) -> None:
    c.setFont(CJK_FONT, 18)
    c.drawCentredString(297, 760, TITLE)
    c.setFont(CJK_FONT, 14)
    c.drawString(72, 720, BODY)
    c.drawString(72, 696, CONTACT)


def test_text_round_trips_with_boxes_inside_the_page(canvas_pdf: Callable[..., bytes]) -> None:
    [page] = read(canvas_pdf(draw_notice))
    assert [ln.text for ln in page.lines] == [TITLE, BODY, CONTACT]
    assert page.width and page.height and not page.needs_ocr
    for ln in page.lines:
        assert ln.bbox is not None
        x0, top, x1, bottom = ln.bbox
        assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
    baseline = page.height - 760  # reportlab's y is from the bottom; boxes are top-down
    assert page.lines[0].bbox and page.lines[0].bbox[1] < baseline < page.lines[0].bbox[3]


def test_wide_gap_becomes_one_space_and_narrow_gaps_none(canvas_pdf: Callable[..., bytes]) -> None:
    def draw(c: Any) -> None:
        c.setFont(CJK_FONT, 14)
        c.drawString(72, 700, "联系人：杨清会")
        c.drawString(72 + 14 * 7 + 20, 700, "张明星")

    [page] = read(canvas_pdf(draw))
    assert [ln.text for ln in page.lines] == ["联系人：杨清会 张明星"]


def test_reportlab_table_becomes_page_table_and_tab_rows(story_pdf: Callable[[list[Any]], bytes]) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    style = ParagraphStyle("c", fontName=CJK_FONT, fontSize=11, leading=14, wordWrap="CJK")
    rows = [
        ["序号", "活动主题", "责任单位", "时间"],
        ["1", "“强化依法治水，携手共护母亲河”世界水日，中国水周主题活动", "县水利局", "4月"],
        ["2", "法治政府示范创建宣传", "县司法局", "4月"],
    ]
    table = Table([[Paragraph(c, style) for c in r] for r in rows], colWidths=[40, 160, 90, 50])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    story = [Paragraph("活动计划表如下：", style), table, Paragraph("以上安排如有调整另行通知。", style)]
    [page] = read(story_pdf(story))
    assert page.tables == [rows]  # the wrapped cell comes back as one string
    assert [ln.text for ln in page.lines] == [
        "活动计划表如下：",
        *("\t".join(r) for r in rows),
        "以上安排如有调整另行通知。",
    ]
    tops = [ln.bbox[1] for ln in page.lines if ln.bbox]
    assert tops == sorted(tops)


def test_page_without_text_needs_ocr(canvas_pdf: Callable[..., bytes]) -> None:
    [page] = read(canvas_pdf(lambda c: c.rect(100, 100, 300, 400, fill=1)))
    assert page.needs_ocr and page.lines == [] and page.width


def test_truncated_pdf_is_a_reader_error(canvas_pdf: Callable[..., bytes]) -> None:
    data = canvas_pdf(draw_notice)
    with pytest.raises(ReaderError, match="not a readable PDF"):
        read(data[: len(data) // 2])


def test_non_pdf_named_pdf_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="%PDF"):
        read("<html><body>不是PDF</body></html>".encode())


def test_encrypted_pdf_is_a_reader_error_mentioning_encryption(canvas_pdf: Callable[..., bytes]) -> None:
    with pytest.raises(ReaderError, match="encrypted"):
        read(canvas_pdf(draw_notice, encrypt="secret"))


def char(text: str, x0: float, top: float, size: float = 12.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + size, "top": top, "bottom": top + size, "size": size}


def test_mixed_sizes_on_one_baseline_form_one_line() -> None:
    chars = [char("二", 100, 101, 14), char("一", 86, 100, 16), char("正", 115, 103, 12), char("下", 86, 130)]
    assert [line_text(g) for g in cluster_lines(chars)] == ["一二正", "下"]


def test_latin_word_gap_is_a_space_but_cjk_tracking_is_not() -> None:
    latin = [
        char("I", 0, 0),
        {**char("C", 0, 0), "x0": 8.0, "x1": 16.0},
        {**char("P", 0, 0), "x0": 20.0, "x1": 28.0},
    ]
    assert line_text(latin) == "IC P"
    cjk = [char("通", 0, 0), char("知", 14, 0), char("如", 40, 0)]
    assert line_text(cjk) == "通知 如"


@pytest.mark.parametrize(
    ("texts", "garbage"),
    [
        (["(cid:12)", "(cid:34)", "(cid:56)", "通"], True),
        (["\ue001", "\ue002", "\ue003"], True),
        (["\ufffd"] * 5 + ["a"], True),
        (["—", "·", "…", "—"], True),
        ([], True),
        (list("关于开展活动的通知 2020"), False),
    ],
)
def test_text_layer_quality(texts: list[str], garbage: bool) -> None:
    assert text_layer_is_garbage([char(t, i * 12.0, 0) for i, t in enumerate(texts)]) is garbage


def test_scan_with_only_a_stamped_page_number_needs_ocr(canvas_pdf: Callable[..., bytes]) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    scan = Image.new("L", (60, 85), color=200)

    def draw(c: Any) -> None:
        c.drawImage(ImageReader(scan), 0, 0, width=595, height=842)
        c.setFont(CJK_FONT, 12)
        c.drawCentredString(297, 40, "— 3 —")

    [page] = read(canvas_pdf(draw))
    assert page.needs_ocr and page.lines == []
