"""Fixtures of the membership tests: the page in both languages, valid answers, PDF files."""

import pytest
from django.contrib.auth.models import Group, Permission

from consortium.staff.roles import COMMITTEE_GROUP
from expertise.factories import ExpertiseIndexPageFactory, ExpertisePageFactory
from membership.factories import MembershipPageFactory
from membership.setup_steps import ensure_committee_group
from tests.fixtures.files import MINIMAL_PDF, PNG_BYTES, pdf  # noqa: F401 - imported from here
from tests.fixtures.roles import body  # noqa: F401 - used by the tests that import it here
from tests.fixtures.site import publish_translation


@pytest.fixture
def membership(site_tree):
    """The French membership page (and its English translation) and a field of expertise in
    each language."""
    page = MembershipPageFactory(parent=site_tree.fr_home)
    english = publish_translation(
        page, site_tree.locales["en"], title="Become a member", slug="membership"
    )
    index = ExpertiseIndexPageFactory(parent=site_tree.fr_home)
    publish_translation(index, site_tree.locales["en"], title="Our expertise", slug="expertise")
    field = ExpertisePageFactory(parent=index, title="Services juridiques", slug="juridique")
    english_field = publish_translation(
        field, site_tree.locales["en"], title="Legal services", slug="legal"
    )
    page.fields = (field, english_field)
    page.english = english
    return page


@pytest.fixture
def answers(membership):
    """A complete, valid application as the form posts it (French page)."""
    return {
        "organisation_name": "Coopérative d’habitation Les Érables",
        "neq": "1234 5678 90",
        "legal_form": "consumer-coop",
        "sector": "housing",
        "region": "02",
        "street_address": "123, rue Racine Est",
        "city": "Chicoutimi",
        "postal_code": "g7h1r9",
        "website": "https://leserables.example",
        "member_count": "48",
        "employee_count": "2",
        "category": "Membre utilisateur",
        "fields_of_interest": [str(membership.fields[0].pk)],
        "contact_name": "Marie Tremblay",
        "contact_role": "Présidente",
        "contact_email": "marie@leserables.example",
        "contact_phone": "418 555-0142",
        "message": "Nous aimerions un accompagnement juridique.",
        "consent": "on",
        "nickname": "",
    }


@pytest.fixture
def make_application(site_tree):
    """Submit a valid application through the service (as the form does) and return it."""
    from membership.actions import submit_application
    from membership.tests.test_concurrency import application_data

    def make(number=1, language="fr", **overrides):
        data = {**application_data(number), **overrides}
        return submit_application(data, language=language, policy_version="2026-1")

    return make


@pytest.fixture
def committee_user(django_user_model, site_tree):
    """A member of the Comité d'adhésion group, with an email address."""
    ensure_committee_group()
    user = django_user_model.objects.create_user(
        "camille", email="camille@consortium.example", password="x", first_name="Camille"
    )
    user.groups.add(Group.objects.get(name=COMMITTEE_GROUP))
    return user


@pytest.fixture
def committee(client, django_user_model, site_tree):
    ensure_committee_group()
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
