"""The test suite's flush (tests/fast_flush.py) empties every table, as Django's does."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests import fast_flush

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_flush_deletes_every_row_those_pointed_at_included(site_tree):
    assert connection.ops.sql_flush.__func__ is fast_flush.sql_flush
    # A revision and a log entry pointing at a page, a page pointing at its locale.
    site_tree.fr_accessibility.save_revision().publish()
    call_command(
        "flush", interactive=False, reset_sequences=False, inhibit_post_migrate=True, verbosity=0
    )
    left = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }
    assert left["wagtailcore.Page"] == 0 and left["wagtailcore.Revision"] == 0
    assert {label: count for label, count in left.items() if count} == {}
