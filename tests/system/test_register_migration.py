"""A database built by the code before the members app (its migrations, rows written
through the historical models) migrates forward with every row, link, page, revision,
translation, permission and audit entry intact (issue #31). On PostgreSQL, as production."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.processes import production_env, run_manage
from tests.system.test_fresh_production import new_database  # noqa: F401 - fixture

pytestmark = [pytest.mark.postgres, pytest.mark.system]


def run(url: str, phase: str, stdin: str = "") -> str:
    env = production_env(DATABASE_URL=url)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.register_migration", phase],
        env=env,
        cwd=settings.BASE_DIR,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return result.stdout.strip().splitlines()[-1]


def test_the_register_moves_to_members_without_losing_a_row(new_database):  # noqa: F811
    """Every row written before the move reads back through today's models. (Back to the
    state before the move and forward again — a release rolled back — is proved on the
    whole demo, below.)"""
    written = json.loads(run(new_database, "old"))
    env = production_env(DATABASE_URL=new_database)
    migrated = run_manage(env, "migrate", "--noinput", "-v0", timeout=600)
    assert migrated.returncode == 0, migrated.stderr
    read = json.loads(run(new_database, "new", json.dumps(written)))

    assert read.pop("intro") == "Espace membre: les personnes-ressources des membres"
    assert read.pop("member_of_application") == "Coopérative des Érables"
    assert read == written
    assert len(read["members"]) == 3 and len(read["movements"]) == 3


def copy_database(source: dict, url: str) -> None:
    """Every row and table of the database ``source`` (Django's settings of it) into the
    empty database at ``url`` (pg_dump piped into pg_restore)."""
    env = {**os.environ, "PGPASSWORD": source["PASSWORD"]}
    dump = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "-h",
            source["HOST"] or "127.0.0.1",
            "-p",
            str(source["PORT"] or 5432),
            "-U",
            source["USER"],
            source["NAME"],
        ],
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
    )
    subprocess.run(  # noqa: S603
        ["pg_restore", "--no-owner", "--exit-on-error", "-d", url],  # noqa: S607
        input=dump.stdout,
        capture_output=True,
        check=True,
        timeout=300,
    )


def test_the_whole_demo_goes_back_before_the_move_and_forward_intact(
    committed_demo,
    new_database,  # noqa: F811
):
    """The demo (pages in both languages, revisions, translations, members, contacts, the
    ledger, the member space, groups and their permissions), copied into a database of its
    own, migrated back to the schema before the move and forward again: the same
    fingerprint (``manage.py content_fingerprint``: counts, live pages with their types,
    what each group may do, the home pages as rendered)."""
    copy_database(connection.settings_dict, new_database)
    env = production_env(
        DATABASE_URL=new_database,
        WAGTAILADMIN_BASE_URL="https://leconsortium.coop",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
    )
    before = run_manage(env, "content_fingerprint")
    assert before.returncode == 0, before.stderr
    assert "members.Member: 2" in before.stdout and "members.MemberSpacePage: 2" in before.stdout
    for args in (
        ["migrate", "members", "zero", "--noinput", "-v0"],
        ["migrate", "--noinput", "-v0"],
    ):
        result = run_manage(env, *args, timeout=900)
        assert result.returncode == 0, result.stderr[-4000:]
    after = run_manage(env, "content_fingerprint")
    assert after.stdout == before.stdout
