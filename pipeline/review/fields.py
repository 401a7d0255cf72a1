"""Which fields a reviewer may correct, their types, and how typed values travel.

Why types are derived from :data:`pipeline.store.schema.SCHEMAS`: a corrected
value must fit the column it replaces (a date stays a date, a list stays a
list), and deriving the kinds from the storage schema keeps the editor, the
log and the parquet writer from disagreeing.

Values have three forms: the *row* form used in tables (``datetime.date``,
``int``, ``list[str]``), the *log* form stored in ``log.jsonl`` and sent to
the browser (ISO date strings, plain JSON), and the *text* form of the
``corrections`` table's ``old``/``new`` columns (scalars as text, lists and
whole rows as JSON).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pyarrow as pa

from pipeline.store.schema import SCHEMAS

#: the pseudo-field of a whole child row: add (old null), remove (new null), confirm (old == new)
ROW = "*"

#: child tables a reviewer edits row by row (each row carries a ``verified`` flag)
CHILD_TABLES: tuple[str, ...] = ("activities", "deadlines", "contacts")

#: documents columns a reviewer may correct: extracted values and the per-document normalised ones
DOCUMENT_FIELDS: tuple[str, ...] = (
    "title", "kind", "event", "edition", "year", "issuer", "issuer_mark", "doc_number",
    "doc_number_agency", "doc_number_year", "doc_number_serial", "issue_date", "signer", "urgency",
    "classification", "copy_number", "serial", "recipients", "cc", "printer", "print_date", "theme",
    "period_start", "period_end", "attachments", "slogans",
    "issuer_canonical", "issuer_level", "province", "city", "county",
)

#: per table: the columns that are not row identity or review bookkeeping
_KEYS = ("doc_id", "seq", "verified")
EDITABLE: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_FIELDS,
    **{t: tuple(n for n in SCHEMAS[t].names if n not in _KEYS) for t in CHILD_TABLES},
}

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class InvalidValue(ValueError):
    """A submitted value that does not fit its column; the message is shown to the reviewer."""


def kind_of(table: str, field: str) -> str:
    """``str``, ``int``, ``float``, ``date``, ``time`` or ``list`` for an editable column."""
    if field not in EDITABLE.get(table, ()):
        raise InvalidValue(f"{table}.{field} is not a correctable field")
    if table == "deadlines" and field == "time":
        return "time"
    t = SCHEMAS[table].field(field).type
    if pa.types.is_date(t):
        return "date"
    if pa.types.is_integer(t):
        return "int"
    if pa.types.is_floating(t):
        return "float"
    if pa.types.is_list(t):
        return "list"
    return "str"


def field_kinds() -> dict[str, dict[str, str]]:
    """Every editable field's kind, per table (sent to the editor)."""
    return {t: {f: kind_of(t, f) for f in fields} for t, fields in EDITABLE.items()}


def coerce(table: str, field: str, value: Any) -> Any:
    """A submitted value in log form, validated for its column; empty means null (or [])."""
    kind = kind_of(table, field)
    if kind == "list":
        items = value.splitlines() if isinstance(value, str) else value
        if items is None:
            return []
        if not isinstance(items, list):
            raise InvalidValue(f"{field}: expected a list of texts")
        return [str(v).strip() for v in items if v is not None and str(v).strip()]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip()
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "date":
            return dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise InvalidValue(f"{field}: {text!r} is not a valid {'YYYY-MM-DD date' if kind == 'date' else kind}") \
            from exc
    if kind == "time":
        m = _TIME.match(text)
        if m is None:
            raise InvalidValue(f"{field}: {text!r} is not a time HH:MM")
        return f"{int(m.group(1)):02d}:{m.group(2)}"
    return text


def coerce_row(table: str, values: Any) -> dict[str, Any]:
    """A whole child row (add) in log form: every editable column, missing ones null."""
    if not isinstance(values, dict):
        raise InvalidValue("a row must be an object of column values")
    unknown = set(values) - set(EDITABLE[table])
    if unknown:
        raise InvalidValue(f"{table} has no correctable column {sorted(unknown)[0]!r}")
    return {f: coerce(table, f, values.get(f)) for f in EDITABLE[table]}


def to_log(v: Any) -> Any:
    """Row form → log form (dates as ISO text, containers recursively)."""
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [to_log(x) for x in v]
    if isinstance(v, dict):
        return {k: to_log(x) for k, x in v.items()}
    if hasattr(v, "tolist"):  # numpy arrays and scalars from pandas-backed readers
        return to_log(v.tolist())
    return v


def to_row(table: str, field: str, v: Any) -> Any:
    """Log form → row form for one column."""
    if v is None:
        return [] if kind_of(table, field) == "list" else None
    if kind_of(table, field) == "date":
        return dt.date.fromisoformat(str(v))
    return list(v) if isinstance(v, list) else v


def as_text(v: Any) -> str | None:
    """Log form → the text of the ``corrections`` table's ``old``/``new`` columns."""
    if v is None:
        return None
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, sort_keys=isinstance(v, dict))
    return str(v)
