"""Run the per-document function on a Dask distributed cluster.

Either the cluster named by ``scheduler`` (``tcp://HOST:PORT``; every
worker needs this package installed and read access to the archive path)
or a ``LocalCluster`` of worker processes started here.  The function sent
is :func:`pipeline.process.process_file` itself; engines and dictionaries
are cached at module level in each worker process, so they load once per
Dask worker, not per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.executors.base import Task
from pipeline.process import DocOutput, failed_output, process_file


class DaskExecutor:
    name = "dask"

    def __init__(self, scheduler: str | None, workers: int):
        self.scheduler = scheduler
        self.workers = workers

    def map(self, tasks: Iterable[Task]) -> Iterator[DocOutput]:
        from distributed import Client, LocalCluster, as_completed

        task_list = list(tasks)
        if not task_list:
            return
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(self.scheduler)
        try:
            futures = client.map(process_file, [t.path for t in task_list],
                                 [t.root for t in task_list], [t.options for t in task_list], pure=False)
            by_key = {f.key: t for f, t in zip(futures, task_list)}
            for fut in as_completed(futures):
                try:
                    yield fut.result()
                except Exception as exc:  # a worker died: the document fails alone
                    t = by_key[fut.key]
                    yield failed_output(t.rel_path, t.sha256, "worker", type(exc).__name__, str(exc))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
