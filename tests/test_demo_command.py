"""The demo-site command: idempotent, groups always, admin and role accounts only in DEBUG.

The first run is the session's shared demo (tests/fixtures/demo.py, built with the test
settings' DEBUG=False); each test runs the command again on it, in its own savepoint."""

import io

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.test import override_settings

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = io.StringIO()
    call_command("build_demo", stdout=out)
    return out.getvalue()


def database_snapshot() -> dict[str, str]:
    """Every row of every table, serialised: equal snapshots mean nothing changed."""
    return {
        model._meta.label: serializers.serialize("json", model._default_manager.order_by("pk"))
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def test_second_run_changes_nothing(demo):
    assert "created French home page" in demo
    before = database_snapshot()
    second_output = run_demo()
    assert "nothing changed" in second_output
    assert database_snapshot() == before


@override_settings(DEBUG=True)
def test_dev_admin_created_and_printed_when_debug(demo):
    output = run_demo()
    assert "« admin »" in output and "« changeme »" in output
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("changeme")
    # One account per staff role (SPEC §6), each in its group only, printed too.
    for username, group in [
        ("redaction", "Rédaction"),
        ("communications", "Communications"),
        ("comite", "Comité d'adhésion"),
    ]:
        user = get_user_model().objects.get(username=username)
        assert [g.name for g in user.groups.all()] == [group]
        assert user.check_password("changeme") and not user.is_superuser
        assert f"{group}: user « {username} »" in output
    # How the accounts that need a second factor enrol (consortium.staff.two_factor).
    assert (
        "« admin » and « communications » and « comite » and « services » and "
        "« confidentialite » sign in with a second factor"
    ) in output
    assert "manage.py demo_code <user>" in output
    committee = get_user_model().objects.get(username="comite")
    assert committee.has_perm("membership.review_membershipapplication")
    for username in ("redaction", "communications"):
        user = get_user_model().objects.get(username=username)
        assert user.has_perm("wagtailadmin.access_admin")
        assert not user.has_perm("membership.view_membershipapplication")
    # Idempotent with DEBUG on too: the accounts are not made twice.
    before = database_snapshot()
    assert "nothing changed" in run_demo()
    assert database_snapshot() == before


def test_no_admin_without_debug(demo):
    output = demo
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="admin").exists()
    assert not get_user_model().objects.filter(username="comite").exists()
    assert "changeme" not in output
    # The groups exist in every environment; only the demo accounts are DEBUG's.
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Rédaction",
        "Communications",
        "Comité d'adhésion",
    }


def test_demo_code_prints_the_code_the_sign_in_accepts_in_debug_only(demo, settings):
    """A newcomer signs in as « comite » without an authenticator app (DEBUG only)."""
    from django.core.management.base import CommandError
    from django.test import Client

    settings.DEBUG = True
    run_demo()
    out = io.StringIO()
    call_command("demo_code", "comite", stdout=out)
    code = out.getvalue().strip()
    assert code.isdigit() and len(code) == 6
    client = Client()
    response = client.post("/admin/login/", {"username": "comite", "password": "changeme"})
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/auth")
    assert client.post("/admin/2fa/auth", {"otp_token": code, "next": "/admin/"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("demo_code", "comite", stdout=io.StringIO())
