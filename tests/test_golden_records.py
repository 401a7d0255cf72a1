"""Golden records: the extracted record of every sample-archive file, per format, must not drift.

An intended change of output is accepted by regenerating the goldens
(``make golden``) and reviewing the diff of ``tests/golden/records/``.
Regeneration is refused under CI, so CI can only ever compare.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from pipeline.convert import convert
from pipeline.store.rows import child_rows, document_row

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
GOLDEN = REPO / "tests" / "golden" / "records"
REGEN = os.environ.get("NOTICES_REGEN_GOLDEN") == "1"
FORMAT_DIRS = ("txt", "pdf", "html", "docx", "web")

if REGEN and os.environ.get("CI"):
    raise pytest.UsageError("golden regeneration (NOTICES_REGEN_GOLDEN=1) is refused under CI")

DROP = {"text", "source_sha256", "doc_id", "pipeline_version", "also_at", "warnings"}


def _plain(v: Any) -> Any:
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def record_of(path: Path) -> dict[str, Any]:
    res = convert(path, RAW)
    doc = {k: _plain(v) for k, v in document_row(res).items() if k not in DROP}
    children = {
        name: [{k: _plain(v) for k, v in row.items() if k != "doc_id"} for row in rows]
        for name, rows in child_rows(res).items()
    }
    return {"document": doc, **children}


FILES = sorted(p for d in FORMAT_DIRS for p in (RAW / d).glob("*") if p.is_file())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(RAW).as_posix())
def test_extracted_record_matches_golden(path: Path) -> None:
    rel = path.relative_to(RAW).as_posix()
    golden = GOLDEN / f"{rel}.json"
    got = record_of(path)
    if REGEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return
    assert golden.exists(), f"no golden for {rel}: run `make golden` and review the new file"
    want = json.loads(golden.read_text(encoding="utf-8"))
    for key in want["document"]:
        assert got["document"].get(key) == want["document"][key], f"{rel}: documents.{key}"
    for table in ("activities", "deadlines", "contacts", "stats"):
        assert got[table] == want[table], f"{rel}: {table}"
