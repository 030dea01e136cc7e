"""Editorial roles and the « Révision éditoriale » workflow (SPEC §6, issue #7): what each
role can and cannot do, the happy path, a request for changes, the refusal of
self-approval, the emails, scheduled publishing and expiry, a translation round trip,
old WordPress addresses, the admin's language and the content checker."""

import datetime
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision, WorkflowState

from consortium.staff.editorial_workflow import WORKFLOW_NAME
from consortium.upstream.translation import translate
from news.factories import NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db

STAFF = ("redaction", "communications", "communications2", "comite")


def draft(newsroom, author, title="Nouvelle entente avec la CDRQ"):
    """A news draft written by ``author`` (never live until approved)."""
    page = NewsPageFactory.build(title=title, slug="nouvelle-entente", live=False)
    newsroom["index"].add_child(instance=page)
    page.save_revision(user=author)
    return NewsPage.objects.get(pk=page.pk)


def submit(page, user):
    page.refresh_from_db()
    return page.get_workflow().start(page, user)


def current_task(page):
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


# Roles --------------------------------------------------------------------------------


def test_what_each_role_may_do_with_pages(newsroom):
    page = draft(newsroom, newsroom["redaction"])
    can = {name: page.permissions_for_user(newsroom[name]) for name in STAFF}
    assert can["redaction"].can_edit() and not can["redaction"].can_publish()
    assert can["communications"].can_edit() and can["communications"].can_publish()
    assert not can["comite"].can_edit() and not can["comite"].can_publish()


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/admin/snippets/news/newscategory/add/", {"communications"}),
        ("/admin/snippets/consortium/navigationmenu/", {"communications"}),
        ("/admin/settings/consortium/organisationsettings/", {"communications"}),
        ("/admin/redirects/", {"communications"}),
        ("/admin/images/", {"communications", "redaction"}),
        ("/admin/pages/", {"communications", "redaction"}),
        ("/admin/membership-applications/", {"comite"}),
    ],
)
def test_what_each_role_may_open_in_the_admin(client, newsroom, url, allowed):
    for name in ("redaction", "communications", "comite"):
        client.force_login(newsroom[name])
        response = client.get(url, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        if name in allowed:
            assert response.status_code == 200 and final.startswith(url), (name, url)
        else:
            # « Permission denied »: the dashboard with a message, or a 403.
            assert response.status_code == 403 or final == "/admin/", (name, url, final)


def test_only_communications_is_offered_publish(client, newsroom):
    page = draft(newsroom, newsroom["redaction"])
    for name, can_publish in (("redaction", False), ("communications", True)):
        client.force_login(newsroom[name])
        editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        assert ('name="action-publish"' in editor) is can_publish, name
        assert 'name="action-submit"' in editor, name


def test_communications_publishes_its_own_edit_without_review(newsroom):
    """The decision docs/guide-redaction.md states: the review is for Rédaction's work;
    Communications may publish its own edits directly (and may still submit them)."""
    own = draft(newsroom, newsroom["communications"], title="Correction du numéro de téléphone")
    assert own.permissions_for_user(newsroom["communications"]).can_publish()
    assert not own.permissions_for_user(newsroom["redaction"]).can_publish()
    own.get_latest_revision().publish(user=newsroom["communications"])
    own.refresh_from_db()
    assert own.live and own.live_revision.user == newsroom["communications"]


# The workflow ------------------------------------------------------------------------


def test_the_workflow_covers_every_language(newsroom, site_tree):
    assert site_tree.fr_home.get_workflow().name == WORKFLOW_NAME
    assert site_tree.en_home.get_workflow().name == WORKFLOW_NAME
    assert draft(newsroom, newsroom["redaction"]).get_workflow().name == WORKFLOW_NAME


def test_happy_path_submit_approve_publish_with_emails(newsroom):
    page = draft(newsroom, newsroom["redaction"])
    mail.outbox.clear()
    submit(page, newsroom["redaction"])
    reviewers = {address for email in mail.outbox for address in email.to}
    assert {"communications@consortium.example", "communications2@consortium.example"} <= reviewers
    assert "redaction@consortium.example" not in reviewers
    task_state = current_task(page)
    task = task_state.task.specific
    actions = [name for name, _label, _modal in task.get_actions(page, newsroom["communications"])]
    assert "approve" in actions and "reject" in actions
    # Rédaction is not a reviewer.
    assert task.get_actions(page, newsroom["redaction"]) == []
    mail.outbox.clear()
    task.on_action(task_state, newsroom["communications"], "approve")
    page.refresh_from_db()
    assert page.live
    assert any("redaction@consortium.example" in email.to for email in mail.outbox)


def test_a_silent_mail_server_never_blocks_or_undoes_an_approval(
    client, newsroom, queued_mail, django_capture_on_commit_callbacks
):
    """Approving through the admin while the mail server accepts and never answers: the
    page goes live at once, the emails wait in the task queue, nothing is rolled back."""
    from django_tasks_db.models import DBTaskResult

    page = draft(newsroom, newsroom["redaction"])
    with django_capture_on_commit_callbacks(execute=True):
        submit(page, newsroom["redaction"])
    task_state = current_task(page)
    client.force_login(newsroom["communications"])
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
            {"comment": ""},
        )
    elapsed = time.monotonic() - started
    assert response.status_code in (200, 302), response.status_code
    assert elapsed < 2, elapsed
    page.refresh_from_db()
    assert page.live
    assert queued_mail == []  # the request never reached the mail server
    emails = DBTaskResult.objects.filter(task_path="consortium.messaging.mail.send_queued_email")
    queued = [task.args_kwargs["args"][0] for task in emails]
    recipients = {address for email in queued for address in email["to"]}
    assert "redaction@consortium.example" in recipients  # the author hears of it, later


