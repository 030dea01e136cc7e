"""A copy of every row of the test database, taken once and put back in a second.

``build_demo`` takes tens of seconds (most of it wagtail-localize making the English
pages); a run needs its result in many places: the read-only tests in one transaction,
and, committed, the browser and the production servers. The demo is built once per run
(tests/fixtures/demo.py) and copied here; each place then loads the copy.

The copy keeps primary keys, content types included (loaded first, so the rows that point
at them agree), and full datetimes (Django's fixture JSON cuts microseconds). Loading
empties every table but the migration record first, saves the rows raw (no signals' side
effects: search and reference indexes come from the copy), then resets PostgreSQL's
sequences and the process's caches (content types read again, the others emptied).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.cache import caches
from django.core.management.color import no_style
from django.db import connection, transaction

NOT_COPIED = {"sessions.Session"}


def copied_models() -> list:
    """Every concrete model with a table, content types first."""
    models = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.label not in NOT_COPIED
    ]
    return sorted(models, key=lambda model: model is not ContentType)


def take_copy() -> list[dict]:
    """Every row, as Django's "python" serialisation (picklable, datetimes intact)."""
    rows = []
    for model in copied_models():
        rows.extend(serializers.serialize("python", model._base_manager.order_by("pk")))
    return rows


def empty_tables():
    """Delete every row but the migration record (TRUNCATE … CASCADE on PostgreSQL)."""
    tables = [
        table
        for table in connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        if table != "django_migrations"
    ]
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    )


def load_copy(rows: list[dict]):
    """Replace the database's rows by ``rows`` (in the current transaction, if any)."""
    with transaction.atomic():
        empty_tables()
        deferred = []
        for item in serializers.deserialize("python", rows, handle_forward_references=True):
            item.save()
            if item.deferred_fields:
                deferred.append(item)
        for item in deferred:
            item.save_deferred_fields()
        models = copied_models()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    reset_caches()


def reset_caches():
    """The process's caches as a long-running server has them after the load: Django's
    content types read again (one query; a server keeps them for its whole life, and a
    query count measured right after a load must not include them), every cache emptied."""
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models())
    for cache in caches.all():
        cache.clear()
