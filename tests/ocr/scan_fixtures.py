"""Texts and the renderer for the OCR tests (a uniquely named module: importable from tests).

Short notices, one per look, so each renders to a single page and the
real-OCR tests stay fast; the renderer is scripts/render_scans.py, loaded
by path because scripts/ is not a package.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]

REDHEAD = """
洞口县政务公开政务服务领导小组办公室文件
洞政开〔2023〕1号
洞口县2023年“政务公开主题日”活动实施方案
各乡镇人民政府，县直各单位：
为更好发挥政务公开促落实、强监管、优服务的积极作用，进一步提高公开的含金量、覆盖面、参与度，现就组织开展我县2023年“政务公开主题日”活动制定本实施方案。
一、工作目标
围绕贯彻落实全国“两会”精神和市政府工作报告，聚焦社会关切和企业群众关注的事项，组织开展“政务公开主题日”活动。
二、工作要求
各单位要根据职责分工，精心组织公开内容，制定具体活动方案，认真开展好各项主体活动，务求取得实效。
洞口县政务公开政务服务领导小组
2023年4月6日
"""

TELEGRAM = """
喀左县发电
发电单位：喀左县人民政府办公室
签批盖章：徐广强
等级 特提 密级 喀政办传(2018)11号
序号 11
喀左县人民政府办公室关于组织开展政务公开日活动的通知
各乡镇、街、区，县政府各部门：
为贯彻落实上级文件精神，不断推进政务公开，县政府决定从5月9日至15日在全县范围内组织开展一系列政务公开宣传活动。
联系人：杨清会
电话：4878216
"""

TABLE = """
洞口县2023年“政务公开主题日”活动计划表
序号\t活动主题\t活动形式\t责任单位\t计划开展时间
1\t“强化依法治水，携手共护母亲河”世界水日主题活动\t政策发布、有奖问答比赛等\t县水利局\t4月
2\t优化经济环境、提振消费信心\t现场宣传\t县市监局\t4月
3\t法治政府示范创建宣传\t问卷调查\t县司法局\t5月
4\t乡镇自来水水价调整听证\t实地调研、座谈交流\t县发改局\t6月
"""


def load_renderer() -> ModuleType:
    name = "render_scans"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "render_scans.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod
