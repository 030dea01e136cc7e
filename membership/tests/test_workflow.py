"""The statuses of an application: allowed and illegal transitions, notes, audit trail."""

import pytest
from django.utils import translation
from wagtail.models import ModelLogEntry

from consortium.cases.handling import TransitionNotAllowed
from membership.actions import change_status, submit_application
from membership.choices import Status
from membership.models import MembershipApplication
from membership.tests.test_concurrency import application_data
from membership.workflow import STATUS_CHANGED, WORKFLOW

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(site_tree):
    return submit_application(application_data(1), language="fr", policy_version="2026-1")


@pytest.fixture
def reviewer(django_user_model):
    return django_user_model.objects.create_user("comite", first_name="Camille")


def test_statuses_reachable_from_each_status():
    assert WORKFLOW.allowed(Status.SUBMITTED) == [Status.IN_REVIEW, Status.WITHDRAWN]
    assert WORKFLOW.allowed(Status.IN_REVIEW) == [
        Status.INFO_REQUESTED,
        Status.APPROVED,
        Status.REFUSED,
        Status.WITHDRAWN,
    ]
    assert WORKFLOW.allowed(Status.INFO_REQUESTED) == [Status.IN_REVIEW, Status.WITHDRAWN]
    for final in (Status.APPROVED, Status.REFUSED, Status.WITHDRAWN):
        assert WORKFLOW.allowed(final) == []


def test_the_whole_path_is_recorded_in_the_audit_log(application, reviewer):
    change_status(application, Status.IN_REVIEW, user=reviewer)
    change_status(application, Status.INFO_REQUESTED, user=reviewer, note="Vos statuts, SVP.")
    change_status(application, Status.IN_REVIEW, user=reviewer)
    approved = change_status(application, Status.APPROVED, user=reviewer, note="Bienvenue !")
    assert approved.status == Status.APPROVED
    entries = ModelLogEntry.objects.for_instance(application).filter(action=STATUS_CHANGED)
    history = [
        (e.data["from"], e.data["to"], e.data["note"], e.user_id)
        for e in entries.order_by("timestamp", "pk")
    ]
    assert history == [
        ("submitted", "in-review", "", reviewer.pk),
        ("in-review", "info-requested", "Vos statuts, SVP.", reviewer.pk),
        ("info-requested", "in-review", "", reviewer.pk),
        ("in-review", "approved", "Bienvenue !", reviewer.pk),
    ]
    with translation.override("fr"):
        assert entries.order_by("timestamp", "pk").first().message == (
            "Statut changé de « Soumise » à « En analyse »"
        )


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ([], Status.APPROVED),  # no decision before the review
        ([], Status.INFO_REQUESTED),
        ([Status.IN_REVIEW, Status.APPROVED], Status.IN_REVIEW),  # a decision is final
        ([Status.WITHDRAWN], Status.IN_REVIEW),
        ([Status.IN_REVIEW, Status.REFUSED], Status.WITHDRAWN),
    ],
)
def test_illegal_transitions_are_refused(application, reviewer, path, target):
    for status in path:
        change_status(application, status, user=reviewer, note="Motif.")
    before = MembershipApplication.objects.get(pk=application.pk).status
    with (
        translation.override("fr"),
        pytest.raises(TransitionNotAllowed, match="ne peut pas passer"),
    ):
        change_status(application, target, user=reviewer, note="Motif.")
    assert MembershipApplication.objects.get(pk=application.pk).status == before


@pytest.mark.parametrize("target", [Status.REFUSED, Status.INFO_REQUESTED])
def test_refusal_and_request_for_more_need_a_note(application, reviewer, target):
    change_status(application, Status.IN_REVIEW, user=reviewer)
    with translation.override("fr"), pytest.raises(TransitionNotAllowed, match="note est requise"):
        change_status(application, target, user=reviewer, note="   ")
    change_status(application, target, user=reviewer, note="Il manque les statuts.")


def test_saving_an_illegal_status_directly_is_impossible(application):
    stored = MembershipApplication.objects.get(pk=application.pk)
    stored.status = Status.APPROVED
    with pytest.raises(TransitionNotAllowed):
        stored.save()
    assert MembershipApplication.objects.get(pk=application.pk).status == Status.SUBMITTED
    # Other fields still save normally.
    stored = MembershipApplication.objects.get(pk=application.pk)
    stored.city = "Laval"
    stored.save()
