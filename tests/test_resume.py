"""A long run killed with SIGKILL at random moments (reading, writing, linking), again and
again, then run to its end: after every kill the store is whole (a document and its claims are
written in one transaction, events in one), and at the end nothing is duplicated, nothing is
lost, and what was finished was not redone. On a SQLite file and on PostgreSQL."""
import gzip
import json
import random
import signal
import subprocess
import sys
import time

from conftest import rows, shared_path


def corpus(path, n=8000):
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f, \
            gzip.open(path, "wt", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= n:
                break
            out.write(line)


def made(db) -> bool:
    """Whether the store and its tables exist (a run killed at its start made none)."""
    try:
        rows(db, "SELECT count(*) FROM events")
        return True
    except Exception:
        return False


def run(db, path, kill_after=None):
    """Run marsad; with kill_after, SIGKILL it that many seconds after it started (if it has
    not finished by then)."""
    cmd = [sys.executable, "-m", "marsad.cli", "run", str(path), "--db", str(db), "--no-progress", "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if kill_after is None:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        return json.loads(out)
    try:
        proc.wait(kill_after)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return None


def snapshot(db):
    return {
        # (sorted here: the order of equal keys is the database's own)
        "docs": sorted(rows(db, "SELECT id, content_hash FROM documents")),
        "claims": sorted(rows(db, 'SELECT doc, kind, low, high, start, "end" FROM claims'), key=repr),
        "dup_docs": rows(db, "SELECT count(*) - count(DISTINCT id) FROM documents")[0][0],
        "orphans": rows(db, "SELECT count(*) FROM claims WHERE doc_rowid NOT IN (SELECT rowid FROM documents)")[0][0],
        "unlinked": rows(db, "SELECT count(*) FROM claims WHERE id NOT IN (SELECT claim_id FROM event_claims)")[0][0],
        # what a transaction cut short could leave: claims, control claims, event rows and
        # search entries of no document or event; events of no claim
        "broken": sum(rows(db, sql)[0][0] for sql in (
            "SELECT count(*) FROM control WHERE doc_rowid NOT IN (SELECT rowid FROM documents)",
            "SELECT count(*) FROM event_claims WHERE claim_id NOT IN (SELECT id FROM claims)"
            " OR event_id NOT IN (SELECT id FROM events)",
            "SELECT count(*) FROM event_figures WHERE event_id NOT IN (SELECT id FROM events)",
            "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM event_claims)",
        )),
    }


def test_a_run_killed_at_random_moments_resumes_without_loss_or_duplicates(tmp_path, stores):
    path = tmp_path / "part.jsonl.gz"
    corpus(path, n=6000)
    clean = stores.new_url("clean")
    started = time.perf_counter()
    run(clean, path)
    took = time.perf_counter() - started          # (the start, reading, writing and linking)
    killed = stores.new_url("killed")
    rng = random.Random(20261204)
    kills = [rng.uniform(0.3, took) for _ in range(5)]
    for after in kills:                           # (a batch of 2,000 documents is one transaction)
        run(killed, path, kill_after=after)
        if not made(killed):
            continue
        partial = snapshot(killed)
        assert partial["dup_docs"] == partial["orphans"] == partial["broken"] == 0, (after, partial)
    counts = run(killed, path)
    assert counts["run"]["unchanged"] > 0          # what was finished is not redone
    after, want = snapshot(killed), snapshot(clean)
    assert after["docs"] == want["docs"] and after["claims"] == want["claims"]
    assert after["dup_docs"] == after["orphans"] == after["unlinked"] == after["broken"] == 0
