"""What the production database must offer the site (runs on PostgreSQL only)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_database_is_postgresql_with_french_and_english_search_configurations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config WHERE cfgname IN ('french', 'english')")
        names = {row[0] for row in cursor.fetchall()}
    assert connection.vendor == "postgresql"
    assert names == {"french", "english"}


def test_french_stemming_matches_plural_and_singular():
    """The search of later issues relies on this: « coopératives » finds « coopérative »."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('french', %s) @@ plainto_tsquery('french', %s)",
            ["Une coopérative de solidarité", "coopératives"],
        )
        assert cursor.fetchone()[0] is True


def test_healthz_on_postgresql(client):
    assert client.get("/healthz").json() == {"status": "ok", "database": "ok"}


def test_demo_site_builds_on_postgresql(client, demo):
    """The session's shared demo (tests/fixtures/demo.py) is built on this database."""
    assert "created French home page" in demo
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200
