"""Plain text: every encoding Chinese archives use, and loud failure on non-text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.ingest.base import ReaderError
from pipeline.ingest.txt import TxtReader

NOTICE = "关于开展第十四届“5·15政务公开日”活动的通知\n\n各县（市）区人民政府：\n联系电话：2630208\n"
EXPECTED = ["关于开展第十四届“5·15政务公开日”活动的通知", "各县（市）区人民政府：", "联系电话：2630208"]
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def read(data: bytes) -> list[list[str]]:
    return [[ln.text for ln in p.lines] for p in TxtReader().read(Path("x.txt"), data)]


@pytest.mark.parametrize(
    "data",
    [
        NOTICE.encode("utf-8"),
        codecs.BOM_UTF8 + NOTICE.encode("utf-8"),
        NOTICE.encode("gb18030"),
        NOTICE.encode("gbk"),
        NOTICE.encode("utf-16"),  # Python writes a BOM
        codecs.BOM_UTF16_BE + NOTICE.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "utf16-le-bom", "utf16-be-bom"],
)
def test_encodings_decode_to_the_same_lines(data: bytes) -> None:
    assert read(data) == [EXPECTED]


def test_gb2312_text_with_gbk_only_characters_reads_via_gb18030() -> None:
    text = "喀左县发电 镕基 珺"  # 镕/珺 are outside GB2312 but in GBK
    assert read(text.encode("gbk")) == [[text]]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_line_breaks(newline: str) -> None:
    assert read(NOTICE.replace("\n", newline).encode("utf-8")) == [EXPECTED]


def test_form_feed_splits_pages_and_lines_have_no_box() -> None:
    pages = TxtReader().read(Path("x.txt"), "第一页\n正文\f第二页\f".encode())
    assert [p.number for p in pages] == [1, 2]
    assert [[ln.text for ln in p.lines] for p in pages] == [["第一页", "正文"], ["第二页"]]
    assert all(ln.bbox is None for p in pages for ln in p.lines)


def test_blank_lines_are_dropped_and_tab_rows_kept() -> None:
    assert read("序号\t活动主题\n\n  \n1\t法治宣传\n".encode()) == [["序号\t活动主题", "1\t法治宣传"]]


def test_empty_file_is_an_error() -> None:
    with pytest.raises(ReaderError, match="empty"):
        read(b"")


def test_whitespace_only_file_is_an_error() -> None:
    with pytest.raises(ReaderError, match="empty"):
        read(b" \r\n\t\n")


def test_png_named_txt_is_an_error() -> None:
    with pytest.raises(ReaderError):
        read(PNG + bytes(range(256)))


def test_control_character_soup_is_an_error() -> None:
    with pytest.raises(ReaderError):
        read(bytes(range(1, 32)) * 20)
