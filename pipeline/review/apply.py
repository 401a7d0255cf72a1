"""Corrections layered on top of extraction, every time tables are written.

Why on top and not instead: extraction output is rebuilt from the archive on
every run (and from scratch with ``--force``); a reviewer's correction is a
decision about a *value*, which must win over whatever the extractors
produce now or later.  So the run builds the tables as always and then
replays the whole log in order (:func:`apply_entries`): later entries win,
replaying is cheap, and the result never depends on which run a correction
was first applied in.

What a replay does to the tables:

* the corrected value replaces the extracted one; ``documents.verified_fields``
  lists the document fields a reviewer corrected or confirmed, and child rows
  (activities, deadlines, contacts) carry ``verified``;
* a field's evidence keeps its page and box (where the value is printed) but
  takes the reviewed value, confidence 1 and method ``review:<method>``;
* values derived from a corrected one follow it unless they were corrected
  themselves (发文字号 parts, the canonical issuer and its level);
* child rows are addressed by the ``seq`` the reviewer saw; rows are never
  renumbered, so a removed row leaves a gap and keys stay stable;
* a correction that no longer fits (its row is gone, or the extractors now
  produce a different value than the reviewer saw) is still applied where
  possible and reported in the document's ``warnings`` as ``review: …``;
* every log entry becomes a row of the ``corrections`` table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.review import corrections as log
from pipeline.review import runinfo
from pipeline.review.fields import CHILD_TABLES, EDITABLE, ROW, as_text, kind_of, to_log, to_row
from pipeline.store.base import Row

#: derived document columns and what they are derived from
_DOC_NUMBER_PARTS = ("doc_number_agency", "doc_number_year", "doc_number_serial")
_ISSUER_DERIVED = ("issuer_canonical", "issuer_level")


@dataclass
class _Doc:
    """One document's rows while a log is replayed."""

    row: Row
    children: dict[str, list[Row]]
    evidence: dict[str, list[Row]]  # by evidence field name
    keymap: dict[tuple[str, str], int] = field(default_factory=dict)  # (table, row_key) → seq of added rows
    issues: list[str] = field(default_factory=list)


def ensure_review_columns(tables: dict[str, list[Row]]) -> None:
    """Give every row its review column (empty ``verified_fields``, ``verified`` false)."""
    for row in tables.get("documents", []):
        row["verified_fields"] = list(row.get("verified_fields") or [])
    for t in CHILD_TABLES:
        for row in tables.get(t, []):
            row["verified"] = bool(row.get("verified") or False)


def _index(tables: dict[str, list[Row]]) -> dict[str, _Doc]:
    docs = {str(r["doc_id"]): _Doc(r, defaultdict(list), defaultdict(list)) for r in tables.get("documents", [])}
    for t in CHILD_TABLES:
        for r in tables.get(t, []):
            d = docs.get(str(r.get("doc_id")))
            if d is not None:
                d.children[t].append(r)
    for r in tables.get("evidence", []):
        d = docs.get(str(r.get("doc_id")))
        if d is not None:
            d.evidence[str(r.get("field"))].append(r)
    return docs


def _ev_text(v: Any) -> str:
    return v if isinstance(v, str) else str(to_log(v))


def _update_evidence(doc: _Doc, name: str, kind: str, new: Any, dropped: set[int]) -> None:
    """Evidence of one field (``name``: evidence field, or prefix of a list's items) takes ``new``."""
    targets: list[tuple[list[Row], Any]] = []
    if kind == "list":
        for k, rows in doc.evidence.items():
            idx = k[len(name) + 1:-1]
            if k.startswith(name + "[") and k.endswith("]") and idx.isdigit():
                j = int(idx)
                targets.append((rows, new[j] if j < len(new) else None))
    else:
        targets.append((doc.evidence.get(name, []), new))
    for rows, value in targets:
        for r in rows:
            if value is None:
                dropped.add(id(r))
                continue
            r["value"] = _ev_text(value)
            r["confidence"] = 1.0
            method = str(r.get("method") or "")
            r["method"] = method if method.startswith("review:") else f"review:{method}"


