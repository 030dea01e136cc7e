"""Demo content of the membership app: « Devenir membre » and « Nos membres » in French and
English."""

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from .models import MemberDirectoryPage, MembershipPage

PAGE = {
    "title": ("Devenir membre", "Become a member"),
    "slug": ("adhesion", "membership"),
    "intro": (
        "Coopératives, mutuelles, OBNL et leurs regroupements deviennent membres du Consortium "
        "pour avoir accès, au juste coût, à une cinquantaine de professionnels.",
        "Cooperatives, mutuals, non-profits and their networks become members of the "
        "Consortium to reach some fifty professionals, at cost.",
    ),
    "form_intro": (
        "Remplissez ce formulaire : le comité d’adhésion étudie chaque demande et vous répond "
        "par courriel.",
        "Fill in this form: the membership committee reviews every application and answers "
        "by email.",
    ),
    "thanks_text": (
        "Le comité d’adhésion étudie votre demande et vous écrira s’il a besoin d’un complément "
        "d’information, puis pour vous faire part de sa décision.",
        "The membership committee is reviewing your application and will write to you if it "
        "needs more information, then to tell you its decision.",
    ),
}

CATEGORIES = [
    (
        ("Membre utilisateur", "User member"),
        (
            "Une entreprise collective ou un regroupement qui fait appel aux services des "
            "experts du Consortium.",
            "A collective enterprise or network that calls on the Consortium’s experts.",
        ),
    ),
    (
        ("Membre de soutien", "Supporting member"),
        (
            "Une organisation qui partage la mission du Consortium et l’appuie, sans "
            "nécessairement utiliser ses services.",
            "An organisation that shares the Consortium’s mission and supports it, without "
            "necessarily using its services.",
        ),
    ),
    (
        ("Membre auxiliaire", "Auxiliary member"),
        (
            "Une organisation qui fait appel aux services de façon ponctuelle, selon les "
            "conditions fixées par le conseil d’administration.",
            "An organisation that uses the services from time to time, on the terms set by "
            "the board of directors.",
        ),
    ),
]

BODY = [
    ("heading", "Les avantages", "The benefits"),
    (
        "paragraph",
        "Un accès à des experts dans une vingtaine de champs, des services juridiques aux "
        "technologies de l’information, qui connaissent les entreprises collectives ; une voix "
        "à l’assemblée générale d’une coopérative qui appartient à ses membres.",
        "Access to experts in some twenty fields, from legal services to information "
        "technology, who know collective enterprises; a voice at the general assembly of a "
        "cooperative owned by its members.",
    ),
    ("heading", "Le juste coût", "At cost"),
    (
        "paragraph",
        "Le Consortium ne cherche pas de profit : chaque membre paie ce que coûtent les "
        "services qu’il reçoit, ni plus ni moins.",
        "The Consortium seeks no profit: each member pays what the services it receives "
        "cost, no more and no less.",
    ),
    ("heading", "Les conditions", "Conditions"),
    (
        "paragraph",
        "Être une entreprise collective (coopérative, mutuelle, OBNL) ou un regroupement "
        "d’entreprises collectives actif au Québec, souscrire la part sociale prévue par le "
        "règlement et respecter les règles de la coopérative.",
        "Be a collective enterprise (cooperative, mutual, non-profit) or a network of "
        "collective enterprises active in Québec, subscribe the share set by the by-laws and "
        "follow the cooperative’s rules.",
    ),
]


@demo_step(500)
def build(ctx: DemoContext):
    strings = {PAGE[name][0]: PAGE[name][1] for name in PAGE}
    for name, description in CATEGORIES:
        strings.update([name, description])
    strings.update({fr: en for _kind, fr, en in BODY})
    ctx.pages["membership"] = ensure_translated_page(
        ctx,
        ctx.pages["home"],
        MembershipPage,
        PAGE,
        strings,
        categories=[
            ("category", {"name": name[0], "description": description[0]})
            for name, description in CATEGORIES
        ],
        body=[(kind, fr if kind == "heading" else f"<p>{fr}</p>") for kind, fr, _en in BODY],
        form_intro=PAGE["form_intro"][0],
        thanks_text=PAGE["thanks_text"][0],
    )


DIRECTORY = {
    "title": ("Nos membres", "Our members"),
    "slug": ("membres", "members"),
    "intro": (
        "Les coopératives, mutuelles et OBNL membres du Consortium qui ont accepté de "
        "figurer dans ce répertoire.",
        "The Consortium’s member cooperatives, mutuals and non-profits that agreed to "
        "appear in this directory.",
    ),
}


@demo_step(510)
def build_directory(ctx: DemoContext):
    """« Nos membres » (/fr/membres/, /en/members/): filled by the committee's approvals."""
    ctx.pages["members"] = ensure_translated_page(
        ctx, ctx.pages["home"], MemberDirectoryPage, DIRECTORY
    )
