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
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from pipeline.executors.base import Task, run_task
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
            out = run_task(t)
            out.rss_mb = rss_mb()
            yield out


def warm_up() -> None:
    """Load everything a document needs once per worker, before the timeout clock runs.

    Converting a small built-in notice touches every lazily loaded piece a
    text document needs (spaCy pipeline, jieba dictionary, the division
    table used for regions), so the first real document is not slowed by
    them.  The OCR engine stays lazy: text-only archives never load it.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="notices-warm-") as tmp:
        p = Path(tmp) / "warm.txt"
        p.write_text(_WARM_NOTICE, encoding="utf-8")
        process_file(p, tmp)


_WARM_NOTICE = """某县人民政府办公室关于开展政务公开日活动的通知

各乡镇人民政府，县政府各部门：

一、活动时间：2020年5月15日。

二、活动内容：开展政策宣传。请于5月10日前报送方案。联系人：张三，电话：1234567。

某县人民政府办公室
2020年5月8日
"""


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
        out = run_task(task)
        out.rss_mb = rss_mb()
        conn.send(out)


@dataclass
class _Worker:
    proc: BaseProcess
    conn: Connection
    born: float
    ready: bool = False
    sent: int = 0
    retiring: bool = False
    inflight: deque[Task] = field(default_factory=deque)
    started: float = 0.0  # when the document at the head of ``inflight`` began


class PoolExecutor:
    """N worker processes with per-document timeout and recycling (see module docstring)."""

    name = "local"
    #: documents handed to a worker ahead of the one it works on, so it never waits for the parent
    prefetch = 2

    def __init__(self, workers: int, timeout: float | None = None, max_docs_per_worker: int = 1000,
                 max_rss_mb: float = 1500.0):
        self.workers = max(1, workers)
        self.timeout = timeout
        self.max_docs = max(1, max_docs_per_worker)
        self.max_rss_mb = max_rss_mb
        self._ctx = mp.get_context("spawn")
        self.startup_timeout = 300.0
        self.recycled = 0

    def _spawn(self) -> _Worker:
        """Start a worker without waiting for it: it says "ready" once its models are loaded."""
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, args=(child,), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent, born=time.monotonic())

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
        pool = [self._spawn() for _ in range(min(self.workers, len(queue)))]
        try:
            while pool and (queue or any(w.inflight for w in pool)):
                self._feed(pool, queue)
                yield from self._collect(pool, queue)
        finally:
            for w in pool:
                self._stop(w, kill=bool(w.inflight) or not w.ready)

    def _feed(self, pool: list[_Worker], queue: deque[Task]) -> None:
        now = time.monotonic()
        for w in pool:
            while w.ready and not w.retiring and queue and len(w.inflight) < self.prefetch:
                task = queue.popleft()
                if not w.inflight:
                    w.started = now
                w.inflight.append(task)
                w.conn.send(task)
                w.sent += 1
                w.retiring = w.sent >= self.max_docs

    def _deadline(self, pool: list[_Worker]) -> float | None:
        """Seconds until the earliest timeout (document or start-up) can fire."""
        now = time.monotonic()
        ends = [w.born + self.startup_timeout for w in pool if not w.ready]
        if self.timeout is not None:
            ends += [w.started + self.timeout for w in pool if w.ready and w.inflight]
        return max(0.0, min(ends) - now) if ends else None

    def _retire(self, w: _Worker, pool: list[_Worker], queue: deque[Task], kill: bool) -> None:
        """Take a worker out of the pool; its undone documents go back to the queue's front."""
        pool.remove(w)
        self._stop(w, kill=kill)
        queue.extendleft(reversed(w.inflight))
        w.inflight.clear()
        if queue:
            pool.append(self._spawn())

    def _collect(self, pool: list[_Worker], queue: deque[Task]) -> Iterator[DocOutput]:
        ready = wait([w.conn for w in pool], timeout=self._deadline(pool))
        now = time.monotonic()
        for w in list(pool):
            if w.conn in ready:
                try:
                    msg = w.conn.recv()
                except (EOFError, OSError):
                    if not w.ready:
                        raise RuntimeError("a worker process failed to start "
                                           f"(exit code {w.proc.exitcode})") from None
                    task = w.inflight.popleft()
                    self._retire(w, pool, queue, kill=True)
                    yield failed_output(task.rel_path, task.sha256, "worker", "WorkerCrashed",
                                        f"the worker process died (exit code {w.proc.exitcode})")
                    continue
                if not w.ready:
                    w.ready = msg == "ready"
                    continue
                w.inflight.popleft()
                w.started = now
                out: DocOutput = msg
                if out.rss_mb > self.max_rss_mb:
                    w.retiring = True
                if w.retiring and not w.inflight:
                    self.recycled += 1
                    self._retire(w, pool, queue, kill=False)
                yield out
            elif not w.ready and now - w.born >= self.startup_timeout:
                w.proc.kill()
                raise RuntimeError("a worker process did not start in time")
            elif self.timeout is not None and w.inflight and now - w.started >= self.timeout:
                task = w.inflight.popleft()
                self._retire(w, pool, queue, kill=True)
                yield failed_output(task.rel_path, task.sha256, "timeout", "Timeout",
                                    f"processing took longer than {self.timeout:g}s; the document was skipped")
