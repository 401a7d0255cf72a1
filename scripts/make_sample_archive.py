"""Build the sample archive ``data/raw`` from the development seeds.

The seeds are plain-text exports of real notices.  The pipeline must also
read the formats those notices were published in, so three seeds are
re-typeset, keeping their file stems so results can be compared with the
text originals:

* 003 (red-header 公文 plan with an activity table) → an A4 PDF with a real
  text layer (reportlab, built-in CID font STSong-Light, so no font files),
  wrapped paragraphs, "— N —" page numbers and a ruled table;
* 002 (a web page saved as text, site chrome included) → a GBK-encoded
  government-site HTML page with the chrome put back where it came from
  (nav, breadcrumb, counters, share buttons, footer, remote script/img);
* 000 (a 明传电报 telegram) → a .docx whose 登记表 is a Word table with
  merged cells.

The five seed .txt files are copied unchanged.  The PDF is checked with
pdfplumber after writing: the script fails if the Chinese text does not
come back out.  Output is small (tens of KB) and deterministic for the PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import shutil
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]

PDF_SEED = "003_dc3fc68f31723263"
HTML_SEED = "002_a9cb70ae14b79793"
DOCX_SEED = "000_467d550c347d98ed"

_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_NEW_PARA = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|附件|注[:：])"
)
_SENTENCE_END = "。：:；;！？!?”"


def seed_lines(path: Path) -> list[str]:
    """Non-blank lines; tabs are kept at the ends because an empty first/last cell is still a cell."""
    return [ln.strip(" \u3000\xa0\r") for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]


def body_paragraphs(lines: list[str]) -> list[str]:
    """Re-join paragraphs the text export cut at the original page breaks.

    A line continues the previous one when that one is a full printed line
    (short lines are headings or "联系人：…" fields) stopping mid-sentence,
    and this one does not start a heading or list item.
    """
    paras: list[str] = []
    for ln in lines:
        prev = paras[-1] if paras else ""
        if len(prev) >= 20 and prev[-1] not in _SENTENCE_END and not _NEW_PARA.match(ln):
            paras[-1] += ln
        else:
            paras.append(ln)
    return paras


# ---------------------------------------------------------------- PDF (seed 003)


def _pdf_text(text: str) -> str:
    """Text safe for a reportlab Paragraph in STSong-Light.

    The font's UniGB-UCS2-H CMap has no U+00B7 (·), so reportlab would drop
    it; GB2312's middle dot is U+30FB there, and text extraction maps that
    glyph back to U+00B7, so the round trip stays exact.
    """
    return escape(text.replace("·", "\u30fb"))


def make_pdf(seed: Path, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        Flowable,
        HRFlowable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    base = ParagraphStyle("body", fontName=font, fontSize=14, leading=25, wordWrap="CJK")
    body = ParagraphStyle("p", parent=base, firstLineIndent=28, alignment=TA_JUSTIFY)
    heading = ParagraphStyle("h", parent=base, firstLineIndent=28)
    red = ParagraphStyle(
        "red", parent=base, fontSize=21, leading=34, alignment=TA_CENTER, textColor=colors.red
    )
    center = ParagraphStyle("c", parent=base, alignment=TA_CENTER)
    title = ParagraphStyle("t", parent=base, fontSize=18, leading=30, alignment=TA_CENTER, spaceBefore=12)
    right = ParagraphStyle("r", parent=base, alignment=TA_RIGHT, rightIndent=28)
    cell = ParagraphStyle("cell", parent=base, fontSize=10.5, leading=14)

    lines = seed_lines(seed)
    table_rows = [ln.split("\t") for ln in lines if "\t" in ln]
    text = [ln for ln in lines if "\t" not in ln]
    header_row = table_rows[0]
    table_rows = [header_row] + [r for r in table_rows[1:] if r != header_row]  # re-typeset: one header
    attach = next(i for i, ln in enumerate(text) if ln.startswith(("附件：", "附件:")))
    date_at = next(i for i, ln in enumerate(text) if _DATE_LINE.match(ln))

    story: list[Flowable] = [
        Paragraph(_pdf_text(text[0]), red),
        Spacer(1, 10),
        Paragraph(_pdf_text(text[1]), center),
        HRFlowable(width="100%", thickness=2, color=colors.red, spaceBefore=4, spaceAfter=14),
        Paragraph(_pdf_text(text[2]), title),
        Spacer(1, 8),
    ]
    for para in body_paragraphs(text[3:attach]):
        style = heading if re.match(r"^[一二三四五六七八九十]+、", para) else body
        story.append(Paragraph(_pdf_text(para), style))
    story += [Spacer(1, 14), Paragraph(_pdf_text(text[attach]), body), Spacer(1, 30)]
    for ln in text[attach + 1 : date_at + 1]:
        story.append(Paragraph(_pdf_text(ln), right))
    story.append(PageBreak())
    rest = text[date_at + 1 :]
    story.append(Paragraph(_pdf_text(rest[0]), base))  # 附件
    for ln in rest[1:]:
        story.append(Paragraph(_pdf_text(ln), title))
    story.append(Spacer(1, 10))
    data = [[Paragraph(_pdf_text(c), cell) for c in row] for row in table_rows]
    widths = [30 * 1.0, 150, 90, 100, 67]
    grid = Table(data, colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), font),
            ]
        )
    )
    story.append(grid)

    def page_number(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(font, 12)
        canvas.drawCentredString(A4[0] / 2, 18 * mm, f"— {doc.page} —")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        title=text[2],
        author=text[0],
        invariant=1,
    )
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)
    check_pdf(out, text, table_rows)


def _compact(s: str) -> str:
    return "".join(s.split())


def check_pdf(path: Path, text_lines: list[str], table_rows: list[list[str]]) -> None:
    """Fail unless pdfplumber gives back every text line and every table row."""
    import pdfplumber

    flow = ""
    rows: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            tables = page.find_tables()
            boxes = [t.bbox for t in tables]

            def outside(obj: dict, boxes: list = boxes) -> bool:  # type: ignore[type-arg]
                x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            text = page.filter(outside).extract_text() or ""
            flow += "".join(ln for ln in text.split("\n") if not re.fullmatch(r"—\s*\d+\s*—", ln.strip()))
            for t in tables:
                rows += [[_compact(c or "") for c in r] for r in t.extract()]
    flow = _compact(flow)
    missing = [ln for ln in text_lines if _compact(ln) not in flow]
    want = [[_compact(c) for c in r] for r in table_rows]
    got = [r for r in rows if r != want[0]]
    if missing or got != want[1:]:
        raise SystemExit(
            f"PDF round trip failed: {len(missing)} lines missing, e.g. {missing[:2]}; table ok={got == want[1:]}"
        )


# ---------------------------------------------------------------- HTML (seed 002)

_CSS = """body{margin:0;font:14px/1.8 "Microsoft YaHei",SimSun,sans-serif;color:#333}
.topbar{background:#f2f2f2;font-size:12px}.nav ul{list-style:none;margin:0;padding:0;background:#c00}
.nav li{display:inline-block;padding:0 18px}.nav a{color:#fff}.wrap{width:1000px;margin:0 auto}
.article h1{text-align:center;font-size:22px}.article-info{text-align:center;color:#888;font-size:12px}
.article-content p{text-indent:2em;margin:0}.share-bar,.article-tools{text-align:right;font-size:12px}
.footer{background:#eee;text-align:center;font-size:12px}"""


def _html_p(line: str) -> str:
    """One seed line as a paragraph; indentation means right-aligned (signature, date)."""
    if not line.strip():
        return "<p>&nbsp;</p>"
    text = html.escape(line.strip()).replace("\xa0", "&nbsp;")
    text = re.sub(r" {2,}", lambda m: "&nbsp;" * len(m.group()), text)
    if line.startswith("   "):
        return f'<p style="text-align:right">{text}</p>'
    return f"<p>{text}</p>"


def _find(lines: list[str], pred: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if lines[i].strip().startswith(pred):
            return i
    raise SystemExit(f"seed {HTML_SEED}: no line starting with {pred!r}")


def make_html(seed: Path, out: Path) -> None:
    raw = seed.read_text(encoding="utf-8").split("\n")
    info_at = _find(raw, "浏览")
    title = raw[info_at - 1].strip()
    column = raw[info_at - 2].strip()
    footer_links_at = _find(raw, "政府信息公开", info_at + 1)
    footer_at = _find(raw, "主办单位", footer_links_at)
    today = raw[0].split()[0]
    views = re.search(r"\d+", raw[info_at]).group()  # type: ignore[union-attr]
    date = re.search(r"时间[:：]\s*(\S+)", raw[info_at]).group(1)  # type: ignore[union-attr]
    body = [ln for ln in raw[info_at + 1 : footer_links_at]]
    while body and not body[0].strip():
        body.pop(0)
    links = [ln.strip() for ln in raw[footer_links_at:footer_at] if ln.strip() and ln.strip() != "+"]
    footer = raw[footer_at].strip()
    parts = dict(re.findall(r"(主办单位|联系方式|网站标识码|ICP备案)[:：]\s*(\S+)", footer))
    police = re.search(r"\S*公网安备\S*", footer)
    site = "望花区人民政府"

    doc = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}_{site}</title>
<link rel="stylesheet" href="http://www.whq.gov.cn/css/common.css">
<script type="text/javascript" src="http://www.whq.gov.cn/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript">
var _hmt = _hmt || [];
(function() {{ var hm = document.createElement("script"); hm.src = "http://hm.example.invalid/hm.js";
  document.getElementsByTagName("head")[0].appendChild(hm); }})();
function showViews(n) {{ document.getElementById("views").innerHTML = "浏览次数：" + n; }}
</script>
<style type="text/css">
{_CSS}
</style>
</head>
<body>
<div class="topbar"><div class="wrap">{html.escape(today)} 星期四
 <span class="fr"><a href="javascript:void(0)" onclick="AddFavorite()">加入收藏</a> |
 <a href="javascript:void(0)" onclick="SetHome(this)">设为首页</a> | <a href="#">二维码</a></span></div></div>
<div class="header wrap"><a href="http://www.whq.gov.cn/"><img src="http://www.whq.gov.cn/images/logo.png" alt="{site}"></a>
 <div class="search"><form action="http://www.whq.gov.cn/search" method="get"><input name="q" type="text"><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul class="wrap">
 <li><a href="http://www.whq.gov.cn/">首页</a></li><li><a href="#">政务公开</a></li>
 <li><a href="#">{html.escape(column)}</a></li>{"".join(f'<li><a href="#">{html.escape(x)}</a></li>' for x in links[:3])}
</ul></div>
<div class="wrap">
 <div class="location">当前位置：<a href="http://www.whq.gov.cn/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">{html.escape(column)}</a></div>
 <div class="article">
  <h1 class="article-title">{html.escape(title)}</h1>
  <div class="article-info">发布时间：{html.escape(date)}&nbsp;&nbsp;来源：{site}办公室&nbsp;&nbsp;<span id="views">浏览次数：{views}</span>
   <span class="font-size">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
  <div class="article-content" id="zoom">
{chr(10).join("   " + _html_p(ln) for ln in body)}
   <p style="text-align:center"><img src="http://www.whq.gov.cn/uploads/2022/05/qrcode.jpg" width="120" alt=""></p>
  </div>
  <div class="share-bar">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
  <div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
 </div>
 <div class="related"><h3>相关链接</h3><ul>{"".join(f'<li><a href="#">{html.escape(x)}</a></li>' for x in links)}</ul></div>
</div>
<div class="footer">
 <p>主办单位：{html.escape(parts.get("主办单位", site))}&nbsp;&nbsp;联系电话：{html.escape(parts.get("联系方式", ""))}</p>
 <p>Copyright All right reserved. 网站标识码：{html.escape(parts.get("网站标识码", ""))}</p>
 <p>{html.escape(parts.get("ICP备案", ""))}&nbsp;&nbsp;{html.escape(police.group() if police else "")}&nbsp;&nbsp;<a href="#">网站地图</a></p>
</div>
<script type="text/javascript">showViews({views}); document.write("<span>访问统计</span>");</script>
</body>
</html>
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(doc.encode("gbk"))


# ---------------------------------------------------------------- DOCX (seed 000)


def _set_east_asian_font(run_or_style: object, name: str) -> None:
    """Word picks the Chinese font from rFonts/@w:eastAsia, which python-docx has no setter for."""
    from docx.oxml.ns import qn

    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    rfonts.set(qn("w:eastAsia"), name)


def _merge_plan(rows: list[list[str]]) -> Iterator[tuple[int, int, int, int]]:
    """Merged ranges (r0, c0, r1, c1) the 登记表 had: row labels down, blank write-in areas across."""
    for r, row in enumerate(rows):
        if row[0] and r + 1 < len(rows) and not rows[r + 1][0]:
            end = r + 1
            while end + 1 < len(rows) and not rows[end + 1][0]:
                end += 1
            yield r, 0, end, 0
        filled = [c for c, v in enumerate(row) if v]
        last = filled[-1] if filled else 0
        if len(row) - 1 - last >= 2:
            start = last + 1 if last == 0 else last
            yield r, start, r, len(row) - 1


def make_docx(seed: Path, out: Path) -> None:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, RGBColor

    lines = seed_lines(seed)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    _set_east_asian_font(normal, "仿宋_GB2312")
    section = document.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE

    def para(
        text: str, align: WD_ALIGN_PARAGRAPH | None = None, size: float | None = None, red: bool = False
    ) -> None:
        p = document.add_paragraph()
        if align is not None:
            p.alignment = align
        run = p.add_run(text)
        if size:
            run.font.size = Pt(size)
        if red:
            run.font.color.rgb = RGBColor(0xFF, 0, 0)
            run.bold = True

    title_at = next(i for i, ln in enumerate(lines) if ln.endswith("的通知"))
    attach_at = next(i for i, ln in enumerate(lines) if ln.startswith(("附件：", "附件:")))
    date_at = next(i for i, ln in enumerate(lines) if _DATE_LINE.match(ln))
    para(lines[0], WD_ALIGN_PARAGRAPH.CENTER, 26, red=True)
    for ln in lines[1:title_at]:
        para(ln)
    para(lines[title_at], WD_ALIGN_PARAGRAPH.CENTER, 22)
    for text in body_paragraphs(lines[title_at + 1 : attach_at]):
        para(text)
    for ln in lines[attach_at : date_at - 1]:
        para(ln)
    para(lines[date_at - 1], WD_ALIGN_PARAGRAPH.RIGHT)
    para(lines[date_at], WD_ALIGN_PARAGRAPH.RIGHT)

    rest = lines[date_at + 1 :]
    i = 0
    while i < len(rest):
        ln = rest[i]
        if re.fullmatch(r"附件\s*\d+", ln):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            para(ln)
        elif "\t" in ln:
            block = []
            while i < len(rest) and "\t" in rest[i]:
                block.append(rest[i].split("\t"))
                i += 1
            width = max(len(r) for r in block)
            block = [r + [""] * (width - len(r)) for r in block]
            table = document.add_table(rows=len(block), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(block):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            for r0, c0, r1, c1 in _merge_plan(block):
                table.cell(r0, c0).merge(table.cell(r1, c1))
            continue
        elif ln == "年 月 日":
            para(ln, WD_ALIGN_PARAGRAPH.RIGHT)
        elif i > 0 and re.fullmatch(r"附件\s*\d+", rest[i - 1]):
            para(ln, WD_ALIGN_PARAGRAPH.CENTER, 20)
        else:
            para(ln)
        i += 1
    props = document.core_properties
    props.title = lines[title_at]
    props.author = props.last_modified_by = "喀左县人民政府办公室"
    props.created = props.modified = dt.datetime(2018, 5, 8, 9, 0, 0)
    buf = io.BytesIO()
    document.save(buf)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_stable_zip(buf.getvalue()))


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed member timestamps, so regenerating does not change the file."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=(2018, 5, 8, 9, 0, 0))
            dst.writestr(member, src.read(info), compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / ".." / "shared" / "dev" / "seeds")
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "raw")
    args = parser.parse_args(argv)
    seeds: Path = args.seeds.resolve()
    out: Path = args.out
    txts = sorted(seeds.glob("*.txt"))
    if not txts:
        print(f"no seed .txt files in {seeds}", file=sys.stderr)
        return 1
    (out / "txt").mkdir(parents=True, exist_ok=True)
    for src in txts:
        shutil.copyfile(src, out / "txt" / src.name)
    made = [
        (make_pdf, seeds / f"{PDF_SEED}.txt", out / "pdf" / f"{PDF_SEED}.pdf"),
        (make_html, seeds / f"{HTML_SEED}.txt", out / "html" / f"{HTML_SEED}.html"),
        (make_docx, seeds / f"{DOCX_SEED}.txt", out / "docx" / f"{DOCX_SEED}.docx"),
    ]
    for build, src, dst in made:
        build(src, dst)
        print(f"{dst}  {dst.stat().st_size:,} bytes")
    print(f"{len(txts)} seed .txt files copied to {out / 'txt'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
