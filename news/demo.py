"""Demo content of the news app: the index and the five stories of the Consortium's own
publications (../shared/seeds), told in the project's words, with their real dates.

Each French string is paired with its English translation; pages and categories are
translated through wagtail-localize (consortium.upstream.translation), like an editor would.
Illustrations are drawn here (Pillow), nothing is downloaded.
"""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from consortium.bootstrap.demo import (
    DemoContext,
    demo_step,
    ensure_translated_page,
    ensure_translated_snippet,
)

from .models import NewsCategory, NewsIndexPage, NewsPage

CATEGORIES = {
    "partnerships": (("Partenariats", "partenariats"), ("Partnerships", "partnerships")),
    "cooperative-life": (
        ("Vie coopérative", "vie-cooperative"),
        ("Co-operative life", "cooperative-life"),
    ),
    "public-policy": (
        ("Politiques publiques", "politiques-publiques"),
        ("Public policy", "public-policy"),
    ),
    "advice": (("Conseils", "conseils"), ("Advice", "advice")),
}

INDEX = {
    "title": ("Actualités et conseils", "News and advice"),
    "slug": ("actualites", "news"),
    "intro": (
        "Les nouvelles du Consortium, de ses membres et de ses partenaires, et les conseils "
        "de nos experts pour les entreprises collectives.",
        "News from the Consortium, its members and partners, and advice from our experts for "
        "collective enterprises.",
    ),
}

ILLUSTRATION_ALT = (
    "Illustration : cercles entrelacés aux couleurs du Consortium, symbole de coopération",
    "Illustration: interlocking circles in the Consortium’s colours, a symbol of cooperation",
)

