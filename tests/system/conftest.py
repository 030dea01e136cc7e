"""Fixtures the system tests share with the apps' own tests."""

from membership.tests.conftest import answers, committee, membership  # noqa: F401 - fixtures
