"""The rate-limit counters' table (consortium.caching.ratelimit_store): Django's cache-table
layout, made by ``createcachetable`` so that it matches the backend exactly."""

from django.core.management import call_command
from django.db import migrations

TABLE = "consortium_ratelimit"


def create_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("consortium", "0004_editorial_review_task")]

    operations = [migrations.RunPython(create_table, drop_table)]
