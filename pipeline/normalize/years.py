"""The year a document is about, reconciled with its edition (第N届) and activity period.

Liaoning has held its 5·15政务公开日 every year since 2007, so within that
series the edition fixes the year: year = 2006 + edition.  The sample
archive confirms the offset at every edition it prints — 第二个 2008 (鞍山),
第六届 2012, 第十一届 2017, 第十二届 2018 (喀左, 盘锦), 第十三个 2019,
第十四届 2020 (朝阳), 第十六届 2022 (望花), 第十七届 2023 (建昌, 铁东),
第十九届 2025 (和平街道).  Other provinces number their own days
differently (Guangxi's 第四届 政务公开日 was 2016), hence one entry per
(province, event) in :data:`SERIES`.

A year the document states is never replaced: a disagreement with the
edition is only reported in ``warnings``.  A missing year is filled from
the edition when the series is known, else from the activity period, and
``year_source`` says which (``text``, ``edition``, ``period``).  A text that
masks its year as 20xx (sample-essay sites) keeps a null year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

TEXT, EDITION, PERIOD = "text", "edition", "period"


@dataclass(frozen=True)
class Series:
    """A yearly event whose editions count from ``first_year`` (edition 1)."""

    province: str
    events: frozenset[str]
    first_year: int

    def year_of(self, edition: int) -> int:
        return self.first_year + edition - 1


#: Liaoning's 政务公开日 is the 5·15 one; texts often drop the 5·15
SERIES: tuple[Series, ...] = (
    Series("辽宁省", frozenset({"5·15政务公开日", "政务公开日"}), 2007),
)

#: events held under that name by one province only (铁东区 of a 5·15 notice is Anshan's, not
#: Siping's); only a tie-breaker between place candidates, never a region by itself
EVENT_PROVINCE: dict[str, str] = {"5·15政务公开日": "辽宁省"}


@dataclass
class YearDecision:
    year: int | None
    source: str | None
    warnings: list[str] = field(default_factory=list)
    evidence_field: str | None = None  # the field whose evidence locates a filled year


def series_for(province: str | None, event: str | None) -> Series | None:
    if not province or not event:
        return None
    for s in SERIES:
        if s.province == province and event in s.events:
            return s
    return None


def _as_int(v: Any) -> int | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if f != f else int(f)  # NaN from pandas-built rows


def _year_of_date(v: Any) -> int | None:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.year
    if isinstance(v, str) and len(v) >= 4 and v[:4].isdigit():
        return int(v[:4])
    return None


def reconcile(row: dict[str, Any], province: str | None, *, masked_year: bool = False,
              this_year: int | None = None) -> YearDecision:
    """Year, its source and warnings for one documents row (see module docstring)."""
    year = _as_int(row.get("year"))
    edition = _as_int(row.get("edition"))
    series = series_for(province, row.get("event"))
    latest = (this_year or dt.date.today().year) + 1
    implied = series.year_of(edition) if series and edition and edition > 0 else None
    if series is None or (implied is not None and not series.first_year <= implied <= latest):
        implied = None  # not this series' numbering (a monthly counter, a misread numeral)
    period_year = _year_of_date(row.get("period_start")) or _year_of_date(row.get("period_end"))
    label = f"第{edition}届 of the {province} {row.get('event')} series"
    if year is not None:
        d = YearDecision(year, TEXT)
        if implied is not None and implied != year:
            d.warnings.append(f"year: {label} is {implied}, but the text says {year}; kept {year}")
        return d
    if masked_year:
        d = YearDecision(None, None)
        if implied is not None or period_year is not None:
            d.warnings.append("year: the text masks its year as 20xx; not inferred")
        return d
    if implied is not None:
        d = YearDecision(implied, EDITION, evidence_field="edition")
        if period_year is not None and period_year != implied:
            d.warnings.append(f"year: {label} is {implied}, but the activity period is in {period_year}")
        return d
    if period_year is not None:
        field_name = "period_start" if _year_of_date(row.get("period_start")) else "period_end"
        return YearDecision(period_year, PERIOD, evidence_field=field_name)
    return YearDecision(None, None)
