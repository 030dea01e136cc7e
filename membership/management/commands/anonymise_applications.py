"""`manage.py anonymise_applications`: anonymise refused and withdrawn applications closed
for longer than the retention period, and the contacts of members that resigned or were
excluded longer than MEMBER_RETENTION_MONTHS ago (Loi 25; README « Scheduled jobs » has the
cron line).

``--dry-run`` lists what would be anonymised and changes nothing.
"""

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from consortium.cases.retention import AnonymiseCommand, each_on_its_own, record_run
from members import retention
from membership.retention import anonymise, due_for_anonymisation


class Command(AnonymiseCommand):
    help = "Anonymise refused and withdrawn membership applications past the retention period."
    months_setting = "MEMBERSHIP_RETENTION_MONTHS"
    noun = "application(s)"
    purpose = _(
        "Refused and withdrawn membership applications closed for more than {months} months"
    )
    method = _(
        "Identifying fields cleared; attachments, internal notes and emails deleted; "
        "reference, dates, status and region kept for statistics"
    )

    def due(self, months):
        return due_for_anonymisation(months)

    def anonymise(self, case):
        anonymise(case)

    def also(self, months, outcome, *, dry_run):
        verb = "would be anonymised" if dry_run else "anonymised"
        former = list(retention.due_for_anonymisation(settings.MEMBER_RETENTION_MONTHS))
        if dry_run:
            done = len(former)
        else:
            contacts = each_on_its_own(former, retention.anonymise, name=lambda m: m.name)
            done = contacts.done
            outcome.failed += contacts.failed
        self.stdout.write(
            f"{done} former member(s)' contacts {verb} "
            f"(older than {settings.MEMBER_RETENTION_MONTHS} months)."
        )
        if not dry_run:
            record_run(
                "anonymise_applications",
                purpose=format_lazy(
                    _(
                        "Contacts of members that resigned or were excluded more than {months} "
                        "months ago"
                    ),
                    months=settings.MEMBER_RETENTION_MONTHS,
                ),
                method=_("Contacts' names, emails and phones cleared; the member's record kept"),
                count=done,
            )
