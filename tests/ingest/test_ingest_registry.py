"""The reader table: one place decides which formats the pipeline accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import READERS, SUPPORTED_SUFFIXES, UnsupportedFormat, reader_for
from pipeline.ingest.base import ReaderError


@pytest.mark.parametrize(
    ("name", "reader"),
    [("a.txt", "txt"), ("a.HTML", "html"), ("a.htm", "html"), ("a.Pdf", "pdf"), ("a.docx", "docx")],
)
def test_reader_for_matches_suffix_case_insensitively(name: str, reader: str) -> None:
    assert reader_for(Path(name)).name == reader


def test_unknown_suffix_raises_and_lists_known_suffixes() -> None:
    with pytest.raises(UnsupportedFormat) as info:
        reader_for(Path("notice.xls"))
    assert isinstance(info.value, ReaderError)
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in str(info.value)


def test_images_are_read_by_the_image_reader_for_ocr() -> None:
    for suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        assert reader_for(Path(f"scan{suffix}")).name == "image"


def test_suffixes_come_from_the_reader_table() -> None:
    assert SUPPORTED_SUFFIXES == {s for r in READERS for s in r.suffixes}
    assert len({r.name for r in READERS}) == len(READERS)
