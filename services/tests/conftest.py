"""Fixtures of the services tests: the request page in both languages, two fields of
expertise (one with its team's address, one without), valid answers."""

import pytest

from expertise.factories import ExpertiseIndexPageFactory, ExpertisePageFactory
from services.factories import ServiceRequestPageFactory
from tests.fixtures.files import MINIMAL_PDF, pdf  # noqa: F401 - imported from here by the tests
from tests.fixtures.roles import body  # noqa: F401 - imported from here by the tests
from tests.fixtures.site import publish_translation

LEGAL_TEAM = "equipe-juridique@example.org"


@pytest.fixture
def service_page(site_tree):
    """The French request page (``.english``: its translation) and two fields in each
    language (``.fields``: French legal, French finance; ``.english_fields``)."""
    page = ServiceRequestPageFactory(parent=site_tree.fr_home)
    page.english = publish_translation(
        page, site_tree.locales["en"], title="Service request", slug="service-request"
    )
    index = ExpertiseIndexPageFactory(parent=site_tree.fr_home)
    publish_translation(index, site_tree.locales["en"], title="Our expertise", slug="expertise")
    legal = ExpertisePageFactory(
        parent=index, title="Services juridiques", slug="juridique", request_email=LEGAL_TEAM
    )
    finance = ExpertisePageFactory(parent=index, title="Finances", slug="finances")
    page.fields = (legal, finance)
    page.english_fields = tuple(
        publish_translation(field, site_tree.locales["en"], title=title, slug=slug)
        for field, title, slug in [
            (legal, "Legal services", "legal"),
            (finance, "Finance", "finance"),
        ]
    )
    return page


@pytest.fixture
def answers(service_page):
    """A complete, valid request as the form posts it (French page)."""
    return {
        "expertise_fields": [str(service_page.fields[0].pk)],
        "organisation_name": "Coopérative d’habitation Les Érables",
        "neq": "",
        "region": "02",
        "contact_name": "Marie Tremblay",
        "contact_email": "marie@leserables.example",
        "contact_phone": "418 555-0142",
        "need": "Revoir nos règlements généraux avant l’assemblée.",
        "timeframe": "month",
        "consent": "on",
        "nickname": "",
    }


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST the form as a browser would, the emails sent as after a real commit."""

    def submit(answers, url="/fr/demande-de-service/", files=(), **extra):
        data = dict(answers)
        if files:
            data["attachments"] = list(files)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **extra)

    return submit


def request_data(number: int, fields=()) -> dict:
    """A request's cleaned data, as the form gives it to services.actions.submit_request."""
    return {
        "expertise_fields": list(fields),
        "organisation_name": f"Coopérative {number}",
        "neq": "",
        "region": "06",
        "contact_name": "Alex",
        "contact_email": f"alex{number}@example.org",
        "contact_phone": "+14185550100",
        "need": "Un besoin.",
        "timeframe": "quarter",
        "attachments": [],
    }


@pytest.fixture
def make_request(service_page):
    from services.actions import submit_request

    def make(number=1, language="fr", member=None, fields=None, attachments=()):
        chosen = fields if fields is not None else [service_page.fields[0]]
        data = {**request_data(number, chosen), "attachments": list(attachments)}
        return submit_request(data, language=language, policy_version="2026-1", member=member)

    return make
