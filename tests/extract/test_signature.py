"""Signature block and 版记: issuer, issue_date, cc, printer, print_date."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from seedgold import GOLD, SEEDS

from pipeline.extract import header, signature
from pipeline.extract.source import make_source
from pipeline.model import Record


def run(text: str) -> Record:
    src = make_source(text)
    rec = Record()
    header.fill(src, rec)
    signature.fill(src, rec)
    for f in (rec.issuer, rec.issue_date, rec.cc, rec.printer, rec.print_date):
        if f is not None:
            assert 0 <= f.start < f.end <= len(text)
    return rec


def v(f):  # noqa: ANN001, ANN201
    return None if f is None else f.value


GBT = """\
本溪市人民政府办公室文件

本政办发〔2019〕9号

本溪市人民政府办公室关于开展第十三届“5·15政务公开日”活动的通知

各县（区）人民政府，市政府各部门：

一、活动时间
2019年5月15日

二、活动要求
各单位于5月10日前上报活动方案。

附件：1.活动安排表
2.宣传标语

本溪市人民政府办公室
二〇一九年五月六日

（此件公开发布）

附件1

活动安排表
市政务服务中心
2019年5月1日

抄送：市委办公室，市人大常委会办公室，
市政协办公室。

本溪市人民政府办公室                     2019年5月7日印发
"""


def test_gbt_signature_chinese_numerals_and_banji() -> None:
    rec = run(GBT)
    assert v(rec.issuer) == "本溪市人民政府办公室"
    assert v(rec.issue_date) == dt.date(2019, 5, 6)  # not the 活动时间 date, not the attachment's block
    assert v(rec.cc) == "市委办公室，市人大常委会办公室，市政协办公室"
    assert v(rec.printer) == "本溪市人民政府办公室"
    assert v(rec.print_date) == dt.date(2019, 5, 7)


def test_web_publishing_date_is_never_issue_date() -> None:
    text = ("首页 > 政务动态\n区政务服务中心举办政府开放日活动\n"
            "发布时间：2022-05-12 来源：大东区政府办 浏览次数：88\n"
            "时间:2022年5月12日\n"
            "5月10日，沈阳市大东区政务服务中心举办政府开放日活动。共接待市民30余人次。\n")
    rec = run(text)
    assert rec.issue_date is None
    # a news headline's subject is not "the organ heading the title" (that is 关于/year/event-cut); 来源 is
    assert v(rec.issuer) == "大东区政府办"


def test_source_line_names_the_issuer_of_a_news_page() -> None:
    text = ("深化政务公开 建设阳光政府\n"
            "发布时间：2020-05-18　来源：西岗区政务公开办公室　作者：王芳\n"
            "5月15日，我区在人民广场开展了政务公开日宣传活动，……。\n")
    assert v(run(text).issuer) == "西岗区政务公开办公室"


def test_newspaper_source_is_not_an_issuer() -> None:
    text = ("我市开展政务公开日宣传\n来源：鞍山日报　发布时间：2020-05-18\n5月15日，……。\n")
    assert run(text).issuer is None


def test_source_line_naming_a_residents_committee() -> None:
    text = ("柳湾社区居委会组织居民走进政府开放日\n发布日期：2023-09-12 信息来源：柳湾社区居委会\n"
            "9月10日，柳湾社区居委会组织居民代表参加了“政府开放日”活动，共30余人次。\n")
    assert v(run(text).issuer) == "柳湾社区居委会"


def test_self_reference_with_the_organ_named() -> None:
    text = ("政务公开日活动总结\n\n为贯彻落实政务公开工作要求，庄河市自然资源局于5月15日组织开展了政务公开日活动。"
            "我局高度重视，精心组织。\n")
    assert v(run(text).issuer) == "庄河市自然资源局"


def test_bare_place_before_year_is_not_an_issuer() -> None:
    text = ("宁乡市2021年“政务公开主题日”活动方案\n\n一、活动主题\n……。\n")
    assert run(text).issuer is None


def test_telegram_unit_when_no_signature() -> None:
    text = ("朝阳市发电\n发电单位 朝阳市人民政府办公室 签发盖章 高树胜\n"
            "关于开展政务公开日活动的通知\n各县（市）区：\n……。\n")
    assert v(run(text).issuer) == "朝阳市人民政府办公室"


def test_telegram_unit_in_its_own_cell() -> None:
    text = "葫芦岛市发电\n发电单位\n葫芦岛市人民政府办公室\n签发盖章\n赵永军\n关于开展政务公开日活动的通知\n各县：\n"
    assert v(run(text).issuer) == "葫芦岛市人民政府办公室"


def test_title_organ_before_guanyu() -> None:
    text = "北票市人民政府办公室关于开展政务公开日活动的通知\n\n各乡镇：\n\n……。\n"
    assert v(run(text).issuer) == "北票市人民政府办公室"


def test_title_organ_is_the_longest_organ_prefix_before_about_year_or_event() -> None:
    # the organ's own name holds 政务公开; the cut is 关于 (also after a space, and in Traditional)
    text = "青禾县政务公开政务服务领导小组办公室 关于开展“政务公开主题日”活动的通知\n各乡镇：\n……。\n"
    assert v(run(text).issuer) == "青禾县政务公开政务服务领导小组办公室"
    text = "青禾縣政務公開和政務服務工作領導小組辦公室關於開展“政務公開主題日”活動的通知\n各鄉鎮：\n……。\n"
    assert v(run(text).issuer) == "青禾縣政務公開和政務服務工作領導小組辦公室"
    # an organ with no standard place-level suffix, heading a title that starts with the year
    text = "青禾县白石水库管理处\n2022年“政府开放日”活动方案\n一、活动内容\n……。\n"
    rec = run(text)
    assert v(rec.title) == "青禾县白石水库管理处2022年“政府开放日”活动方案"
    assert v(rec.issuer) == "青禾县白石水库管理处"
    text = "柳湾街道办事处第七届“5·15政务公开日”活动总结\n5月15日，我街道开展了活动。\n"
    assert v(run(text).issuer) == "柳湾街道办事处"


def test_signature_glued_to_the_end_of_a_run_together_copy() -> None:
    text = ("各科室：根据要求，现将有关事项通知如下：一、活动主题政务公开，二、活动安排……，"
            "请及时报送办公室，，青禾省农业农村廳2022年6月3日，。\n")
    rec = run(text)
    assert v(rec.issuer) == "青禾省农业农村廳"
    assert v(rec.issue_date) == dt.date(2022, 6, 3)
    # a date closing a sentence is no signature: what precedes it is no organ
    assert run("各单位：活动于2022年6月3日举行，请各单位积极参加2022年6月3日。\n").issuer is None


def test_web_page_embedded_notice_date_counts() -> None:
    text = """\
