"""Stores behind one interface: SQLite (the embedded default)."""
from marsad.store.sqlite import SqliteStore, StoreError


def open_store(url: str = "marsad.db", **kwargs) -> SqliteStore:
    """A store from a path (SQLite file)."""
    if url.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL is not supported yet: give a path to a SQLite file")
    return SqliteStore(url, **kwargs)


__all__ = ["SqliteStore", "StoreError", "open_store"]
