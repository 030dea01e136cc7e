"""The next step shown at the top of an application's page, through a whole review."""

import pytest
from django.utils import translation

from membership.actions import assign, change_status, complete_info_request
from membership.next_step import next_step
from membership.tests.test_admin import make_applications

pytestmark = pytest.mark.django_db


def step(application) -> str:
    application.refresh_from_db()
    with translation.override("fr"):
        return next_step(application)


def test_the_next_step_follows_the_review(django_user_model):
    application, withdrawn = make_applications(2)
    assert step(application).startswith("Confiez la demande à un responsable")
    reviewer = django_user_model.objects.create_user("dominique", first_name="Dominique")
    assign(application, reviewer)
    assert step(application).startswith("Dominique passe la demande à « En analyse »")
    change_status(application, "in-review")
    assert step(application).startswith("Décidez : approuver, refuser")
    change_status(application, "info-requested", note="Vos statuts, s'il vous plaît.")
    assert "En attente de la réponse du demandeur ; son lien personnel" in step(application)
    complete_info_request(application.info_requests.get(), "Les voici.", [])
    assert step(application).startswith("Le demandeur a répondu le ")
    change_status(application, "approved")
    assert step(application).startswith("Aucune : la demande a été approuvée")
    change_status(withdrawn, "withdrawn")
    assert step(withdrawn) == "Aucune : le demandeur a retiré sa demande."
