"""What the document is (invented snippets)."""

from __future__ import annotations

from pipeline.extract import header, signature
from pipeline.extract.kind import kind_of
from pipeline.extract.source import make_source
from pipeline.model import Record


def kind(text: str) -> str:
    src = make_source(text)
    rec = Record()
    header.fill(src, rec)
    signature.fill(src, rec)
    return kind_of(src, rec).value


_PLAN_BODY = ("为推进政务公开，我局定于2021年9月8日开展“政府开放日”活动，二、活动主题走进水利三、活动时间2021年9月8日"
              "上午9:00四、活动内容参观水文站")


def test_untitled_plan_like_text_that_tells_the_public_how_to_sign_up_is_an_announcement() -> None:
    text = _PLAN_BODY + "，有意参加的市民请于9月6日前拨打0000-7654321进行电话报名。北山县水利局2021年9月1日。\n"
    assert kind(text) == "announcement"


def test_untitled_plan_like_text_without_a_sign_up_stays_a_plan() -> None:
    assert kind(_PLAN_BODY + "。北山县水利局2021年9月1日。\n") == "plan"


def test_a_notice_that_hands_out_the_plan_is_a_plan() -> None:
    text = ("关于开展“政府开放日”活动的通知\n各科室：\n"
            "现将《南坡镇“政府开放日”活动方案》印发给你们，请认真组织实施。\n南坡镇人民政府\n2021年8月2日\n")
    assert kind(text) == "plan"


def test_a_notice_that_asks_for_plans_stays_a_notice() -> None:
    text = ("关于开展“政府开放日”活动的通知\n各科室：\n"
            "请各科室制定活动方案，于8月10日前报送党政办。\n南坡镇人民政府\n2021年8月2日\n")
    assert kind(text) == "notice"


def test_untitled_newspaper_report_is_a_summary() -> None:
    text = ("版面:02 要闻\n本报讯（记者 王一） 近日，东江区政务服务中心开展政府开放日活动，"
            "邀请市民代表参观政务服务大厅。\n")
    assert kind(text) == "summary"


def test_a_preview_of_an_open_day_is_an_announcement() -> None:
    text = "西平区教育局2021年“政府开放日”活动预告\n为推进政务公开，我局将于6月8日开放机关，欢迎市民参加。\n"
    assert kind(text) == "announcement"


def test_untitled_news_report_opening_on_the_day_it_happened_is_a_summary() -> None:
    text = ("滨州网讯(记者张某报道)为加大政务公开力度，10月12日上午，市国资委组织开展“政府开放日”活动，"
            "邀请市民代表近30人参加。\n活动中，受邀代表参观了项目现场，听取了情况介绍。\n")
    assert kind(text) == "summary"


def test_untitled_plan_listing_dated_items_is_not_mistaken_for_a_report() -> None:
    text = ("为推进政务公开，特制定本方案。\n一、活动时间\n5月15日。\n二、活动内容\n"
            "5月15日上午，在政务服务大厅开展政策咨询。\n")
    assert kind(text) == "plan"


def test_report_opening_with_the_day_and_who_did_what_is_a_summary() -> None:
    text = ("日前，区发展和改革局开展“政府开放日”活动，邀请人大代表、市民代表一行二十余人走进机关参观。\n"
            "此次活动，区发展改革局向代表普及了低碳环保知识。\n")
    assert kind(text) == "summary"
    text = ("为切实做好条例的宣传普及工作，6月22日，杞梓里镇开展条例主题宣传活动。\n"
            "活动上，党委委员强调要高度重视此次活动。\n")
    assert kind(text) == "summary"


def test_news_of_an_event_still_to_come_is_no_report() -> None:
    text = ("12月24日，记者从省政府办公厅召开的通气会上获悉，12月25日，省政府举行首个“开放日”活动，"
            "迎接20名公众代表。\n公众代表团将走进省政务服务中心。\n")
    assert kind(text) != "summary"


def test_untitled_text_calling_itself_a_plan_with_zhiding_variant_is_a_plan_despite_sign_up() -> None:
    text = ("为增进与群众之间的沟通联系，结合我单位实际，特制订本方案。\n一、活动时间\n2023年8月31日\n"
            "二、报名方式:可拨打办公室电话:0830-1234567报名，报名截止时间为8月27日。\n北山县某局\n2023年8月21日\n")
    assert kind(text) == "plan"


def test_traditional_copy_addressed_to_units_is_a_notice() -> None:
    text = "縣直機關、事業單位：\n為做好政務公開工作，現將有關工作安排如下。\n某縣人民政府辦公室\n2021年5月6日\n"
    assert kind(text) == "notice"


def test_untitled_report_speaking_of_its_county_in_the_third_person_is_a_summary() -> None:
    text = ("2008年5月1日《条例》开始实施，该县决定将2008年5月定为“《条例》宣传活动月”。\n"
            "一、加强组织领导\n该县制定文件，并下发到县直各单位。\n二、多形式宣传\n一是在县政府网站开展宣传。\n来源:永州廉政网\n")
    assert kind(text) == "summary"


def test_untitled_preview_to_the_public_is_an_announcement_and_now_notifying_is_a_notice() -> None:
    preview = ("依据区政务公开办公室的通知安排，平湖街道办事处将组织开展2023年度“政府开放日”活动，预告如下:\n"
               "一、活动主题\n打造服务型政府\n二、活动时间\n2023年6月14日15:00\n")
    assert kind(preview) == "announcement"
    notice = ("为加大政务公开工作力度，临沭县交通运输局决定开展“政府开放日”活动，现通知如下。\n一、活动时间及地点\n"
              "1、活动时间:8月10日上午\n二、活动内容\n本次活动通过参观体验、座谈交流等形式开展。\n")
    assert kind(notice) == "notice"
