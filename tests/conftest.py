import contextlib
import gzip
import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SAMPLES = ROOT / "samples" / "articles"


def shared_path(*parts) -> Path:
    """A file under ../shared; the test fails in CI when it is missing, skips elsewhere."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing: CI needs ../shared (the corpus and gold files)")
        pytest.skip(f"{path} is missing")
    return path


def snn_records_by_id(ids) -> dict[str, dict]:
    """The SaudiNewsNet records (id, date, title, text ...) with these ids (all of them must be there)."""
    wanted, records = set(ids), {}
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in wanted:
                records[rec["id"]] = rec
    assert len(records) == len(wanted), f"{len(wanted) - len(records)} records missing from the corpus"
    return records


def snn_texts(ids) -> dict[str, str]:
    """The texts of the SaudiNewsNet records with these ids (all of them must be there)."""
    return {k: r["text"] for k, r in snn_records_by_id(ids).items()}


@pytest.fixture
def raqqa_path() -> Path:
    return shared_path("corpus", "raqqa-qposts.txt")


@pytest.fixture
def snn_path() -> Path:
    return shared_path("corpus", "saudinewsnet.jsonl.gz")


@pytest.fixture
def snn_records(snn_path) -> list[dict]:
    out = []
    with gzip.open(snn_path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) == 50:
                break
    return out


# Stores: the tests that take `store_url` run against a SQLite file and against a PostgreSQL
# database, each made for the test. The server is MARSAD_TEST_PG (a postgresql:// URL of a
# database the tests may connect to and create databases from), else the local one on its
# Unix socket; the README's test command starts it.
PG_URL = os.environ.get("MARSAD_TEST_PG", "postgresql:///postgres")


def pg_server() -> str:
    """The URL of the test PostgreSQL server's maintenance database; the test fails in CI
    where there is none, and skips elsewhere."""
    import psycopg

    try:
        psycopg.connect(PG_URL, connect_timeout=5).close()
    except psycopg.Error as e:
        if os.environ.get("CI"):
            pytest.fail(f"no PostgreSQL server at {PG_URL} ({e}): CI must start one (README, test command)")
        pytest.skip(f"no PostgreSQL server at {PG_URL}")
    return PG_URL


@contextlib.contextmanager
def fresh_pg_database():
    """A new PostgreSQL database on the test server: its URL; dropped after."""
    import uuid
    from urllib.parse import urlsplit

    import psycopg

    server = pg_server()
    name = f"marsad_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    url = urlsplit(server)
    try:
        yield f"{url.scheme}://{url.netloc}/{name}" + (f"?{url.query}" if url.query else "")
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class StoreFactory:
    """Fresh stores of one kind for a test: new_url() gives the place of another (a SQLite
    file in the test's folder, or a new PostgreSQL database)."""

    def __init__(self, kind: str, folder: Path):
        self.kind, self.folder, self._stack = kind, folder, contextlib.ExitStack()

    def new_url(self, name: str = "marsad") -> str:
        if self.kind == "sqlite":
            return str(self.folder / f"{name}.db")
        return self._stack.enter_context(fresh_pg_database())

    def close(self):
        self._stack.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def stores(request, tmp_path):
    """Stores for a test that runs on SQLite, then on PostgreSQL (conftest.StoreFactory)."""
    factory = StoreFactory(request.param, tmp_path)
    yield factory
    factory.close()


@pytest.fixture
def store_url(stores):
    """Where a test's store is: a SQLite file, then a PostgreSQL database."""
    return stores.new_url()


def rows(url: str, sql: str) -> list[tuple]:
    """What a query of a store gives, as tuples (the store opened read-only)."""
    from marsad.store import open_store

    store = open_store(str(url), readonly=True)
    try:
        return [tuple(r) for r in store.db.execute(sql).fetchall()]
    finally:
        store.db.close()


@pytest.fixture(scope="session")
def session_stack():
    """What lives as long as the test session (the web tests' PostgreSQL database)."""
    with contextlib.ExitStack() as stack:
        yield stack


_WEB_STORES: dict[str, str] = {}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def web_store_url(request, tmp_path_factory, session_stack):
    """The store of tests/web_store.py, a SQLite file then a PostgreSQL database, each built
    once a session."""
    from web_store import build

    kind = request.param
    if kind not in _WEB_STORES:
        folder = tmp_path_factory.mktemp(f"web-{kind}")
        url = str(folder / "web.db") if kind == "sqlite" else session_stack.enter_context(fresh_pg_database())
        _WEB_STORES[kind] = build(url, folder)
    return _WEB_STORES[kind]


@pytest.fixture
def pg_database():
    """A fresh PostgreSQL database for one test: its URL; dropped after."""
    with fresh_pg_database() as url:
        yield url
