"""Attachments (附件 lists) and slogans (宣传标语)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seedgold import GOLD, SEEDS, fuzzy_matches, norm

from pipeline.extract import annexes
from pipeline.extract.source import make_source
from pipeline.model import Record


def _run(text: str) -> Record:
    rec = Record()
    annexes.fill(make_source(text), rec)
    return rec


def _att(text: str) -> list[str]:
    return [a.value for a in _run(text).attachments]


def _slo(text: str) -> list[str]:
    return [s.value for s in _run(text).slogans]


TELEGRAM = "\n".join([
    "联系人：杨清会 张明星", "",
    "附件：1.送公开、走访万户企业营商环境登记表",
    "2.5·15政务公开日活动标语", "",
    "喀左县人民政府办公室", "", "2018年5月8日", "",
    "附件 1", "", "送公开、走访万户企业营商环境登记表", "", "年 月 日", "",
    "附件 2", "", "5·15 政务公开日活动宣传标语", "",
    "1. 权力公开铸公信 服务民生解难题",
    "2. 抓作风 转作风 树新风",
    "政务公开助力政务新形象",
    "3. 推行政府信息公开 建设服务型政府",
])


def test_numbered_list_with_a_decimal_looking_name() -> None:
    assert _att(TELEGRAM) == ["送公开、走访万户企业营商环境登记表", "5·15政务公开日活动标语"]


def test_slogans_join_wrapped_lines_and_skip_the_list_entry() -> None:
    assert _slo(TELEGRAM) == ["权力公开铸公信 服务民生解难题", "抓作风 转作风 树新风 政务公开助力政务新形象",
                              "推行政府信息公开 建设服务型政府"]


WEB = "\n".join([
    "4.及时总结提升。各镇街、各部门于5月18日前报送活动总结报告。", "",
    "附件:", "", "第十六届“5·15政务公开日”活动宣传标语", "", "\xa0", "",
    "1.坚持依法行政,深化政务工作,加强法治政府建设。", "",
    "2.推进权力公开\xa0\xa0\xa0 建设服务政府", "",
    "3.推进政务公开   优化营商环境", "", "\xa0", "", "", "",
    "政府信息公开", "信息公开指南", "主办单位:抚顺市望花区政府 联系方式:024-56888071",
])


def test_name_on_the_line_after_the_label() -> None:
    assert _att(WEB) == ["第十六届“5·15政务公开日”活动宣传标语"]


def test_slogans_under_an_inline_attachment_stop_at_the_footer() -> None:
    assert _slo(WEB) == ["坚持依法行政,深化政务工作,加强法治政府建设。", "推进权力公开 建设服务政府",
                         "推进政务公开 优化营商环境"]


def test_single_attachment_and_its_page_heading() -> None:
    text = ("附件：洞口县 2023 年“政务公开主题日”活动计划表\n\n洞口县政务公开政务服务领导小组\n\n2023 年 4 月 6 日\n\n"
            "附件\n\n洞口县 2023 年“政务公开主题日”活动计划表\n\n序号\t活动主题")
    assert _att(text) == ["洞口县 2023 年“政务公开主题日”活动计划表"]


def test_attachment_n_colon_lines() -> None:
    text = "附件1：2021年政府开放日活动报名表\n附件2：政府开放日活动安排表。\n\n市人民政府办公室\n2021年5月6日"
    assert _att(text) == ["2021年政府开放日活动报名表", "政府开放日活动安排表"]


def test_several_names_on_one_line() -> None:
    assert _att("附件：1.活动方案模板 2.活动总结模板；3.信息报送表\n\nXX县人民政府办公室") == \
        ["活动方案模板", "活动总结模板", "信息报送表"]


def test_wrapped_name_and_full_width_numbers() -> None:
    text = "附件：１．关于开展政务公开日活动情况\n统计表\n２．宣传标语\n\n某某县人民政府办公室\n２０１９年５月８日"
    assert _att(text) == ["关于开展政务公开日活动情况统计表", "宣传标语"]


def test_file_extension_and_full_stop_dropped() -> None:
    assert _att("附件下载：政府开放日报名表.docx\n") == ["政府开放日报名表"]
    assert _att("附件：活动安排表。\n\n市政府办公室") == ["活动安排表"]
    assert _att("附件：活动报名表\n（此件公开发布）") == ["活动报名表"]


def test_page_headings_only_when_there_is_no_list() -> None:
    text = "市人民政府办公室\n2020年5月6日\n附件1\n政务公开日活动情况统计表\n单位\t时间\n附件2\n宣传标语参考"
    assert _att(text) == ["政务公开日活动情况统计表", "宣传标语参考"]


def test_body_mention_of_slogans_is_not_a_heading() -> None:
    text = "（八）各相关部门要在活动现场设立宣传点，悬挂宣传标语。\n1. 各单位要高度重视。\n2. 加强宣传。"
    assert _slo(text) == []


def test_bracketed_numbers_traditional_script_and_next_section() -> None:
    text = "\n".join([
        "四、宣傳標語", "（1）推進政務公開 建設陽光政府", "（2）深化政務公開 優化營商環境", "五、工作要求", "（1）高度重視。",
    ])
    assert _slo(text) == ["推進政務公開 建設陽光政府", "深化政務公開 優化營商環境"]


def test_unnumbered_slogan_lines() -> None:
    text = "附件3\n\n政府开放日宣传口号\n\n开放政府 阳光行政\n走进政府 了解政府 监督政府\n\n附件4\n\n回执"
    assert _slo(text) == ["开放政府 阳光行政", "走进政府 了解政府 监督政府"]


def test_indented_list_over_several_lines_with_gaps() -> None:
    text = ("请各单位认真组织实施。\n\n附件：1. 政府开放日活动报名表\n\n      2. 政府开放日活动\n      流程安排\n\n"
            "      3. 参观须知\n\n区人民政府办公室\n2024年5月6日")
    assert _att(text) == ["政府开放日活动报名表", "政府开放日活动流程安排", "参观须知"]


def test_unnumbered_slogans_under_a_section_heading() -> None:
    text = "四、宣传标语\n阳光政务惠民生 公开透明促发展\n政务公开进社区 便民服务零距离\n五、工作要求\n（一）加强领导。"
    assert _slo(text) == ["阳光政务惠民生 公开透明促发展", "政务公开进社区 便民服务零距离"]


def test_repeated_page_gives_each_slogan_once() -> None:
    block = "宣传标语\n1. 推进政务公开 打造阳光政府\n2. 推进办事公开 服务人民群众\n"
    assert _slo(block + "\n\n\n" + block) == ["推进政务公开 打造阳光政府", "推进办事公开 服务人民群众"]


def test_chinese_numbered_slogans() -> None:
    text = "附件2\n宣传标语参考\n一、推进政务公开，建设法治政府\n二、公开透明 阳光行政\n三、深化政务公开 优化营商环境"
    assert _slo(text) == ["推进政务公开，建设法治政府", "公开透明 阳光行政", "深化政务公开 优化营商环境"]


def test_web_attachment_with_file_size() -> None:
    assert _att("附件：2019年政务公开日活动报名表.doc（23KB）\n") == ["2019年政务公开日活动报名表"]


def test_title_mentioning_slogans_is_not_a_slogan_list() -> None:
    text = "关于征集2022年政务公开宣传标语的通知\n各镇街,区政府各部门:\n为做好宣传工作，现征集宣传标语。"
    assert _slo(text) == []


def test_body_text_after_an_empty_label_is_not_a_name() -> None:
    assert _att("附件：\n\n各镇街、区政府各部门：\n现将方案印发给你们，请认真组织实施。") == []


# ---------------------------------------------------------------- the five seeds


def _seed_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if SEEDS.exists() and GOLD.exists() else []






@pytest.mark.skipif(not _seed_cases(), reason="dev seeds not available")
@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_annexes_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    rec = _run((SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8"))
    for field in ("attachments", "slogans"):
        g = [norm(x) for x in gold[field]]
        p = [norm(f.value) for f in getattr(rec, field)]
        assert fuzzy_matches(g, p) == len(g) == len(p), field
