"""Human review of extracted records: a local web app and the corrections it records.

Why a package of its own: corrections are the one input of the dataset that
is not derived from the archive, so they live apart from extraction
(``OUT/_corrections/log.jsonl``, append-only) and are layered on top of it
whenever tables are written (:func:`pipeline.review.apply.apply_corrections`).
The web app (:mod:`pipeline.review.server`) only reads the tables, renders
source pages and appends to the log; it never rewrites a table.

Only light modules are imported here: ``pipeline.run`` imports the apply
hook on every run, and must not pay for the HTTP server or page rendering.
"""

from __future__ import annotations

from pipeline.review.apply import apply_corrections, corrections_changed, corrections_written

__all__ = ["apply_corrections", "corrections_changed", "corrections_written"]