关于印发2021年新抚区“5·15政务公开日”活动方案的通知
浏览:1024次 时间:2021年5月11日

各街道，区政府各部门：

现将《2021年新抚区“5·15政务公开日”活动方案》印发给你们，请认真组织实施。

    新抚区人民政府办公室
          2021年5月8日
(此件公开发布)

2021年新抚区“5·15政务公开日”活动方案

一、活动时间
5月15日至5月20日。
二、活动要求
各单位于5月21日前报送总结。
"""
    rec = run(text)
    assert v(rec.issuer) == "新抚区人民政府办公室"
    assert v(rec.issue_date) == dt.date(2021, 5, 8)


def test_organ_and_date_on_one_ocr_line_and_traditional() -> None:
    text = "關於開展政府開放日活動的通知\n\n各區政府：\n\n……。\n\n臺北市政府新聞處 2021年5月3日\n"
    rec = run(text)
    assert v(rec.issuer) == "臺北市政府新聞處"
    assert v(rec.issue_date) == dt.date(2021, 5, 3)


def test_wrapped_long_organ_name_and_seal_line() -> None:
    text = ("洞口县2023年“政务公开主题日”活动实施方案\n\n一、工作目标\n……。\n\n"
            "洞口县政务公开政务服务领导小组\n办公室\n（盖章）\n2023 年 4 月 6 日\n")
    rec = run(text)
    assert v(rec.issuer) == "洞口县政务公开政务服务领导小组办公室"
    assert v(rec.issue_date) == dt.date(2023, 4, 6)


def test_joint_issuers_one_per_line() -> None:
    text = ("关于开展政务公开日活动的通知\n\n各单位：\n\n……。\n\n"
            "中共桓仁县委办公室\n桓仁县人民政府办公室\n2020年5月6日\n")
    assert v(run(text).issuer) == "中共桓仁县委办公室、桓仁县人民政府办公室"


def test_activity_date_under_heading_is_not_a_signature() -> None:
    text = "关于开展政府开放日活动的公告\n\n一、活动时间\n2022年5月20日\n二、活动地点\n市民中心\n"
    assert run(text).issue_date is None


def test_date_only_signature_without_organ_at_end() -> None:
    text = "关于开展政务公开日活动的通知\n\n各单位：\n\n请认真组织实施。\n\n2020年5月6日\n"
    rec = run(text)
    assert v(rec.issue_date) == dt.date(2020, 5, 6)


def test_metadata_cells() -> None:
    text = ("发文机关：鞍山市人民政府办公室\n成文日期：2021-05-07\n标　　题：关于开展政务公开日活动的通知\n"
            "发布日期：2021-05-10\n各县（市）区：\n……。\n")
    rec = run(text)
    assert v(rec.issuer) == "鞍山市人民政府办公室"
    assert v(rec.issue_date) == dt.date(2021, 5, 7)


def test_anonymised_template_names_are_not_issuers() -> None:
    text = ("xx局政务公开日活动总结\n\n我局于5月15日开展了以“政务公开 阳光行政”为主题的活动。\n\n"
            "xx县xx局\n20xx年5月20日\n")
    rec = run(text)
    assert rec.issuer is None and rec.issue_date is None


def test_verb_ending_like_an_organ_is_not_one() -> None:
    text = "区政务服务中心举办政府开放日活动\n5月10日，活动在服务大厅举行。\n"
    assert run(text).issuer is None


def test_seal_only_signature_after_attachment_list() -> None:
    text = ("关于开展政务公开日活动的通知\n\n各乡镇：\n\n请认真组织实施。\n\n附件：1.活动安排表\n2.宣传标语\n\n"
            "2019年5月6日\n\n（此件公开发布）\n")
    assert v(run(text).issue_date) == dt.date(2019, 5, 6)


def test_wrapped_name_whose_second_line_is_an_organ_by_itself() -> None:
    text = ("各相关单位：\n\n一、活动主题\n……。\n\n"
            "青禾市河西区政务公开政务服务\n领导小组办公室\n2022年4月18日\n")
    assert v(run(text).issuer) == "青禾市河西区政务公开政务服务领导小组办公室"
    text = "关于开展政务公开日活动的通知\n\n各单位：\n\n请认真落实。\n特此通知\n东川县政务服务中心\n2022年5月6日\n"
    assert v(run(text).issuer) == "东川县政务服务中心"


def test_town_named_by_source_line_and_self_reference() -> None:
    text = ("柳湾镇举办“政府开放日”活动\n来源：柳湾镇\n发布日期：2023-06-20\n"
            "6月16日，柳湾镇组织群众代表参观便民服务中心。下一步，我镇将继续深化政务公开。\n")
    assert v(run(text).issuer) == "柳湾镇"
    without_self_reference = text.replace("我镇", "该镇")
    assert run(without_self_reference).issuer is None


def test_source_line_does_not_name_the_issuer_of_a_notice() -> None:
    text = ("关于开展2024年“政务公开主题日”活动的通知\n来源：溪口县政务服务中心 时间：2024-03-02\n"
            "各乡镇：\n现将有关事项通知如下：\n一、活动主题\n")
    rec = run(text)
    assert rec.issuer is None
    assert any("溪口县政务服务中心" in w for w in rec.warnings)


def test_self_reference_takes_the_relative_name_as_printed_when_no_full_name_is_given() -> None:
    text = ("政务公开日活动总结\n5月15日，县文旅局在广场开展宣传。我局高度重视，精心组织。\n")
    assert v(run(text).issuer) == "县文旅局"


def test_self_reference_prefers_the_full_name_even_inside_a_cited_plan_title() -> None:
    text = ("政务公开日活动总结\n根据工作部署，区司法局结合自身实际开展活动。我局制定了《南芬区司法局“5.15政务公开日”"
            "活动方案》，5月15日当天，我局设置了服务平台。\n")
    assert v(run(text).issuer) == "南芬区司法局"


def test_seal_note_after_the_organ_name() -> None:
    text = "关于开展政务公开日活动的通知\n各单位：\n请认真组织实施。\n东川县政务公开领导小组办公室（代章）\n2021年5月8日\n"
    rec = run(text)
    assert v(rec.issuer) == "东川县政务公开领导小组办公室"
    assert v(rec.issue_date) == dt.date(2021, 5, 8)


def test_source_line_organ_is_taken_as_the_text_prints_it_in_any_script() -> None:
    text = "市文旅局开展“政务公开日”活动\n时间:2024-05-16 来源:文旅局\n5月15日，市文旅局开展了宣传。\n"
    assert v(run(text).issuer) == "市文旅局"  # the fuller form the text itself prints
    text = "中心开展“政务公开日”宣传\n时间:2024-05-16 来源:综合保障部\n5月15日，中心开展了宣传。\n"
    assert v(run(text).issuer) == "综合保障部"  # a site's own department, named as the site knows it
    text = "縣稅務局開展“政務公開日”活動\n時間:2024-05-16 來源:東川縣稅務局\n5月15日，縣稅務局開展了宣傳。\n"
    assert v(run(text).issuer) == "東川縣稅務局"


def _norm(x: object) -> str | None:
    if x is None:
        return None
    if isinstance(x, dt.date):
        return x.isoformat()
    s = unicodedata.normalize("NFKC", str(x))
    return "".join(s.split()).rstrip("。.")


@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(), reason="/work/shared dev set absent")
@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_signature_fields(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    rec = run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    for field in ("issuer", "issue_date"):
        assert _norm(v(getattr(rec, field))) == _norm(gold.get(field)), field


# ---------------------------------------------------------------- invented snippets, holdout-2 causes

def test_source_value_ends_where_a_name_cannot_go_on() -> None:
    rec = run("來源:東嶺縣人民政府辦公室 ??發佈時間:2021年05月19日\n"
              "2021年5月15日，東嶺縣政府辦開展了政務公開日宣傳活動，共接待群眾80人次，現將總結匯報如下：\n")
    assert v(rec.issuer) == "東嶺縣人民政府辦公室"


def test_announcement_headed_by_a_place_takes_that_places_organ_from_its_source_line() -> None:
    text = ("北川区石桥镇:关于开展“政务开放日”活动的公告\n\n来源:北川区石桥镇人民政府     发布日期:2021-10-08\n\n"
            "广大市民朋友:\n\n石桥镇定于10月20日开展“政务开放日”活动，现将有关事项公告如下。\n")
    assert v(run(text).issuer) == "北川区石桥镇人民政府"
    other = text.replace("来源:北川区石桥镇人民政府", "来源:北川区人民政府办公室")
    assert run(other).issuer is None  # a source naming another organ is still no 发文机关


def test_date_line_between_an_issuing_notice_and_the_document_it_issues() -> None:
    text = ("南岗县政务公开办公室关于印发《政务公开宣传工作方案》的通知\n各乡镇政务公开办公室:\n"
            "现将《政务公开宣传工作方案》印发给你们,请结合实际认真贯彻落实。\n"
            "二〇一〇年四月九日\n政务公开宣传工作方案\n为做好宣传工作,特制定本方案。\n")
    rec = run(text)
    assert v(rec.issue_date) == dt.date(2010, 4, 9)
    assert v(rec.issuer) == "南岗县政务公开办公室"


def test_date_line_before_a_numbered_heading_is_no_signature() -> None:
    text = ("南岗县政府开放日活动方案\n为做好宣传工作,特制定本方案。\n一、活动时间\n活动当天全天开放。\n"
            "2021年6月9日\n二、活动安排\n参观政务大厅。\n")
    assert run(text).issue_date is None


@pytest.mark.parametrize("title,issuer", [
    ("虎山乡2025年“政府开放日”活动公告", "虎山乡"),
    ("【活动公告】虎山乡2025年“政府开放日”活动公告", "虎山乡"),
    ("达来胡硕苏木关于开展“政府开放日”活动的公告", "达来胡硕苏木"),
])
def test_township_heading_its_own_announcement_is_the_issuer(title: str, issuer: str) -> None:
    rec = run(f"{title}\n\n广大群众朋友：\n\n为加强政务公开，将于2025年7月31日开展活动，欢迎报名参加。\n")
    assert v(rec.issuer) == issuer


def test_township_heading_a_news_report_is_only_where_it_happened() -> None:
    rec = run("长兴镇开展“政府开放日”活动\n\n5月20日，长兴镇举办了政府开放日活动，接待群众30余人次。\n")
    assert v(rec.issuer) is None


def test_signature_date_whose_last_character_a_seal_hid() -> None:
    text = ("关于报送活动信息的通知\n各乡镇人民政府：\n请于8月30日前报送活动信息。\n"
            "兰陵县政务公开办公室\n2023年7月29\n")
    rec = run(text)
    assert v(rec.issuer) == "兰陵县政务公开办公室"
    assert v(rec.issue_date) == dt.date(2023, 7, 29)


def test_a_date_without_its_day_character_inside_a_sentence_is_no_signature() -> None:
    rec = run("关于报送活动信息的通知\n各单位：\n本次活动定于2023年7月29开展，请做好准备。\n")
    assert v(rec.issue_date) is None


def test_organ_heading_a_title_wrapped_inside_guanyu() -> None:
    text = ("呼和浩特市政府信息公开工作领导小组办公室关\n于印发《宣传工作方案》的通知\n各旗、县、区：\n"
            "现将方案印发给你们，请认真贯彻落实。\n")
    assert v(run(text).issuer) == "呼和浩特市政府信息公开工作领导小组办公室"


def test_seal_ring_text_read_above_the_signature_is_not_a_joint_issuer() -> None:
    text = ("关于印发2022年望花区“5·15政务公开日”活动方案的通知\n各镇街，区政府各部门：\n现将方案印发给你们，请认真组织实施。\n"
            "国区人民所院\n望花区人民政府办公室\n2022年5月7日\n")
    assert v(run(text).issuer) == "望花区人民政府办公室"


def test_joint_issuers_one_per_line_are_kept() -> None:
    text = ("关于开展2022年政务公开日活动的通知\n各乡镇：\n现将有关事项通知如下。\n"
            "中共喀左县委办公室\n喀左县人民政府办公室\n2022年5月7日\n")
    assert v(run(text).issuer) == "中共喀左县委办公室、喀左县人民政府办公室"


def test_signing_year_misread_under_a_seal_is_repaired_from_the_documents_own_year() -> None:
    text = ("关于印发2022年望花区“5·15政务公开日”活动方案的通知\n各镇街：\n现将方案印发给你们。\n"
            "望花区人民政府办公室\n2082年5月7日\n")
    assert v(run(text).issue_date) == dt.date(2022, 5, 7)
    text = "关于开展政务公开日活动的通知\n各镇街：\n现将方案印发给你们。\n望花区人民政府办公室\n2082年5月7日\n"
    assert v(run(text).issue_date) is None  # no year to repair it from: no date rather than a wrong one


def test_bare_township_heading_a_plan_takes_the_organ_its_source_line_names() -> None:
    text = ("樊哙镇2022年度“政务开放日”活动方案\n来源:樊哙镇人民政府\n发布日期:2022-06-23\n\n"
            "为进一步推进阳光、透明、开放、服务型政府建设，现结合我镇实际，特制定本次活动方案。\n一、活动主题\n走进政府\n")
    assert v(run(text).issuer) == "樊哙镇人民政府"


def test_seal_ring_text_that_repeats_part_of_the_organ_name_is_dropped() -> None:
    text = ("关于开展政务公开日活动的通知\n各乡镇：\n现将有关事项通知如下。\n"
            "人民政府办\n喀左县人民政府办公室\n2018年5月8日K\n")
    rec = run(text)
    assert v(rec.issuer) == "喀左县人民政府办公室"
    assert v(rec.issue_date) == dt.date(2018, 5, 8)


def test_seal_ring_text_read_onto_the_organ_line_as_a_repeat_is_cut() -> None:
    rec = run("现将有关事项通知如下。\n报名截止时间为8月27日。\n泸县退役军人事务局退役军人\n2023年8月21日\n")
    assert rec.issuer is not None and rec.issuer.value == "泸县退役军人事务局"
    assert rec.issue_date is not None and rec.issue_date.value.isoformat() == "2023-08-21"


def test_organ_line_ending_on_its_own_suffix_is_not_cut() -> None:
    rec = run("现将有关事项通知如下。\n某县人民政府办公室\n2023年8月21日\n")
    assert rec.issuer is not None and rec.issuer.value == "某县人民政府办公室"


def test_traditional_bare_township_heading_a_plan_takes_the_organ_its_source_line_names() -> None:
    text = ("樊噲鎮2022年度“政務開放日”活動方案\n來源:樊噲鎮人民政府\n發布日期:2022-06-23\n\n"
            "為進一步推進陽光、透明、開放、服務型政府建設，現結合我鎮實際，特制定本次活動方案。\n一、活動主題\n走進政府\n")
    assert v(run(text).issuer) == "樊噲鎮人民政府"


def test_date_with_a_seal_character_after_it_right_under_the_organ() -> None:
    rec = run("三、报名方式\n电话报名:0955-4014710\n林业和草\n海原县林业和草原局\n2025年9月8日可\n")
    assert v(rec.issuer) == "海原县林业和草原局"
    assert v(rec.issue_date) == dt.date(2025, 9, 8)


def test_date_with_a_character_after_it_and_no_organ_above_is_no_signature() -> None:
    rec = run("报名时间为5月10日至12日。\n请于下列日期前报名\n2025年9月8日前\n")
    assert rec.issue_date is None


def test_notice_naming_itself_as_the_deciding_organ_in_its_own_statement() -> None:
    text = ("为加大政务公开工作力度，临沭县交通运输局决定开展“政府开放日”活动，现通知如下。\n一、活动时间\n8月10日上午\n")
    assert v(run(text).issuer) == "临沭县交通运输局"


def test_superiors_decision_cited_in_a_notice_is_not_its_issuer() -> None:
    body = ("关于开展第七届“中国统计开放日”活动的通知\n各区(县)统计局：\n国家统计局决定于9月20日举办第七届“中国统计开放日”。"
            "为使活动更接地气，汕头市统计局决定于9月20日开展开放日活动。\n")
    assert v(run(body.replace("\n各区", "\n  • 来源:汕头市统计局\n各区", 1)).issuer) == "汕头市统计局"
    assert run(body).issuer is None  # neither organ says it is the one writing


def test_plan_naming_its_organ_in_its_own_plans_title() -> None:
    text = ("一、活动主题\n开放促服务\n二、工作安排\n(一)准备工作。拟定《梨树县商务局“政府开放日”活动实施方案》并报县政务公开办公室审核备案。\n")
    assert v(run(text).issuer) == "梨树县商务局"


def test_red_header_organ_over_a_repeated_title_line() -> None:
    text = ("关于2017年邀请公民代表走进政府活动的通告\n发布时间:2017-02-10 发布机构:华阴市人民政府 浏览次数\n"
            "华阴市人民政府办公室\n关于2017年邀请公民代表走进政府\n活动的通告\n为进一步密切市政府与人民群众的联系，现将有关事项通告如下:\n")
    assert v(run(text).issuer) == "华阴市人民政府办公室"


def test_page_publisher_is_not_the_issuer_of_a_plan_but_reports_a_news_item() -> None:
    plan = ("发布机构: 金寨县政府办 生成日期: 2026-03-03\n名  称: 乡镇2026年“政府开放日”活动计划\n\n"
            "乡镇2026年“政府开放日”活动计划\n一、活动时间\n每季度一次\n")
    assert run(plan).issuer is None
    news = ("发布机构: 银川市工程项目代理建设服务中心 责任部门: 市代建中心\n名 称:市代建中心开展“政府开放日”活动\n\n"
            "市代建中心开展“政府开放日”活动\n10月20日下午，市代建中心组织开展了“政府开放日”活动，邀请市民代表24名走进项目施工现场。\n")
    assert v(run(news).issuer) == "银川市工程项目代理建设服务中心"


def test_scanned_self_statement_wrapped_before_ruxia_and_glued_metadata_keys() -> None:
    text = ("为加大政务公开工作力度，临沭县交通运输局决定开展“政府开放日”活动，现通知\n如下。\n一、活动时间\n8月10日上午\n")
    assert v(run(text).issuer) == "临沭县交通运输局"
    news = ("索引号:640100-137/2021-00062发布日期:2021-10-21\n发布机构：银川市工程项目代理建设服务中心责任部门：\n市代建中心\n"
            "银川市代建中心开展2021年“政府开放日”活动\n10月20日下午，市代建中心组织开展了“政府开放日”活动，邀请市民代表走进项目现场。\n")
    assert v(run(news).issuer) == "银川市工程项目代理建设服务中心"
