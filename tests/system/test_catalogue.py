"""SPEC §2: the French catalogue is complete and covers every message in the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from consortium.i18n.catalogue import catalogue_problems

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
SOURCE_DIRS = [
    "site",
    "home",
    "news",
    "expertise",
    "members",
    "membership",
    "services",
    "reports",
    "events",
    "assembly",
    "newsletter",
    "privacy",
    "locale",
]


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_french_catalogue_has_no_untranslated_message(domain):
    problems = catalogue_problems(polib.pofile(str(CATALOGUE.with_name(f"{domain}.po"))))
    assert problems == [], "\n".join(problems)


def test_an_untranslated_message_is_reported():
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Home", msgstr="Accueil"))
    po.append(polib.POEntry(msgid="Contact us", msgstr=""))
    po.append(polib.POEntry(msgid="Language", msgstr="Langue", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="in %(year)s", msgstr="en"))
    assert catalogue_problems(po) == [
        "msgid 'Contact us' has no translation",
        "msgid 'Language' is marked fuzzy",
        "msgid 'in %(year)s' and its translation use different placeholders",
    ]


def test_catalogue_covers_every_message_in_the_source(tmp_path):
    """Extract the messages again (Django's makemessages on a copy of the sources) and
    check that the committed catalogue already translates all of them."""
    if shutil.which("xgettext") is None:
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("REQUIRE_GETTEXT=1 but GNU gettext (xgettext) is not installed")
        pytest.skip("needs GNU gettext's xgettext to extract messages (apt install gettext)")
    base = Path(settings.BASE_DIR)
    for name in SOURCE_DIRS:
        shutil.copytree(
            base / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copy(base / "manage.py", tmp_path / "manage.py")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "consortium.settings.test"}
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    problems = catalogue_problems(polib.pofile(str(tmp_path / CATALOGUE.relative_to(base))))
    assert problems == [], "messages missing from locale/fr (run makemessages):\n" + "\n".join(
        problems
    )
