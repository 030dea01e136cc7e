"""Emptying the test database with DELETE instead of TRUNCATE (PostgreSQL).

After every transactional test (the browser, live-server and production-server tests),
Django empties every table with one ``TRUNCATE a, b, … CASCADE``. On PostgreSQL that costs
about half a second with our ~200 tables, whatever they hold: TRUNCATE gives each table,
and each of its indexes, a new file. A transactional test leaves a few hundred rows, and
``DELETE FROM`` on a table with no or few rows costs microseconds. So the test suite's
flush deletes instead, every table in one batch with the foreign keys checked at the end
of the transaction (``SET CONSTRAINTS ALL DEFERRED``: Django's foreign keys are
``DEFERRABLE INITIALLY DEFERRED``), which empties the same tables TRUNCATE … CASCADE
would. ``reset_sequences`` still goes to Django (it needs ``RESTART IDENTITY``).

The guard: ``install()`` refuses to patch when Django's statement is no longer the
TRUNCATE this replaces, and tests/test_fast_flush.py checks that a flush empties every
table, a row pointing at another included.
"""

from django.db.backends.postgresql.operations import DatabaseOperations

_django_sql_flush = DatabaseOperations.sql_flush


def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or not tables:
        return _django_sql_flush(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    # Table names from Django's introspection, quoted: no input reaches this statement.
    deletes = " ".join(f"DELETE FROM {self.quote_name(table)};" for table in tables)  # noqa: S608
    return [f"SET CONSTRAINTS ALL DEFERRED; {deletes}"]


def install():
    """Patch Django's PostgreSQL flush for this test process (idempotent)."""
    if DatabaseOperations.sql_flush is sql_flush:
        return
    from django.core.management.color import no_style

    probe = _django_sql_flush(DatabaseOperations(None), no_style(), ["t"], allow_cascade=True)
    if probe != ['TRUNCATE "t" CASCADE;']:
        raise RuntimeError(
            f"Django's PostgreSQL flush changed ({probe!r}): review tests/fast_flush.py"
        )
    DatabaseOperations.sql_flush = sql_flush
