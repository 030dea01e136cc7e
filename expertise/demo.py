"""Demo content of the fields of expertise: 21 fields in six families, and the teams that
practise them, in French with their English translations (through wagtail-localize).

The fields come from the Consortium's publications (services juridiques, ressources
humaines, comptabilité, finance et fiscalité, développement Web, technologies de
l'information, marketing et développement des affaires, communications, organisation
d'événements, relations gouvernementales, santé et sécurité du travail…) and beyond; the
texts are the project's own. Contacts are teams, not invented people.
"""

from consortium.bootstrap.demo import (
    DemoContext,
    demo_step,
    ensure_translated_page,
    ensure_translated_snippet,
)

from .models import ExpertiseIndexPage, ExpertisePage, TeamMember

INDEX = {
    "title": ("Nos expertises", "Our expertise"),
    "slug": ("expertises", "expertise"),
    "intro": (
        "Une cinquantaine de professionnels dans une vingtaine de champs d’expertise, au "
        "service des coopératives, des mutuelles, des OBNL et de leurs regroupements.",
        "Some fifty professionals in about twenty fields of expertise, serving cooperatives, "
        "mutuals, non-profits and their federations.",
    ),
}

TEAMS = {
    "legal": (
        ("Équipe juridique", "Legal team"),
        ("Avocates, avocats et notaires", "Lawyers and notaries"),
    ),
    "people": (
        ("Équipe ressources humaines", "Human resources team"),
        (
            "Conseillères et conseillers en ressources humaines agréés",
            "Chartered human resources advisers",
        ),
    ),
    "finance": (
        ("Équipe finances", "Finance team"),
        ("Comptables professionnels agréés", "Chartered professional accountants"),
    ),
    "digital": (
        ("Équipe numérique", "Digital team"),
        ("Développeuses, développeurs et analystes", "Developers and analysts"),
    ),
    "communication": (
        ("Équipe communications", "Communications team"),
        ("Conseillères et conseillers en communication", "Communications advisers"),
    ),
    "business": (
        ("Équipe développement des affaires", "Business development team"),
        ("Conseillères et conseillers en développement", "Development advisers"),
    ),
    "events": (
        ("Équipe événements", "Events team"),
        ("Organisatrices et organisateurs d’événements", "Event organisers"),
    ),
    "public-affairs": (
        ("Équipe affaires publiques", "Public affairs team"),
        (
            "Conseillères et conseillers en relations gouvernementales",
            "Government relations advisers",
        ),
    ),
}

