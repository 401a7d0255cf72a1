"""The per-document unit of work that every executor runs.

:func:`process_file` is a plain, picklable function of (path, root) that
returns a :class:`DocOutput`: the document's rows for every table plus
what the run summary needs — and nothing heavy (no file bytes, no page
images), so it crosses process and network boundaries cheaply and can be
cached as is.  The serial loop, the local worker pool and Dask all call
this same function, which is why their outputs are identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.convert import ConvertOptions, convert
from pipeline.model import ConversionResult, ErrorItem, Status
from pipeline.store.base import Row
from pipeline.store.rows import tables_for


@dataclass
class DocOutput:
    rel_path: str
    sha256: str
    status: str
    pages: int
    seconds: float
    errors: list[ErrorItem] = field(default_factory=list)
    tables: dict[str, list[Row]] = field(default_factory=dict)
    rss_mb: float = 0.0
    cached: bool = False  # the fragment cache already holds it (written where it was made)

    @property
    def doc_id(self) -> str:
        return self.sha256[:20]


def output_of(res: ConversionResult) -> DocOutput:
    return DocOutput(
        rel_path=res.doc.rel_path, sha256=res.doc.sha256, status=res.status.value,
        pages=len(res.doc.pages), seconds=res.seconds, errors=list(res.errors),
        tables=tables_for([res]),
    )


def process_file(path: str | Path, root: str | Path, options: ConvertOptions | None = None) -> DocOutput:
    """Convert one file and return its rows; never raises for a bad document."""
    return output_of(convert(Path(path), Path(root), options=options))


def failed_output(rel_path: str, sha256: str, stage: str, error_type: str, message: str) -> DocOutput:
    """The output of a document the executor itself had to give up on (timeout, crash)."""
    doc_id = sha256[:20]
    err = ErrorItem(stage, error_type, message)
    doc_row: Row = {"doc_id": doc_id, "source_path": rel_path, "source_sha256": sha256,
                    "status": Status.FAILURE.value, "pages": 0, "also_at": [], "attachments": [],
                    "slogans": [], "warnings": [f"{stage}: {message}"]}
    fail_row: Row = {"source_path": rel_path, "doc_id": doc_id, "stage": stage,
                     "error_type": error_type, "message": message}
    return DocOutput(rel_path, sha256, Status.FAILURE.value, 0, 0.0, [err],
                     {"documents": [doc_row], "failures": [fail_row]})
