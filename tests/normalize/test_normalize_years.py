"""Year ↔ edition reconciliation (pipeline.normalize.years)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.normalize import years

REPO = Path(__file__).resolve().parents[2]
LIAONING_515 = "5·15政务公开日"


def test_series_offset_matches_every_labelled_liaoning_document() -> None:
    """Gold labels (dev set and the real web pages) with both year and edition agree with 2006 + N."""
    golds = sorted((REPO / "tests" / "golden" / "web").glob("*.json"))
    shared = REPO.parent / "shared" / "dev" / "gold"
    golds += sorted(shared.glob("*.json")) if shared.is_dir() else []
    checked = 0
    for path in golds:
        g = json.loads(path.read_text(encoding="utf-8"))
        liaoning = g.get("event") == LIAONING_515 or "anshan" in path.stem
        if g.get("year") and g.get("edition") and liaoning and "guangxi" not in path.stem:
            assert years.SERIES[0].year_of(g["edition"]) == g["year"], path.name
            checked += 1
    assert checked >= 5


@pytest.mark.parametrize("edition, year", [(2, 2008), (6, 2012), (12, 2018), (14, 2020), (16, 2022), (19, 2025)])
def test_year_filled_from_edition(edition: int, year: int) -> None:
    d = years.reconcile({"year": None, "edition": edition, "event": LIAONING_515}, "辽宁省", this_year=2025)
    assert (d.year, d.source, d.warnings, d.evidence_field) == (year, "edition", [], "edition")


def test_plain_zhengwu_gongkai_ri_in_liaoning_is_the_515_series() -> None:
    d = years.reconcile({"year": None, "edition": 2, "event": "政务公开日"}, "辽宁省")
    assert d.year == 2008


def test_no_fill_outside_the_series() -> None:
    # Guangxi numbers its own 政务公开日 (第四届 was 2016): no Liaoning arithmetic there
    d = years.reconcile({"year": None, "edition": 4, "event": "政务公开日"}, "广西壮族自治区")
    assert (d.year, d.source) == (None, None)
    # province unknown → nothing to go on
    assert years.reconcile({"year": None, "edition": 12, "event": LIAONING_515}, None).year is None
    # a numeral that maps to a future year is not this series' edition
    assert years.reconcile({"year": None, "edition": 60, "event": LIAONING_515}, "辽宁省",
                           this_year=2025).year is None


def test_stated_year_is_never_overwritten_but_contradiction_is_flagged() -> None:
    d = years.reconcile({"year": 2019, "edition": 12, "event": LIAONING_515}, "辽宁省")
    assert (d.year, d.source) == (2019, "text")
    assert d.warnings and "2018" in d.warnings[0] and "2019" in d.warnings[0]
    ok = years.reconcile({"year": 2018, "edition": 12, "event": LIAONING_515}, "辽宁省")
    assert ok.warnings == []


def test_year_from_period_and_period_contradiction() -> None:
    d = years.reconcile({"year": None, "period_start": dt.date(2021, 5, 10)}, "湖南省")
    assert (d.year, d.source, d.evidence_field) == (2021, "period", "period_start")
    d = years.reconcile({"year": None, "edition": 12, "event": LIAONING_515,
                         "period_start": dt.date(2019, 5, 15)}, "辽宁省")
    assert d.year == 2018 and d.source == "edition"
    assert "2019" in d.warnings[0]


def test_masked_year_stays_null() -> None:
    d = years.reconcile({"year": None, "edition": 12, "event": LIAONING_515}, "辽宁省", masked_year=True)
    assert d.year is None and "20xx" in d.warnings[0]
