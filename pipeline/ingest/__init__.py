"""Format readers: one table from file suffix to the reader that understands it.

The run loop asks :func:`reader_for` which reader handles a path and calls
``reader.read(path, data)``.  Keeping the registry a single tuple means a
new format is one line here and :data:`SUPPORTED_SUFFIXES` (used to decide
what counts as a source file) can never disagree with it.  Images are not
registered here: they go to the OCR stage.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.base import Reader, ReaderError
from pipeline.ingest.docx import DocxReader
from pipeline.ingest.html import HtmlReader
from pipeline.ingest.image import ImageReader
from pipeline.ingest.pdf import PdfReader
from pipeline.ingest.txt import TxtReader

READERS: tuple[Reader, ...] = (TxtReader(), HtmlReader(), PdfReader(), DocxReader(), ImageReader())

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(s for r in READERS for s in r.suffixes)


class UnsupportedFormat(ReaderError):
    """No reader is registered for the file's suffix."""


def reader_for(path: Path) -> Reader:
    """The reader for ``path`` by its (case-insensitive) suffix."""
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    known = ", ".join(sorted(SUPPORTED_SUFFIXES))
    raise UnsupportedFormat(
        f"unsupported file type {suffix or '(no suffix)'!r} for {path.name}; known: {known}"
    )


__all__ = [
    "READERS",
    "SUPPORTED_SUFFIXES",
    "DocxReader",
    "HtmlReader",
    "PdfReader",
    "Reader",
    "ReaderError",
    "TxtReader",
    "UnsupportedFormat",
    "reader_for",
]
