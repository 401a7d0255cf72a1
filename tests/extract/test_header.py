"""Header zone: 份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, title, 主送机关."""

from __future__ import annotations

import json

import pytest
from seedgold import GOLD, SEEDS, norm_scalar

from pipeline.extract import header
from pipeline.extract.source import make_source
from pipeline.model import Record


def run(text: str) -> Record:
    src = make_source(text)
    rec = Record()
    header.fill(src, rec)
    for f in (rec.title, rec.doc_number, rec.recipients, rec.signer, rec.urgency, rec.classification):
        if f is not None:  # every value points at where it was printed
            assert f.start < f.end and len(src.text[f.start:f.end]) >= 1
    return rec


def v(f):  # noqa: ANN001, ANN201
    return None if f is None else f.value


RED_HEADER = """\
000123
秘密★1年
特急

沈河区人民政府办公室文件

沈河政办发〔2019〕15号            签发人：王  伟

沈河区人民政府办公室
关于开展2019年“5·15政务公开日”
活动的通知

各街道办事处，区政府各部门、
各直属单位：

按照《沈阳市人民政府办公室关于开展第十三届政务公开日活动的通知》（沈政办发〔2019〕8号）要求，现将有关事项通知如下：
一、活动主题
“公开促落实 服务惠民生”
"""


def test_red_header_keys_and_wrapped_title() -> None:
    rec = run(RED_HEADER)
    assert v(rec.copy_number) == "000123"
    assert v(rec.classification) == "秘密★1年"
    assert v(rec.urgency) == "特急"
    assert v(rec.issuer_mark) == "沈河区人民政府办公室文件"
    assert v(rec.doc_number) == "沈河政办发〔2019〕15号"
    assert v(rec.signer) == "王伟"
    assert v(rec.title) == "沈河区人民政府办公室关于开展2019年“5·15政务公开日”活动的通知"
    assert v(rec.recipients) == "各街道办事处，区政府各部门、各直属单位"


TRADITIONAL_TELEGRAM = """\
遼寧省人民政府辦公廳發電

發電單位：遼寧省人民政府辦公廳
簽發：張大為
等級：特急　明電　遼政辦明電［2021］9號

關於開展第十五屆“5·15政務公開日”活動的通知

各市人民政府，省政府各廳委、各直屬機構：

今年5月15日是我省第十五個政務公開日。
"""


def test_traditional_telegram_values_as_printed() -> None:
    rec = run(TRADITIONAL_TELEGRAM)
    assert v(rec.issuer_mark) == "遼寧省人民政府辦公廳發電"
    assert v(rec.doc_number) == "遼政辦明電〔2021〕9號"
    assert v(rec.classification) == "明電"  # not the 明電 inside the 文号
    assert v(rec.urgency) == "特急"
    assert v(rec.signer) == "張大為"
    assert v(rec.title) == "關於開展第十五屆“5·15政務公開日”活動的通知"
    assert v(rec.recipients) == "各市人民政府，省政府各廳委、各直屬機構"


def test_telegram_grid_spaced_form_with_ocr_dot() -> None:
    text = ("NO. 000. 00317\n\n000317\n\n铁岭市发电\n\n"
            "发电单位 铁岭市人民政府办公室 签发盖章 刘志刚\n"
            "等级 加急 · 明电 铁政办传〔2021〕7号 序号 7\n\n"
            "铁岭市人民政府办公室关于开展第十五届“5·15政务公开日”活动的通知\n\n"
            "各县（市）区人民政府，市政府各部门：\n\n为做好……，现通知如下：\n")
    rec = run(text)
    assert v(rec.copy_number) == "000317"
    assert v(rec.issuer_mark) == "铁岭市发电"
    assert v(rec.signer) == "刘志刚"
    assert v(rec.urgency) == "加急"
    assert v(rec.classification) == "明电"
    assert v(rec.doc_number) == "铁政办传〔2021〕7号"
    assert v(rec.serial) == "7"
    assert v(rec.recipients) == "各县（市）区人民政府，市政府各部门"


def test_telegram_empty_classification_and_half_width_brackets() -> None:
    text = ("凌源市发电\n\n发电单位：凌源市人民政府办公室\n\n签批盖章：李 明\n\n"
            "等级 特提 密级 凌政办传 (2019) 3 号\n\n序号\n\n"
            "凌源市人民政府办公室关于做好政务公开日活动的通知\n\n各乡镇人民政府：\n")
    rec = run(text)
    assert rec.classification is None  # 密级 printed with no value
    assert v(rec.urgency) == "特提"
    assert v(rec.doc_number) == "凌政办传〔2019〕3号"
    assert v(rec.signer) == "李明"
    assert rec.serial is None  # "序号" with nothing after it on the line


