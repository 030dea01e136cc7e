"""Test-suite wiring shared by every app's tests.

Tests marked ``postgres`` or ``browser`` need PostgreSQL or Chromium. Locally they skip
with a visible reason when those are missing; with REQUIRE_POSTGRES=1 / REQUIRE_BROWSER=1
(as .ci/run sets) the same absence fails the run instead.
"""

pytest_plugins = [
    "tests.fixtures.requirements",
    "tests.fixtures.site",
    "tests.fixtures.browser",
]
