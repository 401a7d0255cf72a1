"""Arrow schemas of the output tables — the data contract analysts read.

Kept in one place so the README's schema section, the writer and the
tests agree.  ``documents`` is stored partitioned by year in directories
``year_part=2018/`` (``year_part=unknown`` for documents whose year is not
known): the typed, nullable ``year`` column itself stays inside the files,
because pandas cannot read a hive partition column that is null for some
directories, while DuckDB and pandas both read this layout.
"""

from __future__ import annotations

import pyarrow as pa

STR = pa.string()
LIST_STR = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("doc_id", STR), ("source_path", STR), ("source_sha256", STR), ("source_format", STR),
        ("also_at", LIST_STR), ("pages", pa.int32()), ("status", STR), ("ocr_engine", STR),
        ("kind", STR), ("event", STR), ("edition", pa.int32()), ("year", pa.int32()),
        ("title", STR), ("issuer", STR), ("issuer_mark", STR),
        ("doc_number", STR), ("doc_number_agency", STR), ("doc_number_year", pa.int32()),
        ("doc_number_serial", STR),
        ("issue_date", pa.date32()), ("signer", STR), ("urgency", STR), ("classification", STR),
        ("copy_number", STR), ("serial", STR), ("recipients", STR), ("cc", STR),
        ("printer", STR), ("print_date", pa.date32()),
        ("theme", STR), ("period_start", pa.date32()), ("period_end", pa.date32()),
        ("attachments", LIST_STR), ("slogans", LIST_STR),
        ("text", STR), ("warnings", LIST_STR), ("pipeline_version", STR),
        # dataset-level columns filled by pipeline.normalize.enrich
        ("issuer_canonical", STR), ("issuer_level", STR),
        ("province", STR), ("city", STR), ("county", STR), ("year_source", STR),
        ("duplicate_of", STR), ("copies", LIST_STR), ("keywords", LIST_STR),
        # fields a reviewer corrected or confirmed (pipeline.review.apply)
        ("verified_fields", LIST_STR),
    ]),
    "activities": pa.schema([
        ("doc_id", STR), ("seq", pa.int32()), ("title", STR), ("form", STR),
        ("lead_units", STR), ("date_text", STR), ("location", STR), ("verified", pa.bool_()),
    ]),
    "deadlines": pa.schema([
        ("doc_id", STR), ("seq", pa.int32()), ("date", pa.date32()), ("time", STR), ("task", STR),
        ("verified", pa.bool_()),
    ]),
    "contacts": pa.schema([
        ("doc_id", STR), ("seq", pa.int32()), ("name", STR), ("phones", LIST_STR),
        ("faxes", LIST_STR), ("email", STR), ("verified", pa.bool_()),
    ]),
    "stats": pa.schema([
        ("doc_id", STR), ("seq", pa.int32()), ("metric", STR), ("value", pa.float64()), ("unit", STR),
    ]),
    "evidence": pa.schema([
        ("doc_id", STR), ("field", STR), ("value", STR), ("page", pa.int32()),
        ("x0", pa.float64()), ("y0", pa.float64()), ("x1", pa.float64()), ("y1", pa.float64()),
        ("char_start", pa.int32()), ("char_end", pa.int32()), ("confidence", pa.float64()),
        ("method", STR),
    ]),
    "failures": pa.schema([
        ("source_path", STR), ("doc_id", STR), ("stage", STR), ("error_type", STR), ("message", STR),
    ]),
    # per year over canonical copies (pipeline.normalize.themes)
    "themes": pa.schema([
        ("year", pa.int32()), ("keyword", STR), ("weight", pa.float64()), ("documents", pa.int32()),
    ]),
    # the reviewers' corrections log as applied (pipeline.review.apply); ``at`` is UTC (naive:
    # a tz-aware column makes DuckDB's Python client require pytz)
    "corrections": pa.schema([
        ("doc_id", STR), ("table", STR), ("field", STR), ("row_key", STR), ("old", STR), ("new", STR),
        ("who", STR), ("at", pa.timestamp("us")),
    ]),
}

#: tables stored in hive-style partitions, and the key each is partitioned on
PARTITIONS: dict[str, str] = {"documents": "year"}
PARTITION_DIR_KEY = "year_part"
UNKNOWN_PARTITION = "unknown"