@pytest.mark.parametrize("printed, value", [
    ("朝政办发(2018)25号", "朝政办发〔2018〕25号"),
    ("朝政办发（2018）25号", "朝政办发〔2018〕25号"),
    ("朝政办发[2018]25号", "朝政办发〔2018〕25号"),
    ("朝政办发【2018】25号", "朝政办发〔2018〕25号"),
    ("朝政办发［2018］25号", "朝政办发〔2018〕25号"),
    ("朝政办发﹝2018﹞25号", "朝政办发〔2018〕25号"),
    ("朝政办发 〔 2018 〕 25 号", "朝政办发〔2018〕25号"),
])
def test_doc_number_bracket_forms(printed: str, value: str) -> None:
    rec = run(f"朝阳市人民政府办公室文件\n\n{printed}\n\n关于开展政务公开日活动的通知\n\n各县（市）区：\n")
    assert v(rec.doc_number) == value


def test_body_cited_doc_number_is_not_the_documents_own() -> None:
    text = ("关于开展2022年政务公开日活动的通知\n\n各乡镇（街道）：\n\n"
            "按照《湖南省人民政府办公厅关于做好政务公开日工作的通知》（湘政办发〔2022〕11号）精神，现通知如下：\n")
    assert run(text).doc_number is None


def test_doc_number_cell_and_under_title() -> None:
    cell = "索 引 号：11520000/2021-00321\n文　　号：黔府办函〔2021〕45号\n标　　题：关于开展政府开放日活动的通知\n"
    rec = run(cell)
    assert v(rec.doc_number) == "黔府办函〔2021〕45号"
    assert v(rec.title) == "关于开展政府开放日活动的通知"
    under = "岳阳市人民政府办公室关于开展政务公开日活动的通知\n（岳政办函〔2020〕12号）\n各县市区人民政府：\n"
    rec = run(under)
    assert v(rec.doc_number) == "岳政办函〔2020〕12号"
    assert v(rec.recipients) == "各县市区人民政府"


def test_free_doc_number_and_glued_recipients_of_an_untitled_run_together_copy() -> None:
    text = ("素材站整理。欢迎转载。东府办函〔2021〕7号各区人民政府，市直各单位：为推进政务公开，"
            "结合实际，我市定于6月开展“政府开放月”活动，现就有关事项通知如下：一、活动时间……。\n")
    rec = run(text)
    assert v(rec.doc_number) == "东府办函〔2021〕7号"
    assert v(rec.recipients) == "各区人民政府，市直各单位"
    # a number cited in a sentence is no document's own
    cited = "各单位：按照东府办函〔2021〕7号文件要求，现就有关事项通知如下：一、……。\n"
    assert run(cited).doc_number is None
    cited = "各单位：现将有关事项通知如下。东府办函〔2021〕7号文件已印发。\n"
    assert run(cited).doc_number is None


def test_byline_under_the_title_is_skipped_before_recipients() -> None:
    text = ("关于开展政务公开日活动的通知\n南港市政务公开办公室   2024-05-06\n"
            "各县（市、区）政务公开办，市直各单位:\n现将有关事项通知如下：\n")
    rec = run(text)
    assert v(rec.title) == "关于开展政务公开日活动的通知"
    assert v(rec.recipients) == "各县（市、区）政务公开办，市直各单位"


def test_recipients_wrapped_inside_a_name() -> None:
    text = ("关于开展政务公开日活动的通知\n各县（市）区人民政府，市直各单位，各开发（园）\n区管委会：\n"
            "为推进政务公开，现将有关事项通知如下：\n")
    assert v(run(text).recipients) == "各县（市）区人民政府，市直各单位，各开发（园）区管委会"
    text = "关于开展政务公开日活动的通知\n各单位要高度重视\n认真组织。\n"
    assert run(text).recipients is None


def test_split_doc_number() -> None:
    assert header.split_doc_number("喀政办传〔2018〕11号") == ("喀政办传", 2018, "11")
    assert header.split_doc_number("国办发 [2019] 第 5 号") == ("国办发", 2019, "5")
    assert header.split_doc_number("政务公开日") == (None, None, None)


WEB_PAGE = """\
今天是：2023-05-10 星期三 | 加入收藏 | 设为首页
首页 > 政务公开 > 通知公告
通知公告
关于邀请市民参加2023年“政府开放日”活动的公告
发布时间：2023-05-08 10:21  来源：龙华区政府办  浏览次数：532
广大市民朋友：
为进一步推进政务公开，……欢迎报名。
"""


