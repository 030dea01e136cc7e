"""SPEC §3: /healthz answers 200 with a tiny JSON body, 503 when the database is down."""

import json

import pytest

from tests.processes import run_python

pytestmark = pytest.mark.django_db

PROBE = """
import django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(response.status_code, response.content.decode())
"""


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert len(response.content) < 100


def test_healthz_503_when_the_database_does_not_answer(tmp_path):
    """A real unreachable database (a SQLite file in a folder that does not exist)."""
    result = run_python(
        PROBE,
        "consortium.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path}/missing-folder/db.sqlite3",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"status": "unavailable", "database": "down"}
