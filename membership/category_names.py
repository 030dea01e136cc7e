"""A membership category in the reader's language.

An application stores its category as the applicant read it, on the membership page in
their language (« Supporting member » for an English applicant). The committee reads it in
its own language: the page's translation keeps each category block's id, so the same block
in the committee's language gives the name (« Membre de soutien »). A name that matches no
block (a category renamed or removed since) is shown as stored.
"""

from .models import MembershipApplication, MembershipPage


def category_translations(language: str) -> dict[tuple[str, str], str]:
    """(applicant's language, stored name) → the name in ``language``, for every live
    membership page (one query)."""
    pages = MembershipPage.objects.live().select_related("locale")
    blocks_by_language: dict[str, dict[str, str]] = {}
    for page in pages:
        blocks = blocks_by_language.setdefault(page.locale.language_code, {})
        for block in page.categories:
            blocks.setdefault(block.id, block.value["name"])
    names = blocks_by_language.get(language, {})
    return {
        (source_language, name): names[block_id]
        for source_language, blocks in blocks_by_language.items()
        for block_id, name in blocks.items()
        if block_id in names
    }


def category_name(application: MembershipApplication, translations: dict) -> str:
    """The application's category by ``category_translations(language)``."""
    return translations.get((application.language, application.category), application.category)