# Each story: slug, title, summary, body blocks as (kind, French, English), and the fields of
# expertise it concerns (keys of expertise.demo.FIELDS; the fields are built first).
STORIES = [
    {
        "key": "crec-2014",
        "fields": ["governance", "startup"],
        "date": datetime.date(2014, 12, 2),
        "category": "cooperative-life",
        "tags": ["CREC", "CQCM"],
        "slug": ("le-consortium-devient-le-crec", "the-consortium-becomes-the-crec"),
        "title": (
            "Le Consortium devient le CREC et s’ouvre à tout le mouvement coopératif",
            "The Consortium becomes the CREC and opens up to the whole co-operative movement",
        ),
        "summary": (
            "Réunis en assemblée générale extraordinaire à Lévis le 1er décembre 2014, les "
            "membres adoptent un nouveau nom et une mission élargie : un centre de services "
            "partagés pour l’ensemble des regroupements coopératifs du Québec.",
            "Meeting in a special general assembly in Lévis on 1 December 2014, the members "
            "adopt a new name and a wider mission: a shared services centre for all of "
            "Québec’s co-operative groups.",
        ),
        "body": [
            (
                "paragraph",
                "Créée en 2011 comme coopérative de solidarité, l’organisation prend le nom de "
                "Consortium de ressources et d’expertises coopératives (CREC). Son membership "
                "s’ouvre aux fédérations sectorielles et aux coopératives de développement "
                "régional : en quelques semaines, le nombre de regroupements affiliés passe de "
                "quatre à plus d’une vingtaine.",
                "Founded in 2011 as a solidarity cooperative, the organisation takes the name "
                "Consortium de ressources et d’expertises coopératives (CREC). Its membership "
                "opens to sector federations and regional development cooperatives: within a few "
                "weeks, the number of affiliated groups grows from four to more than twenty.",
            ),
            ("heading", "Des ressources mises en commun", "Pooled resources"),
            (
                "paragraph",
                "Le CREC regroupe des professionnels en ressources humaines, relations "
                "gouvernementales, droit, santé et sécurité du travail, marketing, finance et "
                "fiscalité ou organisation d’événements. Par l’entremise de leurs regroupements, "
                "plus de 2 000 coopératives québécoises pourront en profiter.",
                "The CREC brings together professionals in human resources, government relations, "
                "law, occupational health and safety, marketing, finance and taxation, and event "
                "organisation. Through their groups, more than 2,000 Québec cooperatives will "
                "benefit from them.",
            ),
            (
                "paragraph",
                "L’équipe compte alors une quinzaine de personnes, et une dizaine d’embauches "
                "sont prévues au cours des années suivantes.",
                "The team then numbers about fifteen people, and about ten more hires are planned "
                "over the following years.",
            ),
            (
                "quote",
                (
                    "Le CREC constitue un outil essentiel pour accroître la présence et le "
                    "rayonnement des coopératives.",
                    "Yvan Laurin, président du CREC",
                ),
                (
                    "The CREC is an essential tool to increase the presence and reach of "
                    "cooperatives.",
                    "Yvan Laurin, President of the CREC",
                ),
            ),
            (
                "source",
                "Conseil québécois de la coopération et de la mutualité",
                "Conseil québécois de la coopération et de la mutualité",
            ),
        ],
    },
    {
        "key": "cdrq-2019",
        "fields": ["startup", "projects"],
        "date": datetime.date(2019, 4, 15),
        "category": "partnerships",
        "tags": ["CDRQ"],
        "slug": ("alliance-cdrq-consortium", "cdrq-consortium-alliance"),
        "title": (
            "La CDRQ et le Consortium unissent leurs forces",
            "The CDRQ and the Consortium join forces",
        ),
        "summary": (
            "Une entente d’intercoopération met plus de 70 conseillers au service des "
            "coopératives, en particulier de celles qui ne sont membres d’aucune fédération.",
            "An inter-cooperation agreement puts more than 70 advisers at the service of "
            "cooperatives, especially those that belong to no federation.",
        ),
        "body": [
            (
                "paragraph",
                "La Coopérative de développement régional du Québec (CDRQ) et le Consortium "
                "concluent une alliance pour accélérer la consolidation et le développement des "
                "coopératives québécoises. La CDRQ apporte une trentaine de conseillers en "
                "développement coopératif répartis dans 11 bureaux régionaux ; le Consortium, une "
                "quarantaine de conseillers spécialisés.",
                "The Coopérative de développement régional du Québec (CDRQ) and the Consortium "
                "form an alliance to speed up the consolidation and growth of Québec "
                "cooperatives. The CDRQ brings some thirty co-operative development advisers in "
                "11 regional offices; the Consortium, some forty specialised advisers.",
            ),
            (
                "heading",
                "Les coopératives non fédérées d’abord",
                "Non-federated cooperatives first",
            ),
            (
                "paragraph",
                "L’entente sert la troisième orientation du plan stratégique des réseaux "
                "coopératifs et mutualistes adopté en 2015 : mieux soutenir les coopératives qui "
                "n’ont pas de fédération, avec une offre de services conçue pour elles.",
                "The agreement serves the third direction of the strategic plan adopted by the "
                "co-operative and mutualist networks in 2015: better support for cooperatives "
                "without a federation, with services designed for them.",
            ),
            (
                "quote",
                (
                    "L’absence d’une fédération de coopératives ne doit pas être un frein à la "
                    "création d’une coopérative.",
                    "Jacques Collins, président de la CDRQ",
                ),
                (
                    "The lack of a federation of cooperatives must not hold back the creation of a "
                    "cooperative.",
                    "Jacques Collins, President of the CDRQ",
                ),
            ),
            (
                "quote",
                (
                    "Ni sa taille, ni son budget ne devraient empêcher une coopérative de recourir à "
                    "des services spécialisés pour favoriser sa croissance.",
                    "J. Benoit Caron, directeur général du Consortium",
                ),
                (
                    "Neither its size nor its budget should stop a cooperative from using "
                    "specialised services to grow.",
                    "J. Benoit Caron, Executive Director of the Consortium",
                ),
            ),
        ],
    },
    {
        "key": "cqch-2019",
        "fields": ["legal", "web"],
        "date": datetime.date(2019, 6, 1),
        "category": "cooperative-life",
        "tags": ["CQCH"],
        "slug": ("coop-a-succes-le-consortium", "co-op-success-story-the-consortium"),
        "title": (
            "Coop à succès : le Consortium vu par l’habitation coopérative",
            "Co-op success story: the Consortium seen by housing cooperatives",
        ),
        "summary": (
            "Dans son magazine de juin 2019, la Confédération québécoise des coopératives "
            "d’habitation raconte comment le Consortium sert ses membres, au juste coût.",
            "In its June 2019 magazine, the Confédération québécoise des coopératives "
            "d’habitation tells how the Consortium serves its members, at cost.",
        ),
        "byline": ("Éric Tremblay, CQCH", "Éric Tremblay, CQCH"),
        "body": [
            (
                "paragraph",
                "Parti d’une quinzaine d’employés en 2014, le Consortium réunit en 2019 près de 50 "
                "professionnels dans 18 champs d’expertise, des services juridiques au "
                "développement Web. Tous les réseaux coopératifs et mutualistes du Québec en sont "
                "membres ; en habitation, c’est la CQCH.",
                "From about fifteen employees in 2014, the Consortium has grown by 2019 to nearly "
                "50 professionals in 18 fields of expertise, from legal services to web "
                "development. All of Québec’s co-operative and mutualist networks are members; in "
                "housing, the CQCH.",
            ),
            ("heading", "Le juste coût", "At cost"),
            (
                "paragraph",
                "Le Consortium ne vise pas le profit : les membres paient ce que coûtent les "
                "services reçus, ni plus ni moins. Ses professionnels connaissent les principes et "
                "le fonctionnement des coopératives, un atout face aux firmes privées.",
                "The Consortium does not aim for profit: members pay what the services they "
                "receive cost, no more and no less. Its professionals know how cooperatives work "
                "and the principles behind them, an edge over private firms.",
            ),
            (
                "paragraph",
                "Quand la personne qui organisait le congrès annuel de la CQCH a quitté son poste "
                "deux semaines avant l’événement, en avril 2019, le Consortium a fourni aussitôt "
                "une ressource expérimentée : l’événement a été un succès.",
                "When the person organising the CQCH’s annual convention left two weeks before the "
                "event, in April 2019, the Consortium immediately provided an experienced "
                "professional: the event was a success.",
            ),
            ("source", "Le magazine de la CQCH, juin 2019", "The CQCH magazine, June 2019"),
        ],
    },
    {
        "key": "idc-2020",
        "fields": ["public-affairs", "communications"],
        "date": datetime.date(2020, 7, 3),
        "category": "cooperative-life",
        "tags": ["COVID-19"],
        "slug": (
            "journee-internationale-des-cooperatives-2020",
            "international-day-of-cooperatives-2020",
        ),
        "title": (
            "Journée internationale des coopératives : un modèle unique au Canada",
            "International Day of Cooperatives: a model unique in Canada",
        ),
        "summary": (
            "À la veille du 4 juillet 2020, le Consortium rappelle ce que la coopération "
            "apporte en pleine pandémie : revenus en hausse de 25 % et 75 000 heures de "
            "services rendues à ses membres.",
            "On the eve of 4 July 2020, the Consortium recalls what cooperation brings in the "
            "middle of a pandemic: revenue up 25% and 75,000 hours of service to its members.",
        ),
        "body": [
            (
                "paragraph",
                "Sans aucun financement public, le centre de services partagés réunit près de 50 "
                "experts dans 20 champs d’expertise, au service de 60 organisations membres qui "
                "représentent plus de 500 entreprises collectives.",
                "With no public funding, the shared services centre brings together nearly 50 "
                "experts in 20 fields of expertise, serving 60 member organisations that represent "
                "more than 500 collective enterprises.",
            ),
            ("key_figures", "La dernière année financière", "The last financial year"),
            (
                "paragraph",
                "Pendant le confinement, les membres ont obtenu rapidement un soutien adapté pour "
                "maintenir puis relancer leurs activités.",
                "During the lockdown, members quickly received support suited to keeping their "
                "activities going and then restarting them.",
            ),
            (
                "quote",
                (
                    "Il y a tout à gagner à coopérer, particulièrement avec ce que la pandémie nous "
                    "fait vivre.",
                    "J. Benoit Caron, directeur général du Consortium",
                ),
                (
                    "There is everything to gain from cooperating, especially with what the pandemic "
                    "is putting us through.",
                    "J. Benoit Caron, Executive Director of the Consortium",
                ),
            ),
        ],
        "figures": [
            (("4,5 M$", "$4.5M"), ("de revenus, en hausse de 25 %", "in revenue, up 25%"), 2020),
            (
                ("75 000", "75,000"),
                ("heures de services, en hausse de 17 %", "hours of service, up 17%"),
                2020,
            ),
        ],
    },
    {
        "key": "pages-2020",
        "fields": ["training", "hr", "public-affairs"],
        "date": datetime.date(2020, 12, 1),
        "category": "public-policy",
        "tags": ["PAGES 2020-2025"],
        "slug": ("pages-2020-2025-acces-aux-competences", "pages-2020-2025-access-to-skills"),
        "title": (
            "PAGES 2020-2025 : garantir l’accès aux compétences de l’innovation sociale",
            "PAGES 2020-2025: ensuring access to the skills social innovation needs",
        ),
        "summary": (
            "Le plan d’action gouvernemental en économie sociale mise sur la mutualisation "
            "pour donner accès à de la main-d’œuvre spécialisée. Le Consortium, qui regroupe "
            "plus d’une centaine d’organisations, est prêt à y contribuer.",
            "The government’s social economy action plan relies on pooling to give access to "
            "specialised staff. The Consortium, which brings together more than a hundred "
            "organisations, is ready to contribute.",
        ),
        "body": [
            (
                "paragraph",
                "Pour que les entreprises collectives prennent leur place dans le numérique, "
                "l’environnement ou l’économie circulaire, le PAGES 2020-2025 propose notamment le "
                "financement et la mutualisation des compétences. Avec une cinquantaine de "
                "professionnels dans vingt champs d’expertise, le Consortium est un bassin de "
                "ressources humaines mutualisées.",
                "So that collective enterprises can take their place in digital technology, the "
                "environment or the circular economy, PAGES 2020-2025 proposes funding and the "
                "pooling of skills. With some fifty professionals in twenty fields of expertise, "
                "the Consortium is a pool of shared human resources.",
            ),
            ("heading", "Partout au Québec", "Everywhere in Québec"),
            (
                "paragraph",
                "Dès 2015, les réseaux coopératifs et mutualistes misaient sur la synergie entre "
                "la CDRQ et le Consortium ; depuis 2017, celui-ci collabore aussi avec des pôles "
                "d’économie sociale, des municipalités et des acteurs du développement local et "
                "régional. La pandémie a rendu le besoin de services spécialisés plus pressant "
                "encore.",
                "As early as 2015, the co-operative and mutualist networks were counting on the "
                "synergy between the CDRQ and the Consortium; since 2017, it has also worked with "
                "social economy hubs, municipalities and local and regional development players. "
                "The pandemic made the need for specialised services even more pressing.",
            ),
            (
                "quote",
                (
                    "Notre coopérative ne se contente pas de rendre accessibles des services "
                    "spécialisés. Elle appartient aux entreprises collectives.",
                    "J. Benoit Caron, directeur général du Consortium",
                ),
                (
                    "Our cooperative does more than make specialised services accessible. It belongs "
                    "to collective enterprises.",
                    "J. Benoit Caron, Executive Director of the Consortium",
                ),
            ),
        ],
    },
]

