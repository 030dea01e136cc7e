"""Wagtail's content checker (the accessibility checks in the editor's preview panel and
in the userbar), with the rules that matter for what editors write.

Wagtail's defaults already check link text, heading order, empty headings and the quality
of alternative text; we add the images without alternative text and alternative text that
repeats the surrounding text, both of which editors can cause.
"""

from wagtail.admin.userbar import ContentCheckerItem


class ContentChecks(ContentCheckerItem):
    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
        "link-in-text-block",
    ]


def use_content_checks(items: list) -> None:
    """Swap Wagtail's checker for ours in the userbar's items (same place, same mode)."""
    for index, item in enumerate(items):
        if type(item) is ContentCheckerItem:
            items[index] = ContentChecks(in_editor=item.in_editor)
