"""/api/docs/ renders Swagger UI in headless Chromium with every asset served by the app itself."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    # live_server needs a transactional database; serialized_rollback brings back the countries
    # of the data migration that the flush after the test would otherwise leave gone for later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname == "127.0.0.1"


@pytest.fixture
def chromium_page():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_swagger_ui_renders_with_no_request_leaving_the_machine(live_server, chromium_page):
    base = live_server.url.replace("localhost", "127.0.0.1")
    outside: list[str] = []

    def only_local(route):
        # Recorded and refused: a CDN asset would fail here as it does on a machine with no internet.
        if is_local(route.request.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    chromium_page.route("**/*", only_local)
    chromium_page.goto(f"{base}/api/docs/")
    chromium_page.wait_for_selector(".opblock-summary-path", timeout=30_000)

    paths = chromium_page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/meetings/" in paths
    assert outside == []
