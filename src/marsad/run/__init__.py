"""Executors: they run the steps over inputs and know nothing of what the steps do."""
from marsad.run.local import LocalExecutor
from marsad.run.steps import RunCounts, process

__all__ = ["LocalExecutor", "RunCounts", "process"]
