"""Demo content of the reports app: « Rapports annuels » under « À propos » and the 2024-2025
report, in French and English, from the public figures of SPEC §11 (written in the
project's words; the date of that year's general assembly is not in the public sources,
so the demo leaves it empty)."""

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page

from .models import AnnualReportIndexPage, AnnualReportPage

INDEX = {
    "title": ("Rapports annuels", "Annual reports"),
    "slug": ("rapports-annuels", "annual-reports"),
    "intro": (
        "Chaque année, le Consortium rend compte à ses membres de ses services, de ses "
        "finances et de son équipe, à son assemblée générale.",
        "Every year the Consortium reports to its members on its services, finances and "
        "team, at its general assembly.",
    ),
}

YEAR = "2024-2025"
TITLE = (f"Rapport annuel {YEAR}", f"Annual report {YEAR}")
THEME = ("Au service des entreprises collectives", "Serving collective enterprises")
FIGURES = [
    ("263", "263", "entreprises collectives servies", "collective enterprises served"),
    ("93", "93", "experts au service des membres", "experts serving the members"),
    ("85 487", "85,487", "heures de service", "hours of service"),
    ("97,7 %", "97.7%", "d’autofinancement", "self-financed"),
]
SECTIONS = {
    "introduction": (
        "Ce rapport présente l’année 2024-2025 du Consortium : les services rendus à ses "
        "membres, sa situation financière et les personnes qui y ont contribué.",
        "This report presents the Consortium’s 2024-2025 year: the services it gave its "
        "members, its finances and the people who contributed.",
    ),
    "board": (
        "Le conseil d’administration, élu par les membres, a veillé aux orientations de la "
        "coopérative tout au long de l’année.",
        "The board of directors, elected by the members, oversaw the cooperative’s "
        "direction throughout the year.",
    ),
    "membership": (
        "Coopératives, mutuelles et OBNL : les membres sont les propriétaires et les "
        "premiers usagers du Consortium.",
        "Cooperatives, mutuals and non-profits: the members own the Consortium and are "
        "its first users.",
    ),
    "member_services": (
        "93 experts ont rendu 85 487 heures de service à 263 entreprises collectives, dans "
        "une vingtaine de champs d’expertise.",
        "93 experts gave 85,487 hours of service to 263 collective enterprises, in some "
        "twenty fields of expertise.",
    ),
    "finances": (
        "Le Consortium s’est autofinancé à 97,7 % : ses services, rendus au juste coût, "
        "couvrent presque toutes ses dépenses.",
        "The Consortium was 97.7% self-financed: its services, given at cost, cover almost "
        "all its expenses.",
    ),
    "people": (
        "Les experts du Consortium mettent leur savoir-faire au service des membres, dans "
        "leurs régions comme à l’échelle du Québec.",
        "The Consortium’s experts put their know-how at the members’ service, in their "
        "regions and across Québec.",
    ),
    "business": (
        "Le Consortium a poursuivi le développement de son offre pour répondre aux besoins "
        "que lui ont exprimés ses membres.",
        "The Consortium kept developing its services to meet the needs its members expressed.",
    ),
    "communications": (
        "Le site du Consortium, ses actualités et ses conseils font connaître les "
        "expertises offertes aux membres.",
        "The Consortium’s website, news and advice make its members’ services known.",
    ),
}


@demo_step(450)
def build(ctx: DemoContext):
    """« Rapports annuels » (/fr/a-propos/rapports-annuels/) and the 2024-2025 report."""
    index = ensure_translated_page(ctx, ctx.pages["about"], AnnualReportIndexPage, INDEX)
    ctx.pages["annual_reports"] = index
    report = AnnualReportPage.objects.child_of(index).filter(fiscal_year=YEAR).first()
    if report is None:
        report = AnnualReportPage(
            title=TITLE[0],
            slug=YEAR,
            fiscal_year=YEAR,
            theme=THEME[0],
            key_figures=[
                ("figure", {"figure": fr, "label": label, "year": 2025})
                for fr, _en, label, _label_en in FIGURES
            ],
            sections=[
                (name, [("paragraph", f"<p>{fr}</p>")]) for name, (fr, _en) in SECTIONS.items()
            ],
        )
        index.add_child(instance=report)
        report.save_revision().publish()
        ctx.created(f"annual report {YEAR}")
    if not report.has_translation(ctx.locales["en"]):
        strings = {TITLE[0]: TITLE[1], YEAR: YEAR, THEME[0]: THEME[1]}
        for fr, en, label, label_en in FIGURES:
            strings.update({fr: en, label: label_en})
        strings.update(dict(SECTIONS.values()))
        ctx.translate(report, strings)
        ctx.created(f"English annual report {YEAR}")
    ctx.pages["annual_report"] = report
