"""Real OCR on rendered scans: accuracy against the stock engine, forms, tables, seals, end to end.

Each page is rendered and recognised once per module (fixtures), so the
module costs a handful of page OCRs (~15 s on 2 cores).
"""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image
from scan_fixtures import REDHEAD, TABLE, TELEGRAM

from pipeline.ingest.image import ImageReader
from pipeline.model import WorkDoc
from pipeline.ocr.base import OcrOptions, get_engine
from pipeline.ocr.layout import SEAL_PREFIX
from pipeline.ocr.metrics import cer
from pipeline.ocr.stage import OcrPage, ocr_image, ocr_pages

OPTIONS = OcrOptions()


def _ocr(page) -> OcrPage:  # type: ignore[no-untyped-def]
    return ocr_image(page.image, (200.0, 200.0), get_engine(OPTIONS), OPTIONS)


@pytest.fixture(scope="module")
def redhead(rs: ModuleType):  # type: ignore[no-untyped-def]
    page = rs.render_document(REDHEAD, "redhead", seed=3)[0]
    return page, _ocr(page)


@pytest.fixture(scope="module")
def telegram(rs: ModuleType):  # type: ignore[no-untyped-def]
    page = rs.render_document(TELEGRAM, "telegram", seed=4)[0]
    return page, _ocr(page)


def test_pipeline_cer_not_worse_than_stock_rapidocr(redhead) -> None:  # type: ignore[no-untyped-def]
    page, result = redhead
    stock = get_engine(OcrOptions(engine="rapidocr-stock"))
    raw = [b.text for b in stock.recognize(page.image)]
    ours = cer([ln.text for ln in result.lines], page.lines)
    theirs = cer(raw, page.lines)
    assert ours <= theirs
    assert ours < 0.03


def test_seal_is_suppressed_and_date_line_still_read(redhead) -> None:  # type: ignore[no-untyped-def]
    page, result = redhead
    assert len(result.prepared.seals) == 1
    texts = [ln.text.replace(" ", "") for ln in result.lines]
    assert "2023年4月6日" in texts
    assert "洞口县政务公开政务服务领导小组" in texts
    assert texts.index("洞口县政务公开政务服务领导小组") + 1 == texts.index("2023年4月6日")
    assert not any(t.startswith(SEAL_PREFIX) for t in texts)  # seal text is opt-in


def test_lines_have_boxes_in_page_pixels_and_confidences(redhead) -> None:  # type: ignore[no-untyped-def]
    _, result = redhead
    assert (result.width, result.height) == (1654, 2339)
    for ln in result.lines:
        assert ln.bbox is not None
        x0, y0, x1, y1 = ln.bbox
        assert 0 <= x0 < x1 <= result.width and 0 <= y0 < y1 <= result.height
        assert 0.5 <= ln.confidence <= 1.0


def test_telegram_header_grid_becomes_key_values(telegram) -> None:  # type: ignore[no-untyped-def]
    _, result = telegram
    texts = [ln.text for ln in result.lines]
    for expected in ("发电单位：喀左县人民政府办公室", "签批盖章：徐广强", "等级：特提",
                     "文号：喀政办传〔2018〕11号", "序号：11"):
        assert expected in texts
    assert texts.index("序号：11") < texts.index("各乡镇、街、区，县政府各部门：")


def test_ruled_table_becomes_tab_rows(rs: ModuleType) -> None:
    page = rs.render_document(TABLE, "fax", seed=6)[0]
    result = _ocr(page)
    rows = [ln.text for ln in result.lines if "\t" in ln.text]
    assert rows[0] == "序号\t活动主题\t活动形式\t责任单位\t计划开展时间"
    assert len(rows) == 5
    assert rows[2] == "2\t优化经济环境、提振消费信心\t现场宣传\t县市监局\t4月"
    assert len(result.tables) == 1 and [r[0] for r in result.tables[0]] == ["序号", "1", "2", "3", "4"]
    assert cer(rows, [g for g in page.lines if "\t" in g]) < 0.02


def test_seal_text_read_when_asked(redhead) -> None:  # type: ignore[no-untyped-def]
    page, _ = redhead
    opts = OcrOptions(seal_text=True)
    result = ocr_image(page.image, (200.0, 200.0), get_engine(opts), opts)
    seal = [ln.text[len(SEAL_PREFIX):] for ln in result.lines if ln.text.startswith(SEAL_PREFIX)]
    assert len(seal) == 1
    assert cer(seal[0], "洞口县政务公开政务服务领导小组") < 0.35


def test_ocr_pages_fills_a_multi_page_tiff_document(redhead, telegram, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    frames = [Image.fromarray(p.image).convert("L") for p, _ in (telegram, redhead)]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:], dpi=(200, 200), compression="jpeg")
    data = buf.getvalue()
    path = tmp_path / "scan.tif"
    doc = WorkDoc(path=path, rel_path=path.name, source_format="image", data=data, sha256="0" * 64)
    doc.pages = ImageReader().read(path, data)
    assert [p.needs_ocr for p in doc.pages] == [True, True]
    ocr_pages(doc, OPTIONS)
    assert doc.ocr_engine == "rapidocr"
    assert not any(p.needs_ocr for p in doc.pages)
    assert "签批盖章：徐广强" in [ln.text for ln in doc.pages[0].lines]
    assert cer([ln.text for ln in doc.pages[1].lines], redhead[0].lines) < 0.05
    assert doc.pages[1].width == 1654.0


def test_ocr_pages_renders_image_only_pdf_pages(telegram, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _ = telegram
    buf = io.BytesIO()
    Image.fromarray(page.image).save(buf, "PDF", resolution=200, quality=60)
    from pipeline.model import Page

    doc = WorkDoc(path=tmp_path / "t.pdf", rel_path="t.pdf", source_format="pdf", data=buf.getvalue(),
                  sha256="1" * 64, pages=[Page(number=1, needs_ocr=True, width=595.0, height=842.0)])
    ocr_pages(doc, OPTIONS)
    texts = [ln.text for ln in doc.pages[0].lines]
    assert "等级：特提" in texts and doc.pages[0].width == pytest.approx(1654, abs=2)
