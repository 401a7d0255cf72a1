"""OCR layout on synthetic boxes: baselines, reading order, form keys, ruled tables."""

from __future__ import annotations

from pipeline.ocr.base import OcrBox
from pipeline.ocr.layout import SEAL_PREFIX, fix_brackets, layout_page, match_key, pair_keys
from pipeline.ocr.tables import Cell, TableGrid


def box(text: str, x0: float, y0: float, x1: float | None = None, h: float = 44.0, conf: float = 0.99) -> OcrBox:
    return OcrBox(text, (x0, y0, x0 + 44 * len(text) if x1 is None else x1, y0 + h), conf)


def texts(boxes: list[OcrBox], grids: list[TableGrid] | None = None) -> list[str]:
    return [ln.text for ln in layout_page(boxes, grids).lines]


def test_boxes_on_one_baseline_merge_and_lines_read_top_down() -> None:
    boxes = [box("电话：4878216", 760, 300), box("联系人：杨清会", 200, 302), box("一、活动主题", 200, 200),
             box("张明星", 560, 301)]
    assert texts(boxes) == ["一、活动主题", "联系人：杨清会 张明星 电话：4878216"]


def test_side_by_side_columns_read_column_by_column() -> None:
    left = [box(f"左栏第{i}行文字", 100, 100 + 80 * i) for i in range(4)]
    right = [box(f"右栏第{i}行文字", 900, 100 + 80 * i) for i in range(4)]
    out = texts(right + left)
    assert out == [b.text for b in left] + [b.text for b in right]


def test_merged_line_keeps_box_and_confidence() -> None:
    lines = layout_page([box("2023年", 1000, 900, conf=0.9), box("4月6日", 1320, 901, conf=1.0)]).lines
    assert len(lines) == 1
    assert lines[0].bbox == (1000, 900, 1320 + 44 * 4, 945)
    assert 0.9 < lines[0].confidence < 1.0


def test_telegram_keys_pair_with_the_value_to_their_right() -> None:
    assert match_key("签批盖幸") == "签批盖章"  # one OCR slip in a four-character key
    assert match_key("等 级：") == "等级"
    pairs = pair_keys(["等级", "特提", "密级", "", "文号", "喀政办传〔2018〕11号", "序号", "11"])
    assert pairs == [("等级：特提", [0, 1]), ("文号：喀政办传〔2018〕11号", [4, 5]), ("序号：11", [6, 7])]
    assert pair_keys(["发电单位", "", "签批盖章", ""]) == []  # a blank form: nothing to say
    assert pair_keys(["正文", "不是表头"]) is None


def test_unruled_header_line_becomes_key_values() -> None:
    boxes = [box("发电单位", 200, 100), box("喀左县人民政府办公室", 420, 100), box("签批盖章", 900, 100),
             box("徐广强", 1120, 100)]
    assert texts(boxes) == ["发电单位：喀左县人民政府办公室", "签批盖章：徐广强"]


def _grid(x0: int, y0: int, rows: list[list[int]], row_h: int = 100) -> TableGrid:
    """A ruled grid whose rows have their own column boundaries (x positions)."""
    out = []
    for r, xs in enumerate(rows):
        out.append([Cell(a, y0 + r * row_h, b, y0 + (r + 1) * row_h) for a, b in zip(xs, xs[1:])])
    return TableGrid((x0, y0, rows[0][-1], y0 + len(rows) * row_h), out)


def test_ruled_telegram_grid_gives_key_value_lines() -> None:
    grid = _grid(200, 300, [[200, 400, 900, 1100, 1430], [200, 300, 450, 550, 700, 800, 1250, 1350, 1430]])
    boxes = [box("发电单位", 210, 330), box("喀左县人民政府办公室", 410, 330), box("签批盖章", 910, 330),
             box("徐广强", 1110, 330), box("等级", 210, 430), box("特提", 310, 430), box("密级", 460, 430),
             box("文号", 710, 430), box("喀政办传〔2018〕11号", 810, 430, x1=1240), box("序号", 1260, 430),
             box("11", 1360, 430, x1=1400), box("喀左县人民政府办公室关于……的通知", 200, 600)]
    lines = layout_page(boxes, [grid]).lines
    assert [ln.text for ln in lines] == ["发电单位：喀左县人民政府办公室", "签批盖章：徐广强", "等级：特提",
                                         "文号：喀政办传〔2018〕11号", "序号：11", "喀左县人民政府办公室关于……的通知"]
    # each pair is boxed by its own key and value text, not the whole row (the layout stage
    # would otherwise read a pair ending at the grid's right edge as a wrapped line)
    assert lines[1].bbox == (910, 330, 1110 + 44 * 3, 374)


