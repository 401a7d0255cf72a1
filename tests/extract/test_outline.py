"""Outline numbering: markers in every style, the rebuilt tree, and headlines."""

from __future__ import annotations

import pytest

from pipeline.extract.outline import build_outline, headline, parse_marker, strip_marker
from pipeline.extract.source import make_source


def _marker(line: str) -> tuple[str, int, str] | None:
    src = make_source(line)
    mk = parse_marker(src, 0, len(line))
    return None if mk is None else (mk.style, mk.number, line[mk.end:])


@pytest.mark.parametrize("line, expected", [
    ("一、活动主题", ("cn", 1, "活动主题")),
    ("十二、其他", ("cn", 12, "其他")),
    ("（三）梳理公开窗口单位", ("cnp", 3, "梳理公开窗口单位")),
    ("(三)梳理公开窗口单位", ("cnp", 3, "梳理公开窗口单位")),
    ("（ 二 ）开展主题活动。", ("cnp", 2, "开展主题活动。")),
    ("1. 开展活动", ("ar", 1, "开展活动")),
    ("1．开展活动", ("ar", 1, "开展活动")),
    ("10、推进政务公开", ("ar", 10, "推进政务公开")),
    ("（1）现场咨询", ("arp", 1, "现场咨询")),
    ("(2) 在线访谈", ("arp", 2, "在线访谈")),
    ("3）发放资料", ("arr", 3, "发放资料")),
    ("②政策解读", ("circ", 2, "政策解读")),
    ("  （四）公開各類政務服務事項", ("cnp", 4, "公開各類政務服務事項")),
])
def test_markers(line: str, expected: tuple[str, int, str]) -> None:
    assert _marker(line) == expected


@pytest.mark.parametrize("line", [
    "2020年5月15日是第十四个政务公开日",
    "5月15日至5月20日",
    "活动时间：5月15日",
    "三公开制度解群众办事难题",
    "1.",  # a bare number left by a page break
])
def test_not_markers(line: str) -> None:
    assert _marker(line) is None


def test_ambiguous_decimal_only_continues_a_list() -> None:
    text = "1.送公开登记表\n2.5·15政务公开日活动标语\n5.15是政务公开日"
    src = make_source(text)
    items = build_outline(src, src.lines())
    assert [(it.style, it.number) for it in items] == [("ar", 1), ("ar", 2)]
    assert text[items[1].marker.end:].startswith("5·15")


def test_tree_nests_and_pops_styles() -> None:
    text = "\n".join([
        "四、活动内容",
        "(一)开展线上主题宣传活动。",
        "1.开展“群众难题我来答”活动。",
        "2.开展“重要工作部门谈”活动。",
        "(二)做好线下实地宣传。",
        "1.机关内部现场宣传。",
        "五、活动要求",
        "1.加强组织领导。",
    ])
    src = make_source(text)
    items = build_outline(src, src.lines())
    top = [it for it in items if it.parent is None]
    assert [it.number for it in top] == [4, 5]
    assert [c.number for c in top[0].children] == [1, 2]
    assert [c.number for c in top[0].children[0].children] == [1, 2]
    assert [c.number for c in top[0].children[1].children] == [1]
    assert [c.number for c in top[1].children] == [1]
    assert top[0].end_line == 6


def test_barrier_closes_levels() -> None:
    text = "二、活动内容\n（一）开展宣传。\n附件 2\n1. 权力公开铸公信"
    src = make_source(text)
    items = build_outline(src, src.lines(), barrier={2})
    assert items[-1].parent is None and items[-1].number == 1


def _headline(text: str) -> str | None:
    src = make_source(text)
    lines = src.lines()
    s, e = lines[0]
    h = headline(src, lines, 0, strip_marker(src, s, e), "t")
    return None if h is None else h.value


def test_headline_stops_at_full_stop_outside_quotes() -> None:
    assert _headline("（九）做好“测一测，2018政府报告知多少”在线学习答题活动。各乡镇…") == \
        "做好“测一测，2018政府报告知多少”在线学习答题活动"
    assert _headline("1.开展“我为群众办实事。”活动；各地…") == "开展“我为群众办实事。”活动"


def test_headline_joins_an_ocr_break_mid_phrase() -> None:
    text = "（一）县政务公开办负责制定全县工作方案并牵头组织\n\n实施。各乡镇、街、区要结合本地实际，认真研究。"
    assert _headline(text) == "县政务公开办负责制定全县工作方案并牵头组织实施"


def test_headline_joins_across_a_page_number() -> None:
    text = "（三）组织开展政务公开进社区\n- 3 -\n宣传活动。社区要…"
    assert _headline(text) == "组织开展政务公开进社区宣传活动"


def test_headline_keeps_clock_times() -> None:
    assert _headline("1．5月15日上午9:00—11:30，在市人民广场举办集中宣传活动。各部门…") == \
        "5月15日上午9:00—11:30，在市人民广场举办集中宣传活动"


def test_short_title_line_is_not_joined_with_a_short_sentence() -> None:
    assert _headline("（一）加强组织领导\n各单位要高度重视。") == "加强组织领导"
    assert _headline("（二）开展政务公开进社区宣传\n活动。") == "开展政务公开进社区宣传活动"


def test_headline_does_not_swallow_body_or_field_lines() -> None:
    assert _headline("1.机关内部现场宣传\n活动时间:5月15日") == "机关内部现场宣传"
    assert _headline("（一）开展政策宣传活动\n各单位要结合本单位职能，开展宣传。") == "开展政策宣传活动"
    assert _headline("（二）开展主题活动\n1. 开展访谈活动。") == "开展主题活动"
