"""What contacts look like: labels, phone and e-mail shapes, personal names.

Shared by the label-driven reader (:mod:`contacts`) and the table reader
(:mod:`contact_tables`).  All patterns run on ``Source.norm`` (half-width,
simplified), so ``（0411）``, ``０４１１`` and ``＠`` read like their ASCII forms.
"""

from __future__ import annotations

import re

_S = r"[ \t]*"
NAME_LABEL = re.compile(rf"联{_S}系{_S}人(?:员)?(?:及{_S}(?:联系)?(?:电话|方式))?")
PHONE_LABEL = re.compile(
    rf"(?:(?:联系|办公|咨询|报名|值班|服务|监督|举报|投诉){_S})?电{_S}话(?:号码)?|联系方式|手{_S}机(?:号码?)?|"
    rf"座{_S}机|固{_S}话|(?<![A-Za-z])(?:Tel|TEL|tel)\b|拨{_S}打|致{_S}电"
)
"""A phone's label, or a call verb before the number (请拨打0795-…报名): the number is a
contact's even without 联系电话 (a label without a number nearby is not used)."""
FAX_LABEL = re.compile(rf"传{_S}真")
EMAIL_LABEL = re.compile(rf"(?:电子)?邮{_S}箱|电子信箱|(?<![A-Za-z])[Ee]-?mail|邮件地址")
LABEL_TAIL = re.compile(rf"{_S}(?:[/(、及和]{_S}传{_S}真{_S}\)?)?{_S}(?:号码)?{_S}[:：]?{_S}")

MOBILE = r"1[3-9]\d(?:[ -]?\d{4}){2}"
_EXT = r"(?:[ \t]?(?:转|-|—)[ \t]?\d{1,4})?"
LANDLINE = rf"(?:\(0\d{{2,3}}\)[ \t]?|0\d{{2,3}}[ \t]?[-—－]?[ \t]?)?[2-9]\d{{6,7}}{_EXT}"
SHORT_LANDLINE = rf"(?:\(0\d{{2,3}}\)[ \t]?|0\d{{2,3}}[ \t]?[-—－][ \t]?)[2-9]\d{{5}}{_EXT}"
"""0795-716120: a six-digit local number (older or county lines), only after an area code."""
HOTLINE = r"[48]00[- ]?(?:\d{3}[- ]?\d{4}|\d{4}[- ]?\d{3})"
PHONE = re.compile(rf"(?<!\d)(?:{MOBILE}|{HOTLINE}|{LANDLINE}|{SHORT_LANDLINE})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
ANNOT = re.compile(r"[ \t]*\((?P<a>[^()\d]{1,6})\)")
SEP = re.compile(r"[ \t]*(?:[、，,;；/]|或|和|及)?[ \t]*")

ORGAN_END = re.compile(
    r"(?:办|局|室|处|委|部|中心|组|委员会|协会|工会|联合会|院|所|站|队|馆|公司|政府|单位|街道|乡|镇|县|市|区|厅|股)$"
)
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
    "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申"
    "欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋"
    "相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯"
    "元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
"""Common single-character surnames: a 联系人 value is a name only if it starts with one
(欧阳/司马 … start with one too), which keeps 报名 / 名额有限 / 办公室 out."""
NOT_NAME = re.compile(r"电话|手机|邮箱|传真|联系|方式|地址|办公|号码|本人|负责|单位|部门")
NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}(?:同志|老师|女士|先生|科长|主任|处长|部长|局长)?")


def is_person(word: str) -> bool:
    """A personal name (杨清会, 欧阳娜娜, 张老师): a common surname first, not an organ or a label word."""
    word = re.sub(r"\s", "", word)
    return (NAME.fullmatch(word) is not None and word[0] in SURNAMES and not ORGAN_END.search(word)
            and not NOT_NAME.search(word))
