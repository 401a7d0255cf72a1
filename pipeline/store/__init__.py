"""Output tables: rows built from results (``rows``), persisted by a writer (``base``).

Extraction never imports pyarrow; only the writers do.
"""
