"""`manage.py content_fingerprint`: what the site holds and serves, in a few lines that two
databases can be compared by (scripts/backup-restore-check.sh).

Row counts of the content and membership tables, a digest of every live page (address,
title, last publication, page type), of what each group may do, and digests of the home
pages as rendered in each language.
"""

import hashlib

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.test import Client
from wagtail.models import Page

COUNTED = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "news.NewsPage",
    "expertise.ExpertisePage",
    "membership.MembershipApplication",
    "members.Member",
    "members.MemberContact",
    "members.ShareMovement",
    "members.MemberSpacePage",
    "wagtail_localize.TranslationSource",
    "consortium.NavigationMenu",
    "auth.Group",
]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Command(BaseCommand):
    help = "Print a fingerprint of the content, to compare two databases (backups)."

    def handle(self, *args, **options):
        for label in COUNTED:
            model = apps.get_model(label)
            self.stdout.write(f"{label}: {model.objects.count()}")
        pages = (
            Page.objects.live()
            .order_by("path")
            .values_list(
                "url_path",
                "title",
                "last_published_at",
                "content_type__app_label",
                "content_type__model",
            )
        )
        self.stdout.write(f"live pages: {digest(repr(list(pages)))}")
        permissions = Group.objects.values_list(
            "name", "permissions__content_type__app_label", "permissions__codename"
        ).order_by("name", "permissions__content_type__app_label", "permissions__codename")
        self.stdout.write(f"group permissions: {digest(repr(list(permissions)))}")
        client = Client(HTTP_HOST="localhost")
        for path in ("/fr/", "/en/"):
            response = client.get(path)
            self.stdout.write(f"{path} {response.status_code}: {digest(response.content.decode())}")
