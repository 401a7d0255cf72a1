"""ConversionResult → plain row dicts for every output table.

Plain Python values only (str, int, float, date, lists): the writer owns
the storage types.  Every non-null field value also yields an ``evidence``
row locating it (page, box, character span, confidence, method).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline import __version__
from pipeline.layout.locate import Locator
from pipeline.model import ConversionResult, Found, Record
from pipeline.store.base import Row

SCALAR_FIELDS: tuple[str, ...] = (
    "kind", "event", "edition", "year", "title", "issuer", "issuer_mark", "doc_number",
    "issue_date", "signer", "urgency", "classification", "copy_number", "serial",
    "recipients", "cc", "printer", "print_date", "theme", "period_start", "period_end",
)


def _v(f: Found[Any] | None) -> Any:
    return None if f is None else f.value


def split_doc_number(value: str | None) -> tuple[str | None, int | None, str | None]:
    if not value:
        return None, None, None
    from pipeline.extract.header import split_doc_number as split

    return split(value)


def document_row(res: ConversionResult) -> Row:
    doc = res.doc
    rec = doc.record or Record()
    row: Row = {
        "doc_id": doc.doc_id,
        "source_path": doc.rel_path,
        "source_sha256": doc.sha256,
        "source_format": doc.source_format,
        "also_at": list(res.also_at),
        "pages": len(doc.pages),
        "status": res.status.value,
        "ocr_engine": doc.ocr_engine,
        "text": doc.text,
        "pipeline_version": __version__,
    }
    for name in SCALAR_FIELDS:
        row[name] = _v(getattr(rec, name))
    agency, year, serial = split_doc_number(row["doc_number"])
    row.update(doc_number_agency=agency, doc_number_year=year, doc_number_serial=serial)
    row["attachments"] = [a.value for a in rec.attachments]
    row["slogans"] = [s.value for s in rec.slogans]
    row["warnings"] = list(rec.warnings) + [f"{e.stage}: {e.message}" for e in doc.errors]
    return row


def child_rows(res: ConversionResult) -> dict[str, list[Row]]:
    rec = res.doc.record
    did = res.doc.doc_id
    out: dict[str, list[Row]] = {"activities": [], "deadlines": [], "contacts": [], "stats": []}
    if rec is None:
        return out
    for a in rec.activities:
        out["activities"].append({
            "doc_id": did, "seq": a.seq, "title": a.title.value, "form": a.form,
            "lead_units": a.lead_units, "date_text": a.date_text, "location": a.location,
        })
    for i, d in enumerate(rec.deadlines, 1):
        out["deadlines"].append({"doc_id": did, "seq": i, "date": d.date.value, "time": d.time,
                                 "task": d.task})
    for i, c in enumerate(rec.contacts, 1):
        out["contacts"].append({
            "doc_id": did, "seq": i, "name": _v(c.name), "phones": [p.value for p in c.phones],
            "faxes": [p.value for p in c.faxes], "email": _v(c.email),
        })
    for i, s in enumerate(rec.stats, 1):
        out["stats"].append({"doc_id": did, "seq": i, "metric": s.metric, "value": s.value.value,
                             "unit": s.unit})
    return out


def _found_items(rec: Record) -> Iterator[tuple[str, Found[Any]]]:
    for name in SCALAR_FIELDS:
        f = getattr(rec, name)
        if f is not None:
            yield name, f
    for i, f in enumerate(rec.attachments):
        yield f"attachments[{i}]", f
    for i, f in enumerate(rec.slogans):
        yield f"slogans[{i}]", f
    for i, a in enumerate(rec.activities):
        yield f"activities[{i}].title", a.title
    for i, d in enumerate(rec.deadlines):
        yield f"deadlines[{i}].date", d.date
    for i, c in enumerate(rec.contacts):
        if c.name is not None:
            yield f"contacts[{i}].name", c.name
        for j, p in enumerate(c.phones):
            yield f"contacts[{i}].phones[{j}]", p
        for j, p in enumerate(c.faxes):
            yield f"contacts[{i}].faxes[{j}]", p
        if c.email is not None:
            yield f"contacts[{i}].email", c.email
    for i, s in enumerate(rec.stats):
        yield f"stats[{i}].value", s.value


def evidence_rows(res: ConversionResult) -> list[Row]:
    doc = res.doc
    if doc.record is None:
        return []
    locator = Locator(doc.line_spans)
    rows = []
    for field_name, f in _found_items(doc.record):
        loc = locator.locate(f.start, f.end)
        box = loc.bbox or (None, None, None, None)
        rows.append({
            "doc_id": doc.doc_id, "field": field_name, "value": _as_text(f.value),
            "page": loc.page, "x0": box[0], "y0": box[1], "x1": box[2], "y1": box[3],
            "char_start": f.start, "char_end": f.end,
            "confidence": round(min(f.confidence, loc.confidence), 4), "method": f.method,
        })
    return rows


def failure_rows(res: ConversionResult) -> list[Row]:
    return [{"source_path": res.doc.rel_path, "doc_id": res.doc.doc_id, "stage": e.stage,
             "error_type": e.error_type, "message": e.message} for e in res.errors]


def _as_text(v: Any) -> str:
    if hasattr(v, "isoformat"):
        return str(v.isoformat())
    return str(v)


def tables_for(results: list[ConversionResult]) -> dict[str, list[Row]]:
    """All seven tables for a batch of results."""
    tables: dict[str, list[Row]] = {
        "documents": [], "activities": [], "deadlines": [], "contacts": [], "stats": [],
        "evidence": [], "failures": [],
    }
    for res in results:
        tables["failures"].extend(failure_rows(res))
        tables["documents"].append(document_row(res))
        for name, rows in child_rows(res).items():
            tables[name].extend(rows)
        tables["evidence"].extend(evidence_rows(res))
    return tables
