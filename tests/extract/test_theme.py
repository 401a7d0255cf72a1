"""活动主题."""

from __future__ import annotations

import json

import pytest
from seedgold import GOLD, SEEDS, norm_scalar

from pipeline.extract import theme
from pipeline.extract.source import make_source
from pipeline.model import Record


def run(text: str) -> str | None:
    src = make_source(text)
    rec = Record()
    theme.fill(src, rec)
    if rec.theme is None:
        return None
    # as printed, but for the line breaks of a paragraph a scan wrapped
    assert "".join(src.text[rec.theme.start:rec.theme.end].split()) == "".join(rec.theme.value.split())
    return rec.theme.value


def test_section_paragraph() -> None:
    text = "一、活动主题\n\n做好新时代政务公开，助推政府治理体系和治理能力现代化。\n\n二、活动形式\n"
    assert run(text) == "做好新时代政务公开，助推政府治理体系和治理能力现代化"


def test_run_in_section_of_a_copy_without_line_breaks() -> None:
    text = "各单位：根据要求，一、活动目标落实部署，二、活动主题阳光政务，便民利民，三、活动时间六月。\n"
    assert run(text) == "阳光政务，便民利民"
    text = "各村：现将有关事项通知如下：一、活动主题 公开惠民生，二、活动时间 9月。\n"
    assert run(text) == "公开惠民生"


def test_table_header_row_one_cell_a_line_is_no_theme_section() -> None:
    text = "序号\n承办单位\n活动主题\n邀请对象\n活动内容\n1\n柳湾镇\n公开惠民生\n群众代表\n参观大厅。\n"
    assert run(text) is None
    # a numbered heading is a section even when a short theme line follows
    assert run("工作要求\n一、活动主题\n阳光政务\n二、活动时间\n") == "阳光政务"


def test_section_with_lead_and_inner_quotes() -> None:
    text = "一、活动主题\n\n活动主题为：解决群众“办事难”、打造营商环境最优县。\n"
    assert run(text) == "解决群众“办事难”、打造营商环境最优县"


def test_inline_heading_and_outer_quotes_stripped() -> None:
    assert run("（一）活动主题：“公开促落实 服务惠民生”。\n") == "公开促落实 服务惠民生"
    assert run("一、活动主题\n「公開透明 便民利民」\n") == "公開透明 便民利民"


def test_quoted_theme_keeps_inner_quotes() -> None:
    assert run("一、活动主题\n“推进‘一网通办’，建设服务型政府”\n") == "推进‘一网通办’，建设服务型政府"


def test_as_theme_sentence_with_comma_inside() -> None:
    text = "按照上级要求，以解决群众办事难,打造营商环境最优省为主题,结合实际开展了活动。"
    assert run(text) == "解决群众办事难,打造营商环境最优省"


def test_as_theme_quoted() -> None:
    text = "今年的活动以“政务公开 你我同行”为主题，开展系列宣传。"
    assert run(text) == "政务公开 你我同行"


def test_this_years_theme_is() -> None:
    text = "我镇按照要求组织开展主题活动，今年的主题是解决群众办事难，打造营商环境最优镇。通过活动……"
    assert run(text) == "解决群众办事难，打造营商环境最优镇"


def test_earliest_sentence_wins_on_collection_pages() -> None:
    text = ("以推进政务公开，优化营商环境为主题，我区开展了活动。\n"
            "……今年的主题是公开透明，服务群众。\n")
    assert run(text) == "推进政务公开，优化营商环境"


def test_table_header_is_not_a_theme() -> None:
    text = ("各单位报送的活动主题，由办公室统一制定。\n"
            "序号\t活动主题\t活动形式\t责任单位\n1\t世界水日主题活动\t政策发布\t县水利局\n")
    assert run(text) is None
    flattened = "序号\n活动主题\n活动形式\n责任单位\n1\n世界水日主题活动\n"
    assert run(flattened) is None


def test_references_to_a_theme_are_not_themes() -> None:
    text = "各单位要紧紧围绕活动主题，结合本职工作，开展宣传。访谈内容要扣紧活动主题，回应关切。"
    assert run(text) is None


def test_theme_day_name_is_not_a_theme() -> None:
    assert run("扩大“政务公开”主题日活动影响力，营造氛围。") is None


def test_label_and_traditional_full_width() -> None:
    assert run("主題：數字政府　惠民共享\n") == "數字政府　惠民共享"
    assert run("三、活動主題\n\n深化政務公開，優化營商環境。\n") == "深化政務公開，優化營商環境"


def test_quoted_event_name_is_not_a_theme() -> None:
    text = "各村分别召开了“5.15政务公开日”主题座谈会，村民代表参加。\n"
    assert run(text) is None
    text = "本次“政府开放日”活动主题是走进机关、了解政务，增进政民互信。\n"
    assert run(text) == "走进机关、了解政务，增进政民互信"


