"""The writer interface: a mapping of table name → rows in, a persisted dataset out.

Writers are swappable (parquet today; a database or CSV writer tomorrow)
because nothing upstream knows how rows are stored — the dlt
``data_writers`` idea.  A writer must make each table appear atomically:
readers see the previous complete table or the new complete table, never
a half-written file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

Row = dict[str, Any]

TABLES: tuple[str, ...] = (
    "documents", "activities", "deadlines", "contacts", "stats", "evidence", "failures",
)


class TableWriter(Protocol):
    out_dir: Path

    def write_tables(self, tables: dict[str, list[Row]]) -> None:
        """Replace each named table with the given rows."""
        ...
