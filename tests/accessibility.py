"""Accessibility helper: run axe-core in the page and fail on any violation, listing them.

axe-core comes from the pinned axe-playwright-python package (it ships axe.min.js), so
nothing is downloaded at test time. Every rule axe enables by default runs (WCAG 2.0/2.1
A and AA plus best practices), not only a chosen subset.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    return _axe.run(page).response["violations"]


def assert_no_axe_violations(page):
    violations = axe_violations(page)
    if violations:
        pytest.fail(
            f"axe-core found {len(violations)} violation(s) on {page.url}:\n"
            + format_violations(violations),
            pytrace=False,
        )