# (key, family, team, (name fr, en), (slug fr, en), (summary fr, en), [services], [mandates])
FIELDS = [
    (
        "accounting",
        "management",
        "finance",
        ("Comptabilité", "Accounting"),
        ("comptabilite", "accounting"),
        (
            "Tenue de livres, états financiers et reddition de comptes adaptés aux entreprises collectives.",
            "Bookkeeping, financial statements and reporting suited to collective enterprises.",
        ),
        [
            ("Tenue de livres et paie", "Bookkeeping and payroll"),
            ("Préparation des états financiers", "Preparing financial statements"),
            ("Soutien à l’audit annuel", "Support for the annual audit"),
        ],
        [
            (
                "Reprendre la comptabilité d’une fédération pendant un congé",
                "Taking over a federation’s accounting during a leave",
            )
        ],
    ),
    (
        "events",
        "management",
        "events",
        ("Organisation d’événements", "Event organisation"),
        ("organisation-evenements", "event-organisation"),
        (
            "Congrès, assemblées générales et colloques organisés de la logistique au bilan.",
            "Conventions, general assemblies and conferences organised from logistics to debrief.",
        ),
        [
            ("Planification et budget de l’événement", "Event planning and budget"),
            ("Logistique, inscriptions et fournisseurs", "Logistics, registration and suppliers"),
            ("Animation et bilan", "Facilitation and debrief"),
        ],
        [
            (
                "Prendre le relais de l’organisation d’un congrès à deux semaines d’avis",
                "Taking over a convention’s organisation at two weeks’ notice",
            )
        ],
    ),
    (
        "projects",
        "management",
        "business",
        ("Gestion de projets", "Project management"),
        ("gestion-de-projets", "project-management"),
        (
            "Des projets collectifs menés à terme : échéancier, budget, suivi et reddition de comptes.",
            "Collective projects carried through: schedule, budget, follow-up and reporting.",
        ),
        [
            ("Cadrage et plan de projet", "Scoping and project plan"),
            ("Coordination des partenaires", "Partner coordination"),
            ("Suivi budgétaire", "Budget follow-up"),
        ],
        [
            (
                "Coordonner un projet commun à plusieurs coopératives",
                "Coordinating a project shared by several cooperatives",
            )
        ],
    ),
    (
        "startup",
        "management",
        "business",
        ("Démarrage et consolidation", "Start-up and consolidation"),
        ("demarrage-consolidation", "start-up-and-consolidation"),
        (
            "Un accompagnement pour lancer une entreprise collective ou la remettre sur pied.",
            "Support to launch a collective enterprise or put it back on its feet.",
        ),
        [
            ("Étude de faisabilité", "Feasibility study"),
            ("Plan d’affaires", "Business plan"),
            ("Plan de redressement", "Recovery plan"),
        ],
        [
            (
                "Accompagner une coopérative non fédérée dans son démarrage",
                "Supporting a non-federated cooperative as it starts up",
            )
        ],
    ),
    (
        "legal",
        "law",
        "legal",
        ("Services juridiques", "Legal services"),
        ("services-juridiques", "legal-services"),
        (
            "Des conseils juridiques qui connaissent le droit des coopératives et des OBNL.",
            "Legal advice from people who know cooperative and non-profit law.",
        ),
        [
            ("Avis juridiques et contrats", "Legal opinions and contracts"),
            ("Règlements et statuts", "By-laws and articles"),
            ("Accompagnement en cas de litige", "Support in disputes"),
        ],
        [
            ("Mettre à jour les règlements d’une fédération", "Updating a federation’s by-laws"),
            (
                "Répondre aux questions juridiques d’un réseau de coopératives d’habitation",
                "Answering a housing co-op network’s legal questions",
            ),
        ],
    ),
    (
        "governance",
        "law",
        "legal",
        ("Gouvernance coopérative", "Co-operative governance"),
        ("gouvernance", "governance"),
        (
            "Des conseils d’administration bien outillés et des assemblées qui se déroulent bien.",
            "Well-equipped boards and general assemblies that run smoothly.",
        ),
        [
            ("Formation des administrateurs", "Board member training"),
            ("Présidence d’assemblée", "Chairing general assemblies"),
            ("Politiques de gouvernance", "Governance policies"),
        ],
        [
            (
                "Présider l’assemblée générale annuelle d’un regroupement",
                "Chairing a federation’s annual general assembly",
            )
        ],
    ),
    (
        "public-affairs",
        "law",
        "public-affairs",
        ("Relations gouvernementales", "Government relations"),
        ("relations-gouvernementales", "government-relations"),
        (
            "Faire entendre la voix des entreprises collectives auprès des pouvoirs publics.",
            "Making collective enterprises heard by governments.",
        ),
        [
            ("Veille gouvernementale", "Government monitoring"),
            ("Mémoires et représentations", "Briefs and representations"),
            ("Préparation de rencontres", "Meeting preparation"),
        ],
        [
            (
                "Rédiger un mémoire pour une consultation publique",
                "Writing a brief for a public consultation",
            )
        ],
    ),
    (
        "communications",
        "communication",
        "communication",
        ("Communications", "Communications"),
        ("communications", "communications"),
        (
            "Des stratégies et des outils de communication pour joindre vos membres et le public.",
            "Communication strategies and tools to reach your members and the public.",
        ),
        [
            ("Plan de communication", "Communication plan"),
            ("Bulletins et rapports annuels", "Newsletters and annual reports"),
            ("Réseaux sociaux", "Social media"),
        ],
        [("Produire le rapport annuel d’une fédération", "Producing a federation’s annual report")],
    ),
    (
        "press",
        "communication",
        "communication",
        ("Relations de presse", "Media relations"),
        ("relations-de-presse", "media-relations"),
        (
            "Des annonces bien préparées et des porte-parole à l’aise devant les médias.",
            "Well-prepared announcements and spokespeople at ease with the media.",
        ),
        [
            ("Communiqués et conférences de presse", "Press releases and conferences"),
            ("Formation des porte-parole", "Spokesperson training"),
            ("Communication de crise", "Crisis communication"),
        ],
        [
            (
                "Annoncer une alliance entre deux réseaux",
                "Announcing an alliance between two networks",
            )
        ],
    ),
    (
        "writing",
        "communication",
        "communication",
        ("Rédaction et révision", "Writing and editing"),
        ("redaction-revision", "writing-and-editing"),
        (
            "Des textes clairs, en français comme en anglais, relus avec soin.",
            "Clear texts, in French and in English, carefully proofread.",
        ),
        [
            ("Rédaction de contenus", "Content writing"),
            ("Révision linguistique", "Copy editing"),
            ("Langage clair", "Plain language"),
        ],
        [("Réviser un guide destiné aux membres", "Editing a guide for members")],
    ),
    (
        "design",
        "communication",
        "communication",
        ("Graphisme", "Graphic design"),
        ("graphisme", "graphic-design"),
        (
            "Une image cohérente, de l’identité visuelle aux documents imprimés.",
            "A consistent image, from visual identity to printed documents.",
        ),
        [
            ("Identité visuelle", "Visual identity"),
            ("Mise en page", "Layout"),
            ("Gabarits accessibles", "Accessible templates"),
        ],
        [
            (
                "Créer les gabarits d’un réseau de coopératives",
                "Creating templates for a co-op network",
            )
        ],
    ),
    (
        "marketing",
        "marketing",
        "business",
        ("Marketing et développement des affaires", "Marketing and business development"),
        ("marketing", "marketing"),
        (
            "Faire connaître vos services et trouver de nouveaux membres et clients.",
            "Making your services known and finding new members and customers.",
        ),
        [
            ("Étude de marché", "Market research"),
            ("Stratégie marketing", "Marketing strategy"),
            ("Développement de l’offre", "Service development"),
        ],
        [
            (
                "Positionner une coopérative dans un nouveau secteur",
                "Positioning a cooperative in a new sector",
            )
        ],
    ),
    (
        "web",
        "marketing",
        "digital",
        ("Développement Web", "Web development"),
        ("developpement-web", "web-development"),
        (
            "Des sites Web accessibles, rapides et faciles à mettre à jour.",
            "Accessible, fast websites that are easy to update.",
        ),
        [
            ("Conception de sites", "Website design"),
            ("Accessibilité Web", "Web accessibility"),
            ("Maintenance et hébergement", "Maintenance and hosting"),
        ],
        [("Refaire le site d’une fédération", "Rebuilding a federation’s website")],
    ),
    (
        "it",
        "marketing",
        "digital",
        ("Technologies de l’information", "Information technology"),
        ("technologies-information", "information-technology"),
        (
            "Des outils informatiques fiables et sécuritaires, choisis selon vos besoins.",
            "Reliable, secure IT tools, chosen for your needs.",
        ),
        [
            ("Soutien informatique", "IT support"),
            ("Sécurité de l’information", "Information security"),
            ("Choix de logiciels", "Software selection"),
        ],
        [("Organiser le télétravail d’une équipe", "Setting up remote work for a team")],
    ),
    (
        "data",
        "marketing",
        "digital",
        ("Données et statistiques", "Data and statistics"),
        ("donnees", "data"),
        (
            "Des données bien tenues pour suivre vos activités et appuyer vos décisions.",
            "Well-kept data to follow your activities and support your decisions.",
        ),
        [
            ("Tableaux de bord", "Dashboards"),
            ("Enquêtes auprès des membres", "Member surveys"),
            ("Protection des renseignements personnels", "Personal information protection"),
        ],
        [("Mesurer les retombées d’un réseau", "Measuring a network’s impact")],
    ),
    (
        "hr",
        "people",
        "people",
        ("Ressources humaines", "Human resources"),
        ("ressources-humaines", "human-resources"),
        (
            "Recruter, retenir et accompagner les personnes qui font vivre votre organisation.",
            "Recruiting, keeping and supporting the people who keep your organisation alive.",
        ),
        [
            ("Recrutement et sélection", "Recruitment and selection"),
            ("Politiques et rémunération", "Policies and compensation"),
            ("Évaluation du rendement", "Performance reviews"),
        ],
        [("Recruter une direction générale", "Recruiting an executive director")],
    ),
    (
        "ohs",
        "people",
        "people",
        ("Santé et sécurité du travail", "Occupational health and safety"),
        ("sante-securite-travail", "occupational-health-and-safety"),
        (
            "Prévenir les accidents et respecter vos obligations en santé et sécurité.",
            "Preventing accidents and meeting your health and safety obligations.",
        ),
        [
            ("Programme de prévention", "Prevention programme"),
            ("Analyse des risques", "Risk analysis"),
            ("Suivi des dossiers CNESST", "Follow-up of CNESST files"),
        ],
        [("Mettre en place un programme de prévention", "Setting up a prevention programme")],
    ),
    (
        "labour",
        "people",
        "people",
        ("Relations de travail", "Labour relations"),
        ("relations-de-travail", "labour-relations"),
        (
            "Des relations de travail saines, de la négociation à la résolution des différends.",
            "Healthy labour relations, from bargaining to resolving disagreements.",
        ),
        [
            ("Négociation de conventions", "Collective bargaining"),
            ("Gestion des griefs", "Grievance handling"),
            ("Médiation", "Mediation"),
        ],
        [("Accompagner une négociation collective", "Supporting collective bargaining")],
    ),
    (
        "training",
        "people",
        "people",
        ("Formation", "Training"),
        ("formation", "training"),
        (
            "Des formations sur mesure pour les équipes, les gestionnaires et les élus.",
            "Tailored training for staff, managers and elected members.",
        ),
        [
            ("Analyse des besoins", "Needs analysis"),
            ("Formations en ligne et en salle", "Online and classroom training"),
            ("Coaching de gestion", "Management coaching"),
        ],
        [
            (
                "Former les nouveaux administrateurs d’un réseau",
                "Training a network’s new board members",
            )
        ],
    ),
    (
        "finance-tax",
        "finance",
        "finance",
        ("Finance et fiscalité", "Finance and taxation"),
        ("finance-fiscalite", "finance-and-taxation"),
        (
            "Une gestion financière rigoureuse et des choix fiscaux éclairés.",
            "Rigorous financial management and informed tax choices.",
        ),
        [
            ("Budgets et prévisions", "Budgets and forecasts"),
            ("Planification fiscale", "Tax planning"),
            ("Ristournes et réserves", "Patronage dividends and reserves"),
        ],
        [
            (
                "Préparer le budget pluriannuel d’une fédération",
                "Preparing a federation’s multi-year budget",
            )
        ],
    ),
    (
        "funding",
        "finance",
        "finance",
        ("Financement de projets", "Project funding"),
        ("financement", "funding"),
        (
            "Trouver et obtenir le financement de vos projets collectifs.",
            "Finding and securing funding for your collective projects.",
        ),
        [
            ("Repérage des programmes", "Finding programmes"),
            ("Montage financier", "Financial packages"),
            ("Demandes de subvention", "Grant applications"),
        ],
        [
            (
                "Monter le financement d’un projet d’habitation",
                "Putting together the funding of a housing project",
            )
        ],
    ),
]