def _norm(kind: str, v: Any) -> Any:
    """Log form for comparison: an absent list is an empty one."""
    return (v or []) if kind == "list" else v


def _drop_row_evidence(doc: _Doc, table: str, seq: int, dropped: set[int]) -> None:
    prefix = f"{table}[{seq - 1}]"
    for k, rows in doc.evidence.items():
        if k.startswith(prefix + ".") or k.startswith(prefix + "["):
            dropped.update(id(r) for r in rows)


def _derive(doc: _Doc, changed: str) -> None:
    """Recompute columns derived from ``changed`` unless a reviewer set them."""
    row = doc.row
    verified = set(row.get("verified_fields") or [])
    if changed == "doc_number" and not verified.intersection(_DOC_NUMBER_PARTS):
        from pipeline.store.rows import split_doc_number

        agency, year, serial = split_doc_number(row.get("doc_number"))
        row.update(doc_number_agency=agency, doc_number_year=year, doc_number_serial=serial)
    if changed in ("issuer", "issuer_mark") and "issuer_canonical" not in verified:
        from pipeline.normalize import gazetteer, organ

        row["issuer_canonical"] = organ.canonical_issuer(row.get("issuer"), row.get("issuer_mark"))
        if "issuer_level" not in verified:
            try:
                row["issuer_level"] = organ.issuer_level(row["issuer_canonical"], gazetteer.load())
            except Exception:  # noqa: BLE001 — without the division table the level stays as it was
                pass


def _mismatch(what: str, seen: Any, now: Any) -> str:
    return f"review: {what} was {as_text(seen)!r} when reviewed, extraction now gives {as_text(now)!r}; " \
           "kept the reviewed value"


def _apply_document(doc: _Doc, e: log.Correction, dropped: set[int]) -> None:
    if e.field not in EDITABLE["documents"]:
        doc.issues.append(f"review: documents.{e.field} is not correctable; correction ignored")
        return
    kind = kind_of("documents", e.field)
    current = _norm(kind, to_log(doc.row.get(e.field)))
    if current != _norm(kind, e.old):
        doc.issues.append(_mismatch(e.field, e.old, current))
    doc.row[e.field] = to_row("documents", e.field, e.new)
    doc.row["verified_fields"] = sorted(set(doc.row.get("verified_fields") or []) | {e.field})
    _update_evidence(doc, e.field, kind, _norm(kind, e.new), dropped)
    if e.old != e.new:
        _derive(doc, e.field)


def _find_row(doc: _Doc, table: str, key: str | None) -> Row | None:
    if key is None:
        return None
    seq = doc.keymap.get((table, key))
    if seq is None:
        try:
            seq = int(key)
        except ValueError:
            return None
    return next((r for r in doc.children[table] if r.get("seq") == seq), None)


def _row_values(table: str, row: Row) -> dict[str, Any]:
    return {c: to_log(row.get(c)) for c in EDITABLE[table]}


def _add_row(doc: _Doc, tables: dict[str, list[Row]], e: log.Correction) -> None:
    rows = doc.children[e.table]
    try:
        seq = int(e.row_key or "")
    except ValueError:
        seq = 0
    taken = {r.get("seq") for r in rows}
    if seq <= 0 or seq in taken:
        wanted = seq
        seq = max([s for s in taken if isinstance(s, int)] + [0]) + 1
        if wanted > 0:
            doc.issues.append(f"review: added {e.table} row {wanted} is row {seq} now "
                              f"(extraction now has a row {wanted})")
    doc.keymap[(e.table, e.row_key or "")] = seq
    values = e.new if isinstance(e.new, dict) else {}
    row: Row = {"doc_id": e.doc_id, "seq": seq, "verified": True}
    for c in EDITABLE[e.table]:
        row[c] = to_row(e.table, c, values.get(c))
    rows.append(row)
    tables.setdefault(e.table, []).append(row)


