"""Headless Debian Chromium, driven by playwright's sync API, against pytest-django's live server.

Never `playwright install`: the browser is the system's /usr/bin/chromium. Without it the
browser tests are skipped with a reason, not passed; with REGIE_REQUIRE_BROWSER=1 (CI sets it)
they fail instead, so CI cannot go green without its browser test.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("REGIE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def unavailable(reason: str):
    """Skip, or fail where the browser is required."""
    if os.environ.get("REGIE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; REGIE_REQUIRE_BROWSER=1 requires it", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def browser(monkeypatch):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        unavailable(f"browser test needs Chromium at {CHROMIUM} (Debian: apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        unavailable("browser test needs the playwright package")
    # playwright's sync API runs an event loop in this thread; the ORM calls of the test are still sync.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    # Let every request finish before the live server and the test database are torn down.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    context.close()
