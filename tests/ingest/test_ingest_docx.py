"""Word files: paragraphs and tables in printed order, merged cells once."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from pipeline.ingest.base import ReaderError
from pipeline.ingest.docx import DocxReader
from pipeline.model import Page


def read(data: bytes) -> list[Page]:
    return DocxReader().read(Path("x.docx"), data)


def build_notice() -> bytes:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph("喀左县发电")
    document.add_paragraph("")
    p = document.add_paragraph("喀左县人民政府办公室")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("2018年5月8日")
    document.add_paragraph("序号\t11")
    table = document.add_table(rows=3, cols=3)
    cells = [
        ["走访单位情况", "走访单位", "走访时间"],
        ["", "联系电话", "走访人员"],
        ["", "走访服务措施:", ""],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(2, 0))  # row label down the side
    table.cell(2, 1).merge(table.cell(2, 2))  # write-in area across
    document.add_paragraph("注：以上各项可附页填写。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_paragraphs_and_table_keep_body_order() -> None:
    [page] = read(build_notice())
    assert [ln.text for ln in page.lines] == [
        "喀左县发电",
        "喀左县人民政府办公室",
        "2018年5月8日",
        "序号 11",
        "走访单位情况\t走访单位\t走访时间",
        "\t联系电话\t走访人员",
        "\t走访服务措施:\t",
        "注：以上各项可附页填写。",
    ]
    assert all(ln.bbox is None for ln in page.lines)


def test_merged_cells_appear_once_in_page_tables() -> None:
    [page] = read(build_notice())
    assert page.tables == [
        [["走访单位情况", "走访单位", "走访时间"], ["", "联系电话", "走访人员"], ["", "走访服务措施:", ""]]
    ]


def test_not_a_zip_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="not a zip"):
        read("这不是Word文件".encode())


def test_zip_without_word_document_is_a_reader_error() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReaderError, match="not a readable .docx"):
        read(buf.getvalue())


def test_legacy_doc_is_named_in_the_error() -> None:
    with pytest.raises(ReaderError, match="legacy"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