def test_web_page_headline_before_info_line() -> None:
    rec = run(WEB_PAGE)
    assert v(rec.title) == "关于邀请市民参加2023年“政府开放日”活动的公告"
    assert v(rec.recipients) == "广大市民朋友"  # a salutation addresses the document as a 主送 list does
    assert rec.doc_number is None and rec.urgency is None


def test_news_headline_without_title_word() -> None:
    text = ("首页 > 工作动态\n市政务服务中心开展“政府开放日”活动\n"
            "发布日期：2021-05-17　来源：乌海市政务服务中心\n5月15日上午，……。\n")
    assert v(run(text).title) == "市政务服务中心开展“政府开放日”活动"


def test_collection_page_has_no_title() -> None:
    text = ("5.15政务公开活动总结 共50份\n"
            "5.15政务公开活动总结栏目给大家带来大量5.15政务公开活动总结、范文大全等内容，更多相关内容可以关注我们!\n"
            "20xx年5月15日是第十二个政务公开日。根据xx市人民政府的部署，按照《xx市人民政府办公室关于组织开展"
            "20xx年全市5.15政务公开日活动的通知》的要求，……\n")
    rec = run(text)
    assert rec.title is None and rec.recipients is None


def test_ocr_title_over_three_lines_with_blank_lines() -> None:
    text = ("洞头区政务公开领导小组办公室文件\n\n洞政公办〔2021〕2号\n\n"
            "洞头区政务公开领导小组办公室关于\n\n印发2021年“政务公开主题日”\n\n活动方案的通知\n\n"
            "各乡镇人民政府、街道办事处，区直各单位：\n\n现将……印发给你们。\n")
    rec = run(text)
    assert v(rec.title) == "洞头区政务公开领导小组办公室关于印发2021年“政务公开主题日”活动方案的通知"
    assert v(rec.recipients) == "各乡镇人民政府、街道办事处，区直各单位"


def test_first_paragraph_ending_with_colon_is_not_recipients() -> None:
    text = ("宁乡市2021年政务公开日活动实施方案\n\n"
            "为深入推进政务公开，结合我市实际，现制定方案如下：\n\n一、活动主题\n")
    rec = run(text)
    assert v(rec.title) == "宁乡市2021年政务公开日活动实施方案"
    assert rec.recipients is None


def test_classification_with_period_spaced() -> None:
    text = "机密 ★ 6个月\n平急\n\n某某省人民政府文件\n\n某政发〔2020〕3号\n\n关于政务公开工作的意见\n\n各市：\n"
    rec = run(text)
    assert v(rec.classification) == "机密 ★ 6个月"
    assert v(rec.urgency) == "平急"


def test_saved_page_title_with_site_suffix() -> None:
    text = ("关于印发《2019年政府开放日活动方案》的通知_大连市西岗区人民政府\n首页 > 政务公开 > 政策文件\n"
            "关于印发《2019年政府开放日活动方案》的通知\n西政办发〔2019〕21号\n各街道办事处，区政府各部门：\n")
    rec = run(text)
    assert v(rec.title) == "关于印发《2019年政府开放日活动方案》的通知"
    assert v(rec.doc_number) == "西政办发〔2019〕21号"


def test_joint_issuers_heading_the_title() -> None:
    text = ("中共汉阴县委办公室\n汉阴县人民政府办公室\n关于开展2020年“政府开放日”活动的通知\n\n"
            "各镇党委、政府，县委各部门：\n")
    assert v(run(text).title) == "中共汉阴县委办公室汉阴县人民政府办公室关于开展2020年“政府开放日”活动的通知"


def test_recipients_label_form() -> None:
    text = "本溪市发电\n等级 特急\n关于开展政务公开日活动的通知\n主送：各县（区）人民政府，市政府各部门。\n"
    assert v(run(text).recipients) == "各县（区）人民政府，市政府各部门"


def test_telegram_grid_cells_on_separate_lines() -> None:
    text = ("葫芦岛市发电\n发电单位\n葫芦岛市人民政府办公室\n签发盖章\n赵永军\n等级\n特急\n"
            "葫政办传〔2019〕5号\n序号\n5\n关于开展政务公开日活动的通知\n各县（市）区：\n")
    rec = run(text)
    assert v(rec.signer) == "赵永军"
    assert v(rec.urgency) == "特急"
    assert v(rec.serial) == "5"
    assert v(rec.doc_number) == "葫政办传〔2019〕5号"


