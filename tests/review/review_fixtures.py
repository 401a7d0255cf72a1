"""Archives for the review tests and the screenshot script: a real scanned page, a text notice.

The scan is page 1 of the sample archive's 003 scan (a red-header 公文 at
200 dpi, deskewed by the OCR stage: its boxes are pixels of the normalised
image).  Where the sample is absent it is rendered with
``scripts/render_scans.py`` (which needs a CJK font).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCANS = ROOT / "data" / "raw" / "scans"
SAMPLE_SCAN = SCANS / "003_dc3fc68f31723263.pdf"

NOTICE = """喀左县人民政府办公室关于组织开展第十二届“5·15政务公开日”活动的通知

各乡镇人民政府，县政府各部门：

请各单位于5月13日前上报活动方案，5月20日前上报活动总结。

联系人：杨清会

联系电话：4878216

喀左县人民政府办公室

2018年5月8日
"""

REDHEAD = """
洞口县政务公开政务服务领导小组办公室文件
洞政开〔2023〕1号
洞口县2023年“政务公开主题日”活动实施方案
各乡镇人民政府，县直各单位：
为更好发挥政务公开促落实、强监管、优服务的积极作用，现就组织开展我县2023年“政务公开主题日”活动制定本实施方案。
洞口县政务公开政务服务领导小组
2023年4月6日
"""


def pdf_pages(sources: list[tuple[Path, list[int]]], target: Path) -> Path:
    """A new PDF of the given (file, 0-based page indexes), in order."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for path, pages in sources:
        src = pdfium.PdfDocument(str(path))
        out.import_pages(src, pages)
        src.close()
    out.save(str(target))
    out.close()
    return target


def _renderer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("render_scans", ROOT / "scripts" / "render_scans.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_scans", mod)
    spec.loader.exec_module(mod)
    return mod


def one_page_scan(target: Path) -> Path:
    """An image-only one-page PDF: the sample scan's first page, else a freshly rendered one."""
    if SAMPLE_SCAN.exists():
        return pdf_pages([(SAMPLE_SCAN, [0])], target)
    rs = _renderer()
    pages = rs.render_document(REDHEAD, "redhead", seed=3, max_pages=1)  # raises FontMissing without fonts
    return Path(rs.save(pages, target.parent, target.stem, fmt="pdf", look="redhead"))


def archive(root: Path) -> Path:
    """``root/in`` with ``scan.pdf`` (OCR) and ``notice.txt``."""
    src = root / "in"
    src.mkdir(parents=True, exist_ok=True)
    one_page_scan(src / "scan.pdf")
    (src / "notice.txt").write_text(NOTICE, encoding="utf-8")
    return src
