"""Layout: page numbers and running headers dropped, wrapped lines re-joined, spans exact."""

from pathlib import Path

from pipeline.layout.flow import flow
from pipeline.layout.locate import Locator
from pipeline.model import Line, Page


def _page(n: int, rows: list[tuple[str, float]]) -> Page:
    lines = [Line(t, (50.0, 100.0 + 20 * i, x1, 112.0 + 20 * i)) for i, (t, x1) in enumerate(rows)]
    return Page(number=n, lines=lines, width=595, height=842)


def test_wrapped_lines_at_right_edge_are_joined_across_pages() -> None:
    p1 = _page(1, [("一、活动主题", 120), ("为推进政务公开工作，各单位要认真组织开", 545),
                   ("展宣传活动，确保取得实效。", 300), ("各单位要高度重视本次活动并按照要求", 545),
                   ("— 1 —", 320)])
    p2 = _page(2, [("— 2 —", 320), ("认真落实。", 200), ("二、活动时间", 140), ("5月15日。", 150)])
    ft = flow([p1, p2])
    assert ft.text.split("\n") == [
        "一、活动主题",
        "为推进政务公开工作，各单位要认真组织开展宣传活动，确保取得实效。",
        "各单位要高度重视本次活动并按照要求认真落实。",
        "二、活动时间",
        "5月15日。",
    ]
    for span in ft.spans:  # every span covers exactly one source line's text
        assert ft.text[span.char_start:span.char_end] in {ln.text for p in (p1, p2) for ln in p.lines}


def test_plain_text_lines_are_kept_as_printed() -> None:
    page = Page(number=1, lines=[Line("联系人：王某"), Line("第1页 共2页"), Line("电话：1234567")])
    ft = flow([page])
    assert ft.text == "联系人：王某\n电话：1234567"
    assert all(s.bbox is None for s in ft.spans)


def test_table_rows_are_never_joined() -> None:
    p = _page(1, [("序号\t活动主题\t责任单位", 545), ("1\t法治宣传\t县司法局", 545), ("说明", 100)])
    assert flow([p]).text.count("\n") == 2


def test_locator_maps_a_span_to_page_and_union_box() -> None:
    p1 = _page(1, [("发文字号：某政办〔2020〕3号", 300)])
    p2 = _page(2, [("联系人：李某", 200), ("电话：7654321", 220)])
    ft = flow([p1, p2])
    loc = Locator(ft.spans)
    start = ft.text.index("李某")
    where = loc.locate(start, ft.text.index("7654321") + 7)
    assert where.page == 2
    assert where.bbox == (50.0, 100.0, 220, 132.0)
    assert loc.locate(0, 4).page == 1


def test_long_centred_heading_and_indented_paragraph_start_are_not_joined() -> None:
    lines = [
        Line("某某县政务公开领导小组办公室文件", (70.0, 80.0, 540.0, 110.0)),  # big centred heading
        Line("某政开〔2023〕1号", (240.0, 130.0, 350.0, 142.0)),
        Line("为推进政务公开工作，各单位要认真组织开展宣传活动并加", (50.0, 160.0, 545.0, 172.0)),
        Line("强领导，确保取得实效。", (50.0, 180.0, 300.0, 192.0)),
        Line("各单位要高度重视本次活动并按照要求认真落实各项工作任务", (74.0, 200.0, 545.0, 212.0)),
        Line("一、活动时间", (74.0, 220.0, 150.0, 232.0)),
    ]
    ft = flow([Page(number=1, lines=lines)])
    assert ft.text.split("\n") == [
        "某某县政务公开领导小组办公室文件",
        "某政开〔2023〕1号",
        "为推进政务公开工作，各单位要认真组织开展宣传活动并加强领导，确保取得实效。",
        "各单位要高度重视本次活动并按照要求认真落实各项工作任务",
        "一、活动时间",
    ]


def test_numbered_item_after_a_full_width_line_opens_its_own_paragraph() -> None:
    p = _page(1, [("2.现场参观考察:邀请公众代表实地参观农业水价综合改革示范区——方家营子村", 545),
                  ("3.座谈交流。召开座谈会，与公众代表面对面沟通交流，介绍本单位主要职", 545),
                  ("责。", 100), ("共发放宣传资料", 545), ("2.5万份。", 100)])
    assert flow([p]).text.split("\n") == [
        "2.现场参观考察:邀请公众代表实地参观农业水价综合改革示范区——方家营子村",
        "3.座谈交流。召开座谈会，与公众代表面对面沟通交流，介绍本单位主要职责。",
        "共发放宣传资料2.5万份。",
    ]


def test_pinyin_glosses_of_aggregator_pages_are_removed() -> None:
    page = Page(number=1, lines=[Line("開展政務(wù)公開日活動，發(fā)放資料(共計)100份（pc）")])
    assert flow([page]).text == "開展政務公開日活動，發放資料(共計)100份（pc）"


def test_values_printed_with_pinyin_glosses_get_them_back_after_matching() -> None:
    from pipeline.convert import ConvertOptions, layout_stage
    from pipeline.extract.nlp import extract
    from pipeline.layout.glosses import regloss
    from pipeline.model import WorkDoc

    text = ("關於開展統(tǒng)計開放日活動的通知\n各鄉(xiāng)鎮(zhèn)人民政府：\n"
            "一、活動主題\n統(tǒng)計和您在一起\n二、活動時間\n2019年9月20日。\n")
    doc = WorkDoc(path=Path("x.txt"), rel_path="x.txt", source_format="txt", data=b"", sha256="0" * 64,
                  pages=[Page(number=1, lines=[Line(t) for t in text.splitlines()])])
    layout_stage(doc, ConvertOptions())
    assert "(tǒng)" not in doc.text  # matching sees whole words
    rec = regloss(extract(doc.text), doc.text, doc.glosses)
    assert rec.theme is not None and rec.theme.value == "統(tǒng)計和您在一起"
    assert rec.recipients is not None and rec.recipients.value == "各鄉(xiāng)鎮(zhèn)人民政府"
    assert rec.event is not None and rec.event.value == "中国统计开放日"  # normalised names stay clean
    assert rec.period_start is not None and rec.period_start.value.isoformat() == "2019-09-20"


def test_strip_glosses_reports_offsets_in_the_clean_text() -> None:
    from pipeline.layout.glosses import strip_glosses

    clean, glosses = strip_glosses("政務(wù)公開，統(tǒng)計(jì)")
    assert clean == "政務公開，統計"
    assert glosses == [(2, "(wù)"), (6, "(tǒng)"), (7, "(jì)")]


def test_ocr_glosses_that_lost_their_tone_marks_are_still_glosses() -> None:
    from pipeline.layout.glosses import strip_glosses

    assert strip_glosses("中國統計(ji)開放日，機會(hui)參加")[0] == "中國統計開放日，機會參加"
    # not pinyin, or not between two Han characters: kept
    assert strip_glosses("資料(pc)份，登录(app)进行，第(a)项，下载(ios)")[0] == "資料(pc)份，登录(app)进行，第(a)项，下载(ios)"
