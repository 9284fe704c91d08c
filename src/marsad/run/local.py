"""The local executor: reads inputs, runs the steps in this process or on local cores,
writes to the store, counts everything."""
from __future__ import annotations

import multiprocessing as mp
import time
from itertools import islice
from typing import Callable, Iterable, Iterator

from marsad.model import Document, Reject
from marsad.read import ReadOptions, read_inputs
from marsad.run.steps import RunCounts, process, warm_up
from marsad.store.base import DocumentNotStored


WINDOW_PER_JOB = 256  # documents in flight per worker


class LocalExecutor:
    def __init__(self, store, jobs: int = 1, options: ReadOptions | None = None,
                 on_progress: Callable[[RunCounts], None] | None = None):
        self.store = store
        self.jobs = max(1, jobs)
        self.options = options or ReadOptions()
        self.on_progress = on_progress

    def run(self, inputs: list[str]) -> tuple[int, RunCounts]:
        store = self.store
        counts = RunCounts()
        run_id = store.begin_run(list(inputs))
        started = time.perf_counter()
        status = "done"
        try:
            todo = self._todo(read_inputs(inputs, self.options), run_id, counts)
            for result in self._map(todo):
                if isinstance(result, Reject):
                    self._reject(result, run_id, counts)
                    continue
                self._write(result, run_id, counts)
                if self.on_progress and counts.documents % 200 == 0:
                    counts.seconds = time.perf_counter() - started
                    self.on_progress(counts)
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        except BaseException:
            status = "failed"
            raise
        finally:
            counts.seconds = time.perf_counter() - started
            store.finish_run(run_id, counts.to_dict(), status)
        return run_id, counts

    def _todo(self, records: Iterable[Document | Reject], run_id: int, counts: RunCounts) -> Iterator:
        for record in records:
            counts.records += 1
            if isinstance(record, Reject):
                self._reject(record, run_id, counts)
                continue
            counts.documents += 1
            if self.store.status(record, run_id) == "unchanged":
                counts.unchanged += 1  # read before: no work, nothing added
                continue
            yield record

    def _map(self, docs: Iterator[Document]) -> Iterator[Document | Reject]:
        if self.jobs == 1:
            for doc in docs:
                yield process(doc)
            return
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        if ctx.get_start_method() == "fork":
            warm_up()
        with ctx.Pool(self.jobs) as pool:
            # Pool.imap would read the whole input ahead of the workers: feed it a bounded
            # window at a time so that memory stays flat. imap keeps input order, so a run
            # on N cores writes what a run on one writes.
            while True:
                window = list(islice(docs, WINDOW_PER_JOB * self.jobs))
                if not window:
                    return
                yield from pool.imap(process, window, chunksize=16)

    def _write(self, doc: Document, run_id: int, counts: RunCounts) -> None:
        # checked again at write time: with workers, an earlier record of the same id may
        # have been written after this one was read
        status = self.store.status(doc, run_id)
        if status == "unchanged":
            counts.unchanged += 1
            return
        if status == "duplicate_id":
            self._reject(Reject(doc.origin, "", "duplicate_id",
                                f"another record with id {doc.id!r} and different text was read earlier in this run; "
                                f"this one was not stored (give records unique ids)", doc_id=doc.id), run_id, counts)
            return
        try:
            self.store.write_document(doc, run_id, new=status == "new")
        except DocumentNotStored as e:
            self._reject(Reject(doc.origin or doc.id, "", "store_error", f"{e}; please report it with this document",
                                doc_id=doc.id), run_id, counts)
            return
        if status == "new":
            counts.new += 1
        else:
            counts.updated += 1
        for claim in doc.claims:
            counts.claims[claim.kind] += 1
        for k in doc.control:
            counts.control[k.change] += 1

    def _reject(self, reject: Reject, run_id: int, counts: RunCounts) -> None:
        counts.rejects[reject.reason] += 1
        self.store.write_reject(reject, run_id)
