"""Web pages: the article, without the site around it, read fully offline."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from pipeline.ingest.base import ReaderError
from pipeline.ingest.html import HtmlReader, is_noise_line

BODY = [
    "各镇街，区政府各部门：",
    "按照《辽宁省人民政府办公厅关于开展第十六届“5·15政务公开日”活动的通知》精神，现将活动方案印发给你们，请认真组织实施。",
    "联系电话：024-56888071",
]
TITLE = "关于印发2022年望花区“5·15政务公开日”活动方案的通知"

PAGE = f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{TITLE}_望花区人民政府</title>
<script src="http://www.example.gov.cn/js/jquery.js"></script>
<script>var tip = "脚本里的中文不应出现"; document.write("统计代码");</script>
<style>.nav{{color:red}} /* 样式注释 */</style>
</head><body>
<div class="topbar">今天是：2024-11-21 星期四 <a>加入收藏</a> | <a>设为首页</a></div>
<div class="header"><img src="http://www.example.gov.cn/logo.png" alt="望花区人民政府"></div>
<div id="nav"><ul><li>首页</li><li>政务公开</li><li>5.15系列活动</li></ul></div>
<div class="position">您现在的位置：首页 &gt; 政务公开 &gt; 5.15系列活动</div>
<div class="article">
  <h1>{TITLE}</h1>
  <div class="info">发布时间：2022-05-12 来源：区政府办公室 浏览次数：9699</div>
  <div class="article-content" id="zoom">
    {"".join(f"<p>{t}</p>" for t in BODY)}
    <p>&nbsp;</p>
    <p><img src="http://www.example.gov.cn/upload/photo.jpg"></p>
    <p style="text-align:right">望花区人民政府办公室<br>2022年5月7日</p>
  </div>
  <div class="bdshare">分享到：微信 微博</div>
  <div class="print-close">【打印本页】【关闭窗口】</div>
</div>
<div class="footer">主办单位：抚顺市望花区政府 联系电话：024-56888071 辽ICP备13005445号-1</div>
<script>showViews(9699);</script>
</body></html>"""

NOISE = [
    "加入收藏",
    "首页",
    "您现在的位置",
    "浏览次数",
    "发布时间",
    "来源",
    "分享到",
    "打印本页",
    "主办单位",
    "ICP备",
]


def read_lines(html: str, encoding: str = "gbk") -> list[str]:
    pages = HtmlReader().read(Path("page.html"), html.encode(encoding))
    assert len(pages) == 1
    return [ln.text for ln in pages[0].lines]


def test_main_content_keeps_article_and_drops_site_chrome() -> None:
    lines = read_lines(PAGE)
    assert lines == [TITLE, *BODY, "望花区人民政府办公室", "2022年5月7日"]
    text = "\n".join(lines)
    for word in NOISE:
        assert word not in text


def test_reading_is_offline_and_scripts_are_not_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = "\n".join(read_lines(PAGE))
    assert "脚本" not in text and "统计代码" not in text and "showViews" not in text
    assert "样式注释" not in text and "http" not in text


def test_declared_charset_wrong_falls_back_to_gb18030() -> None:
    mislabelled = PAGE.replace("charset=gb2312", "charset=utf-8")
    assert read_lines(mislabelled, "gbk")[0] == TITLE


def test_utf8_page_without_meta_reads() -> None:
    assert read_lines(PAGE.replace("charset=gb2312", ""), "utf-8")[0] == TITLE


def test_title_from_head_when_article_has_none() -> None:
    page = f"<html><head><title>{TITLE} - 望花区人民政府</title></head><body>" + (
        f"<div class='TRS_Editor'>{''.join(f'<p>{t}</p>' for t in BODY)}</div></body></html>"
    )
    assert read_lines(page, "utf-8") == [TITLE, *BODY]


def test_without_content_class_the_text_heavy_block_wins() -> None:
    paras = "".join(f"<div><p>{t}</p></div>" for t in BODY)
    page = (
        "<html><body><div class='x1'><a>首页</a><a>机构概况</a><a>政务公开</a><a>办事服务</a></div>"
        f"<div class='x2'>{paras}</div><div class='x3'>网站地图 | 联系我们</div></body></html>"
    )
    assert read_lines(page, "utf-8") == BODY


