"""The title line: where it is, and what a title line never is (invented snippets)."""

from __future__ import annotations

from pipeline.extract import header
from pipeline.extract.source import make_source
from pipeline.model import Record


def run(text: str) -> Record:
    src = make_source(text)
    rec = Record()
    header.fill(src, rec)
    if rec.title is not None:  # the value is what the span holds, spaces dropped
        assert "".join(src.text[rec.title.start:rec.title.end].split()) == rec.title.value
    return rec


def v(f):  # noqa: ANN001, ANN201
    return None if f is None else f.value


def test_title_line_carrying_page_metadata_is_cut_before_it() -> None:
    rec = run("北岭县民政局关于开展“政府开放日”活动的通知  发布时间：2021-03-02  来源：县民政局\n"
              "各乡镇民政所，局属各单位：\n为推进政务公开，现将有关事项通知如下：\n")
    assert v(rec.title) == "北岭县民政局关于开展“政府开放日”活动的通知"
    assert v(rec.recipients) == "各乡镇民政所，局属各单位"


def test_title_with_a_number_key_glued_on() -> None:
    rec = run("南川区水务局关于开展2020年“政府开放日”活动的通知文号:南水发〔2020〕12号\n"
              "各科室、各站所：\n为推进政务公开，现将有关事项通知如下：\n")
    assert v(rec.title) == "南川区水务局关于开展2020年“政府开放日”活动的通知"
    assert v(rec.doc_number) == "南水发〔2020〕12号"
    assert v(rec.recipients) == "各科室、各站所"


def test_name_cell_ends_at_the_next_key_and_recipients_follow_the_repeated_title() -> None:
    text = ("编号: 0001/2020-00007  类别: 通知\n"
            "名称: 东河市人民政府办公室关于开展“政府开放日”活动的通知 文号: 东政办〔2020〕3号\n"
            "生成日期: 2020-04-01\n"
            "东河市人民政府办公室关于开展“政府开放日”活动的通知\n"
            "发布时间:2020-04-01 来源:市政府办\n"
            "各镇人民政府，市政府各部门：\n为推进政务公开，现将有关事项通知如下：\n")
    rec = run(text)
    assert v(rec.title) == "东河市人民政府办公室关于开展“政府开放日”活动的通知"
    assert rec.title is not None and text[rec.title.start - 1] == "\n"  # the title's own line, not the cell
    assert v(rec.recipients) == "各镇人民政府，市政府各部门"


def test_a_reader_field_line_is_no_title() -> None:
    rec = run("当前刊物名称:西江晚报\n\n日期:06-02\n版面:03 本地新闻\n\n"
              "本报讯 近日，西江区税务局开展政府开放日活动，邀请纳税人参观办税服务厅。\n")
    assert rec.title is None


def test_headline_with_its_source_on_the_same_line() -> None:
    rec = run("北湖镇开展政务公开日活动 来源：北湖镇人民政府 发布时间：2020-05-16\n"
              "5月15日，北湖镇在集镇广场开展政务公开日宣传活动。\n")
    assert v(rec.title) == "北湖镇开展政务公开日活动"


def test_recipients_printed_on_the_title_line() -> None:
    rec = run("西坪县人民政府办公室关于开展政府开放日活动的通知 各乡镇人民政府：\n"
              "为推进政务公开，现将有关事项通知如下：\n")
    assert v(rec.title) == "西坪县人民政府办公室关于开展政府开放日活动的通知"
    assert v(rec.recipients) == "各乡镇人民政府"


def test_grid_number_cell_after_a_bar() -> None:
    rec = run("标 题: | 西坪县人民政府办公室关于开展政府开放日活动的通知 | |\n"
              "发文字号: | 西政办〔2021〕8号 | |\n各乡镇人民政府：\n为推进政务公开，现将有关事项通知如下：\n")
    assert v(rec.title) == "西坪县人民政府办公室关于开展政府开放日活动的通知"
    assert v(rec.doc_number) == "西政办〔2021〕8号"


