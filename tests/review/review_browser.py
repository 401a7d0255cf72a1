"""Headless Debian Chromium for the review tests and the screenshot script.

Why Selenium with the system chromedriver: the browser and its driver come
from Debian (``apt-get install chromium chromium-driver``); nothing is
downloaded at run time.  Passing the driver's path keeps Selenium Manager
from looking for (and fetching) one.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER_CANDIDATES = ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--lang=zh-CN")


def _first(paths: tuple[str, ...]) -> str | None:
    return next((p for p in paths if Path(p).exists()), None)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install selenium)"
    if _first(CHROMIUM_CANDIDATES) is None:
        return "chromium is not installed (apt-get install chromium)"
    if _first(DRIVER_CANDIDATES) is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1440, height: int = 1000) -> Iterator[Any]:
    """A fresh headless Chromium (own profile directory, removed afterwards)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="review-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = _first(CHROMIUM_CANDIDATES) or ""
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(executable_path=_first(DRIVER_CANDIDATES)), options=opts)
    try:
        driver.set_page_load_timeout(60)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def running_server(data_dir: Path, **config: Any) -> Iterator[Any]:
    """The review server on a free loopback port, served from a thread."""
    from pipeline.review.server import ReviewConfig, make_server

    server = make_server(ReviewConfig(data_dir, port=0, quiet=True, **config))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def wait_for(driver: Any, script: str, timeout: float = 30.0) -> Any:
    """Poll a JavaScript expression until it is truthy; returns its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(f"return {script}"))
