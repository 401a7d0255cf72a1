"""One name per issuing organ, and the tier of government it belongs to.

The same office signs as 喀左县政府办, 喀左县政府办公室 and 喀左县人民政府办公室,
heads its telegrams 喀左县发电 and its red-header documents …文件, and is
printed in Traditional script on mirror sites.  Grouping documents by
issuer (and recognising copies of one notice) needs one spelling:
:func:`canonical_issuer` folds script and width, drops the 发文机关标志
suffixes and expands the 政府办 family to the full 人民政府办公室 / 办公厅 form.
Place names are kept as printed; the region columns carry the resolved place.

:func:`issuer_level` says which tier issued the document: the government
(or its general office) of a province, city or county, a township or
street office, or a functional department (局/委/办/中心… that is not the
government's general office).
"""

from __future__ import annotations

import re

from pipeline.normalize.gazetteer import COUNTY, PROVINCE, Gazetteer
from pipeline.normalize.places import MUNICIPALITIES, organ_mentions
from pipeline.normalize.text import fold

PROVINCE_LEVEL, CITY_LEVEL, COUNTY_LEVEL = "province", "city", "county"
TOWNSHIP, DEPARTMENT = "township", "department"

#: endings of a 发文机关标志 or telegram heading that are not part of the organ's name
_MARK_SUFFIX = re.compile(r"(?:明传电报|传真电报|电报|明电|发电|文件|急件)+$")
_SEAL = re.compile(r"[(（]\s*(?:印章|盖章|章)\s*[)）]")
_ADMIN_END = "省市县区旗州盟乡镇"
#: 政府办 family → the full form (办公厅 stays 厅; 办 and 办公室 become 办公室)
_GOV_OFFICE = re.compile(rf"(?<=[{_ADMIN_END}])(?:人民政府|政府|府)(办公厅|办公室|办)$")
_GOV = re.compile(rf"(?<=[{_ADMIN_END}])政府$")
_OFFICE_SHORT = re.compile(r"(政务公开|政务服务|政务公开政务服务)办$")
_TOWNSHIP = re.compile(
    r"[\u4e00-\u9fff*＊]{1,10}?(?:民族乡|乡|镇|街道|苏木)"
    r"(?:人民政府|政府|街道办事处|办事处|党委|党工委)?(?:党政办公室|党政办|办公室)?")
_GOV_REST = re.compile(r"(?:人民政府)?(?:办公室|办公厅)?")
#: tier named by the unit before 人民政府 when the place itself is not in the table (***县人民政府)
_UNIT_LEVEL: tuple[tuple[str, str], ...] = (
    ("特别行政区", PROVINCE_LEVEL), ("自治区", PROVINCE_LEVEL), ("省", PROVINCE_LEVEL),
    ("自治州", CITY_LEVEL), ("地区", CITY_LEVEL), ("盟", CITY_LEVEL), ("市", CITY_LEVEL),
    ("自治县", COUNTY_LEVEL), ("县", COUNTY_LEVEL), ("旗", COUNTY_LEVEL), ("区", COUNTY_LEVEL),
    ("民族乡", TOWNSHIP), ("街道", TOWNSHIP), ("乡", TOWNSHIP), ("镇", TOWNSHIP), ("苏木", TOWNSHIP),
)


def strip_mark(mark: str) -> str:
    """喀左县发电 → 喀左县; …办公室文件 → …办公室."""
    return _MARK_SUFFIX.sub("", mark)


def canonical_issuer(issuer: str | None, issuer_mark: str | None = None) -> str | None:
    """The issuer in one spelling (see module docstring); the 标志 stands in when no 署名 was found."""
    name = fold(issuer) or strip_mark(fold(issuer_mark))
    name = _SEAL.sub("", name).strip("，,。:：;；")
    name = strip_mark(name)
    if not name:
        return None
    name = _GOV_OFFICE.sub(lambda m: "人民政府" + ("办公厅" if m.group(1) == "办公厅" else "办公室"), name)
    name = _GOV.sub("人民政府", name)
    name = _OFFICE_SHORT.sub(r"\1办公室", name)
    return name


def _level_from_units(name: str) -> str | None:
    m = re.search(r"(人民政府|政府)(?:办公室|办公厅)?$", name)
    head = name[:m.start()] if m else name
    for unit, level in _UNIT_LEVEL:
        if head.endswith(unit):
            return level
    return None


def _level_of_place(chain_codes: tuple[str, ...], surface: str, gaz: Gazetteer) -> str | None:
    levels = {gaz.by_code[c].level for c in chain_codes if c in gaz.by_code}
    if len(levels) == 1:
        level = levels.pop()
        if level == PROVINCE:
            return PROVINCE_LEVEL
        return COUNTY_LEVEL if level == COUNTY else CITY_LEVEL
    if surface in MUNICIPALITIES:
        return PROVINCE_LEVEL
    return _level_from_units(surface)


def issuer_level(canonical: str | None, gaz: Gazetteer) -> str | None:
    """province / city / county / township / department for a canonical issuer name."""
    if not canonical:
        return None
    chain = organ_mentions(canonical, gaz)
    if chain:
        rest = canonical[chain[-1].end:]
        if rest and _TOWNSHIP.fullmatch(rest):
            return TOWNSHIP
        if _GOV_REST.fullmatch(rest):
            return _level_of_place(chain[-1].codes, chain[-1].surface, gaz)
        return DEPARTMENT
    name = canonical
    for p in ("中国共产党", "中共"):
        if name.startswith(p):
            name = name[len(p):]
    if _TOWNSHIP.fullmatch(name):
        return TOWNSHIP
    gov = re.fullmatch(r"(.*?)人民政府(?:办公室|办公厅)?", name)
    if gov:
        return _level_from_units(gov.group(1) + "人民政府")
    return DEPARTMENT
