"""Stores behind one interface (marsad.store.base.SqlStore): SQLite (the embedded default) and
PostgreSQL (a server, for scale)."""
from marsad.store.base import SqlStore, StoreError
from marsad.store.sqlite import SqliteStore


def open_store(url: str = "marsad.db", **kwargs) -> SqlStore:
    """A store from a path (a SQLite file) or a postgresql:// URL (a PostgreSQL database)."""
    if url.startswith(("postgresql://", "postgres://")):
        from marsad.store.postgres import PostgresStore

        return PostgresStore(url, **kwargs)
    return SqliteStore(url, **kwargs)


__all__ = ["SqlStore", "SqliteStore", "StoreError", "open_store"]
