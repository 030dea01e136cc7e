"""Fixtures of the members tests. Approval (an application becoming a member) and the
committee, who keeps the register, are membership's fixtures."""

from membership.tests.conftest import (  # noqa: F401 - fixtures
    committee,
    committee_user,
    make_application,
    membership,
)
