"""Traditional pages: the OCR model's Simplified drift is undone from the page's own evidence."""

from __future__ import annotations

from pipeline.model import Line, Page
from pipeline.ocr.script import harmonise_script, script_fixes

_TRAD = ("關于開展2018年“統計開放日”活動的通知\n各新城經普辦：\n為做好第四次全國經濟普查宣傳工作，"
         "現將有關事項通知如下。市統計局、國家統計局調查隊組織召開動員會，各統計機構組織宣傳。一、活動主題：走進四經普。二、活動時間：9月20日。統計部門組織開展宣傳活動，"
         "請各單位認真組織實施，並於9月25日前報送活動總結。")


def test_simplified_drift_on_a_traditional_page_takes_the_form_printed_elsewhere() -> None:
    ocr = _TRAD.replace("統計開放日", "统計開放日").replace("組織實施", "组織實施")  # 統 ×4, 組 ×2 remain
    fixes = script_fixes(ocr)
    assert fixes.get("统") == "統" and fixes.get("组") == "組"
    assert ocr.translate(str.maketrans(fixes)) == _TRAD


def test_converter_keeps_stay_unless_the_page_mostly_prints_the_other_form() -> None:
    text = _TRAD.replace("並於", "并于")  # a mechanical converter's 于/并, never printed 於/並 here
    fixes = script_fixes(text)
    assert "于" not in fixes and "并" not in fixes
    assert "于" not in script_fixes(_TRAD)  # 關于 once and 於 once: a mix on purpose, left as printed


def test_simplified_page_is_never_touched() -> None:
    text = "关于开展2018年“统计开放日”活动的通知\n各单位：\n现将有关事项通知如下。統計部門組織開展宣傳活動。"
    assert script_fixes(text) == {}


def test_harmonise_rewrites_lines_and_table_cells_in_place_keeping_boxes() -> None:
    page = Page(number=1, lines=[Line(_TRAD, (0.0, 0.0, 500.0, 20.0)), Line("统計部門", (0.0, 30.0, 80.0, 50.0), 0.9)],
                tables=[[["序號", "责任單位"], ["1", "统計局"]]])
    assert harmonise_script([page]) == 1 + 1  # 统 in the line and in the cell
    assert page.lines[1] == Line("統計部門", (0.0, 30.0, 80.0, 50.0), 0.9)
    assert page.tables[0][1][1] == "統計局"