def test_whole_page_form_wrapper_is_not_dropped() -> None:
    page = f"<html><body><form id='form1'><div id='content'>{''.join(f'<p>{t}</p>' for t in BODY)}</div></form></body></html>"
    assert read_lines(page, "utf-8") == BODY


def test_data_table_rows_become_tab_lines_and_page_tables() -> None:
    table = (
        "<table border='1'><tr><th>序号</th><th>活动主题</th><th>责任单位</th></tr>"
        "<tr><td>1</td><td>法治政府示范<br>创建宣传</td><td rowspan='2'>县司法局</td></tr>"
        "<tr><td>2</td><td>信访工作条例宣传</td></tr>"
        "<tr><td colspan='2'>合计</td><td>2项</td></tr></table>"
    )
    page = f"<html><body><div class='content'><p>{BODY[1]}</p>{table}<p>{BODY[0]}</p></div></body></html>"
    pages = HtmlReader().read(Path("t.html"), page.encode())
    lines = [ln.text for ln in pages[0].lines]
    rows = [
        ["序号", "活动主题", "责任单位"],
        ["1", "法治政府示范创建宣传", "县司法局"],
        ["2", "信访工作条例宣传", ""],
        ["合计", "", "2项"],
    ]
    assert lines == [BODY[1], *("\t".join(r) for r in rows), BODY[0]]
    assert pages[0].tables == [rows]


def test_layout_table_is_read_as_blocks_not_rows() -> None:
    page = (
        "<html><body><table><tr><td><table><tr><td>导航</td></tr></table></td></tr>"
        f"<tr><td>{''.join(f'<p>{t}</p>' for t in BODY)}</td></tr></table></body></html>"
    )
    pages = HtmlReader().read(Path("t.html"), page.encode())
    assert pages[0].tables == []
    assert [ln.text for ln in pages[0].lines][-3:] == BODY


def test_source_line_breaks_inside_chinese_are_not_spaces() -> None:
    page = "<html><body><div class='content'><p>各镇街，区政府\n    各部门：Copy\nright-free text</p></div></body></html>"
    assert read_lines(page, "utf-8") == ["各镇街，区政府各部门：Copy right-free text"]


def test_page_without_text_is_an_error() -> None:
    with pytest.raises(ReaderError):
        HtmlReader().read(
            Path("t.html"), b"<html><body><script>var a = 1;</script><img src='x.png'></body></html>"
        )


@pytest.mark.parametrize(
    "line",
    ["浏览:9699次'时间:2022年5月12日", "分享到：", "【打印本页】【关闭窗口】", "字号：大 中 小", "当前位置：首页 > 政务公开",
     "网站地图", "辽ICP备13005445号-1", "辽公网安备21040402000001号", "版权所有：望花区人民政府", "Copyright © 2022",
     "技术支持：某公司", "加入收藏 | 设为首页", "网站标识码：2104040001", "来源：区政府办公室", "发布时间：2022-05-12",
     "主办单位：抚顺市望花区政府 联系电话：024-56888071"],
)  # fmt: skip
def test_noise_lines(line: str) -> None:
    assert is_noise_line(line)


@pytest.mark.parametrize(
    "line", [*BODY, "活动时间:5月15日至5月20日", "牵头单位:区营商局", "主办单位负责做好活动组织工作。"]
)
def test_document_lines_are_not_noise(line: str) -> None:
    assert not is_noise_line(line)


def test_without_head_title_a_nav_heading_is_not_taken_for_the_title() -> None:
    page = (
        "<html><body><div class='sidebar'><h2>相关链接列表</h2></div>"
        f"<div class='content'><h1>{TITLE}</h1>{''.join(f'<p>{t}</p>' for t in BODY)}</div></body></html>"
    )
    assert read_lines(page, "utf-8") == [TITLE, *BODY]
