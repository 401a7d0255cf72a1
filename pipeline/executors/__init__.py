"""Executors run :func:`pipeline.process.process_file` over many documents.

All of them yield the same :class:`~pipeline.process.DocOutput` values, so
the choice of executor never changes the dataset — only how fast it is
built and where.
"""

from __future__ import annotations

from pipeline.executors.base import EXECUTOR_KINDS, Executor, ExecutorOptions, Task, make_executor

__all__ = ["EXECUTOR_KINDS", "Executor", "ExecutorOptions", "Task", "make_executor"]