def test_title_words_that_look_like_grid_keys_or_menus() -> None:
    text = "某某省人民政府办公厅文件\n\n某政办发〔2021〕3号\n\n关于开展政务公开标准化规范化等级评定工作的通知\n\n各市：\n"
    assert v(run(text).title) == "关于开展政务公开标准化规范化等级评定工作的通知"
    text = "关于做好政务服务事项网上注册登录工作的通知\n\n经开区各部门、现代农业园区管委会：\n"
    rec = run(text)
    assert v(rec.title) == "关于做好政务服务事项网上注册登录工作的通知"
    assert v(rec.recipients) == "经开区各部门、现代农业园区管委会"


def test_recipients_glued_to_first_paragraph() -> None:
    text = ("关于开展2021年政务公开日活动的通知\n"
            "各镇街，区政府各部门：按照市政府办公室要求，现将有关事项通知如下：一、活动主题……。\n")
    assert v(run(text).recipients) == "各镇街，区政府各部门"
    text = "关于开展2021年政务公开日活动的通知\n为深入推进政务公开：结合实际制定如下方案内容与安排。\n"
    assert run(text).recipients is None


def test_grid_title_cell_with_bars_and_the_repeated_title_line() -> None:
    text = ("索 引 号: | 000123456/2019-00042 | 分类: | 政务公开 |\n"
            "标 题: | 青禾市人民政府办公室关于开展2019年“政府开放日”活动的通知 | |\n"
            "发文字号: | | 发布日期: | 2019-04-29 |\n"
            "青禾市人民政府办公室关于开展2019年“政府开放日”活动的通知\n"
            "各区县人民政府，市政府各部门：\n为推进政务公开，现将有关事项通知如下：\n")
    rec = run(text)
    assert v(rec.title) == "青禾市人民政府办公室关于开展2019年“政府开放日”活动的通知"
    assert rec.title is not None and text[rec.title.start:rec.title.end] == rec.title.value  # the own line
    assert v(rec.recipients) == "各区县人民政府，市政府各部门"
    cell_only = "标 题: | 关于开展政务公开日活动的通知 | |\n发布日期: | 2019-04-29 |\n"
    assert v(run(cell_only).title) == "关于开展政务公开日活动的通知"


def test_metadata_bullet_list_with_name_cell() -> None:
    text = ("  • 索引号 abc-2021-0007\n  • 发布机构 东川县政府办\n  • 公开目录 工作动态\n"
            "  • 发布日期 2021-06-02\n  • 名称 关于做好“政府开放日”活动总结报送的通知\n"
            "关于做好“政府开放日”活动总结报送的通知\n各乡镇人民政府，县直各部门：\n请于6月10日前报送。\n")
    rec = run(text)
    assert v(rec.title) == "关于做好“政府开放日”活动总结报送的通知"
    assert v(rec.recipients) == "各乡镇人民政府，县直各部门"


@pytest.mark.parametrize("stamp", ["17.05.2021  09:40", "2021-05-17 09:40:12", "2021年05月17日 09:40", "2021/5/17"])
def test_news_headline_above_a_bare_date_stamp(stamp: str) -> None:
    text = f"河口区税务局开展“政务公开日”宣传活动\n\n{stamp}\n\n5月15日，该局在服务厅前设立咨询台。\n"
    assert v(run(text).title) == "河口区税务局开展“政务公开日”宣传活动"


def test_news_headline_directly_above_the_first_paragraph() -> None:
    text = "柳湾社区组织居民走进“政府开放日”活动\n今年5月15日，柳湾社区组织二十名居民参观了便民服务中心。\n"
    assert v(run(text).title) == "柳湾社区组织居民走进“政府开放日”活动"
    # a line with no reporting verb (a site's list heading) is no headline
    text = "政府开放日活动范文精选 共12篇\n20xx年5月15日，我镇开展了政府开放日活动。\n"
    assert run(text).title is None


def test_untitled_copy_starting_with_its_recipients() -> None:
    text = "各相关科室、二级机构：\n为做好今年政务公开主题日工作，现将有关事项通知如下：\n一、活动主题\n"
    rec = run(text)
    assert rec.title is None
    assert v(rec.recipients) == "各相关科室、二级机构"
    for greeting in ("各位居民朋友", "广大市民朋友", "尊敬的企业代表"):
        assert v(run(f"{greeting}：\n我镇将于6月1日举办政府开放日活动，欢迎报名。\n").recipients) == greeting
    # a first paragraph that ends with a colon is no salutation
    assert run("为做好今年的开放日工作：\n我镇将于6月1日举办活动。\n").recipients is None


