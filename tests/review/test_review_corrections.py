"""Corrections: the append-only log, replaying it onto tables, and surviving pipeline runs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from review_fixtures import NOTICE

from pipeline.review import corrections as log
from pipeline.review.apply import apply_entries
from pipeline.review.corrections import Correction
from pipeline.review.dataset import Dataset
from pipeline.review.edits import Conflict, build
from pipeline.review.fields import InvalidValue, coerce
from pipeline.run import run


def _entry(table: str, field: str, old: object, new: object, key: str | None = None,
           doc_id: str = "d1", at: str | None = None) -> Correction:
    return Correction(doc_id, table, field, key, old, new, "tester", at or log.now_utc())


def _tables() -> dict[str, list[dict]]:
    return {
        "documents": [{"doc_id": "d1", "title": "旧标题", "doc_number": "喀政办〔2018〕11号",
                       "doc_number_agency": "喀政办", "doc_number_year": 2018, "doc_number_serial": "11",
                       "issue_date": dt.date(2018, 5, 8), "attachments": ["甲", "乙"], "warnings": []}],
        "deadlines": [{"doc_id": "d1", "seq": 1, "date": dt.date(2018, 5, 13), "time": None, "task": "上报方案"},
                      {"doc_id": "d1", "seq": 2, "date": dt.date(2018, 5, 20), "time": None, "task": "上报总结"}],
        "contacts": [], "activities": [],
        "evidence": [
            {"doc_id": "d1", "field": "title", "value": "旧标题", "page": 1, "x0": 1.0, "y0": 2.0, "x1": 3.0,
             "y1": 4.0, "char_start": 0, "char_end": 3, "confidence": 0.8, "method": "title.first"},
            {"doc_id": "d1", "field": "deadlines[1].date", "value": "2018-05-20", "page": 1, "x0": 1.0,
             "y0": 2.0, "x1": 3.0, "y1": 4.0, "char_start": 9, "char_end": 14, "confidence": 0.9,
             "method": "deadline"},
            {"doc_id": "d1", "field": "attachments[1]", "value": "乙", "page": 1, "x0": 1.0, "y0": 2.0,
             "x1": 3.0, "y1": 4.0, "char_start": 20, "char_end": 21, "confidence": 0.9, "method": "annex"},
        ],
    }


# ---------------------------------------------------------------- the log


def test_log_appends_and_reads_back_in_order(tmp_path: Path) -> None:
    a = _entry("documents", "title", "旧", "新")
    b = _entry("deadlines", "date", "2018-05-13", "2018-05-14", key="1")
    log.append(tmp_path, a)
    log.append(tmp_path, b)
    read = log.read_log(tmp_path)
    assert read.entries == [a, b] and read.bad_lines == []


def test_torn_last_line_is_skipped_and_not_glued_to_the_next_entry(tmp_path: Path) -> None:
    a = _entry("documents", "title", "旧", "新")
    log.append(tmp_path, a)
    with open(log.log_path(tmp_path), "ab") as f:
        f.write(b'{"doc_id": "d1", "table": "docu')  # a crash mid-write
    b = _entry("documents", "title", "新", "更新")
    log.append(tmp_path, b)
    read = log.read_log(tmp_path)
    assert read.entries == [a, b] and read.bad_lines == [2]


# ---------------------------------------------------------------- replay


def test_document_field_correction_sets_value_verified_and_evidence() -> None:
    t = _tables()
    apply_entries(t, [_entry("documents", "title", "旧标题", "新标题"),
                      _entry("documents", "doc_number", "喀政办〔2018〕11号", "喀政办〔2018〕12号")])
    doc = t["documents"][0]
    assert doc["title"] == "新标题" and doc["verified_fields"] == ["doc_number", "title"]
    assert doc["doc_number_serial"] == "12"  # derived parts follow the corrected number
    ev = next(e for e in t["evidence"] if e["field"] == "title")
    assert (ev["value"], ev["confidence"], ev["method"], ev["x0"]) == ("新标题", 1.0, "review:title.first", 1.0)
    assert doc["warnings"] == []


def test_typed_and_list_fields_keep_their_column_types() -> None:
    t = _tables()
    apply_entries(t, [_entry("documents", "issue_date", "2018-05-08", "2018-05-09"),
                      _entry("documents", "attachments", ["甲", "乙"], ["甲"])])
    doc = t["documents"][0]
    assert doc["issue_date"] == dt.date(2018, 5, 9) and doc["attachments"] == ["甲"]
    assert not [e for e in t["evidence"] if e["field"] == "attachments[1]"]  # the dropped item's evidence


def test_child_rows_edit_add_remove_confirm() -> None:
    t = _tables()
    apply_entries(t, [
        _entry("deadlines", "task", "上报方案", "上报活动方案", key="1"),
        _entry("deadlines", "*", {"date": "2018-05-20", "time": None, "task": "上报总结"}, None, key="2"),
        _entry("deadlines", "*", None, {"date": "2018-06-01", "time": "09:00", "task": "报送照片"}, key="3"),
        _entry("contacts", "*", None, {"name": "张三", "phones": ["4878216"], "faxes": [], "email": None}, key="1"),
    ])
    rows = {r["seq"]: r for r in t["deadlines"]}
    assert sorted(rows) == [1, 3]
    assert rows[1]["task"] == "上报活动方案" and rows[1]["verified"] is True
    assert rows[3] == {"doc_id": "d1", "seq": 3, "verified": True, "date": dt.date(2018, 6, 1),
                       "time": "09:00", "task": "报送照片"}
    assert t["contacts"][0]["phones"] == ["4878216"] and t["contacts"][0]["verified"] is True
    assert not [e for e in t["evidence"] if e["field"].startswith("deadlines[1]")]  # row 2's evidence


def test_replay_reports_what_no_longer_fits() -> None:
    t = _tables()
    t["deadlines"].append({"doc_id": "d1", "seq": 3, "date": None, "time": None, "task": "新抽取"})
    issues = apply_entries(t, [
        _entry("documents", "title", "别的标题", "新标题"),  # extraction changed since the review
        _entry("deadlines", "date", "2018-01-01", "2018-01-02", key="9"),  # row gone
        _entry("deadlines", "*", None, {"task": "人工添加"}, key="3"),  # seq 3 now taken by extraction
        _entry("deadlines", "task", "人工添加", "人工添加的", key="3"),  # follows the added row
    ])["d1"]
    assert t["documents"][0]["title"] == "新标题"
    assert len(issues) == 3 and all(i.startswith("review: ") for i in issues)
    assert t["documents"][0]["warnings"] == issues
    tasks = {r["seq"]: r["task"] for r in t["deadlines"]}
    assert tasks == {1: "上报方案", 2: "上报总结", 3: "新抽取", 4: "人工添加的"}


def test_values_are_validated_for_their_column() -> None:
    assert coerce("documents", "issue_date", " 2018-05-09 ") == "2018-05-09"
    assert coerce("deadlines", "time", "9:05") == "09:05"
    assert coerce("documents", "slogans", "甲\n\n乙 ") == ["甲", "乙"]
    assert coerce("documents", "title", "  ") is None
    for table, field, value in [("documents", "issue_date", "2018-13-01"), ("documents", "year", "二〇一八"),
                                ("deadlines", "time", "25:00"), ("documents", "text", "x"),
                                ("documents", "doc_id", "x")]:
        with pytest.raises(InvalidValue):
            coerce(table, field, value)


# ---------------------------------------------------------------- through pipeline runs


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    (src / "notice.txt").write_text(NOTICE, encoding="utf-8")
    return src, tmp_path / "out"


def _doc_id(out: Path) -> str:
    return str(pd.read_parquet(out / "documents")["doc_id"].iloc[0])


def test_corrections_survive_reruns_and_force(archive: tuple[Path, Path]) -> None:
    src, out = archive
    run(src, out)
    doc_id = _doc_id(out)
    view = Dataset(out).document(doc_id)
    assert view is not None and view.pending == 0
    log.append(out, build(view, {"table": "documents", "field": "title", "new": "人工标题"}, "tester"))
    log.append(out, build(view, {"op": "add", "table": "deadlines",
                                 "values": {"date": "2018-05-25", "task": "报送照片"}}, "tester"))
    assert Dataset(out).document(doc_id).pending == 2  # type: ignore[union-attr]
    before = log.log_path(out).read_bytes()

    summary = run(src, out)  # the archive is unchanged, the log is not: tables are rewritten
    assert summary.executor != "none (unchanged)"
    assert run(src, out).executor == "none (unchanged)"  # now nothing changed at all
    run(src, out, force=True)
    assert log.log_path(out).read_bytes() == before  # never rewritten by a run

    con = duckdb.connect()
    q = lambda sql: con.execute(sql.replace("OUT", str(out))).fetchall()  # noqa: E731
    assert q("select title, verified_fields from read_parquet('OUT/documents/**/*.parquet')") == \
        [("人工标题", ["title"])]
    added = q("select date, task, verified from read_parquet('OUT/deadlines/*.parquet') where verified")
    assert added == [(dt.date(2018, 5, 25), "报送照片", True)]
    assert q("select count(*) from read_parquet('OUT/deadlines/*.parquet') where not verified")[0][0] >= 1
    rows = q('select "table", field, row_key, new, who from read_parquet(\'OUT/corrections/*.parquet\') order by "at"')
    assert rows[0] == ("documents", "title", None, "人工标题", "tester")
    assert rows[1][:3] == ("deadlines", "*", "3")
    assert Dataset(out).document(doc_id).pending == 0  # type: ignore[union-attr]


def test_edit_requests_are_checked_against_the_current_view(archive: tuple[Path, Path]) -> None:
    src, out = archive
    run(src, out)
    view = Dataset(out).document(_doc_id(out))
    assert view is not None
    with pytest.raises(Conflict):
        build(view, {"table": "documents", "field": "title", "old": "不是现在的值", "new": "x"}, "t")
    with pytest.raises(InvalidValue):
        build(view, {"op": "add", "table": "deadlines", "values": {}}, "t")
    with pytest.raises(InvalidValue):
        build(view, {"op": "remove", "table": "deadlines", "row_key": 99}, "t")
    confirm = build(view, {"op": "confirm", "table": "documents", "field": "issuer"}, "t")
    assert confirm.old == confirm.new == "喀左县人民政府办公室"
