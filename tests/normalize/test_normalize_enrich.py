"""enrich() on plain rows: every column filled, and a failing step never loses the batch."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline import normalize
from pipeline.normalize import dedup


def _rows() -> dict[str, list[dict[str, Any]]]:
    docs = [
        {"doc_id": "a", "source_path": "a.txt", "status": "success", "event": "5·15政务公开日", "edition": 14,
         "year": None, "issuer": "朝阳市政府办", "issuer_mark": "朝阳市发电", "title": None, "warnings": [],
         "text": "朝阳市发电\n今年5月15日是我省第十四个政务公开日，请做好疫情防控和政策解读。\n朝阳市人民政府办公室\n"},
        {"doc_id": "b", "source_path": "b.pdf", "status": "failure", "text": "", "warnings": ["ocr: no engine"]},
    ]
    evidence = [{"doc_id": "a", "field": "edition", "value": "14", "page": 1, "char_start": 20,
                 "char_end": 25, "confidence": 1.0, "method": "event.edition"}]
    return {"documents": docs, "evidence": evidence, "failures": []}


def test_enrich_fills_every_new_column() -> None:
    tables = normalize.enrich(_rows())
    a, b = tables["documents"]
    assert (a["issuer_canonical"], a["issuer_level"]) == ("朝阳市人民政府办公室", "city")
    assert (a["province"], a["city"], a["county"]) == ("辽宁省", "朝阳市", None)
    assert (a["year"], a["year_source"]) == (2020, "edition")
    assert "疫情防控" in a["keywords"] and "政策解读" in a["keywords"]
    assert a["duplicate_of"] is None and a["copies"] == []
    for col in normalize.DOCUMENT_COLUMNS:
        assert col in b
    assert b["warnings"] == ["ocr: no engine"] and b["keywords"] == []
    filled = [e for e in tables["evidence"] if e["field"] == "year"]
    assert filled == [{**tables["evidence"][0], "field": "year", "value": "2020",
                       "method": "normalize.year_from_edition"}]
    assert {r["year"] for r in tables["themes"]} == {2020}
    assert tables["failures"] == []


def test_a_failing_dataset_step_is_recorded_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(rows: list[dict[str, Any]]) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(dedup, "mark_copies", broken)
    tables = normalize.enrich(_rows())
    assert [(f["stage"], f["error_type"]) for f in tables["failures"]] == [("normalize.dedup", "RuntimeError")]
    assert tables["documents"][0]["province"] == "辽宁省"
    assert tables["themes"]  # later steps still ran