def test_site_banner_above_a_title_line_with_its_publishing_time_is_not_the_title() -> None:
    rec = run("北坪县人民政府门户网站政务公开专栏\n"
              "北坪县人民政府办公室关于开展政府开放日活动的通知  发布时间：2022-04-20\n"
              "各乡镇人民政府：\n现将有关事项通知如下：\n")
    assert v(rec.title) == "北坪县人民政府办公室关于开展政府开放日活动的通知"


def test_title_run_together_with_the_body_of_an_aggregator_copy() -> None:
    text = ("第七届“中国统计开放日”活动方案为进一步打造阳光统计，提升统计权威，国家统计局决定于9月20日举办"
            "第七届“中国统计开放日”，特制定如下方案。一、活动主题……\n")
    assert v(run(text).title) == "第七届“中国统计开放日”活动方案"


def test_news_headline_above_a_bare_byline() -> None:
    text = ("第九届“中国统计开放日”现场宣传活动成功举办\n\n草原\n\n"
            "按照国家统计局的通知精神，9月20日上午，省统计局在广场举办了现场宣传活动，吸引市民500余人次。\n")
    assert v(run(text).title) == "第九届“中国统计开放日”现场宣传活动成功举办"


def test_ocr_middle_dot_bullets_of_a_metadata_list_are_not_the_title() -> None:
    text = ("·索引号:006997710/2019-00491文号:\n·发布机构:某市统计局生成日期:2016-09-14\n主题分类:主题词:\n"
            "关于开展第七届“中国统计开放日”\n活动的通知\n·来源:某市统计局\n·各区(县)统计局:\n国家统计局决定举办开放日活动。\n")
    rec = run(text)
    assert v(rec.title) == "关于开展第七届“中国统计开放日”活动的通知"
    assert v(rec.recipients) == "各区(县)统计局"


def test_title_cell_wrapped_in_a_scan_is_read_from_the_full_line_below() -> None:
    text = ("·标 题:某某新能源产业招商服务有限公\n司2024年“政府开放日”活动开展情况的\n报告\n·效力状态:有效\n"
            "某某新能源产业招商服务有限公司2024年“政府开放日”活动开展情况的报告\n为推进政务公开，公司举办了开放日活动。\n")
    assert v(run(text).title) == "某某新能源产业招商服务有限公司2024年“政府开放日”活动开展情况的报告"


def test_name_cell_glued_to_its_value_by_ocr() -> None:
    text = ("·公开方式 主动公开\n名称关于报送“政府开放日”组织开展信息\n的通知\n"
            "关于报送“政府开放日”组织开展信息的通知\n各乡镇人民政府：\n为推进政务公开，现通知如下。\n")
    assert v(run(text).title) == "关于报送“政府开放日”组织开展信息的通知"


def test_wrapped_title_line_opening_with_the_dot_of_5_15_is_not_a_bullet() -> None:
    text = ("喀左县人民政府办公室关于组织开展第十二届“5\n·15 政务公开日”活动的通知\n"
            "各乡镇、街、区，县政府各部门：\n为推进政务公开，现将有关事项通知如下：\n")
    assert v(run(text).title) == "喀左县人民政府办公室关于组织开展第十二届“5·15政务公开日”活动的通知"


def test_long_title_wrapped_inside_guanyu_over_three_lines() -> None:
    text = ("呼和浩特市政府信息公开工作领导小组办公室关\n于印发《贯彻实施中华人民共和国政府信息公开\n"
            "条例宣传工作方案》的通知\n各旗、县、区政府信息公开领导小组办公室：\n现将方案印发给你们，请认真贯彻落实。\n")
    assert v(run(text).title) == ("呼和浩特市政府信息公开工作领导小组办公室关于印发《贯彻实施中华人民共和国政府信息公开"
                                  "条例宣传工作方案》的通知")


