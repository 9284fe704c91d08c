"""A long run killed with SIGKILL and run again: the store is whole (a document and its claims
are written in one transaction), nothing is duplicated, nothing is lost, and what was
finished is not redone."""
import gzip
import json
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


def stored(db) -> int:
    try:
        return rows(db, "SELECT count(*) FROM documents")[0][0]
    except Exception:  # (no store yet, or no table yet)
        return 0


def run(db, path, kill_at=None):
    """Run marsad; with kill_at, SIGKILL it once the store holds that many documents (and a
    moment more, to land inside the next batch)."""
    cmd = [sys.executable, "-m", "marsad.cli", "run", str(path), "--db", str(db), "--no-progress", "--json"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if kill_at is None:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        return json.loads(out)
    while proc.poll() is None and stored(db) < kill_at:
        time.sleep(0.05)
    time.sleep(0.7)
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
    }


def test_a_killed_run_resumes_without_loss_or_duplicates(tmp_path, stores):
    path = tmp_path / "part.jsonl.gz"
    corpus(path)
    clean = stores.new_url("clean")
    run(clean, path)
    killed = stores.new_url("killed")
    for at in (2000, 4000):  # killed twice, inside a batch (2,000 documents are committed at once)
        run(killed, path, kill_at=at)
        partial = snapshot(killed)
        assert partial["dup_docs"] == 0 and partial["orphans"] == 0  # whole transactions only
    counts = run(killed, path)
    assert counts["run"]["unchanged"] > 0          # what was finished is not redone
    after, want = snapshot(killed), snapshot(clean)
    assert after["docs"] == want["docs"] and after["claims"] == want["claims"]
    assert after["dup_docs"] == after["orphans"] == after["unlinked"] == 0
