"""Screenshots of every page of the dashboard, for the README.

    python docs/screenshots.py --db corpus.db      # a store built from the SaudiNewsNet corpus

Serves the store on loopback, opens each page in headless Chromium (Debian's chromium through
Playwright) and writes docs/screenshots/*.png.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from marsad.store import SqliteStore
from marsad.web.app import create_app

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    args = ap.parse_args()
    with SqliteStore(args.db, readonly=True) as store:
        event = next(e for e in store.events(kind="killed", min_sources=4, limit=200) if "disagreement" in e["flags"])
        doc = store.event(event["id"])["claims"][0]["doc"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    site = f"http://127.0.0.1:{port}"
    pages = {"overview": "/", "map": "/map", "events": "/events?kind=killed&country=YE", "event": f"/events/{event['id']}",
             "claims": "/claims?q=%D8%AA%D8%B9%D8%B2&kind=killed", "reader": f"/documents/{doc}", "overview-en": "/?lang=en",
             "api": "/docs"}
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=["--no-sandbox"])
        for name, path in pages.items():
            page = browser.new_page(viewport={"width": 1280, "height": 860})
            page.goto(site + path, wait_until="networkidle")
            if name == "map":
                page.wait_for_selector("path.event-marker")
            if name == "reader":
                page.locator("mark[data-claim]").first.click()
            page.wait_for_timeout(400)
            page.screenshot(path=str(OUT / f"{name}.png"))
            page.close()
        browser.close()
    server.should_exit = True
    print("\n".join(sorted(str(p) for p in OUT.glob("*.png"))))


if __name__ == "__main__":
    main()
