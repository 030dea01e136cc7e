"""Who reaches « Demandes d'adhésion »: each role of SPEC §6 × each URL of the section
(listing, its results, exports, detail, history, JSON export, attachment, and the actions).

Only the Comité d'adhésion and administrators read or act; Rédaction and Communications,
who use the admin for content, get nothing of an application; anonymous visitors are sent
to the login page.
"""

import pytest

from consortium.staff import roles
from membership.choices import Status
from membership.models import InternalNote, MembershipApplication
from membership.tests.conftest import body, pdf

pytestmark = pytest.mark.django_db

LISTING = "/admin/membership-applications/"
ROLES = [
    "anonymous",
    roles.EDITORS_GROUP,
    roles.COMMUNICATIONS_GROUP,
    roles.COMMITTEE_GROUP,
    roles.SERVICES_GROUP,
]
ALLOWED = {roles.COMMITTEE_GROUP, "administrator"}


def read_urls(application) -> list[str]:
    attachment = application.attachments.get()
    return [
        LISTING,
        f"{LISTING}results/",
        f"{LISTING}?export=csv",
        f"{LISTING}?export=xlsx",
        f"{LISTING}?status=submitted&region=06",
        f"{LISTING}inspect/{application.pk}/",
        f"{LISTING}history/{application.pk}/",
        f"{LISTING}export/{application.pk}.json",
        f"/membership/attachments/{attachment.token}/",
    ]


@pytest.mark.parametrize("role", [*ROLES, "administrator"])
def test_each_role_on_each_url(client, as_role, make_application, role):
    application = make_application(1, attachments=[pdf("statuts.pdf")])
    user = as_role(role)
    for url in read_urls(application):
        response = client.get(url)
        if role in ALLOWED:
            assert response.status_code == 200, url
            if "export" not in url and "attachments" not in url:
                assert application.reference in response.content.decode(), url
        elif role == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url
        else:
            assert response.status_code in (302, 403), url
            assert application.reference.encode() not in body(response), url
            assert application.contact_email.encode() not in body(response), url

    actions = [
        (f"{LISTING}status/{application.pk}/", {"status": Status.IN_REVIEW}),
        (f"{LISTING}assign/{application.pk}/", {"reviewer": user.pk if user else ""}),
        (f"{LISTING}note/{application.pk}/", {"text": "Vu."}),
    ]
    for url, data in actions:
        response = client.post(url, data)
        assert response.status_code in (302, 403), url
        if role == "anonymous":
            assert response["Location"].startswith("/admin/login/"), url
    application.refresh_from_db()
    acted = role in ALLOWED
    assert (application.status == Status.IN_REVIEW) is acted
    assert (application.assigned_to_id is not None) is acted
    assert InternalNote.objects.filter(application=application).exists() is acted
    assert MembershipApplication.objects.count() == 1


@pytest.mark.parametrize(
    "role", [roles.EDITORS_GROUP, roles.COMMUNICATIONS_GROUP, roles.SERVICES_GROUP]
)
def test_content_roles_do_not_see_the_menu_item_or_the_dashboard_panel(client, as_role, role):
    as_role(role)
    content = client.get("/admin/").content.decode()
    assert "membership-applications" not in content
    assert "Demandes d’adhésion" not in content and "Demandes d'adhésion" not in content
