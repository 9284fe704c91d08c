"""The dashboard's app and JSON API (marsad.web), through FastAPI's test client, over a store
built from real articles (tests/web_store.py)."""
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from marsad.web.app import create_app, segments
from web_store import XSS


@pytest.fixture(scope="module")
def client(web_store_url):
    return TestClient(create_app(web_store_url))


def test_pages_and_api_answer(client):
    for url in ("/", "/map", "/events", "/claims", "/docs", "/openapi.json", "/api/overview", "/api/claims",
                "/api/events", "/api/map", "/api/control", "/?lang=en"):
        r = client.get(url)
        assert r.status_code == 200, url
    assert client.get("/?lang=en").cookies.get("lang") == "en"
    assert 'dir="ltr"' in client.get("/?lang=en").text and 'dir="rtl"' in client.get("/?lang=ar").text
    spec = client.get("/openapi.json").json()
    assert {"/api/claims", "/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/map",
            "/api/overview", "/api/search", "/api/control", "/api/claims.csv", "/api/events.jsonl"} <= set(spec["paths"])


def test_claims_filter_sort_search_and_page(client):
    everything = client.get("/api/claims", params={"limit": 500}).json()
    killed = client.get("/api/claims", params={"kind": "killed", "sort": "low", "order": "desc", "limit": 20}).json()
    assert 0 < killed["total"] < everything["total"]
    lows = [c["low"] for c in killed["claims"] if c["low"] is not None]
    assert all(c["kind"] == "killed" for c in killed["claims"]) and lows == sorted(lows, reverse=True)
    second = client.get("/api/claims", params={"kind": "killed", "sort": "low", "order": "desc", "limit": 20,
                                               "offset": 20}).json()
    assert not {(c["doc"], c["start"]) for c in killed["claims"]} & {(c["doc"], c["start"]) for c in second["claims"]}
    # full-text search in any hamza form: a word written with أ found written with ا
    hit = next(c for c in everything["claims"] if "أ" in (c["title"] or ""))
    word = next(w for w in hit["title"].split() if "أ" in w and len(w) > 3)
    found = client.get("/api/claims", params={"q": word.replace("أ", "ا"), "limit": 500}).json()
    assert hit["doc"] in {c["doc"] for c in found["claims"]}
    csv = client.get("/api/claims.csv", params={"kind": "killed"})
    assert csv.status_code == 200 and csv.text.splitlines()[0].startswith("doc,kind,low,high")
    assert len(csv.text.splitlines()) == killed["total"] + 1


def test_events_and_an_event(client):
    events = client.get("/api/events", params={"limit": 200}).json()["events"]
    multi = next(e for e in events if e["n_reports"] > 1)
    one = client.get(f"/api/events/{multi['id']}").json()
    assert len({c["doc"] for c in one["claims"]}) > 1 and all(f["sources"] for f in one["figures"])
    page = client.get(f"/events/{multi['id']}").text
    assert all(s["quote"] in page or "&" in s["quote"] for f in one["figures"] for s in f["sources"])
    assert client.get("/api/events/999999").status_code == 404
    points = client.get("/api/map", params={"kind": "killed"}).json()["features"]
    assert points and all(f["properties"]["kind"] == "killed" for f in points)
    civilians = client.get("/api/map", params={"group": "civilians"}).json()["features"]
    assert 0 < len(civilians) < len(client.get("/api/map").json()["features"])
    sohr = {f["properties"]["id"] for f in client.get("/api/map", params={"source": "SOHR"}).json()["features"]}
    assert sohr and all(any(c["source"] == "SOHR" for c in client.get(f"/api/events/{i}").json()["claims"])
                        for i in list(sohr)[:5])
    assert client.get("/api/events.jsonl", params={"kind": "killed"}).text.count("\n") >= 1


def test_article_text_is_escaped_and_highlights_sit_on_quotes(client):
    r = client.get("/documents/xss-test")
    assert r.status_code == 200
    assert XSS not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<img src=x" not in r.text and "javascript:alert" not in r.text.split("<body>")[1].split('class="url"')[0]
    doc = client.get("/api/documents/xss-test").json()
    assert doc["claims"] and all(doc["raw"][c["start"]:c["end"]] == c["quote"] for c in doc["claims"])
    listed = client.get("/claims", params={"q": "حاجز إدلب"}).text
    assert XSS not in listed
    assert "Content-Security-Policy" in r.headers and "default-src 'self'" in r.headers["Content-Security-Policy"]


