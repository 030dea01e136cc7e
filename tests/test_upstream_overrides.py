"""Guards on the project's workarounds for gaps in Wagtail and wagtail-localize: each test
fails when upstream changes what the workaround relies on, so it is revisited (re-copied,
or removed once upstream fixed the gap) instead of silently drifting."""

import hashlib
import inspect
from functools import cache
from pathlib import Path

import django_otp_webauthn
import polib
import pytest
import wagtail
import wagtail_2fa
import wagtail_localize
from django.conf import settings

from consortium.i18n.catalogue import catalogue_problems
from consortium.upstream import localize_dates, messages

WAGTAIL = Path(wagtail.__file__).parent
LOCALIZE = Path(wagtail_localize.__file__).parent
PASSKEYS = Path(django_otp_webauthn.__file__).parent
PROJECT_TEMPLATES = Path(settings.BASE_DIR) / "site" / "templates"
JS_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "djangojs.po"

# Project template → (upstream template it was copied from, that template's SHA-256 then).
COPIED_TEMPLATES = {
    "wagtailadmin/shared/user_avatar.html": (
        WAGTAIL / "admin/templates/wagtailadmin/shared/user_avatar.html",
        "10cbd09a2e9434e569d2ccc518298adbeb8cb9f3263fd31aa61ff049e6cc771a",
    ),
    "wagtailusers/groups/includes/page_permissions_form.html": (
        WAGTAIL / "users/templates/wagtailusers/groups/includes/page_permissions_form.html",
        "619c727f58d93d3a06cd22b3d6cb6412c88c9e09345f82a8bf907752198f95c7",
    ),
    "wagtailadmin/permissions/includes/collection_member_permissions_form.html": (
        WAGTAIL
        / "admin/templates/wagtailadmin/permissions/includes"
        / "collection_member_permissions_form.html",
        "af7200b2b1d6961c4c1a31af545e857a27bbafb8d16db5fa14a0adae16c0ca43",
    ),
    "wagtailadmin/tables/boolean_cell.html": (
        WAGTAIL / "admin/templates/wagtailadmin/tables/boolean_cell.html",
        "f52d1f7945b2b176e1921c5014774ceddd883008e0be68a4e3e964cb73e52619",
    ),
    "wagtailusers/groups/includes/formatted_permissions.html": (
        WAGTAIL / "users/templates/wagtailusers/groups/includes/formatted_permissions.html",
        "2ab61ce5aa2bbeba8ae9826a789727a00f8a269e1deed6620348e4a9a621ebb4",
    ),
}


UPSTREAM = [WAGTAIL, LOCALIZE, Path(wagtail_2fa.__file__).parent, PASSKEYS]


@cache
def upstream_msgids() -> set[str]:
    """The messages of upstream's French catalogues (what their code asks to translate)."""
    return {
        entry.msgid
        for root in UPSTREAM
        for path in root.rglob("locale/fr/LC_MESSAGES/django.po")
        for entry in polib.pofile(str(path))
    }


@cache
def upstream_source() -> str:
    """Every Python file and template of Wagtail, wagtail-localize, wagtail-2fa and
    django-otp-webauthn, joined:
    permission names are in no catalogue, but in the models or migrations that create them."""
    files = [
        path for root in UPSTREAM for suffix in ("py", "html") for path in root.rglob(f"*.{suffix}")
    ]
    return "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in files)


@pytest.mark.parametrize("template", sorted(COPIED_TEMPLATES))
def test_copied_templates_still_match_their_upstream_original(template):
    upstream, digest = COPIED_TEMPLATES[template]
    assert (PROJECT_TEMPLATES / template).exists()
    assert hashlib.sha256(upstream.read_bytes()).hexdigest() == digest, (
        f"Wagtail changed {upstream.name}: copy it again into site/templates/{template}, "
        "re-apply the project's change, and record the new digest here"
    )


@pytest.mark.parametrize("message", messages.MESSAGES)
def test_each_overridden_message_is_still_used_upstream(message):
    assert message in upstream_msgids() or message in upstream_source(), (
        f"upstream no longer uses {message!r}: remove it from consortium.upstream.messages"
    )


