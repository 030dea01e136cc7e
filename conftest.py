"""Test-suite wiring shared by every app's tests.

Tests marked ``postgres``, ``browser`` or ``vnu`` need PostgreSQL, Chromium or the Nu HTML
Checker (Java and `npm ci`). Locally they skip with a visible reason when those are missing;
with REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1 / REQUIRE_VNU=1 (as .ci/run sets) the same
absence fails the run instead.
"""

pytest_plugins = [
    "tests.fixtures.requirements",
    "tests.fixtures.site",
    "tests.fixtures.browser",
    "tests.fixtures.mail",
]
