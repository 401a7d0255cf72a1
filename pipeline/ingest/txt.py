"""Plain-text notices: text copied out of PDFs, pages saved as text, OCR dumps.

Text files carry no geometry, so every Line has ``bbox=None``.  A form feed
is the only page marker plain text has (``pdftotext`` writes one per page),
so pages split there.  Blank lines are not printed lines and are left out;
tab characters are kept because tab-separated rows are how tables survive
in text exports, and the layout stage reads a '\\t' line as a table row.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.base import ReaderError
from pipeline.ingest.encoding import decode_text
from pipeline.model import Line, Page


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac exports) become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_to_pages(text: str) -> list[Page]:
    """Split decoded text into pages (on form feed) of non-blank lines."""
    chunks = normalise_newlines(text).split("\f")
    while len(chunks) > 1 and not chunks[-1].strip():
        chunks.pop()  # a trailing form feed does not start a page
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        lines = [
            Line(s) for s in (raw.strip(" \u3000\xa0\v\ufeff") for raw in chunk.split("\n")) if s.strip()
        ]
        pages.append(Page(number=number, lines=lines))
    return pages


class TxtReader:
    """Reader for ``.txt``: encoding detection, newline normalisation, form-feed pages."""

    name = "txt"
    suffixes: tuple[str, ...] = (".txt",)

    def read(self, path: Path, data: bytes) -> list[Page]:
        text, _codec = decode_text(data)
        pages = text_to_pages(text)
        if not any(p.lines for p in pages):
            raise ReaderError("empty file (no text)")
        return pages