PALETTES = [
    ("#0b5a4c", "#f2b632", "#8fd1c1"),
    ("#073d34", "#8fd1c1", "#f2b632"),
    ("#10312b", "#f2b632", "#eef5f3"),
    ("#0b5a4c", "#eef5f3", "#f2b632"),
    ("#1e6b3a", "#f2b632", "#eef5f3"),
]


def draw_illustration(index: int) -> bytes:
    """Three interlocking rings on a brand colour, drawn for the demo (no download)."""
    background, first, second = PALETTES[index % len(PALETTES)]
    image = PillowImage.new("RGB", (1200, 675), background)
    draw = ImageDraw.Draw(image)
    centre_y = 337
    for offset, colour in zip((-190, 0, 190), (first, second, first), strict=True):
        x = 600 + offset + (index * 23) % 60
        draw.ellipse((x - 170, centre_y - 170, x + 170, centre_y + 170), outline=colour, width=26)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _ensure_image(ctx: DemoContext, index: int, key: str):
    image_model = get_image_model()
    title = f"Illustration – {key}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        data = draw_illustration(index)
        image = image_model(title=title)
        image.file = ImageFile(io.BytesIO(data), name=f"{key}.png")
        image.save()
        ctx.created(f"illustration {key}")
    return image


def _ensure_categories(ctx: DemoContext) -> dict[str, NewsCategory]:
    return {
        key: ensure_translated_snippet(
            ctx,
            NewsCategory,
            {"name": fr_name, "slug": fr_slug},
            {fr_name: en_name, fr_slug: en_slug},
        )
        for key, ((fr_name, fr_slug), (en_name, en_slug)) in CATEGORIES.items()
    }


