"""Demo content of the home app: the home page and the privacy and accessibility pages.

Written in the project's own words from the facts of the Consortium's publications
(../shared/seeds): founded in 2011, nearly 50 professionals in 20 fields of expertise, more
than a hundred member organisations at the end of 2020, 75 000 hours of service and
$4.5 M in revenue (+25 %) in the financial year reported in July 2020.
Each French string is paired with its English translation, applied through wagtail-localize.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from consortium.demo import DemoContext, ensure_translated_page

from .models import ContactPage, HomePage, StandardPage

# (French, English) pairs: the French builds the page, the pairs translate it.
HOME = {
    "title": ("Accueil", "Home"),
    "slug": ("accueil", "home"),
    "seo_title": (
        "Le Consortium : l’expertise partagée des entreprises collectives",
        "The Consortium: shared expertise for collective enterprises",
    ),
    "search_description": (
        "Coopérative de solidarité fondée en 2011, le Consortium met une cinquantaine de "
        "professionnels au service des coopératives, mutuelles et OBNL du Québec, au juste coût.",
        "A solidarity cooperative founded in 2011, the Consortium puts some fifty professionals "
        "at the service of Québec’s cooperatives, mutuals and non-profits, at cost.",
    ),
    "hero_title": (
        "L’expertise partagée des entreprises collectives du Québec",
        "Shared expertise for Québec’s collective enterprises",
    ),
    "hero_intro": (
        "Coopératives, mutuelles, OBNL et leurs regroupements mettent en commun une équipe "
        "d’une cinquantaine de professionnels dans une vingtaine de champs d’expertise. "
        "Chaque membre y a accès au juste coût.",
        "Cooperatives, mutuals, non-profits and their federations share a team of some fifty "
        "professionals in about twenty fields of expertise. Every member has access to it "
        "at cost.",
    ),
    "mission_heading": ("Notre mission", "Our mission"),
    "key_figures_heading": ("Le Consortium en chiffres", "The Consortium in figures"),
    "cta_heading": (
        "Votre organisation a besoin d’une expertise ?",
        "Does your organisation need expertise?",
    ),
    "cta_text": (
        "Fédérations, coopératives, mutuelles, OBNL et coopératives de développement régional "
        "peuvent devenir membres du Consortium. Parlons de vos besoins.",
        "Federations, cooperatives, mutuals, non-profits and regional development cooperatives "
        "can become members of the Consortium. Let’s talk about your needs.",
    ),
    "cta_label": ("Nous joindre", "Contact us"),
}

MISSION_PARAGRAPHS = [
    (
        "Fondé en 2011, le Consortium est une coopérative de solidarité qui sert de centre de "
        "services partagés aux réseaux coopératifs et mutualistes. Il réunit sous un même toit "
        "les expertises utiles au démarrage, à la consolidation et à la croissance des "
        "entreprises collectives : droit, ressources humaines, comptabilité, communications, "
        "technologies et bien d’autres.",
        "Founded in 2011, the Consortium is a solidarity cooperative that acts as the shared "
        "services centre of the cooperative and mutualist networks. It brings together the "
        "expertise that collective enterprises need to start, consolidate and grow: law, human "
        "resources, accounting, communications, technology and much more.",
    ),
    (
        "Le Consortium ne cherche pas le profit. Ses membres paient ce que coûtent les services "
        "reçus, ni plus ni moins : c’est le principe du juste coût. Ses professionnels "
        "connaissent la coopération, ses valeurs et son fonctionnement, et ce sont les besoins "
        "des membres qui déterminent son offre.",
        "The Consortium does not seek profit. Its members pay what the services they receive "
        "cost, no more and no less: that is the at-cost principle. Its professionals know "
        "cooperation, its values and how it works, and the members’ needs shape what it offers.",
    ),
]

KEY_FIGURES = [
    # (figure fr, figure en), (label fr, label en), year
    (
        ("Près de 50", "Nearly 50"),
        ("professionnels spécialisés", "specialised professionals"),
        2020,
    ),
    (("20", "20"), ("champs d’expertise", "fields of expertise"), 2020),
    (
        ("Plus de 100", "More than 100"),
        (
            "organisations membres de l’économie sociale",
            "member organisations in the social economy",
        ),
        2020,
    ),
    (
        ("75 000", "75,000"),
        ("heures de services rendues en un an", "hours of service in a year"),
        2020,
    ),
    (
        ("4,5 M$", "$4.5M"),
        ("de revenus annuels, en hausse de 25 %", "in annual revenue, up 25%"),
        2020,
    ),
]

PRIVACY = {
    "title": ("Politique de confidentialité", "Privacy policy"),
    "slug": ("confidentialite", "privacy"),
    "intro": (
        "Le Consortium protège les renseignements personnels qu’il recueille, conformément à la "
        "Loi sur la protection des renseignements personnels dans le secteur privé (Loi 25).",
        "The Consortium protects the personal information it collects, in accordance with "
        "Québec’s Act respecting the protection of personal information in the private sector "
        "(Law 25).",
    ),
    "body": [
        ("heading", "Ce que ce site recueille", "What this site collects"),
        (
            "paragraph",
            "La consultation du site ne requiert aucun renseignement personnel. Le site n’utilise "
            "ni outil de suivi publicitaire ni script de tiers. Un seul témoin facultatif retient "
            "la langue que vous avez choisie.",
            "Reading this site requires no personal information. The site uses no advertising "
            "tracker and no third-party script. A single optional cookie remembers the language "
            "you chose.",
        ),
        ("heading", "Vos droits", "Your rights"),
        (
            "paragraph",
            "Vous pouvez demander l’accès à vos renseignements, leur rectification ou leur "
            "suppression, et retirer votre consentement, en communiquant avec le responsable de "
            "la protection des renseignements personnels du Consortium aux coordonnées indiquées "
            "au bas de cette page.",
            "You may ask to access, correct or delete your information, and withdraw your "
            "consent, by contacting the Consortium’s person in charge of the protection of "
            "personal information at the contact details at the bottom of this page.",
        ),
    ],
}

ACCESSIBILITY = {
    "title": ("Déclaration d’accessibilité", "Accessibility statement"),
    "slug": ("accessibilite", "accessibility"),
    "intro": (
        "Le Consortium veut que son site soit utilisable par toutes et tous, y compris les "
        "personnes qui naviguent au clavier ou avec un lecteur d’écran.",
        "The Consortium wants its site to be usable by everyone, including people who browse "
        "with a keyboard or a screen reader.",
    ),
    "body": [
        ("heading", "Notre cible", "Our target"),
        (
            "paragraph",
            "Le site vise la conformité au niveau AA des Règles pour l’accessibilité des contenus "
            "Web (WCAG) 2.1, sur lesquelles s’appuie le standard québécois SGQRI 008. Chaque "
            "type de page est vérifié automatiquement, en français et en anglais, sur téléphone "
            "et sur ordinateur.",
            "The site aims to meet level AA of the Web Content Accessibility Guidelines (WCAG) "
            "2.1, on which Québec’s SGQRI 008 standard is based. Every page type is checked "
            "automatically, in French and in English, on phones and on computers.",
        ),
        ("heading", "Signaler un obstacle", "Report a barrier"),
        (
            "paragraph",
            "Un contenu vous est inaccessible ? Communiquez avec nous aux coordonnées indiquées au "
            "bas de cette page : nous vous répondrons et vous fournirons l’information sous une "
            "autre forme.",
            "Is some content inaccessible to you? Contact us using the details at the bottom of "
            "this page: we will answer and provide the information in another format.",
        ),
    ],
}


ABOUT = {
    "title": ("À propos", "About us"),
    "slug": ("a-propos", "about"),
    "intro": (
        "Le Consortium est une coopérative de solidarité qui appartient aux entreprises "
        "collectives qu’elle sert : il existe par et pour ses membres.",
        "The Consortium is a solidarity cooperative owned by the collective enterprises it "
        "serves: it exists by and for its members.",
    ),
    "body": [
        ("heading", "Notre mission", "Our mission"),
        (
            "paragraph",
            "Regrouper sous un même toit les expertises utiles au développement et à la "
            "consolidation de l’entrepreneuriat collectif, et les offrir au juste coût. Le "
            "Consortium agit en complément des fédérations et des regroupements : il ne les "
            "remplace pas, il leur apporte des appuis techniques et humains.",
            "To bring together under one roof the expertise that helps collective "
            "entrepreneurship grow and consolidate, and to offer it at cost. The Consortium "
            "complements federations and networks: it does not replace them, it gives them "
            "technical and human support.",
        ),
        ("heading", "Le juste coût", "At cost"),
        (
            "paragraph",
            "Le Consortium ne vise pas le profit. Les membres qui font appel à lui paient ce "
            "qu’il en coûte pour les services reçus, ni plus ni moins.",
            "The Consortium does not aim for profit. Members who call on it pay what the "
            "services they receive cost, no more and no less.",
        ),
    ],
    "timeline": (
        "Notre histoire",
        "Our history",
        [
            (
                "2011",
                "2011",
                "Fondation du Consortium, une coopérative de solidarité créée par des fédérations coopératives qui avaient des besoins de services communs.",
                "The Consortium is founded as a solidarity cooperative by co-operative federations with shared service needs.",
            ),
            (
                "2014",
                "2014",
                "Le 1er décembre, l’assemblée générale extraordinaire en fait le Consortium de ressources et d’expertises coopératives (CREC), ouvert à l’ensemble des regroupements : ils passent de quatre à plus d’une vingtaine.",
                "On 1 December, a special general assembly turns it into the Consortium de ressources et d’expertises coopératives (CREC), open to every co-operative group: their number grows from four to more than twenty.",
            ),
            (
                "2015",
                "2015",
                "Le plan stratégique des réseaux coopératifs et mutualistes mise sur une synergie entre la CDRQ et le Consortium.",
                "The strategic plan of the co-operative and mutualist networks counts on a synergy between the CDRQ and the Consortium.",
            ),
            (
                "2019",
                "2019",
                "Alliance avec la Coopérative de développement régional du Québec (CDRQ) : plus de 70 conseillers au service des coopératives.",
                "Alliance with the Coopérative de développement régional du Québec (CDRQ): more than 70 advisers serving cooperatives.",
            ),
            (
                "2020",
                "2020",
                "Soutien aux membres pendant la pandémie, puis contribution au Plan d’action gouvernemental en économie sociale (PAGES) 2020-2025.",
                "Support for members through the pandemic, then a contribution to the government’s social economy action plan (PAGES) 2020-2025.",
            ),
            (
                "Aujourd’hui",
                "Today",
                "Devenu le Consortium de coopération des entreprises collectives, il regroupe une cinquantaine de professionnels dans une vingtaine de champs d’expertise.",
                "Now the Consortium de coopération des entreprises collectives, it brings together some fifty professionals in about twenty fields of expertise.",
            ),
        ],
    ),
    "figures": (
        "Le Consortium en chiffres",
        "The Consortium in figures",
        [
            (
                ("Près de 50", "Nearly 50"),
                ("professionnels spécialisés", "specialised professionals"),
                2020,
            ),
            (("20", "20"), ("champs d’expertise", "fields of expertise"), 2020),
            (
                ("Plus de 100", "More than 100"),
                ("organisations membres", "member organisations"),
                2020,
            ),
            (
                ("75 000", "75,000"),
                ("heures de services en un an", "hours of service in a year"),
                2020,
            ),
        ],
    ),
    "governance": [
        ("heading", "Gouvernance", "Governance"),
        (
            "paragraph",
            "Le conseil d’administration est formé principalement de représentants des "
            "regroupements membres, ce qui garde l’offre de services ancrée dans leurs besoins. "
            "En 2020, Yvan Laurin en est le président et J. Benoit Caron, le directeur général.",
            "The board of directors is made up mainly of representatives of the member groups, "
            "which keeps the services rooted in their needs. In 2020, Yvan Laurin is its "
            "president and J. Benoit Caron the executive director.",
        ),
    ],
}

CONTACT = {
    "title": ("Nous joindre", "Contact us"),
    "slug": ("contact", "contact"),
    "intro": (
        "Une question sur nos services ou sur l’adhésion ? Appelez-nous ou passez à l’un de "
        "nos deux bureaux, du lundi au vendredi.",
        "A question about our services or membership? Call us or visit one of our two "
        "offices, Monday to Friday.",
    ),
}


def _pairs(spec: dict, fields: list[str]) -> dict[str, str]:
    return {spec[name][0]: spec[name][1] for name in fields}


def _build_home(ctx: DemoContext) -> HomePage:
    french = {name: pair[0] for name, pair in HOME.items()}
    home = HomePage(
        locale=ctx.locales["fr"],
        mission="".join(f"<p>{fr}</p>" for fr, _en in MISSION_PARAGRAPHS),
        key_figures=[
            ("figure", {"figure": figure[0], "label": label[0], "year": year})
            for figure, label, year in KEY_FIGURES
        ],
        cta_url="#coordonnees",
        **french,
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Le Consortium"
    site.save()
    # Wagtail's installation leaves a placeholder « Welcome » page: the home page replaces it.
    Page.objects.filter(
        depth=2, slug="home", content_type=ContentType.objects.get_for_model(Page)
    ).delete()
    ctx.created("French home page")
    return home


def _home_strings() -> dict[str, str]:
    strings = dict(HOME.values())
    strings.update(dict(MISSION_PARAGRAPHS))
    for figure, label, _year in KEY_FIGURES:
        strings.update([figure, label])
    return strings


def _standard_page_strings(spec: dict) -> dict[str, str]:
    strings = _pairs(spec, ["title", "slug", "intro"])
    strings.update({fr: en for _kind, fr, en in spec["body"]})
    return strings


def _ensure_standard_page(ctx: DemoContext, home: HomePage, key: str, spec: dict):
    body = [(kind, fr if kind == "heading" else f"<p>{fr}</p>") for kind, fr, _en in spec["body"]]
    ctx.pages[key] = ensure_translated_page(
        ctx, home, StandardPage, spec, _standard_page_strings(spec), body=body
    )


def _ensure_english(ctx: DemoContext, page: Page, strings: dict[str, str]):
    if not page.has_translation(ctx.locales["en"]):
        ctx.translate(page, strings)
        ctx.created(f"English translation of « {page.title} »")


def _about_body() -> list:
    body = [(kind, fr if kind == "heading" else f"<p>{fr}</p>") for kind, fr, _en in ABOUT["body"]]
    heading, _en, events = ABOUT["timeline"]
    body.append(
        (
            "timeline",
            {"heading": heading, "events": [{"year": y, "text": t} for y, _ye, t, _te in events]},
        )
    )
    heading, _en, figures = ABOUT["figures"]
    body.append(
        (
            "key_figures",
            {
                "heading": heading,
                "figures": [
                    {"figure": figure[0], "label": label[0], "year": year}
                    for figure, label, year in figures
                ],
            },
        )
    )
    body += [
        (kind, fr if kind == "heading" else f"<p>{fr}</p>") for kind, fr, _en in ABOUT["governance"]
    ]
    return body


def _about_strings() -> dict[str, str]:
    strings = _pairs(ABOUT, ["title", "slug", "intro"])
    strings.update({fr: en for _kind, fr, en in ABOUT["body"] + ABOUT["governance"]})
    heading, heading_en, events = ABOUT["timeline"]
    strings[heading] = heading_en
    for year, year_en, text, text_en in events:
        strings.update({year: year_en, text: text_en})
    heading, heading_en, figures = ABOUT["figures"]
    strings[heading] = heading_en
    for figure, label, _year in figures:
        strings.update([figure, label])
    return strings


def build(ctx: DemoContext):
    """The French home page as the site root, its English translation, and the legal pages."""
    home = HomePage.objects.filter(locale=ctx.locales["fr"]).first() or _build_home(ctx)
    ctx.pages["home"] = home
    _ensure_english(ctx, home, _home_strings())
    _ensure_standard_page(ctx, home, "privacy", PRIVACY)
    _ensure_standard_page(ctx, home, "accessibility", ACCESSIBILITY)


def build_institutional(ctx: DemoContext):
    """The about and contact pages, after the news and expertise (so the menu reads: news,
    expertise, about, contact)."""
    home = ctx.pages["home"]
    ctx.pages["about"] = ensure_translated_page(
        ctx, home, StandardPage, ABOUT, _about_strings(), body=_about_body(), show_in_menus=True
    )
    ctx.pages["contact"] = ensure_translated_page(
        ctx, home, ContactPage, CONTACT, show_in_menus=True
    )
