"""`manage.py compile_catalogue`: compile locale/*/LC_MESSAGES/*.po into .mo files.

Django's compilemessages needs GNU gettext's msgfmt, a system package that a fresh machine
with only Python may lack; polib (pinned, pure Python) does the same job, so `make run`
needs nothing beyond Python.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the translation catalogues in LOCALE_PATHS (pure Python, no gettext needed)."

    def handle(self, *args, **options):
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
