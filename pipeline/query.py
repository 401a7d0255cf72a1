"""DuckDB over the output tables: ad-hoc SQL and one-record views.

Each table directory under the output folder is registered as a view of
the same name, so analysts write ``select year, theme from documents``
without knowing the storage layout.  These are plain functions; the CLI's
``query`` and ``show`` commands only print what they return.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from pipeline.store.base import TABLES

EXTRA_TABLES = ("themes", "corrections")


def connect(data_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per table found under ``data_dir``."""
    data_dir = Path(data_dir)
    if not (data_dir / "documents").is_dir():
        raise FileNotFoundError(f"no dataset under {data_dir} (run `notices run` first)")
    con = duckdb.connect()
    for name in TABLES + EXTRA_TABLES:
        d = data_dir / name
        if d.is_dir() and any(d.rglob("*.parquet")):
            glob = (d / "**" / "*.parquet").as_posix().replace("'", "''")
            con.execute(f"create view {name} as select * from "
                        f"read_parquet('{glob}', hive_partitioning=true, union_by_name=true)")
    return con


def query(sql: str, data_dir: Path) -> pd.DataFrame:
    return connect(data_dir).execute(sql).df()


def write_result(df: pd.DataFrame, target: Path) -> None:
    """Write a query result as CSV or parquet, chosen by the file suffix."""
    suffix = target.suffix.lower()
    if suffix == ".csv":
        df.to_csv(target, index=False)
    elif suffix == ".parquet":
        df.to_parquet(target, index=False)
    else:
        raise ValueError(f"--to must end in .csv or .parquet, not {target.name!r}")


def find_document(key: str, data_dir: Path) -> dict[str, Any]:
    """The documents row whose doc_id (or a prefix), source_path or file name matches ``key``."""
    con = connect(data_dir)
    rows = con.execute(
        "select * exclude (text) from documents where doc_id like ? || '%' or source_path = ? "
        "or source_path like '%/' || ? order by source_path", [key, key, key]).df()
    if rows.empty:
        raise LookupError(f"no document matches {key!r}")
    if len(rows) > 1:
        options = ", ".join(f"{r.doc_id[:10]} ({r.source_path})" for r in rows.itertuples())
        raise LookupError(f"{key!r} matches {len(rows)} documents: {options}")
    row: dict[str, Any] = rows.iloc[0].to_dict()
    return row


def evidence_for(doc_id: str, data_dir: Path) -> pd.DataFrame:
    return connect(data_dir).execute(
        "select field, value, page, x0, y0, x1, y1, char_start, char_end, confidence, method "
        "from evidence where doc_id = ? order by char_start", [doc_id]).df()


def format_record(row: dict[str, Any], evidence: pd.DataFrame, text: str | None = None) -> str:
    """A readable listing of one record with, per field, where it was found."""
    by_field: dict[str, list[str]] = {}
    for e in evidence.itertuples():
        where = f"p{int(e.page)}" if not pd.isna(e.page) else "p?"
        if not pd.isna(e.x0):
            where += f" box({e.x0:.0f},{e.y0:.0f},{e.x1:.0f},{e.y1:.0f})"
        where += f" chars {e.char_start}-{e.char_end} conf {e.confidence:.2f} [{e.method}]"
        if text is not None:
            where += f" «{text[int(e.char_start):int(e.char_end)][:40]}»"
        by_field.setdefault(str(e.field).split("[")[0].split(".")[0], []).append(f"{e.field}: {where}")
    lines = []
    for k, v in row.items():
        if k in ("year_part",):
            continue
        shown = v.tolist() if hasattr(v, "tolist") else v
        if shown is None or (isinstance(shown, float) and pd.isna(shown)) or shown == []:
            continue
        lines.append(f"{k:18s} {shown}")
        for ev in by_field.pop(k, []):
            lines.append(f"{'':18s}   ↳ {ev}")
    for k, evs in by_field.items():
        lines.append(f"{k:18s} (list items)")
        lines.extend(f"{'':18s}   ↳ {ev}" for ev in evs)
    return "\n".join(lines)
