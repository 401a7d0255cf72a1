"""A reviewer's request → one validated log entry.

Why the server, not the browser, fills in ``old``: the log must record what
the reviewer actually saw, i.e. the value in the current view (tables plus
pending corrections).  The browser sends the value it showed; when that is
no longer the current one (another reviewer changed it meanwhile) the edit
is refused as a conflict instead of silently overwriting.

Operations (``op`` in the request body):

* ``set``     — ``table``, ``field``, ``row_key`` (child rows), ``new``, ``old`` shown;
* ``confirm`` — the shown value is right: logged with ``old == new`` (marks it verified);
* ``add``     — a child row: ``table``, ``values``; keyed by the next free ``seq``;
* ``remove``  — a child row: ``table``, ``row_key``.
"""

from __future__ import annotations

from typing import Any

from pipeline.review.corrections import Correction, now_utc
from pipeline.review.dataset import DocView
from pipeline.review.fields import (
    CHILD_TABLES,
    EDITABLE,
    ROW,
    InvalidValue,
    coerce,
    coerce_row,
    kind_of,
    to_log,
)

OPS = ("set", "confirm", "add", "remove")


class Conflict(Exception):
    """The value shown to the reviewer is not the current one any more."""


def _norm(kind: str, v: Any) -> Any:
    return (v or []) if kind == "list" else v


def _row(view: DocView, table: str, key: Any) -> dict[str, Any]:
    for r in view.children.get(table, []):
        if str(r.get("seq")) == str(key):
            return r
    raise InvalidValue(f"{table} has no row {key} in this document")


def _row_values(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {c: to_log(row.get(c)) for c in EDITABLE[table]}


def build(view: DocView, body: dict[str, Any], who: str) -> Correction:
    """The log entry for ``body``; raises :class:`InvalidValue` or :class:`Conflict`."""
    op = body.get("op", "set")
    table = body.get("table")
    if op not in OPS:
        raise InvalidValue(f"unknown op {op!r}")
    if table not in EDITABLE:
        raise InvalidValue(f"unknown table {table!r}")
    doc_id = str(view.document["doc_id"])
    at = now_utc()
    if op in ("add", "remove") or (op == "confirm" and body.get("field", ROW) == ROW and table != "documents"):
        if table not in CHILD_TABLES:
            raise InvalidValue(f"rows can be added or removed in {', '.join(CHILD_TABLES)} only")
        if op == "add":
            values = coerce_row(table, body.get("values") or {})
            if not any(v not in (None, []) for v in values.values()):
                raise InvalidValue("a new row needs at least one value")
            return Correction(doc_id, table, ROW, str(view.next_seq[table]), None, values, who, at)
        row = _row_values(table, _row(view, table, body.get("row_key")))
        row_key = str(body.get("row_key"))
        return Correction(doc_id, table, ROW, row_key, row, None if op == "remove" else row, who, at)
    field = str(body.get("field"))
    kind = kind_of(table, field)
    key: str | None
    if table == "documents":
        key = None
        current = _norm(kind, to_log(view.document.get(field)))
    else:
        key = str(body.get("row_key"))
        current = _norm(kind, to_log(_row(view, table, key).get(field)))
    if "old" in body and coerce(table, field, body["old"]) != coerce(table, field, current):
        raise Conflict(f"{field} changed meanwhile (now {current!r}); reload the document")
    new = current if op == "confirm" else _norm(kind, coerce(table, field, body.get("new")))
    return Correction(doc_id, table, field, key, current, new, who, at)