def test_the_scripts_catalogue_is_complete_and_used_upstream():
    catalogue = polib.pofile(str(JS_CATALOGUE))
    assert catalogue_problems(catalogue) == []
    bundle = (LOCALIZE / "static/wagtail_localize/js/wagtail-localize.js").read_text()
    picker = (WAGTAIL / "admin/static/wagtailadmin/js/vendor/jquery.datetimepicker.js").read_text()
    # What upstream writes that admin-upstream-labels.js and this catalogue replace.
    assert 'rt()("Publish in ")+s.displayName' in bundle
    assert '"w-sr-only"},"More actions")' in bundle
    assert "`${r.sourceLocale.displayName} to ${r.locale.displayName} translation`" in bundle
    assert ">Save Selected</button>" in picker
    passkeys = "".join(
        (PASSKEYS / "static/django_otp_webauthn" / name).read_text()
        for name in ("otp_webauthn_auth.js", "otp_webauthn_register.js")
    )
    passkey_messages = {
        entry.msgid for entry in catalogue if f'gettext("{entry.msgid}")' in passkeys
    }
    assert len(passkey_messages) == 24  # every one django-otp-webauthn's scripts write
    assert {entry.msgid for entry in catalogue} - passkey_messages == {
        "Publish in ",
        "Save selected",
        "%(source)s to %(target)s translation",
    }


def test_the_translation_comment_dates_workaround_is_still_needed():
    upstream = inspect.getsource(localize_dates.upstream_get_comment)
    assert "strftime(DATE_FORMAT)" in upstream, (
        "wagtail-localize formats the comment's date itself now: remove "
        "consortium.upstream.localize_dates"
    )


@pytest.mark.django_db
def test_translation_comments_give_their_date_in_the_admin_language(site_tree):
    from django.utils import timezone, translation
    from wagtail_localize.models import StringTranslation

    from consortium.upstream.translation import translate

    page = site_tree.fr_accessibility
    translate(page, site_tree.locales["en"], {page.title: "Accessibility"})
    string = StringTranslation.objects.get(translation_of__data=page.title)
    with translation.override("fr"):
        comment = string.get_comment()
    month = timezone.localtime(string.updated_at).month
    french_month = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ][month - 1]
    assert comment.startswith("Traduit manuellement le ") and french_month in comment


def test_the_routable_resolvers_workaround_is_still_needed_and_applied():
    """Upstream still builds a routable type's resolver lazily, caching it as a class
    attribute after iterating class dictionaries (the thread race
    consortium.upstream.routable_resolvers avoids); every routable type's resolver is built at
    start-up."""
    import inspect

    from wagtail.contrib.routable_page.models import RoutablePageMixin

    from consortium.upstream import routable_resolvers

    source = inspect.getsource(RoutablePageMixin.get_resolver)
    assert routable_resolvers.CACHE_ATTRIBUTE in source and "cls.__dict__" in source
    assert "__dict__.values()" in inspect.getsource(RoutablePageMixin.get_subpage_urls)
    types = routable_resolvers.routable_page_types()
    assert {model.__name__ for model in types} >= {
        "MembershipPage",
        "ServiceRequestPage",
        "EventPage",
        "EventIndexPage",
    }
    for model in types:
        assert routable_resolvers.CACHE_ATTRIBUTE in model.__dict__, model


@pytest.mark.django_db
def test_wagtail_reads_the_route_the_site_remembers(site_tree, rf, django_assert_num_queries):
    """consortium.upstream.route_memo: ``Page.route_for_request`` returns the remembered
    route without routing again (no query)."""
    from wagtail.models import Page
    from wagtail.url_routing import RouteResult

    from consortium.upstream import route_memo

    request = rf.get("/fr/")
    assert not route_memo.has_route(request)
    result = RouteResult(site_tree.fr_home)
    route_memo.remember_route(request, result)
    assert route_memo.has_route(request)
    with django_assert_num_queries(0):
        assert Page.route_for_request(request, "/fr/") is result


@pytest.mark.django_db
def test_treebeard_reads_the_parent_the_site_remembers(site_tree, django_assert_num_queries):
    """consortium.upstream.route_memo: treebeard's ``get_parent`` returns the remembered
    parent without a query (and reads it from the database without it)."""
    from wagtail.models import Page

    from consortium.upstream import route_memo

    page = Page.objects.get(pk=site_tree.fr_home.pk)
    parent = Page.objects.get(pk=page.get_parent().pk)
    fresh = Page.objects.get(pk=page.pk)
    route_memo.remember_parent(fresh, parent)
    with django_assert_num_queries(0):
        assert fresh.get_parent() is parent
    with django_assert_num_queries(1):
        assert fresh.get_parent(update=True) == parent
