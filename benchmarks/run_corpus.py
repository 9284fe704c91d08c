"""Throughput and peak memory of `marsad run` over a corpus, then of linking its claims.

    python benchmarks/run_corpus.py [CORPUS] [--jobs N] [--repeat K] [--store sqlite|postgresql]

Runs `marsad run CORPUS --db <fresh file> --no-link` in a child process and reports wall
time, documents/s and the child's peak resident memory (ru_maxrss); then `marsad link` on
the store it built (every claim into events), with its wall time and peak memory. CORPUS defaults to
../shared/corpus/saudinewsnet.jsonl.gz. --repeat K feeds the corpus K times under
distinct ids (a concatenated copy is written to a temporary file) to show that memory
stays flat as the input grows. --store postgresql loads into a fresh database on the
PostgreSQL server --pg-server (default: the local one on its socket; dropped after), to
compare the load with SQLite's.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpus" / "saudinewsnet.jsonl.gz"


def repeated(corpus: Path, k: int, tmp: str) -> Path:
    out = Path(tmp) / f"x{k}.jsonl.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as w:
        for i in range(k):
            with gzip.open(corpus, "rt", encoding="utf-8") as r:
                for line in r:
                    rec = json.loads(line)
                    rec["id"] = f"{rec['id']}#{i}"
                    w.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return out


@contextmanager
def fresh_store(kind: str, tmp: str, server: str):
    """(the --db of a fresh store, a function giving its size in MB)."""
    if kind == "sqlite":
        db = Path(tmp) / "bench.db"
        yield str(db), lambda: os.path.getsize(db) / 2**20
        return
    import psycopg

    name = f"marsad_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    base = server.rsplit("/", 1)[0]
    try:
        def size():
            with psycopg.connect(server) as con:
                return con.execute("SELECT pg_database_size(%s)", (name,)).fetchone()[0] / 2**20
        yield f"{base}/{name}", size
    finally:
        with psycopg.connect(server, autocommit=True) as con:
            con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT))
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    ap.add_argument("--pg-server", default="postgresql:///postgres")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, fresh_store(args.store, tmp, args.pg_server) as (db, db_mb):
        corpus = Path(args.corpus)
        if args.repeat > 1:
            corpus = repeated(corpus, args.repeat, tmp)
        cmd = [sys.executable, "-m", "marsad.cli", "run", str(corpus), "--db", str(db),
               "--jobs", str(args.jobs), "--no-progress", "--json", "--no-link"]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if out.returncode:
            sys.exit(out.stderr)
        counts = json.loads(out.stdout)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        docs = counts["run"]["documents"]
        # linking, in a child of its own: its peak memory is its own (ru_maxrss of children
        # is their largest, so it is read from /usr/bin/time-like wait4)
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "marsad.cli", "link", "--db", str(db), "--json"],
                                stdout=subprocess.PIPE, text=True)
        _, _, usage = os.wait4(proc.pid, 0)
        link_wall = time.perf_counter() - t0
        linked = json.loads(proc.stdout.read())
        print(json.dumps({
            "corpus": args.corpus, "repeat": args.repeat, "jobs": args.jobs, "store": args.store,
            "documents": docs, "claims": sum(counts["run"]["claims"].values()),
            "rejects": counts["run"]["rejects"],
            "wall_s": round(wall, 1), "docs_per_s": round(docs / wall, 1),
            "peak_rss_mb": round(peak_kb / 1024, 1), "db_mb": round(db_mb(), 1),
            "link_wall_s": round(link_wall, 1), "link_peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "events": linked["events"], "duplicate_documents": linked["duplicate_documents"],
        }, indent=2))


if __name__ == "__main__":
    main()
