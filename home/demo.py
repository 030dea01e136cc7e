"""Demo content of the home app: the home page, the privacy and accessibility pages, and the
members' documents under the member space (private to the « Membres » group).

Written in the project's own words from the facts of the Consortium's publications
(../shared/seeds): founded in 2011, nearly 50 professionals in 20 fields of expertise, more
than a hundred member organisations at the end of 2020, 75 000 hours of service and
$4.5 M in revenue (+25 %) in the financial year reported in July 2020.
Each French string is paired with its English translation, applied through wagtail-localize.
"""

import datetime

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from consortium.bootstrap.demo import DemoContext, demo_step, ensure_translated_page, one_page_pdf
from members.permissions import MEMBERS_GROUP

from .models import ContactPage, GovernancePolicyPage, HomePage, PrivacyPolicyPage, StandardPage

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

PRIVACY_VERSION = "2026-1"
PRIVACY_EFFECTIVE_DATE = datetime.date(2026, 11, 1)

PRIVACY = {
    "title": ("Politique de confidentialité", "Privacy policy"),
    "slug": ("confidentialite", "privacy"),
    "intro": (
        "Le Consortium protège les renseignements personnels qu’il recueille, conformément à la "
        "Loi sur la protection des renseignements personnels dans le secteur privé, modifiée "
        "par la Loi 25. Cette politique dit ce que nous recueillons, pourquoi, qui y a accès, "
        "combien de temps nous le gardons et comment exercer vos droits.",
        "The Consortium protects the personal information it collects, in accordance with "
        "Québec’s Act respecting the protection of personal information in the private sector, "
        "as amended by Law 25. This policy says what we collect, why, who can see it, how long "
        "we keep it and how to exercise your rights.",
    ),
    "body": [
        ("heading", "Quand vous consultez le site", "When you read this site"),
        (
            "paragraph",
            "La consultation du site ne requiert aucun renseignement personnel. Le site n’utilise "
            "ni outil de mesure d’audience, ni traceur publicitaire, ni script, police ou carte "
            "de tiers : tout ce qu’il affiche vient de nos propres serveurs.",
            "Reading this site requires no personal information. The site uses no audience "
            "measurement, no advertising tracker, and no third-party script, font or map: "
            "everything it shows comes from our own servers.",
        ),
        (
            "list",
            [
                (
                    "Un témoin facultatif retient la langue que vous avez choisie (un an).",
                    "An optional cookie remembers the language you chose (one year).",
                ),
                (
                    "Un témoin de sécurité protège les formulaires contre la falsification de "
                    "requêtes ; il ne vous identifie pas.",
                    "A security cookie protects forms against request forgery; it does not "
                    "identify you.",
                ),
                (
                    "Votre réponse à « Cet article vous a-t-il été utile ? » est comptée sans "
                    "aucun renseignement personnel.",
                    "Your answer to “Was this article useful?” is counted without any personal "
                    "information.",
                ),
                (
                    "Pour la sécurité du site, les journaux techniques du serveur (adresse IP, "
                    "page demandée, heure) sont conservés au plus 30 jours.",
                    "For the site’s security, the server’s technical logs (IP address, page "
                    "requested, time) are kept for at most 30 days.",
                ),
            ],
        ),
        (
            "heading",
            "Ce que recueille la demande d’adhésion",
            "What the membership application collects",
        ),
        (
            "paragraph",
            "Le formulaire d’adhésion recueille les renseignements suivants, et seulement ceux-ci :",
            "The membership application form collects the following information, and only that:",
        ),
        (
            "list",
            [
                (
                    "sur l’organisation : nom légal, numéro d’entreprise du Québec (NEQ), forme "
                    "juridique, secteur, région administrative, adresse, site Web, nombre de "
                    "membres et d’employés, catégorie de membre souhaitée et champs d’expertise "
                    "qui l’intéressent ;",
                    "about the organisation: legal name, Québec enterprise number (NEQ), legal "
                    "form, sector, administrative region, address, website, number of members "
                    "and of employees, membership category sought and fields of expertise of "
                    "interest;",
                ),
                (
                    "sur la personne-ressource : nom, fonction, adresse courriel et numéro de "
                    "téléphone ;",
                    "about the contact person: name, role, email address and phone number;",
                ),
                (
                    "le message et les documents PDF que vous choisissez de joindre ;",
                    "the message and the PDF documents you choose to attach;",
                ),
                (
                    "votre consentement : sa date et son heure, la version de cette politique "
                    "que vous avez acceptée et la langue utilisée, ainsi que votre choix, "
                    "facultatif, de recevoir notre infolettre et celui, facultatif aussi, de "
                    "figurer dans le répertoire public « Nos membres » (nom, région, forme "
                    "juridique et site Web) une fois membre.",
                    "your consent: its date and time, the version of this policy you accepted "
                    "and the language used, your optional choice to receive our newsletter "
                    "and your optional choice, once a member, to appear in the public "
                    "« Our members » directory (name, region, legal form and website).",
                ),
            ],
        ),
        ("heading", "Pourquoi nous les recueillons", "Why we collect it"),
        (
            "paragraph",
            "Ces renseignements servent uniquement à vérifier l’admissibilité de l’organisation, "
            "à étudier sa demande, à communiquer avec la personne-ressource au sujet de cette "
            "demande et, si elle est acceptée, à constituer le dossier du membre. Une "
            "organisation membre n’apparaît dans le répertoire public des membres que si elle y "
            "a consenti.",
            "This information is used only to check the organisation’s eligibility, to review "
            "its application, to contact the contact person about it and, if it is approved, to "
            "open the member’s file. A member organisation appears in the public member "
            "directory only if it has agreed to.",
        ),
        ("heading", "Qui y a accès", "Who can see it"),
        (
            "paragraph",
            "Seuls les membres du comité d’adhésion et les administrateurs du site peuvent "
            "consulter les demandes. Les pièces jointes ne sont jamais accessibles par une "
            "adresse publique. Le Consortium ne vend ni ne loue aucun renseignement personnel et "
            "ne le communique à un tiers que si la loi l’exige.",
            "Only the members of the membership committee and the site’s administrators can see "
            "applications. Attachments are never reachable at a public address. The Consortium "
            "never sells or rents personal information and discloses it to a third party only "
            "when the law requires it.",
        ),
        ("heading", "Combien de temps nous les gardons", "How long we keep it"),
        (
            "paragraph",
            "Les renseignements d’une demande acceptée sont conservés tant que l’organisation est "
            "membre. Ceux d’une demande refusée ou retirée sont anonymisés, et ses pièces "
            "jointes détruites, 24 mois après la décision.",
            "The information of an approved application is kept as long as the organisation is "
            "a member. That of a refused or withdrawn application is anonymised, and its "
            "attachments destroyed, 24 months after the decision.",
        ),
        ("heading", "L’infolettre", "The newsletter"),
        (
            "paragraph",
            "Si vous vous abonnez à l’infolettre (sur sa page, au bas de chaque page ou en "
            "cochant la case du formulaire d’adhésion), nous gardons votre adresse courriel, "
            "votre nom si vous le donnez, la langue choisie et la preuve de votre consentement : "
            "le formulaire utilisé, le texte affiché, la date et l’heure de la demande et de "
            "votre confirmation. Personne n’est abonné sans avoir cliqué le lien de confirmation "
            "reçu par courriel. Chaque envoi contient un lien de désabonnement, honoré "
            "immédiatement. Les abonnés confirmés peuvent être transmis à notre outil d’envoi, "
            "Cyberimpact, une entreprise québécoise dont les serveurs sont au Canada, "
            "uniquement pour l’envoi de l’infolettre.",
            "If you subscribe to the newsletter (on its page, at the bottom of every page or by "
            "ticking the box of the membership form), we keep your email address, your name if "
            "you give it, the language chosen and the proof of your consent: the form used, the "
            "text shown, the date and time of the request and of your confirmation. Nobody is "
            "subscribed without clicking the confirmation link received by email. Every issue "
            "has an unsubscribe link, honoured at once. Confirmed subscribers may be passed on "
            "to our sending tool, Cyberimpact, a Québec company whose servers are in Canada, "
            "only to send the newsletter.",
        ),
        ("heading", "Nos registres", "Our registers"),
        (
            "paragraph",
            "Comme la Loi 25 le demande, la personne responsable de la protection des "
            "renseignements personnels tient un registre des incidents de confidentialité, "
            "conservé au moins cinq ans, et un journal de chaque anonymisation faite au terme "
            "des délais de conservation. Notre politique de gouvernance des renseignements "
            "personnels décrit ces registres et les rôles de chacun.",
            "As Law 25 requires, the person in charge of the protection of personal information "
            "keeps a register of confidentiality incidents, kept at least five years, and a log "
            "of every anonymisation made at the end of the retention periods. Our personal "
            "information governance policy describes these registers and everyone's roles.",
        ),
        ("heading", "Vos droits", "Your rights"),
        (
            "paragraph",
            "Vous pouvez demander à consulter les renseignements qui vous concernent, à les "
            "faire corriger, à les recevoir dans un format structuré et couramment utilisé, ou "
            "à les faire supprimer lorsque nous n’en avons plus besoin, et retirer en tout temps "
            "votre consentement. Écrivez à la personne responsable nommée ci-dessous : nous "
            "répondons dans les 30 jours. Si notre réponse ne vous satisfait pas, vous pouvez "
            "porter plainte à la Commission d’accès à l’information du Québec.",
            "You may ask to see the information about you, to have it corrected, to receive it "
            "in a structured, commonly used format, or to have it deleted once we no longer "
            "need it, and you may withdraw your consent at any time. Write to the person in "
            "charge named below: we answer within 30 days. If our answer does not satisfy you, "
            "you may file a complaint with Québec’s Commission d’accès à l’information.",
        ),
        ("heading", "Sécurité et incidents", "Security and incidents"),
        (
            "paragraph",
            "Le site est servi uniquement par une connexion chiffrée et l’accès aux demandes "
            "est réservé aux personnes autorisées. En cas d’incident de confidentialité "
            "présentant un risque de préjudice sérieux, nous avisons les personnes concernées et "
            "la Commission d’accès à l’information.",
            "The site is served only over an encrypted connection and access to applications is "
            "limited to authorised people. If a confidentiality incident presents a risk of "
            "serious injury, we notify the people concerned and the Commission d’accès à "
            "l’information.",
        ),
        ("heading", "Modifications", "Changes"),
        (
            "paragraph",
            "Toute modification importante de cette politique en change le numéro de version et "
            "la date d’entrée en vigueur, indiqués en haut de cette page. Chaque demande "
            "d’adhésion garde la version que son auteur a acceptée.",
            "Every substantial change to this policy changes its version number and the date it "
            "takes effect, shown at the top of this page. Each membership application keeps the "
            "version its author accepted.",
        ),
    ],
}