def test_segments_cut_the_text_at_the_claims():
    class C:
        def __init__(self, s, e):
            self.start, self.end = s, e
    raw = "0123456789"
    assert segments(raw, [C(2, 4), C(3, 6), C(8, 9)]) == [("01", None), ("23", 0), ("45", 1), ("67", None),
                                                          ("8", 2), ("9", None)]


def test_hostile_parameters_are_refused_or_harmless(client):
    for q in ("' OR 1=1 --", "\"; DROP TABLE claims; --", "الحوثي' UNION SELECT * FROM documents --", "*", "NEAR(", "\"\""):
        for url in ("/api/claims", "/api/events", "/claims", "/events"):
            r = client.get(url, params={"q": q})
            assert r.status_code == 200, (url, q)
        assert client.get("/api/search", params={"q": q}).status_code == 200
    for bad in ({"sort": "c.low; DROP TABLE claims"}, {"kind": "' OR 1=1"}, {"since": "2015-13"},
                {"limit": 100000}, {"offset": -1}, {"q": "ا" * 500}, {"country": "SYR"}):
        r = client.get("/api/claims", params=bad)
        assert r.status_code == 422 and "Traceback" not in r.text, bad
    assert client.get("/api/claims").json()["total"] > 0  # the store is untouched
    for path in ("/static/../../store/sqlite.py", "/static/..%2f..%2fapp.py", "/static/%2e%2e/%2e%2e/cli.py"):
        assert client.get(path).status_code in (400, 404), path
    assert client.get("/documents/" + "x" * 500).status_code in (404, 414, 422)
    assert client.get("/api/claims?q=" + "a" * 5000).status_code in (414, 422)


# what an attacker sends: SQL, script, markup, traversal, template and format strings, NUL,
# lone surrogate escapes, overlong text, numbers out of range
ATTACKS = ["' OR 1=1 --", "\"; DROP TABLE claims; --", "1; SELECT pg_sleep(5)", "') UNION SELECT * FROM documents --",
           "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "../../etc/passwd",
           "..%2f..%2f", "{{7*7}}", "%s%s%s%n", "\x00", "%00", "\ud800", "NEAR(", "*", "-1", "99999999999999999999",
           "ا" * 300, "a" * 5000]


def _routes(app):
    """Every GET route of the app (API and pages) with its path and query parameters."""
    from fastapi.routing import APIRoute

    for route in app.routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            yield (route.path, [p.name for p in route.dependant.path_params],
                   [p.alias for p in route.dependant.query_params])


def test_every_route_and_parameter_under_attack(client):
    """Each attack in each query parameter of each route, and in each path parameter: never a
    server error nor a trace, script never echoed unescaped in a page, the store untouched."""
    before = client.get("/api/overview").json()["counts"]
    tried = 0
    for path, path_params, query_params in _routes(client.app):
        base = path
        for name in path_params:
            base = base.replace("{" + name + "}", "1")
        for value in ATTACKS:
            urls = [(base, {q: value}) for q in query_params]
            urls += [(path.replace("{" + name + "}", quote(value, safe="", errors="backslashreplace")), {})
                     for name in path_params]
            for url, params in urls:
                try:
                    r = client.get(url, params=params)
                except UnicodeEncodeError:
                    continue  # (a lone surrogate cannot even be sent)
                tried += 1
                assert r.status_code < 500, (url, params, r.status_code, r.text[:200])
                assert "Traceback" not in r.text and 'File "' not in r.text, (url, params)
                if r.headers.get("content-type", "").startswith("text/html"):
                    assert "<script>alert(1)</script>" not in r.text and "<img src=x onerror" not in r.text, (url, params)
                if len(str(params.get(next(iter(params), ""), ""))) > 1000 or len(url) > 1000:
                    assert 400 <= r.status_code < 500, (url, r.status_code)   # oversized: refused
    assert tried > 500
    assert client.get("/api/overview").json()["counts"] == before      # nothing written, nothing dropped
