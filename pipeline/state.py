"""Incremental runs: a manifest of what was processed and a cache of per-document rows.

``OUT/_state/manifest.json`` maps every source path to its size, mtime and
SHA-256 as of the last completed run, under the pipeline fingerprint that
produced it.  ``OUT/_state/fragments/<fingerprint>/<sha256>.pickle`` holds one
document's rows (pickle: written by every worker for every document, it costs
a tenth of JSON with its date conversions; it is our own cache, never shared).
A re-run trusts (size, mtime) to skip re-hashing unchanged files, reuses the fragment of any content it has seen under the
same fingerprint, converts only new or changed content, and rebuilds the
tables from fragments of the files present now — so deleted files drop
out, and the output is the same whether built in one run or several.

Fragments are content-addressed and written atomically (temp file +
rename), so a run killed at any point leaves only complete fragments; the
next run picks them up and finishes the job.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pipeline
from pipeline.model import ErrorItem
from pipeline.process import DocOutput

STATE_DIR = "_state"

FRAGMENT_SUFFIX = ".pickle"


def pipeline_fingerprint() -> str:
    """Version + hash of the package source and data: changed code never reuses stale rows."""
    root = Path(pipeline.__file__).parent
    h = hashlib.sha256(pipeline.__version__.encode())
    files = [p for p in root.rglob("*") if p.suffix in (".py", ".tsv", ".txt", ".json", ".yaml")
             and p.relative_to(root).parts[0] != "review"]  # the review app never changes rows
    for p in sorted(files):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    return f"{pipeline.__version__}-{h.hexdigest()[:12]}"


@dataclass(frozen=True)
class ManifestEntry:
    size: int
    mtime_ns: int
    sha256: str
    status: str = ""
    pages: int = 0


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file and a rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fragment_path(fragments: Path, sha256: str) -> Path:
    return Path(fragments) / f"{sha256}{FRAGMENT_SUFFIX}"


def save_fragment(fragments: Path, out: DocOutput) -> None:
    """Cache one document's output under its content hash (called in workers, so the parent stays free)."""
    # built by hand: dataclasses.asdict deep-copies every row and cost more than extraction
    body = {"rel_path": out.rel_path, "sha256": out.sha256, "status": out.status, "pages": out.pages,
            "seconds": out.seconds, "errors": [e.__dict__ for e in out.errors], "tables": out.tables}
    atomic_write(fragment_path(fragments, out.sha256), pickle.dumps(body, protocol=5))
    out.cached = True


class RunState:
    def __init__(self, out_dir: Path, fingerprint: str | None = None, options_key: str = ""):
        self.root = Path(out_dir) / STATE_DIR
        fp = fingerprint or pipeline_fingerprint()
        if options_key:  # other conversion settings (OCR engine …) never share cached rows
            fp += "-" + hashlib.sha256(options_key.encode()).hexdigest()[:8]
        self.fingerprint = fp
        self.fragments = self.root / "fragments" / self.fingerprint

    # -- manifest
    def load_manifest(self) -> dict[str, ManifestEntry]:
        path = self.root / "manifest.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if raw.get("fingerprint") != self.fingerprint:
            return {}
        return {k: ManifestEntry(**v) for k, v in raw.get("files", {}).items()}

    def save_manifest(self, entries: dict[str, ManifestEntry]) -> None:
        body = {"fingerprint": self.fingerprint,
                "files": {k: asdict(v) for k, v in sorted(entries.items())}}
        atomic_write(self.root / "manifest.json",
                      json.dumps(body, ensure_ascii=False, indent=0).encode())

    # -- fragments
    def _fragment_path(self, sha256: str) -> Path:
        return fragment_path(self.fragments, sha256)

    def has_fragment(self, sha256: str) -> bool:
        return self._fragment_path(sha256).exists()

    def save_fragment(self, out: DocOutput) -> None:
        save_fragment(self.fragments, out)

    def load_fragment(self, sha256: str, rel_path: str) -> DocOutput | None:
        """The cached output of this content, re-labelled with its current path."""
        try:
            body = pickle.loads(self._fragment_path(sha256).read_bytes())
            tables: dict[str, list[dict[str, Any]]] = body["tables"]
        except Exception:  # noqa: BLE001 — a damaged cache entry is converted again, never fatal
            return None
        for rows in tables.values():
            for row in rows:
                if "source_path" in row:
                    row["source_path"] = rel_path
        return DocOutput(
            rel_path=rel_path, sha256=body["sha256"], status=body["status"], pages=body["pages"],
            seconds=body["seconds"], errors=[ErrorItem(**e) for e in body["errors"]], tables=tables,
        )

    def prune(self) -> None:
        """Drop fragments written by other pipeline fingerprints."""
        base = self.root / "fragments"
        if not base.is_dir():
            return
        for d in base.iterdir():
            if d.name != self.fingerprint and d.is_dir():
                for f in d.iterdir():
                    f.unlink(missing_ok=True)
                d.rmdir()
