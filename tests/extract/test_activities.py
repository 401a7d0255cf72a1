"""Activities: outline items under an activity heading, and activity-table rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seedgold import GOLD, SEEDS, fuzzy_matches, norm

from pipeline.extract import activities
from pipeline.extract.source import make_source
from pipeline.model import Activity, Found, Record


def _run(text: str) -> Record:
    rec = Record()
    activities.fill(make_source(text), rec)
    return rec


def _titles(text: str) -> list[str]:
    return [a.title.value for a in _run(text).activities]


def test_items_under_activity_heading_with_ocr_break() -> None:
    text = "\n\n".join([
        "一、活动主题", "活动主题为：解决群众“办事难”、打造营商环境最优县。",
        "二、活动内容与形式", "各单位要紧紧围绕活动主题，采取灵活多样的形式，开展政策宣传。",
        "（一）县政务公开办负责制定全县工作方案并牵头组织", "实施。各乡镇、街、区要结合本地实际，认真研究并制定活动方案。",
        "（二）围绕着力破解“办事难”，组织召开新闻发布会。", "各乡镇街区要组织窗口单位召开专题新闻发布会。",
        "（三）梳理公开窗口单位中层以上干部信息。结合我县专项整治活动，进一步完善制度。",
        "三、活动要求", "（一）高度重视。各单位主要领导要亲自过问。", "（二）及时总结。各单位于5月13日前上报活动方案。",
    ])
    assert _titles(text) == ["县政务公开办负责制定全县工作方案并牵头组织实施",
                             "围绕着力破解“办事难”，组织召开新闻发布会", "梳理公开窗口单位中层以上干部信息"]


def test_container_is_replaced_by_its_sub_items() -> None:
    text = "\n".join([
        "四、活动内容", "（一）发表署名文章。", "各县（市）区政府主要负责同志要围绕活动主题发表署名文章。",
        "（二）开展主题活动。", "1. 开展“重要工作部门访谈”活动。政务公开主管部门要组织…",
        "2. 开展“行政决策大家看”活动。各级政府部门认真梳理…", "3. 各相关部门积极开展宣传活动。制作宣传单…",
        "五、工作要求", "（一）高度重视。", "（二）加强指导。",
    ])
    rec = _run(text)
    assert [a.title.value for a in rec.activities] == [
        "发表署名文章", "开展“重要工作部门访谈”活动", "开展“行政决策大家看”活动", "各相关部门积极开展宣传活动"]
    assert [a.seq for a in rec.activities] == [1, 2, 3, 4]


def test_field_lines_fill_the_item_they_follow() -> None:
    text = "\n\n".join([
        "四、活动内容", "(一)开展线上主题宣传活动。",
        "1.开展“群众难题我来答”活动。在活动期间,区营商局负责梳理热点难点问题。",
        "活动时间:5月15日至5月20日", "牵头单位:区营商局", "配合单位:政府各部门、各镇街",
        "(二)做好线下实地宣传。", "1.机关内部现场宣传。摆放政务公开工作宣传展板。",
        "活动时间:5月15日", "活动地点:区机关办公楼一楼大厅", "责任单位:区政府办公室",
        "五、活动要求", "1.加强组织领导。各镇街、各部门要切实担负责任。",
    ])
    acts = _run(text).activities
    assert [(a.title.value, a.date_text, a.location, a.lead_units) for a in acts] == [
        ("开展“群众难题我来答”活动", "5月15日至5月20日", None, "区营商局"),
        ("机关内部现场宣传", "5月15日", "区机关办公楼一楼大厅", "区政府办公室"),
    ]


PLAN_WITH_TABLE = "\n".join([
    "二、活动内容及活动步骤",
    "(一)活动内容。各单位开展的“政务公开主题日”活动，可采取实地调研、现场观摩、座谈交流等形式。具体内容包括但不限于：",
    "1. 围绕打好“发展六仗”工作任务，到重点项目建设现场开展实地调研。",
    "2. 现场观摩办事服务，展示相关单位的办事流程和服务举措。",
    "(二)活动步骤。各单位在组织开展活动前,要提前5个工作日,将具体活动方案报县政务公开办。",
    "三、工作要求",
    "(一)加强组织领导。",
    "附件：洞口县 2023 年“政务公开主题日”活动计划表",
    "洞口县政务公开政务服务领导小组",
    "2023 年 4 月 6 日",
    "附件",
    "洞口县 2023 年“政务公开主题日”活动计划表",
    "序号\t活动主题\t活动形式\t责任单位\t计划开展时间",
    "1\t“强化依法治水，携手共护母亲河”世界水日主题活动\t政策发布、有奖问答比赛等\t县水利局\t4 月",
    "2\t优化经济环境、提振消费信心\t现场宣传\t县市监局\t4 月",
    "",
    "序号\t活动主题\t活动形式\t责任单位\t计划开展时间",
    "3\t法治政府示范创建宣传\t问卷调查\t县司法局\t5月",
])


def test_table_rows_win_over_a_list_of_options() -> None:
    rec = _run(PLAN_WITH_TABLE)
    assert [(a.seq, a.title.value, a.form, a.lead_units, a.date_text) for a in rec.activities] == [
        (1, "“强化依法治水，携手共护母亲河”世界水日主题活动", "政策发布、有奖问答比赛等", "县水利局", "4 月"),
        (2, "优化经济环境、提振消费信心", "现场宣传", "县市监局", "4 月"),
        (3, "法治政府示范创建宣传", "问卷调查", "县司法局", "5月"),
    ]
    assert not rec.warnings


def test_concrete_item_mentioning_forms_is_not_an_option() -> None:
    text = ("三、活动内容\n（一）开展政策解读。各单位可采取座谈、访谈等形式解读政策。\n"
            "（二）举办现场咨询活动。5月15日在市民广场举行。")
    assert _titles(text) == ["开展政策解读", "举办现场咨询活动"]


def test_options_alone_are_not_activities() -> None:
    text = PLAN_WITH_TABLE.split("附件：")[0]
    rec = _run(text)
    assert rec.activities == []
    assert any("options" in w for w in rec.warnings)


def test_forms_offered_as_a_choice_are_options() -> None:
    text = ("三、活动形式\n各单位可以选择以下方式开展活动：\n（一）实地走访。组织代表走访项目现场。\n"
            "（二）网上问政。开展在线问答。\n四、工作要求\n（一）加强领导。")
    assert _titles(text) == []


def test_other_activity_headings() -> None:
    text = ("二、活动策划\n1. 邀请服务对象代表参观政务大厅。\n2. 举办惠企政策解读会。\n"
            "三、宣传推广\n1. 利用政务新媒体宣传。")
    assert _titles(text) == ["邀请服务对象代表参观政务大厅", "举办惠企政策解读会"]


def test_programme_steps_without_their_clock_times() -> None:
    text = ("二、活动内容\n（一）活动时间\n2024年6月20日上午\n（二）参与对象\n市民代表20名\n（三）活动流程\n"
            "1、9:00—9:40。参观办事大厅，体验“一窗通办”。\n2、10:00-11:00 召开座谈会，听取意见建议。\n三、报名方式")
    assert _titles(text) == ["参观办事大厅，体验“一窗通办”", "召开座谈会，听取意见建议"]


def test_titled_items_ending_in_a_colon_are_activities() -> None:
    text = ("三、活动形式\n1.走流程：\n邀请代表体验企业开办全流程。\n2.面对面：\n局领导与代表座谈交流。\n"
            "3.时间：5月15日上午\n四、报名方式")
    assert _titles(text) == ["走流程", "面对面"]


def test_named_activities_with_their_count() -> None:
    text = ("三、活动内容\n活动期间，共组织开展“政策直通车”、“局长接待日”和“企业开放日”三项主题活动。\n"
            "（一）“政策直通车”活动\n主要内容：组织政策宣讲。\n（二）“")
    assert _titles(text) == ["“局长接待日”", "“企业开放日”", "“政策直通车”活动"]


def test_count_that_disagrees_is_not_a_list() -> None:
    assert _titles("活动期间开展“政策直通车”、“局长接待日”等五项活动。") == []


def test_ordinal_parts_of_a_nested_activity_section() -> None:
    text = ("二、活动内容及要求\n（一）活动内容。一是开展“政策进园区”宣讲；二是组织企业代表座谈。\n"
            "（二）工作要求。一是高度重视；二是及时总结。")
    assert _titles(text) == ["开展“政策进园区”宣讲", "组织企业代表座谈"]


def test_ordinal_parts_of_an_activity_section() -> None:
    text = ("三、活动安排\n一是举办政务公开现场咨询会，在中心广场设点解答群众疑问；二是开展“走进税务”开放日活动。"
            "三是通过政务新媒体发布活动信息。\n四、工作要求\n一是加强领导；二是注重宣传。")
    assert _titles(text) == ["举办政务公开现场咨询会，在中心广场设点解答群众疑问", "开展“走进税务”开放日活动",
                             "通过政务新媒体发布活动信息"]


def test_table_with_other_column_names_and_a_wrapped_row() -> None:
    text = "\n".join([
        "2019年政府开放日活动安排表",
        "序号\t活动名称\t活动方式\t牵头单位\t活动时间\t活动地点",
        "1\t走进12345热线\t现场参观\t市政务服务中心\t5月15日\t市民中心",
        "2\t“食品安全你我同行”\t实地观摩\t市市场监管局\t5月16日\t检测中心",
        "\t开放日活动\t\t\t\t",
        "3\t垃圾分类进社区\t宣传\t市城管局\t5月17日\t各社区",
    ])
    acts = _run(text).activities
    assert [a.title.value for a in acts] == ["走进12345热线", "“食品安全你我同行”开放日活动", "垃圾分类进社区"]
    assert acts[0].location == "市民中心" and acts[1].form == "实地观摩"


def test_registration_form_is_not_an_activity_table() -> None:
    text = "走访单位情况\t走访单位\t\t走访时间\t\t负责人\t\n\t联系电话\t\t走访人员\t\t\t"
    assert _titles(text) == []


def test_repeated_collection_text_gives_no_duplicates() -> None:
    block = "三、活动安排\n1. 举办政务公开日现场咨询活动。\n2. 开展政府开放日参观活动。\n"
    assert _titles(block + "查看更多>>\n" + block) == ["举办政务公开日现场咨询活动", "开展政府开放日参观活动"]


def test_traditional_heading_and_circled_sub_items() -> None:
    text = "\n".join([
        "三、活動安排",
        "（一）開展主題活動。",
        "①舉辦政府開放日參觀活動；",
        "②開展政策解讀直播訪談。",
        "四、工作要求",
        "①加強領導。",
    ])
    assert _titles(text) == ["舉辦政府開放日參觀活動", "開展政策解讀直播訪談"]


def test_plain_heading_without_number() -> None:
    text = "活动安排：\n1．5月15日上午，在市民广场举办政务公开现场咨询活动。\n2．开展“局长走流程”体验活动。\n" \
           "工作要求：\n1．各单位要高度重视。"
    assert _titles(text) == ["5月15日上午，在市民广场举办政务公开现场咨询活动", "开展“局长走流程”体验活动"]


def test_field_sub_items_describe_their_container() -> None:
    text = "二、活动内容\n（一）政务公开日现场宣传。\n1.时间：5月15日上午9时\n2.地点：人民广场\n（二）在线访谈。"
    acts = _run(text).activities
    assert [(a.title.value, a.date_text, a.location) for a in acts] == [
        ("政务公开日现场宣传", "5月15日上午9时", "人民广场"), ("在线访谈", None, None)]


def test_summary_sections_are_not_activities() -> None:
    text = "二、形式多种多样,现场宣传咨询,增强活动效果\n1.在政务公开日前,领导小组组织检查。\n2.广泛宣传,大力营造活动氛围。"
    assert _titles(text) == []


def test_list_restated_in_a_table_is_listed_once() -> None:
    text = "\n".join([
        "二、主要活动", "（一）集中宣传活动。5月15日各地集中开展宣传咨询活动。", "（二）在线访谈活动。各部门负责同志参加访谈。",
        "（三）政务公开知识竞赛。", "三、有关要求", "（一）各地要高度重视。", "附件1", "系列活动安排表",
        "序号\t活动内容\t牵头单位\t时间", "1\t集中宣传咨询活动\t各市州政府\t5月15日", "2\t在线访谈\t省政府办公厅\t5月10日—20日",
    ])
    assert _titles(text) == ["政务公开知识竞赛", "集中宣传咨询活动", "在线访谈"]


def test_notice_without_activity_heading_uses_verb_led_sections() -> None:
    text = ("现将有关事项通知如下：\n一、开展政务公开集中宣传活动。5月15日，各县区要在城区广场开展宣传。\n"
            "二、举办“政府开放日”活动。邀请市民代表走进政府机关。\n三、工作要求\n各单位要高度重视。")
    rec = _run(text)
    assert [a.title.value for a in rec.activities] == ["开展政务公开集中宣传活动", "举办“政府开放日”活动"]
    assert any("no activity heading" in w for w in rec.warnings)


def test_summary_without_activity_heading_has_no_activities() -> None:
    rec = Record()
    rec.kind = Found("summary", 0, 0, "test")
    activities.fill(make_source("一、开展政务公开集中宣传活动。\n二、举办政府开放日活动。"), rec)
    assert rec.activities == []


def test_marker_alone_on_its_line() -> None:
    text = "二、活动内容\n（一）\n举办现场咨询活动。5月15日上午。\n（二）\n开展在线访谈。\n三、工作要求"
    assert _titles(text) == ["举办现场咨询活动", "开展在线访谈"]


def test_same_title_for_two_units_is_two_rows() -> None:
    text = "序号\t活动主题\t责任单位\t时间\n1\t政务公开宣传\t县公安局\t5月\n2\t政务公开宣传\t县司法局\t6月"
    assert [(a.title.value, a.lead_units) for a in _run(text).activities] == [
        ("政务公开宣传", "县公安局"), ("政务公开宣传", "县司法局")]


def test_truncated_repeat_is_dropped() -> None:
    text = "三、活动安排\n1. 举办政务公开日现场咨询活动。\n查看更多>>\n三、活动安排\n1. 举办政务公开日现场咨"
    assert _titles(text) == ["举办政务公开日现场咨询活动"]


def test_aims_under_a_content_heading_are_not_activities() -> None:
    text = "\n".join([
        "二、活动内容",
        "一是围绕群众关切和民生热点，以优化营商环境、提升办事效率为重点，全面展现部门的职责和成效。",
        "二是拓宽互动渠道，广泛听取社会各界的意见和建议，及时回应关切，推动工作作风持续改进。",
        "三、活动方式",
        "（一）走进大厅。带领代表走进政务服务大厅。",
        "（二）圆桌交流。召开交流会，听取意见。",
    ])
    assert _titles(text) == ["走进大厅", "圆桌交流"]


def test_long_numbered_aim_is_not_an_activity_even_when_wrapped() -> None:
    text = "\n".join([
        "三、活动内容",
        "（一）紧扣年度中心工作和重点民生事项，突",
        "出依法行政、便民服务等方面，充分呈现部门",
        "的职能职责和工作成果。",
        "（二）现场答疑",
        "工作人员逐一解答群众疑问，耐心细致，不断提升群众的满意度和获得感。",
        "（三）组织居民代表参观社区服务站，了解",
        "办事流程。",
        "四、工作要求",
    ])
    assert _titles(text) == ["现场答疑", "组织居民代表参观社区服务站，了解办事流程"]


def test_goal_section_is_never_an_activity_section() -> None:
    text = "\n".join([
        "一、工作目标和主要内容",
        "1.开展政策解读，提高群众知晓率。",
        "2.举办开放活动，增进政民互信。",
        "二、活动安排",
        "1.参观档案馆。",
        "2.召开恳谈会。",
    ])
    assert _titles(text) == ["参观档案馆", "召开恳谈会"]


def test_table_flattened_one_cell_per_line() -> None:
    text = "\n\n".join([
        "某县各乡镇“政府开放日”活动计划", "序号", "承办单位", "活动主题", "活动内容", "活动时间",
        "1", "甲镇", "“书香甲镇”开放日", "邀请群众参观图书室，开展读书分享。", "4月",
        "2", "乙乡", "“绿色乙乡”政府开放日", "组织代表观摩生态治理项目。", "5月",
        "3", "丙乡", "丙乡，迎春开放”主题日", "参观便民",
    ])
    acts = _run(text).activities
    assert [a.title.value for a in acts] == ["“书香甲镇”开放日", "“绿色乙乡”政府开放日", "丙乡，迎春开放”主题日"]
    assert acts[0].lead_units == "甲镇" and acts[1].date_text == "5月"


def test_table_cells_on_lines_ending_with_a_bar() -> None:
    text = "\n".join([
        "现将近期活动预告如下。", "序号 |", "活动日期 |", "活动名称 |", "活动形式 |", "人数 |",
        "1 |", "6月3日 |", "家长代表走进招生考试中心 |", "参观 |", "10人 |",
        "2 |", "6月9日 |", "听取校长对课后服务的建议 |", "座谈 |", "8人 |",
        "其中，第1场活动已报满。",
    ])
    assert _titles(text) == ["家长代表走进招生考试中心", "听取校长对课后服务的建议"]


def test_table_rows_split_by_bars() -> None:
    text = "\n".join([
        "| 序号 | 活动内容 | 活动名称 | 责任单位 |",
        "| 1 | 介绍办税流程并现场演示 | “便民办税”体验日 | 区税务局 |",
        "| 2 | 讲解医保新政 | “医保进社区”宣讲 | 区医保局 |",
    ])
    acts = _run(text).activities
    assert [a.title.value for a in acts] == ["“便民办税”体验日", "“医保进社区”宣讲"]
    assert acts[1].lead_units == "区医保局"


def test_programme_lines_led_by_clock_times() -> None:
    text = "\n".join([
        "三、活动流程",
        "14:00-14:20 观看专题片",
        "14:20—15:00，走进档案库房",
        "下午3点 召开意见征集会",
        "四、报名方式",
        "活动时间：15:30前结束。",
    ])
    assert _titles(text) == ["观看专题片", "走进档案库房", "召开意见征集会"]


# ---------------------------------------------------------------- the five seeds


def _seed_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if SEEDS.exists() and GOLD.exists() else []






@pytest.mark.skipif(not _seed_cases(), reason="dev seeds not available")
@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_activities_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    got: list[Activity] = _run((SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8")).activities
    g = [norm(a["title"]) for a in gold["activities"]]
    p = [norm(a.title.value) for a in got]
    assert fuzzy_matches(g, p) == len(g) == len(p)


def test_requirement_item_in_a_contents_section_is_not_an_activity() -> None:
    text = "\n".join([
        "三、活动内容及要求",
        "(一)各街道在主要路口悬挂横幅,张贴宣传海报。",
        "(二)区文旅局、区卫健委等部门按照分配表要求,在中心广场和滨江路两侧统一悬挂横幅,或在电子屏滚播标语。"
        "其他部门配合做好宣传。",
        "(三)各街道、各部门要高度重",
    ])
    assert _titles(text) == [
        "各街道在主要路口悬挂横幅,张贴宣传海报",
        "区文旅局、区卫健委等部门按照分配表要求,在中心广场和滨江路两侧统一悬挂横幅,或在电子屏滚播标语",
    ]


def test_a_summary_lists_no_activities() -> None:
    text = "\n".join(["三、活动内容", "1.召开动员会议,明确任务分工。", "2.开展集中宣传活动。"])
    rec = Record()
    rec.kind = Found("summary", 0, 0, "test")
    activities.fill(make_source(text), rec)
    assert rec.activities == []
    assert _titles(text) == ["召开动员会议,明确任务分工", "开展集中宣传活动"]


def test_items_under_a_theme_and_content_heading() -> None:
    text = ("四、邀请对象\n关心本镇发展的群众。\n五、活动主题及内容\n主题：“深入村级政务公开”\n内容：\n"
            "1. 邀请群众代表参观村政务公开专区\n2 .在镇政府会议室召开座谈会，请群众代表发言。\n"
            "3.意见反馈：请各代表进行点评。\n")
    assert _titles(text) == ["邀请群众代表参观村政务公开专区", "在镇政府会议室召开座谈会，请群众代表发言", "意见反馈"]


def test_participants_sub_item_is_not_an_activity() -> None:
    text = ("一、活动安排\n（一）活动内容\n1.在圩镇为群众宣讲政策。\n2.宣传结束后开展座谈会。\n"
            "（二）活动地点\n农贸市场\n（三）参加人员\n政府工作人员，村干部\n")
    assert "参加人员" not in _titles(text)


def test_labelled_item_with_a_single_sub_item_is_one_activity_under_its_label() -> None:
    text = ("六、活動內容\n(一)實地參觀\n組織開放對象參觀各業務科室辦公區域，聽取現場介紹。\n"
            "(二)座談交流\n1.召開座談會，參會人員進行全方位探討交流，對優化營商環境提出意見建議。\n七、工作要求\n")
    assert _titles(text) == ["實地參觀", "座談交流"]


def test_category_with_a_single_sub_item_gives_the_sub_item() -> None:
    text = ("三、活动内容\n（一）开展线上主题活动\n1、开展“重要工作部门谈”活动。\n2、开展“行政决策大家看”活动。\n"
            "（二）开展线下宣传活动\n1、开展“政务开放日”活动。邀请群众代表走进政府机关。\n四、工作要求\n")
    assert _titles(text)[-1] == "开展“政务开放日”活动"


def test_programme_stages_stand_for_their_numbered_points() -> None:
    text = ("四、活动流程\n(一)机关参观\n1、参观便民服务大厅(便民服务中心主任介绍)\n2、介绍机构设置、主要职能(镇长介绍)\n"
            "(二)参观党群服务中心、产业园\n1、茶产业发展(村支部书记介绍)\n2、党群服务中心(村支部书记介绍)\n"
            "(三)召开院坝会\n1、情况汇报\n2、政策宣讲\n五、后勤保障\n(一)车辆安排\n由政府统一租用车辆\n")
    assert _titles(text) == ["机关参观", "参观党群服务中心、产业园", "召开院坝会"]


def test_content_categories_outside_a_programme_still_give_their_sub_items() -> None:
    text = ("二、活动内容\n(一)线上宣传\n1、在政府网站开设专栏，发布政策解读。\n2、开展在线访谈活动。\n"
            "(二)线下宣传\n1、在政务服务大厅设置咨询台。\n2、发放宣传资料。\n三、工作要求\n")
    assert len(_titles(text)) == 4


def test_unnumbered_labelled_line_names_the_activity() -> None:
    text = ("三、活动地点\n双拥主题公园\n四、活动内容\n现场参观考察:组织社会各界代表参观双拥主题公园、烈士陵园。\n"
            "五、邀请对象\n人大代表、政协委员\n")
    assert _titles(text) == ["现场参观考察"]


def test_descriptor_and_introduction_lines_are_not_labelled_activities() -> None:
    text = ("四、活动内容\n活动时间:组织参观的时间另行通知。\n主要包括:参观政务服务大厅、召开座谈会。\n五、工作要求\n")
    assert _titles(text) == []


def test_stage_clock_time_after_the_title_and_field_only_sub_items() -> None:
    text = ("四、活动内容\n(一)现场参观(9:00—11:20)\n组织代表实地参观，听取工作介绍。\n(二)座谈交流(11:20—12:00)\n"
            "1.会议地点:局三楼会议室\n2.主 持 人:局长\n3.参会人员:班子成员、活动代表。\n4.会议议程:\n"
            "一是介绍情况。\n二是座谈交流。\n五、报名方式\n1.现场报名:局综合办公室\n")
    assert _titles(text) == ["现场参观", "座谈交流"]


def test_numbered_content_field_states_its_activity_and_preparation_is_no_activity() -> None:
    text = ("四、活动方式与内容\n1.活动内容: 请相关商贸企业群众代表走进局机关,由工作人员向代表介绍政务服务流程。\n"
            "五、参加人员\n企业代表15人\n七、活动流程\n(一)准备工作。一是拟定活动实施方案并报审核备案。\n"
            "(二)服务保障工作。办公室负责征求意见的收取。\n八、工作要求\n")
    assert _titles(text) == ["请相关商贸企业群众代表走进局机关"]


def test_lone_unnumbered_paragraph_under_activity_content_is_not_a_list() -> None:
    text = ("四、活动内容\n邀请各界代表参观环保基础设施、机关办公运行情况,在全面介绍工作开展情况的基础上,广泛征集意见。\n"
            "五、条件要求\n年满18周岁\n")
    assert _titles(text) == []
