"""Redis stops during a vote (issue #34: a vote confirmed to the voter is never lost or
counted twice, Redis down): the site's cache is a Redis server of the test's own, with the
production backend (consortium.caching.resilient_redis), killed while the vote is open.
Delegates still say they are present, vote once, are told so, and read the results."""

import pytest

from assembly import roll, voting
from assembly.factories import MotionFactory
from assembly.models import OpenBallot
from assembly.tests.conftest import signed_in
from tests.processes import RedisServer

pytestmark = [pytest.mark.django_db, pytest.mark.system]

PAGE = "/fr/espace-membre/assemblee/"


@pytest.fixture
def redis_cache(settings, tmp_path):
    """The default cache on a Redis server of the test's own (started; killed by the test)."""
    server = RedisServer(tmp_path)
    server.start()
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "consortium.caching.resilient_redis.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"retry_seconds": 1.0, "socket_timeout": 0.5},
        },
    }
    yield server
    server.process.kill()


def test_a_vote_is_cast_once_and_counted_while_redis_is_down(
    assembly, register, space, redis_cache
):
    roll.draw(assembly)
    motion = MotionFactory(assembly=assembly, title="Adoption du rapport", title_en="Report")
    voting.open_vote(motion)
    alpha = register["alpha"].contacts.get(is_principal=True)
    phone, laptop = signed_in(alpha), signed_in(alpha)
    assert phone.get(PAGE).status_code == 200  # the cache in use before the fault

    redis_cache.kill()
    response = phone.post(PAGE + "presence/", follow=True)
    assert response.status_code == 200 and "Vous êtes présent·e" in response.content.decode()
    response = phone.post(PAGE + f"vote/{motion.pk}/", {"choice": "for"}, follow=True)
    assert "Votre vote sur le point 1 est enregistré" in response.content.decode()
    response = laptop.post(PAGE + f"vote/{motion.pk}/", {"choice": "against"}, follow=True)
    assert "Votre organisation a déjà voté sur ce point" in response.content.decode()
    assert OpenBallot.objects.filter(motion=motion).count() == 1

    results = voting.close_vote(motion).results
    assert results["counts"] == {"for": 1, "against": 0, "abstain": 0}
    html = laptop.get(PAGE).content.decode()
    assert "Adoptée." in html
