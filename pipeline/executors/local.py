"""Serial execution and a local pool of recycled worker processes.

Why not ``ProcessPoolExecutor``: a document that hangs a reader must be
stopped without losing the worker pool, and long OCR runs leak memory, so
workers must be retired after N documents or above a memory ceiling.  The
pool here keeps one pipe per worker process, gives each worker one
document at a time, kills and replaces a worker whose document exceeds the
timeout (the document gets a ``Timeout`` failure) or that dies (a
``WorkerCrashed`` failure), and retires workers that reached their quota.
Each worker imports the pipeline once, so models and dictionaries load once
per worker, not per document.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from pipeline.executors.base import Task
from pipeline.process import DocOutput, failed_output, process_file


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 where unavailable)."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


class SerialExecutor:
    """Runs documents one after another in this process (no timeout)."""

    name = "serial"

    def map(self, tasks: Iterable[Task]) -> Iterator[DocOutput]:
        for t in tasks:
            out = process_file(t.path, t.root, t.options)
            out.rss_mb = rss_mb()
            yield out


def warm_up() -> None:
    """Load what every document needs (spaCy pipeline, jieba dictionary) once per worker."""
    from pipeline.extract.nlp import get_nlp

    get_nlp()


def _worker_main(conn: Connection) -> None:
    warm_up()
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        out = process_file(task.path, task.root, task.options)
        out.rss_mb = rss_mb()
        conn.send(out)


@dataclass
class _Worker:
    proc: BaseProcess
    conn: Connection
    done: int = 0
    task: Task | None = None
    started: float = 0.0


class PoolExecutor:
    """N worker processes with per-document timeout and recycling (see module docstring)."""

    name = "local"

    def __init__(self, workers: int, timeout: float | None = None, max_docs_per_worker: int = 200,
                 max_rss_mb: float = 1500.0):
        self.workers = max(1, workers)
        self.timeout = timeout
        self.max_docs = max(1, max_docs_per_worker)
        self.max_rss_mb = max_rss_mb
        self._ctx = mp.get_context("spawn")
        self.startup_timeout = 300.0
        self.recycled = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        # the timeout clock must not count interpreter start-up and model loading
        if not parent.poll(self.startup_timeout) or parent.recv() != "ready":
            proc.kill()
            raise RuntimeError("a worker process failed to start")
        return _Worker(proc, parent)

    def _stop(self, w: _Worker, kill: bool = False) -> None:
        try:
            if kill:
                w.proc.kill()
            else:
                w.conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        w.proc.join(timeout=10)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join()
        w.conn.close()

    def map(self, tasks: Iterable[Task]) -> Iterator[DocOutput]:
        queue = deque(tasks)
        idle = [self._spawn() for _ in range(min(self.workers, len(queue)))]
        busy: list[_Worker] = []
        try:
            while queue or busy:
                while queue and idle:
                    w = idle.pop()
                    w.task, w.started = queue.popleft(), time.monotonic()
                    w.conn.send(w.task)
                    busy.append(w)
                yield from self._collect(busy, idle, bool(queue))
        finally:
            for w in idle + busy:
                self._stop(w, kill=w in busy)

    def _replace(self, w: _Worker, busy: list[_Worker], idle: list[_Worker], more: bool) -> None:
        """Kill a stuck or broken worker; start a fresh one if documents remain."""
        busy.remove(w)
        self._stop(w, kill=True)
        if more:
            idle.append(self._spawn())

    def _collect(self, busy: list[_Worker], idle: list[_Worker], more: bool) -> Iterator[DocOutput]:
        wait_for = None
        if self.timeout is not None:
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + self.timeout - now for w in busy))
        ready = wait([w.conn for w in busy], timeout=wait_for)
        now = time.monotonic()
        for w in list(busy):
            task = w.task
            assert task is not None
            if w.conn in ready:
                try:
                    out: DocOutput = w.conn.recv()
                except (EOFError, OSError):
                    self._replace(w, busy, idle, more)
                    yield failed_output(task.rel_path, task.sha256, "worker", "WorkerCrashed",
                                        f"the worker process died (exit code {w.proc.exitcode})")
                    continue
                busy.remove(w)
                w.done += 1
                w.task = None
                if w.done >= self.max_docs or out.rss_mb > self.max_rss_mb:
                    self._stop(w)
                    self.recycled += 1
                    if more:
                        idle.append(self._spawn())
                else:
                    idle.append(w)
                yield out
            elif self.timeout is not None and now - w.started >= self.timeout:
                self._replace(w, busy, idle, more)
                yield failed_output(task.rel_path, task.sha256, "timeout", "Timeout",
                                    f"processing took longer than {self.timeout:g}s; the document was skipped")
