"""Ways to take the database away from the code under test, and give it back.

``database_down`` makes every query on the default connection fail with the
OperationalError a missing, unreadable or unreachable database raises, at the
point where a real one fails: executing the query.

``sqlite_locked`` takes a real lock: a second connection to the test's SQLite
database holds an exclusive transaction. The test database is in memory with a
shared cache, where a lock is refused at once instead of after the busy timeout.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import OperationalError, connection


@contextmanager
def database_down(message: str = "unable to open database file") -> Iterator[None]:
    def refuse(execute, sql, params, many, context):
        raise OperationalError(message)

    with connection.execute_wrapper(refuse):
        yield


@contextmanager
def sqlite_locked() -> Iterator[None]:
    assert connection.vendor == "sqlite" and connection.is_in_memory_db()
    holder = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
