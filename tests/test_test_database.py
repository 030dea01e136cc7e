"""The run's test databases (tests/fixtures/database.py): under pytest-xdist on PostgreSQL
every worker's database has the migrations of the run's template, migrated once; the
private helper of pytest-django the fixture calls is still there (a guard: when upstream
renames it, this fails rather than the run's set-up)."""

import inspect

import psycopg
import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tests.fixtures.database import _server, template_name

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_pytest_django_still_has_the_helper_the_fixture_calls():
    from pytest_django.fixtures import _get_databases_for_setup

    assert list(inspect.signature(_get_databases_for_setup).parameters) == ["items"]


def test_each_worker_database_has_the_migrations_of_the_runs_template(worker_id, tmp_path_factory):
    applied = set(MigrationRecorder.Migration.objects.values_list("app", "name"))
    assert ("assembly", "0001_initial") in applied
    if worker_id == "master":  # one process: pytest-django's own set-up, no template
        return
    shared = tmp_path_factory.getbasetemp().parent
    assert (shared / "test-database.template").read_text() == template_name(shared)
    with psycopg.connect(
        _server(connection.settings_dict).rsplit("/", 1)[0] + "/" + template_name(shared)
    ) as template:
        in_template = set(template.execute("SELECT app, name FROM django_migrations").fetchall())
    assert in_template == applied
