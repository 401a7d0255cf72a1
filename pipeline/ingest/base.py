"""The one interface every input format implements.

A reader turns the bytes of one file into pages of text lines (with boxes
where the format has geometry).  Readers never fetch anything, never run
scripts, and raise :class:`ReaderError` (or let a library error escape) on
bad input: the run loop catches it at the document boundary and records a
failure row, so a reader stays a plain function of its input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from pipeline.model import Page


class ReaderError(Exception):
    """The file cannot be read as the format its name claims."""


class Reader(Protocol):
    #: short name stored in documents.source_format
    name: str
    #: lower-case suffixes this reader handles, with the dot
    suffixes: tuple[str, ...]

    def read(self, path: Path, data: bytes) -> list[Page]:
        """Pages of the document; ``data`` is the file's bytes (already read)."""
        ...
