"""What the review app shows: the written tables plus the corrections made since.

Why a view and not the tables alone: a correction is appended to the log
at once, but the tables only change on the next ``notices run``.  The
``corrections`` table lists the entries the tables already include; the
others (*pending*) are replayed here onto the document's rows with the same
:func:`pipeline.review.apply.apply_entries` the run uses, so the reviewer
sees exactly what the next run will write.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from pipeline.query import connect
from pipeline.review import corrections as log
from pipeline.review import runinfo
from pipeline.review.apply import apply_entries
from pipeline.review.fields import CHILD_TABLES, to_log
from pipeline.store.base import Row

Identity = tuple[str, str, str, str, str, dt.datetime]

#: documents columns the list view needs (the text stays out: it is most of the table's bytes)
LIST_COLUMNS = ("doc_id", "source_path", "source_format", "pages", "status", "kind", "year", "title",
                "issuer", "issuer_canonical", "warnings", "duplicate_of", "verified_fields", "ocr_engine")


def _identity(doc_id: str, table: str, field: str, row_key: str | None, who: str,
              at: dt.datetime) -> Identity:
    utc = at.astimezone(dt.timezone.utc) if at.tzinfo else at.replace(tzinfo=dt.timezone.utc)
    return (doc_id, table, field, row_key or "", who, utc)


def entry_identity(e: log.Correction) -> Identity:
    return _identity(e.doc_id, e.table, e.field, e.row_key, e.who, log.parse_at(e.at))


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[Row]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _has(con: duckdb.DuckDBPyConnection, view: str) -> bool:
    found = con.execute("select count(*) from duckdb_views() where view_name = ?", [view]).fetchone()
    return bool(found and found[0])


@dataclass
class DocView:
    """One document as the next run will write it, and its corrections history."""

    document: Row
    evidence: list[Row]
    children: dict[str, list[Row]]
    history: list[dict[str, Any]]
    pending: int
    issues: list[str]
    next_seq: dict[str, int]

    def as_json(self) -> dict[str, Any]:
        doc = {k: to_log(v) for k, v in self.document.items() if k != "year_part"}
        return {"document": doc, "evidence": [to_log(r) for r in self.evidence],
                "tables": {t: [to_log(r) for r in rows] for t, rows in self.children.items()},
                "history": self.history, "pending": self.pending, "issues": self.issues,
                "next_seq": self.next_seq}


class Dataset:
    """Read access to one output folder (``notices review --data OUT``)."""

    def __init__(self, data_dir: Path, input_dir: Path | None = None):
        self.data_dir = Path(data_dir)
        self._input_dir = input_dir

    @property
    def input_dir(self) -> Path | None:
        """``--input`` if given, else the folder the last run recorded."""
        return self._input_dir or runinfo.input_dir_of(self.data_dir)

    def _applied(self, con: duckdb.DuckDBPyConnection, doc_id: str | None) -> set[Identity]:
        if not _has(con, "corrections"):
            return set()
        where, params = ("where doc_id = ?", [doc_id]) if doc_id else ("", [])
        rows = con.execute(f'select doc_id, "table", field, row_key, who, "at" from corrections {where}',
                           params).fetchall()
        return {_identity(*r) for r in rows}

    def documents(self) -> list[dict[str, Any]]:
        """Summary rows for the list view, pending document corrections included."""
        con = connect(self.data_dir)
        rows = _rows(con, "select * exclude (text) from documents order by year nulls last, source_path", [])
        entries = log.read_log(self.data_dir).entries
        applied = self._applied(con, None)
        pending = [e for e in entries if e.table == "documents" and entry_identity(e) not in applied]
        apply_entries({"documents": rows}, pending)
        counts = Counter(e.doc_id for e in entries)
        out = []
        for r in rows:
            item = {k: to_log(r.get(k)) for k in LIST_COLUMNS}
            item["corrections"] = counts.get(str(r["doc_id"]), 0)
            out.append(item)
        return out

    def source_row(self, doc_id: str) -> Row | None:
        """The columns that locate and identify a document's source (cheap: for page requests)."""
        rows = _rows(connect(self.data_dir), "select doc_id, source_path, also_at, source_sha256, source_format, "
                     "ocr_engine from documents where doc_id = ?", [doc_id])
        return rows[0] if rows else None

    def document(self, doc_id: str) -> DocView | None:
        con = connect(self.data_dir)
        docs = _rows(con, "select * from documents where doc_id = ?", [doc_id])
        if not docs:
            return None
        tables: dict[str, list[Row]] = {"documents": docs}
        tables["evidence"] = _rows(con, "select * from evidence where doc_id = ? order by char_start", [doc_id])
        for t in CHILD_TABLES:
            tables[t] = _rows(con, f"select * from {t} where doc_id = ? order by seq", [doc_id]) \
                if _has(con, t) else []
        entries = [e for e in log.read_log(self.data_dir).entries if e.doc_id == doc_id]
        applied = self._applied(con, doc_id)
        pending = [e for e in entries if entry_identity(e) not in applied]
        issues = apply_entries(tables, pending).get(doc_id, [])
        history = [{**{k: getattr(e, k) for k in ("table", "field", "row_key", "old", "new", "who", "at")},
                    "applied": entry_identity(e) in applied} for e in entries]
        return DocView(tables["documents"][0], tables["evidence"],
                       {t: sorted(tables[t], key=lambda r: int(r["seq"])) for t in CHILD_TABLES},
                       history, len(pending), issues, _next_seq(tables, entries))


def _next_seq(tables: dict[str, list[Row]], entries: list[log.Correction]) -> dict[str, int]:
    """The key an added row gets: past every seq shown and every key ever logged."""
    out = {}
    for t in CHILD_TABLES:
        used = [int(r["seq"]) for r in tables[t]]
        used += [int(e.row_key) for e in entries if e.table == t and e.row_key and e.row_key.isdigit()]
        out[t] = max(used + [0]) + 1
    return out


def source_path(data: Dataset, doc: Row) -> Path:
    """The source file of a document: its path (or an identical copy's) under the input folder."""
    from pipeline.review.render import SourceError

    root = data.input_dir
    if root is None:
        raise SourceError("the input folder is unknown: run `notices run` again or pass --input")
    root = root.resolve()
    for rel in [doc.get("source_path"), *(doc.get("also_at") or [])]:
        if not rel:
            continue
        p = (root / str(rel)).resolve()
        if p.is_relative_to(root) and p.is_file():
            return p
    raise SourceError(f"source file {doc.get('source_path')!r} not found under {root}")
