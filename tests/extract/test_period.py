"""Activity period."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from seedgold import GOLD, SEEDS

from pipeline.extract import event, header, period, signature
from pipeline.extract.source import make_source
from pipeline.model import Record

D = dt.date


def run(text: str) -> tuple[dt.date | None, dt.date | None]:
    src = make_source(text)
    rec = Record()
    for mod in (header, signature, event, period):
        mod.fill(src, rec)
    if rec.period_start is None:
        assert rec.period_end is None
        return None, None
    assert rec.period_end is not None
    assert 0 <= rec.period_start.start < rec.period_start.end <= len(text)
    return rec.period_start.value, rec.period_end.value


def test_section_with_year_and_day_only_end() -> None:
    text = ("关于开展朝阳市第十四届“5·15政务公开日”活动的通知\n各单位：\n"
            "三、活动时间\n\n2020年5月15日—31日。\n\n四、活动内容\n各单位于5月7日前报送材料。\n")
    assert run(text) == (D(2020, 5, 15), D(2020, 5, 31))


def test_section_beats_sub_item_times_and_takes_title_year() -> None:
    text = ("关于印发2022年望花区“5·15政务公开日”活动方案的通知\n"
            "三、活动时间\n5月15日至5月20日。\n四、活动内容\n1.开展线上活动。\n活动时间:5月16日至5月25日\n"
            "2.现场宣传。\n活动时间:5月15日上午9时\n")
    assert run(text) == (D(2022, 5, 15), D(2022, 5, 20))


def test_campaign_sentence_and_later_one_day_subactivity() -> None:
    text = ("喀左县人民政府办公室关于组织开展第十二届“5·15政务公开日”活动的通知\n各乡镇：\n"
            "县政府决定从5月9日至15日在全县范围内组织开展一系列政务公开宣传活动，现将有关事项通知如下：\n"
            "5月15日上午9时至11时，县政府在天成广场集中举行大型户外宣传活动。各单位于5月13日前上报活动方案。\n"
            "喀左县人民政府办公室\n2018年5月8日\n")
    assert run(text) == (D(2018, 5, 9), D(2018, 5, 15))


def test_single_day_with_clock_range() -> None:
    text = ("关于举办2021年“政府开放日”活动的公告\n"
            "一、活动时间：2021年5月20日（星期四）上午9:00—11:30\n二、报名方式\n请于5月16日前报名。\n")
    assert run(text) == (D(2021, 5, 20), D(2021, 5, 20))


def test_deadline_is_never_a_period() -> None:
    text = ("关于开展政务公开日活动的通知\n各单位：\n请各单位于5月10日至12日前上报活动方案。\n"
            "某某县人民政府办公室\n2019年5月6日\n")
    assert run(text) == (None, None)


def test_event_day_sentence_gives_one_day_period() -> None:
    text = ("关于开展政务公开日活动的通知\n各单位：\n今年5月15日是我省第十三个“政务公开日”，请各单位认真组织。\n"
            "某某县人民政府办公室\n2019年5月6日\n")
    assert run(text) == (D(2019, 5, 15), D(2019, 5, 15))


def test_placeholder_year_gives_no_period() -> None:
    text = ("5.15政务公开活动总结 共50份\n"
            "20xx年5月15日是第十二个政务公开日。我区在5月15日开展了政务公开日活动，共接待30余人次。\n")
    assert run(text) == (None, None)


def test_monthly_plan_has_no_period() -> None:
    text = ("洞口县2023年“政务公开主题日”活动实施方案\n"
            "从2023年4月开始每月确定至少1个主题，由1个单位承办。活动开展前要提前5个工作日报送方案。\n"
            "洞口县政务公开政务服务领导小组\n2023年4月6日\n")
    assert run(text) == (None, None)


def test_only_sub_items_give_earliest_to_latest() -> None:
    text = ("2021年政务公开日活动安排\n（一）线上访谈。\n活动时间：5月17日\n（二）现场宣传。\n"
            "活动时间：5月15日至5月16日\n")
    assert run(text) == (D(2021, 5, 15), D(2021, 5, 17))


def test_chinese_numerals_and_issue_date_year() -> None:
    text = ("关于开展政务公开日活动的通知\n各单位：\n二、活动时间\n五月十三日至十七日\n"
            "某某市人民政府办公室\n二〇一九年五月六日\n")
    assert run(text) == (D(2019, 5, 13), D(2019, 5, 17))


def test_traditional_full_width() -> None:
    text = "關於舉辦２０２１年政府開放日活動的公告\n二、活動時間\n５月１５日至５月１６日\n"
    assert run(text) == (D(2021, 5, 15), D(2021, 5, 16))


def test_summary_day_the_event_was_held() -> None:
    text = ("我区开展政务公开日宣传活动\n发布时间：2021-05-17　来源：铁西区政府办\n"
            "5月15日，铁西区在中心广场开展了政务公开日宣传活动，共接待群众200余人次，取得了良好效果。\n")
    assert run(text) == (D(2021, 5, 15), D(2021, 5, 15))


def test_range_crossing_new_year() -> None:
    text = "关于开展政务公开月活动的通知\n二、活动时间\n2020年12月15日至1月15日\n"
    assert run(text) == (D(2020, 12, 15), D(2021, 1, 15))


def test_web_info_date_is_not_a_period() -> None:
    text = "关于开展政务公开日活动的通知\n时间:2022年5月12日\n各单位：\n请认真组织。\n"
    assert run(text) == (None, None)


def test_scheduled_single_day_in_a_notice() -> None:
    text = ("关于开展2020年“政府开放日”活动的通知\n各镇：\n"
            "经县委、县政府同意，定于2020年9月25日举办“政府开放日”活动。\n二、报名时间\n即日起至9月20日。\n")
    assert run(text) == (D(2020, 9, 25), D(2020, 9, 25))


def test_period_stated_as_campaign_time_sentence() -> None:
    text = "关于开展政务公开周活动的通知\n各单位：\n本次活动时间为2019年5月13日至17日，请各单位认真组织。\n"
    assert run(text) == (D(2019, 5, 13), D(2019, 5, 17))


def test_cutoff_date_is_not_a_period() -> None:
    text = "2021年政务公开日活动总结\n截至5月20日，我区共开展政务公开宣传活动12场。\n"
    assert run(text) == (None, None)


def test_event_day_sentence_broken_by_ocr() -> None:
    text = ("关于开展政务公开日活动的通知\n各单位：\n今年5月15日是我省第十三\n\n个“政务公开日”，请各单位认真组织。\n"
            "某某县人民政府办公室\n2019年5月6日\n")
    assert run(text) == (D(2019, 5, 15), D(2019, 5, 15))


def test_summary_date_opening_a_long_sentence() -> None:
    text = ("河口区开展2021年“政府开放月”集中宣传活动\n发布日期：2021-06-03\n"
            "为增进政民互动，2021年6月2日，区政府办、区政务服务局牵头组织区发改局、区人社局、区应急局、"
            "区交通局、区民政局、区卫健局、区市场监管局、区农业农村局、区水务局、区医保局、区税务局、区消防救援大队、"
            "区公积金中心等13个部门在文化广场开展2021年“政府开放月”集中宣传活动。\n共发放资料3000余份。\n")
    assert run(text) == (D(2021, 6, 2), D(2021, 6, 2))


def test_summary_launch_ceremony_held_after_the_event_name() -> None:
    text = ("市发改委参加全市第六届“政务公开日”活动启动仪式\n19.05.2018 10:02\n"
            "5月18日上午，以“公开促落实，服务惠民生”为主题的全市第六届“政务公开日”活动启动仪式在市民广场举行。"
            "40个部门200余人参加活动。\n")
    assert run(text) == (D(2018, 5, 18), D(2018, 5, 18))


def test_summary_event_named_before_the_date() -> None:
    text = ("活动总结\n按照2019年××县“政务公开日”活动方案的要求，结合我乡实际，5月15日××乡司法所、财政所等部门"
            "在乡政府门前展开集中宣传活动，共发放传单五百余份。\n")
    assert run(text) == (D(2019, 5, 15), D(2019, 5, 15))


def test_damaged_may_15_day() -> None:
    text = ("某局开展“政务公开日”宣传活动\n发布时间:2020-05-18\n"
            "515日是我省第十四个“政务公开日”。某局在服务大厅开展了一系列宣传活动。\n")
    assert run(text) == (D(2020, 5, 15), D(2020, 5, 15))


def test_news_preview_date_nearest_before_the_event() -> None:
    # not a summary: the date opening the clause right before "举行…“开放日”" is the day, not the
    # press conference's date that opens the sentence
    text = ("市政府明日向市民开放\n\n24.06.2019  10:00\n"
            "6月24日，记者从市政府办公厅召开的通气会上获悉，6月25日，市政府将举行首个“开放日”活动，"
            "迎接各界客人。今后每年举办两次“政府开放日”活动。\n")
    assert run(text) == (D(2019, 6, 25), D(2019, 6, 25))
    # a history date of another year is no period of this page
    text = ("市政府举行2019年政府开放日活动\n\n25.06.2019  10:00\n"
            "2015年6月25日，市政府举行了首个“政府开放日”活动，今年活动规模更大。\n")
    assert run(text) == (None, None)


def test_report_with_chinese_numeral_month_and_welcomed_visitors() -> None:
    text = ("市級機關大院迎來第三次開放日\n\n2016-10-02\n來源:某某商報\n"
            "記者報道:2016年十月一日國慶當天，市級機關大院迎來了第三次“公眾開放日”活動。"
            "500餘名市民分批次進院參觀。\n")
    assert run(text) == (D(2016, 10, 1), D(2016, 10, 1))


def test_date_cells_of_a_flattened_activity_table() -> None:
    text = ("市文旅局2024年继续开展“政府开放月”活动，现将相关活动预告如下。\n"
            "序号 |\n活动时间 |\n活动名称 |\n1 |\n6月12日 |\n参观图书馆 |\n2 |\n7月3日(暂定) |\n"
            "座谈会 |\n3 |\n7月9、10日 |\n体验活动 |\n其中，体验活动将于6月20日开放报名。\n")
    assert run(text) == (D(2024, 6, 12), D(2024, 7, 10))


def test_date_cells_of_a_tabbed_activity_table() -> None:
    text = ("青禾市文旅局2023年政府开放日活动计划表\n序号\t活动主题\t时间\t地点\n"
            "1\t走进文旅局\t5月18日\t市文旅局\n2\t博物馆开放\t6月2日（暂定）\t市博物馆\n")
    assert run(text) == (D(2023, 5, 18), D(2023, 6, 2))
    # a task table's dates are not the period when the text names the day itself
    text = ("关于开展政务公开日活动的通知\n各单位：\n2023年5月15日是第十七个“政务公开日”。\n"
            "序号\t工作任务\t时间\n1\t制定方案\t5月8日\n2\t总结\t5月20日\n")
    assert run(text) == (D(2023, 5, 15), D(2023, 5, 15))


def test_planned_day_in_a_plan() -> None:
    text = ("东川县教育局政务公开日活动方案\n一、活动安排\n"
            "计划6月3日上午，由县教育局资助中心工作人员到学校周边开展“政务公开日”宣传活动。\n"
            "东川县教育局\n2022年5月30日\n")
    assert run(text) == (D(2022, 6, 3), D(2022, 6, 3))


def test_date_of_a_cited_notice_is_not_the_period() -> None:
    text = ("关于报送“政府开放日”活动信息的通知\n各乡镇：\n县政府办公室已于3月2日下发《关于开展2023年度“政府开放日”"
            "活动的通知》，请各单位于8月30日前报送活动信息。\n东川县政务公开办公室\n2023年7月20日\n")
    assert run(text) == (None, None)


def test_printed_activity_date_gives_the_year_of_an_untitled_copy() -> None:
    src = make_source("一、活动目的\n推进政务公开。\n二、活动时间\n2024年9月6日(暂定)\n三、活动地点\n镇政府\n")
    rec = Record()
    for mod in (header, signature, event, period):
        mod.fill(src, rec)
    assert rec.year is not None and rec.year.value == 2024 and rec.year.method == "year.period"


def test_registration_window_is_not_the_period() -> None:
    text = ("关于征集“政府开放日”活动市民代表的公告\n广大市民朋友：\n"
            "为推进政务公开，现面向社会征集市民代表。报名时间为7月3日至7月7日，欢迎参加政府开放日活动。\n"
            "东川县人民政府办公室\n2023年6月28日\n")
    assert run(text) == (None, None)
    text = text.replace("欢迎参加政府开放日活动。", "活动定于7月12日举办，欢迎参加政府开放日活动。")
    assert run(text) == (D(2023, 7, 12), D(2023, 7, 12))


def test_compact_campaign_range_beats_the_day_itself() -> None:
    text = ("西岭县多措并举开展第十六届政务公开日活动\n日期:2022-05-16\n"
            "2022年5月15日是我省第十六个“政务公开日”。我县于5月11-15日通过多种形式开展了政务公开日宣传活动。\n")
    assert run(text) == (D(2022, 5, 11), D(2022, 5, 15))


@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(), reason="/work/shared dev set absent")
@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_period(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    start, end = run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    assert (start and start.isoformat(), end and end.isoformat()) == (gold["period_start"], gold["period_end"])


# ---------------------------------------------------------------- invented snippets, holdout-2 causes

def test_a_date_after_zai_opens_its_clause_and_a_stamp_line_is_no_event_day() -> None:
    text = ("北山街道开展“政务公开日”活动\n\n按照区政务公开办公室的统一部署,北山街道结合自身实际,在5月15日,"
            "来到中心广场,大力宣传政务公开,着重围绕群众关心的热点问题,从街道职能、惠民政策、办事流程、"
            "社区服务、就业创业、社会保障和城市管理等方面入手进行\n\n2019年05月18日\n\n"
            "按照区政务公开办公室的统一部署,北山街道通过发放宣传材料、设置展板、现场解答咨询等方式,"
            "向过往群众宣传政务公开工作,圆满完成了2019年“政务公开日”宣传活动。\n")
    assert run(text) == (D(2019, 5, 15), D(2019, 5, 15))


def test_a_publishing_date_is_never_the_period() -> None:
    text = ("来源:南山县人民政府办公室  发布时间:2022年05月20日\n"
            "2022年5月15日是我省第十六个“政务公开日”,南山县开展了政务公开宣传活动,现将总结汇报如下:\n")
    assert run(text) == (D(2022, 5, 15), D(2022, 5, 15))


def test_a_range_designated_as_the_named_week() -> None:
    text = ("南岗县关于印发《条例宣传工作方案》的通知\n各乡镇:\n现将方案印发给你们,请认真贯彻落实。\n"
            "二〇〇九年五月六日\n条例宣传工作方案\n"
            "二、宣传的主要内容\n5月11日至17日定为《条例》宣传周。宣传周期间主要宣传条例的主要内容。\n")
    assert run(text) == (D(2009, 5, 11), D(2009, 5, 17))


def test_dates_that_lost_year_and_month_marks() -> None:
    text = ("西坪镇:关于开展“政务开放日”活动的公告\n\n广大市民朋友:\n\n西坪镇定于20211019日开展“政务开放日”活动，"
            "现将有关事项公告如下。\n\n一、活动时间\n\n20211019日上午9:0011:00\n")
    assert run(text) == (D(2021, 10, 19), D(2021, 10, 19))
    text = "广大群众朋友:\n东坡乡将于2021年816日组织开展政府开放日活动,诚邀您的参与。\n"
    assert run(text) == (D(2021, 8, 16), D(2021, 8, 16))


def test_plain_day_held_on_may_15_becomes_the_515_day() -> None:
    text = ("南湖县开展政务公开日宣传活动\n来源：南湖县人民政府办公室\n5月15日，按照市政务公开办的统一部署，南湖县结合自身实际，"
            + "组织县直各部门、各乡镇在县城中心广场设置咨询台和展板，" * 10
            + "圆满完成了2021年政务公开日宣传活动。\n")
    src = make_source(text)
    rec = Record()
    for mod in (header, signature, event, period):
        mod.fill(src, rec)
    assert rec.event is not None and rec.event.value == "5·15政务公开日"
    assert rec.period_start is not None and rec.period_start.value == D(2021, 5, 15)
    text = text.replace("5月15日，", "5月12日，")
    rec = Record()
    src = make_source(text)
    for mod in (header, signature, event, period):
        mod.fill(src, rec)
    assert rec.event is not None and rec.event.value == "政务公开日"


def test_page_info_line_date_is_not_the_event_day() -> None:
    text = ("北塔街道5.15日政务公开宣传活动\n时间:2020年05月26日来源:皇姑区\n\n"
            "  5月15日，北塔街道办事处利用“5.15政务公开日”开展政策宣传活动。\n"
            "  活动中，工作人员解答了群众咨询。\n")
    assert run(text) == (dt.date(2020, 5, 15), dt.date(2020, 5, 15))


def test_plan_time_line_is_still_the_period() -> None:
    text = ("某街道政府开放日活动方案\n一、活动主题\n举办政府开放日活动，让群众体验服务。\n"
            "二、活动时间及地点\n时间:2025年3月10日\n地点:街道便民服务中心\n")
    assert run(text) == (dt.date(2025, 3, 10), dt.date(2025, 3, 10))


def test_section_with_focus_day_and_series_window_spans_the_series() -> None:
    text = ("某市第十四届“中国统计开放日”活动方案\n二、活动时间\n集中活动时间：9月22日上午；\n"
            "系列活动时间：2023年9月10日至10月10日。\n三、活动地点\n市民广场\n")
    assert run(text) == (D(2023, 9, 10), D(2023, 10, 10))


def test_section_ignores_unlabelled_dates_below_its_statement() -> None:
    text = ("关于开展政务公开日活动的通知\n二、活动时间\n5月15日。\n5月10日前各单位报送方案。\n"
            "某市人民政府办公室\n2021年5月6日\n")
    assert run(text) == (D(2021, 5, 15), D(2021, 5, 15))


def test_wire_dateline_is_not_the_scheduled_day() -> None:
    text = ("中新网5月5日电 据外交部网站消息:外交部将于5月25日(星期日)举办今年第一次公众开放日活动。\n"
            "外交部新闻司\n二OO八年五月五日\n")
    assert run(text) == (D(2008, 5, 25), D(2008, 5, 25))


def test_series_running_on_after_the_launch_extends_the_end() -> None:
    text = ("全省第七届“中国统计开放日”在日照启动\n2016年9月20日上午，全省第七届“中国统计开放日”集中宣传活动在市政府广场举办。"
            "本届统计开放日系列活动将会持续到10月10日。\n")
    assert run(text) == (D(2016, 9, 20), D(2016, 10, 10))


def test_time_section_whose_numeral_was_lost_with_a_run_together_date() -> None:
    text = ("某旗水务局2025年“政府开放日”活动实施方案\n一、总体目标\n邀请公众代表走进政府机关。\n"
            "、活动时间及地点\n时间:20250613日(星期)上午08:30。\n地点:水务局三楼会议室\n")
    assert run(text) == (D(2025, 6, 13), D(2025, 6, 13))


def test_report_paragraph_opening_on_the_day_something_was_done() -> None:
    text = ("市水利系统积极开展2024“政府开放月”活动\n发布时间:2024-08-20 15:54\n为进一步推进阳光政府建设，我市水利系统开展2024“政府开放月”活动。\n"
            "8月15日下午，江阴市水利局邀请十余名市民朋友走进水利工程，参观了江边枢纽。\n")
    assert run(text) == (D(2024, 8, 15), D(2024, 8, 15))


def test_report_opening_on_a_dated_campaign_gives_the_day_and_year() -> None:
    text = ("2022年9月23日，道太乡开展“政务公开在行动”宣传活动。活动现场，群众积极参与。"
            "活动中共计发放宣传资料70余份，接受群众咨询30余人。\n")
    assert run(text) == (D(2022, 9, 23), D(2022, 9, 23))


def test_start_day_with_a_stated_length_runs_to_its_end() -> None:
    text = ("无锡开展“政府开放月”活动\n发布时间:2022-08-02\n江南时报讯 8月1日起,无锡市组织开展为期一个月的“政府开放月”活动,"
            "着力搭建政府与群众的沟通桥梁。\n")
    assert run(text) == (D(2022, 8, 1), D(2022, 8, 31))


def test_month_designated_as_a_publicity_month_is_the_whole_month() -> None:
    text = ("2008年5月1日《中华人民共和国政府信息公开条例》开始实施，该县决定将2008年5月定为“《条例》宣传活动月”，"
            "在全县范围内掀起了学习《条例》宣传教育活动热潮。\n")
    assert run(text) == (D(2008, 5, 1), D(2008, 5, 31))


def test_time_heading_that_lost_its_whole_marker() -> None:
    text = ("某旗水务局2025年“政府开放日”活动实施方案\n一、总体目标\n邀请公众代表走进政府机关。\n"
            "活动时间及地点\n时间:20250613日(星期)上午08:30。\n地点:水务局三楼会议室\n")
    assert run(text) == (D(2025, 6, 13), D(2025, 6, 13))


def test_report_day_when_the_organ_invites_people_to_the_event() -> None:
    text = ("五里桥街道开展政府公开日活动\n2024-08-23 16:25:51 来源:新华网\n为切实推进服务型政府建设，8月20日，五里桥街道邀请居民代表"
            "共同参加以“三会”制度为主题的“政府开放日”活动，居民代表们详细参观了连环画。\n")
    assert run(text) == (D(2024, 8, 20), D(2024, 8, 20))


def test_web_copy_dates_that_lost_their_month_mark_after_a_byline() -> None:
    text = ("山东省第七届“中国统计开放日”在日照启动\n来源:大众网 作者:陈鹏飞 2016-09-20 16:26:00\n"
            "大众网日照920日讯(见习记者 陈鹏飞)920日上午，全省第七届“中国统计开放日”集中宣传活动在市政府广场举办。"
            "本届统计开放日系列活动将会持续到1010日。\n")
    assert run(text) == (D(2016, 9, 20), D(2016, 10, 10))


def test_time_arrangement_item_running_from_a_start_to_an_end() -> None:
    text = ("各镇人民政府：\n现将有关事项通知如下：\n一、邀请公民代表走进县、镇政府活动\n(一)活动安排\n"
            "1.时间安排。2022年度“邀请公民代表走进县、镇政府”活动于4月1日开始至11月30日结束。\n")
    assert run(text) == (D(2022, 4, 1), D(2022, 11, 30))
