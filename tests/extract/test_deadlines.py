"""Dated submission / registration deadlines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from seedgold import GOLD, SEEDS

from pipeline.extract import deadlines
from pipeline.extract.source import make_source
from pipeline.model import Found, Record


def _run(text: str, issue: dt.date | None = None, year: int | None = None) -> Record:
    rec = Record()
    if issue:
        rec.issue_date = Found(issue, 0, 0, "test")
    if year:
        rec.year = Found(year, 0, 0, "test")
    deadlines.fill(make_source(text), rec)
    return rec


def _dates(rec: Record) -> list[tuple[str, str | None]]:
    return [(d.date.value.isoformat(), d.time) for d in rec.deadlines]


def test_plain_deadline_with_task() -> None:
    rec = _run("做到有组织、有安排、有检查。各单位于5月13日前上报活动方案。", dt.date(2018, 5, 8))
    assert _dates(rec) == [("2018-05-13", None)]
    assert rec.deadlines[0].task == "上报活动方案"


def test_hour_and_object_before_the_date() -> None:
    text = "活动结束后，各单位要整理活动资料，活动情况照片电子版（精选2至3张）于5月16日16时前报县政务公开办公室（8010室）。"
    rec = _run(text, dt.date(2018, 5, 8))
    assert _dates(rec) == [("2018-05-16", "16:00")]
    assert rec.deadlines[0].task == "报活动情况照片电子版"


def test_verb_after_a_comma() -> None:
    rec = _run("5月20日前，上报活动总结电子版，县政务公开办将适时检查。", dt.date(2018, 5, 8))
    assert _dates(rec) == [("2018-05-20", None)]
    assert rec.deadlines[0].task == "上报活动总结电子版"


def test_registration_cutoff_with_clock_time() -> None:
    rec = _run("三、报名方式\n报名截止时间为2019年5月10日18:00，额满即止。")
    assert _dates(rec) == [("2019-05-10", "18:00")]
    assert rec.deadlines[0].task == "报名"


@pytest.mark.parametrize("text, time", [
    ("请于5月10日（星期五）下午5点前将活动方案报送至市政务公开办邮箱。", "17:00"),
    ("请于5月10日17时30分前将活动方案报送市政府办公室。", "17:30"),
    ("请于5月10日上午10点半前提交报名回执。", "10:30"),
    ("务必于5月10日下班前将总结报送区政府办公室。", None),
])
def test_clock_times(text: str, time: str | None) -> None:
    rec = _run(text, dt.date(2021, 4, 28))
    assert _dates(rec) == [("2021-05-10", time)]


def test_jiang_construction_task() -> None:
    rec = _run("请于5月10日前将活动方案报送至市政务公开办邮箱。", dt.date(2021, 4, 28))
    assert rec.deadlines[0].task == "报送活动方案"


def test_december_notice_with_january_deadline_is_next_year() -> None:
    rec = _run("请各单位于1月10日前报送年度政务公开工作总结。", dt.date(2019, 12, 20))
    assert _dates(rec) == [("2020-01-10", None)]


def test_year_from_record_year_without_issue_date() -> None:
    rec = _run("各县区于5月7日前报送拟发布的文字、图片和视频。", year=2020)
    assert _dates(rec) == [("2020-05-07", None)]


def test_no_year_at_all_is_a_warning_not_a_deadline() -> None:
    rec = _run("各县区于5月7日前报送活动方案。")
    assert rec.deadlines == []
    assert any("no year" in w for w in rec.warnings)


def test_relative_deadlines_are_not_dated() -> None:
    text = ("各单位在组织开展活动前,要提前5个工作日,将具体活动方案报县政务公开办。"
            "活动开展后，要及时总结，于5个工作日内报县政务公开办。")
    rec = _run(text, dt.date(2023, 4, 6))
    assert rec.deadlines == []
    assert any("relative" in w for w in rec.warnings)


def test_activity_dates_are_not_deadlines() -> None:
    text = ("5月15日上午9时至11时，县政府在天成广场集中举行大型户外宣传活动。"
            "各县（市）区政府主要负责同志要于5月15日当天在本地区党报发表署名文章。"
            "请各单位在5月15日前后开展宣传活动。")
    assert _run(text, dt.date(2018, 5, 8)).deadlines == []


def test_cutoff_that_reports_a_figure_is_not_a_deadline() -> None:
    text = "截至5月20日，共受理群众咨询300余人次，报送信息12条。"
    assert _run(text, dt.date(2019, 5, 25)).deadlines == []


def test_registration_window_closes_on_its_last_day() -> None:
    rec = _run("报名时间：2023年4月20日至28日，每日9:00—17:00。")
    assert _dates(rec) == [("2023-04-28", None)]
    assert rec.deadlines[0].task == "报名"


def test_repeated_text_gives_one_deadline() -> None:
    block = "各单位于5月18日前报送活动总结报告(包含图片、视频等)。\n"
    rec = _run(block + "查看更多>>" + block, dt.date(2022, 5, 7))
    assert _dates(rec) == [("2022-05-18", None)]
    assert rec.deadlines[0].task == "报送活动总结报告"


def test_traditional_script_and_full_width_digits() -> None:
    rec = _run("請各單位於５月１２日前報送活動方案，並於5月20日前上報活動總結。", dt.date(2017, 5, 2))
    assert _dates(rec) == [("2017-05-12", None), ("2017-05-20", None)]
    assert rec.deadlines[0].task == "報送活動方案"  # as printed


def test_chinese_numeral_date() -> None:
    rec = _run("请于五月十日前报送活动方案。", dt.date(2016, 4, 28))
    assert _dates(rec) == [("2016-05-10", None)]


def test_printed_year_wins_over_issue_date() -> None:
    rec = _run("请于2024年1月5日前报送全年工作总结。", dt.date(2023, 12, 1))
    assert _dates(rec) == [("2024-01-05", None)]


def test_cutoff_with_the_verb_earlier_in_the_sentence() -> None:
    rec = _run("活动期间，各地要及时报送活动信息，截止时间为5月20日下午5时。", dt.date(2017, 4, 28))
    assert _dates(rec) == [("2017-05-20", "17:00")]
    assert rec.deadlines[0].task == "报送活动信息"


def test_inclusive_marker_and_label_before_the_date() -> None:
    rec = _run("各单位须于5月10日（含）前报送活动方案。活动总结报送时间为5月25日前。", dt.date(2020, 5, 1))
    assert _dates(rec) == [("2020-05-10", None), ("2020-05-25", None)]
    assert rec.deadlines[1].task == "活动总结报送"


def test_date_before_a_non_submitting_verb_is_not_a_deadline() -> None:
    assert _run("请于5月15日前完成布展工作。", dt.date(2020, 5, 1)).deadlines == []


@pytest.mark.parametrize("text, date, time", [
    ("报名时间：即日起至5月10日17:30，额满即止。", "2024-05-10", "17:30"),
    ("即日起至5月10日接受网上报名。", "2024-05-10", None),
    ("报名时间为5月6日9:00至5月10日17:00。", "2024-05-10", "17:00"),
    ("报名时间：5月6日上午9时至5月10日下午5时", "2024-05-10", "17:00"),
    ("报名截止：5月10日。", "2024-05-10", None),
])
def test_registration_windows(text: str, date: str, time: str | None) -> None:
    rec = _run(text, year=2024)
    assert _dates(rec) == [(date, time)]
    assert rec.deadlines[0].task == "报名"


def test_registration_window_over_new_year() -> None:
    assert _dates(_run("报名时间：2025年12月22日至1月6日", year=2025)) == [("2026-01-06", None)]
    assert _dates(_run("报名时间：2025年12月22日至2026年1月6日", year=2025)) == [("2026-01-06", None)]


def test_registration_by_phone_is_the_task() -> None:
    rec = _run("有意参加活动的市民请于5月10日前拨打电话报名。", year=2024)
    assert rec.deadlines[0].task == "报名"


def test_latest_date_without_qian() -> None:
    rec = _run("请各单位最迟于5月20日将活动总结报送区政务公开办。活动信息请不晚于5月16日报送。", year=2024)
    assert _dates(rec) == [("2024-05-20", None), ("2024-05-16", None)]
    assert [d.task for d in rec.deadlines] == ["报送活动总结", "报送活动信息"]


def test_object_before_the_verb_with_a_destination() -> None:
    rec = _run("请于5月8日下午5点前将报名回执发送至指定邮箱。", year=2024)
    assert _dates(rec) == [("2024-05-08", "17:00")]
    assert rec.deadlines[0].task == "发送报名回执"


def test_window_labelled_on_the_line_above() -> None:
    text = "二、意见征集起止时间：\n\n2023年6月2日至2023年6月18日。\n三、反馈渠道\n电子邮件。"
    rec = _run(text)
    assert _dates(rec) == [("2023-06-18", None)]
    assert rec.deadlines[0].task == "意见征集"


def test_unlabelled_window_the_public_registers_in() -> None:
    text = "“小小讲解员”体验活动将于6月12日9:00至6月20日18:00，通过区政府公众号报名。"
    rec = _run(text, year=2024)
    assert _dates(rec) == [("2024-06-20", "18:00")]
    assert rec.deadlines[0].task == "通过区政府公众号报名"


def test_a_duty_or_an_activity_over_a_period_is_no_deadline() -> None:
    text = ("6月1日至6月10日，各单位要及时报送活动信息。"
            "活动时间为6月12日至6月13日，请各单位认真组织报名工作。"
            "7月1日至7月5日，共有150余名市民报名。")
    assert _run(text, year=2024).deadlines == []


def test_suggestions_due_before_a_date() -> None:
    rec = _run("欢迎社会各界于7月15日前提出意见和建议。", year=2022)
    assert _dates(rec) == [("2022-07-15", None)]


def test_one_closing_day_restated_is_one_deadline() -> None:
    text = "一、征集时间\n2024年3月1日至3月20日\n二、征集方式\n请于3月20日17时前将建议发送至邮箱。"
    assert _dates(_run(text)) == [("2024-03-20", "17:00")]


def test_year_printed_in_the_text_when_the_record_has_none() -> None:
    text = "区档案馆2023年继续开放。请有意参加的市民于9月8日前电话报名。"
    assert _dates(_run(text)) == [("2023-09-08", None)]


def test_december_notice_deadlines_in_both_years() -> None:
    rec = _run("请于12月28日前报送年度总结，并于1月5日前报送下年度工作计划。", dt.date(2023, 12, 10))
    assert _dates(rec) == [("2023-12-28", None), ("2024-01-05", None)]


# ---------------------------------------------------------------- the five seeds


def _seed_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if SEEDS.exists() and GOLD.exists() else []


@pytest.mark.skipif(not _seed_cases(), reason="dev seeds not available")
@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_deadlines_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    issue = dt.date.fromisoformat(gold["issue_date"]) if gold.get("issue_date") else None
    rec = _run(text, issue, gold.get("year"))
    # scored like score.py: deadlines are matched by date alone
    assert sorted(d.date.value.isoformat() for d in rec.deadlines) == sorted(d["date"] for d in gold["deadlines"])


def test_compact_date_that_lost_year_and_month_marks() -> None:
    text = "通过电话进行报名,报名截止日期为20231009日17:00时。"
    assert _dates(_run(text, year=2023)) == [("2023-10-09", "17:00")]


@pytest.mark.parametrize("text", [
    "报名截止日期为2023116日。",  # 1月16日 or 11月6日: no single reading
    "报名截止日期为20231341日。",  # no such month
    "报名截止编号为120231009日。",  # a longer digit run is not a date
])
def test_compact_digits_without_one_reading_are_not_dates(text: str) -> None:
    assert _run(text, year=2023).deadlines == []


def test_deadline_whose_day_character_was_lost() -> None:
    rec = _run("请各单位按照通知要求尽快组织实施，并于8月30前将活动信息报县政务公开办公室。", dt.date(2023, 7, 29))
    assert _dates(rec) == [("2023-08-30", None)]


def test_parenthetical_aside_between_object_and_verb() -> None:
    text = ("请于8月30日前将活动组织开展信息(包括活动方案、图文资料、开展情况成效总结)"
            "通过协同办公系统报县政务公开办公室。")
    assert _dates(_run(text, dt.date(2023, 7, 29))) == [("2023-08-30", None)]


def test_a_month_day_run_without_before_is_no_deadline() -> None:
    assert _dates(_run("活动于8月30在广场举行，共接待群众100人次。", dt.date(2023, 7, 29))) == []


def test_deadline_whose_month_and_day_characters_were_both_lost() -> None:
    rec = _run("请自愿参加活动的群众于825前通过电话和电子邮箱的方式进行报名。", dt.date(2024, 8, 22))
    assert _dates(rec) == [("2024-08-25", None)]


def test_run_together_digits_that_split_two_ways_are_no_deadline() -> None:
    rec = _run("请各单位于115前报送活动方案。", dt.date(2024, 1, 2))
    assert _dates(rec) == []
