"""Issuer canonicalisation and tier detection (pipeline.normalize.organ)."""

from __future__ import annotations

import pytest

from pipeline.normalize import gazetteer, organ


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


@pytest.mark.parametrize("issuer, mark, expected", [
    # the 政府办 family → the full 人民政府办公室 form
    ("喀左县政府办", None, "喀左县人民政府办公室"),
    ("喀左县政府办公室", None, "喀左县人民政府办公室"),
    ("喀左县人民政府办公室", None, "喀左县人民政府办公室"),
    ("喀左县府办", None, "喀左县人民政府办公室"),
    ("县政府办", None, "县人民政府办公室"),
    # 办公厅 stays 办公厅
    ("朝阳市政府办公厅", None, "朝阳市人民政府办公厅"),
    ("辽宁省政府办公厅", None, "辽宁省人民政府办公厅"),
    ("盘锦市政府", None, "盘锦市人民政府"),
    # Traditional script and full-width characters
    ("盤錦市人民政府辦公室", None, "盘锦市人民政府办公室"),
    ("閣山鎮人民政府", None, "阁山镇人民政府"),
    ("喀左县人民政府办公室（印章）", None, "喀左县人民政府办公室"),
    # the 发文机关标志 stands in when no 署名 was found: 文件 / 发电 / 明传电报 dropped
    (None, "洞口县政务公开政务服务领导小组办公室文件", "洞口县政务公开政务服务领导小组办公室"),
    (None, "喀左县发电", "喀左县"),
    (None, "朝阳市人民政府办公室明传电报", "朝阳市人民政府办公室"),
    (None, "鐵嶺市人民政府辦公室文件", "铁岭市人民政府办公室"),
    ("县政务公开办", None, "县政务公开办公室"),
    # departments keep their own names
    ("会同县教育局", None, "会同县教育局"),
    (None, None, None),
    ("", "", None),
])
def test_canonical_issuer(issuer: str | None, mark: str | None, expected: str | None) -> None:
    assert organ.canonical_issuer(issuer, mark) == expected


def test_signature_wins_over_mark() -> None:
    assert organ.canonical_issuer("喀左县人民政府办公室", "喀左县发电") == "喀左县人民政府办公室"


@pytest.mark.parametrize("name, level", [
    ("辽宁省人民政府办公厅", "province"),
    ("北京市人民政府", "province"),
    ("朝阳市人民政府办公室", "city"),
    ("盘锦市人民政府", "city"),
    ("喀左县人民政府办公室", "county"),
    ("喀左县", "county"),
    ("海城市人民政府", "county"),          # a county-level city
    ("鞍山市铁东区人民政府办公室", "county"),
    ("朝阳区人民政府办公室", "county"),     # ambiguous place, unambiguous tier
    ("***县人民政府", "county"),            # anonymised place: the unit decides
    ("县人民政府办公室", "county"),
    ("铁东区和平街道办事处", "township"),
    ("和平街道办事处", "township"),
    ("兴国县东村乡人民政府", "township"),
    ("阁山镇人民政府", "township"),
    ("天城镇", "township"),
    ("会同县教育局", "department"),
    ("景德镇市工业和信息化局", "department"),  # 景德镇 is a city, not a 镇
    ("镇沅县政务局", "department"),
    ("自治区发展改革委", "department"),
    ("洞口县政务公开政务服务领导小组办公室", "department"),
    ("县政务公开办公室", "department"),     # a 办 that is not the government's office
    ("国家试验区管委会办公室", "department"),
    ("中共喀左县委办公室", "department"),
    (None, None),
])
def test_issuer_level(name: str | None, level: str | None, gaz: gazetteer.Gazetteer) -> None:
    assert organ.issuer_level(name, gaz) == level