def test_request_for_changes_sends_it_back_with_the_comment(newsroom):
    page = draft(newsroom, newsroom["redaction"])
    submit(page, newsroom["redaction"])
    task_state = current_task(page)
    mail.outbox.clear()
    task_state.task.specific.on_action(
        task_state, newsroom["communications"], "reject", comment="Ajoutez la date de l’entente."
    )
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Ajoutez la date de l’entente."
    assert any("redaction@consortium.example" in email.to for email in mail.outbox)


def test_nobody_approves_their_own_last_edit(newsroom):
    page = draft(newsroom, newsroom["redaction"])
    # Communications edits the draft, then submits it: its own last edit.
    page.title = "Nouvelle entente avec la CDRQ (révisé)"
    page.save_revision(user=newsroom["communications"])
    submit(page, newsroom["communications"])
    task_state = current_task(page)
    task = task_state.task.specific
    own = [name for name, _label, _modal in task.get_actions(page, newsroom["communications"])]
    assert "approve" not in own and "reject" in own
    with pytest.raises(PermissionDenied):
        task.on_action(task_state, newsroom["communications"], "approve")
    page.refresh_from_db()
    assert not page.live
    # Another member of Communications approves.
    task.on_action(task_state, newsroom["communications2"], "approve")
    page.refresh_from_db()
    assert page.live and page.title.endswith("(révisé)")


# Scheduling ---------------------------------------------------------------------------


def test_scheduled_publishing_and_expiry_by_the_cron_command(newsroom):
    page = draft(newsroom, newsroom["redaction"])
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live
    page.save_revision(user=newsroom["communications"]).publish(user=newsroom["communications"])
    page.refresh_from_db()
    assert not page.live and page.get_latest_revision().approved_go_live_at == go_live
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet
    # An hour passes (the revision's time and its content's, as the clock would).
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(pk=page.latest_revision_id)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live and page.expired


# Translation --------------------------------------------------------------------------


def test_translation_round_trip_follows_the_french_after_sync(newsroom, site_tree):
    translate(newsroom["index"], site_tree.locales["en"], {"Actualités et conseils": "News"})
    french = NewsPageFactory(
        parent=newsroom["index"], title="La CDRQ et le Consortium", slug="cdrq-consortium"
    )
    english, _missing = translate(
        french,
        site_tree.locales["en"],
        {"La CDRQ et le Consortium": "CDRQ and the Consortium", "cdrq-consortium": "cdrq"},
    )
    assert english.title == "CDRQ and the Consortium" and english.date == french.date
    # The French changes: a new date (synchronised) and a new title (translated).
    french.date = datetime.date(2019, 4, 15)
    french.title = "La CDRQ et le Consortium renforcent leur partenariat"
    french.save_revision().publish()
    english, _missing = translate(
        NewsPage.objects.get(pk=french.pk),
        site_tree.locales["en"],
        {"La CDRQ et le Consortium renforcent leur partenariat": "A stronger CDRQ partnership"},
    )
    english = NewsPage.objects.get(pk=english.pk)
    assert english.date == datetime.date(2019, 4, 15)
    assert english.title == "A stronger CDRQ partnership"
    assert english.locale.language_code == "en" and english.url.startswith("/en/")


# Old addresses ------------------------------------------------------------------------


