"""The Spark executor in local mode (a real Spark session; Java and pyspark): on the same input
it writes exactly the claims the local executor writes, and the Parquet dataset Spark writes
holds them."""
import gzip

import pandas as pd
from click.testing import CliRunner

from conftest import rows, shared_path

from marsad.cli import main


def test_spark_writes_what_the_local_executor_writes(tmp_path, stores):
    path = tmp_path / "part.jsonl.gz"
    with gzip.open(shared_path("corpus", "saudinewsnet.jsonl.gz"), "rt", encoding="utf-8") as f, \
            gzip.open(path, "wt", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i >= 600:
                break
            out.write(line)
        out.write("{not json}\n")                  # a reject, the same way
    runner = CliRunner()
    local_db, spark_db = stores.new_url("local"), stores.new_url("spark")  # (SQLite files, then PostgreSQL)
    local = runner.invoke(main, ["run", str(path), "--db", local_db, "--no-progress"])
    spark = runner.invoke(main, ["run", str(path), "--db", spark_db, "--no-progress",
                                 "--engine", "spark", "--spark-master", "local[2]", "--parquet", str(tmp_path / "pq")])
    assert local.exit_code == 0 and spark.exit_code == 0, spark.output

    dump = rows
    claims = 'SELECT doc, kind, low, high, qualifier, grp, source, stance, place, quote, start, "end", date_start FROM claims ORDER BY id'
    assert dump(local_db, claims) == dump(spark_db, claims) != []
    for sql in ("SELECT id, content_hash FROM documents ORDER BY rowid", "SELECT reason, locator FROM rejects ORDER BY id",
                "SELECT doc, actor, change, place, start FROM control ORDER BY id",
                "SELECT count(*) FROM events"):
        assert dump(local_db, sql) == dump(spark_db, sql)
    parquet = pd.read_parquet(tmp_path / "pq")
    assert len(parquet) == len(dump(spark_db, claims))
    assert sorted(zip(parquet["doc"], parquet["start"])) == sorted(
        (d, s) for d, s in dump(spark_db, "SELECT doc, start FROM claims"))
