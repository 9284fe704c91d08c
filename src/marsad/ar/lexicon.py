"""Loading of the language data files under ar/data/. Code reads data; it holds no word lists."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def data_path(name: str):
    return resources.files("marsad.ar") / "data" / name


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a data file: '#' lines are the header and comments, blank lines are skipped."""
    rows = []
    text = data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