def test_ruled_table_rows_become_tab_lines_and_page_tables() -> None:
    xs = [200, 300, 700, 1000, 1430]
    grid = _grid(200, 500, [xs, xs, xs], row_h=140)
    boxes = [box("序号", 210, 520), box("活动主题", 310, 520), box("活动形式", 710, 520), box("责任单位", 1010, 520),
             box("1", 210, 660, x1=240), box("“强化依法治水，携手", 310, 660, x1=690),
             box("共护母亲河”主题活动", 310, 720, x1=690), box("政策发布", 710, 660), box("县水利局", 1010, 660),
             box("2", 210, 800, x1=240), box("优化经济环境", 310, 800), box("现场宣传", 710, 800),
             box("活动计划表", 500, 400), box("— 2 —", 700, 1000, x1=800)]
    page = layout_page(boxes, [grid])
    assert [ln.text for ln in page.lines] == [
        "活动计划表",
        "序号\t活动主题\t活动形式\t责任单位",
        "1\t“强化依法治水，携手共护母亲河”主题活动\t政策发布\t县水利局",
        "2\t优化经济环境\t现场宣传\t",
        "— 2 —",  # page numbers are left to the layout stage
    ]
    assert page.tables == [[["序号", "活动主题", "活动形式", "责任单位"],
                            ["1", "“强化依法治水，携手共护母亲河”主题活动", "政策发布", "县水利局"],
                            ["2", "优化经济环境", "现场宣传", ""]]]


def test_seal_text_is_its_own_marked_line() -> None:
    seal = OcrBox("喀左县人民政府办公室", (900.0, 800.0, 1230.0, 1130.0), 0.8, seal=True)
    out = texts([box("喀左县人民政府办公室", 850, 900), box("2018年5月8日", 950, 980), seal])
    assert SEAL_PREFIX + "喀左县人民政府办公室" in out
    assert out.index("喀左县人民政府办公室") + 1 == out.index("2018年5月8日")


def test_box_run_across_a_ruling_is_cut_at_the_cell_boundary() -> None:
    grid = _grid(200, 300, [[200, 400, 900, 1100, 1430]])
    merged = box("发电单位喀左县人民政府办公室", 215, 330, x1=870)  # the detector ignored the rule
    assert texts([merged, box("签批盖章", 910, 330), box("徐广强", 1110, 330)], [grid]) == [
        "发电单位：喀左县人民政府办公室", "签批盖章：徐广强"]
    row = _grid(200, 600, [[200, 300, 700, 1000]])
    cells = texts([box("1优化经济环境", 240, 630, x1=670), box("县市监局", 710, 630)], [row])
    assert cells == ["1\t优化经济环境\t县市监局"]


def test_mixed_doc_number_brackets_are_repaired() -> None:
    assert fix_brackets("喀政办传〔2018]11号") == "喀政办传〔2018〕11号"
    assert fix_brackets("喀政办传[2018〕11号") == "喀政办传〔2018〕11号"
    assert fix_brackets("喀政办传〔2018]〕11号") == "喀政办传〔2018〕11号"
    assert fix_brackets("喀政办传(2018)11号") == "喀政办传(2018)11号"  # a consistent pair: as printed
    assert texts([box("文号", 200, 100), box("喀政办传〔2018]11号", 400, 100)]) == ["文号：喀政办传〔2018〕11号"]


def test_cut_across_rulings_snaps_to_form_keys() -> None:
    grid = _grid(200, 300, [[200, 300, 450, 550, 700, 800, 1250, 1350, 1430]])
    merged = box("喀政办传〔2018〕11号序号", 810, 330, x1=1340)  # value and the next key in one box
    out = texts([box("文号", 710, 330), merged, box("11", 1360, 330, x1=1400)], [grid])
    assert out == ["文号：喀政办传〔2018〕11号", "序号：11"]


def test_body_text_mentioning_keys_is_not_split() -> None:
    boxes = [box("根据密级和等级要求，", 200, 100), box("做好序号登记。", 700, 100)]
    assert texts(boxes) == ["根据密级和等级要求， 做好序号登记。"]
