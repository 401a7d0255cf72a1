"""enrich() inside pipeline.run.run: real readers, real parquet, read back with pandas and DuckDB."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from normalize_archive import write_docx, write_html, write_pdf, write_txt

from pipeline.normalize import dedup
from pipeline.run import run

REPO = Path(__file__).resolve().parents[2]

NOTICE_2021 = """昌图县人民政府办公室关于开展第十五届“5·15政务公开日”活动的通知
昌政办发〔2021〕8号
各乡镇人民政府，县政府各部门：
2021年5月15日是我省第十五个“政务公开日”。为进一步推进政务公开，优化营商环境，现将有关事项通知如下：
一、活动主题
深化政务公开，优化营商环境。
二、活动时间
2021年5月10日至15日。
三、活动内容
（一）开展“一网通办”宣传。各乡镇、各部门要通过政府网站和政务新媒体宣传一网通办事项和办事流程。
（二）开展政策解读。围绕惠企政策，组织解读活动，回应社会关切。
（三）开展“政府开放日”活动。邀请群众代表走进政务服务中心，体验12345政务服务便民热线。
四、有关要求
请各单位于5月12日前上报活动方案，5月20日前上报活动总结。
联系人：王某某
联系电话：7654321
昌图县人民政府办公室
2021年5月6日
"""
#: the next year's notice of the same office: the template reused, the identifiers new
NOTICE_2022 = (NOTICE_2021.replace("第十五", "第十六").replace("2021", "2022").replace("〕8号", "〕9号")
               .replace("5月6日", "5月7日"))
NO_YEAR_NEWS = """喀左县开展第十二届“5·15政务公开日”活动
5月15日是我省第十二个“政务公开日”。喀左县政务公开办组织县直各部门在县政务服务中心门前开展集中宣传活动，围绕解决群众“办事难”、打造营商环境最优县的主题，发放宣传资料2000余份，接待群众咨询300余人次。
活动中，各部门工作人员向群众宣传政府信息公开条例，解读惠企政策，介绍一网通办事项。
"""
CONTRADICTION = """本溪县政务公开日活动总结
2018年5月15日是我省第十三个“政务公开日”。本溪满族自治县各部门开展了政策解读和政务公开宣传活动，发放宣传资料500余份。
"""
CHAOYANG = """朝阳区人民政府办公室关于开展“政府开放日”活动的公告
为进一步推进政务公开，定于2023年6月10日开展“政府开放日”活动，邀请市民代表走进政务服务中心，了解一网通办改革成效。
请有意参加的市民于2023年6月5日前报名。
朝阳区人民政府办公室
2023年5月30日
"""
CHAOYANG_BEIJING = """朝阳区人民政府办公室关于举办数字政府建设开放活动的公告
按照北京市政务公开工作要点，定于2024年9月20日邀请社区居民代表参观区政务服务中心大厅和12345热线接诉即办指挥平台，座谈交流数字政府建设情况。
朝阳区人民政府办公室
2024年9月12日
"""


def _documents(out: Path) -> pd.DataFrame:
    return pd.read_parquet(out / "documents").set_index("source_path")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    write_txt(root / "txt" / "changtu_2021.txt", NOTICE_2021)
    write_pdf(root / "pdf" / "changtu_2021.pdf", NOTICE_2021)
    write_html(root / "web" / "changtu_2021.html", NOTICE_2021)
    write_docx(root / "docx" / "changtu_2021.docx", NOTICE_2021)
    write_txt(root / "txt" / "changtu_2022.txt", NOTICE_2022)
    write_txt(root / "txt" / "kazuo_news.txt", NO_YEAR_NEWS)
    write_txt(root / "txt" / "benxi_summary.txt", CONTRADICTION)
    write_txt(root / "txt" / "chaoyang.txt", CHAOYANG)
    write_txt(root / "txt" / "chaoyang_beijing.txt", CHAOYANG_BEIJING)
    out = tmp_path_factory.mktemp("out")
    summary = run(root, out)
    assert summary.failed == 0
    return out


def test_new_columns_are_written(dataset: Path) -> None:
    docs = pd.read_parquet(dataset / "documents")
    for col in ("issuer_canonical", "issuer_level", "province", "city", "county", "year_source",
                "duplicate_of", "copies", "keywords"):
        assert col in docs.columns
    con = duckdb.connect()
    n = con.execute(f"select count(*) from read_parquet('{dataset.as_posix()}/themes/*.parquet')").fetchone()
    assert n is not None and n[0] > 0


def test_issuer_and_region(dataset: Path) -> None:
    d = _documents(dataset)
    r = d.loc["pdf/changtu_2021.pdf"]
    assert (r.issuer_canonical, r.issuer_level) == ("昌图县人民政府办公室", "county")
    assert (r.province, r.city, r.county) == ("辽宁省", "铁岭市", "昌图县")
    k = d.loc["txt/kazuo_news.txt"]
    assert (k.province, k.city, k.county) == ("辽宁省", "朝阳市", "喀喇沁左翼蒙古族自治县")
    bj = d.loc["txt/chaoyang_beijing.txt"]
    assert (bj.province, bj.city, bj.county) == ("北京市", "北京市", "朝阳区")
    amb = d.loc["txt/chaoyang.txt"]
    assert pd.isna(amb.province) and pd.isna(amb.county)
    assert any("朝阳区" in w and "ambiguous" in w for w in amb.warnings)


def test_year_from_edition_with_evidence(dataset: Path) -> None:
    d = _documents(dataset)
    k = d.loc["txt/kazuo_news.txt"]
    assert (k.edition, k.year, k.year_source) == (12, 2018, "edition")
    assert (dataset / "documents" / "year_part=2018").is_dir()
    ev = pd.read_parquet(dataset / "evidence")
    row = ev[(ev.doc_id == k.doc_id) & (ev.field == "year")]
    assert list(row.method) == ["normalize.year_from_edition"]
    assert k.text[int(row.char_start.iloc[0]):int(row.char_end.iloc[0])] in ("第十二届", "十二届", "第十二个")


def test_stated_year_kept_and_contradiction_warned(dataset: Path) -> None:
    b = _documents(dataset).loc["txt/benxi_summary.txt"]
    assert (b.edition, b.year, b.year_source) == (13, 2018, "text")
    assert any(w.startswith("year:") and "2019" in w for w in b.warnings)


def test_copies_in_four_formats_are_one_record(dataset: Path) -> None:
    d = _documents(dataset)
    copies = ["txt/changtu_2021.txt", "pdf/changtu_2021.pdf", "web/changtu_2021.html", "docx/changtu_2021.docx"]
    canonical = d.loc["pdf/changtu_2021.pdf"]  # text layer with page geometry
    assert pd.isna(canonical.duplicate_of)
    others = sorted(d.loc[p].doc_id for p in copies if p != "pdf/changtu_2021.pdf")
    assert sorted(canonical.copies) == others
    for p in copies[:1] + copies[2:]:
        assert d.loc[p].duplicate_of == canonical.doc_id
        assert list(d.loc[p].copies) == []
        assert list(d.loc[p].keywords) == list(canonical.keywords)


def test_same_issuer_next_year_is_a_different_notice(dataset: Path) -> None:
    d = _documents(dataset)
    a, b = d.loc["txt/changtu_2021.txt"], d.loc["txt/changtu_2022.txt"]
    assert a.issuer_canonical == b.issuer_canonical
    sim = dedup.jaccard(dedup.shingles(dedup.normalised_text(a.text)), dedup.shingles(dedup.normalised_text(b.text)))
    assert sim >= dedup.JACCARD  # near-identical texts: only the identifiers tell them apart
    assert pd.isna(b.duplicate_of) and list(b.copies) == []
    assert a.duplicate_of != b.doc_id


def test_themes_aggregate_canonical_copies(dataset: Path) -> None:
    themes = pd.read_parquet(dataset / "themes")
    assert str(themes.year.dtype) == "int32" and str(themes.documents.dtype) == "int32"
    docs = pd.read_parquet(dataset / "documents")
    canon = docs[docs.duplicate_of.isna() & docs.year.notna()]
    for (year, kw), grp in themes.groupby(["year", "keyword"]):
        having = canon[(canon.year == year) & canon.keywords.map(lambda ks, kw=kw: kw in list(ks))]
        assert int(grp.documents.iloc[0]) == len(having), (year, kw)
    t2021 = themes[themes.year == 2021].set_index("keyword")
    assert int(t2021.loc["优化营商环境", "documents"]) == 1  # four archived copies count once
    assert int(t2021.loc["一网通办", "documents"]) == 1
    ordered = themes.sort_values(["year", "weight"], ascending=[True, False])
    assert list(ordered.index) == list(themes.index)


def test_sample_archive_seeds_group_across_formats(tmp_path: Path) -> None:
    """data/raw holds each dev seed as txt plus a PDF, HTML or Word conversion: one record each."""
    root = tmp_path / "raw"
    for sub in ("txt", "pdf", "html", "docx"):
        shutil.copytree(REPO / "data" / "raw" / sub, root / sub)
    run(root, tmp_path / "out")
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    docs["stem"] = docs.source_path.map(lambda p: Path(p).stem)
    for stem, grp in docs.groupby("stem"):
        canonical = grp[grp.duplicate_of.isna()]
        assert len(canonical) == 1, stem
        assert sorted(canonical.copies.iloc[0]) == sorted(grp[grp.duplicate_of.notna()].doc_id), stem
    assert docs.duplicate_of.notna().sum() == len(docs) - docs.stem.nunique()