def _ensure_teams(ctx: DemoContext) -> dict[str, TeamMember]:
    return {
        key: ensure_translated_snippet(
            ctx,
            TeamMember,
            {"name": fr_name, "role": fr_role},
            {fr_name: en_name, fr_role: en_role},
        )
        for key, ((fr_name, en_name), (fr_role, en_role)) in TEAMS.items()
    }


# Each team's mailbox (example.org: the demo's addresses reach nobody).
TEAM_MAILBOXES = {
    "legal": "juridique",
    "people": "rh",
    "finance": "finances",
    "digital": "numerique",
    "communication": "communications",
    "business": "developpement",
    "events": "evenements",
    "public-affairs": "affaires-publiques",
}


def team_address(team: str) -> str:
    return f"equipe-{TEAM_MAILBOXES[team]}@example.org"


@demo_step(200)
def build(ctx: DemoContext):
    """The expertise index, the teams and the 21 fields, in French and English."""
    index = ensure_translated_page(ctx, ctx.pages["home"], ExpertiseIndexPage, INDEX)
    ctx.pages["expertise"] = index
    teams = _ensure_teams(ctx)
    for key, family, team, name, slug, summary, services, mandates in FIELDS:
        page = ExpertisePage.objects.child_of(index).filter(slug=slug[0]).first()
        if page is None:
            page = ExpertisePage(
                title=name[0],
                slug=slug[0],
                family=family,
                summary=summary[0],
                services=[("service", fr) for fr, _en in services],
                mandates=[("mandate", fr) for fr, _en in mandates],
            )
            index.add_child(instance=page)
            page.experts.set([teams[team]])
            page.save_revision().publish()
            ctx.created(f"field of expertise « {name[0]} » ({key})")
        ctx.pages[f"field:{key}"] = page
        if not page.request_email:
            # The team's address receives the field's service requests (synchronised: the
            # same on the translation).
            ExpertisePage.objects.filter(translation_key=page.translation_key).update(
                request_email=team_address(team)
            )
            page.request_email = team_address(team)
        if not page.has_translation(ctx.locales["en"]):
            strings = dict([name, slug, summary, *services, *mandates])
            ctx.translate(page, strings)
