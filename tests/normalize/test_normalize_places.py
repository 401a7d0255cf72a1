"""The division table, short names and region resolution (gazetteer, places)."""

from __future__ import annotations

import pytest

from pipeline.normalize import gazetteer, places


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def test_table_read_from_cpca_without_importing_it(gaz: gazetteer.Gazetteer) -> None:
    import sys

    assert gazetteer.adcodes_path().name == "adcodes.csv"
    assert "cpca" not in sys.modules
    assert len(gaz.by_code) > 3000
    assert gaz.by_code["211324000000"].name == "喀喇沁左翼蒙古族自治县"
    assert gaz.by_code["210000000000"].level == "province"
    assert gaz.by_code["211300000000"].level == "city"
    assert "市辖区" not in gaz.names


@pytest.mark.parametrize("name, level, suffixed, bare", [
    ("辽宁省", "province", set(), {"辽宁"}),
    ("广西壮族自治区", "province", set(), {"广西"}),
    ("新疆维吾尔自治区", "province", set(), {"新疆"}),
    ("内蒙古自治区", "province", set(), {"内蒙古"}),
    ("朝阳市", "city", set(), {"朝阳"}),
    ("恩施土家族苗族自治州", "city", {"恩施州"}, {"恩施"}),
    ("本溪满族自治县", "county", {"本溪县"}, {"本溪"}),
    ("镇沅彝族哈尼族拉祜族自治县", "county", {"镇沅县"}, {"镇沅"}),
    ("喀喇沁左翼蒙古族自治县", "county", {"喀喇沁左翼县"}, {"喀喇沁左翼"}),
    ("铁东区", "county", set(), {"铁东"}),
    ("和县", "county", set(), set()),  # one-character stems are never names
])
def test_short_names(name: str, level: str, suffixed: set[str], bare: set[str]) -> None:
    nations = ("蒙古族", "满族", "壮族", "维吾尔族", "彝族", "哈尼族", "拉祜族", "土家族", "苗族")
    nations = tuple(sorted(nations, key=len, reverse=True))
    assert gazetteer.short_names(name, level, nations) == (suffixed, bare)


def test_alias_table_abbreviations(gaz: gazetteer.Gazetteer) -> None:
    assert gaz.names["喀左县"] == ("211324000000",)
    assert gaz.stems["喀左"] == ("211324000000",)
    assert gaz.names["阜蒙县"] == ("210921000000",)
    assert gaz.names["本溪县"] == ("210521000000",)  # generated, not listed


def test_build_from_rows() -> None:
    rows = [("210000000000", "辽宁省"), ("211300000000", "朝阳市"),
            ("211324000000", "喀喇沁左翼蒙古族自治县"), ("110100000000", "市辖区")]
    gaz = gazetteer.build(rows, [("喀左", "喀喇沁左翼蒙古族自治县", "")], ("蒙古族",))
    assert set(gaz.by_code) == {"210000000000", "211300000000", "211324000000"}
    assert gaz.stems["喀左"] == ("211324000000",)
    assert gaz.names["辽宁"] == ("210000000000",)


def _region(gaz: gazetteer.Gazetteer, **kw: str) -> tuple[str | None, str | None, str | None]:
    r = places.resolve(gaz, **kw)
    return r.province, r.city, r.county


@pytest.mark.parametrize("issuer, expected", [
    ("喀左县人民政府办公室", ("辽宁省", "朝阳市", "喀喇沁左翼蒙古族自治县")),
    ("喀左县政府办", ("辽宁省", "朝阳市", "喀喇沁左翼蒙古族自治县")),
    ("朝阳市人民政府办公室", ("辽宁省", "朝阳市", None)),
    ("鞍山市铁东区人民政府办公室", ("辽宁省", "鞍山市", "铁东区")),  # the chain decides
    ("辽宁省人民政府办公厅", ("辽宁省", None, None)),
    ("本溪县人民政府", ("辽宁省", "本溪市", "本溪满族自治县")),
    ("本溪高新区管委会", ("辽宁省", "本溪市", None)),  # 本溪市 or 本溪县: what they share
    ("盤錦市人民政府辦公室", ("辽宁省", "盘锦市", None)),
    ("北京市朝阳区人民政府", ("北京市", "北京市", "朝阳区")),
    ("镇沅县政务局", ("云南省", "普洱市", "镇沅彝族哈尼族拉祜族自治县")),
    ("和平街道办事处", (None, None, None)),  # a street, not 和平区
])
def test_region_from_issuer(gaz: gazetteer.Gazetteer, issuer: str,
                            expected: tuple[str | None, str | None, str | None]) -> None:
    assert _region(gaz, issuer=issuer) == expected


def test_chaoyang_ambiguity(gaz: gazetteer.Gazetteer) -> None:
    issuer = "朝阳区人民政府办公室"
    alone = places.resolve(gaz, issuer=issuer, text="为进一步推进政务公开，定于6月10日开展活动。")
    assert (alone.province, alone.city, alone.county) == (None, None, None)
    assert any("朝阳区" in w and "ambiguous" in w for w in alone.warnings)
    beijing = places.resolve(gaz, issuer=issuer, text="根据北京市政务公开工作要点，开展政府开放日活动。")
    assert (beijing.province, beijing.city, beijing.county) == ("北京市", "北京市", "朝阳区")
    assert beijing.warnings == []
    changchun = places.resolve(gaz, issuer=issuer, text="按照吉林省和长春市的统一部署开展活动。")
    assert (changchun.province, changchun.city) == ("吉林省", "长春市")
    # 朝阳市 is Liaoning's city, not one of the districts
    assert _region(gaz, issuer="朝阳市人民政府办公室", text="北京市") == ("辽宁省", "朝阳市", None)


def test_bare_chaoyang_prefers_the_documents_province(gaz: gazetteer.Gazetteer) -> None:
    r = places.resolve(gaz, title="朝阳开展政务公开日活动", text="今年5月15日是辽宁省第十二个政务公开日。")
    assert r.province == "辽宁省" and r.city == "朝阳市"


def test_region_hint_breaks_ties(gaz: gazetteer.Gazetteer) -> None:
    alone = places.resolve(gaz, issuer="铁东区人民政府办公室")
    assert alone.province is None and alone.warnings
    hinted = places.resolve(gaz, issuer="铁东区人民政府办公室", hints=gaz.names["辽宁省"])
    assert (hinted.province, hinted.city, hinted.county) == ("辽宁省", "鞍山市", "铁东区")


def test_region_from_title_signature_and_body(gaz: gazetteer.Gazetteer) -> None:
    assert _region(gaz, title="关于印发2022年望花区“5·15政务公开日”活动方案的通知") == \
        ("辽宁省", "抚顺市", "望花区")
    text = "各相关单位：\n根据湖南省工作要点……\n株洲市天元区政务公开政务服务\n领导小组办公室\n2023年4月21日"
    assert _region(gaz, issuer="领导小组办公室", text=text) == ("湖南省", "株洲市", "天元区")
    assert _region(gaz, text="按照《丹东市人民政府办公室关于开展活动的通知》要求") == ("辽宁省", "丹东市", None)


def test_common_words_are_not_places(gaz: gazetteer.Gazetteer) -> None:
    # 城区 / 郊区 are divisions of 阳泉市 etc., but in running text they are ordinary words
    assert _region(gaz, text="在城区和郊区开展宣传活动，和县乡干部座谈。") == (None, None, None)
    assert _region(gaz, text="在阳泉市城区开展宣传活动") == ("山西省", "阳泉市", "城区")
