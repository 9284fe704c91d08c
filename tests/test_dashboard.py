"""The dashboard in a real headless Chromium (Debian's chromium, driven by Playwright), against
`marsad serve`'s app on loopback over a store built from real articles (tests/web_store.py):
every page loads without a console error, the map draws its markers, a search finds an article
by a word in another hamza form, a highlight sits exactly on its quote, and an article whose
text is script shows that text and runs nothing."""
import os
import shutil
import socket
import threading
import time

import pytest
import uvicorn
from playwright.sync_api import sync_playwright

from marsad.web.app import create_app
from web_store import XSS

CHROMIUM = os.environ.get("MARSAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def site(web_store_url):
    db = web_store_url
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM}: CI installs Debian's chromium (.ci/run)")
        pytest.skip("no Chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def open_page(browser, url):
    page = browser.new_page()
    problems, dialogs = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="networkidle")
    return page, problems, dialogs


def test_every_page_loads_without_errors(site, browser):
    page, _, _ = open_page(browser, site + "/events")
    event = page.locator("table.events a").first.get_attribute("href")
    page, _, _ = open_page(browser, site + "/claims")
    doc = page.locator("table.claims a").first.get_attribute("href").split("#")[0]
    for path in ("/", "/map", "/events", event, "/claims", doc, "/docs", "/?lang=en", "/claims?lang=ar"):
        page, problems, _ = open_page(browser, site + path)
        assert problems == [], (path, problems)
        assert page.title().startswith("مرصد") or page.title().startswith("marsad")
        external = page.evaluate("[...document.querySelectorAll('script[src],link[href]')]"
                                 ".map(e => e.src || e.href).filter(u => !u.startsWith(location.origin))")
        assert external == [], (path, external)


def test_the_map_draws_its_markers(site, browser):
    page, problems, _ = open_page(browser, site + "/map")
    page.wait_for_selector("path.event-marker", timeout=10000)
    assert page.locator("path.event-marker").count() > 10
    assert page.locator("path.leaflet-interactive").count() > page.locator("path.event-marker").count()  # borders
    page.select_option("select[name=kind]", "detained")
    page.click("#map-filters button")
    page.wait_for_timeout(500)
    assert 0 < page.locator("path.event-marker").count()
    assert problems == []


def test_search_finds_a_word_in_another_hamza_form(site, browser):
    page, _, _ = open_page(browser, site + "/claims?kind=killed")
    title = next(t for t in page.locator("table.claims small").all_inner_texts() if "أ" in t)
    word = next(w for w in title.split() if "أ" in w and len(w) > 3)
    page, problems, _ = open_page(browser, site + "/claims")
    page.fill("input[name=q]", word.replace("أ", "ا"))
    page.click("form.filters button")
    page.wait_for_load_state("networkidle")
    assert title in page.locator("table.claims small").all_inner_texts()
    assert problems == []


def test_a_highlight_sits_on_its_quote_and_shows_its_claim(site, browser):
    page, _, _ = open_page(browser, site + "/claims?kind=killed")
    href = page.locator("table.claims a").first.get_attribute("href")
    page, problems, _ = open_page(browser, site + href)
    checks = page.evaluate("""() => {
        const claims = JSON.parse(document.getElementById('claims-data').textContent);
        const text = document.getElementById('text').textContent;
        return [...document.querySelectorAll('mark[data-claim]')].map(m => {
            const c = claims[Number(m.dataset.claim)];
            // the mark's text is the raw text at the claim's offsets, and starts there
            let before = 0, n = m;
            const walker = document.createTreeWalker(document.getElementById('text'), NodeFilter.SHOW_TEXT);
            while (walker.nextNode() && !m.contains(walker.currentNode)) before += walker.currentNode.textContent.length;
            return [m.textContent === text.slice(c.start, c.end), before === c.start, c.quote.endsWith(m.textContent)];
        });
    }""")
    assert checks and all(all(c) for c in checks), checks
    page.locator("mark[data-claim]").first.click()
    assert page.locator("#claim-panel").is_visible()
    assert page.locator("#claim-panel dd").last.inner_text() in page.locator("mark[data-claim]").first.inner_text() \
        or page.locator("mark[data-claim]").first.inner_text() in page.locator("#claim-panel dd").last.inner_text()
    assert problems == []


def test_an_article_of_script_shows_its_text_and_runs_nothing(site, browser):
    for path in ("/documents/xss-test", "/claims?q=%D8%AD%D8%A7%D8%AC%D8%B2", "/events?q=%D8%AD%D8%A7%D8%AC%D8%B2"):
        page, problems, dialogs = open_page(browser, site + path)
        page.wait_for_timeout(300)
        assert dialogs == [], (path, dialogs)
        if "/events" not in path:  # (the events list shows no titles)
            assert XSS in page.locator("main").inner_text(), path
        assert page.evaluate("document.querySelectorAll('main script:not([type=\"application/json\"]), main img').length") == 0
        # the article's URL ("javascript:alert(1)//...") is shown as text, never as a link
        assert page.evaluate("document.querySelectorAll('a[href^=\"javascript:\" i]').length") == 0
        assert problems == [], (path, problems)
