"""The assembly in a real browser (issue #34): the chair opens a vote from the admin,
three delegates say they are present and vote from the member space — with the keyboard
for one of them — the chair closes it and the results are shown; then the same for a
secret election. axe-core checks every page of it, in both languages at both widths; a
double click on « Voter » sends the ballot once."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from assembly import roll
from assembly.choices import MotionKind
from assembly.factories import MotionFactory
from assembly.models import Candidate, OpenBallot, SecretBallot
from assembly.permissions import CHAIR_GROUP
from consortium.bootstrap.site_setup import run_setup
from members.register import sync_access
from tests.accessibility import assert_no_axe_violations
from tests.fixtures.browser import new_page
from tests.fixtures.site import publish_member_space
from tests.two_factor import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {"fr": "/fr/espace-membre/assemblee/", "en": "/en/member-area/assembly/"}
WORDS = {
    "fr": {
        "present": "Je suis présent·e",
        "for": "Pour",
        "vote": "Voter",
        "adopted": "Adoptée.",
        "recorded": "Votre vote sur le point {number} est enregistré.",
        "already": "déjà voté",
    },
    "en": {
        "present": "I am present",
        "for": "For",
        "vote": "Vote",
        "adopted": "Adopted.",
        "recorded": "Your vote on item {number} is recorded.",
        "already": "already voted",
    },
}


def signed_in(chromium, live_server, user, viewport="desktop"):
    """A browser whose session is ``user``'s (signed in as the test client does)."""
    client = Client()
    client.force_login(user)
    page = new_page(chromium, viewport)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


@pytest.fixture
def stage(live_server, site_tree, assembly, register, django_user_model):
    publish_member_space(site_tree)
    run_setup()
    roll.draw(assembly)
    users = []
    for key in ("alpha", "beta", "gamma"):
        sync_access(register[key])
        users.append(register[key].contacts.get(is_principal=True).user)
    chair = django_user_model.objects.create_user("presidente", password="x")
    chair.groups.add(Group.objects.get(name=CHAIR_GROUP))
    return users, chair


def chair_does(panel, button: str):
    panel.reload()
    panel.get_by_role("button", name=button).first.click()
    panel.wait_for_load_state()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_vote_and_a_secret_election_from_opening_to_results(
    chromium, live_server, stage, assembly, language, viewport
):
    users, chair = stage
    words = WORDS[language]
    motion = MotionFactory(
        assembly=assembly, title="Adoption du rapport annuel", title_en="Adopting the report"
    )
    election = MotionFactory(
        assembly=assembly,
        kind=MotionKind.ELECTION,
        seats=2,
        secret=True,
        title="Élection",
        title_en="Election",
    )
    for order, name in enumerate(["Anne", "Bruno", "Chloé"]):
        Candidate.objects.create(motion=election, name=name, sort_order=order)

    panel = signed_in(chromium, live_server, chair)
    panel.goto(live_server.url + f"/admin/assembly/{assembly.pk}/chair/")
    assert_no_axe_violations(panel)
    chair_does(panel, "Ouvrir le vote")

    delegates = [signed_in(chromium, live_server, user, viewport) for user in users]
    for number, page in enumerate(delegates):
        page.goto(live_server.url + PAGES[language])
        assert_no_axe_violations(page)
        page.get_by_role("button", name=words["present"]).click()
        page.wait_for_load_state()
        if number == 0:
            # By keyboard: to the first choice, a space ticks it, Enter sends.
            page.get_by_label(words["for"], exact=True).focus()
            page.keyboard.press("Space")
            page.get_by_role("button", name=words["vote"], exact=True).focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
        else:
            page.get_by_label(words["for"], exact=True).check()
            # A double click, as people do: sent once, confirmed once, no « already voted ».
            with page.expect_navigation():
                page.get_by_role("button", name=words["vote"], exact=True).dblclick()
        page.wait_for_load_state()
        recorded = words["recorded"].format(number=motion.number)
        expect(page.locator(".messages")).to_contain_text(recorded)
        assert words["already"] not in page.content()
        assert_no_axe_violations(page)
    assert OpenBallot.objects.filter(motion=motion).count() == 3

    chair_does(panel, "Fermer le vote")
    # Wagtail's message fades in (axe would judge its colours mid-animation): the panel
    # itself, once the message has been shown.
    panel.reload()
    assert_no_axe_violations(panel)
    delegates[1].reload()
    assert words["adopted"] in delegates[1].content()
    assert_no_axe_violations(delegates[1])

    # The secret election: two seats, each delegate ticks two names.
    chair_does(panel, "Ouvrir le vote")
    for page, names in zip(
        delegates, [("Anne", "Bruno"), ("Anne", "Chloé"), ("Anne", "Bruno")], strict=True
    ):
        page.reload()
        for name in names:
            page.get_by_label(name).check()
        page.get_by_role("button", name=words["vote"], exact=True).click()
        page.wait_for_load_state()
    assert SecretBallot.objects.filter(motion=election).count() == 3
    chair_does(panel, "Fermer le vote")
    delegates[2].reload()
    results = delegates[2].content()
    assert "Anne, Bruno" in results
    assert_no_axe_violations(delegates[2])
    for page in [panel, *delegates]:
        page.context.close()