def test_several_quoted_themes_take_the_open_government_one() -> None:
    text = "5月15日，该局开展了以“平安出行 你我同行”、“推进政务公开 服务人民群众”为主题的宣传活动。\n"
    assert run(text) == "推进政务公开 服务人民群众"
    text = "活动以“阳光透明”、“便民高效”为主题，分两天进行。\n"
    assert run(text) == "阳光透明"


def test_long_section_paragraph_is_the_theme() -> None:
    paragraph = ("聚焦优化营商环境和民生保障两大任务，围绕重点项目建设、惠企政策落地、社会救助提标等群众关切事项，"
                 "紧扣“放管服”改革和“一件事一次办”，组织开展“政务公开主题日”活动")
    assert run(f"一、活动主题\n{paragraph}。\n二、时间安排\n") == paragraph


def test_quoted_name_of_the_event_inside_the_theme_section() -> None:
    text = "一、活动主题\n开展“家门口的政务公开”政府开放日活动，让群众了解办事流程。\n二、活动时间\n"
    assert run(text) == "家门口的政务公开"
    text = "一、活动主题\n组织开展“政务公开主题日”活动，展示特色亮点。\n"
    assert run(text) == "组织开展“政务公开主题日”活动，展示特色亮点"


def test_full_stop_inside_the_closing_quote_is_dropped() -> None:
    text = "今年活动宣传主题为“依法行政，阳光透明。”请各单位围绕主题开展活动。\n"
    assert run(text) == "依法行政，阳光透明"



@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(), reason="/work/shared dev set absent")
@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_theme(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    assert norm_scalar(run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))) == norm_scalar(gold.get("theme"))


def test_run_in_theme_glued_to_the_previous_sections_last_word() -> None:
    text = "二、活动时间及地点时间:2022年9月27日地点:某县农业农村局三、活动主题肉牛全产业链高质量发展四、参与对象群众代表。"
    assert run(text) == "肉牛全产业链高质量发展"


def test_theme_stated_as_core_theme_or_fixed_after_the_main_content() -> None:
    assert run("本次活动以“诚实诚信守初心、依法统计担使命”为核心主题，由市统计局牵头。") == "诚实诚信守初心、依法统计担使命"
    text = "一、活动主题今年是普查年份，本届开放日以宣传农业普查为主要内容，主题定为“农业普查福到农家”。二、活动时间9月20日。"
    assert run(text) == "农业普查福到农家"


def test_section_theme_wrapped_by_a_scan_is_joined() -> None:
    text = "一、活动主题\n优化政策服务，打造一流营商环境，助力辽宁全面振兴新突破\n三年行动。\n二、活动时间\n2023年5月10日。\n"
    assert run(text) == "优化政策服务，打造一流营商环境，助力辽宁全面振兴新突破三年行动"


def test_section_theme_followed_by_a_numbered_line_is_not_joined() -> None:
    text = "一、活动主题\n深化政务公开 助力营商环境\n（一）宣传政策\n二、活动时间\n2023年5月10日。\n"
    assert run(text) == "深化政务公开 助力营商环境"


def test_quoted_name_given_as_the_topic_with_wei_ti() -> None:
    text = "12月16日，县政务公开办邀请县政协委员、普通群众开展了以“政务公开大家谈”为题的政务公开主题日活动。"
    assert run(text) == "政务公开大家谈"


def test_wei_ti_cai_is_not_a_theme() -> None:
    assert run("本次征文以基层政务公开为题材，面向全县征集作品。") is None


def test_as_theme_quote_and_wei_zhuti_split_by_a_scan_line_break() -> None:
    text = ("为进一步提升政务服务水平，6月19日，湖口县行政审批局以“透明化政务服务、精准化需求响应”\n"
            "为主题，开展了2025年第二期政府开放日活动。")
    assert run(text) == "透明化政务服务、精准化需求响应"


def test_as_theme_wrapped_between_wei_and_zhuti() -> None:
    text = "9月24日，蔡甸区举办宣传活动。\n本届统计开放日活动以“赓续红色血脉，奋进统计未来”为\n主题。\n"
    assert run(text) == "赓续红色血脉，奋进统计未来"


def test_event_held_with_the_theme_stated_before_it() -> None:
    text = "5月15日，和顺县在政府广场开展主题为“优化政策服务·创优营商环境”的政务公开日宣传活动。"
    assert run(text) == "优化政策服务·创优营商环境"


def test_theme_section_whose_line_repeats_the_label() -> None:
    text = "三、活动主题\n\n主题:深化“放管服”改革,创建标准化政务服务体系\n\n四、活动内容\n"
    assert run(text) == "深化“放管服”改革,创建标准化政务服务体系"


def test_quoted_section_theme_wrapped_by_a_scan_ends_at_its_closing_quote() -> None:
    text = "一、活动主题\n“营造良好营商环境，打造人民满意的服务型政\n府”平湖街道“政府开放日”活动\n二、活动时间\n2023年6月14日\n"
    assert run(text) == "营造良好营商环境，打造人民满意的服务型政府"
