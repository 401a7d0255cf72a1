"""Contact blocks: names, phones, faxes, e-mail — and the numbers that are not contacts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from seedgold import GOLD, SEEDS

from pipeline.extract import contacts
from pipeline.extract.source import make_source
from pipeline.model import Contact, Record


def _run(text: str) -> list[Contact]:
    rec = Record()
    contacts.fill(make_source(text), rec)
    return rec.contacts


def _flat(cs: list[Contact]) -> list[tuple[str | None, list[str], list[str], str | None]]:
    return [(c.name.value if c.name else None, [p.value for p in c.phones], [f.value for f in c.faxes],
             c.email.value if c.email else None) for c in cs]


def test_ocr_block_with_spaced_labels() -> None:
    text = "5月20日前，上报活动总结电子版。\n\n联系人：杨清会 张明星\n\n电 话：4878216\n\n邮 箱：kzzwgkbgs@163.com\n\n附件：1.登记表"
    assert _flat(_run(text)) == [("杨清会、张明星", ["4878216"], [], "kzzwgkbgs@163.com")]


def test_inline_block_in_parentheses_with_annotations() -> None:
    text = ("将具体活动方案报洞口县政务公开政务服务领导小组办公室(办公室设县行政审批服务局205办公室,"
            "联系人:尹轶林,张凤,联系电话:0739-7923727(办);13407492020,15869898029,邮箱:43347867@qq.com)。")
    assert _flat(_run(text)) == [("尹轶林、张凤", ["0739-7923727", "13407492020", "15869898029"], [],
                                  "43347867@qq.com")]


def test_number_annotated_fax_is_phone_and_fax() -> None:
    text = "联系人：刘玉成、肖瑶\n联系电话：2630208、2912328、2630101（传真）\n电子邮箱：cyyzwgk@163.com"
    assert _flat(_run(text)) == [("刘玉成、肖瑶", ["2630208", "2912328", "2630101"], ["2630101"], "cyyzwgk@163.com")]


def test_fax_label_gives_faxes_only() -> None:
    text = "联系人：王丽\n联系电话：0431-88904321\n传  真：0431-88904322\nE-mail：zwgk@jl.gov.cn"
    assert _flat(_run(text)) == [("王丽", ["0431-88904321"], ["0431-88904322"], "zwgk@jl.gov.cn")]


def test_repeated_block_gives_one_contact() -> None:
    block = "联系人：刘玉成、肖瑶\n联系电话：2630208、2912328\n电子邮箱：cyyzwgk@163.com\n"
    assert len(_run(block + "\n5月29日前总结报送活动开展情况。\n" + block)) == 1


def test_site_footer_is_not_a_contact() -> None:
    text = ("10.推进政务公开 优化营商环境\n政府信息公开\n信息公开指南\n"
            "主办单位:抚顺市望花区政府 联系方式:024-56888071 Copyright All right reserved. "
            "网站标识码:2104040001 ICP备案:辽ICP备13005445号-1")
    assert _run(text) == []


def test_multi_line_footer_is_not_a_contact() -> None:
    text = ("来源：市政府办公室  浏览次数：1234  发布时间：2021-05-12\n正文……\n"
            "主办：大连市人民政府办公室\n联系电话：0411-83781234  邮箱：webmaster@dl.gov.cn\n"
            "辽ICP备05000000号  网站标识码：2102000001")
    assert _run(text) == []


def test_numbers_that_are_not_phones() -> None:
    text = ("充分利用 8890 综合服务平台梳理群众诉求，通过12345热线解答。"
            "活动情况照片于5月16日16时前报县政务公开办公室（8010室）。"
            "公开干部职务、姓名、办公电话、工作分工等信息，并现场接听群众咨询电话。")
    assert _run(text) == []


def test_names_paired_with_their_own_numbers() -> None:
    text = "联系人：王明，电话：0411-82345678；李红，电话：13912345678。"
    assert _flat(_run(text)) == [("王明", ["0411-82345678"], [], None), ("李红", ["13912345678"], [], None)]


def test_name_followed_directly_by_mobile() -> None:
    text = "联系人及电话：张伟 13800001111，陈静 13900002222"
    assert _flat(_run(text)) == [("张伟", ["13800001111"], [], None), ("陈静", ["13900002222"], [], None)]


def test_extension_and_organ_before_the_name() -> None:
    text = "联系人：市政府办公室信息公开科 赵敏\n联系电话：024-22805432转8012"
    assert _flat(_run(text)) == [("赵敏", ["024-22805432转8012"], [], None)]


def test_traditional_script_and_full_width_digits_kept_as_printed() -> None:
    text = "聯繫人：陳大文\n聯繫電話：０７５５－８２３４５６７８\n電子郵箱：zwgk@sz.gov.cn"
    assert _flat(_run(text)) == [("陳大文", ["０７５５－８２３４５６７８"], [], "zwgk@sz.gov.cn")]


def test_two_offices_give_two_contacts() -> None:
    text = ("一、市政务公开办联系人：周楠，联系电话：0373-3681234。\n"
            "二、市营商环境局联系人：吴迪，联系电话：0373-3685678。")
    assert [c[0] for c in _flat(_run(text))] == ["周楠", "吴迪"]


def test_phone_only_block_has_no_name() -> None:
    text = "咨询电话：0871-63631234（工作日9:00-17:00）"
    assert _flat(_run(text)) == [(None, ["0871-63631234"], [], None)]


def test_address_printed_apart_joins_the_contact() -> None:
    text = ("各市州于5月8日前将活动方案报省政府办公厅，报送邮箱：\nzwgk@xx.gov.cn。\n"
            "联系人：省政府办公厅政务公开办 李华  王芳\n电话：0851—86891234  86891235\n传真：0851-86891236")
    assert _flat(_run(text)) == [("李华、王芳", ["0851—86891234", "86891235"], ["0851-86891236"], "zwgk@xx.gov.cn")]


def test_values_on_the_line_after_their_labels() -> None:
    text = "联系人：\n\n张三\n\n联系电话：\n\n0739-5221234\n\n邮箱：\nabc@163.com\n附件：1.报名表"
    assert _flat(_run(text)) == [("张三", ["0739-5221234"], [], "abc@163.com")]


def test_words_after_a_number_are_not_names() -> None:
    text = "有意者请拨打电话010-88881234报名，名额有限，额满为止。"
    assert _flat(_run(text)) == [(None, ["010-88881234"], [], None)]


def test_contact_block_just_above_a_footer_is_kept() -> None:
    text = ("联系人：张三\n联系电话：0591-87001234\n附件：报名表\n【打印本页】【关闭窗口】\n"
            "主办单位：福州市人民政府办公厅  地址：福州市鼓楼区\n联系电话：0591-83330000\n闽ICP备05000000号")
    assert _flat(_run(text)) == [("张三", ["0591-87001234"], [], None)]


@pytest.mark.parametrize("text, expected", [
    ("联系人及联系方式：张三，13800000000", [("张三", ["13800000000"], [], None)]),
    ("联系人：市政务公开办 欧阳娜娜（0991-2381234）", [("欧阳娜娜", ["0991-2381234"], [], None)]),
    ("联 系 人：王  刚\n联系电话：0898-65201234（兼传真）",
     [("王刚", ["0898-65201234"], ["0898-65201234"], None)]),
    ("电话：0411—83781234—8012", [(None, ["0411—83781234—8012"], [], None)]),
    ("联系电话：(0739)5221234；手机：139 7390 1234", [(None, ["(0739)5221234", "139 7390 1234"], [], None)]),
])
def test_number_and_name_shapes(text: str, expected: list[tuple[str | None, list[str], list[str], str | None]]) -> None:
    assert _flat(_run(text)) == expected


@pytest.mark.parametrize("text, phones", [
    ("咨询电话：（0571）86012345", ["（0571）86012345"]),
    ("联系电话：0571-86012345转8012", ["0571-86012345转8012"]),
    ("咨询电话：400-812-3456", ["400-812-3456"]),
    ("联系电话：400-8123-456", ["400-8123-456"]),
    ("请拨打报名电话0797-522608报名。", ["0797-522608"]),
])
def test_phone_formats(text: str, phones: list[str]) -> None:
    assert [p.value for c in _run(text) for p in c.phones] == phones


def test_six_digit_number_needs_an_area_code() -> None:
    assert _run("联系电话：522608") == []


def test_contact_table_gives_one_contact_per_row() -> None:
    text = "\n".join([
        "各单位联系方式如下：",
        "单位\t联系人\t联系电话\t电子邮箱",
        "区政务服务中心\t周建国\t0771-5512345\tzwzx@163.com",
        "区财政局\t吴丽、郑涛\t13877112345\t",
        "请各单位保持电话畅通。",
    ])
    assert _flat(_run(text)) == [
        ("周建国", ["0771-5512345"], [], "zwzx@163.com"),
        ("吴丽、郑涛", ["13877112345"], [], None),
    ]


def test_blank_registration_form_is_not_a_contact() -> None:
    text = "姓名\t性别\t工作单位\t联系电话\n\t\t\t\n\t\t\t"
    assert _run(text) == []


def test_person_named_after_a_number() -> None:
    text = "报名电话：0591-83301234（陈老师）、13905001234（林老师）"
    assert _flat(_run(text)) == [("陈老师", ["0591-83301234"], [], None), ("林老师", ["13905001234"], [], None)]


def test_time_note_after_a_number_is_not_a_name() -> None:
    assert _flat(_run("咨询电话：0591-83301234（白天）")) == [(None, ["0591-83301234"], [], None)]


def test_fax_only_line_and_full_width_at_sign() -> None:
    text = "传真号码：0871-63101234\n电子邮箱：zwgk＠km.gov.cn"
    assert _flat(_run(text)) == [(None, [], ["0871-63101234"], "zwgk＠km.gov.cn")]


def test_each_person_with_their_own_line() -> None:
    text = "联系人：孙静，电话：0851-86801234\n联系人：马骏，手机：15985101234"
    assert _flat(_run(text)) == [("孙静", ["0851-86801234"], [], None), ("马骏", ["15985101234"], [], None)]


# ---------------------------------------------------------------- the five seeds


def _seed_cases() -> list[Path]:
    return sorted(GOLD.glob("*.json")) if SEEDS.exists() and GOLD.exists() else []


def _split(s: str | None) -> set[str]:
    return {x for x in re.split(r"[、,，;；\s]+", s or "") if x}


@pytest.mark.skipif(not _seed_cases(), reason="dev seeds not available")
@pytest.mark.parametrize("gold_path", _seed_cases(), ids=lambda p: p.stem)
def test_seed_contacts_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    got = _run((SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8"))
    digits = lambda s: re.sub(r"\D", "", s)  # noqa: E731 — scored like score.py
    assert {digits(p.value) for c in got for p in c.phones} == \
        {digits(p) for c in gold["contacts"] for p in c["phones"]}
    assert {c.email.value for c in got if c.email} == {c["email"] for c in gold["contacts"] if c.get("email")}
    assert set().union(*[_split(c.name.value) for c in got if c.name] or [set()]) == \
        set().union(*[_split(c.get("name")) for c in gold["contacts"]] or [set()])


@pytest.mark.parametrize("text, phone", [
    ("有意参加的市民请于8月3日前拨打0571-6612345进行电话报名。", "0571-6612345"),
    ("(一)电话报名:请在工作日致电0312-5550123,登记姓名和单位。", "0312-5550123"),
    ("请于9月1日前通过电话(0746-2223456)进行报名确认。", "0746-2223456"),
])
def test_number_after_a_call_verb_is_a_nameless_contact(text: str, phone: str) -> None:
    assert _flat(_run(text)) == [(None, [phone], [], None)]


def test_call_verb_joins_the_registration_block() -> None:
    text = ("(一)电话报名:请在工作日拨打0898-3456789,登记信息。\n"
            "(二)邮箱报名:将报名表发送至电子邮箱zwkf2024@163.com。\n"
            "(三)现场报名:请到服务中心报名,联系人:林晓。")
    assert _flat(_run(text)) == [("林晓", ["0898-3456789"], [], "zwkf2024@163.com")]


def test_call_verb_without_a_phone_shape_is_not_a_contact() -> None:
    assert _run("如有疑问，可拨打12345政务服务便民热线或致电我办。") == []


def test_bracketed_area_code_keeps_its_bracket() -> None:
    assert _flat(_run("咨询电话：(0411)82345678。")) == [(None, ["(0411)82345678"], [], None)]
