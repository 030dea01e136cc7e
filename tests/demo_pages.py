"""One page of each public type of the demo site, in French and in English: the pages that
the HTML checker and axe-core check (tests/system/test_html_validity.py and
tests/system/test_browser.py)."""

# (page type, French address, English address, expected status)
DEMO_PAGES = [
    ("home", "/fr/", "/en/", 200),
    ("news index", "/fr/actualites/", "/en/news/", 200),
    ("news index, filtered", "/fr/actualites/?year=2019", "/en/news/?year=2019", 200),
    (
        "news article",
        "/fr/actualites/le-consortium-devient-le-crec/",
        "/en/news/the-consortium-becomes-the-crec/",
        200,
    ),
    ("expertise index", "/fr/expertises/", "/en/expertise/", 200),
    ("field of expertise", "/fr/expertises/gouvernance/", "/en/expertise/governance/", 200),
    ("standard page (about)", "/fr/a-propos/", "/en/about/", 200),
    ("annual reports index", "/fr/a-propos/rapports-annuels/", "/en/about/annual-reports/", 200),
    (
        "annual report",
        "/fr/a-propos/rapports-annuels/2024-2025/",
        "/en/about/annual-reports/2024-2025/",
        200,
    ),
    ("standard page (accessibility)", "/fr/accessibilite/", "/en/accessibility/", 200),
    ("contact page", "/fr/contact/", "/en/contact/", 200),
    ("privacy policy", "/fr/confidentialite/", "/en/privacy/", 200),
    ("membership page and form", "/fr/adhesion/", "/en/membership/", 200),
    ("membership confirmation", "/fr/adhesion/merci/", "/en/membership/thanks/", 200),
    (
        "membership: link not valid",
        "/fr/adhesion/complement/x/",
        "/en/membership/more-information/x/",
        404,
    ),
    (
        "membership: information received",
        "/fr/adhesion/complement-recu/",
        "/en/membership/information-received/",
        200,
    ),
    (
        "service request form, a field chosen",
        "/fr/demande-de-service/?expertise=services-juridiques",
        "/en/service-request/?expertise=legal-services",
        200,
    ),
    (
        "service request confirmation",
        "/fr/demande-de-service/merci/",
        "/en/service-request/thanks/",
        200,
    ),
    ("events index", "/fr/evenements/", "/en/events/", 200),
    ("newsletter", "/fr/infolettre/", "/en/newsletter/", 200),
    ("newsletter, check your inbox", "/fr/infolettre/merci/", "/en/newsletter/thanks/", 200),
    (
        "governance policy",
        "/fr/gouvernance-renseignements-personnels/",
        "/en/personal-information-governance/",
        200,
    ),
    (
        "event (training)",
        "/fr/evenements/formation-gouvernance/",
        "/en/events/governance-training/",
        200,
    ),
    (
        "event (general assembly)",
        "/fr/evenements/assemblee-generale/",
        "/en/events/general-assembly/",
        200,
    ),
    ("members' directory", "/fr/membres/", "/en/members/", 200),
    ("members' directory, filtered", "/fr/membres/?region=06", "/en/members/?region=06", 200),
    ("search results", "/fr/recherche/?q=gouvernance", "/en/search/?q=governance", 200),
    ("not found", "/fr/page-introuvable/", "/en/no-such-page/", 404),
]
