"""Every public page type, in both languages, is valid HTML for the Nu HTML Checker.

The pages are those of the demo site (real content: rich text, lists, figures, images,
timelines), rendered by Django's test client and checked in one run of the checker.
"""

from pathlib import Path

import pytest

from tests.demo_pages import DEMO_PAGES
from tests.html_validity import assert_valid_html, problems

pytestmark = [pytest.mark.django_db, pytest.mark.vnu]


def test_every_public_page_type_is_valid_html(client, demo, tmp_path):
    paths = []
    for kind, *urls, status in DEMO_PAGES:
        for url in urls:
            response = client.get(url)
            assert response.status_code == status, (kind, url, response.status_code)
            name = url.strip("/").replace("/", "_").replace("?", "_").replace("=", "-")
            path = tmp_path / f"{name or 'root'}.html"
            path.write_bytes(response.content)
            paths.append(path)
    assert len(paths) == 2 * len(DEMO_PAGES)
    assert_valid_html(paths)


def test_the_checker_reports_invalid_html(tmp_path: Path):
    """The helper fails on real errors (so an empty list above means something)."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>x</title></head>'
        "<body><p><div>Bloc dans un paragraphe</p></div><img src=x.png></body></html>"
    )
    messages = [problem["message"] for problem in problems([page])]
    assert any("alt" in message for message in messages), messages
    assert len(messages) >= 2, messages