def _body(story: dict) -> list:
    blocks = []
    for kind, fr, _en in story["body"]:
        if kind == "paragraph":
            blocks.append(("paragraph", f"<p>{fr}</p>"))
        elif kind == "quote":
            blocks.append(("quote", {"quote": fr[0], "attribution": fr[1]}))
        elif kind == "key_figures":
            figures = [
                {"figure": figure[0], "label": label[0], "year": year}
                for figure, label, year in story["figures"]
            ]
            blocks.append(("key_figures", {"heading": fr, "figures": figures}))
        elif kind == "source":
            blocks.append(("source", {"text": fr, "url": ""}))
        else:
            blocks.append((kind, fr))
    return blocks


def _strings(story: dict) -> dict[str, str]:
    strings = {story[name][0]: story[name][1] for name in ("title", "slug", "summary")}
    strings[ILLUSTRATION_ALT[0]] = ILLUSTRATION_ALT[1]
    if "byline" in story:
        strings[story["byline"][0]] = story["byline"][1]
    for kind, fr, en in story["body"]:
        if kind == "quote":
            strings.update({fr[0]: en[0], fr[1]: en[1]})
        else:
            strings[fr] = en
    for figure, label, _year in story.get("figures", []):
        strings.update([figure, label])
    return strings


@demo_step(300)
def build(ctx: DemoContext):
    """The news index, the four categories and the five stories, in French and English."""
    index = ensure_translated_page(ctx, ctx.pages["home"], NewsIndexPage, INDEX)
    ctx.pages["news"] = index
    categories = _ensure_categories(ctx)
    for number, story in enumerate(STORIES):
        article = NewsPage.objects.child_of(index).filter(slug=story["slug"][0]).first()
        if article is None:
            image = _ensure_image(ctx, number, story["key"])
            article = NewsPage(
                title=story["title"][0],
                slug=story["slug"][0],
                date=story["date"],
                category=categories[story["category"]],
                summary=story["summary"][0],
                byline=story.get("byline", ("", ""))[0],
                featured_image=image,
                featured_image_alt=ILLUSTRATION_ALT[0],
                body=_body(story),
            )
            article.tags.add(*story["tags"])
            article.expertise_fields.set(
                [
                    ctx.pages[f"field:{key}"]
                    for key in story["fields"]
                    if f"field:{key}" in ctx.pages
                ]
            )
            index.add_child(instance=article)
            article.save_revision().publish()
            ctx.created(f"article « {article.title} »")
        if not article.has_translation(ctx.locales["en"]):
            ctx.translate(article, _strings(story))
            ctx.created(f"English translation of « {article.title} »")
