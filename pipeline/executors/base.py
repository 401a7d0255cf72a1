"""Executor interface, options and the table of known kinds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pipeline.convert import ConvertOptions
from pipeline.process import DocOutput, process_file
from pipeline.state import save_fragment


@dataclass(frozen=True)
class Task:
    """One document to process; ``sha256`` is known before processing (manifest, cache)."""

    path: str
    root: str
    rel_path: str
    sha256: str
    options: ConvertOptions = field(default_factory=ConvertOptions)
    #: fragment cache folder the worker writes the output to (None: the caller caches it)
    fragments: str | None = None


def run_task(task: Task) -> DocOutput:
    """Process one task where the worker runs, caching its output there when asked to."""
    out = process_file(task.path, task.root, task.options)
    if task.fragments is not None:
        save_fragment(Path(task.fragments), out)
    return out


class Executor(Protocol):
    name: str

    def map(self, tasks: Iterable[Task]) -> Iterator[DocOutput]:
        """Outputs in completion order (not necessarily task order)."""
        ...


@dataclass(frozen=True)
class ExecutorOptions:
    kind: str = "local"
    workers: int | None = None  # default: the machine's cores
    timeout: float | None = 600.0
    max_docs_per_worker: int = 1000
    max_rss_mb: float = 1500.0
    scheduler: str | None = None  # dask: tcp://HOST:PORT; None starts a LocalCluster

    def resolved_workers(self) -> int:
        return self.workers or os.cpu_count() or 1


EXECUTOR_KINDS = ("local", "serial", "dask")


def make_executor(opts: ExecutorOptions) -> Executor:
    if opts.kind == "serial" or (opts.kind == "local" and opts.resolved_workers() == 1
                                 and opts.timeout is None):
        from pipeline.executors.local import SerialExecutor

        return SerialExecutor()
    if opts.kind == "local":
        from pipeline.executors.local import PoolExecutor

        return PoolExecutor(opts.resolved_workers(), opts.timeout, opts.max_docs_per_worker,
                            opts.max_rss_mb)
    if opts.kind == "dask":
        from pipeline.executors.dask import DaskExecutor

        return DaskExecutor(opts.scheduler, opts.resolved_workers())
    raise ValueError(f"unknown executor {opts.kind!r}; known executors: {', '.join(EXECUTOR_KINDS)}")
