"""One file → one :class:`ConversionResult`: the stage loop and the document boundary.

Each stage has the same signature — it takes the :class:`WorkDoc` and
fills its own slot — and :func:`convert` runs them in a short loop.  The
loop is the document boundary: any exception a stage raises becomes an
:class:`ErrorItem` tagged with that stage, the document gets a status,
and the batch carries on.  Stages themselves never catch.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest import reader_for
from pipeline.layout.flow import flow
from pipeline.layout.glosses import regloss
from pipeline.model import ConversionResult, ErrorItem, Status, WorkDoc
from pipeline.ocr.base import OcrOptions


@dataclass(frozen=True)
class ConvertOptions:
    """Settings that change what a document converts to (part of the cache key)."""

    ocr: OcrOptions = field(default_factory=OcrOptions)

    def key(self) -> str:
        return repr(self.ocr)


Stage = Callable[[WorkDoc, ConvertOptions], None]


def ingest_stage(doc: WorkDoc, options: ConvertOptions) -> None:
    reader = reader_for(doc.path)
    doc.source_format = reader.name
    doc.pages = reader.read(doc.path, doc.data)


def ocr_stage(doc: WorkDoc, options: ConvertOptions) -> None:
    """Pages without a usable text layer get their lines from OCR of the page image."""
    if any(p.needs_ocr for p in doc.pages):
        from pipeline.ocr.stage import ocr_pages

        ocr_pages(doc, options.ocr)


def layout_stage(doc: WorkDoc, options: ConvertOptions) -> None:
    flowed = flow(doc.pages)
    doc.text = flowed.text
    doc.line_spans = flowed.spans
    doc.glosses = flowed.glosses


def extract_stage(doc: WorkDoc, options: ConvertOptions) -> None:
    from pipeline.extract.nlp import extract

    doc.record = regloss(extract(doc.text), doc.text, doc.glosses)


STAGES: tuple[tuple[str, Stage], ...] = (
    ("ingest", ingest_stage),
    ("ocr", ocr_stage),
    ("layout", layout_stage),
    ("extract", extract_stage),
)


def _status(doc: WorkDoc) -> Status:
    if not doc.text.strip():
        return Status.FAILURE
    return Status.PARTIAL if doc.errors else Status.SUCCESS


def convert(path: Path, root: Path, data: bytes | None = None,
            options: ConvertOptions | None = None) -> ConversionResult:
    """Convert one file; never raises for a bad document."""
    options = options or ConvertOptions()
    t0 = time.perf_counter()
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    suffix = path.suffix.lower()
    doc = WorkDoc(path=path, rel_path=rel, source_format=suffix.lstrip("."), data=b"", sha256="")
    try:
        doc.data = path.read_bytes() if data is None else data
        doc.sha256 = hashlib.sha256(doc.data).hexdigest()
    except OSError as exc:
        doc.sha256 = hashlib.sha256(f"unreadable:{rel}".encode()).hexdigest()
        doc.errors.append(ErrorItem("read", type(exc).__name__, str(exc)))
        return ConversionResult(doc, Status.FAILURE, time.perf_counter() - t0)
    for name, stage in STAGES:
        try:
            stage(doc, options)
        except Exception as exc:  # the document boundary: one bad file never stops a batch
            doc.errors.append(ErrorItem(name, type(exc).__name__, str(exc) or repr(exc)))
            break
    if doc.text and doc.record is None and not any(e.stage == "extract" for e in doc.errors):
        doc.errors.append(ErrorItem("extract", "NotRun", "extraction did not run"))
    return ConversionResult(doc, _status(doc), time.perf_counter() - t0)
