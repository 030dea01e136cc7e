"""Adding a page (consortium.upstream.page_creation, consortium.pages.forms): no autosaved orphan
draft, a slug conflict said in plain French at the top of the form, ASCII addresses."""

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify
from django.utils.translation import override
from wagtail.models import Page

from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def editor_controllers(response) -> list[str]:
    """The behaviours (Stimulus controllers) of the page editor's form."""
    document = BeautifulSoup(response.content, "html.parser")
    form = document.select_one('form[data-controller~="w-unsaved"]')
    return form["data-controller"].split()


def add_url(index) -> str:
    return f"/admin/pages/add/news/newspage/{index.pk}/"


def test_the_add_page_has_no_autosave_and_the_edit_page_keeps_it(client, newsroom):
    client.force_login(newsroom["redaction"])
    index = newsroom["index"]
    adding = client.get(add_url(index))
    assert adding.status_code == 200
    assert "w-autosave" not in editor_controllers(adding)
    page = NewsPageFactory(parent=index)
    editing = client.get(f"/admin/pages/{page.pk}/edit/")
    assert editing.status_code == 200 and "w-autosave" in editor_controllers(editing)


def test_the_add_page_keeps_wagtails_access_checks(client, newsroom, django_user_model):
    index = newsroom["index"]
    client.logout()
    response = client.get(add_url(index))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(newsroom["comite"])  # staff, without page permissions
    response = client.get(add_url(index), follow=True)
    assert "w-unsaved" not in response.content.decode()
    client.force_login(newsroom["redaction"])
    assert "no-cache" in client.get(add_url(index))["Cache-Control"]


def test_a_slug_conflict_is_explained_at_the_top_in_french(newsroom):
    index = newsroom["index"]
    NewsPageFactory(parent=index, title="Assemblée générale 2026", slug="assemblee-generale-2026")
    form_class = NewsPage.get_edit_handler().get_form_class()
    page = NewsPage(locale=index.locale)
    form = form_class(
        {
            "title": "Assemblée générale 2026",
            "slug": "assemblee-generale-2026",
            "body-count": "0",
        },
        instance=page,
        parent_page=index,
        for_user=newsroom["communications"],
    )
    with override("fr"):
        assert not form.is_valid()
    assert form.has_error("slug")  # Wagtail's own, on the « Promotion » tab
    (message,) = form.non_field_errors()  # shown in the banner at the top of the editor
    assert message.startswith(
        "Une autre page à cet endroit a déjà l’adresse « assemblee-generale-2026 »"
    )


def test_slugs_made_from_french_titles_are_ascii(settings, locales):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    assert slugify("Développement économique régional") == "developpement-economique-regional"
    page = NewsIndexPageFactory.build(title="Événements régionaux", slug="")
    Page.get_first_root_node().add_child(instance=page)
    assert page.slug == "evenements-regionaux"
