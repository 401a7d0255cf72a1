"""What the activity readers share: the words that mark activity sections, actions,
requirements, options and descriptor fields, and the candidate an activity is before numbering.

Kept apart from the readers so the outline walk (:mod:`activities`) and the
prose readers (:mod:`activity_prose`) judge an item by the same vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.lines import squash
from pipeline.extract.source import Source
from pipeline.model import Found

ACT_HEAD = re.compile(
    r"活动(?:内容|安排|项目|形式|方式|事项|日程|策划|计划|流程|环节|议程|板块)|(?:主要|具体|重点|系列|主题|开放)活动|"
    r"具体安排|内容安排|日程安排|议程安排|流程安排|开放内容|开放项目|开放安排|参观内容|参观项目|主要内容|"
    r"(?:主题|形式)[及和与]内容|内容[及和与]形式"
)
NON_ACT = re.compile(
    r"要求|保障|措施|目标|步骤|时间|地点|主题|对象|范围|原则|意义|领导|指导思想|注意事项|"
    r"联系|依据|背景|考核|督查|报送|总结|(?<!走)流程|纪律|方法|"  # 局长走流程 is an activity
    r"人员|嘉宾|参与方式|参加方式|报名方式|实施主体|责任主体|准备|筹备"
)
GOAL = re.compile(r"目标|原则|指导思想|总体要求|意义")
"""A section naming goals or principles (活动目标和主要活动) lists aims, never activities."""
ACTION = re.compile(
    r"开展|举办|举行|召开|组织|邀请|参观|观摩|走进|走访|前往|发布|发表|发放|推出|开设|设立|设置|"
    r"宣讲|直播|访谈|座谈|体验|培训|展出|讲解|参加|悬挂|张贴|播放|滚播|展示"
)
"""What an activity does; a long item without any of these is an aim or a purpose statement
(围绕群众关切…，以…为重点，充分呈现…), not an activity."""
MODAL = re.compile(r"(?<![主重需纪摘提简概只])要(?![点素闻求])|务必|必须|应当")
"""What a requirement says units must do (要高度重视 / 务必落实)."""
LONG = 30
OPTIONS = re.compile(
    r"可(?:采取|采用|通过|结合|选择|以|根据)[^。]{0,80}?等[^。]{0,8}?(?:形式|方式|活动)|"
    r"包括但不限于|不限于以下|可(?:参考|参照)以下|供参考|(?:以下|如下)(?:形式|方式)中?(?:任选|选择)|"
    r"可以?(?:采取|采用|选择|参考|参照|通过)(?:以下|如下|下列)[^。\n]{0,6}?(?:形式|方式)"
)
DESCRIPTOR = re.compile(
    r"\s*(?:活动|举办|开展|计划|参与|参加|参会|邀请|报名|会议|座谈)?(?:时间|日期|地点|地址|单位|部门|形式|方式|对象|范围|人员|"
    r"人数|名额|主题|要求|费用|条件|流程|议程|主持人?|须知|内容|说明|备注|情况|目的|意义|方法|办法|措施|原则|依据)\s*[:：]"
)
"""A ``时间：`` / ``参与对象：`` sub-item describes its parent; ``集中宣传：…`` is an activity."""
FIELD = re.compile(
    r"\s*(?P<k>活动时间|举办时间|开展时间|计划时间|活动日期|时间|日期|活动地点|举办地点|地点|地址|"
    r"牵头单位|责任单位|承办单位|主办单位|负责单位|组织单位|牵头部门|责任部门|活动形式|形式|活动方式)"
    r"\s*[:：]\s*(?P<v>.+?)\s*$"
)


@dataclass
class Cand:
    """An activity found before numbering: where it starts and whether it is an option."""

    pos: int
    title: Found[str]
    option: bool = False
    fields: dict[str, str] = field(default_factory=dict)
    table: bool = False


def abstract(sentence: str) -> bool:
    """A sentence that says what to achieve, not what will be done: a long one, or a
    requirement (各单位要高度重视…), with no action verb."""
    if ACTION.search(sentence):
        return False
    return len(re.sub(r"\s", "", sentence)) > LONG or MODAL.search(sentence) is not None


def describes(src: Source, start: int, end: int) -> bool:
    """A field line describing its parent (``时间：``, ``主 持 人：``), spaces inside the label allowed."""
    return DESCRIPTOR.match(squash(src.norm[start:min(end, start + 24)])) is not None
