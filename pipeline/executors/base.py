"""Executor interface, options and the table of known kinds."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from pipeline.convert import ConvertOptions
from pipeline.process import DocOutput


@dataclass(frozen=True)
class Task:
    """One document to process; ``sha256`` is known before processing (manifest, cache)."""

    path: str
    root: str
    rel_path: str
    sha256: str
    options: ConvertOptions = field(default_factory=ConvertOptions)


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
    max_docs_per_worker: int = 200
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
