"""Test-suite wiring shared by every app's tests.

Tests under tests/system/ and every browser or HTML-checker test are marked ``system``
(real processes: Chromium, Java, gunicorn, redis-server, pg_dump): `make test-fast` runs
the others. Hypothesis runs 200 examples per property under CI (CI=true or
HYPOTHESIS_PROFILE=ci) and 25 elsewhere.

Tests marked ``postgres``, ``browser`` or ``vnu`` need PostgreSQL, Chromium or the Nu HTML
Checker (Java and `npm ci`). Locally they skip with a visible reason when those are missing;
with REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 / REQUIRE_VNU=1 (as .ci/run sets) the same
absence fails the run instead.
"""

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests import fast_flush

settings.register_profile(
    "ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
)

# Django's test flush, faster on PostgreSQL (tests/fast_flush.py).
fast_flush.install()

SYSTEM_TESTS = Path(__file__).parent / "tests" / "system"
SYSTEM_MARKERS = ("browser", "vnu")

pytest_plugins = [
    "tests.fixtures.database",
    "tests.fixtures.requirements",
    "tests.fixtures.site",
    "tests.fixtures.browser",
    "tests.fixtures.mail",
    "tests.fixtures.demo",
    "tests.fixtures.editorial",
    "tests.fixtures.two_factor",
    "tests.fixtures.roles",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if SYSTEM_TESTS in Path(item.path).parents or any(
            item.get_closest_marker(name) for name in SYSTEM_MARKERS
        ):
            item.add_marker(pytest.mark.system)
