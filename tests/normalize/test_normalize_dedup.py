"""Copies of one notice grouped, different notices kept apart (pipeline.normalize.dedup)."""

from __future__ import annotations

import random
import time
from typing import Any

import numpy as np

from pipeline.normalize import dedup

BASE = ("为进一步推进政务公开，优化营商环境，现将开展第十五届“5·15政务公开日”活动有关事项通知如下："
        "一、活动主题：深化政务公开，优化营商环境。二、活动时间：2021年5月10日至15日。"
        "三、活动内容：开展一网通办宣传，开展政策解读，组织政府开放日活动，邀请群众代表走进政务服务中心。"
        "四、有关要求：请各单位于5月12日前上报活动方案，5月20日前上报活动总结。")


def row(doc_id: str, text: str, **kw: Any) -> dict[str, Any]:
    return {"doc_id": doc_id, "text": text, "status": "success", "source_format": "txt", **kw}


def test_shingles_are_stable_and_ignore_layout() -> None:
    a = dedup.shingles(dedup.normalised_text(BASE))
    b = dedup.shingles(dedup.normalised_text(BASE.replace("，", "\n").replace("。", " 。\n\n")))
    assert a.dtype == np.uint64 and len(a) > 100
    assert np.array_equal(a, b)
    trad = dedup.shingles(dedup.normalised_text("為進一步推進政務公開，優化營商環境"))
    simp = dedup.shingles(dedup.normalised_text("为进一步推进政务公开，优化营商环境"))
    assert np.array_equal(trad, simp)


def test_near_identical_copies_group_and_best_copy_is_canonical() -> None:
    rows = [
        row("b-txt", BASE),
        row("a-ocr", BASE.replace("政务", "政努", 1), source_format="pdf", ocr_engine="rapidocr"),
        row("c-pdf", BASE, source_format="pdf", title="关于开展活动的通知"),
        row("d-html", "首页 | 政务公开 | 新闻中心 " + BASE + " 版权所有 网站地图", source_format="html"),
        row("e-failed", "", status="failure"),
    ]
    groups = dedup.group(rows)
    assert sorted(len(g) for g in groups) == [1, 4]
    big = next(g for g in groups if len(g) == 4)
    assert rows[big[0]]["doc_id"] == "c-pdf"  # text layer, most fields, page geometry
    dedup.mark_copies(rows)
    assert rows[2]["duplicate_of"] is None and rows[2]["copies"] == ["a-ocr", "b-txt", "d-html"]
    assert all(rows[i]["duplicate_of"] == "c-pdf" for i in (0, 1, 3))
    assert rows[4]["duplicate_of"] is None and rows[4]["copies"] == []


def test_same_doc_number_and_issuer_group_a_truncated_copy() -> None:
    """A web mirror that kept only the beginning is still the same notice."""
    head = "喀左县人民政府办公室关于组织开展第十二届5·15政务公开日活动的通知。"
    rows = [
        row("x", head + BASE[:70], doc_number="喀政办传〔2018〕11号", issuer_canonical="喀左县人民政府办公室"),
        row("y", head + BASE, doc_number="喀政办传〔2018〕11号", issuer_canonical="喀左县人民政府办公室"),
    ]
    assert dedup.jaccard(dedup.shingles(dedup.normalised_text(rows[0]["text"])),
                         dedup.shingles(dedup.normalised_text(rows[1]["text"]))) < dedup.JACCARD
    assert [len(g) for g in dedup.group(rows)] == [2]


def test_shared_doc_number_without_shared_text_is_not_a_copy() -> None:
    """A notice and its summary citing the same upstream 发文字号 must stay apart."""
    rows = [
        row("n", BASE, doc_number="辽政办明电〔2021〕5号", issuer_canonical="昌图县人民政府办公室"),
        row("s", "活动总结：我县组织各部门在政务服务中心门前开展集中宣传，发放资料两千份，接待咨询三百人次。" * 3,
            doc_number="辽政办明电〔2021〕5号", issuer_canonical="昌图县人民政府办公室"),
    ]
    assert sorted(len(g) for g in dedup.group(rows)) == [1, 1]


def test_next_years_notice_of_the_same_office_is_not_a_copy() -> None:
    next_year = (BASE.replace("第十五届", "第十六届").replace("2021", "2022"))
    a = row("a", BASE, year=2021, edition=15, issuer_canonical="昌图县人民政府办公室")
    b = row("b", next_year, year=2022, edition=16, issuer_canonical="昌图县人民政府办公室")
    sa, sb = (dedup.shingles(dedup.normalised_text(r["text"])) for r in (a, b))
    assert dedup.jaccard(sa, sb) >= dedup.JACCARD  # the template is reused…
    assert sorted(len(g) for g in dedup.group([a, b])) == [1, 1]  # …but the years say otherwise


def test_blocking_scales_to_thousands_of_documents() -> None:
    rnd = random.Random(7)
    alphabet = "政务公开活动通知方案总结宣传群众服务营商环境优化法治政府数字新媒体热线解读回应关切部门单位县市区乡镇街道"
    texts = ["".join(rnd.choice(alphabet) for _ in range(400)) for _ in range(3000)]
    rows = [row(f"d{i:05d}", t) for i, t in enumerate(texts)]
    rows += [row(f"copy{i}", texts[i][:390] + "，附件", source_format="html") for i in range(0, 3000, 300)]
    t0 = time.perf_counter()
    groups = dedup.group(rows)
    elapsed = time.perf_counter() - t0
    pairs = [g for g in groups if len(g) > 1]
    assert len(pairs) == 10 and all(len(g) == 2 for g in pairs)
    assert elapsed < 60, elapsed


def test_ocr_copy_with_misread_characters_groups() -> None:
    rnd = random.Random(3)
    text = BASE * 3
    noisy = "".join(rnd.choice("囗口日曰") if rnd.random() < 0.03 else ch for ch in text)
    sim = dedup.jaccard(dedup.shingles(dedup.normalised_text(text)), dedup.shingles(dedup.normalised_text(noisy)))
    assert dedup.OCR_JACCARD <= sim < dedup.JACCARD
    rows = [row("txt", text), row("scan", noisy, source_format="pdf", ocr_engine="rapidocr")]
    groups = dedup.group(rows)
    assert groups == [[0, 1]]  # one group, the text-layer copy first
    assert sorted(len(g) for g in dedup.group([row("a", text), row("b", noisy)])) == [1, 1]


def test_forwarded_notice_of_another_office_is_not_a_copy() -> None:
    city = row("city", BASE, issuer_canonical="铁岭市人民政府办公室")
    county = row("county", BASE + "请认真贯彻执行。", issuer_canonical="昌图县人民政府办公室")
    unknown = row("scan", BASE, issuer_canonical=None)  # an OCR copy whose signature was not read
    groups = dedup.group([city, county, unknown])
    assert sorted(len(g) for g in groups) == [1, 2]
    assert [0, 2] in groups
