"""CI gates as tests: Django's system checks, migrations in sync, ruff clean."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.mark.django_db
def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


@pytest.mark.parametrize("command", [["check", "--no-cache"], ["format", "--check", "--no-cache"]])
def test_ruff_is_clean(command):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


TEMPLATE_FOLDERS = [
    "site/templates",
    "home/templates",
    "news/templates",
    "expertise/templates",
    "members/templates",
    "membership/templates",
    "services/templates",
    "reports/templates",
    "events/templates",
    "assembly/templates",
    "newsletter/templates",
]


def test_templates_pass_the_template_linter():
    """djLint's rules for Django templates ([tool.djlint] in pyproject.toml)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "djlint", "--lint", *TEMPLATE_FOLDERS],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Linted" in result.stdout


def test_the_template_linter_sees_a_mistake(tmp_path):
    """The gate has teeth: an image without alternative text fails it."""
    template = tmp_path / "broken.html"
    template.write_text('{% load i18n %}<div><img src="x.png"></div>\n')
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "djlint", "--lint", "--profile=django", str(template)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "H013" in result.stdout
