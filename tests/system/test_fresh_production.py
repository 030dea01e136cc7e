"""A new PostgreSQL database, with the production settings, is usable after the release
steps of docs/deployment.md: `migrate`, then `setup_site` (run twice: the second changes
nothing). Read back with SQL, as an administrator would check it."""

import subprocess
import uuid

import psycopg
import pytest
from django.db import connection

from tests.processes import production_env, run_manage

pytestmark = pytest.mark.postgres


@pytest.fixture
def new_database():
    """An empty database of its own on the test server (dropped afterwards)."""
    params = connection.settings_dict
    server = (
        f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or '127.0.0.1'}:"
        f"{params['PORT'] or 5432}"
    )
    name = f"consortium_fresh_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    env = production_env(DATABASE_URL=url, WAGTAILADMIN_BASE_URL="https://leconsortium.coop")
    return run_manage(env, *args, timeout=600)


def test_migrate_then_setup_site_makes_a_usable_site(new_database):
    migrated = manage(new_database, "migrate", "--noinput", "-v0")
    assert migrated.returncode == 0, migrated.stderr
    first = manage(new_database, "setup_site")
    assert first.returncode == 0, first.stderr
    # A new database has no office yet: CASL's postal address is asked for, nothing else.
    assert "group Rédaction" in first.stdout
    assert first.stderr.strip() == (
        "an office has no full postal address: the newsletter's emails wait until the "
        "contact settings have one"
    )
    second = manage(new_database, "setup_site")
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == "Site already set up: nothing changed."

    with psycopg.connect(new_database) as database:
        groups = {row[0] for row in database.execute("SELECT name FROM auth_group")}
        workflow = database.execute(
            "SELECT w.name FROM wagtailcore_workflowpage wp"
            " JOIN wagtailcore_workflow w ON w.id = wp.workflow_id"
            " JOIN wagtailcore_page p ON p.id = wp.page_id WHERE p.depth = 1"
        ).fetchall()
        site = database.execute(
            "SELECT hostname, port FROM wagtailcore_site WHERE is_default_site"
        ).fetchone()
        publishers = {
            row[0]
            for row in database.execute(
                "SELECT g.name FROM wagtailcore_grouppagepermission gp"
                " JOIN auth_group g ON g.id = gp.group_id"
                " JOIN auth_permission p ON p.id = gp.permission_id"
                " WHERE p.codename = 'publish_page'"
            )
        }
        locales = {
            row[0] for row in database.execute("SELECT language_code FROM wagtailcore_locale")
        }
    assert groups == {
        "Rédaction",
        "Communications",
        "Comité d'adhésion",
        "Services aux membres",
        "Responsable de la protection des renseignements personnels",
        "Membres",
        "Présidence d'assemblée",
    }
    assert workflow == [("Révision éditoriale",)]
    assert site == ("leconsortium.coop", 443)
    assert publishers == {"Communications"}
    assert locales == {"fr", "en"}
