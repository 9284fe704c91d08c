"""The Spark executor: `marsad run --engine spark`. The driver reads the inputs (the same
readers, the same rejects) and sends the documents to Spark a window at a time; Spark runs the
same steps (clean, extract, search keys, sketch: marsad.run.steps.process) over partitions on
its executors; the results come back in input order and are written as the local executor
writes them. So a Spark run writes exactly what a local run writes.

With a Parquet path, the claims are also written by Spark as a Parquet dataset (one file per
partition, typed columns), for a cluster's own tools.

Local mode (`--spark-master local[N]`, the default `local[*]`) needs only pyspark and Java; on
a cluster, marsad must be installed on the workers (or shipped as a wheel: README, "Spark").
"""
from __future__ import annotations

from itertools import islice
from typing import Iterator

from marsad.model import CLAIM_FIELDS, DATE_FIELDS, GEO_FIELDS, Document, Reject
from marsad.run.local import LocalExecutor
from marsad.run.steps import process

# documents sent to Spark at once: large enough to keep every partition busy, small enough to
# keep the driver's memory flat
WINDOW = 5000


def _process_partition(docs):
    return [process(doc) for doc in docs]


class SparkExecutor(LocalExecutor):
    def __init__(self, store, master: str = "local[*]", partitions: int | None = None, parquet: str | None = None,
                 options=None, on_progress=None, app_name: str = "marsad"):
        super().__init__(store, jobs=1, options=options, on_progress=on_progress)
        import os
        import sys

        from pyspark.sql import SparkSession

        if master.startswith("local"):
            # the workers run this Python (with marsad in it), not the machine's default one
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        self.spark = (SparkSession.builder.master(master).appName(app_name)
                      .config("spark.ui.enabled", "false")
                      .config("spark.python.worker.reuse", "true")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("ERROR")
        self.partitions = partitions or self.spark.sparkContext.defaultParallelism
        self.parquet = parquet
        self._claims: list[dict] = []

    def _map(self, docs: Iterator[Document]) -> Iterator[Document | Reject]:
        sc = self.spark.sparkContext
        while True:
            window = list(islice(docs, WINDOW))
            if not window:
                break
            # parallelize keeps the order of its list across partitions, and collect gives
            # the partitions back in order: the results come in input order
            results = sc.parallelize(window, min(self.partitions, len(window))).mapPartitions(_process_partition).collect()
            for result in results:
                if self.parquet and not isinstance(result, Reject):
                    self._claims += [c.to_dict() for c in result.claims]
                yield result
            if self.parquet:
                self._write_parquet(append=True)

    def _write_parquet(self, append: bool) -> None:
        if not self._claims:
            return
        from pyspark.sql.types import (BooleanType, DoubleType, IntegerType, LongType, StringType, StructField,
                                       StructType)

        types = {"low": LongType(), "high": LongType(), "start": LongType(), "end": LongType(),
                 "cumulative": BooleanType(), "lat": DoubleType(), "lon": DoubleType(), "geo_precision": IntegerType(),
                 "place_ambiguous": BooleanType(), "time_precision": IntegerType()}
        columns = CLAIM_FIELDS + GEO_FIELDS + DATE_FIELDS
        schema = StructType([StructField(f, types.get(f, StringType()), True) for f in columns])
        rows = [tuple(c.get(f) for f in columns) for c in self._claims]
        self.spark.createDataFrame(rows, schema).write.mode("append").parquet(self.parquet)
        self._claims = []

    def stop(self) -> None:
        self.spark.stop()
