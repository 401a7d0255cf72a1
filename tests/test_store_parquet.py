"""Parquet writer: typed tables, year partitions readable by pandas and DuckDB, atomic swaps."""

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from pipeline.store.parquet import ParquetWriter
from pipeline.store.schema import SCHEMAS


def _doc(doc_id: str, year: int | None) -> dict:
    return {"doc_id": doc_id, "source_path": f"{doc_id}.txt", "year": year, "status": "success",
            "issue_date": dt.date(2020, 4, 22) if year else None, "attachments": ["附件甲"],
            "warnings": [], "also_at": []}


def test_documents_partitioned_by_year_read_back_by_pandas_and_duckdb(tmp_path: Path) -> None:
    w = ParquetWriter(tmp_path)
    w.write_tables({"documents": [_doc("a", 2018), _doc("b", None), _doc("c", 2020)],
                    "stats": []})
    parts = sorted(p.name for p in (tmp_path / "documents").iterdir())
    assert parts == ["year_part=2018", "year_part=2020", "year_part=unknown"]
    df = pd.read_parquet(tmp_path / "documents")
    years = dict(zip(df["doc_id"], df["year"]))
    assert years["a"] == 2018 and pd.isna(years["b"])
    rows = duckdb.sql(
        f"select doc_id, year, issue_date from read_parquet('{tmp_path}/documents/**/*.parquet', "
        "hive_partitioning=true) order by doc_id").fetchall()
    assert rows == [("a", 2018, dt.date(2020, 4, 22)), ("b", None, None), ("c", 2020, dt.date(2020, 4, 22))]
    # an empty table still has its columns
    stats = pd.read_parquet(tmp_path / "stats")
    assert list(stats.columns) == SCHEMAS["stats"].names and stats.empty


def test_rewrite_replaces_table_and_leaves_no_staging(tmp_path: Path) -> None:
    w = ParquetWriter(tmp_path)
    w.write_tables({"documents": [_doc("a", 2018)]})
    (tmp_path / ".staging-dead").mkdir()  # left by a crashed run
    w.write_tables({"documents": [_doc("z", 2019)]})
    df = pd.read_parquet(tmp_path / "documents")
    assert list(df["doc_id"]) == ["z"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
