"""A folder in, the dataset out: discovery, incremental planning, execution, tables.

:func:`run` lists the archive, decides from the manifest which files need
work (new or changed content under the current pipeline fingerprint),
hands those to an executor, caches each document's rows as it arrives,
and finally rebuilds every table from the rows of the files present now.
Byte-identical files are converted once and listed in ``also_at``.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.convert import ConvertOptions
from pipeline.executors import ExecutorOptions, Task, make_executor
from pipeline.ingest import SUPPORTED_SUFFIXES
from pipeline.normalize import enrich
from pipeline.process import DocOutput, failed_output, process_file
from pipeline.review import apply_corrections, corrections_changed, corrections_written
from pipeline.state import ManifestEntry, RunState
from pipeline.store.base import TABLES, Row, TableWriter
from pipeline.store.parquet import ParquetWriter

#: files that live in archive folders but are not documents (never reported)
IGNORED_SUFFIXES = frozenset({".md", ".json", ".csv", ".db", ".ds_store", ".ini", ".log", ".gt"})


def discover(input_dir: Path) -> tuple[list[Path], list[Path]]:
    """(candidate documents, skipped files) under ``input_dir``, sorted; symlink loops safe."""
    found: list[Path] = []
    skipped: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(input_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            suffix = p.suffix.lower()
            if name.startswith(".") or suffix in IGNORED_SUFFIXES or name.endswith(".gt.txt"):
                continue
            if suffix in SUPPORTED_SUFFIXES:
                found.append(p)
            else:
                skipped.append(p)
    return found, skipped


@dataclass
class RunSummary:
    input_dir: Path
    out_dir: Path
    documents: int = 0
    ok: int = 0
    partial: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    converted: int = 0
    reused: int = 0
    duplicates: int = 0
    executor: str = ""
    skipped: list[str] = field(default_factory=list)

    def count(self, docs: Iterable[tuple[str, int]]) -> None:
        """Add (status, pages) of distinct documents to the totals."""
        for status, pages in docs:
            self.pages += pages
            self.ok += status == "success"
            self.partial += status == "partial"
            self.failed += status == "failure"

    def lines(self) -> list[str]:
        out = [
            f"documents: {self.documents}  ok: {self.ok}  partial: {self.partial}  "
            f"failed: {self.failed}  pages: {self.pages}",
            f"converted: {self.converted}  unchanged (reused): {self.reused}  "
            f"identical copies: {self.duplicates}  executor: {self.executor}",
            f"time: {self.seconds:.1f}s  output: {self.out_dir}",
        ]
        if self.skipped:
            out.append(f"skipped (unsupported format): {len(self.skipped)}")
        return out


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class _Plan:
    previous: dict[str, ManifestEntry]
    manifest: dict[str, ManifestEntry]
    order: list[tuple[str, str]]  # (rel_path, sha256) of every readable file, in discovery order
    todo: list[Task]
    unreadable: list[DocOutput]


def _plan(files: list[Path], root: Path, state: RunState, force: bool, options: ConvertOptions) -> _Plan:
    old = {} if force else state.load_manifest()
    manifest: dict[str, ManifestEntry] = {}
    order: list[tuple[str, str]] = []
    todo: dict[str, Task] = {}
    unreadable: list[DocOutput] = []
    for p in files:
        rel = p.relative_to(root).as_posix()
        try:
            st = p.stat()
            if not stat.S_ISREG(st.st_mode):
                raise OSError(f"not a regular file: {rel}")
            prev = old.get(rel)
            if prev is not None and prev.size == st.st_size and prev.mtime_ns == st.st_mtime_ns:
                sha = prev.sha256
            else:
                sha = _sha256_of(p)
        except OSError as exc:
            sha = hashlib.sha256(f"unreadable:{rel}".encode()).hexdigest()
            unreadable.append(failed_output(rel, sha, "read", type(exc).__name__, str(exc)))
            continue
        manifest[rel] = ManifestEntry(st.st_size, st.st_mtime_ns, sha,
                                      prev.status if prev and prev.sha256 == sha else "",
                                      prev.pages if prev and prev.sha256 == sha else 0)
        order.append((rel, sha))
        if sha not in todo and (force or not state.has_fragment(sha)):
            todo[sha] = Task(str(p), str(root), rel, sha, options, str(state.fragments))
    return _Plan(old, manifest, order, list(todo.values()), unreadable)


def _tables_exist(out_dir: Path) -> bool:
    return all((out_dir / t).is_dir() for t in TABLES)


def _unchanged_summary(summary: RunSummary, plan: _Plan, t0: float) -> RunSummary:
    """Nothing changed since the last complete run: report from the manifest, write nothing."""
    by_sha = {e.sha256: e for e in plan.manifest.values()}
    summary.documents = len(by_sha)
    summary.duplicates = len(plan.manifest) - len(by_sha)
    summary.reused = len(by_sha)
    summary.executor = "none (unchanged)"
    summary.count((e.status, e.pages) for e in by_sha.values())
    summary.seconds = time.perf_counter() - t0
    return summary


def assemble(order: list[tuple[str, str]], outputs: dict[str, DocOutput]) -> dict[str, list[Row]]:
    """Tables from per-document outputs; identical content appears once, with ``also_at``."""
    tables: dict[str, list[Row]] = {t: [] for t in TABLES}
    first_path: dict[str, str] = {}
    also: dict[str, list[str]] = {}
    for rel, sha in order:
        if sha in first_path:
            also[sha].append(rel)
        else:
            first_path[sha] = rel
            also[sha] = []
    for sha, rel in first_path.items():
        out = outputs[sha]
        for name, rows in out.tables.items():
            for row in rows:
                row = dict(row)
                if "source_path" in row:
                    row["source_path"] = rel
                if name == "documents":
                    row["also_at"] = also[sha]
                tables[name].append(row)
    return tables


def run(input_dir: Path, out_dir: Path, *, executor: ExecutorOptions | None = None,
        force: bool = False, options: ConvertOptions | None = None, writer: TableWriter | None = None,
        progress: Callable[[DocOutput], None] | None = None,
        on_planned: Callable[[int], None] | None = None) -> RunSummary:
    """Process every supported file under ``input_dir`` into tables under ``out_dir``."""
    t0 = time.perf_counter()
    root = Path(input_dir)
    if not root.is_dir():
        raise NotADirectoryError(f"input folder not found: {root}")
    out_dir = Path(out_dir)
    opts = executor or ExecutorOptions(kind="serial")
    options = options or ConvertOptions()
    state = RunState(out_dir, options_key=options.key())
    files, skipped = discover(root)
    plan = _plan(files, root, state, force, options)
    summary = RunSummary(root, out_dir, skipped=[str(p) for p in skipped])
    if on_planned is not None:
        on_planned(len(plan.todo) + len(plan.unreadable))
    if not plan.todo and not plan.unreadable and plan.manifest == plan.previous and _tables_exist(out_dir) \
            and not corrections_changed(out_dir):
        return _unchanged_summary(summary, plan, t0)

    outputs: dict[str, DocOutput] = {}
    if plan.todo:
        runner = make_executor(opts)
        summary.executor = runner.name
        for out in runner.map(plan.todo):
            if not out.cached and \
                    (out.status != "failure" or not any(e.stage in ("timeout", "worker") for e in out.errors)):
                state.save_fragment(out)
            outputs[out.sha256] = out
            summary.converted += 1
            if progress is not None:
                progress(out)
    for out in plan.unreadable:
        outputs[out.sha256] = out
        plan.order.append((out.rel_path, out.sha256))
        summary.converted += 1
        if progress is not None:
            progress(out)
    for rel, sha in plan.order:
        if sha not in outputs:
            cached = state.load_fragment(sha, rel)
            if cached is None:  # cache damaged: convert again in this process
                cached = process_file(root / rel, root, options)
                state.save_fragment(cached)
            else:
                summary.reused += 1
            outputs[sha] = cached

    for rel, sha in plan.order:
        e = plan.manifest.get(rel)
        if e is not None:
            plan.manifest[rel] = ManifestEntry(e.size, e.mtime_ns, sha, outputs[sha].status, outputs[sha].pages)
    tables = enrich(assemble(plan.order, outputs))
    tables = apply_corrections(tables, out_dir, input_dir=root)
    (writer or ParquetWriter(out_dir)).write_tables(tables)
    corrections_written(out_dir)
    state.save_manifest(plan.manifest)  # after the tables: a crash in between re-writes them next time
    state.prune()

    unique = {sha for _, sha in plan.order}
    summary.documents = len(unique)
    summary.duplicates = len(plan.order) - len(unique)
    summary.count((outputs[sha].status, outputs[sha].pages) for sha in unique)
    summary.seconds = time.perf_counter() - t0
    return summary