def test_headline_above_a_from_line_and_a_date_line() -> None:
    text = ("兴城街道积极开展“政府开放日”活动\n来自:\n时间:2023-06-08\n"
            "为进一步加大政务公开工作力度，兴城街道结合自身实际，开展“政府开放日”宣传活动。\n")
    assert v(run(text).title) == "兴城街道积极开展“政府开放日”活动"


def test_news_item_reprinting_a_notice_takes_the_reprints_title() -> None:
    text = ("中新网5月5日电 据外交部网站消息:外交部将于5月25日举办今年第一次公众开放日活动,此次活动将采取网上公开报名方式。\n"
            "外交部并在网站上就相关事宜刊发通知,通知全文如下:\n外交部2008年第一次公众开放日报名通知\n"
            "外交部将于5月25日(星期日)举办今年第一次公众开放日活动。\n")
    assert v(run(text).title) == "外交部2008年第一次公众开放日报名通知"


def test_web_headline_wrapped_inside_a_quoted_name() -> None:
    text = ("苍溪县文化广播电视体育和旅游局2024年“政务\n开放日”活动公告\n时间：2024-11-22 来源:苍溪县文化广播电视体育和旅游局\n"
            "广大市民朋友:\n为进一步加强政民互动交流，特通过网络方式公开邀请热心市民积极参与“政务开放日”活动。\n")
    assert v(run(text).title) == "苍溪县文化广播电视体育和旅游局2024年“政务开放日”活动公告"


def test_headline_whose_last_word_a_scan_wrapped_is_not_a_byline() -> None:
    text = ("天心区卫生健康局开展2025年“政务公开主题日”\n活动\n"
            "为进一步深化卫生健康政务公开工作，8月19日晚，天心区卫生健康局在南郊公园开展“政务公开主题日”活动，让群众近距离了解卫健政务。\n")
    assert v(run(text).title) == "天心区卫生健康局开展2025年“政务公开主题日”活动"


def test_headline_with_a_column_tag_before_a_single_bar_is_no_breadcrumb() -> None:
    text = ("市水利系统|积极开展2024“政府开放月”活动\n发布时间:2024-08-20 15:54\n"
            "为进一步推进阳光、透明、开放、服务型政府建设，我市水利系统开展2024“政府开放月”活动。\n")
    assert v(run(text).title) == "市水利系统|积极开展2024“政府开放月”活动"


def test_breadcrumb_with_a_single_bar_stays_navigation() -> None:
    text = "首页|政务公开\n关于开展政务公开日活动的通知\n各单位：\n现将有关事项通知如下。\n"
    assert v(run(text).title) == "关于开展政务公开日活动的通知"


def test_reprint_cue_wrapped_by_a_scan() -> None:
    text = ("中新网5月5日电据外交部网站消息:外交部将于5月25日举办今年第一次公众开放日活动。\n"
            "外交部并在网站上就相关事宜刊发通知，通知全文\n如下：\n外交部2008年第一次公众开放日报名通知\n"
            "外交部将于5月25日(星期日)举办今年第一次公众开放日活动。\n")
    assert v(run(text).title) == "外交部2008年第一次公众开放日报名通知"


def test_web_headline_whose_last_word_wrapped_above_the_source_line() -> None:
    text = ("沈阳市审计局积极开展“5·15政务公开日”宣传\n活动\n来源:沈阳市审计局\n日期:2025年05月15日\n"
            "今年5月15日是第十九个“政务公开日”，沈阳市审计局组织开展“5·15政务公开日”宣传活动。\n")
    assert v(run(text).title) == "沈阳市审计局积极开展“5·15政务公开日”宣传活动"


def test_headline_above_a_scanned_posted_at_line_with_date_and_time_glued() -> None:
    text = ("[发展]王建军邀请公民代表走进市政府\n发表于2015-4-3008:00:07\n"
            "4月28日上午，我市举行第19期“公民代表走进市政府”活动。市长邀请35位公民代表参观市行政服务中心。\n")
    assert v(run(text).title) == "[发展]王建军邀请公民代表走进市政府"
