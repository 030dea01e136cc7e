"""« Demandes d'adhésion » in the admin: who sees it, listing, filters, search, detail,
export, read-only for everyone, and a query count that does not grow with applications."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from consortium.demo import DemoContext
from membership.demo import COMMITTEE_GROUP, ensure_committee_group
from membership.services import submit_application
from membership.tests.test_concurrency import application_data

pytestmark = pytest.mark.django_db

LISTING = "/admin/membership-applications/"


def make_applications(count, start=0):
    return [
        submit_application(application_data(number), language="fr", policy_version="2026-1")
        for number in range(start, start + count)
    ]


@pytest.fixture
def committee(client, django_user_model, site_tree):
    ensure_committee_group(DemoContext())
    user = django_user_model.objects.create_user("comite", password="x")
    user.groups.add(Group.objects.get(name=COMMITTEE_GROUP))
    client.force_login(user)
    return client


@pytest.fixture
def editor(client, django_user_model, site_tree):
    """A staff member who may use the admin but is not on the committee."""
    user = django_user_model.objects.create_user("redaction", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return client


def test_committee_sees_the_listing_with_its_columns(committee):
    first, second = make_applications(2)
    response = committee.get(LISTING)
    assert response.status_code == 200
    content = response.content.decode()
    assert first.reference in content and second.reference in content
    assert "06 Montréal" in content and "Coopérative de travail" in content
    assert "Soumise" in content


def test_filters_and_search(committee):
    applications = make_applications(3)
    from membership.workflow import change_status

    change_status(applications[0], "in-review")
    content = committee.get(LISTING, {"status": "in-review"}).content.decode()
    assert applications[0].reference in content and applications[1].reference not in content
    content = committee.get(LISTING, {"q": applications[2].neq}).content.decode()
    assert applications[2].reference in content and applications[1].reference not in content
    content = committee.get(LISTING, {"q": applications[1].reference}).content.decode()
    assert applications[1].reference in content and applications[2].reference not in content


def test_detail_view_shows_every_field(committee):
    (application,) = make_applications(1)
    response = committee.get(f"{LISTING}inspect/{application.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    for value in (application.reference, application.neq, application.contact_email, "H2X 1Y4"):
        assert value in content


def test_csv_export_has_the_applications_and_no_attachments(committee):
    applications = make_applications(2)
    response = committee.get(LISTING, {"export": "csv"})
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    assert all(application.reference in body for application in applications)
    assert "attachment" not in body.lower() and ".pdf" not in body
    xlsx = committee.get(LISTING, {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_anonymous_and_other_staff_cannot_reach_applications(client, editor, site_tree):
    (application,) = make_applications(1)
    urls = [LISTING, f"{LISTING}inspect/{application.pk}/", f"{LISTING}?export=csv"]
    for url in urls:
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        assert application.reference not in response.content.decode()
    client.logout()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_no_one_adds_edits_or_deletes_applications_here(admin_client, site_tree):
    (application,) = make_applications(1)
    for url in (
        f"{LISTING}new/",
        f"{LISTING}edit/{application.pk}/",
        f"{LISTING}delete/{application.pk}/",
    ):
        response = admin_client.get(url)
        assert response.status_code in (302, 403), url
    assert admin_client.get(LISTING).status_code == 200


def test_listing_queries_do_not_grow_with_applications(committee):
    make_applications(5)
    committee.get(LISTING)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert committee.get(LISTING).status_code == 200
        return len(captured)

    with_five = count()
    make_applications(120, start=5)
    assert count() == with_five


def test_committee_moves_an_application_through_its_statuses_with_notes(committee):
    from membership.models import MembershipApplication
    from membership.workflow import STATUS_CHANGED

    (application,) = make_applications(1)
    detail = committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    assert 'name="status"' in detail and "En analyse" in detail
    status_url = f"{LISTING}status/{application.pk}/"

    assert committee.post(status_url, {"status": "in-review"}).status_code == 302
    # A refusal without a note is refused, with the reason, and changes nothing.
    response = committee.post(status_url, {"status": "refused", "note": ""}, follow=True)
    assert "Une note est requise" in response.content.decode()
    assert MembershipApplication.objects.get(pk=application.pk).status == "in-review"
    # A status that is not reachable is not offered, and refused if posted anyway.
    response = committee.post(status_url, {"status": "submitted"}, follow=True)
    assert MembershipApplication.objects.get(pk=application.pk).status == "in-review"
    committee.post(status_url, {"status": "approved", "note": "Bienvenue !", "share_note": "on"})
    assert MembershipApplication.objects.get(pk=application.pk).status == "approved"

    from wagtail.models import ModelLogEntry

    entries = ModelLogEntry.objects.filter(action=STATUS_CHANGED, object_id=str(application.pk))
    assert entries.count() == 2
    history = committee.get(f"{LISTING}history/{application.pk}/").content.decode()
    assert "Statut changé de « En analyse » à « Approuvée »" in history
    assert "Bienvenue !" in history
    # A decision is final: no form any more.
    assert (
        'name="status"' not in committee.get(f"{LISTING}inspect/{application.pk}/").content.decode()
    )


def test_only_reviewers_change_statuses(editor, admin_client, site_tree):
    (application,) = make_applications(1)
    response = editor.post(f"{LISTING}status/{application.pk}/", {"status": "in-review"})
    assert response.status_code in (302, 403)
    from membership.models import MembershipApplication

    assert MembershipApplication.objects.get(pk=application.pk).status == "submitted"
