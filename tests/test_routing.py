"""consortium.pages.routing finds the same page, with the same sub-route, as Wagtail's own routing
— on every kind of address of the demo site — in fewer queries."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, Site

from consortium.pages import routing
from expertise.models import ExpertisePage
from news.models import NewsIndexPage, NewsPage
from tests.demo_pages import DEMO_PAGES

pytestmark = pytest.mark.django_db

EXTRA_PATHS = [
    "/fr/actualites/rss/",
    "/en/news/rss/",
    "/fr/actualites/le-consortium-devient-le-crec/vote/",
    "/fr/actualites/le-consortium-devient-le-crec/inconnu/",
    "/fr/actualites/inconnu/",
    "/fr/a-propos/x/y/z/",
    "/fr/adhesion/merci/",
    "/en/membership/thanks/",
    "/fr/adhesion/complement/abc123/",
    "/en/membership/more-information/abc123/",
    "/en/adhesion/",  # a French slug under the English home
    "/fr/membership/",
]


def describe(result):
    """What a route result means, comparable between the two routings."""
    if result is None:
        return None
    page, args, kwargs = result
    if args and callable(args[0]):  # a routable page's sub-route: (view, args, kwargs)
        view, view_args, view_kwargs = args
        args = (view.__func__.__name__, tuple(view_args), dict(view_kwargs))
    return (type(page).__name__, page.pk, tuple(args), dict(kwargs))


def wagtail_route(request, path):
    site = Site.find_for_request(request)
    components = [component for component in path.split("/") if component]
    try:
        return site.root_page.localized.specific.route(request, components)
    except Http404:
        return None


def our_route(request, path):
    try:
        result = routing.find_route(request, path)
    except Http404:
        return None
    assert result is not routing.UNDECIDED
    return result


def both(path):
    language, rest = path.strip("/").partition("/")[::2]
    with translation.override(language):
        theirs = describe(wagtail_route(RequestFactory().get(path), rest))
        ours = describe(our_route(RequestFactory().get(path), rest))
    return theirs, ours


def all_paths():
    paths = [url.split("?")[0] for _kind, *urls, _status in DEMO_PAGES for url in urls]
    return [path for path in paths + EXTRA_PATHS if not path.startswith(("/fr/rech", "/en/sea"))]


def test_both_routings_agree_on_every_kind_of_address(demo):
    found = 0
    for path in all_paths():
        theirs, ours = both(path)
        assert ours == theirs, path
        found += theirs is not None
    # Not a comparison of two empty answers: most of these addresses are pages.
    assert found >= len(all_paths()) - 8


def test_unpublished_pages_and_pages_below_them(demo):
    NewsIndexPage.objects.get(locale__language_code="fr").unpublish()
    ExpertisePage.objects.get(slug="gouvernance").unpublish()
    for path in (
        "/fr/actualites/",
        "/fr/actualites/rss/",
        "/fr/actualites/le-consortium-devient-le-crec/",
        "/fr/expertises/gouvernance/",
    ):
        theirs, ours = both(path)
        assert ours == theirs, path
    # Wagtail serves a live article below an unpublished listing; so do we.
    assert both("/fr/actualites/le-consortium-devient-le-crec/")[1][0] == "NewsPage"
    assert both("/fr/expertises/gouvernance/")[1] is None


def test_the_route_costs_two_queries_at_any_depth(demo, django_assert_num_queries):
    article = NewsPage.objects.get(slug="le-consortium-devient-le-crec")
    request = RequestFactory().get(article.url)
    with translation.override("fr"):
        routing.find_route(RequestFactory().get("/"), "")  # the chrome cache, once
        Site.find_for_request(request)  # memoised on the request, as in every view
        with django_assert_num_queries(2):  # the pages on the path, the article's row
            result = routing.find_route(request, "actualites/le-consortium-devient-le-crec/")
    assert result.page.pk == article.pk
    # The parent is known: asking for it costs nothing more.
    parent_id = article.get_parent().pk
    with django_assert_num_queries(0):
        assert result.page.get_parent().pk == parent_id


def test_served_pages_go_through_wagtails_hooks(demo, client):
    """The view restriction hook still runs: a private page asks for a login."""
    from wagtail.models import PageViewRestriction

    page = Page.objects.get(slug="gouvernance", locale__language_code="fr")
    assert client.get("/fr/expertises/gouvernance/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/expertises/gouvernance/")
    # A visitor's login is the member space's (WAGTAIL_FRONTEND_LOGIN_URL).
    assert response.status_code == 302
    assert response["Location"].startswith("/membership/sign-in/?next=")
