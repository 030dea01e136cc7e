"""The editorial guide (docs/guide-redaction.md) inside the admin, under « Aide ».

One text for both: the Markdown file in the repository is what engineers review, and the
admin shows it rendered (Python-Markdown, with its tables and heading anchors) to staff
who never open the repository. Wagtail's own « Editor Guide » and « What's new » links
lead to its English documentation on the web; the help menu offers this guide instead.
"""

from functools import cache
from pathlib import Path

import markdown
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache

GUIDE = Path(settings.BASE_DIR) / "docs" / "guide-redaction.md"


@cache
def guide() -> tuple[str, str]:
    """The guide's title (its first line, « # … ») and the rest as HTML; the file is part
    of the release, so it is read once per process."""
    title, _newline, body = GUIDE.read_text(encoding="utf-8").partition("\n")
    html = markdown.markdown(body, extensions=["tables", "toc", "sane_lists"])
    return title.removeprefix("# ").strip(), html


@never_cache
def editor_guide(request):
    title, html = guide()
    return TemplateResponse(
        request,
        "consortium/admin/editor_guide.html",
        {"page_title": title, "guide": mark_safe(html)},  # noqa: S308 (the project's own file)
    )


def is_upstream_help(item) -> bool:
    return item.name == "editor-guide" or item.name.startswith("whats-new-in-wagtail-")


def writes_pages(user) -> bool:
    """Who the guide is for: those who may add or edit pages."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


def translates(user) -> bool:
    """Who reads wagtail-localize's « Traductions » report: those who may translate."""
    return user.has_perm("wagtail_localize.submit_translation")