GOVERNANCE_VERSION = "2026-1"
GOVERNANCE_EFFECTIVE_DATE = datetime.date(2026, 12, 1)

GOVERNANCE = {
    "title": (
        "Politique de gouvernance des renseignements personnels",
        "Personal information governance policy",
    ),
    "slug": ("gouvernance-renseignements-personnels", "personal-information-governance"),
    "intro": (
        "Cette politique dit qui, au Consortium, est responsable des renseignements "
        "personnels, comment ils sont protégés tout au long de leur cycle de vie, et comment "
        "sont traités les plaintes et les incidents.",
        "This policy says who, at the Consortium, is responsible for personal information, "
        "how it is protected throughout its life cycle, and how complaints and incidents are "
        "handled.",
    ),
    "body": [
        ("heading", "Rôles et responsabilités", "Roles and responsibilities"),
        (
            "paragraph",
            "La direction générale délègue par écrit la fonction de personne responsable de la "
            "protection des renseignements personnels, nommée au bas de cette page. Elle "
            "approuve cette politique, tient les registres et répond aux demandes d’accès et de "
            "rectification. Chaque équipe n’accède qu’aux renseignements dont elle a besoin : le "
            "comité d’adhésion aux demandes d’adhésion, l’équipe des services aux membres aux "
            "demandes de service, les communications aux abonnés de l’infolettre.",
            "The general management delegates in writing the role of person in charge of the "
            "protection of personal information, named at the bottom of this page. That person "
            "approves this policy, keeps the registers and answers requests for access and "
            "correction. Each team sees only the information it needs: the membership committee "
            "the membership applications, the member services team the service requests, "
            "communications the newsletter's subscribers.",
        ),
        ("heading", "Cycle de vie des renseignements", "Life cycle of the information"),
        (
            "paragraph",
            "Nous ne recueillons que ce qui est nécessaire, avec le consentement de la personne, "
            "et nous le détruisons ou l’anonymisons au terme des délais annoncés dans notre "
            "politique de confidentialité. Chaque anonymisation est inscrite dans un journal : "
            "sa date, son motif, le nombre de dossiers et la méthode employée.",
            "We collect only what is needed, with the person's consent, and we destroy or "
            "anonymise it at the end of the periods stated in our privacy policy. Every "
            "anonymisation is written in a log: its date, its purpose, the number of records "
            "and the method used.",
        ),
        ("heading", "Incidents de confidentialité", "Confidentiality incidents"),
        (
            "paragraph",
            "Tout incident est inscrit au registre des incidents, conservé au moins cinq ans : "
            "les renseignements visés, les circonstances, les dates, le nombre de personnes "
            "concernées, l’évaluation du risque de préjudice sérieux, les avis donnés à la "
            "Commission d’accès à l’information et aux personnes, et les mesures prises.",
            "Every incident is written in the incident register, kept at least five years: the "
            "information concerned, the circumstances, the dates, the number of people "
            "concerned, the assessment of the risk of serious injury, the notices given to the "
            "Commission d'accès à l'information and to the people, and the measures taken.",
        ),
        ("heading", "Plaintes", "Complaints"),
        (
            "paragraph",
            "Une plainte sur le traitement de vos renseignements s’adresse par écrit à la "
            "personne responsable : elle en accuse réception et y répond dans les 30 jours.",
            "A complaint about how your information is handled is sent in writing to the person "
            "in charge, who acknowledges it and answers within 30 days.",
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
            "Un contenu vous est inaccessible ? Dites-le-nous : nous vous répondrons et vous "
            "fournirons l’information sous une autre forme.",
            "Is some content inaccessible to you? Tell us: we will answer and provide the "
            "information in another format.",
        ),
        ("contact_details",),
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


def _blocks(body: list) -> list:
    """StreamField data of a spec's body: headings, paragraphs, lists, contact details."""
    blocks = []
    for kind, *texts in body:
        if kind == "heading":
            blocks.append(("heading", texts[0]))
        elif kind == "paragraph":
            blocks.append(("paragraph", f"<p>{texts[0]}</p>"))
        elif kind == "list":
            items = "".join(f"<li>{fr}</li>" for fr, _en in texts[0])
            blocks.append(("paragraph", f"<ul>{items}</ul>"))
        else:
            blocks.append((kind, None))
    return blocks


def _block_strings(body: list) -> dict[str, str]:
    """French → English for every string of a spec's body (as wagtail-localize segments it:
    one string per paragraph, heading or list item)."""
    strings = {}
    for kind, *texts in body:
        if kind == "list":
            strings.update(dict(texts[0]))
        elif texts:
            strings[texts[0]] = texts[1]
    return strings


def _ensure_institutional_page(ctx: DemoContext, home: HomePage, key: str, model, spec, **fields):
    strings = _pairs(spec, ["title", "slug", "intro"]) | _block_strings(spec["body"])
    ctx.pages[key] = ensure_translated_page(
        ctx, home, model, spec, strings, body=_blocks(spec["body"]), **fields
    )


def _ensure_english(ctx: DemoContext, page: Page, strings: dict[str, str]):
    if not page.has_translation(ctx.locales["en"]):
        ctx.translate(page, strings)
        ctx.created(f"English translation of « {page.title} »")


def _about_body() -> list:
    body = _blocks(ABOUT["body"])
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
    return body + _blocks(ABOUT["governance"])


def _about_strings() -> dict[str, str]:
    strings = _pairs(ABOUT, ["title", "slug", "intro"])
    strings.update(_block_strings(ABOUT["body"] + ABOUT["governance"]))
    heading, heading_en, events = ABOUT["timeline"]
    strings[heading] = heading_en
    for year, year_en, text, text_en in events:
        strings.update({year: year_en, text: text_en})
    heading, heading_en, figures = ABOUT["figures"]
    strings[heading] = heading_en
    for figure, label, _year in figures:
        strings.update([figure, label])
    return strings


@demo_step(100)
def build(ctx: DemoContext):
    """The French home page as the site root, its English translation, and the legal pages."""
    home = HomePage.objects.filter(locale=ctx.locales["fr"]).first() or _build_home(ctx)
    ctx.pages["home"] = home
    _ensure_english(ctx, home, _home_strings())
    _ensure_institutional_page(
        ctx,
        home,
        "privacy",
        PrivacyPolicyPage,
        PRIVACY,
        version=PRIVACY_VERSION,
        effective_date=PRIVACY_EFFECTIVE_DATE,
    )
    _ensure_institutional_page(
        ctx,
        home,
        "governance",
        GovernancePolicyPage,
        GOVERNANCE,
        version=GOVERNANCE_VERSION,
        effective_date=GOVERNANCE_EFFECTIVE_DATE,
    )
    _ensure_institutional_page(ctx, home, "accessibility", StandardPage, ACCESSIBILITY)


@demo_step(400)
def build_institutional(ctx: DemoContext):
    """The about and contact pages, after the news and expertise (the page tree then lists
    the sections in the menus' order)."""
    home = ctx.pages["home"]
    ctx.pages["about"] = ensure_translated_page(
        ctx, home, StandardPage, ABOUT, _about_strings(), body=_about_body()
    )
    contact = ctx.pages["contact"] = ensure_translated_page(ctx, home, ContactPage, CONTACT)
    _point_the_call_to_action_at(ctx, home, contact)


def _point_the_call_to_action_at(ctx: DemoContext, home: HomePage, contact: Page):
    """« Nous joindre » on the home page leads to the contact page (in both languages),
    unless an editor chose another target (the builder's old one was the footer)."""
    if home.cta_page_id or home.cta_url not in ("", "#coordonnees"):
        return
    for version in (home, home.get_translation(ctx.locales["en"])):
        version.cta_page, version.cta_url = contact, ""
        version.save_revision().publish()
    ctx.created("the home page's call to action to the contact page")


MEMBER_PAGE = {
    "title": ("Documents des membres", "Members’ documents"),
    "slug": ("documents", "documents"),
    "intro": (
        "Les documents réservés aux organisations membres actives.",
        "Documents for active member organisations only.",
    ),
}
MEMBER_COLLECTION = "Documents des membres"
EXAMPLE_DOCUMENT = "Procès-verbal de l’assemblée générale (exemple)"
MEMBER_PAGE_TEXT = (
    'Le <a id="a1">procès-verbal de la dernière assemblée générale</a> (un document '
    "d’exemple) ne s’ouvre qu’aux personnes-ressources connectées des membres actifs.",
    'The <a id="a1">minutes of the last general assembly</a> (an example document) open '
    "only to signed-in contacts of active members.",
)


@demo_step(525)
def build_member_pages(ctx: DemoContext):
    """« Documents des membres » under the member space, private to the « Membres »
    group, linking an example document of a collection private to the same group."""
    if "member_space" not in ctx.pages:
        return
    members = Group.objects.get(name=MEMBERS_GROUP)
    document = member_document(ctx, members)
    page = StandardPage.objects.child_of(ctx.pages["member_space"]).filter(slug="documents").first()
    if page is None:
        link = f'<a linktype="document" id="{document.pk}">'
        text = MEMBER_PAGE_TEXT[0].replace('<a id="a1">', link)
        page = StandardPage(
            title=MEMBER_PAGE["title"][0],
            slug=MEMBER_PAGE["slug"][0],
            intro=MEMBER_PAGE["intro"][0],
            body=[("paragraph", f"<p>{text}</p>")],
        )
        ctx.pages["member_space"].add_child(instance=page)
        page.save_revision().publish()
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(members)
        ctx.created("page espace-membre/documents (members only)")
    strings = {MEMBER_PAGE[name][0]: MEMBER_PAGE[name][1] for name in MEMBER_PAGE}
    strings[MEMBER_PAGE_TEXT[0]] = MEMBER_PAGE_TEXT[1]
    # ensure_translated_page finds the page by its slug; wagtail-localize copies its
    # privacy to the translation.
    ensure_translated_page(ctx, ctx.pages["member_space"], StandardPage, MEMBER_PAGE, strings)


def member_document(ctx: DemoContext, members: Group):
    """The example document, in the collection « Documents des membres » (private to the
    members' group: Wagtail serves its files to them only)."""
    Document = get_document_model()
    collection = Collection.objects.filter(name=MEMBER_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=MEMBER_COLLECTION)
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.add(members)
        ctx.created(f"collection « {MEMBER_COLLECTION} » (members only)")
    document = Document.objects.filter(collection=collection, title=EXAMPLE_DOCUMENT).first()
    if document is None:
        document = Document(title=EXAMPLE_DOCUMENT, collection=collection)
        text = "Proces-verbal de l'assemblee generale : document d'exemple"
        document.file.save("proces-verbal-exemple.pdf", ContentFile(one_page_pdf(text)))
        ctx.created(f"document « {EXAMPLE_DOCUMENT} »")
    return document
