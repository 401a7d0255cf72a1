"""Reported figures of summaries — and the numbers that are not figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seedgold import GOLD, SEEDS

from pipeline.extract import stats
from pipeline.extract.source import make_source
from pipeline.model import Found, Record


def _run(text: str, kind: str | None = "summary") -> list[tuple[str, float, str | None]]:
    rec = Record()
    if kind:
        rec.kind = Found(kind, 0, 0, "test")
    stats.fill(make_source(text), rec)
    return [(s.metric, s.value.value, s.unit) for s in rec.stats]


SUMMARY = ("在5.15政务公开日活动期间,积极接待来访人员共计30余人次,解答咨询问题23个;"
           "发放精美的开发区画册等宣传资料共计59份。此次活动共接访群众300余人,发放宣传单和宣传手册1800余份,"
           "受到了来访群众的一致好评,问题解答满意率达到了100%。")


def test_summary_figures() -> None:
    assert _run(SUMMARY) == [
        ("接待来访人员", 30, "人次"), ("解答咨询问题", 23, "个"), ("发放宣传资料", 59, "份"),
        ("接访群众", 300, "人"), ("发放宣传单和宣传手册", 1800, "份"), ("问题解答满意率", 100, "%"),
    ]


def test_unknown_kind_needs_a_report_cue() -> None:
    text = "现场解答咨询问题23个，共接待群众50人次。"
    assert _run(text, kind=None) == [("接待群众", 50, "人次")]


def test_unknown_kind_that_reads_like_a_summary() -> None:
    text = "活动取得了良好成效。现场解答咨询问题23个。"
    assert _run(text, kind=None) == [("解答咨询问题", 23, "个")]


@pytest.mark.parametrize("kind", ["plan", "notice", "announcement"])
def test_plans_and_notices_have_no_figures(kind: str) -> None:
    text = "邀请 10 余家政务公开工作先进单位现场交流经验，共计发放宣传资料2000份。"
    assert _run(text, kind=kind) == []


@pytest.mark.parametrize("text, value, unit", [
    ("累计发放宣传资料千余份。", 1000, "份"),
    ("网站专栏访问量达1.2万次。", 12000, "次"),
    ("在线访谈吸引网民参与10万人次。", 100000, "人次"),
    ("共发放宣传折页两千余份。", 2000, "份"),
    ("群众满意率达98.5%。", 98.5, "%"),
    ("共受理政府信息公开申请15件。", 15, "件"),
    ("累计发放宣传资料1,200份。", 1200, "份"),
])
def test_number_forms(text: str, value: float, unit: str) -> None:
    got = _run(text)
    assert [(v, u) for _, v, u in got] == [(value, unit)]


def test_dates_years_editions_phones_are_not_figures() -> None:
    text = ("2019年5月15日是第十三个政务公开日，我局开展了第十三届5·15政务公开日活动。"
            "活动持续3天，联系电话：0411-82345678，开展了一次认真检查。通过12345热线解答问题。")
    assert _run(text) == []


def test_vague_amounts_are_not_figures() -> None:
    assert _run("现场发放宣传资料数百份，接待群众几十人。") == []


def test_plan_sentence_inside_a_summary_is_skipped() -> None:
    text = "本次活动共发放宣传资料500余份。下一步，我局将开展宣传活动10场，力争覆盖群众5000人。"
    assert _run(text) == [("发放宣传资料", 500, "份")]


def test_collection_page_repeats_once() -> None:
    block = "此次活动共接访群众300余人，发放宣传单1800余份。\n查看更多>>"
    assert [v for _, v, _ in _run(block * 3)] == [300, 1800]


def test_traditional_metric_kept_as_printed() -> None:
    assert _run("本次活動共接待來訪群眾120餘人次。") == [("接待來訪群眾", 120, "人次")]


def test_full_width_digits() -> None:
    assert _run("共发放宣传资料１５００份。") == [("发放宣传资料", 1500, "份")]


def test_figure_before_its_object_and_number_first_forms() -> None:
    text = "活动当天共有200余名群众参加活动，现场发放2000余份宣传资料，群众满意度达到98%。"
    assert _run(text) == [("群众参加活动", 200, "名"), ("发放宣传资料", 2000, "份"), ("群众满意度", 98, "%")]


def test_list_items_inherit_the_verb() -> None:
    text = "现场共分发宣传手册3000余份，政策明白卡800余张、便民服务卡450余张，收集意见建议12条。"
    assert _run(text) == [("分发宣传手册", 3000, "份"), ("分发政策明白卡", 800, "张"),
                          ("分发便民服务卡", 450, "张"), ("收集意见建议", 12, "条")]


def test_two_figures_of_one_thing() -> None:
    assert [v for _, v, _ in _run("累计印发各类资料共40种9600余份。")] == [40, 9600]


def test_list_item_after_a_preposition_is_not_inherited() -> None:
    text = "本次共发放资料600余份，从3个方面宣传了政务公开工作。"
    assert [v for _, v, _ in _run(text)] == [600]


@pytest.mark.parametrize("text, values", [
    ("全县15个单位、200余名干部职工参加了活动。", [15, 200]),
    ("当天下午，30余名企业代表先后走进县政务服务中心。", [30]),
    ("局机关百余名党员干部深入社区开展宣传。", [100]),
    ("宣传活动共有56人参加。", [56]),
])
def test_participation_counts(text: str, values: list[float]) -> None:
    assert [v for _, v, _ in _run(text)] == values


def test_organiser_structure_is_not_a_figure() -> None:
    text = "镇政府及下辖9个村、2个社区以“阳光政务”为主题开展活动。全镇共有12个村民小组。"
    assert _run(text) == []


def test_long_enumerated_object_and_titles_in_the_object() -> None:
    text = ("活动由县政府办牵头，组织县财政局、县教育局、县卫健局、县民政局、县人社局、县住建局等11个部门设点宣传。"
            "现场共发放《政府信息公开条例》《优化营商环境条例》等宣传资料和折页1800份。")
    got = _run(text)
    assert [v for _, v, _ in got] == [11, 1800]
    assert got[0][0].startswith("组织部门") and got[1][0] == "发放宣传资料和折页"


@pytest.mark.parametrize("text, value", [
    ("活动吸引线上线下群众参与达3万余人次。", 30000),
    ("受益群众达1500余人。", 1500),
    ("网站专题浏览量8000余次。", 8000),
    ("现场为群众解答问题40余个。", 40),
    ("服务群众260余人次。", 260),
    ("挂横幅20余条。", 20),
    ("主要通过发放宣传单500份的方式开展宣传。", 500),
])
def test_more_report_shapes(text: str, value: float) -> None:
    assert [v for _, v, _ in _run(text)] == [value]


def test_set_phrases_and_page_counters_are_not_figures() -> None:
    text = "浏览次数：1523次\n开展“百名干部进千家万户”走访活动，切实走访千家万户。"
    assert _run(text) == []


def test_unit_kept_as_printed() -> None:
    assert _run("共張貼標語60多條。") == [("張貼標語", 60, "條")]


# ---------------------------------------------------------------- the five seeds


def _seed_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if SEEDS.exists() and GOLD.exists() else []


@pytest.mark.skipif(not _seed_cases(), reason="dev seeds not available")
@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_stats_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    got = _run((SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8"), gold.get("kind"))
    # scored like score.py: stats are matched by value alone
    assert sorted(f"{float(v):g}" for _, v, _ in got) == sorted(f"{float(s['value']):g}" for s in gold["stats"])


def test_upper_end_of_a_range_is_a_quota_not_a_figure() -> None:
    text = "各社区由一名主任带队，工作人员2-3人参加。活动当天共接待群众45人次。"
    assert [v for _, v, _ in _run(text)] == [45]


def test_rate_without_a_noun_before_it() -> None:
    text = "活动当天共解答咨询120项，解答率为95%，满意度为99%。"
    assert [(m, v) for m, v, u in _run(text) if u == "%"] == [("解答率", 95), ("满意度", 99)]


def test_figure_restated_in_another_sentence_is_one_figure() -> None:
    text = ("上周六280名居民参观区政务中心\n"
            "上周六，280名居民走进区政务中心。据介绍，当天共有280人分6批参观。")
    assert [v for _, v, _ in _run(text)] == [280, 6]


def test_same_value_twice_in_one_sentence_is_two_figures() -> None:
    text = "活动当天，发放宣传单300份、便民手册300份。"
    assert [v for _, v, _ in _run(text)] == [300, 300]


def test_count_closing_a_list_of_participants() -> None:
    text = "区教育局、区卫健局、区医保局等16个单位，通过设立咨询台等方式开展宣传。"
    assert _run(text) == [("参与单位", 16, "个")]


def test_exhibits_are_not_results() -> None:
    text = "开放日当天，大厅内同时展出52幅摄影作品，介绍了12座友好城市。"
    assert _run(text) == []


def test_objects_after_their_figures_in_a_list() -> None:
    text = "现场发放了3万多份宣传折页和450多份办事指南，受理并回答了800多项咨询。"
    assert _run(text) == [("发放宣传折页", 30000, "份"), ("发放办事指南", 450, "份"), ("回答咨询", 800, "项")]


def test_report_cue_goes_with_the_later_verb() -> None:
    text = "各服务窗口累计接受群众咨询900余人次。"
    assert _run(text) == [("接受群众咨询", 900, "人次")]


def test_headline_phrases_split_by_a_space() -> None:
    text = "周末走进区政府大院 昨日420名市民参与开放日\n据统计，共有420人参加。"
    assert [(m, v) for m, v, _ in _run(text)] == [("市民参与开放日", 420)]


def test_a_shortfall_is_not_a_figure() -> None:
    text = "活动现场共设立咨询台6个。个别站点参与群众不足50人。"
    assert [v for _, v, _ in _run(text)] == [6]


def test_single_digit_count_after_a_report_cue() -> None:
    text = "本次活动共有五个科室的干部参加了开放日活动，还有三个方面的经验值得总结。"
    assert [(v, u) for _, v, u in _run(text)] == [(5, "个")]


def test_prepared_materials_list() -> None:
    text = "活动共准备展架2个、宣传折页5200份、其他宣传品860份。"
    assert _run(text) == [("准备展架", 2, "个"), ("准备宣传折页", 5200, "份"), ("准备其他宣传品", 860, "份")]


def test_opinions_raised_are_counted() -> None:
    assert _run("座谈会上，代表们提出意见建议30多条。") == [("提出意见建议", 30, "条")]


def test_participants_taking_part_in_a_role() -> None:
    text = "三年来，已有1500多人以“监督员”的身份走进政府部门。"
    assert [(v, u) for _, v, u in _run(text)] == [(1500, "人")]


def test_one_participant_of_each_kind_is_not_a_figure() -> None:
    text = "区直15家单位、1个街道代表、1个企业代表共同参加了本次活动。"
    assert [(v, u) for _, v, u in _run(text)] == [(15, "家")]


def test_long_modifier_before_a_short_head_noun_keeps_the_figure() -> None:
    text = ("活动当天，现场发放了以农业服务范围、基本流程、病虫害预防为主要内容的宣传资料等《惠民政策问答》宣传材料70余份，"
            "主动向群众提供咨询服务30余人。")
    got = _run(text)
    assert [v for _, v, _ in got] == [70, 30]
    assert got[0][0].startswith("发放") and got[0][0].endswith("宣传材料")
