"""Small state files the review layer keeps under ``OUT/_state``.

* ``run.json`` — the input folder of the last run that wrote tables
  (``documents.source_path`` is relative to it, and the review app needs the
  source file to draw its pages), and the :func:`geometry_code` of that run:
  the review app re-creates the OCR-normalised page images, which only
  match the boxes when the same preprocessing code made both.
* ``corrections.json`` — the corrections log's (mtime, size) as of the last
  written tables.  The unchanged-archive fast path of ``pipeline.run`` writes
  nothing; it must not skip a run whose only change is a new correction.
  The stamp is first written as ``corrections.pending.json`` (before the
  tables) and renamed after the tables are in place, so a crash in between
  leaves the old stamp and the next run rewrites the tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import pipeline
from pipeline.review import corrections

STATE_DIR = "_state"
RUN_INFO = "run.json"
STAMP = "corrections.json"
PENDING_STAMP = "corrections.pending.json"
#: the modules that decide where an OCR box lies on the page image (render, resize, rotate, deskew)
GEOMETRY_MODULES = ("ocr/images.py", "ocr/preprocess.py", "ocr/orient.py", "ocr/base.py")


def _write_json(path: Path, body: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(body, f, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return body if isinstance(body, dict) else None


def geometry_code() -> str:
    """Hash of the page-normalising code: equal codes put a box on the same pixels."""
    root = Path(pipeline.__file__).parent
    h = hashlib.sha256()
    for rel in GEOMETRY_MODULES:
        try:
            h.update((root / rel).read_bytes())
        except OSError:
            h.update(rel.encode())
    return h.hexdigest()[:12]


def write_run_info(out_dir: Path, input_dir: Path) -> None:
    path = Path(out_dir) / STATE_DIR / RUN_INFO
    body = {"input_dir": str(Path(input_dir).resolve()), "geometry_code": geometry_code()}
    if _read_json(path) != body:
        _write_json(path, body)


def run_info(out_dir: Path) -> dict[str, Any]:
    return _read_json(Path(out_dir) / STATE_DIR / RUN_INFO) or {}


def input_dir_of(out_dir: Path) -> Path | None:
    """The input folder recorded by the last run, if any."""
    value = run_info(out_dir).get("input_dir")
    return Path(value) if isinstance(value, str) else None


def _stamp_body(out_dir: Path) -> dict[str, Any]:
    s = corrections.stamp(out_dir)
    return {"log": None if s is None else list(s)}


def stage_stamp(out_dir: Path) -> None:
    """Remember the log's stamp as read now; becomes current in :func:`commit_stamp`."""
    _write_json(Path(out_dir) / STATE_DIR / PENDING_STAMP, _stamp_body(out_dir))


def commit_stamp(out_dir: Path) -> None:
    state = Path(out_dir) / STATE_DIR
    if (state / PENDING_STAMP).exists():
        os.replace(state / PENDING_STAMP, state / STAMP)


def log_changed(out_dir: Path) -> bool:
    """True when the log differs from the one the current tables were built with."""
    recorded = _read_json(Path(out_dir) / STATE_DIR / STAMP)
    now = _stamp_body(out_dir)
    if recorded is None:
        return now["log"] is not None
    return recorded != now
