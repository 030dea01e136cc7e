"""Who reaches « Demandes de service »: each role of SPEC §6 and §10 × each URL of the
section (listing, results, exports, detail, history, attachment, held submissions, and the
actions). Only « Services aux membres » and administrators read or act; every other group
gets nothing of a request; anonymous visitors are sent to the login page."""

import pytest

from consortium.models import HeldSubmission
from consortium.staff import roles
from services.choices import Status
from services.models import InternalNote, Notification, ServiceRequest
from services.tests.conftest import body, pdf

pytestmark = pytest.mark.django_db

LISTING = "/admin/service-requests/"
ROLES = [
    "anonymous",
    roles.EDITORS_GROUP,
    roles.COMMUNICATIONS_GROUP,
    roles.COMMITTEE_GROUP,
    roles.SERVICES_GROUP,
    "administrator",
]
ALLOWED = {roles.SERVICES_GROUP, "administrator"}


def read_urls(service_request, held) -> list[str]:
    attachment = service_request.attachments.get()
    return [
        LISTING,
        f"{LISTING}results/",
        f"{LISTING}?export=csv",
        f"{LISTING}?export=xlsx",
        f"{LISTING}?status=received&region=06&member=no",
        f"{LISTING}inspect/{service_request.pk}/",
        f"{LISTING}history/{service_request.pk}/",
        f"/services/attachments/{attachment.token}/",
        "/admin/held-service-requests/",
        f"/admin/held-service-requests/inspect/{held.pk}/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_each_url(client, as_role, make_request, role):
    service_request = make_request(1, attachments=[pdf("cahier-des-charges.pdf")])
    held = HeldSubmission.objects.create(
        form="service-request", reason="honeypot", language="fr", data={"need": "secret"}
    )
    user = as_role(role)
    for url in read_urls(service_request, held):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
            if "export" not in url and "attachments" not in url and "held" not in url:
                assert service_request.reference in response.content.decode(), url
        elif role == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url
        else:
            assert response.status_code in (302, 403), url
            assert service_request.reference.encode() not in body(response), url
            assert service_request.contact_email.encode() not in body(response), url
            assert b"secret" not in body(response), url

    actions = [
        (f"{LISTING}status/{service_request.pk}/", {"status": Status.QUALIFIED}),
        (f"{LISTING}assign/{service_request.pk}/", {"reviewer": user.pk if user else ""}),
        (f"{LISTING}note/{service_request.pk}/", {"text": "Vu."}),
        (f"{LISTING}invite/{service_request.pk}/", {}),
    ]
    for url, data in actions:
        response = client.post(url, data)
        assert response.status_code in (302, 403), url
        if role == "anonymous":
            assert response["Location"].startswith("/admin/login/"), url
    service_request.refresh_from_db()
    acted = role in ALLOWED
    assert (service_request.status == Status.QUALIFIED) is acted
    assert (service_request.assigned_to_id is not None) is acted
    assert InternalNote.objects.filter(service_request=service_request).exists() is acted
    assert (service_request.invited_to_join_at is not None) is acted
    invited = Notification.objects.filter(service_request=service_request, kind="invitation")
    assert invited.exists() is acted
    # Nobody adds, edits or deletes a request, administrators included.
    for url in (
        f"{LISTING}new/",
        f"{LISTING}edit/{service_request.pk}/",
        f"{LISTING}delete/{service_request.pk}/",
    ):
        assert client.get(url).status_code in (302, 403, 404), url
    assert ServiceRequest.objects.count() == 1


@pytest.mark.parametrize(
    "role", [roles.EDITORS_GROUP, roles.COMMUNICATIONS_GROUP, roles.COMMITTEE_GROUP]
)
def test_other_roles_do_not_see_the_menu_item_or_the_dashboard_panel(client, as_role, role):
    as_role(role)
    content = client.get("/admin/").content.decode()
    assert "service-requests" not in content and "Demandes de service" not in content


def test_the_services_group_sees_its_menu_and_panel_but_not_the_applications(
    client, as_role, make_request
):
    make_request(1)
    as_role(roles.SERVICES_GROUP)
    content = client.get("/admin/").content.decode()
    # The sidebar is built from JSON in the page (non-ASCII characters escaped).
    assert "Demandes de service (1)" in content  # the menu's badge: one « Reçue »
    assert "Demandes de service par statut" in content  # the dashboard panel
    assert "membership-applications" not in content
    assert client.get("/admin/membership-applications/").status_code in (302, 403)