def test_old_wordpress_addresses_redirect_after_import(client, newsroom):
    article = NewsPageFactory(parent=newsroom["index"], slug="alliance-cdrq-consortium")
    source = Path(settings.BASE_DIR) / "docs" / "redirects" / "wordpress.csv"
    output = StringIO()
    call_command("import_old_addresses", str(source), stdout=output)
    assert "2 redirect(s) to pages and 2 to links saved" in output.getvalue()
    response = client.get("/?p=1234")
    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/alliance-cdrq-consortium/"
    response = client.get("/2019/04/15/la-cdrq-et-le-consortium-renforcent-leur-partenariat/")
    assert response.status_code == 301
    assert response["Location"] == "/fr/actualites/alliance-cdrq-consortium/"
    # The redirect follows the page when it is renamed.
    article.slug = "partenariat-cdrq"
    article.save_revision().publish()
    assert client.get("/?p=1234")["Location"] == "/fr/actualites/partenariat-cdrq/"
    # An unknown old id still lands on the home page, as before; a second import changes
    # nothing.
    assert client.get("/?p=5")["Location"] == "/fr/"
    call_command("import_old_addresses", str(source), stdout=StringIO())
    from wagtail.contrib.redirects.models import Redirect

    assert Redirect.objects.count() == 4


# The admin ----------------------------------------------------------------------------


def test_the_admin_speaks_french_to_staff_by_default(client, newsroom):
    client.force_login(newsroom["redaction"])
    content = client.get("/admin/").content.decode()
    assert '<html lang="fr"' in content and "Aller au contenu principal" in content


def test_the_content_checker_runs_the_rules_for_content(client, newsroom):
    client.force_login(newsroom["communications"])
    content = client.get("/fr/").content.decode()
    assert "image-alt" in content and "heading-order" in content and "link-name" in content


def test_the_editor_offers_choices_in_the_pages_language_only(client, newsroom, site_tree):
    from news.factories import NewsCategoryFactory

    french_category = NewsCategoryFactory(name="Partenariats", slug="partenariats")
    translate(french_category, site_tree.locales["en"], {"Partenariats": "Partnerships"})
    english_index, _missing = translate(
        newsroom["index"], site_tree.locales["en"], {"Actualités et conseils": "News"}
    )
    client.force_login(newsroom["communications"])
    french = client.get(f"/admin/pages/add/news/newspage/{newsroom['index'].pk}/")
    english = client.get(f"/admin/pages/add/news/newspage/{english_index.pk}/")
    assert french.status_code == english.status_code == 200
    french_form, english_form = french.content.decode(), english.content.decode()
    assert ">Partenariats</option>" in french_form and "Partnerships" not in french_form
    assert ">Partnerships</option>" in english_form and ">Partenariats</option>" not in english_form


def test_only_the_committee_side_may_redirect_the_committees_notifications(
    client, newsroom, admin_user
):
    """Communications edits the contact details, but not the address that receives every
    application (it would redirect applicants' personal information)."""
    from consortium.models import OrganisationSettings

    url = f"/admin/settings/consortium/organisationsettings/{OrganisationSettings.load().pk}/"
    client.force_login(newsroom["communications"])
    page = client.get(url).content.decode()
    assert 'name="main_phone"' in page and 'name="committee_email"' not in page
    # Nor by a form posted by hand: the field is not in Communications' form at all.
    settings_ = OrganisationSettings.load()
    settings_.committee_email = "comite@consortium.example"
    settings_.save()
    posted = {
        "committee_email": "ailleurs@example.com",
        "email": "info@consortium.example",
        "open_from_day": 0,
        "open_to_day": 4,
        "opens_at": "08:30",
        "closes_at": "16:30",
    }
    posted |= {"social_links-TOTAL_FORMS": 0, "social_links-INITIAL_FORMS": 0}
    posted |= {"offices-TOTAL_FORMS": 1, "offices-INITIAL_FORMS": 0, "offices-0-ORDER": 1}
    posted |= {"offices-0-city": "Montréal", "offices-0-province": "QC"}
    posted |= {"offices-0-street_address": "1, rue Exemple", "offices-0-postal_code": "H2X 1Y4"}
    assert client.post(url, posted).status_code == 302
    settings_.refresh_from_db()
    assert (settings_.email, settings_.committee_email) == (
        "info@consortium.example",
        "comite@consortium.example",
    )
    client.force_login(admin_user)
    assert 'name="committee_email"' in client.get(url).content.decode()


def test_an_office_needs_its_street_and_postal_code(client, newsroom):
    """CASL: the settings refuse an office without a full postal address, in French."""
    from consortium.models import OrganisationSettings

    url = f"/admin/settings/consortium/organisationsettings/{OrganisationSettings.load().pk}/"
    client.force_login(newsroom["communications"])
    posted = {"open_from_day": 0, "open_to_day": 4, "opens_at": "08:30", "closes_at": "16:30"}
    posted |= {"social_links-TOTAL_FORMS": 0, "social_links-INITIAL_FORMS": 0}
    posted |= {"offices-TOTAL_FORMS": 1, "offices-INITIAL_FORMS": 0, "offices-0-ORDER": 1}
    posted |= {"offices-0-city": "Montréal", "offices-0-province": "QC"}
    posted |= {"offices-0-street_address": "", "offices-0-postal_code": "12345"}
    response = client.post(url, posted)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Champ requis." in html
    assert "Saisissez un code postal canadien, par exemple H2X 1Y4." in html
