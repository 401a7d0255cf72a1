"""Typed values that travel through the pipeline.

A source file becomes a :class:`WorkDoc`; each stage fills one slot of it
(``pages`` by ingest, ``text``/``line_spans`` by layout, ``record`` by
extraction).  The run loop turns a finished ``WorkDoc`` into a
:class:`ConversionResult` with a :class:`Status` and typed
:class:`ErrorItem` entries, the way docling reports a conversion.

Nothing here knows about parquet: the store package converts these
dataclasses into rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

BBox = tuple[float, float, float, float]
"""x0, y0 (top), x1, y1 (bottom) in page points (PDF) or pixels (images)."""


class Status(str, Enum):
    SUCCESS = "success"
    PARTIAL = "partial"
    FAILURE = "failure"


@dataclass(frozen=True)
class ErrorItem:
    """One thing that went wrong for one document, tagged with its stage."""

    stage: str
    error_type: str
    message: str


# ---------------------------------------------------------------- ingest


@dataclass
class Line:
    """One printed line of text; ``bbox`` is None where the format has no geometry."""

    text: str
    bbox: BBox | None = None
    confidence: float = 1.0


@dataclass
class Page:
    """One page of a source.  ``needs_ocr`` marks pages without a usable text layer."""

    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    width: float | None = None
    height: float | None = None
    needs_ocr: bool = False
    tables: list[list[list[str]]] = field(default_factory=list)


# ---------------------------------------------------------------- layout


@dataclass(frozen=True)
class LineSpan:
    """Where one line of ``WorkDoc.text`` came from: page, box, OCR confidence."""

    char_start: int
    char_end: int
    page: int
    bbox: BBox | None
    confidence: float


# ---------------------------------------------------------------- extraction


@dataclass(frozen=True)
class Found(Generic[T]):
    """An extracted value with the character span of ``WorkDoc.text`` it came from."""

    value: T
    start: int
    end: int
    method: str
    confidence: float = 1.0


@dataclass
class Activity:
    seq: int
    title: Found[str]
    form: str | None = None
    lead_units: str | None = None
    date_text: str | None = None
    location: str | None = None


@dataclass
class Deadline:
    date: Found[dt.date]
    time: str | None  # "HH:MM"
    task: str


@dataclass
class Contact:
    name: Found[str] | None
    phones: list[Found[str]] = field(default_factory=list)
    faxes: list[Found[str]] = field(default_factory=list)
    email: Found[str] | None = None


@dataclass
class Stat:
    metric: str
    value: Found[float]
    unit: str | None


@dataclass
class Record:
    """Everything extraction found in one document; ``None`` means not found."""

    kind: Found[str] | None = None
    event: Found[str] | None = None
    edition: Found[int] | None = None
    year: Found[int] | None = None
    title: Found[str] | None = None
    issuer: Found[str] | None = None
    issuer_mark: Found[str] | None = None  # 发文机关标志 / 发电 heading
    doc_number: Found[str] | None = None
    issue_date: Found[dt.date] | None = None
    signer: Found[str] | None = None
    urgency: Found[str] | None = None
    classification: Found[str] | None = None
    copy_number: Found[str] | None = None  # 份号
    serial: Found[str] | None = None  # telegram 序号
    recipients: Found[str] | None = None
    cc: Found[str] | None = None  # 抄送
    printer: Found[str] | None = None  # 印发机关
    print_date: Found[dt.date] | None = None
    theme: Found[str] | None = None
    period_start: Found[dt.date] | None = None
    period_end: Found[dt.date] | None = None
    attachments: list[Found[str]] = field(default_factory=list)
    slogans: list[Found[str]] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    stats: list[Stat] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- per document


@dataclass
class WorkDoc:
    """The document being converted; each stage fills its own slot."""

    path: Path
    rel_path: str
    source_format: str
    data: bytes
    sha256: str
    pages: list[Page] = field(default_factory=list)
    ocr_engine: str | None = None
    text: str = ""
    line_spans: list[LineSpan] = field(default_factory=list)
    glosses: list[tuple[int, str]] = field(default_factory=list)  # (offset, pinyin gloss) taken out of text
    record: Record | None = None
    errors: list[ErrorItem] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.sha256[:20]


@dataclass
class ConversionResult:
    """The outcome for one source file: what the writers persist."""

    doc: WorkDoc
    status: Status
    seconds: float = 0.0
    also_at: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[ErrorItem]:
        return self.doc.errors