def _apply_child(doc: _Doc, tables: dict[str, list[Row]], e: log.Correction, dropped: set[int]) -> None:
    if e.field == ROW and e.old is None:
        _add_row(doc, tables, e)
        return
    row = _find_row(doc, e.table, e.row_key)
    if row is None:
        doc.issues.append(f"review: {e.table} row {e.row_key} no longer exists; "
                          f"correction of {e.field} not applied")
        return
    seq = int(row["seq"])
    if e.field == ROW:
        now = _row_values(e.table, row)
        seen = e.old if isinstance(e.old, dict) else {}
        if any(now.get(k) != v for k, v in seen.items() if k in now):
            doc.issues.append(_mismatch(f"{e.table} row {seq}", seen, now))
        if e.new is None:
            doc.children[e.table].remove(row)
            dropped.add(id(row))
            _drop_row_evidence(doc, e.table, seq, dropped)
        else:
            row["verified"] = True
        return
    if e.field not in EDITABLE[e.table]:
        doc.issues.append(f"review: {e.table}.{e.field} is not correctable; correction ignored")
        return
    kind = kind_of(e.table, e.field)
    current = _norm(kind, to_log(row.get(e.field)))
    if current != _norm(kind, e.old):
        doc.issues.append(_mismatch(f"{e.table} row {seq} {e.field}", e.old, current))
    row[e.field] = to_row(e.table, e.field, e.new)
    row["verified"] = True
    _update_evidence(doc, f"{e.table}[{seq - 1}].{e.field}", kind, _norm(kind, e.new), dropped)


def apply_entries(tables: dict[str, list[Row]], entries: Iterable[log.Correction]) -> dict[str, list[str]]:
    """Replay ``entries`` in order onto ``tables`` (in place); returns the issues per doc_id.

    Works on any subset of the tables (the review app passes one
    document's rows); entries for documents not in ``tables`` are skipped.
    """
    ensure_review_columns(tables)
    docs = _index(tables)
    dropped: set[int] = set()
    for e in entries:
        doc = docs.get(e.doc_id)
        if doc is None:
            continue
        if e.table == "documents":
            _apply_document(doc, e, dropped)
        elif e.table in CHILD_TABLES:
            _apply_child(doc, tables, e, dropped)
    if dropped:
        for name in ("evidence", *CHILD_TABLES):
            if name in tables:
                tables[name] = [r for r in tables[name] if id(r) not in dropped]
    issues = {}
    for doc_id, doc in docs.items():
        if doc.issues:
            doc.row["warnings"] = list(doc.row.get("warnings") or []) + doc.issues
            issues[doc_id] = doc.issues
    return issues


def correction_rows(entries: Iterable[log.Correction]) -> list[Row]:
    """The ``corrections`` table: every log entry, values as text, ``at`` as naive UTC."""
    return [{"doc_id": e.doc_id, "table": e.table, "field": e.field, "row_key": e.row_key,
             "old": as_text(e.old), "new": as_text(e.new), "who": e.who, "at": log.parse_at(e.at).replace(tzinfo=None)}
            for e in entries]


def apply_corrections(tables: dict[str, list[Row]], out_dir: Path,
                      input_dir: Path | None = None) -> dict[str, list[Row]]:
    """The run hook: replay ``OUT/_corrections/log.jsonl`` onto freshly built tables.

    Also records the run's input folder (for the review app) and stages the
    log's stamp that :func:`corrections_written` commits once the tables
    are on disk.  Unreadable log lines become ``failures`` rows.
    """
    out_dir = Path(out_dir)
    if input_dir is not None:
        runinfo.write_run_info(out_dir, input_dir)
    runinfo.stage_stamp(out_dir)  # before reading: an append after this point triggers the next run
    read = log.read_log(out_dir)
    apply_entries(tables, read.entries)
    tables["corrections"] = correction_rows(read.entries)
    for n in read.bad_lines:
        tables.setdefault("failures", []).append({
            "source_path": None, "doc_id": None, "stage": "review", "error_type": "CorruptLogLine",
            "message": f"{log.log_path(out_dir)} line {n} is not a readable correction; skipped"})
    return tables


def corrections_written(out_dir: Path) -> None:
    """Call after the tables are written: they now reflect the staged log stamp."""
    runinfo.commit_stamp(Path(out_dir))


def corrections_changed(out_dir: Path) -> bool:
    """True when the log changed since the tables were last written (the run must rewrite)."""
    return runinfo.log_changed(Path(out_dir))