def test_repeated_page_heading_is_skipped_before_recipients() -> None:
    text = ("关于做好2024年“政务公开主题日”工作的通知\n\n来源：溪口县政务服务中心 时间：2024-03-02\n\n"
            "溪政务发〔2024〕3号\n\n关于做好2024年“政务公开主题日”工作的通知\n\n各乡镇、县直各单位：\n\n"
            "为深入推进政务公开，现就有关事项通知如下：\n")
    rec = run(text)
    assert v(rec.title) == "关于做好2024年“政务公开主题日”工作的通知"
    assert v(rec.doc_number) == "溪政务发〔2024〕3号"
    assert v(rec.recipients) == "各乡镇、县直各单位"


def test_empty_view_counter_is_an_info_line_not_recipients() -> None:
    text = ("【通知公告】石桥镇2024年“政府开放日”活动公告\n\n访问量：\n\n"
            "【通知公告】石桥镇2024年“政府开放日”活动公告\n\n广大群众朋友：\n\n为加快服务型政府建设，……。\n")
    rec = run(text)
    assert v(rec.title) == "【通知公告】石桥镇2024年“政府开放日”活动公告"
    assert v(rec.recipients) == "广大群众朋友"  # not "访问量"


def test_red_header_with_copy_number_classification_urgency_and_chinese_date() -> None:
    text = ("000058\n机密★1年\n特急\n\n金川县人民政府办公室文件\n\n金政办发〔2017〕12号\n\n"
            "金川县人民政府办公室\n关于开展第十一届“5·15政务公开日”\n活动的通知\n\n"
            "各乡镇人民政府，县政府各部门：\n\n现将有关事项通知如下：\n……。\n\n"
            "金川县人民政府办公室\n二〇一七年五月八日\n\n抄送：县委办公室，县人大常委会办公室。\n"
            "金川县人民政府办公室　　　　　2017年5月8日印发\n")
    rec = run(text)
    assert v(rec.copy_number) == "000058"
    assert v(rec.classification) == "机密★1年"
    assert v(rec.urgency) == "特急"
    assert v(rec.issuer_mark) == "金川县人民政府办公室文件"
    assert v(rec.doc_number) == "金政办发〔2017〕12号"
    assert v(rec.title) == "金川县人民政府办公室关于开展第十一届“5·15政务公开日”活动的通知"
    assert v(rec.recipients) == "各乡镇人民政府，县政府各部门"


def test_title_wrapped_before_its_title_word() -> None:
    text = "西岭县2023年“政府开放日”\n活动实施方案\n\n一、活动主题\n走进机关\n"
    assert v(run(text).title) == "西岭县2023年“政府开放日”活动实施方案"
    # a site banner is not joined with the title under it
    text = "西岭县人民政府门户网站\n关于开展2023年“政府开放日”活动的通知\n各乡镇：\n"
    assert v(run(text).title) == "关于开展2023年“政府开放日”活动的通知"
    # an event-named line that never reaches a title word stays out
    text = "2023年“政府开放日”专题\n开放动态\n5月20日，西岭县开展了活动。\n"
    assert run(text).title is None
    # a site's page heading over the document's own title line
    text = "“政府开放日”活动方案范文\n“政府开放日”活动方案\n为推进政务公开，特制定本方案。\n"
    assert v(run(text).title) == "“政府开放日”活动方案"



@pytest.mark.skipif(not SEEDS.is_dir() or not GOLD.is_dir(), reason="/work/shared dev set absent")
@pytest.mark.parametrize("name", sorted(p.stem for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_seed_header_fields(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    rec = run((SEEDS / f"{name}.txt").read_text(encoding="utf-8"))
    for field in ("title", "doc_number", "signer", "urgency", "classification", "recipients"):
        assert norm_scalar(v(getattr(rec, field))) == norm_scalar(gold.get(field)), field


def test_recipients_behind_a_saved_pages_list_bullet() -> None:
    text = ("  • 索 引 号:006997710/2019-00491\n关于开展统计开放日活动的通知\n  • 2016-09-14 15:19\n"
            "  • 来源:某市统计局\n  • 发布机构:某市统计局\n  • 各区(县)统计局:\n\n    国家统计局决定，于9月20日举办开放日活动。\n")
    rec = run(text)
    assert rec.recipients is not None and rec.recipients.value == "各区(县)统计局"


def test_recipients_below_a_scrap_of_a_split_info_line() -> None:
    text = ("宁国市人民政府办公室关于开展“政府开放日”活动的通知\n发布时间：2019-08-05 来源:市政府办 浏览次数：字\n"
            "体:[]\n各乡、镇人民政府、街道办事处，市政府各部门：\n为深入推进政务公开，现通知如下：\n")
    rec = run(text)
    assert rec.recipients is not None and rec.recipients.value == "各乡、镇人民政府、街道办事处，市政府各部门"
