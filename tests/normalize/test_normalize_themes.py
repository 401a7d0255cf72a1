"""Keywords and the per-year themes table (pipeline.normalize.themes)."""

from __future__ import annotations

import pytest

from pipeline.normalize import themes

TEXT = ("为进一步优化营商环境，深化“放管服”改革，各部门要通过政府门户网站、政务微博和12345政务服务便民热线"
        "回应社会关切，做好政策解读，落实简政放权、放管结合、优化服务要求，推进互联网＋政务服务。"
        "联系人：叶冬柏。昌政办发〔2021〕8号")


def test_dictionary_synonyms_map_to_one_term() -> None:
    vocab = themes.vocabulary()
    assert len({v for v in vocab.canonical.values()}) >= 60
    assert vocab.canonical["12345政务服务便民热线"] == "12345热线"
    assert vocab.canonical["政府门户网站"] == "政府网站"
    assert vocab.canonical["简政放权、放管结合、优化服务"] == "放管服"
    assert ("简政放权、放管结合、优化服务", "放管服") in vocab.phrases


def test_parse_vocabulary() -> None:
    v = themes.parse_vocabulary("# comment\n数字政府\t数字政府建设|“数字政府”\n一网通办\n")
    assert v.canonical == {"数字政府": "数字政府", "数字政府建设": "数字政府", "一网通办": "一网通办"}


def test_keywords_report_canonical_terms_and_skip_noise() -> None:
    kws = dict(themes.extractor().keywords(TEXT))
    for term in ("优化营商环境", "放管服", "政府网站", "政务新媒体", "12345热线", "回应关切", "政策解读",
                 "互联网+政务服务"):
        assert term in kws, (term, kws)
    assert "叶冬柏" not in kws  # a person's name is not a theme
    assert "政办发" not in kws  # nor a 发文字号 agency code
    assert all(w > 0 for w in kws.values())
    assert themes.extractor().keywords("") == []


def test_traditional_text_gives_simplified_keywords() -> None:
    kws = dict(themes.extractor().keywords("為進一步優化營商環境，做好政策解讀，回應社會關切。"))
    assert {"优化营商环境", "政策解读", "回应关切"} <= set(kws)


def test_global_jieba_dictionary_untouched() -> None:
    import jieba

    themes.extractor()
    assert "12345政务服务便民热线" not in jieba.dt.FREQ


def test_themes_rows_sum_per_year_and_count_copies_once() -> None:
    rows = [
        {"doc_id": "a", "year": 2021, "duplicate_of": None},
        {"doc_id": "a2", "year": 2021, "duplicate_of": "a"},
        {"doc_id": "b", "year": 2021, "duplicate_of": None},
        {"doc_id": "c", "year": 2022, "duplicate_of": None},
        {"doc_id": "d", "year": None, "duplicate_of": None},
    ]
    weights = {"a": [("营商环境", 0.5), ("政策解读", 0.25)], "a2": [("营商环境", 9.0)],
               "b": [("营商环境", 0.25)], "c": [("数字政府", 1.0)], "d": [("营商环境", 7.0)]}
    out = themes.themes_rows(rows, weights)
    assert out == [
        {"year": 2021, "keyword": "营商环境", "weight": 0.75, "documents": 2},
        {"year": 2021, "keyword": "政策解读", "weight": 0.25, "documents": 1},
        {"year": 2022, "keyword": "数字政府", "weight": 1.0, "documents": 1},
    ]


def test_assign_keywords_copies_inherit() -> None:
    rows = [{"doc_id": "a", "text": TEXT, "duplicate_of": None},
            {"doc_id": "b", "text": "", "duplicate_of": "a"}]
    weights = themes.assign_keywords(rows)
    assert set(weights) == {"a"}
    assert rows[1]["keywords"] == rows[0]["keywords"] and "放管服" in rows[0]["keywords"]


@pytest.mark.parametrize("word", ["宣传", "政务公开", "活动", "开展"])
def test_genre_words_are_not_keywords(word: str) -> None:
    assert word not in dict(themes.extractor().keywords(TEXT + "开展政务公开宣传活动。" * 5))
