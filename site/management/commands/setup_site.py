"""`manage.py setup_site`: roles, workflow, locales and site address (consortium.setup).

Run after `migrate` on every release; safe on a live database, a second run changes
nothing. Exits with status 0 and prints what it changed, and what an administrator should
look at (kept because somebody uses it) on standard error.
"""

from django.core.management.base import BaseCommand

from consortium.setup import run_setup


class Command(BaseCommand):
    help = "Create the locales, staff groups, editorial workflow and site address; idempotent."

    def handle(self, *args, **options):
        report = run_setup()
        for line in report.changes:
            self.stdout.write(f"  {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  {line}"))
        if not report.changes:
            self.stdout.write("Site already set up: nothing changed.")
