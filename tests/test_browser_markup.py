"""A file name or a task line with markdown image syntax is shown as text: the browser fetches nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.servers import stop
from tests.test_browser import ARTIFACTS, CHROMIUM, FLAGS, start  # noqa: F401 - CHROMIUM/FLAGS for skip
from tests.test_browser import pytestmark as _browser_mark

pytestmark = _browser_mark


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    proc, url = start(tmp_path_factory.mktemp("markup"))
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def test_markdown_in_an_upload_name_and_a_task_fetches_nothing(browser, served, listener) -> None:
    url = listener.url
    name = f"x ![i]({url}/i.png).txt"
    task = (f"Bộ Công an chủ trì ![t]({url}/t.png) rà soát [l]({url}/l) <img src=\"{url}/h.png\"> "
            f":red[đỏ] $x^2$ hệ thống")
    text = f"KẾ HOẠCH\nBảo đảm an ninh mạng năm 2025\nII. NHIỆM VỤ\n1. {task}.\n"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{served}/?page={quote('Ai làm gì')}")
    uploader = page.locator("input[type=file]").first
    uploader.wait_for(state="attached", timeout=120_000)
    uploader.set_input_files(files=[{"name": f"y ![e]({url}/e.png).txt", "mimeType": "text/plain",
                                     "buffer": b"   "}])
    page.get_by_text("tệp không có nội dung").first.wait_for(timeout=60_000)
    uploader.set_input_files(files=[{"name": name, "mimeType": "text/plain", "buffer": text.encode()}])
    page.get_by_text(f"Đã thêm {name}").first.wait_for(timeout=180_000)  # the name, shown as text
    page.goto(f"{served}/?page={quote('Mạng lưới')}&q={quote('rà soát')}")
    page.get_by_text("rà soát", exact=False).first.wait_for(timeout=120_000)  # the task found and shown
    page.wait_for_function("window.__pkgDrawn === true", timeout=120_000)
    page.wait_for_timeout(3000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "markup-upload-as-text.png"))
    assert page.locator(f"img[src^='{url}']").count() == 0 and page.locator(f"a[href^='{url}']").count() == 0
    page.close()
    assert listener.hits == [], f"the browser fetched {listener.hits}"
