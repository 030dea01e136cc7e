"""What the committee has to do next with an application, in one sentence, from its status
(and whether the applicant answered the last request for more information). The
application's page shows it at the top, beside the status and the assignment."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .actions import display_name
from .choices import Status
from .models import MembershipApplication


def _local(moment) -> str:
    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def next_step(application: MembershipApplication) -> str:
    status = application.status
    if status == Status.SUBMITTED:
        if application.assigned_to is None:
            return _("Assign a reviewer, then move the application to “In review”.")
        return _("%(name)s moves the application to “In review” when starting to read it.") % {
            "name": display_name(application.assigned_to)
        }
    latest = application.info_requests.order_by("-created_at", "-pk").first()
    if status == Status.IN_REVIEW:
        if latest is not None and latest.used_at:
            return _(
                "The applicant answered on %(date)s (see “Follow-up and notes”): approve, "
                "refuse (with a note) or ask again."
            ) % {"date": _local(latest.used_at)}
        return _("Decide: approve, refuse (with a note) or ask the applicant for more information.")
    if status == Status.INFO_REQUESTED:
        if latest is not None and not latest.used_at:
            return _(
                "Waiting for the applicant's answer; their personal link works until %(date)s."
            ) % {"date": _local(latest.expires_at)}
        return _("Waiting for the applicant's answer.")
    if status == Status.APPROVED:
        return _("Nothing: the application was approved, a final decision.")
    if status == Status.REFUSED:
        return _("Nothing: the application was refused, a final decision.")
    return _("Nothing: the applicant withdrew the application.")
