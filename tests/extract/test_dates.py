"""Date parsing: numerals, ranges, placeholders, year resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import (
    DEADLINE_TAIL,
    PLACEHOLDER_YEAR,
    PUBLISH_DATE,
    DayRef,
    cn_int,
    day_to_date,
    find_day_ranges,
    parse_full_date,
    range_to_dates,
    resolve_year,
)
from pipeline.extract.lines import DATE_STAMP, stamp_ymd
from pipeline.extract.source import normalise_for_matching

D = dt.date


@pytest.mark.parametrize("s, n", [("12", 12), ("十六", 16), ("二十三", 23), ("三十一", 31), ("十", 10),
                                  ("二〇一八", 2018), ("二O二O", 2020), ("一百零五", 105), ("x", None)])
def test_cn_int(s: str, n: int | None) -> None:
    assert cn_int(s) == n


@pytest.mark.parametrize("s, d", [
    ("2018年5月8日", D(2018, 5, 8)),
    ("二〇一八年五月八日", D(2018, 5, 8)),
    ("二○一九年十二月三十一日", D(2019, 12, 31)),
    ("2023 年 4 月 6 日", D(2023, 4, 6)),
    ("2022年2月30日", None),
])
def test_parse_full_date(s: str, d: dt.date | None) -> None:
    assert parse_full_date(s) == d


def _ranges(s: str) -> list[tuple[DayRef, DayRef]]:
    return [(r.first, r.last) for r in find_day_ranges(normalise_for_matching(s))]


def test_ranges_share_what_the_second_half_omits() -> None:
    assert _ranges("2020年5月15日—31日。") == [(DayRef(2020, 5, 15), DayRef(2020, 5, 31))]
    assert _ranges("5月9日至15日") == [(DayRef(None, 5, 9), DayRef(None, 5, 15))]
    assert _ranges("5月15日至5月20日") == [(DayRef(None, 5, 15), DayRef(None, 5, 20))]
    assert _ranges("５月１５日－２０日") == [(DayRef(None, 5, 15), DayRef(None, 5, 20))]
    assert _ranges("五月十三日至十七日") == [(DayRef(None, 5, 13), DayRef(None, 5, 17))]
    assert _ranges("5月14日（星期二）至5月18日（星期六）") == [(DayRef(None, 5, 14), DayRef(None, 5, 18))]


def test_clock_range_is_one_day() -> None:
    (r,) = find_day_ranges("5月15日上午9时至11时，县政府")
    assert r.first == r.last == DayRef(None, 5, 15)
    (r,) = find_day_ranges("2021年5月20日（星期四）上午9:00—11:30")
    assert r.first == r.last == DayRef(2021, 5, 20)


def test_placeholder_year() -> None:
    (r,) = find_day_ranges("20xx年5月15日是第十二个政务公开日")
    assert r.first.placeholder and r.first.year is None
    assert day_to_date(r.first, D(2020, 5, 1), 2020) is None
    assert PLACEHOLDER_YEAR.search("20XX年") and not PLACEHOLDER_YEAR.search("2020年")


def test_range_to_dates_year_sources_and_new_year_rollover() -> None:
    (r,) = find_day_ranges("12月28日至1月5日")
    assert range_to_dates(r, None, 2020) == (D(2020, 12, 28), D(2021, 1, 5))
    (r,) = find_day_ranges("5月9日至15日")
    assert range_to_dates(r, D(2018, 5, 8), None) == (D(2018, 5, 9), D(2018, 5, 15))
    assert range_to_dates(r, None, None) is None


def test_resolve_year() -> None:
    assert resolve_year(1, D(2019, 12, 20)) == 2020
    assert resolve_year(5, D(2019, 5, 2)) == 2019
    assert resolve_year(5, None, 2021) == 2021


def test_deadline_tail() -> None:
    s = "于5月13日前上报"
    (r,) = find_day_ranges(s)
    assert DEADLINE_TAIL.match(s, r.end)
    s = "于5月16日16时前报送"
    (r,) = find_day_ranges(s)
    assert DEADLINE_TAIL.match(s, r.end)
    s = "5月15日至20日在全县开展"
    (r,) = find_day_ranges(s)
    assert not DEADLINE_TAIL.match(s, r.end)


def test_publish_date() -> None:
    m = PUBLISH_DATE.search("发布时间：2022-05-12 来源：XX区政府办".replace("：", ":"))
    assert m and (m["y"], m["m"], m["d"]) == ("2022", "05", "12")
    m = PUBLISH_DATE.search("發文字號: | | 發布日期: | 2017-04-20 |".replace("發布", "发布"))
    assert m and (m["y"], m["m"], m["d"]) == ("2017", "04", "20")


@pytest.mark.parametrize("line, ymd", [
    ("26.04.2016  10:05", (2016, 4, 26)),
    ("2016-04-26 10:05:33", (2016, 4, 26)),
    ("[2016/4/26]", (2016, 4, 26)),
    ("2016年04月26日 10:05", (2016, 4, 26)),
    ("2016年4月26日", None),  # a 年月日 date alone may be a 成文日期, not a page stamp
    ("联系电话 0411-8888", None),
])
def test_bare_page_date_stamp(line: str, ymd: tuple[int, int, int] | None) -> None:
    m = DATE_STAMP.match(line)
    assert (stamp_ymd(m) if m else None) == ymd


def test_chinese_numeral_full_dates_with_ocr_zero() -> None:
    assert parse_full_date(normalise_for_matching("二〇二三年十二月三十一日")) == D(2023, 12, 31)
    assert parse_full_date(normalise_for_matching("二○一九年五月八日")) == D(2019, 5, 8)
    assert parse_full_date(normalise_for_matching("二零二一年六月一日")) == D(2021, 6, 1)


def test_compact_range_inside_one_month() -> None:
    (r,) = find_day_ranges("于6月3-6日在全县开展宣传")
    assert (r.first.month, r.first.day, r.last.month, r.last.day) == (6, 3, 6, 6)
    (r,) = find_day_ranges(normalise_for_matching("九月十至十二日"))
    assert (r.first.day, r.last.day) == (10, 12)
    assert range_to_dates(r, None, 2020) == (D(2020, 9, 10), D(2020, 9, 12))


def test_days_listed_in_one_month_span_first_to_last() -> None:
    (r,) = find_day_ranges("定于9月3、4日开放")
    assert (r.first.month, r.first.day, r.last.day) == (9, 3, 4)


@pytest.mark.parametrize("text, expected", [
    ("定于20211019日开展", (2021, 10, 19)),   # 年 and 月 lost
    ("将于2021年816日组织", (2021, 8, 16)),   # 月 lost: 8-16 is the only reading
    ("于2020年0515日举办", (2020, 5, 15)),
    ("2021年1231日", (2021, 12, 31)),
])
def test_dates_that_lost_their_marks_are_read_when_unambiguous(text: str, expected: tuple[int, int, int]) -> None:
    rs = find_day_ranges(normalise_for_matching(text))
    assert len(rs) == 1
    assert (rs[0].first.year, rs[0].first.month, rs[0].first.day) == expected
    assert rs[0].first == rs[0].last


@pytest.mark.parametrize("text", ["2021年111日", "2021年1311日", "〔202130号", "第2021123号"])
def test_damaged_digits_with_two_readings_or_none_give_no_date(text: str) -> None:
    assert find_day_ranges(normalise_for_matching(text)) == []


def test_month_day_run_together_before_day_or_time_of_day() -> None:
    got = [(r.first.month, r.first.day) for r in find_day_ranges("满意度1020下午市代建中心组织开展活动，持续到1010日。")]
    assert got == [(10, 20), (10, 10)]


def test_counts_of_days_are_not_run_together_dates() -> None:
    assert find_day_ranges("须在120日内完成整改，共100日。") == []
