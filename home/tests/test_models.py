"""Home app page types: tree rules, call-to-action link, key figures."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from consortium.pages.validators import validate_link_target
from events.models import EventIndexPage
from expertise.models import ExpertiseIndexPage
from home.factories import HomePageFactory, StandardPageFactory
from home.models import (
    ContactPage,
    GovernancePolicyPage,
    HomePage,
    PrivacyPolicyPage,
    StandardPage,
)
from membership.models import MembershipPage
from news.models import NewsIndexPage
from newsletter.models import NewsletterPage
from services.models import ServiceRequestPage

pytestmark = pytest.mark.django_db


class TestTreeRules:
    def test_home_page_only_under_the_root(self):
        assert HomePage.allowed_parent_page_models() == [Page]
        assert HomePage.allowed_subpage_models() == [
            StandardPage,
            ContactPage,
            PrivacyPolicyPage,
            GovernancePolicyPage,
            MembershipPage,
            ServiceRequestPage,
            NewsIndexPage,
            ExpertiseIndexPage,
            EventIndexPage,
            NewsletterPage,
        ]

    def test_one_home_page_per_parent(self, site_tree):
        root = Page.get_first_root_node()
        # The root already holds the French home (and its English translation).
        assert not HomePage.can_create_at(root)

    def test_standard_page_lives_under_home_or_standard_pages(self, site_tree):
        assert StandardPage.can_create_at(site_tree.fr_home)
        assert StandardPage.can_create_at(site_tree.fr_accessibility)
        assert not StandardPage.can_create_at(site_tree.fr_privacy)
        assert not StandardPage.can_create_at(Page.get_first_root_node())

    def test_one_privacy_policy_per_home_and_nothing_under_it(self, site_tree):
        assert PrivacyPolicyPage.allowed_parent_page_models() == [HomePage]
        assert PrivacyPolicyPage.allowed_subpage_models() == []
        # The French home already has its policy; the English home has the translation.
        for home in (site_tree.fr_home, site_tree.en_home):
            home.refresh_from_db()  # treebeard reads the stored number of children
            assert not PrivacyPolicyPage.can_create_at(home)


class TestCallToAction:
    def test_chosen_page_wins_and_follows_the_language(self, site_tree):
        site_tree.fr_home.cta_page = site_tree.fr_privacy
        site_tree.fr_home.cta_url = "#coordonnees"
        with translation.override("fr"):
            assert site_tree.fr_home.cta_link == "/fr/confidentialite/"
        with translation.override("en"):
            assert site_tree.fr_home.cta_link == "/en/privacy/"

    def test_address_used_without_a_page(self, site_tree):
        assert site_tree.fr_home.cta_link == "#coordonnees"

    @pytest.mark.parametrize(
        "value", ["https://leconsortium.coop/", "/fr/adhesion/", "#coordonnees", "tel:+14186221001"]
    )
    def test_valid_targets(self, value):
        validate_link_target(value)

    @pytest.mark.parametrize(
        "value", ["javascript:alert(1)", "leconsortium.coop", "ftp://x", "//evil.example/"]
    )
    def test_invalid_targets_get_a_clear_message_in_the_editors_language(self, value):
        with translation.override("fr"), pytest.raises(ValidationError, match="adresse Web"):
            validate_link_target(value)
        with translation.override("en"), pytest.raises(ValidationError, match="web address"):
            validate_link_target(value)


def test_key_figure_renders_its_year(site_tree):
    block = site_tree.fr_home.key_figures[0]
    html = block.render()
    assert "50" in html and "professionnels" in html and "2020" in html


def test_factories_build_valid_pages(site_tree):
    page = StandardPageFactory(parent=site_tree.fr_home, title="À propos")
    page.full_clean()
    home = HomePageFactory.build()
    assert home.hero_title
