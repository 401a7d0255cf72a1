"""Dataset-level normalisation: runs over all documents' rows after assembly.

:func:`enrich` receives every table (rows of every document present in the
archive) and returns them with cross-document columns and tables added.
It runs on each run that writes tables, so results never depend on
which documents were converted in which run.

Per document (:func:`normalise_document`): the issuer in one spelling and
its tier (:mod:`.organ`), the region (:mod:`.places` over the division
table of :mod:`.gazetteer`), the year reconciled with edition and period
(:mod:`.years`).  Across documents: copies of one notice grouped
(:mod:`.dedup`), then keywords and the per-year ``themes`` table
(:mod:`.themes`), in that order because themes count each notice once.
A failure in one step is recorded (``warnings`` of the document, or a
``failures`` row for a dataset step) and never stops the run.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from pipeline.normalize import dedup, gazetteer, organ, places, themes, years
from pipeline.normalize.text import has_placeholder_year
from pipeline.store.base import Row

log = logging.getLogger(__name__)

#: columns this package adds to ``documents`` (defaults when a step cannot run)
DOCUMENT_COLUMNS: dict[str, Any] = {
    "issuer_canonical": None, "issuer_level": None, "province": None, "city": None, "county": None,
    "year_source": None, "duplicate_of": None, "copies": [], "keywords": [],
}
_YEAR_METHOD = {years.EDITION: "normalize.year_from_edition", years.PERIOD: "normalize.year_from_period"}


def _hints(event: Any, gaz: gazetteer.Gazetteer) -> tuple[str, ...]:
    province = years.EVENT_PROVINCE.get(str(event)) if event else None
    return gaz.names.get(province, ()) if province else ()


def normalise_document(row: Row, gaz: gazetteer.Gazetteer,
                       evidence: dict[tuple[str, str], Row] | None = None) -> list[Row]:
    """Fill the per-document columns of one documents row; returns evidence rows for filled values."""
    canonical = organ.canonical_issuer(row.get("issuer"), row.get("issuer_mark"))
    row["issuer_canonical"] = canonical
    row["issuer_level"] = organ.issuer_level(canonical, gaz)
    region = places.resolve(gaz, issuer=canonical, issuer_mark=row.get("issuer_mark"),
                            title=row.get("title"), text=row.get("text"),
                            hints=_hints(row.get("event"), gaz))
    row.update(province=region.province, city=region.city, county=region.county)
    warnings = list(row.get("warnings") or [])
    warnings += region.warnings
    decision = years.reconcile(row, region.province, masked_year=has_placeholder_year(row.get("text")))
    warnings += [w for w in decision.warnings if w not in warnings]
    row["warnings"] = warnings
    row["year_source"] = decision.source
    new_evidence: list[Row] = []
    if decision.source in _YEAR_METHOD and row.get("year") is None:
        row["year"] = decision.year
        located = (evidence or {}).get((str(row.get("doc_id")), decision.evidence_field or ""))
        if located is not None:
            new_evidence.append({**located, "field": "year", "value": str(decision.year),
                                 "method": _YEAR_METHOD[decision.source]})
    return new_evidence


def _evidence_index(rows: list[Row]) -> dict[tuple[str, str], Row]:
    """First evidence row per (doc_id, field) for the fields a filled year can point to."""
    index: dict[tuple[str, str], Row] = {}
    for r in rows:
        f = r.get("field")
        if f in ("edition", "period_start", "period_end"):
            index.setdefault((str(r.get("doc_id")), str(f)), r)
    return index


def _failure(stage: str, exc: BaseException, row: Row | None = None) -> Row:
    log.warning("normalize %s failed: %s", stage, "".join(traceback.format_exception_only(exc)).strip())
    return {"source_path": row.get("source_path") if row else None,
            "doc_id": row.get("doc_id") if row else None,
            "stage": f"normalize.{stage}", "error_type": type(exc).__name__, "message": str(exc)}


def _dataset_step(name: str, step: Callable[[], object], failures: list[Row]) -> None:
    try:
        step()
    except Exception as exc:  # noqa: BLE001 — a normalisation bug must not lose the converted batch
        failures.append(_failure(name, exc))


def enrich(tables: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Add normalised columns and derived tables (see the module docstring)."""
    docs = tables.setdefault("documents", [])
    failures = tables.setdefault("failures", [])
    evidence = tables.setdefault("evidence", [])
    for row in docs:
        for col, default in DOCUMENT_COLUMNS.items():
            row.setdefault(col, list(default) if isinstance(default, list) else default)
    try:
        gaz = gazetteer.load()
    except Exception as exc:  # noqa: BLE001 — without the division table, regions stay null
        failures.append(_failure("gazetteer", exc))
        gaz = gazetteer.Gazetteer({}, {}, {})
    index = _evidence_index(evidence)
    for row in docs:
        try:
            evidence.extend(normalise_document(row, gaz, index))
        except Exception as exc:  # noqa: BLE001 — one odd document must not stop the batch
            row["warnings"] = list(row.get("warnings") or []) + [f"normalize: {type(exc).__name__}: {exc}"]
            failures.append(_failure("document", exc, row))
    _dataset_step("dedup", lambda: dedup.mark_copies(docs), failures)
    weights: dict[str, list[tuple[str, float]]] = {}
    _dataset_step("keywords", lambda: weights.update(themes.assign_keywords(docs)), failures)
    tables["themes"] = []
    _dataset_step("themes", lambda: tables["themes"].extend(themes.themes_rows(docs, weights)), failures)
    return tables
