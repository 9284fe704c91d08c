"""Latency of every page and API call of the dashboard under a bounded load on loopback.

    python benchmarks/dashboard_load.py --db corpus.db [-n 200] [-c 4]
    python benchmarks/dashboard_load.py --db postgresql:///corpus

Starts `marsad serve --db DB` on a free port, then for each URL runs `hey` (Debian's package
`hey`, a load generator) with N requests, C at a time, and prints the p50, p95 and p99
latencies, the requests/s and the non-200 answers. DB should be a store built from the whole
SaudiNewsNet corpus (`marsad run ../shared/corpus/saudinewsnet.jsonl.gz --db corpus.db`), or
a PostgreSQL database built the same way.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

from marsad.store import open_store


def urls(db: str) -> list[str]:
    with open_store(db, readonly=True) as store:
        event = next(store.events(kind="killed", min_sources=3, limit=1))["id"]
        doc = store.event(event)["claims"][0]["doc"]
    word = quote("الحوثيين")
    return ["/", "/map", "/events", f"/events/{event}", "/claims", f"/claims?q={word}&kind=killed",
            f"/documents/{doc}", "/docs", "/api/overview", "/api/claims", f"/api/claims?q={word}&sort=low",
            "/api/claims?kind=killed&country=YE&offset=500", "/api/events", f"/api/events/{event}",
            "/api/map", "/api/map?kind=killed&since=2015-08-01", f"/api/documents/{doc}", f"/api/search?q={word}",
            "/api/control?actor=Houthis", "/api/events.jsonl?country=YE", "/openapi.json"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("-c", type=int, default=4)
    args = ap.parse_args()
    if not shutil.which("hey"):
        sys.exit("needs hey: apt-get install hey")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "marsad.cli", "serve", "--db", args.db, "--port", str(port)],
                              stdout=subprocess.DEVNULL)
    site = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(site + "/api/overview")
                break
            except OSError:
                time.sleep(0.1)
        rows = []
        for url in urls(args.db):
            out = subprocess.run(["hey", "-n", str(args.n), "-c", str(args.c), site + url],
                                 capture_output=True, text=True).stdout
            pct = dict(re.findall(r"(\d+)%\s+in\s+([\d.]+)\s+secs", out))
            codes = dict(re.findall(r"\[(\d+)\]\s+(\d+) responses", out))
            rows.append({"url": url, "p50_ms": round(float(pct["50"]) * 1000, 1), "p95_ms": round(float(pct["95"]) * 1000, 1),
                         "p99_ms": round(float(pct["99"]) * 1000, 1),
                         "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                         "non_200": sum(int(n) for c, n in codes.items() if c != "200")})
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
        worst = max(rows, key=lambda r: r["p95_ms"])
        worst99 = max(rows, key=lambda r: r["p99_ms"])
        print(f"worst p95: {worst['p95_ms']} ms ({worst['url']}); worst p99: {worst99['p99_ms']} ms "
              f"({worst99['url']}); requests: {len(rows) * args.n}; non-200 answers: {sum(r['non_200'] for r in rows)}")
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
