"""Fixtures of the privacy tests: applications to anonymise (membership's own fixture)."""

from membership.tests.conftest import make_application  # noqa: F401
